"""Plain-text summaries: the first paragraph of an article, cut at a word boundary."""

from __future__ import annotations

from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import PurePosixPath

from .model import NewsItem


class Summaries:
    """Each item's summary, derived once: an item is listed on many pages and in feeds.

    `rendered` is the build's record of each article's HTML, by source path;
    the summary of an item comes from it when the frontmatter has none.
    """

    def __init__(self, length: int, rendered: Mapping[PurePosixPath, str]):
        self.length = length
        self.rendered = rendered
        self._cache: dict[PurePosixPath, str] = {}

    def __call__(self, item: NewsItem) -> str:
        if item.source not in self._cache:
            html = self.rendered.get(item.source)
            text = item.summary or (first_paragraph(html) if html else "")
            self._cache[item.source] = cut_at_word(text, self.length)
        return self._cache[item.source]


class _FirstParagraph(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside the first <p>
        self.done = False
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        if tag == "p":
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "p" and self.depth and not self.done:
            self.depth -= 1
            if not self.depth and "".join(self.parts).strip():
                self.done = True

    def handle_data(self, data):
        if self.depth and not self.done:
            self.parts.append(data)


def first_paragraph(html: str) -> str:
    parser = _FirstParagraph()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def cut_at_word(text: str, limit: int) -> str:
    """At most `limit` characters, ending at a whole word, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[: limit + 1] else text[:limit]
    return cut.rstrip(" ,.;:–-") + "…"
