"""Read one news file into a NewsItem, or into the problems that keep it out.

Like Pelican's readers: this module knows the file format and the content
contract, nothing about MkDocs or pages. Every problem found in a file is
reported, not only the first.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml

from ..content.fields import NEWS_FIELDS, FieldSet
from ..core.dates import DateError, parse_datetime
from ..core.problems import Problem
from ..core.settings import Settings
from ..core.slugs import slugify
from .model import FeaturedImage, NewsItem

try:  # libyaml is much faster on large sites; PyYAML's pure Python is the fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader



@dataclass
class ReadResult:
    lang: str  # the item's language, or the best guess when it could not be read
    item: NewsItem | None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class SourceText:
    """A Markdown file split into frontmatter and body, with line numbers."""

    frontmatter: dict
    field_lines: dict[str, int]
    body: str
    node: yaml.Node | None = None  # the YAML tree, for the lines of nested fields


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (with or without BOM), use LF line ends and Unicode NFC."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        return None, [Problem(shown, line, "file", f"is not UTF-8 text (byte {exc.start}); save it as UTF-8")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text), []


def split_frontmatter(text: str, shown: str) -> tuple[SourceText | None, list[Problem]]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, [Problem(shown, 1, "frontmatter", "expected the file to start with a YAML block between two '---' lines")]
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            break
    else:
        return None, [Problem(shown, 1, "frontmatter", "the YAML block opened by '---' on line 1 is never closed by a '---' line")]
    yaml_text = "\n".join(lines[1:end])
    try:
        loader = _Loader(yaml_text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark else 1  # +1 for 0-based, +1 for the opening '---'
        return None, [Problem(shown, line, "frontmatter", f"invalid YAML: {exc.problem or exc}")]
    except yaml.YAMLError as exc:
        return None, [Problem(shown, 1, "frontmatter", f"invalid YAML: {exc}")]
    if not isinstance(data, dict):
        return None, [Problem(shown, 2, "frontmatter", "expected 'field: value' lines, e.g. 'title: ...'")]
    field_lines = mapping_lines(node)
    return SourceText(data, field_lines, "\n".join(lines[end + 1 :]), node), []


def mapping_lines(node: yaml.Node | None) -> dict[str, int]:
    """The file line of each key of a YAML mapping node (the frontmatter starts on line 2)."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): key.start_mark.line + 2 for key, _ in node.value}


