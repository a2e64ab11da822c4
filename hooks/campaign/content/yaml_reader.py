"""Frontmatter YAML, read so that no file can crash or exhaust the build, with values as the author wrote them.

- Bounded: a document nested deeper than MAX_DEPTH, or whose aliases would
  expand past MAX_VALUES values, is refused before anything expands it
  (eight levels of aliases in 400 bytes would otherwise take gigabytes).
  Deep nesting is measured on the parser's events first when the text could
  hold it: libyaml's composer recurses in C, where no RecursionError saves us.
- Scalars as written: dates stay text for core.dates (so 2024-02-30 gets the
  same message in every form), numbers are text as written ("3.10", not 3.1),
  and YAML 1.1's yes/no/on/off/true/false are a `YamlWord` that flag fields
  take as true/false and text fields report as written.
- Text is text: control characters from escapes ("\\x01", "\\e") are removed
  and noted with their line; a key given twice is noted too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from ..core.text import without_control_characters

try:  # libyaml is much faster on large sites; PyYAML's pure Python is the fallback
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_DEPTH = 40  # an activity's field is at depth 3
MAX_VALUES = 50_000  # a plan with 500 activities of 10 fields has about 11,000
_SCAN_ABOVE = 2_000  # fewer nesting indicators than this cannot nest deep enough to hurt the composer


@dataclass(frozen=True)
class YamlWord:
    """yes/no/on/off/true/false as written: true or false where a flag is expected, a mistake in text."""

    written: str
    meaning: bool

    def __str__(self) -> str:
        return self.written

    def __repr__(self) -> str:
        return self.written


class YamlNumber(str):
    """A number as written: text fields take "2024" or "3.10" as text, unchanged."""

    def __repr__(self) -> str:
        return str(self)


class YamlRefused(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line  # 0-based, within the YAML text


@dataclass
class YamlNotes:
    """What reading noticed without refusing: (0-based line, message)."""

    removed: list[tuple[int, list[str]]] = field(default_factory=list)  # control characters taken out of a value
    repeated: list[tuple[int, str, int]] = field(default_factory=list)  # (line, key, line of its first use)


class _Loader(_BaseLoader):
    notes: YamlNotes


def _word(loader: _Loader, node: yaml.ScalarNode) -> YamlWord:
    written = loader.construct_scalar(node)
    return YamlWord(written, written.lower() in ("yes", "true", "on"))


def _number(loader: _Loader, node: yaml.ScalarNode) -> YamlNumber:
    return YamlNumber(loader.construct_scalar(node))


def _as_written(loader: _Loader, node: yaml.ScalarNode) -> str:
    return loader.construct_scalar(node)


def _text(loader: _Loader, node: yaml.ScalarNode) -> str:
    value, removed = without_control_characters(loader.construct_scalar(node))
    if removed:
        loader.notes.removed.append((node.start_mark.line, removed))
    return value


_Loader.add_constructor("tag:yaml.org,2002:bool", _word)
_Loader.add_constructor("tag:yaml.org,2002:int", _number)
_Loader.add_constructor("tag:yaml.org,2002:float", _number)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _as_written)
_Loader.add_constructor("tag:yaml.org,2002:str", _text)


def load(text: str) -> tuple[object, yaml.Node | None, YamlNotes]:
    """The value of one YAML document, its node tree (for line numbers) and what was noticed.

    Raises yaml.YAMLError for invalid YAML, YamlRefused past the bounds.
    """
    if sum(text.count(c) for c in "[{-:?") > _SCAN_ABOVE:
        _check_depth_on_events(text)
    loader = _Loader(text)
    loader.notes = YamlNotes()
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, None, loader.notes
        _check_size(node, loader.notes)
        return loader.construct_document(node), node, loader.notes
    finally:
        loader.dispose()


def _check_depth_on_events(text: str) -> None:
    loader = _BaseLoader(text)
    try:
        depth = 0
        while (event := loader.get_event()) is not None:
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlRefused(event.start_mark.line if event.start_mark else 0, f"nested more than {MAX_DEPTH} levels deep")
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    finally:
        loader.dispose()


def _check_size(root: yaml.Node, notes: YamlNotes) -> None:
    """Count the values the document would expand to, and its depth, visiting each shared node once."""
    measured: dict[int, tuple[int, int]] = {}  # id(node) -> (values, height) once expanded
    visiting: set[int] = set()

    def measure(node: yaml.Node, depth: int) -> tuple[int, int]:
        known = measured.get(id(node))
        if known is None:
            if id(node) in visiting:
                raise YamlRefused(node.start_mark.line, "an alias refers to the value that contains it")
            if depth > MAX_DEPTH:
                raise YamlRefused(node.start_mark.line, f"nested more than {MAX_DEPTH} levels deep")
            visiting.add(id(node))
            children: list[yaml.Node] = []
            if isinstance(node, yaml.SequenceNode):
                children = node.value
            elif isinstance(node, yaml.MappingNode):
                _note_repeated_keys(node, notes)
                children = [part for pair in node.value for part in pair]
            values, height = 1, 0
            for child in children:
                child_values, child_height = measure(child, depth + 1)
                values, height = values + child_values, max(height, child_height + 1)
                if values > MAX_VALUES:
                    raise YamlRefused(node.start_mark.line, f"expands to more than {MAX_VALUES:,} values (through its aliases '*…')")
            visiting.discard(id(node))
            known = measured[id(node)] = (values, height)
        if depth + known[1] > MAX_DEPTH:
            raise YamlRefused(node.start_mark.line, f"nested more than {MAX_DEPTH} levels deep")
        return known

    measure(root, 0)


def _note_repeated_keys(node: yaml.MappingNode, notes: YamlNotes) -> None:
    first: dict[str, int] = {}
    for key, _ in node.value:
        if isinstance(key, yaml.ScalarNode):
            if key.value in first:
                notes.repeated.append((key.start_mark.line, key.value, first[key.value]))
            else:
                first[key.value] = key.start_mark.line
