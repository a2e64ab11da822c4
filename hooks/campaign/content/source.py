"""A content file's text: decoded, normalised, split into YAML frontmatter (with line numbers) and body.

Like Pelican's readers, this knows the file format and nothing of what the
fields mean: news/ and plans/ read their fields out of the `SourceText`.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from ..core.problems import Problem
from ..core.settings import Settings
from ..core.text import NOT_TEXT, name_of, without_control_characters
from .yaml_reader import YamlRefused, load


@dataclass(frozen=True)
class SourceText:
    """A Markdown file split into frontmatter and body, with line numbers."""

    frontmatter: dict
    field_lines: dict[str, int]
    body: str  # Markdown, NFC, LF line ends
    node: yaml.Node | None = None  # the YAML tree, for the lines of nested fields
    warnings: tuple[Problem, ...] = ()  # what was noticed and mended: the file is still published


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (with or without BOM), use LF line ends and Unicode NFC."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(shown, None, "file", f"cannot be read: {exc.strerror or exc}")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [Problem(shown, line, "file", f"is not UTF-8 text (byte {exc.start}); save it as UTF-8")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text), []


def control_characters(text: str) -> tuple[str, list[tuple[int, list[str]]]]:
    """`text` without the characters no page, feed or calendar can carry, and (line, characters) of each removal."""
    cleaned, found = without_control_characters(text)
    if not found:
        return text, []
    removed = []
    for number, line in enumerate(text.split("\n"), start=1):
        _, on_line = without_control_characters(line)
        if on_line:
            removed.append((number, on_line))
    return cleaned, removed


def removal_warning(shown: str, line: int | None, field: str, removed: list[str]) -> Problem:
    names = ", ".join(name_of(c) for c in removed)
    return Problem(shown, line, field, f"control character{'s' if len(removed) > 1 else ''} {names} removed: "
                   "pages, feeds and calendars cannot carry them")


def split_frontmatter(text: str, shown: str) -> tuple[SourceText | None, list[Problem]]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, [Problem(shown, 1, "frontmatter", "expected the file to start with a YAML block between two '---' lines")]
    for end, text_line in enumerate(lines[1:], start=1):  # noqa: B007 (`end` is used after the loop)
        if text_line.strip() in ("---", "..."):
            break
    else:
        return None, [Problem(shown, 1, "frontmatter", "the YAML block opened by '---' on line 1 is never closed by a '---' line")]
    yaml_text = "\n".join(lines[1:end])
    try:
        data, node, notes = load(yaml_text)
    except YamlRefused as exc:
        return None, [Problem(shown, exc.line + 2, "frontmatter", f"refused: {exc}")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = mark.line + 2 if mark else 1  # +1 for 0-based, +1 for the opening '---'
        return None, [Problem(shown, at, "frontmatter", f"invalid YAML: {exc.problem or exc}")]
    except yaml.YAMLError as exc:
        return None, [Problem(shown, 1, "frontmatter", f"invalid YAML: {exc}")]
    if not isinstance(data, dict):
        return None, [Problem(shown, 2, "frontmatter", "expected 'field: value' lines, e.g. 'title: ...'")]
    lines_of = mapping_lines(node)
    warnings = [removal_warning(shown, line + 2, field_at(line + 2, lines_of), chars) for line, chars in notes.removed]
    warnings += [
        Problem(shown, line + 2, str(key), f"given twice (first on line {first + 2}); the value on this line is used, remove one of them")
        for line, key, first in notes.repeated
    ]
    return SourceText(data, lines_of, "\n".join(lines[end + 1 :]), node, tuple(warnings)), []


def field_at(line: int, field_lines: dict[str, int]) -> str:
    """The top-level field a frontmatter line belongs to."""
    starts = sorted((at, name) for name, at in field_lines.items())
    index = bisect.bisect_right(starts, (line, "\uffff")) - 1
    return starts[index][1] if index >= 0 else "frontmatter"


def read_source(path: Path, shown: str) -> tuple[SourceText | None, list[Problem]]:
    """A content file's text split into frontmatter and body, or why it could not be.

    Characters that are not text are removed first, each removal a warning
    naming its line and field; the item is still published.
    """
    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    text, removed = control_characters(text)
    parsed, problems = split_frontmatter(text, shown)
    if parsed is None:
        return parsed, problems
    body_starts = text.count("\n") - parsed.body.count("\n") + 1
    warnings = [
        removal_warning(shown, line, "body" if line >= body_starts else field_at(line, parsed.field_lines), chars)
        for line, chars in removed
    ]
    if "&#" in parsed.body:
        warnings += [removal_warning(shown, body_starts + line - 1, "body", chars) for line, chars in _control_references(parsed.body)]
    if not warnings:
        return parsed, problems
    return dataclasses.replace(parsed, warnings=tuple(warnings) + parsed.warnings), problems


_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _control_references(body: str) -> list[tuple[int, list[str]]]:
    """Character references such as &#1; in a body: HTML turns them back into control characters.

    The rendered body loses them (output.sanitize); this tells the author where they were.
    &#0; and &#128;–&#159; are not counted: HTML reads them as U+FFFD and Windows-1252 letters.
    """
    found = []
    for number, line in enumerate(body.split("\n"), start=1):
        chars = []
        for match in _REFERENCE.finditer(line):
            code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
            if 0 < code <= 0x10FFFF and not 0x80 <= code <= 0x9F and NOT_TEXT.fullmatch(chr(code)):
                chars.append(chr(code))
        if chars:
            found.append((number, list(dict.fromkeys(chars))))
    return found


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
