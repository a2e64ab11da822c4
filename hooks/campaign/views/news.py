"""The views of news pages (articles, listings, the archive) and of hand-written pages, home included."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from ..news.collections import AllNews, InCategory, InMonth, InYear, Listing, Subject, WithTag
from ..news.model import NewsItem
from ..pages.kinds import ArchivePage, ArticlePage, ListingPage
from .builder import ViewBuilder
from .common import DateView, ImageView, Link, PageFrame


@dataclass(frozen=True)
class EntryView:
    """An item as shown in a list: listings, the home page, newer / older news."""

    title: str
    url: str
    date: DateView
    category: Link
    summary: str
    image: ImageView | None
    fallback_image: ImageView | None  # the category's picture, for cards, when the item has none
    draft: bool


@dataclass(frozen=True)
class ShareView:
    """Ways to pass an article on, none of them a third-party script: the browser's own share sheet (Zalo and
    Messenger on phones) and copying the link, both by our script; plain links to Facebook and e-mail."""

    url: str  # absolute
    title: str
    facebook: str
    email: str  # mailto:


@dataclass(frozen=True)
class ArticleView:
    title: str
    date: DateView
    published: str  # "Thứ Sáu, 01/03/2024, 16:30": weekday, date and the time the source gives
    updated: DateView | None
    author: str | None
    category: Link
    tags: tuple[Link, ...]
    image: ImageView | None
    share: ShareView
    related: tuple[EntryView, ...]  # sharing tags, then the category
    newer: tuple[EntryView, ...]
    older: tuple[EntryView, ...]
    draft: bool


@dataclass(frozen=True)
class PaginationView:
    pages: tuple[Link | None, ...]  # newest first; None: a gap ("…") between page numbers
    previous: Link | None  # the newer page
    next: Link | None  # the older page


@dataclass(frozen=True)
class ListingView:
    title: str
    entries: tuple[EntryView, ...]
    pagination: PaginationView | None
    archive: Link | None  # on the news by date (all, a year, a month): the archive, by year, category and tag


@dataclass(frozen=True)
class CountedLink:
    link: Link
    count: int


@dataclass(frozen=True)
class ArchiveYear:
    link: Link
    count: int
    months: tuple[CountedLink, ...]


@dataclass(frozen=True)
class ArchiveView:
    years: tuple[ArchiveYear, ...]
    categories: tuple[CountedLink, ...]
    tags: tuple[CountedLink, ...]


# One view per page kind: the frame, and what the page shows. -----------------


@dataclass(frozen=True)
class ArticlePageView:
    frame: PageFrame
    article: ArticleView


@dataclass(frozen=True)
class ListingPageView:
    frame: PageFrame
    listing: ListingView
    feed_link: Link | None  # a visible "RSS" link to the listing's own feed; None if it has none


@dataclass(frozen=True)
class ArchivePageView:
    frame: PageFrame
    archive: ArchiveView
    feed_link: Link | None


class NewsViews:
    def __init__(self, views: ViewBuilder):
        self.views = views
        self.site = views.site
        self.t = views.t
        self.urls = views.urls
        # What the listings of each other language are of, to link a listing to its translation.
        self.other_subjects: dict[str, set[Subject]] = {
            lang: self.site.listing_subjects(lang) for lang in self.site.settings.languages if lang != self.site.lang
        }

    # Pieces -------------------------------------------------------------------

    def image(self, item: NewsItem, here: str) -> ImageView | None:
        image = item.image
        if image is None:
            return None
        if image.local is None:
            return ImageView(image.src, image.alt, image.caption)
        width, height = image.local.size or (None, None)
        return ImageView(self.views.link(self.urls.news_asset(image.local.path), here), image.alt, image.caption, width, height)

    def category_image(self, item: NewsItem, here: str) -> ImageView | None:
        path = self.views.category_images.get(item.category.key)
        return ImageView(self.views.link(path, here), "", None, *self.views.image_size(path)) if path else None

    def category(self, item: NewsItem, here: str) -> Link:
        return Link(item.category.name(self.site.lang), self.views.link(self.urls.category(item.category), here))

    def entry(self, item: NewsItem, here: str) -> EntryView:
        return EntryView(
            title=item.title, url=self.views.link(self.urls.article(item.date, item.slug), here), date=self.views.date(item.date),
            category=self.category(item, here), summary=self.views.summaries(item), image=self.image(item, here),
            fallback_image=None if item.image else self.category_image(item, here), draft=item.draft,
        )

    def entries(self, items: tuple[NewsItem, ...] | list[NewsItem], here: str) -> tuple[EntryView, ...]:
        return tuple(self.entry(item, here) for item in items)

    # Pages --------------------------------------------------------------------

    def article_page(self, page: ArticlePage) -> ArticlePageView:
        item, here, views = page.item, page.path, self.views
        translations = {
            lang: views.schemes[lang].article(other.date, other.slug)
            for lang, other in self.site.news.translations(item, self.site.include_drafts).items()
        }
        collections, settings = self.site.collections, self.site.settings
        newer, older = collections.neighbours(item, settings.neighbours)
        # The trail stops at the category: the headline right under it says the rest.
        crumbs = views.crumbs(here, (item.category.name(self.site.lang), self.urls.category(item.category)), here_last=False)
        local = item.date.astimezone(settings.timezone)
        # A source that gives no time of day is read as midnight: show the day alone.
        published = self.t.date(item.date, "date_full" if (local.hour, local.minute, local.second) != (0, 0, 0) else "date_full_untimed")
        return ArticlePageView(
            frame=views.frame(here, page.title, translations, crumbs, item=item),
            article=ArticleView(
                title=item.title, date=views.date(item.date), published=published[:1].upper() + published[1:],
                updated=views.date(item.updated) if item.updated else None,
                author=item.author, category=self.category(item, here),
                tags=tuple(Link(tag, views.link(self.urls.tag(tag), here)) for tag in item.tags),
                image=self.image(item, here), share=self.share(item, here),
                related=self.entries(collections.related(item, settings.related), here),
                newer=self.entries(newer, here), older=self.entries(older, here), draft=item.draft,
            ),
        )

    def share(self, item: NewsItem, here: str) -> ShareView:
        url = self.views.identity.language_root + here
        return ShareView(
            url=url, title=item.title,
            facebook="https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
            email="mailto:?" + urlencode({"subject": item.title, "body": url}, quote_via=quote),
        )

    def article_inputs(self, page: ArticlePage, key: Callable[[NewsItem], str]) -> tuple:
        """What `article_page` reads besides what every page shares (settings, strings, templates), cheaply:
        each item by `key`, a digest of all its fields. Dirty builds compare these instead of building every view."""
        item = page.item
        # A translation by all its fields, though only its URL is shown: builds kept in memory (build.page_plan)
        # learn which items a page reads from `key`.
        translations = sorted((lang, key(other)) for lang, other in self.site.news.translations(item, self.site.include_drafts).items())
        newer, older = self.site.collections.neighbours(item, self.site.settings.neighbours)
        related = self.site.collections.related(item, self.site.settings.related)
        return (page.path, page.title, key(item), [key(i) for i in newer], [key(i) for i in older], [key(i) for i in related],
                translations)

    def listing_page(self, page: ListingPage) -> ListingPageView:
        listing, number, here, views = page.listing, page.number, page.path, self.views
        size = self.site.settings.page_size
        root = number == listing.page_count(size)
        return ListingPageView(
            frame=views.frame(
                here, page.title, self._listing_translations(listing, number),
                views.crumbs(here, *self._listing_trail(listing, number, page.title)),
                feeds=() if isinstance(listing.subject, AllNews) else views.feed_links(listing),
            ),
            listing=ListingView(
                title=page.title if root else self.t.format("page_title", title=page.title, number=number),
                entries=self.entries(listing.page_items(number, size), here),
                pagination=self._pagination(listing, number, here),
                archive=Link(self.t["archive_link"], views.link(self.urls.archive_index(), here))
                if isinstance(listing.subject, AllNews | InYear | InMonth) else None,
            ),
            feed_link=views.visible_feed_link(here, listing),
        )

    def listing_inputs(self, page: ListingPage, key: Callable[[NewsItem], str]) -> tuple:
        """What `listing_page` reads besides what every page shares; see `article_inputs`. Not the listing's length
        nor its page count: an older page shows neither, and must not change when a new item comes."""
        listing, number, size = page.listing, page.number, self.site.settings.page_size
        return (page.path, page.title, number, number == listing.page_count(size), listing.subject,
                [key(i) for i in listing.page_items(number, size)], self._pagination_inputs(listing, number),
                self._listing_translations(listing, number), self.views.feed_links(listing), self.site.listing_label(listing))

    def _pagination(self, listing: Listing, number: int, here: str) -> PaginationView | None:
        """Newest first: the root ("Mới nhất"), then pages numbered down to 1, the oldest."""
        size = self.site.settings.page_size
        pages = listing.page_count(size)
        if pages == 1:
            return None

        def page_link(n: int) -> Link:
            text = self.t["newest_page"] if n == pages else str(n)
            return Link(text, self.views.link(listing.page_path(self.urls, n, size), here), current=n == number)

        window, previous, next_ = _pagination_numbers(number, pages)
        return PaginationView(
            pages=tuple(page_link(n) if n else None for n in window),
            previous=page_link(previous) if previous else None,
            next=page_link(next_) if next_ else None,
        )

    def _pagination_inputs(self, listing: Listing, number: int) -> tuple | None:
        """What `_pagination` shows besides the listing's URLs and strings: each page it links, and whether that is
        the root. Not the page count: an older page's links do not change when the listing grows."""
        pages = listing.page_count(self.site.settings.page_size)
        if pages == 1:
            return None
        window, previous, next_ = _pagination_numbers(number, pages)
        return tuple((n, n == pages) if n else None for n in (*window, previous, next_))

    def _listing_trail(self, listing: Listing, number: int, title: str) -> list[tuple[str, str]]:
        urls, trail = self.urls, []
        match listing.subject:
            case InYear(year):
                trail.append((str(year), urls.year(year)))
            case InMonth(year, month):
                trail.append((str(year), urls.year(year)))
                trail.append((self.site.listing_label(listing), urls.month(year, month)))
            case InCategory() | WithTag():
                trail.append((title, listing.path(urls)))
        size = self.site.settings.page_size
        if number != listing.page_count(size):
            trail.append((self.t.format("page_number", number=number), listing.page_path(urls, number, size)))
        return trail

    def _listing_translations(self, listing: Listing, number: int) -> dict[str, str]:
        """The same listing in other languages, where that language has it (tags are per language)."""
        if number != listing.page_count(self.site.settings.page_size):
            return {}
        return {lang: listing.path(self.views.schemes[lang]) for lang, subjects in self.other_subjects.items() if listing.subject in subjects}

    def archive_page(self, page: ArchivePage) -> ArchivePageView:
        here, c, views = page.path, self.site.collections, self.views
        translations = {lang: s.archive_index() for lang, s in views.schemes.items() if lang != self.site.lang}

        def counted(listing: Listing) -> CountedLink:
            return CountedLink(Link(self.site.listing_label(listing), views.link(listing.path(self.urls), here)), len(listing.items))

        return ArchivePageView(
            frame=views.frame(here, page.title, translations, views.crumbs(here, (self.t["archive"], here))),
            archive=ArchiveView(
                years=tuple(
                    ArchiveYear(year.link, year.count, tuple(counted(m) for m in c.months_in(listing)))
                    for listing, year in ((listing, counted(listing)) for listing in c.years)
                ),
                categories=tuple(counted(listing) for listing in c.categories),
                tags=tuple(counted(listing) for listing in c.tags),
            ),
            feed_link=views.visible_feed_link(here),
        )


def _pagination_numbers(number: int, pages: int) -> tuple[list[int], int | None, int | None]:
    """The pages a listing page links (0 for a gap), the one before it (newer) and the one after it (older)."""
    return pagination_window(number, pages), number + 1 if number < pages else None, number - 1 if number > 1 else None


def pagination_window(current: int, last: int, around: int = 2) -> list[int]:
    """The pages to link, newest first: the root (`last`), page 1 (the oldest) and `around` pages either side of
    the current one, 0 for each gap.

    Linking every page from every page would make a listing of P pages cost
    P² links: 1,000,000 at 10,000 items. Only the pages near the root depend on
    the page count, so a new page changes a handful of others.
    """
    position = last - current + 1  # 1 for the root
    shown = sorted({1, last, *range(max(1, position - around), min(last, position + around) + 1)})
    window: list[int] = []
    for n in shown:
        if window and n - window[-1] > 1:
            window.append(0 if n - window[-1] > 2 else n - 1)
        window.append(n)
    return [last - n + 1 if n else 0 for n in window]
