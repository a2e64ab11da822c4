"""Group one language's items into listings: all news, years, months, categories, tags.

Input is the language's items, newest first; every listing keeps that order,
so the pages and the "newer / older" chain are the same in every build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import PurePosixPath

from ..core.settings import Category
from ..core.slugs import slugify
from ..core.urls import UrlScheme
from .model import NewsItem

# What a listing lists. Each is the same value in every language, so a listing finds its translation.


@dataclass(frozen=True)
class AllNews:
    pass


@dataclass(frozen=True)
class InYear:
    year: int


@dataclass(frozen=True)
class InMonth:
    year: int
    month: int


@dataclass(frozen=True)
class InCategory:
    category: Category


@dataclass(frozen=True)
class WithTag:
    slug: str  # tags that differ only in case or accents are one tag
    name: str = field(compare=False)  # as first written, in the oldest item


Subject = AllNews | InYear | InMonth | InCategory | WithTag


@dataclass(frozen=True)
class Listing:
    """Items of one subject, newest first, in pages of `page_size` numbered from the oldest.

    Page 1 holds the oldest `page_size` items, page 2 the next, and so on; the
    newest page is the listing's root and holds the rest, between `page_size`
    and twice as many less one. A new item then changes the root page only (and,
    every `page_size` items, adds a page), so a numbered page keeps its items and
    its URL for good, and a rebuild does not render every page of every listing.
    """

    subject: Subject
    items: tuple[NewsItem, ...]

    def path(self, urls: UrlScheme, number: int | None = None) -> str:
        """The directory path of the listing's root page (None), or of its page `number`."""
        match self.subject:
            case AllNews():
                return urls.news_index(number)
            case InYear(year):
                return urls.year(year, number)
            case InMonth(year, month):
                return urls.month(year, month, number)
            case InCategory(category):
                return urls.category(category, number)
            case WithTag(_, name):
                return urls.tag(name, number)

    def page_path(self, urls: UrlScheme, number: int, page_size: int) -> str:
        """The path of page `number`: the root for the newest page."""
        return self.path(urls, None if number == self.page_count(page_size) else number)

    def page_count(self, page_size: int) -> int:
        """How many pages; the last (newest) is the root."""
        return max(1, len(self.items) // page_size)

    def page_items(self, number: int, page_size: int) -> tuple[NewsItem, ...]:
        """The items of page `number`, newest first."""
        count, pages = len(self.items), self.page_count(page_size)
        if number == pages:
            return self.items[: count - (pages - 1) * page_size]
        return self.items[count - number * page_size : count - (number - 1) * page_size]


@dataclass(frozen=True)
class Collections:
    news: Listing
    years: tuple[Listing, ...]  # newest year first
    months: tuple[Listing, ...]  # newest month first
    categories: tuple[Listing, ...]  # in declaration order, only those with items
    tags: tuple[Listing, ...]  # by tag slug
    positions: dict[PurePosixPath, int] = field(repr=False, compare=False)  # each item's place in `news`
    # Each item's place in the other listings, made when first asked: the related items of an article.
    _places: dict[Subject, dict[PurePosixPath, int]] = field(default_factory=dict, repr=False, compare=False)
    _by_subject: dict[Subject, Listing] = field(default_factory=dict, repr=False, compare=False)

    def all_listings(self) -> tuple[Listing, ...]:
        return (self.news, *self.years, *self.months, *self.categories, *self.tags)

    def months_in(self, year: Listing) -> tuple[Listing, ...]:
        """The month listings within a year listing, newest first."""
        if not isinstance(year.subject, InYear):
            return ()
        return tuple(m for m in self.months if isinstance(m.subject, InMonth) and m.subject.year == year.subject.year)

    def neighbours(self, item: NewsItem, count: int) -> tuple[tuple[NewsItem, ...], tuple[NewsItem, ...]]:
        """The `count` newer and `count` older items around `item`, both newest first."""
        items, index = self.news.items, self.positions[item.source]
        return items[max(0, index - count) : index], items[index + 1 : index + 1 + count]

    def related(self, item: NewsItem, count: int) -> tuple[NewsItem, ...]:
        """Up to `count` items on the same subject as `item`: those sharing the most of its tags, then those of its
        category; among equals, the nearest in date.

        Only the `count` items either side of `item` in each of its tags' listings and in its category's are
        weighed, so an article costs the same on a site of any size, however common its tags.
        """
        if count == 0:
            return ()
        tags = {slugify(tag) for tag in item.tags}

        def nearest(subject: Subject) -> tuple[NewsItem, ...]:
            listing = self._listing(subject)
            if listing is None:
                return ()
            places = self._places.get(subject)
            if places is None:
                places = self._places[subject] = {other.source: index for index, other in enumerate(listing.items)}
            index = places[item.source]
            return listing.items[max(0, index - count) : index] + listing.items[index + 1 : index + 1 + count]

        def closeness(other: NewsItem) -> tuple:
            return abs(other.date - item.date), str(other.source)

        sharing = {other.source: other for tag in sorted(tags) for other in nearest(WithTag(tag, ""))}
        chosen = sorted(sharing.values(), key=lambda o: (-len(tags & {slugify(t) for t in o.tags}), *closeness(o)))[:count]
        if len(chosen) < count:
            taken = {o.source for o in chosen}
            same_category = sorted((o for o in nearest(InCategory(item.category)) if o.source not in taken), key=closeness)
            chosen += same_category[: count - len(chosen)]
        return tuple(chosen)

    def _listing(self, subject: Subject) -> Listing | None:
        if not self._by_subject:
            self._by_subject.update((listing.subject, listing) for listing in (*self.categories, *self.tags))
        return self._by_subject.get(subject)


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
        news=Listing(AllNews(), tuple(items)),
        years=tuple(Listing(InYear(y), tuple(v)) for y, v in sorted(years.items(), reverse=True)),
        months=tuple(Listing(InMonth(y, m), tuple(v)) for (y, m), v in sorted(months.items(), reverse=True)),
        categories=tuple(Listing(InCategory(c), tuple(by_category[c.key])) for c in categories if c.key in by_category),
        tags=tuple(Listing(WithTag(k, tag_names[k]), tuple(v)) for k, v in sorted(by_tag.items())),
        positions={item.source: index for index, item in enumerate(items)},
    )
