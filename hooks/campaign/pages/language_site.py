"""One language's side of the site: which pages and feeds the news and plans become, and where.

The plan of the generated pages (articles, listings, the archive, plans and
the calendar), independent of MkDocs; `build.files` turns it into MkDocs files.
"""

from __future__ import annotations

from ..core.i18n import Strings
from ..core.memory import BuildMemo
from ..core.settings import Settings
from ..core.urls import UrlScheme
from ..news.catalogue import NewsCatalogue
from ..news.collections import AllNews, Collections, InCategory, InMonth, InYear, Listing, Subject, WithTag, build_collections
from ..news.model import NewsItem
from ..plans.calendar import ActivityCalendar, build_calendar
from ..plans.catalogue import PlanCatalogue
from ..plans.model import Plan
from .feeds import FeedSpec
from .kinds import ArchivePage, ArticlePage, CalendarPage, GeneratedPage, ListingPage, PlanPage, PlansIndexPage

# The same items (the very objects: the content cache hands them back) make the same collections: a preview's
# rebuild after an edit to one item's body groups nothing again.
_collections: BuildMemo[tuple, Collections] = BuildMemo()


class LanguageSite:
    def __init__(self, settings: Settings, news: NewsCatalogue, plans: PlanCatalogue, lang: str, strings: Strings,
                 include_drafts: bool, site_name: str):
        self.settings = settings
        self.news = news
        self.plan_catalogue = plans
        self.lang = lang
        self.strings = strings
        self.include_drafts = include_drafts
        self.site_name = site_name
        self.urls = UrlScheme(settings, lang)
        self.items: list[NewsItem] = news.items(lang, include_drafts)
        self.collections: Collections = self._group(self.items)
        self.plans: list[Plan] = plans.plans(lang)
        self.calendar: ActivityCalendar = build_calendar(self.plans)
        self.pages: list[GeneratedPage] = self._plan_pages()
        self.feeds: dict[Subject, FeedSpec] = self._plan_feeds()

    def _group(self, items: list[NewsItem]) -> Collections:
        return _collections.get((tuple(items), self.settings.categories, self.settings.timezone),
                                lambda: build_collections(items, self.settings.categories, self.settings.timezone))

    def _plan_pages(self) -> list[GeneratedPage]:
        urls, t = self.urls, self.strings
        pages: list[GeneratedPage] = [ArticlePage(urls.article(item.date, item.slug), item.title, item) for item in self.items]
        pages.append(ArchivePage(urls.archive_index(), t["archive_title"]))
        for listing in self.collections.all_listings():
            title = self.listing_title(listing)
            size = self.settings.page_size
            for number in range(listing.page_count(size), 0, -1):  # newest first, from the root
                pages.append(ListingPage(listing.page_path(urls, number, size), title, listing, number))
        pages.append(PlansIndexPage(urls.plans_index(), t["plans"], tuple(self.plans)))
        pages.append(CalendarPage(urls.calendar(), t["calendar"], None, self.calendar))
        for plan in self.plans:
            pages.append(PlanPage(urls.plan(plan.slug), plan.title, plan))
            pages.append(CalendarPage(urls.calendar(plan.slug), t.format("calendar_of_plan", title=plan.title), plan, build_calendar([plan])))
        return pages

    def _plan_feeds(self) -> dict[Subject, FeedSpec]:
        """The feeds, by the subject of their listing: all news, and each category (and tag) if enabled."""
        # A preview shows drafts on the pages, but feeds never carry them.
        published = self._group(self.news.items(self.lang)) if self.include_drafts else self.collections
        options, t = self.settings.feeds, self.strings
        listings = [published.news]
        listings += published.categories if options.categories else []
        listings += published.tags if options.tags else []
        feeds = {}
        for listing in listings:
            names = {"site": self.site_name, "name": self.listing_label(listing)}
            match listing.subject:
                case InCategory():
                    title, description = t.format("feed_category_title", **names), t.format("feed_category_description", **names)
                case WithTag():
                    title, description = t.format("feed_tag_title", **names), t.format("feed_tag_description", **names)
                case _:
                    title, description = t.format("feed_title", **names), t.format("feed_description", **names)
            feeds[listing.subject] = FeedSpec(listing, title, description, listing.items[: options.length])
        return feeds

    def listing_label(self, listing: Listing) -> str:
        """What a listing is of, as the archive, breadcrumbs and feeds name it: "2024", "Tháng 3/2024", a category, a tag."""
        match listing.subject:
            case AllNews():
                return self.strings["news"]
            case InYear(year):
                return str(year)
            case InMonth():
                return self.strings.date(listing.items[0].date, "month_label")
            case InCategory(category):
                return category.name(self.lang)
            case WithTag(_, name):
                return name

    def listing_title(self, listing: Listing) -> str:
        """The heading of a listing's pages."""
        t, label = self.strings, self.listing_label(listing)
        match listing.subject:
            case AllNews():
                return label
            case InYear(year):
                return t.format("year_title", year=year)
            case InMonth(year, month):
                return t.format("month_title", month=month, year=year, month_name=label)
            case InCategory():
                return t.format("category_title", name=label)
            case WithTag():
                return t.format("tag_title", name=label)

    def listing_subjects(self, lang: str) -> set[Subject]:
        """What the listings (with items) of another language are of, to link a listing to its translation."""
        return {listing.subject for listing in self._group(self.news.items(lang, self.include_drafts)).all_listings() if listing.items}
