"""Typed fields out of one YAML mapping, with a Problem for each mistake: shared by the news and plan readers."""

from __future__ import annotations

from datetime import datetime

from ..core.dates import DateError, parse_datetime
from ..core.problems import Problem, describe, quoted
from ..core.settings import Settings
from ..core.slugs import slugify
from .fields import FieldSet
from .yaml_reader import YamlWord


class FieldReader:
    """Reads typed fields out of one YAML mapping, collecting every problem, not only the first.

    `prefix` and `context` place a nested mapping (an activity of a plan) in
    the messages; `line` is used for fields the mapping does not have.
    `problems` keep the item (or activity) out; `warnings` are reported the
    same way, but the item is published.
    """

    def __init__(self, fields: FieldSet, data: dict, lines: dict[str, int], shown: str, settings: Settings,
                 problems: list[Problem] | None = None, prefix: str = "", context: str = "", line: int | None = None,
                 warnings: list[Problem] | None = None):
        self.fields, self.data, self.lines, self.shown, self.settings = fields, data, lines, shown, settings
        self.problems: list[Problem] = [] if problems is None else problems
        self.warnings: list[Problem] = [] if warnings is None else warnings
        self.prefix, self.context, self.line = prefix, context, line

    def problem(self, name: str, message: str) -> None:
        self.problems.append(self._located(name, message))

    def warning(self, name: str, message: str) -> None:
        self.warnings.append(self._located(name, message))

    def _located(self, name: str, message: str) -> Problem:
        return Problem(self.shown, self.lines.get(name, self.line), self.prefix + name, self.context + message)

    @property
    def reported(self) -> tuple[Problem, ...]:
        return tuple(self.problems) + tuple(self.warnings)

    def unknown_fields(self) -> None:
        for name in self.data:
            if name not in self.fields.names:
                self.problem(str(name), f"unknown field; known fields are: {', '.join(self.fields.names)}")

    def is_required(self, name: str) -> bool:
        return self.fields[name].required

    def language(self, default: str) -> str:
        lang = self.data.get("lang", default)
        if not isinstance(lang, str) or lang not in self.settings.languages:
            self.problem("lang", f"expected one of {', '.join(self.settings.languages)}, got {describe(lang)}")
            return default
        return lang

    def flag(self, name: str, default: bool = False) -> bool:
        value = self.data.get(name, default)
        if isinstance(value, YamlWord):
            return value.meaning
        if not isinstance(value, bool):
            self.problem(name, f"expected true or false, got {describe(value)}")
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
        if isinstance(value, (YamlWord, bool)):
            self.problem(name, f"expected plain text, got {value}, which YAML reads as true or false; "
                         f"write it in quotes if it is the text: \"{value}\"")
            return None
        if not isinstance(value, (str, int, float)):
            self.problem(name, f"expected plain text, got {describe(value)}")
            return None
        value = " ".join(str(value).split())
        if not value and required:
            self.problem(name, "is empty; this field is required")
            return None
        return value or None

    def moment(self, name: str) -> datetime | None:
        parsed = self.moment_and_time(name)
        return parsed[0] if parsed else None

    def moment_and_time(self, name: str) -> tuple[datetime, bool] | None:
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
            self.problem("slug", f"expected letters, digits and hyphens, got {quoted(given)}")
        elif title and not slug:
            self.problem("title", "has no letters or digits to make a URL from; add a 'slug' field")
        return slug or None

