"""Reading dates the way staff write them, and showing them the way readers expect.

Accepted: 2024-02-07, 2024-02-07 09:30, 2024-02-07T09:30:00+07:00, and the
Vietnamese day-first 07/02/2024 and 07/02/2024 09:30. Naive values are in the
site's time zone. Formatting is Babel's, with patterns from the UI strings.
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo

from babel.dates import format_datetime

EXPECTED = "a date like 2024-02-07, 2024-02-07 09:30, 2024-02-07T09:30:00+07:00, 07/02/2024 or 07/02/2024 09:30"

# Day first, always: 07/02/2024 is the 7th of February.
_DAY_FIRST_FORMATS = (("%d/%m/%Y %H:%M", True), ("%d/%m/%Y %H:%M:%S", True), ("%d/%m/%Y", False))


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
        raise DateError(f"expected {EXPECTED}, got {value!r}")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment, has_time


def _parse_text(text: str) -> tuple[datetime, bool]:
    if "/" in text:
        for pattern, has_time in _DAY_FIRST_FORMATS:
            try:
                return datetime.strptime(text, pattern), has_time
            except ValueError:
                continue
    else:
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            return moment, ("T" in text or " " in text or ":" in text)
    raise DateError(f"expected {EXPECTED}, got {text!r}")


def format_moment(moment: datetime, pattern: str, locale: str, tz: tzinfo) -> str:
    """Format in the site's time zone with a Babel (CLDR) pattern."""
    return format_datetime(moment, pattern, tzinfo=tz, locale=locale)
