"""Ready-made template data for plan pages, the activity calendar and the home page's campaign block."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..core.urls import activity_anchor
from ..pages.language_site import PageSpec
from ..plans.calendar import MonthGrid, Scheduled, build_calendar, upcoming
from ..plans.model import Activity, DateRange, Plan
from .news import Link, PageView, ViewBuilder


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
    activities: list[ActivityView]
    calendar_url: str
    ics_url: str


@dataclass(frozen=True)
class DayView:
    iso: str
    number: int
    label: str  # the full date, for screen readers and tooltips
    in_month: bool
    in_peak: bool
    activities: list[ActivityView]


@dataclass(frozen=True)
class MonthView:
    id: str
    caption: str
    weeks: list[list[DayView]]


@dataclass(frozen=True)
class AgendaMonthView:
    caption: str
    activities: list[ActivityView]


@dataclass(frozen=True)
class CalendarView:
    title: str
    filters: list[Link]  # all plans, then each plan; the shown one is current
    weekdays: list[tuple[str, str]]
    months: list[MonthView]
    agenda: list[AgendaMonthView]
    has_peak: bool
    subscribe_url: str  # webcal://
    download_url: str


@dataclass(frozen=True)
class CampaignStateView:
    """The home page's campaign block: where the peak period stands as of the build date, and what comes next."""

    state: str | None
    upcoming: list[ActivityView]
    calendar_url: str


