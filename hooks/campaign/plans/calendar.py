"""Group plans' activities into month grids (Monday first) and an agenda.

Pure data, no HTML: a grid has a cell for every day of the weeks it covers,
each with the activities on that day (a multi-day activity is on each day it
spans) and whether the day is in a peak period.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .model import Activity, DateRange, Plan


@dataclass(frozen=True)
class Scheduled:
    """An activity with the plan it belongs to."""

    plan: Plan
    activity: Activity

    @property
    def sort_key(self) -> tuple:
        # Whole-day activities before timed ones of the same day; then plan and place in the plan.
        a = self.activity
        return (a.first_day, not a.all_day, a.start, self.plan.period.start, str(self.plan.source), a.number)


@dataclass(frozen=True)
class CalendarDay:
    day: date
    in_month: bool  # False for the days of the neighbouring months that fill the first and last weeks
    in_peak: bool
    activities: tuple[Scheduled, ...]


@dataclass(frozen=True)
class MonthGrid:
    year: int
    month: int
    weeks: tuple[tuple[CalendarDay, ...], ...]


@dataclass(frozen=True)
class AgendaMonth:
    year: int
    month: int
    activities: tuple[Scheduled, ...]  # by start


@dataclass(frozen=True)
class ActivityCalendar:
    months: tuple[MonthGrid, ...]  # every month with at least one activity on one of its days
    agenda: tuple[AgendaMonth, ...]  # activities grouped by the month they start in
    peaks: tuple[DateRange, ...]

    def in_peak(self, day: date) -> bool:
        return any(day in peak for peak in self.peaks)


def build_calendar(plans: Sequence[Plan]) -> ActivityCalendar:
    scheduled = sorted((Scheduled(plan, a) for plan in plans for a in plan.activities), key=lambda s: s.sort_key)
    peaks = tuple(dict.fromkeys(plan.peak for plan in plans if plan.peak))
    by_day: dict[date, list[Scheduled]] = {}
    for entry in scheduled:
        for day in entry.activity.days():
            by_day.setdefault(day, []).append(entry)
    for entries in by_day.values():
        # In a day's cell, that day's own events come before those spanning several days.
        entries.sort(key=lambda s: (s.activity.first_day != s.activity.last_day, s.sort_key))
    months = sorted({(day.year, day.month) for day in by_day})
    weeks = calendar.Calendar(firstweekday=calendar.MONDAY)

    def cell(day: date, month: int) -> CalendarDay:
        # Days of the neighbouring months stay empty: their activities are in their own month's grid.
        in_month = day.month == month
        return CalendarDay(day, in_month, any(day in p for p in peaks), tuple(by_day.get(day, ())) if in_month else ())

    grids = tuple(
        MonthGrid(year, month, tuple(tuple(cell(day, month) for day in week) for week in weeks.monthdatescalendar(year, month)))
        for year, month in months
    )
    agenda: dict[tuple[int, int], list[Scheduled]] = {}
    for entry in scheduled:
        agenda.setdefault((entry.activity.first_day.year, entry.activity.first_day.month), []).append(entry)
    return ActivityCalendar(
        months=grids,
        agenda=tuple(AgendaMonth(y, m, tuple(entries)) for (y, m), entries in agenda.items()),
        peaks=peaks,
    )


def upcoming(plans: Sequence[Plan], after: date, count: int) -> list[Scheduled]:
    """The next `count` activities not yet over on `after`, soonest first."""
    entries = sorted((Scheduled(p, a) for p in plans for a in p.activities if a.last_day >= after), key=lambda s: s.sort_key)
    return entries[:count]
