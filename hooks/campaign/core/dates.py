"""Reading dates the way staff write them, and showing them the way readers expect.

Accepted: 2024-02-07, 2024-02-07 09:30, 2024-02-07T09:30:00+07:00, and the
Vietnamese day-first 07/02/2024 and 07/02/2024 09:30. Naive values are in the
site's time zone. Formatting is Babel's, with patterns from the UI strings.
A day, month or hour that does not exist gets the same message in every
form; years outside FIRST_YEAR..LAST_YEAR are refused, so that no time zone
arithmetic at the ends of the calendar can overflow.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, tzinfo

from babel.dates import format_datetime

from .problems import describe, quoted

EXPECTED = "a date like 2024-02-07, 2024-02-07 09:30, 2024-02-07T09:30:00+07:00, 07/02/2024 or 07/02/2024 09:30"
FIRST_YEAR, LAST_YEAR = 1900, 2200

# Day first, always: 07/02/2024 is the 7th of February.
_DAY_FIRST = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")
# The shape of an ISO date, for telling "no such day" from "not a date".
_ISO_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?\s*(?:[Zz]|[+-]\d{1,2}(?::?\d{2})?)?")


class DateError(ValueError):
    pass


def parse_datetime(value, tz: tzinfo) -> tuple[datetime, bool]:
    """Return (aware datetime, whether a time of day was given)."""
    if isinstance(value, datetime):
        moment, has_time = value, True
    elif isinstance(value, date):
        moment, has_time = datetime.combine(value, time()), False
    elif isinstance(value, str) and value.strip():
        moment, has_time = _parse_text(value.strip())
    else:
        raise DateError(f"expected {EXPECTED}, got {describe(value)}")
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise DateError(f"{quoted(str(value))}: the year {moment.year} is outside the years this site supports, "
                        f"{FIRST_YEAR}–{LAST_YEAR}")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment, has_time


def _parse_text(text: str) -> tuple[datetime, bool]:
    day_first = _DAY_FIRST.fullmatch(text)
    if day_first:
        day, month, year, hour, minute, second = (int(part) if part else 0 for part in day_first.groups())
        try:
            return datetime(year, month, day, hour, minute, second), day_first.group(4) is not None
        except ValueError as exc:
            raise _no_such(text, exc) from None
    if "/" not in text:
        try:
            moment = datetime.fromisoformat(text)
        except ValueError as exc:
            if _ISO_SHAPE.fullmatch(text):
                raise _no_such(text, exc) from None
        else:
            return moment, ("T" in text or " " in text or ":" in text)
    raise DateError(f"expected {EXPECTED}, got {quoted(text)}")


def _no_such(text: str, exc: ValueError) -> DateError:
    return DateError(f"expected {EXPECTED} (day before month), got {quoted(text)}, which does not exist: {exc}")


def format_moment(moment: datetime, pattern: str, locale: str, tz: tzinfo) -> str:
    """Format in the site's time zone with a Babel (CLDR) pattern."""
    return format_datetime(moment, pattern, tzinfo=tz, locale=locale)