class PlanViewBuilder:
    def __init__(self, views: ViewBuilder):
        self.views = views
        self.site = views.site
        self.t = views.t
        self.urls = views.site.urls

    # Pieces ---------------------------------------------------------------

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
            anchor=activity_anchor(plan, activity), title=activity.title,
            url=self.views.link(self.urls.activity(plan, activity), here), when=self.when(activity),
            start_iso=activity.first_day.isoformat() if activity.all_day else activity.start.isoformat(),
            end_iso=(activity.last_day.isoformat() if activity.all_day else activity.end.isoformat()) if activity.end else None,
            location=activity.location, lead=activity.lead, tentative=activity.tentative,
            description=activity.description, plan=Link(plan.title, self.views.link(self.urls.plan(plan), here)),
        )

    def events(self, entries: list[Scheduled]) -> list[dict]:
        """schema.org Events for JSON-LD (see social.json_ld_markup)."""
        events = []
        for entry in entries:
            plan, activity = entry.plan, entry.activity
            event = {
                "@type": "Event",
                "name": activity.title,
                "startDate": activity.first_day.isoformat() if activity.all_day else activity.start.isoformat(),
                "eventStatus": "https://schema.org/EventScheduled",
                "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                "organizer": {"@type": "Organization", "name": activity.lead or plan.issuer},
                "url": self.views.absolute(self.urls.activity(plan, activity), self.site.lang),
                "inLanguage": self.site.lang,
            }
            if activity.end:
                event["endDate"] = activity.last_day.isoformat() if activity.all_day else activity.end.isoformat()
            if activity.location:
                event["location"] = {"@type": "Place", "name": activity.location, "address": activity.location}
            if activity.description:
                event["description"] = activity.description
            events.append(event)
        return events

    # Pages ----------------------------------------------------------------

    def for_spec(self, spec: PageSpec) -> PageView:
        if spec.kind == "plan":
            return self.plan_page(spec)
        if spec.kind == "plans_index":
            return self.plans_index(spec)
        return self.calendar_page(spec)

    def plan_page(self, spec: PageSpec) -> PageView:
        plan, here = spec.plan, spec.path
        translations = {lang: self.views.schemes[lang].plan(other) for lang, other in self.site.plan_catalogue.translations(plan).items()}
        view = self.views.base(here, translations)
        view.breadcrumbs = self._crumbs(here, (plan.title, here))
        entries = [Scheduled(plan, a) for a in plan.activities]
        view.plan = PlanView(
            title=plan.title, number=plan.number, issuer=plan.issuer, issued=self.t.date(plan.issued, "date_long") if plan.issued else None,
            issued_iso=plan.issued.isoformat() if plan.issued else None, signed_by=plan.signed_by, theme=plan.theme, messages=plan.messages,
            period=self.span(plan.period), peak=self.span(plan.peak) if plan.peak else None,
            activities=[self.activity(e, here) for e in entries],
            calendar_url=self.views.link(self.urls.calendar(plan), here),
            ics_url=self.views.link(self.urls.icalendar(plan), here),
        )
        view.structured_data += self.events(entries)
        view.calendar_feeds = self.calendar_links(plan)
        return view

    def plans_index(self, spec: PageSpec) -> PageView:
        here = spec.path
        view = self.views.base(here, {lang: s.plans_index() for lang, s in self.views.schemes.items() if lang != self.site.lang})
        view.breadcrumbs = self._crumbs(here)
        view.plans = [
            (Link(plan.title, self.views.link(self.urls.plan(plan), here)), plan.number, self.span(plan.period))
            for plan in self.site.plans
        ]
        view.calendar_feeds = self.calendar_links()
        return view

    def calendar_page(self, spec: PageSpec) -> PageView:
        plan, here = spec.plan, spec.path
        calendar = build_calendar([plan]) if plan else self.site.calendar
        if plan is None:
            translations = {lang: s.calendar() for lang, s in self.views.schemes.items() if lang != self.site.lang}
        else:
            translations = {lang: self.views.schemes[lang].calendar(other) for lang, other in self.site.plan_catalogue.translations(plan).items()}
        view = self.views.base(here, translations)
        title = self.site.page_title(spec)
        view.breadcrumbs = self._crumbs(here, *([(title, here)] if plan else []), calendar=True)
        filters = [Link(self.t["all_plans"], self.views.link(self.urls.calendar(), here), current=plan is None)]
        filters += [Link(p.title, self.views.link(self.urls.calendar(p), here), current=p is plan) for p in self.site.plans]
        ics = self.urls.icalendar(plan)
        absolute_ics = self.views.absolute(ics, self.site.lang)
        view.calendar = CalendarView(
            title=title, filters=filters, weekdays=self.t.weekdays(),
            months=[self._month(grid, here) for grid in calendar.months],
            agenda=[
                AgendaMonthView(self.t.date(date(m.year, m.month, 1), "month_label"), [self.activity(e, here) for e in m.activities])
                for m in calendar.agenda
            ],
            has_peak=bool(calendar.peaks),
            subscribe_url="webcal://" + absolute_ics.split("://", 1)[1],
            download_url=self.views.link(ics, here),
        )
        view.structured_data += self.events([e for m in calendar.agenda for e in m.activities])
        view.calendar_feeds = self.calendar_links(plan)
        return view

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
            upcoming=[self.activity(e, here) for e in upcoming(plans, today, self.site.settings.home_news)],
            calendar_url=self.views.link(self.urls.calendar(), here),
        )

    def calendar_links(self, plan: Plan | None = None) -> list[Link]:
        """iCalendar files for <link rel="alternate" type="text/calendar">: all plans', and this plan's."""
        links = [Link(self.t["calendar"], self.views.absolute(self.urls.icalendar(), self.site.lang))]
        if plan is not None:
            links.append(Link(self.t.format("calendar_of_plan", title=plan.title), self.views.absolute(self.urls.icalendar(plan), self.site.lang)))
        return links

    def _month(self, grid: MonthGrid, here: str) -> MonthView:
        first = date(grid.year, grid.month, 1)
        return MonthView(
            id=f"{self.site.settings.languages[self.site.lang].calendar}-{grid.year:04d}-{grid.month:02d}",
            caption=self.t.date(first, "month_label"),
            weeks=[
                [
                    DayView(
                        iso=cell.day.isoformat(), number=cell.day.day, label=self.t.date(cell.day, "day_label"),
                        in_month=cell.in_month, in_peak=cell.in_peak,
                        activities=[self.activity(e, here) for e in cell.activities],
                    )
                    for cell in week
                ]
                for week in grid.weeks
            ],
        )

    def _crumbs(self, here: str, *trail: tuple[str, str], calendar: bool = False) -> list[Link]:
        section = (self.t["calendar"], self.urls.calendar()) if calendar else (self.t["plans"], self.urls.plans_index())
        return self.views.crumbs(here, *trail, section=section)
