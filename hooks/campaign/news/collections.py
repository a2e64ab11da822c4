"""Group one language's items into listings: all news, years, months, categories, tags.

Input is the language's items, newest first; every listing keeps that order,
so the pages and the "newer / older" chain are the same in every build.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from math import ceil

from ..core.settings import Category
from ..core.slugs import slugify
from .model import NewsItem


@dataclass(frozen=True)
class Listing:
    kind: str  # "news", "year", "month", "category" or "tag"
    items: tuple[NewsItem, ...]
    year: int | None = None
    month: int | None = None
    category: Category | None = None
    tag: str | None = None

    @property
    def key(self) -> tuple:
        """What the listing is of, the same in every language (tags are compared by slug)."""
        if self.kind == "category":
            return ("category", self.category.key)
        if self.kind == "tag":
            return ("tag", slugify(self.tag))
        return (self.kind, self.year, self.month)

    def page_count(self, page_size: int) -> int:
        return max(1, ceil(len(self.items) / page_size))

    def page_items(self, number: int, page_size: int) -> tuple[NewsItem, ...]:
        return self.items[(number - 1) * page_size : number * page_size]


@dataclass(frozen=True)
class Collections:
    news: Listing
    years: tuple[Listing, ...]  # newest year first
    months: tuple[Listing, ...]  # newest month first
    categories: tuple[Listing, ...]  # in declaration order, only those with items
    tags: tuple[Listing, ...]  # by tag slug

    def all_listings(self) -> tuple[Listing, ...]:
        return (self.news, *self.years, *self.months, *self.categories, *self.tags)

    def months_of(self, year: int) -> tuple[Listing, ...]:
        return tuple(m for m in self.months if m.year == year)


def build_collections(items: list[NewsItem], categories: tuple[Category, ...], tz: tzinfo) -> Collections:
    years: dict[int, list[NewsItem]] = {}
    months: dict[tuple[int, int], list[NewsItem]] = {}
    by_category: dict[str, list[NewsItem]] = {}
    by_tag: dict[str, list[NewsItem]] = {}
    tag_names: dict[str, str] = {}
    for item in items:
        local = item.date.astimezone(tz)
        years.setdefault(local.year, []).append(item)
        months.setdefault((local.year, local.month), []).append(item)
        by_category.setdefault(item.category.key, []).append(item)
        for tag in item.tags:
            # Tags that differ only in case or accents share one page (see tag_names below).
            by_tag.setdefault(slugify(tag), []).append(item)
    for item in reversed(items):
        for tag in item.tags:
            # A shared tag page is named as the tag was first written, in the oldest item.
            tag_names.setdefault(slugify(tag), tag)
    return Collections(
        news=Listing("news", tuple(items)),
        years=tuple(Listing("year", tuple(v), year=y) for y, v in sorted(years.items(), reverse=True)),
        months=tuple(Listing("month", tuple(v), year=y, month=m) for (y, m), v in sorted(months.items(), reverse=True)),
        categories=tuple(
            Listing("category", tuple(by_category[c.key]), category=c) for c in categories if c.key in by_category
        ),
        tags=tuple(Listing("tag", tuple(v), tag=tag_names[k]) for k, v in sorted(by_tag.items())),
    )


def neighbours(items: list[NewsItem], index: int, count: int) -> tuple[list[NewsItem], list[NewsItem]]:
    """The `count` newer and `count` older items around items[index], both newest first."""
    newer = items[max(0, index - count) : index]
    older = items[index + 1 : index + 1 + count]
    return newer, older
