"""The views of plan pages, the plans index, the activity calendar and the home page's campaign block."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..core.urls import activity_anchor
from ..pages.kinds import CalendarPage, PlanPage, PlansIndexPage
from ..plans.calendar import MonthGrid, Scheduled, upcoming
from ..plans.model import Activity, DateRange, Plan
from .builder import ViewBuilder
from .common import Link, PageFrame


@dataclass(frozen=True)
class ActivityView:
    anchor: str  # its id in the agenda
    title: str
    url: str  # its details in the agenda of the calendar of all plans
    when: str
    start_iso: str
    end_iso: str | None
    location: str | None
    lead: str | None
    tentative: bool
    description: str | None
    plan: Link


@dataclass(frozen=True)
class PlanView:
    title: str
    number: str | None
    issuer: str
    issued: str | None
    issued_iso: str | None
    signed_by: str | None
    theme: str | None
    messages: tuple[str, ...]
    period: str
    peak: str | None
    activities: tuple[ActivityView, ...]
    calendar_url: str
    ics_url: str


@dataclass(frozen=True)
class PlanEntryView:
    """A plan in the plans index."""

    link: Link
    number: str | None
    period: str


@dataclass(frozen=True)
class DayView:
    iso: str
    number: int
    label: str  # the full date, for screen readers and tooltips
    in_month: bool
    in_peak: bool
    activities: tuple[ActivityView, ...]


@dataclass(frozen=True)
class MonthView:
    id: str
    caption: str
    weeks: tuple[tuple[DayView, ...], ...]


@dataclass(frozen=True)
class AgendaMonthView:
    caption: str
    activities: tuple[ActivityView, ...]


@dataclass(frozen=True)
class CalendarView:
    title: str
    filters: tuple[Link, ...]  # all plans, then each plan; the shown one is current
    weekdays: tuple[tuple[str, str], ...]
    months: tuple[MonthView, ...]
    agenda: tuple[AgendaMonthView, ...]
    has_peak: bool
    subscribe_url: str  # webcal://
    download_url: str


@dataclass(frozen=True)
class CampaignStateView:
    """The home page's campaign block: where the peak period stands as of the build date, and what comes next."""

    state: str | None
    upcoming: tuple[ActivityView, ...]
    calendar_url: str


# One view per page kind: the frame, and what the page shows. -----------------


@dataclass(frozen=True)
class PlanPageView:
    frame: PageFrame
    plan: PlanView


@dataclass(frozen=True)
class PlansIndexPageView:
    frame: PageFrame
    plans: tuple[PlanEntryView, ...]


@dataclass(frozen=True)
class CalendarPageView:
    frame: PageFrame
    calendar: CalendarView


