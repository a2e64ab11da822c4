"""A content file's text: decoded, normalised, split into YAML frontmatter (with line numbers) and body.

Like Pelican's readers, this knows the file format and nothing of what the
fields mean: news/ and plans/ read their fields out of the `SourceText`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from ..core.problems import Problem
from ..core.settings import Settings

try:  # libyaml is much faster on large sites; PyYAML's pure Python is the fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


@dataclass(frozen=True)
class SourceText:
    """A Markdown file split into frontmatter and body, with line numbers."""

    frontmatter: dict
    field_lines: dict[str, int]
    body: str  # Markdown, NFC, LF line ends
    node: yaml.Node | None = None  # the YAML tree, for the lines of nested fields


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (with or without BOM), use LF line ends and Unicode NFC."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [Problem(shown, line, "file", f"is not UTF-8 text (byte {exc.start}); save it as UTF-8")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text), []


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
        loader = _Loader(yaml_text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = mark.line + 2 if mark else 1  # +1 for 0-based, +1 for the opening '---'
        return None, [Problem(shown, at, "frontmatter", f"invalid YAML: {exc.problem or exc}")]
    except yaml.YAMLError as exc:
        return None, [Problem(shown, 1, "frontmatter", f"invalid YAML: {exc}")]
    if not isinstance(data, dict):
        return None, [Problem(shown, 2, "frontmatter", "expected 'field: value' lines, e.g. 'title: ...'")]
    return SourceText(data, mapping_lines(node), "\n".join(lines[end + 1 :]), node), []


def read_source(path: Path, shown: str) -> tuple[SourceText | None, list[Problem]]:
    """A content file's text split into frontmatter and body, or why it could not be."""
    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    return split_frontmatter(text, shown)


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
