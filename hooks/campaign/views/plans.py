"""The views of plan pages, the plans index, the activity calendar and the home page's campaign block."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.urls import activity_anchor
from ..pages.kinds import PlanPage, PlansIndexPage
from ..plans.calendar import Scheduled
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
    key: bool  # a key date of the campaign
    last_day: str  # ISO date: when the script marks what is past
    status: str  # as of the build: "past", "ongoing" or "upcoming"
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
    issuer: str
    theme: str | None
    peak: str | None
    activities: int



# One view per page kind: the frame, and what the page shows. -----------------


@dataclass(frozen=True)
class PlanPageView:
    frame: PageFrame
    plan: PlanView


@dataclass(frozen=True)
class PlansIndexPageView:
    frame: PageFrame
    plans: tuple[PlanEntryView, ...]


class PlanViews:
    def __init__(self, views: ViewBuilder):
        self.views = views
        self.site = views.site
        self.t = views.t
        self.urls = views.urls
        self.today = views.today

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
            location=activity.location, lead=activity.lead, tentative=activity.tentative, key=activity.key,
            last_day=activity.last_day.isoformat(),
            status="past" if activity.last_day < self.today else "upcoming" if activity.first_day > self.today else "ongoing",
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
        # The table of contents lists what the template shows before the plan's own text.
        toc_lead = ((Link(self.t["messages"], "#campaign-messages"),) if plan.messages else ()) + (
            Link(self.t["activities"], "#campaign-activities"),)
        return PlanPageView(
            frame=views.frame(here, page.title, translations, self.crumbs(here, here_last=False),
                              calendar_feeds=self.calendar_links(plan), events=self.events(entries), toc_lead=toc_lead),
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
            frame=views.frame(here, page.title, translations, self.crumbs(here), calendar_feeds=self.calendar_links()),
            plans=tuple(
                PlanEntryView(
                    Link(plan.title, views.link(self.urls.plan(plan.slug), here)), plan.number, self.span(plan.period), plan.issuer,
                    plan.theme, self.span(plan.peak) if plan.peak else None, len(plan.activities),
                )
                for plan in page.plans
            ),
        )

    def crumbs(self, here: str, *trail: tuple[str, str], calendar: bool = False, here_last: bool = True) -> tuple[Link, ...]:
        section = (self.t["calendar"], self.urls.calendar()) if calendar else (self.t["plans"], self.urls.plans_index())
        return self.views.crumbs(here, *trail, section=section, here_last=here_last)


def _iso_start(activity: Activity) -> str:
    return activity.first_day.isoformat() if activity.all_day else activity.start.isoformat()


def _iso_end(activity: Activity) -> str | None:
    if activity.end is None:
        return None
    return activity.last_day.isoformat() if activity.all_day else activity.end.isoformat()
