"""Read one news file into a NewsItem, or into the problems that keep it out.

This module knows the news content contract (content/fields.py), nothing
about MkDocs or pages. Every problem found in a file is reported, not only
the first.
"""

from __future__ import annotations

import posixpath
from datetime import datetime, tzinfo
from pathlib import Path

import imagesize

from ..content.field_reader import FieldReader
from ..content.fields import NEWS_FIELDS
from ..content.source import SourceText, key_from_name, language_from_name, read_source
from ..content.walk import ContentFile, ReadResult, untranslated
from ..core.problems import describe, quoted
from ..core.settings import Settings
from ..core.slugs import slugify
from .model import FeaturedImage, LocalImage, NewsItem


def read_news_item(file: ContentFile, settings: Settings) -> ReadResult[NewsItem]:
    lang = language_from_name(file.source, settings)
    parsed, problems = read_source(file.path, file.shown)
    if parsed is None:
        return ReadResult(lang, None, tuple(problems))
    if untranslated(parsed.frontmatter, parsed.body, lang, NEWS_FIELDS, settings):
        return ReadResult(lang, None, untranslated=True)
    return _NewsReader(parsed, file, settings).read(lang)


class _NewsReader(FieldReader):
    """Checks each field of one news item and collects every problem."""

    def __init__(self, parsed: SourceText, file: ContentFile, settings: Settings):
        super().__init__(NEWS_FIELDS, parsed.frontmatter, parsed.field_lines, file.shown, settings, warnings=list(parsed.warnings))
        self.body, self.file = parsed.body, file
        self.looked_at: list[Path] = []

    def read(self, default_lang: str) -> ReadResult[NewsItem]:
        self.unknown_fields()
        lang = self.language(default_lang)
        title = self.text("title")
        date = self.moment("date")
        updated = self.updated(date)
        category = None
        category_name = self.text("category")
        if category_name is not None:
            category = self.settings.category(category_name)
            if category is None:
                self.problem("category", f"unknown category {quoted(category_name)}; known categories: {self.settings.category_choices()}")
        tags = self.tags()
        image = self.image()
        slug = self.slug(title)
        translation_key = self.text("translation_key") or key_from_name(self.file.source, self.settings)
        draft = self.flag("draft")
        author, summary = self.text("author"), self.text("summary")

        if self.problems or title is None or date is None or category is None or not slug:
            return ReadResult(lang, None, self.reported, looked_at=tuple(self.looked_at))
        return ReadResult(lang, NewsItem(
            source=self.file.source, lang=lang, title=title, date=date, updated=updated,
            category=category, slug=slug, translation_key=translation_key, body=self.body,
            tags=tags, author=author, summary=summary, image=image, draft=draft,
        ), self.reported, looked_at=tuple(self.looked_at))

    def updated(self, date: datetime | None) -> datetime | None:
        parsed = self.moment_and_time("updated")
        if parsed is None:
            return None
        updated, has_time = parsed
        if date is not None:
            tz = self.settings.timezone
            earlier = updated < date if has_time else updated.date() < date.astimezone(tz).date()
            if earlier:
                self.warning("updated", f"{_shown(updated, has_time, tz)} is before the date {_shown(date, True, tz)}; "
                             "'updated' says when the item last changed, after it was published")
        return updated

    def tags(self) -> tuple[str, ...]:
        value = self.data.get("tags")
        if value is None:
            return ()
        if isinstance(value, str):
            if "," in value:
                self.warning("tags", f"{quoted(value)} is one tag; for several tags write a list: "
                             f"[{', '.join(part.strip() for part in value.split(','))}]")
            value = [value]
        if not isinstance(value, list):
            self.problem("tags", f"expected a list of words, e.g. [hợp tác xã, Luật HTX 2023], got {describe(value)}")
            return ()
        tags: list[str] = []
        for number, given in enumerate(value, start=1):
            if isinstance(given, (dict, list)):
                self.problem("tags", f"tag {number}: expected a word or a few words, got {describe(given)}")
                continue
            if not isinstance(given, str):
                self.problem("tags", f"tag {number}: expected a word or a few words, got {describe(given)}, which YAML reads "
                             f"as true or false; write it in quotes: \"{given}\"")
                continue
            tag = " ".join(given.split())
            if not slugify(tag):
                self.problem("tags", f"tag {quoted(tag)} has no letters or digits")
            elif tag not in tags:
                tags.append(tag)
        return tuple(tags)

    def image(self) -> FeaturedImage | None:
        src = self.text("image")
        alt, caption = self.text("image_alt"), self.text("image_caption")
        if src is None:
            for name in ("image_alt", "image_caption"):
                if name in self.data:
                    self.problem(name, "given without 'image'; add the image path or remove this field")
            return None
        alt = alt or caption or ""
        if src.lower().startswith("https://") and len(src) > len("https://"):
            return FeaturedImage(src, alt, caption)
        if ":" in src.split("/", 1)[0] or src.startswith(("//", "/", "\\")):
            self.problem("image", f"expected a path relative to this file or an https:// address, got {quoted(src)}")
            return None
        news_dir = self.settings.news_dir
        target = (self.file.path.parent / src).resolve()
        self.looked_at.append(target)
        if news_dir not in target.parents:  # news_dir is resolved by load_settings
            self.problem("image", f"{quoted(src)} is outside the news folder; keep images inside {news_dir.name}/")
            return None
        if not target.is_file():
            self.problem("image", f"file not found: {quoted(src)} (a path relative to this file, or an https:// address)")
            return None
        width, height = imagesize.get(str(target))
        return FeaturedImage(src, alt, caption, LocalImage(
            path=posixpath.normpath(posixpath.join(str(self.file.source.parent), src)), file=target,
            size=(round(width), round(height)) if width > 0 and height > 0 else None,
        ))


def _shown(moment: datetime, has_time: bool, tz: tzinfo) -> str:
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M") if has_time else moment.date().isoformat()