class PlanViews:
    def __init__(self, views: ViewBuilder):
        self.views = views
        self.site = views.site
        self.t = views.t
        self.urls = views.urls

    # Pieces -------------------------------------------------------------------

    def when(self, activity: Activity) -> str:
        t = self.t
        if activity.all_day:
            first, last = t.date(activity.first_day), t.date(activity.last_day)
            return first if first == last else f"{first} – {last}"
        start = t.date(activity.start, "date_time")
        if activity.end is None:
            return start
        if activity.end.date() == activity.start.date():
            return f"{t.date(activity.start, 'time_only')} – {t.date(activity.end, 'time_only')}, {t.date(activity.start)}"
        return f"{start} – {t.date(activity.end, 'date_time')}"

    def span(self, span: DateRange) -> str:
        return f"{self.t.date(span.start)} – {self.t.date(span.end)}"

    def activity(self, entry: Scheduled, here: str) -> ActivityView:
        plan, activity = entry.plan, entry.activity
        return ActivityView(
            anchor=activity_anchor(plan.slug, activity.id), title=activity.title,
            url=self.views.link(self.urls.activity(plan.slug, activity.id), here), when=self.when(activity),
            start_iso=_iso_start(activity), end_iso=_iso_end(activity),
            location=activity.location, lead=activity.lead, tentative=activity.tentative,
            description=activity.description, plan=Link(plan.title, self.views.link(self.urls.plan(plan.slug), here)),
        )

    def events(self, entries: list[Scheduled]) -> tuple[dict, ...]:
        """schema.org Events for JSON-LD."""
        events = []
        for entry in entries:
            plan, activity = entry.plan, entry.activity
            event: dict = {
                "@type": "Event",
                "name": activity.title,
                "startDate": _iso_start(activity),
                "eventStatus": "https://schema.org/EventScheduled",
                "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                "organizer": {"@type": "Organization", "name": activity.lead or plan.issuer},
                "url": self.views.absolute(self.urls.activity(plan.slug, activity.id)),
                "inLanguage": self.site.lang,
            }
            if activity.end:
                event["endDate"] = _iso_end(activity)
            if activity.location:
                event["location"] = {"@type": "Place", "name": activity.location, "address": activity.location}
            if activity.description:
                event["description"] = activity.description
            events.append(event)
        return tuple(events)

    def calendar_links(self, plan: Plan | None = None) -> tuple[Link, ...]:
        """iCalendar files for <link rel="alternate" type="text/calendar">: all plans', and this plan's."""
        links = [Link(self.t["calendar"], self.views.absolute(self.urls.icalendar()))]
        if plan is not None:
            links.append(Link(self.t.format("calendar_of_plan", title=plan.title), self.views.absolute(self.urls.icalendar(plan.slug))))
        return tuple(links)

    # Pages --------------------------------------------------------------------

    def plan_page(self, page: PlanPage) -> PlanPageView:
        plan, here, views = page.plan, page.path, self.views
        translations = {lang: views.schemes[lang].plan(other.slug) for lang, other in self.site.plan_catalogue.translations(plan).items()}
        entries = [Scheduled(plan, a) for a in plan.activities]
        return PlanPageView(
            frame=views.frame(here, page.title, translations, self._crumbs(here, (plan.title, here)),
                              calendar_feeds=self.calendar_links(plan), events=self.events(entries)),
            plan=PlanView(
                title=plan.title, number=plan.number, issuer=plan.issuer,
                issued=self.t.date(plan.issued, "date_long") if plan.issued else None,
                issued_iso=plan.issued.isoformat() if plan.issued else None, signed_by=plan.signed_by, theme=plan.theme,
                messages=plan.messages, period=self.span(plan.period), peak=self.span(plan.peak) if plan.peak else None,
                activities=tuple(self.activity(e, here) for e in entries),
                calendar_url=views.link(self.urls.calendar(plan.slug), here),
                ics_url=views.link(self.urls.icalendar(plan.slug), here),
            ),
        )

    def plans_index(self, page: PlansIndexPage) -> PlansIndexPageView:
        here, views = page.path, self.views
        translations = {lang: s.plans_index() for lang, s in views.schemes.items() if lang != self.site.lang}
        return PlansIndexPageView(
            frame=views.frame(here, page.title, translations, self._crumbs(here), calendar_feeds=self.calendar_links()),
            plans=tuple(
                PlanEntryView(Link(plan.title, views.link(self.urls.plan(plan.slug), here)), plan.number, self.span(plan.period))
                for plan in page.plans
            ),
        )

    def calendar_page(self, page: CalendarPage) -> CalendarPageView:
        plan, calendar, here, views = page.plan, page.calendar, page.path, self.views
        if plan is None:
            translations = {lang: s.calendar() for lang, s in views.schemes.items() if lang != self.site.lang}
        else:
            translations = {lang: views.schemes[lang].calendar(other.slug) for lang, other in self.site.plan_catalogue.translations(plan).items()}
        ics = self.urls.icalendar(plan.slug if plan else None)
        filters = [Link(self.t["all_plans"], views.link(self.urls.calendar(), here), current=plan is None)]
        filters += [Link(p.title, views.link(self.urls.calendar(p.slug), here), current=p is plan) for p in self.site.plans]
        return CalendarPageView(
            frame=views.frame(
                here, page.title, translations, self._crumbs(here, *([(page.title, here)] if plan else []), calendar=True),
                calendar_feeds=self.calendar_links(plan), events=self.events([e for m in calendar.agenda for e in m.activities]),
            ),
            calendar=CalendarView(
                title=page.title, filters=tuple(filters), weekdays=tuple(self.t.weekdays()),
                months=tuple(self._month(grid, here) for grid in calendar.months),
                agenda=tuple(
                    AgendaMonthView(self.t.date(date(m.year, m.month, 1), "month_label"), tuple(self.activity(e, here) for e in m.activities))
                    for m in calendar.agenda
                ),
                has_peak=bool(calendar.peaks),
                subscribe_url="webcal://" + views.absolute(ics).split("://", 1)[1],
                download_url=views.link(ics, here),
            ),
        )

    def campaign_state(self, here: str) -> CampaignStateView | None:
        """For the home page; None when the site has no plans."""
        plans = self.site.plans
        if not plans:
            return None
        today = self.site.settings.build_date.astimezone(self.site.settings.timezone).date()
        peaks = [p.peak for p in plans if p.peak]
        state = None
        if peaks:
            start, end = min(p.start for p in peaks), max(p.end for p in peaks)
            if today < start:
                state = self.t.format("campaign_before", start=self.t.date(start, "date_long"))
            elif today <= end:
                state = self.t.format("campaign_during", start=self.t.date(start, "date_long"), end=self.t.date(end, "date_long"))
            else:
                state = self.t.format("campaign_after", end=self.t.date(end, "date_long"))
        return CampaignStateView(
            state=state,
            upcoming=tuple(self.activity(e, here) for e in upcoming(plans, today, self.site.settings.home_news)),
            calendar_url=self.views.link(self.urls.calendar(), here),
        )

    def _month(self, grid: MonthGrid, here: str) -> MonthView:
        first = date(grid.year, grid.month, 1)
        return MonthView(
            id=f"{self.site.settings.languages[self.site.lang].calendar}-{grid.year:04d}-{grid.month:02d}",
            caption=self.t.date(first, "month_label"),
            weeks=tuple(
                tuple(
                    DayView(
                        iso=cell.day.isoformat(), number=cell.day.day, label=self.t.date(cell.day, "day_label"),
                        in_month=cell.in_month, in_peak=cell.in_peak,
                        activities=tuple(self.activity(e, here) for e in cell.activities),
                    )
                    for cell in week
                )
                for week in grid.weeks
            ),
        )

    def _crumbs(self, here: str, *trail: tuple[str, str], calendar: bool = False) -> tuple[Link, ...]:
        section = (self.t["calendar"], self.urls.calendar()) if calendar else (self.t["plans"], self.urls.plans_index())
        return self.views.crumbs(here, *trail, section=section)


def _iso_start(activity: Activity) -> str:
    return activity.first_day.isoformat() if activity.all_day else activity.start.isoformat()


def _iso_end(activity: Activity) -> str | None:
    if activity.end is None:
        return None
    return activity.last_day.isoformat() if activity.all_day else activity.end.isoformat()
