"""The view of the home page: the campaign's front page.

A banner (the campaign's name, theme and peak period, and where the peak
stands as of the build), a strip of key dates, what comes next, the latest
news as cards and, once the peak is over, a look back at it. The banner's
state is written as of the build and refreshed in the browser from the
texts handed over here (assets/javascripts/campaign.js), so a page
served from a cache days later still tells the truth.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..news.collections import InMonth
from ..plans.calendar import upcoming
from ..plans.model import DateRange, Plan
from .builder import ViewBuilder
from .common import Link, PageFrame
from .news import EntryView, NewsViews
from .plans import ActivityView, PlanViews


@dataclass(frozen=True)
class BannerView:
    name: str  # the campaign's: the site's name
    theme: str | None
    peak: str | None  # "29/03 – 29/04/2024"
    phase: str | None  # "before", "during" or "after" the peak as of the build; None without a peak
    state: str | None  # "Còn 9 ngày đến cao điểm", as of the build
    progress: int | None  # how far through the peak, in per cent, during it
    peak_start: str | None  # ISO dates and the texts of each state, for the script that refreshes `state`
    peak_end: str | None
    timezone: str
    texts: tuple[tuple[str, str], ...]  # (data attribute, text with {count} / {day} / {total})


@dataclass(frozen=True)
class KeyDateView:
    iso: str
    day: str  # "02/04"
    weekday: str
    title: str
    url: str
    tentative: bool
    when: str  # "past", "today" or "future", as of the build
    next: bool  # the first date not yet past


@dataclass(frozen=True)
class LookBackView:
    """Once the peak is over: what it held, and where to read about it."""

    summary: str  # "Trong 32 ngày cao điểm (…): 9 hoạt động, 7 tin bài."
    links: tuple[Link, ...]  # the months of the peak in the news, the archive, the calendar


@dataclass(frozen=True)
class HomePageView:
    """The home page (docs/index.md): the campaign's front page, then the page's own text."""

    frame: PageFrame
    banner: BannerView | None  # None when the site has no plans
    key_dates: tuple[KeyDateView, ...]
    upcoming: tuple[ActivityView, ...]  # not started yet as of the build, key dates first
    look_back: LookBackView | None
    latest: tuple[EntryView, ...]
    news_url: str
    calendar_url: str
    feed_link: Link | None


def campaign_plan(plans: list[Plan]) -> Plan | None:
    """The plan whose theme the banner shows: the one issued first (the national plan before those that follow it)."""
    themed = [p for p in plans if p.theme]
    return min(themed, key=lambda p: (p.issued or p.period.start, p.period.start, str(p.source)), default=None)


def campaign_peak(plans: list[Plan]) -> DateRange | None:
    """From the first day of any plan's peak to the last day of any."""
    peaks = [p.peak for p in plans if p.peak]
    return DateRange(min(p.start for p in peaks), max(p.end for p in peaks)) if peaks else None


class HomeViews:
    def __init__(self, views: ViewBuilder, news: NewsViews, plans: PlanViews):
        self.views, self.news, self.plans = views, news, plans
        self.site, self.t, self.urls = views.site, views.t, views.urls
        self.today = views.today

    def home_page(self, frame: PageFrame, here: str) -> HomePageView:
        plans = self.site.plans
        peak = campaign_peak(plans)
        calendar = self.views.link(self.urls.calendar(), here)
        return HomePageView(
            frame=frame, banner=self.banner(peak) if plans else None, key_dates=self.key_dates(peak, here, calendar),
            upcoming=self.upcoming(here),
            look_back=self.look_back(peak, here, calendar) if peak and self.today > peak.end else None,
            latest=self.news.entries(self.site.items[: self.site.settings.home_news], here),
            news_url=self.views.link(self.urls.news_index(), here), calendar_url=calendar,
            feed_link=self.views.visible_feed_link(here),
        )

    def banner(self, peak: DateRange | None) -> BannerView:
        """Where the peak stands as of the build; the script says the same from the reader's own date, with `texts`."""
        t, plan = self.t, campaign_plan(self.site.plans)
        phase = state = progress = None
        if peak is not None:
            total, day = (peak.end - peak.start).days + 1, (self.today - peak.start).days + 1  # today's day of the peak
            if day < 1:
                phase, state = "before", t.plural("banner_before", 1 - day)
            elif day <= total:
                phase, state, progress = "during", t.format("banner_during", day=day, total=total), round(100 * day / total)
            else:
                phase, state = "after", t["banner_after"]
        before = t.names("banner_before")
        texts = (("before-one", before.get("one", before["other"])), ("before-other", before["other"]),
                 ("during", t["banner_during"]), ("after", t["banner_after"]))
        return BannerView(
            name=self.site.site_name, theme=plan.theme if plan else None, peak=self.plans.span(peak) if peak else None,
            phase=phase, state=state, progress=progress, peak_start=peak.start.isoformat() if peak else None,
            peak_end=peak.end.isoformat() if peak else None, timezone=self.site.settings.timezone.key, texts=texts,
        )

    def key_dates(self, peak: DateRange | None, here: str, calendar: str) -> tuple[KeyDateView, ...]:
        """The peak's first and last days (linked to `calendar`) and every activity marked `key`, in date order."""
        t = self.t
        dates: list[tuple[date, str, str, bool]] = []
        if peak is not None:
            dates += [(peak.start, t["peak_starts"], calendar, False), (peak.end, t["peak_ends"], calendar, False)]
        for plan in self.site.plans:
            for activity in plan.activities:
                if activity.key:
                    url = self.views.link(self.urls.activity(plan.slug, activity.id), here)
                    dates.append((activity.first_day, activity.title, url, activity.tentative))
        dates.sort(key=lambda d: d[0])
        next_day = next((day for day, *_ in dates if day >= self.today), None)
        return tuple(
            KeyDateView(
                iso=day.isoformat(), day=t.date(day, "day_month"), weekday=t.date(day, "weekday"), title=title, url=url,
                tentative=tentative, when="past" if day < self.today else "today" if day == self.today else "future",
                next=day == next_day,
            )
            for day, title, url, tentative in dates
        )

    def upcoming(self, here: str) -> tuple[ActivityView, ...]:
        """Activities that have not started as of the build: key ones first, then by date."""
        return tuple(self.plans.activity(e, here) for e in upcoming(self.site.plans, self.today, self.site.settings.home_news))

    def look_back(self, peak: DateRange, here: str, calendar: str) -> LookBackView:
        t, views, tz = self.t, self.views, self.site.settings.timezone
        held = sum(1 for p in self.site.plans for a in p.activities if a.first_day <= peak.end and a.last_day >= peak.start)
        published = sum(1 for item in self.site.items if item.date.astimezone(tz).date() in peak)
        first, last = (peak.start.year, peak.start.month), (peak.end.year, peak.end.month)
        links = [
            Link(self.site.listing_title(listing), views.link(listing.path(self.urls), here))
            for listing in reversed(self.site.collections.months)  # oldest first
            if isinstance(listing.subject, InMonth) and first <= (listing.subject.year, listing.subject.month) <= last
        ]
        links += [Link(t["archive_title"], views.link(self.urls.archive_index(), here)), Link(t["calendar"], calendar)]
        summary = t.format(
            "look_back_summary", total=(peak.end - peak.start).days + 1, peak=self.plans.span(peak),
            activities=t.plural("activity_count", held), news=t.plural("item_count", published),
        )
        return LookBackView(summary=summary, links=tuple(links))
