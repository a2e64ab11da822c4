"""The view of any page: a generated page by its kind, or a hand-written one (the home page among them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..news.model import NewsItem
from ..news.summary import Summaries
from ..pages.kinds import ArchivePage, ArticlePage, CalendarPage, GeneratedPage, ListingPage, PlanPage, PlansIndexPage
from ..pages.language_site import LanguageSite
from .builder import ViewBuilder
from .common import Link, PageFrame, SiteIdentity
from .news import ArchivePageView, ArticlePageView, EntryView, ListingPageView, NewsViews
from .plans import CalendarPageView, CampaignStateView, PlanPageView, PlansIndexPageView, PlanViews


@dataclass(frozen=True)
class HomePageView:
    """The home page (docs/index.md): its own text, then the campaign's state and the latest news."""

    frame: PageFrame
    latest: tuple[EntryView, ...]
    news_url: str
    feed_link: Link
    campaign_state: CampaignStateView | None  # None when the site has no plans


@dataclass(frozen=True)
class DocPageView:
    """Any other hand-written page."""

    frame: PageFrame


PageView = (ArticlePageView | ListingPageView | ArchivePageView | PlanPageView | PlansIndexPageView | CalendarPageView
            | HomePageView | DocPageView)


class PageViews:
    """Builds the view of each page of one language's site: `campaign` in its template."""

    def __init__(self, site: LanguageSite, identity: SiteIdentity, summaries: Summaries):
        self.common = ViewBuilder(site, identity, summaries)
        self.news = NewsViews(self.common)
        self.plans = PlanViews(self.common)

    def generated(self, page: GeneratedPage) -> PageView:
        match page:
            case ArticlePage():
                return self.news.article_page(page)
            case ListingPage():
                return self.news.listing_page(page)
            case ArchivePage():
                return self.news.archive_page(page)
            case PlanPage():
                return self.plans.plan_page(page)
            case PlansIndexPage():
                return self.plans.plans_index(page)
            case CalendarPage():
                return self.plans.calendar_page(page)

    def inputs(self, page: GeneratedPage, key: Callable[[NewsItem], str]) -> str:
        """All that the view of `page` is made of besides what every page shares, as text: equal inputs, equal views.

        Articles and listings (nearly every page) say it cheaply, naming each item by `key`; the few other pages
        by their whole view.
        """
        match page:
            case ArticlePage():
                return repr(self.news.article_inputs(page, key))
            case ListingPage():
                return repr(self.news.listing_inputs(page, key))
            case _:
                return repr(self.generated(page))

    def hand_written(self, here: str, title: str, translations: dict[str, str]) -> HomePageView | DocPageView:
        """A page of docs/ at `here` ("" for the home page); `translations` maps each other language to its version's path."""
        frame = self.common.frame(here, title, translations)
        if here != "":
            return DocPageView(frame)
        return HomePageView(
            frame=frame, latest=self.news.latest(here), news_url=self.common.link(self.common.urls.news_index(), here),
            feed_link=self.common.visible_feed_link(here), campaign_state=self.plans.campaign_state(here),
        )