def child_node(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key:
                return value_node
    return None


def language_from_name(source: PurePosixPath, settings: Settings) -> str:
    """`slug.en.md` is English; a name without a language suffix is the default language."""
    suffixes = source.name.split(".")[1:-1]
    if suffixes and suffixes[-1] in settings.languages:
        return suffixes[-1]
    return settings.default_language


def key_from_name(source: PurePosixPath, settings: Settings) -> str:
    """The translation key a file gets by default: its path without the language suffix."""
    stem = source.name[: -len(".md")]
    parts = stem.split(".")
    if len(parts) > 1 and parts[-1] in settings.languages:
        stem = ".".join(parts[:-1])
    return str(source.with_name(stem))


def read_source(path: Path, shown: str) -> tuple[SourceText | None, list[Problem]]:
    """A content file's text split into frontmatter and body, or why it could not be."""
    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    return split_frontmatter(text, shown)


def read_news_item(path: Path, source: PurePosixPath, shown: str, settings: Settings) -> ReadResult:
    lang = language_from_name(source, settings)
    parsed, problems = read_source(path, shown)
    if parsed is None:
        return ReadResult(lang, None, problems)
    return _Validator(parsed, path, source, shown, settings, lang).run()


class FieldReader:
    """Reads typed fields out of one YAML mapping, with a Problem for each mistake.

    `prefix` and `context` place a nested mapping (an activity of a plan) in
    the messages; `line` is used for fields the mapping does not have.
    """

    def __init__(self, fields: FieldSet, data: dict, lines: dict[str, int], shown: str, settings: Settings,
                 problems: list[Problem] | None = None, prefix: str = "", context: str = "", line: int | None = None):
        self.fields, self.data, self.lines, self.shown, self.settings = fields, data, lines, shown, settings
        self.problems: list[Problem] = [] if problems is None else problems
        self.prefix, self.context, self.line = prefix, context, line

    def problem(self, name: str, message: str) -> None:
        self.problems.append(Problem(self.shown, self.lines.get(name, self.line), self.prefix + name, self.context + message))

    def unknown_fields(self) -> None:
        for name in self.data:
            if name not in self.fields.names:
                self.problem(str(name), f"unknown field; known fields are: {', '.join(self.fields.names)}")

    def is_required(self, name: str) -> bool:
        return self.fields[name].required

    def language(self, default: str) -> str:
        lang = self.data.get("lang", default)
        if lang not in self.settings.languages:
            self.problem("lang", f"expected one of {', '.join(self.settings.languages)}, got {lang!r}")
            return default
        return lang

    def flag(self, name: str, default: bool = False) -> bool:
        value = self.data.get(name, default)
        if not isinstance(value, bool):
            self.problem(name, f"expected true or false, got {value!r}")
            return default
        return value

    def text(self, name: str) -> str | None:
        """One line of plain text, spaces normalised."""
        required = self.is_required(name)
        value = self.data.get(name)
        if value is None:
            if required:
                self.problem(name, "missing; this field is required")
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.problem(name, f"expected plain text, got {_describe(value)}")
            return None
        value = " ".join(str(value).split())
        if not value and required:
            self.problem(name, "is empty; this field is required")
            return None
        return value or None

    def moment(self, name: str):
        parsed = self.moment_and_time(name)
        return parsed[0] if parsed else None

    def moment_and_time(self, name: str) -> tuple | None:
        """(aware datetime, whether a time of day was given), or None."""
        value = self.data.get(name)
        if value is None:
            if self.is_required(name):
                self.problem(name, "missing; this field is required")
            return None
        try:
            return parse_datetime(value, self.settings.timezone)
        except DateError as exc:
            self.problem(name, str(exc))
            return None


    def slug(self, title: str | None) -> str | None:
        given = self.text("slug")
        slug = slugify(given or title or "")
        if given is not None and not slug:
            self.problem("slug", f"expected letters, digits and hyphens, got {given!r}")
        elif title and not slug:
            self.problem("title", "has no letters or digits to make a URL from; add a 'slug' field")
        return slug or None


class _Validator(FieldReader):
    """Checks each field of one news item and collects every problem."""

    def __init__(self, parsed: SourceText, path: Path, source: PurePosixPath, shown: str, settings: Settings, lang: str):
        super().__init__(NEWS_FIELDS, parsed.frontmatter, parsed.field_lines, shown, settings)
        self.body = parsed.body
        self.path, self.source, self.lang = path, source, lang

    def run(self) -> ReadResult:
        self.unknown_fields()
        lang = self.language(self.lang)

        title = self.text("title")
        date = self.moment("date")
        updated = self.moment("updated")
        category = None
        category_name = self.text("category")
        if category_name is not None:
            category = self.settings.category(category_name)
            if category is None:
                self.problem("category", f"unknown category {category_name!r}; known categories: {self.settings.category_choices()}")
        tags = self.tags()
        image = self.image()
        slug = self.slug(title)
        translation_key = self.text("translation_key") or key_from_name(self.source, self.settings)
        draft = self.flag("draft")

        if self.problems or None in (title, date, category) or not slug:
            return ReadResult(lang, None, self.problems)
        return ReadResult(lang, NewsItem(
            source=self.source, lang=lang, title=title, date=date, updated=updated,
            category=category, slug=slug, translation_key=translation_key, body=self.body,
            tags=tags, author=self.text("author"), summary=self.text("summary"),
            image=image, draft=draft,
        ))

    def tags(self) -> tuple[str, ...]:
        value = self.data.get("tags")
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(t, (str, int)) and not isinstance(t, bool) for t in value):
            self.problem("tags", f"expected a list of words, e.g. [hợp tác xã, Luật HTX 2023], got {_describe(value)}")
            return ()
        tags = []
        for tag in (" ".join(str(t).split()) for t in value):
            if not slugify(tag):
                self.problem("tags", f"tag {tag!r} has no letters or digits")
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
        image = FeaturedImage(src=src, alt=alt or caption or "", caption=caption)
        if not image.is_external:
            target = (self.path.parent / src).resolve()
            news_dir = self.settings.news_dir
            if not target.is_file():
                self.problem("image", f"file not found: {src!r} (a path relative to this file, or an https:// URL)")
            elif news_dir not in target.parents:
                self.problem("image", f"{src!r} is outside the news folder; keep images inside {news_dir.name}/")
        return image


def _describe(value) -> str:
    if isinstance(value, dict):
        return "a mapping (field: value)"
    if isinstance(value, list):
        return "a list"
    return repr(value)
