"""The view of the activity calendar: month grids with activities of several days as bars, and the agenda.

A month's table has, for each week, a row of day numbers, one row per lane
of bars (an activity of several days across the days it spans in that week)
and a row of each day's one-day activities. The agenda below lists every
activity by the month it starts in; months wholly past as of the build are
folded, so on a phone, where the agenda comes first, it opens at what is
current. The page's script refreshes both from the reader's date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..pages.kinds import CalendarPage
from ..plans.calendar import AgendaMonth, CalendarWeek, MonthGrid
from .builder import ViewBuilder
from .common import Link, PageFrame
from .plans import ActivityView, PlanViews


@dataclass(frozen=True)
class DayView:
    iso: str
    number: int
    label: str  # the full date, for screen readers and tooltips
    in_month: bool
    in_peak: bool
    activities: tuple[ActivityView, ...]  # of this one day


@dataclass(frozen=True)
class LaneCellView:
    """A cell of a lane row: a bar across `span` days, or one empty day (activity None)."""

    span: int
    in_peak: bool  # every day it covers is in the peak
    in_month: bool
    activity: ActivityView | None = None
    continues_before: bool = False
    continues_after: bool = False


@dataclass(frozen=True)
class WeekView:
    days: tuple[DayView, ...]
    lanes: tuple[tuple[LaneCellView, ...], ...]

    @property
    def has_one_day_activities(self) -> bool:
        return any(day.activities for day in self.days)


@dataclass(frozen=True)
class MonthView:
    id: str
    caption: str
    weeks: tuple[WeekView, ...]


@dataclass(frozen=True)
class AgendaMonthView:
    caption: str
    last_day: str  # ISO: the last day any of its activities runs to
    current: bool  # not wholly past as of the build: shown open
    activities: tuple[ActivityView, ...]


@dataclass(frozen=True)
class CalendarView:
    title: str
    filters: tuple[Link, ...]  # all plans, then each plan; the shown one is current
    weekdays: tuple[tuple[str, str], ...]
    months: tuple[MonthView, ...]
    agenda: tuple[AgendaMonthView, ...]
    next_activity: str | None  # the anchor of the first activity not over as of the build
    has_peak: bool
    has_key: bool
    has_tentative: bool
    subscribe_url: str  # webcal://
    download_url: str


@dataclass(frozen=True)
class CalendarPageView:
    frame: PageFrame
    calendar: CalendarView


class CalendarViews:
    def __init__(self, views: ViewBuilder, plans: PlanViews):
        self.views, self.plans = views, plans
        self.site, self.t, self.urls = views.site, views.t, views.urls
        self.today = views.today

    def calendar_page(self, page: CalendarPage) -> CalendarPageView:
        plan, calendar, here, views = page.plan, page.calendar, page.path, self.views
        if plan is None:
            translations = {lang: s.calendar() for lang, s in views.schemes.items() if lang != self.site.lang}
        else:
            translations = {lang: views.schemes[lang].calendar(other.slug) for lang, other in self.site.plan_catalogue.translations(plan).items()}
        ics = self.urls.icalendar(plan.slug if plan else None)
        filters = [Link(self.t["all_plans"], views.link(self.urls.calendar(), here), current=plan is None)]
        filters += [Link(p.title, views.link(self.urls.calendar(p.slug), here), current=p is plan) for p in self.site.plans]
        entries = [e for m in calendar.agenda for e in m.activities]
        following = next((e for e in sorted(entries, key=lambda e: e.sort_key) if e.activity.last_day >= self.today), None)
        return CalendarPageView(
            frame=views.frame(
                here, page.title, translations, self.plans.crumbs(here, *([(page.title, here)] if plan else []), calendar=True),
                calendar_feeds=self.plans.calendar_links(plan), events=self.plans.events(entries),
            ),
            calendar=CalendarView(
                title=page.title, filters=tuple(filters), weekdays=tuple(self.t.weekdays()),
                months=tuple(self._month(grid, here) for grid in calendar.months),
                agenda=tuple(self._agenda_month(m, here) for m in calendar.agenda),
                next_activity=self.plans.activity(following, here).anchor if following else None,
                has_peak=bool(calendar.peaks), has_key=any(e.activity.key for e in entries),
                has_tentative=any(e.activity.tentative for e in entries),
                subscribe_url="webcal://" + views.absolute(ics).split("://", 1)[1],
                download_url=views.link(ics, here),
            ),
        )

    def _agenda_month(self, month: AgendaMonth, here: str) -> AgendaMonthView:
        last = max(e.activity.last_day for e in month.activities)
        return AgendaMonthView(
            caption=self.t.date(date(month.year, month.month, 1), "month_label"), last_day=last.isoformat(),
            current=last >= self.today, activities=tuple(self.plans.activity(e, here) for e in month.activities),
        )

    def _month(self, grid: MonthGrid, here: str) -> MonthView:
        return MonthView(
            id=f"{self.site.settings.languages[self.site.lang].calendar}-{grid.year:04d}-{grid.month:02d}",
            caption=self.t.date(date(grid.year, grid.month, 1), "month_label"),
            weeks=tuple(self._week(week, here) for week in grid.weeks),
        )

    def _week(self, week: CalendarWeek, here: str) -> WeekView:
        days = tuple(
            DayView(
                iso=cell.day.isoformat(), number=cell.day.day, label=self.t.date(cell.day, "day_label"),
                in_month=cell.in_month, in_peak=cell.in_peak, activities=tuple(self.plans.activity(e, here) for e in cell.activities),
            )
            for cell in week.days
        )
        lanes = []
        for lane in week.lanes:
            cells, column = [], 0
            for bar in lane:
                cells += [LaneCellView(1, days[c].in_peak, days[c].in_month) for c in range(column, bar.column)]
                covered = days[bar.column : bar.column + bar.span]
                cells.append(LaneCellView(
                    bar.span, all(d.in_peak for d in covered), True, self.plans.activity(bar.entry, here),
                    bar.continues_before, bar.continues_after,
                ))
                column = bar.column + bar.span
            cells += [LaneCellView(1, days[c].in_peak, days[c].in_month) for c in range(column, 7)]
            lanes.append(tuple(cells))
        return WeekView(days, tuple(lanes))
