"""The view of any page: a generated page by its kind, or a hand-written one (the home page among them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..news.model import NewsItem
from ..news.summary import Summaries
from ..pages.kinds import ArchivePage, ArticlePage, CalendarPage, GeneratedPage, ListingPage, PlanPage, PlansIndexPage
from ..pages.language_site import LanguageSite
from .builder import ViewBuilder
from .calendar import CalendarPageView, CalendarViews
from .common import PageFrame, SiteIdentity
from .home import HomePageView, HomeViews
from .news import ArchivePageView, ArticlePageView, ListingPageView, NewsViews
from .plans import PlanPageView, PlansIndexPageView, PlanViews


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
        self.calendar = CalendarViews(self.common, self.plans)
        self.home = HomeViews(self.common, self.news, self.plans)

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
                return self.calendar.calendar_page(page)

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
        return self.home.home_page(frame, here)
