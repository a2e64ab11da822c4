"""One language's side of the site: which pages the news becomes, and where.

This is the plan of the generated pages (articles, news listings, archives),
independent of MkDocs; `mkdocs_files` turns it into MkDocs files.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import Catalogue
from .collections import Collections, Listing, build_collections, neighbours
from .i18n import Strings
from .model import NewsItem
from .settings import Settings
from .urls import UrlScheme


@dataclass(frozen=True)
class PageSpec:
    kind: str  # "article", "listing" or "archive_index"
    path: str  # directory path within this language's site, e.g. "tin-tuc/2024/02/slug/"
    item: NewsItem | None = None
    listing: Listing | None = None
    number: int = 1  # page number within a paginated listing


class LanguageSite:
    def __init__(self, settings: Settings, catalogue: Catalogue, lang: str, strings: Strings, include_drafts: bool):
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

    def _plan_pages(self) -> list[PageSpec]:
        pages = [PageSpec("article", self.urls.article(item), item=item) for item in self.items]
        pages.append(PageSpec("archive_index", self.urls.archive_index()))
        for listing in self.collections.all_listings():
            for number in range(1, listing.page_count(self.settings.page_size) + 1):
                pages.append(PageSpec("listing", self.urls.listing(listing, number), listing=listing, number=number))
        return pages

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
