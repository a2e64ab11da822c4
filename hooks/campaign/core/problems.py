"""Problems found in content: where, which field, what was expected."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .text import excerpt


@dataclass(frozen=True)
class Problem:
    path: str  # shown relative to the project, e.g. news/2024/slug.md
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}"


def in_reading_order(problems: Iterable[Problem]) -> list[Problem]:
    """By file, then line, then field: the order an author fixes them in, the same in every build."""
    return sorted(problems, key=lambda p: (p.path, p.line or 0, p.field))


def describe(value: object) -> str:
    """A wrong value as a message shows it: its kind for mappings and lists, else the value as written, cut short."""
    if isinstance(value, dict):
        return "a mapping (field: value)"
    if isinstance(value, list):
        return "a list"
    return quoted(value)


def quoted(value: object) -> str:
    """A value in a message: repr() (YAML's words and numbers show as written), never longer than an excerpt."""
    return excerpt(repr(value))
