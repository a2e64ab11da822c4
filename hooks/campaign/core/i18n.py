"""The site's own UI strings: one TOML table per language, like Hugo's i18n/.

Material translates its own strings from `theme.language`; these are ours.
Every language must define every key the default language defines.
"""

from __future__ import annotations

import tomllib
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale

from .dates import format_moment
from .settings import SettingsError


class Strings:
    def __init__(self, lang: str, table: dict[str, Any], tz: ZoneInfo):
        self.lang, self._table, self._tz = lang, table, tz
        self._locale = Locale.parse(lang)

    def __getitem__(self, key: str) -> str:
        return self._table[key]

    def names(self, key: str) -> dict[str, str]:
        """A table of names, such as `language_names` (code → name)."""
        return self._table[key]

    def format(self, key: str, **values: object) -> str:
        return self._table[key].format(**values)

    def plural(self, key: str, count: int) -> str:
        """`key` is a table of CLDR plural forms ("one", "other", ...)."""
        forms = self._table[key]
        return forms.get(self._locale.plural_form(count), forms["other"]).format(count=count)

    def date(self, moment: datetime | date, style: str = "date_short") -> str:
        if not isinstance(moment, datetime):
            moment = datetime.combine(moment, time(12), tzinfo=self._tz)  # a calendar day: noon is that day in any zone
        return format_moment(moment, self._table[style], self.lang, self._tz)

    def weekdays(self) -> list[tuple[str, str]]:
        """(abbreviated, full) weekday names, Monday first."""
        days = self._locale.days["format"]
        return [(days["abbreviated"][n], days["wide"][n]) for n in range(7)]


@cache
def _read_table(path: Path, mtime: float) -> dict[str, Any]:
    with path.open("rb") as f:
        return tomllib.load(f)


def load_strings(i18n_dir: Path, lang: str, default_lang: str, tz: ZoneInfo) -> Strings:
    tables = {}
    for code in {lang, default_lang}:
        path = i18n_dir / f"{code}.toml"
        try:
            tables[code] = _read_table(path, path.stat().st_mtime)
        except FileNotFoundError as exc:
            raise SettingsError(f"UI strings for {code!r} not found: {path}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"{path}: {exc}") from exc
    missing = sorted(set(tables[default_lang]) - set(tables[lang]))
    if missing:
        raise SettingsError(f"{i18n_dir / (lang + '.toml')}: missing {', '.join(missing)}")
    return Strings(lang, tables[lang], tz)
