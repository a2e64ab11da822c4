"""The kinds of value `extra.campaign` holds (build.config): each option checks one and says what it expected.

MkDocs' own config options (`BaseConfigOption`), stricter: a value of the
wrong type names what was expected and what was found.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mkdocs.config.base import BaseConfigOption, ValidationError

from ..core.problems import describe

T = TypeVar("T")


class NestedError(ValidationError):
    """A problem at a key path below the option that raised it (feeds → length)."""

    def __init__(self, path: tuple[str, ...], message: str):
        super().__init__(f"{'.'.join(path)}: {message}")
        self.path, self.message = path, message


class _Value(Generic[T], BaseConfigOption[T]):
    def __init__(self, default: object = None):
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> T:
        if value is None:
            raise ValidationError("missing; this setting is required")
        return self.check(value)

    def check(self, value: object) -> T:
        raise NotImplementedError


class Count(_Value[int]):
    """A whole number of at least `minimum` (1 unless said)."""

    def __init__(self, default: object = None, minimum: int = 1):
        super().__init__(default)
        self.minimum = minimum

    def check(self, value: object) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or value < self.minimum:
            raise ValidationError(f"expected a whole number of at least {self.minimum}, got {value!r}")
        return value


class Seconds(_Value[float]):
    def check(self, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ValidationError(f"expected a number of seconds (0 or more), got {value!r}")
        return float(value)


class Flag(_Value[bool]):
    def check(self, value: object) -> bool:
        if not isinstance(value, bool):
            raise ValidationError(f"expected true or false, got {value!r}")
        return value


class Text(_Value[str]):
    """One line of text; `strip` characters are removed from its ends (e.g. '/' of a URL segment)."""

    def __init__(self, default: str | None = None, strip: str | None = None):
        super().__init__(default)
        self.strip = strip

    def check(self, value: object) -> str:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise ValidationError(f"expected text, got {describe(value)}")
        return str(value).strip(self.strip)


class Choice(_Value[str]):
    """One of a few words."""

    def __init__(self, default: str, choices: tuple[str, ...]):
        super().__init__(default)
        self.choices = choices

    def check(self, value: object) -> str:
        if value not in self.choices:
            raise ValidationError(f"expected one of {', '.join(self.choices)}, got {describe(value)}")
        return str(value)


class OptionalText(Text):
    def run_validation(self, value: object) -> str:
        return "" if value is None else self.check(value)


class TimeZone(_Value[ZoneInfo]):
    def check(self, value: object) -> ZoneInfo:
        try:
            return ZoneInfo(str(value))
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValidationError(f"unknown time zone {value!r}; expected an IANA name such as Asia/Ho_Chi_Minh") from exc


class Moment(BaseConfigOption[Any]):
    """A date or date and time as written; read in the site's time zone by `load_settings`."""

    def run_validation(self, value: object) -> object:
        if value is not None and not isinstance(value, (str, date)):
            raise ValidationError(f"expected a date like 2024-05-01 or 2024-05-01 08:00, got {describe(value)}")
        return value


class EmbedPrefixes(BaseConfigOption[tuple[str, ...]]):
    """Addresses whose pages a body may show in an <iframe>: https:// prefixes ending in '/'."""

    def __init__(self) -> None:
        super().__init__()
        self.default = []

    def run_validation(self, value: object) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise ValidationError(f"expected a list of https:// address prefixes, e.g. [https://www.youtube-nocookie.com/embed/]; got {describe(value)}")
        for prefix in value:
            if not isinstance(prefix, str) or not prefix.startswith("https://") or not prefix.endswith("/") or prefix.count("/") < 4:
                raise ValidationError(f"expected an https:// address prefix ending in '/' after the host, e.g. "
                                      f"https://www.youtube-nocookie.com/embed/; got {describe(prefix)}")
        return tuple(value)


class Localised(BaseConfigOption[dict[str, str]]):
    """Text in every language: one text for all (a name), or a mapping of language code to text (checked against
    `languages` by `load_settings`). Empty: {}."""

    def __init__(self) -> None:
        super().__init__()
        self.default = None

    def run_validation(self, value: object) -> dict[str, str]:
        if value is None or value == "":
            return {}
        if isinstance(value, dict):
            texts = {}
            for code, text in value.items():
                if isinstance(text, bool) or not isinstance(text, (str, int, float)):
                    raise NestedError((str(code),), f"expected text, got {describe(text)}")
                texts[str(code)] = _one_line(text)
            return texts
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise ValidationError(f"expected text, or one text per language (vi: …, en: …); got {describe(value)}")
        return {"*": _one_line(value)}


def _one_line(value: object) -> str:
    return unicodedata.normalize("NFC", " ".join(str(value).split()))
