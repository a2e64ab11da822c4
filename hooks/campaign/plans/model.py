"""The content model of a plan document and its activities."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import PurePosixPath


@dataclass(frozen=True)
class DateRange:
    """Whole days, both ends included: a campaign period, a peak period."""

    start: date
    end: date

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def covers(self, other: DateRange) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class Activity:
    id: str  # stable within its plan: the UID of its calendar event depends on it
    number: int  # its place in the plan's list, from 1
    title: str
    start: datetime  # aware, in the site's time zone
    end: datetime | None  # aware; None: a single day, or a moment
    all_day: bool
    location: str | None = None
    lead: str | None = None  # the unit that leads it
    tentative: bool = False  # the plan's "dự kiến"
    key: bool = False  # a key date of the campaign: on the home page's strip, first among what comes next
    description: str | None = None

    @property
    def first_day(self) -> date:
        return self.start.date()

    @property
    def last_day(self) -> date:
        return self.end.date() if self.end else self.start.date()

    def days(self) -> list[date]:
        """Every day the activity spans, first to last."""
        count = (self.last_day - self.first_day).days + 1
        return [self.first_day + timedelta(days=n) for n in range(count)]


@dataclass(frozen=True, eq=False)
class Plan:
    source: PurePosixPath  # relative to the plans folder: unique, the plan's identity in a build
    lang: str
    title: str
    slug: str
    translation_key: str
    issuer: str
    period: DateRange
    body: str  # Markdown, frontmatter removed
    number: str | None = None  # e.g. 70/KH-BTVLMHTXVN
    issued: date | None = None
    signed_by: str | None = None
    theme: str | None = None
    messages: tuple[str, ...] = ()
    peak: DateRange | None = None
    updated: datetime | None = None
    activities: tuple[Activity, ...] = ()

    @property
    def stamp_date(self) -> date:
        """The date the plan's text was last set: what calendar events are stamped with."""
        return self.updated.date() if self.updated else self.issued or self.period.start
