"""One language's side of the site: which pages the news and plans become, and where.

This is the plan of the generated pages (articles, news listings, archives),
independent of MkDocs; `mkdocs_files` turns it into MkDocs files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..core.i18n import Strings
from ..core.settings import Settings
from ..core.urls import UrlScheme
from ..news.catalogue import Catalogue
from ..news.collections import Collections, Listing, build_collections, neighbours
from ..news.model import NewsItem
from ..news.summary import Summaries
from ..plans.calendar import ActivityCalendar, build_calendar
from ..plans.catalogue import PlanCatalogue
from ..plans.model import Plan


@dataclass(frozen=True)
class PageSpec:
    kind: str  # "article", "listing", "archive_index", "plan", "plans_index" or "calendar"
    path: str  # directory path within this language's site, e.g. "tin-tuc/2024/02/slug/"
    item: NewsItem | None = None
    listing: Listing | None = None
    number: int = 1  # page number within a paginated listing
    plan: Plan | None = None  # a plan's page, or the calendar of one plan (None: of all plans)


@dataclass(frozen=True)
class FeedFormat:
    name: str  # also the file name: rss.xml, atom.xml
    media_type: str
    label: str


FEED_FORMATS = (FeedFormat("rss", "application/rss+xml", "RSS"), FeedFormat("atom", "application/atom+xml", "Atom"))


@dataclass(frozen=True)
class FeedSpec:
    """One feed (in every format): the latest published items of a listing."""

    listing: Listing  # all news, a category or a tag; its first page is the feed's HTML link
    title: str
    description: str
    items: tuple[NewsItem, ...]  # newest first; never drafts or scheduled items

    def updated(self) -> datetime | None:
        """The newest change among the items: the feed's own date, so builds are reproducible."""
        return max((item.updated or item.date for item in self.items), default=None)


class LanguageSite:
    def __init__(self, settings: Settings, catalogue: Catalogue, plan_catalogue: PlanCatalogue, lang: str, strings: Strings,
                 include_drafts: bool, site_name: str):
        self.site_name = site_name
        self.plan_catalogue = plan_catalogue
        self.plans: list[Plan] = plan_catalogue.plans(lang)
        self.calendar: ActivityCalendar = build_calendar(self.plans)
        self.settings = settings
        self.catalogue = catalogue
        self.lang = lang
        self.strings = strings
        self.include_drafts = include_drafts
        self.urls = UrlScheme(settings, lang)
        self.items: list[NewsItem] = catalogue.items(lang, include_drafts)
        self.position = {id(item): index for index, item in enumerate(self.items)}
        self.collections: Collections = build_collections(self.items, settings.categories, settings.timezone)
        self.pages: list[PageSpec] = self._plan_pages()
        self.summaries = Summaries(settings.summary_length)
        self.feeds: dict[tuple, FeedSpec] = self._plan_feeds()

    def _plan_pages(self) -> list[PageSpec]:
        pages = [PageSpec("article", self.urls.article(item), item=item) for item in self.items]
        pages.append(PageSpec("archive_index", self.urls.archive_index()))
        for listing in self.collections.all_listings():
            for number in range(1, listing.page_count(self.settings.page_size) + 1):
                pages.append(PageSpec("listing", self.urls.listing(listing, number), listing=listing, number=number))
        pages.append(PageSpec("plans_index", self.urls.plans_index()))
        pages.append(PageSpec("calendar", self.urls.calendar()))
        for plan in self.plans:
            pages.append(PageSpec("plan", self.urls.plan(plan), plan=plan))
            pages.append(PageSpec("calendar", self.urls.calendar(plan), plan=plan))
        return pages

    def _plan_feeds(self) -> dict[tuple, FeedSpec]:
        """The feeds, by the key of their listing: all news, and each category (and tag) if enabled."""
        # A preview shows drafts on the pages, but feeds never carry them.
        published = self.collections
        if self.include_drafts:
            published = build_collections(self.catalogue.items(self.lang), self.settings.categories, self.settings.timezone)
        options, t = self.settings.feeds, self.strings
        listings = [published.news]
        listings += published.categories if options.categories else []
        listings += published.tags if options.tags else []
        feeds = {}
        for listing in listings:
            if listing.kind == "news":
                title = t.format("feed_title", site=self.site_name)
                description = t.format("feed_description", site=self.site_name)
            else:
                name = listing.category.name(self.lang) if listing.kind == "category" else listing.tag
                title = t.format(f"feed_{listing.kind}_title", site=self.site_name, name=name)
                description = t.format(f"feed_{listing.kind}_description", site=self.site_name, name=name)
            feeds[listing.key] = FeedSpec(listing, title, description, listing.items[: options.length])
        return feeds

    def page_title(self, spec: PageSpec) -> str:
        """The title of a generated page, as plain text."""
        t = self.strings
        if spec.kind == "article":
            return spec.item.title
        if spec.kind == "plan":
            return spec.plan.title
        if spec.kind == "listing":
            return self.listing_title(spec.listing)
        if spec.kind == "archive_index":
            return t["archive_title"]
        if spec.kind == "plans_index":
            return t["plans"]
        return t.format("calendar_of_plan", title=spec.plan.title) if spec.plan else t["calendar"]

    def listing_title(self, listing: Listing) -> str:
        t = self.strings
        if listing.kind == "news":
            return t["news"]
        if listing.kind == "year":
            return t.format("year_title", year=listing.year)
        if listing.kind == "month":
            first = listing.items[0].date
            return t.format("month_title", month=listing.month, year=listing.year, month_name=t.date(first, "month_label"))
        if listing.kind == "category":
            return t.format("category_title", name=listing.category.name(self.lang))
        return t.format("tag_title", name=listing.tag)

    def neighbours(self, item: NewsItem) -> tuple[list[NewsItem], list[NewsItem]]:
        return neighbours(self.items, self.position[id(item)], self.settings.neighbours)
