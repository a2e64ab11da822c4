"""Group plans' activities into month grids (Monday first) and an agenda.

Pure data, no HTML. A grid has a row for every week it covers: its days,
each with the one-day activities of that day and whether it is in a peak
period, and its bars, one for each activity of several days, drawn once
across the days of the week it spans, in lanes that do not overlap. A
two-month activity is then one bar a week, not a line in every cell.
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

    @property
    def spans_days(self) -> bool:
        return self.activity.first_day != self.activity.last_day


@dataclass(frozen=True)
class CalendarDay:
    day: date
    in_month: bool  # False for the days of the neighbouring months that fill the first and last weeks
    in_peak: bool
    activities: tuple[Scheduled, ...]  # those of this one day; activities of several days are bars


@dataclass(frozen=True)
class Bar:
    """An activity of several days, across the days of one week row it spans (within the month)."""

    entry: Scheduled
    column: int  # 0 for Monday
    span: int  # days
    continues_before: bool  # it began before this row (an earlier week or month)
    continues_after: bool


@dataclass(frozen=True)
class CalendarWeek:
    days: tuple[CalendarDay, ...]  # seven, Monday first
    lanes: tuple[tuple[Bar, ...], ...]  # bars by lane, each lane's bars in column order, never overlapping


@dataclass(frozen=True)
class MonthGrid:
    year: int
    month: int
    weeks: tuple[CalendarWeek, ...]


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
    one_day: dict[date, list[Scheduled]] = {}
    months_used: set[tuple[int, int]] = set()
    for entry in scheduled:
        days = entry.activity.days()
        months_used.update((day.year, day.month) for day in days)
        if not entry.spans_days:
            one_day.setdefault(days[0], []).append(entry)
    spanning = [entry for entry in scheduled if entry.spans_days]
    weeks = calendar.Calendar(firstweekday=calendar.MONDAY)

    def week_row(days: list[date], month: int) -> CalendarWeek:
        # Days of the neighbouring months stay empty: their activities are in their own month's grid.
        cells = tuple(
            CalendarDay(day, day.month == month, any(day in p for p in peaks), tuple(one_day.get(day, ())) if day.month == month else ())
            for day in days
        )
        shown = [day for day in days if day.month == month]
        return CalendarWeek(cells, _lanes(spanning, shown[0], shown[-1], days[0]))

    grids = tuple(
        MonthGrid(year, month, tuple(week_row(week, month) for week in weeks.monthdatescalendar(year, month)))
        for year, month in sorted(months_used)
    )
    agenda: dict[tuple[int, int], list[Scheduled]] = {}
    for entry in scheduled:
        agenda.setdefault((entry.activity.first_day.year, entry.activity.first_day.month), []).append(entry)
    return ActivityCalendar(
        months=grids,
        agenda=tuple(AgendaMonth(y, m, tuple(entries)) for (y, m), entries in agenda.items()),
        peaks=peaks,
    )


def _lanes(spanning: list[Scheduled], first: date, last: date, monday: date) -> tuple[tuple[Bar, ...], ...]:
    """The bars of the activities of several days that touch `first`..`last` (a week row within its month), each in
    the first lane where it fits: longest first, so the campaign's long activities keep the top lanes."""
    bars = []
    for entry in spanning:
        a = entry.activity
        if a.last_day < first or a.first_day > last:
            continue
        start, end = max(a.first_day, first), min(a.last_day, last)
        bars.append(Bar(entry, (start - monday).days, (end - start).days + 1, a.first_day < start, a.last_day > end))
    bars.sort(key=lambda b: (-b.span, b.column, b.entry.sort_key))
    lanes: list[list[Bar]] = []
    for bar in bars:
        lane = next((lane for lane in lanes if all(bar.column >= b.column + b.span or b.column >= bar.column + bar.span for b in lane)), None)
        if lane is None:
            lanes.append(lane := [])
        lane.append(bar)
    return tuple(tuple(sorted(lane, key=lambda b: b.column)) for lane in lanes)


def upcoming(plans: Sequence[Plan], today: date, count: int) -> list[Scheduled]:
    """`count` activities that have not started before `today`: the key ones first, then the soonest.

    Not those already running: a two-month activity begun last week is not news, and would push the
    campaign's key dates off a short list.
    """
    entries = sorted((Scheduled(p, a) for p in plans for a in p.activities if a.first_day >= today),
                     key=lambda s: (not s.activity.key, s.sort_key))
    return entries[:count]
