"""Ready-made data for the templates, one view per page.

Templates stay thin: every link here is already relative to the page it is
shown on, every date already formatted in the page's language. Text is left
as plain text: the templates escape it (they run under `autoescape`).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from datetime import datetime

import imagesize

from ..core.urls import UrlScheme, relative_url
from ..news.collections import Listing, build_collections
from ..news.model import FeaturedImage, NewsItem
from ..pages.language_site import FEED_FORMATS, LanguageSite, PageSpec


@dataclass(frozen=True)
class Link:
    text: str
    url: str
    current: bool = False


@dataclass(frozen=True)
class FeedLink:
    """A feed for autodiscovery: <link rel="alternate" type=... title=... href=...>."""

    title: str
    media_type: str
    url: str  # absolute


@dataclass(frozen=True)
class DateView:
    iso: str  # with offset, for <time datetime>
    short: str
    long: str


@dataclass(frozen=True)
class ImageView:
    url: str
    alt: str
    caption: str | None
    width: int | None = None  # intrinsic size, so the browser reserves the space before it loads
    height: int | None = None


@dataclass(frozen=True)
class EntryView:
    """An item as shown in a list: listings, the home page, newer / older news."""

    title: str
    url: str
    date: DateView
    category: Link
    summary: str
    image: ImageView | None
    draft: bool


@dataclass(frozen=True)
class AlternateView:
    lang: str
    name: str
    url: str  # the translation of this page, or that language's home page
    absolute_url: str | None
    is_translation: bool
    current: bool
    link_text: str  # "Đọc bản tiếng Anh"


@dataclass
class PageView:
    """What every page of ours gets as `campaign` in its template context."""

    t: object  # the UI strings of the page's language
    lang: str
    default_lang: str
    alternates: list[AlternateView]
    breadcrumbs: list[Link] = field(default_factory=list)
    article: ArticleView | None = None
    listing: ListingView | None = None
    archive: ArchiveView | None = None
    latest: list[EntryView] = field(default_factory=list)
    news_url: str = ""
    feeds: list[FeedLink] = field(default_factory=list)  # the language's news feeds, then this listing's own
    feed_link: Link | None = None  # a visible "RSS" link, on listings, the archive and the home page
    # Plans and the calendar (plan_views.py).
    plan: object | None = None  # PlanView
    plans: list = field(default_factory=list)  # (link, number, period) of each plan
    calendar: object | None = None  # CalendarView
    campaign_state: object | None = None  # CampaignStateView, on the home page
    calendar_feeds: list[Link] = field(default_factory=list)  # .ics files, absolute URLs
    structured_data: list[dict] = field(default_factory=list)  # schema.org nodes of this page (Events, NewsArticle, …)
    social: object | None = None  # SocialMeta: Open Graph and Twitter card
    json_ld: str | None = None  # structured_data as one JSON-LD graph, safe inside <script>

    @property
    def hreflang(self) -> list[AlternateView]:
        """hreflang alternates: only pages that really are translations of this one."""
        return [a for a in self.alternates if a.is_translation or a.current] if self.has_translation else []

    @property
    def x_default(self) -> AlternateView | None:
        """The default language's version, for hreflang="x-default"."""
        return next((a for a in self.hreflang if a.lang == self.default_lang), None)

    @property
    def has_translation(self) -> bool:
        return any(a.is_translation for a in self.alternates)


@dataclass(frozen=True)
class ArticleView:
    title: str
    date: DateView
    updated: DateView | None
    author: str | None
    category: Link
    tags: list[Link]
    image: ImageView | None
    newer: list[EntryView]
    older: list[EntryView]
    draft: bool


@dataclass(frozen=True)
class PaginationView:
    pages: list[Link | None]  # None: a gap ("…") between page numbers
    previous: Link | None
    next: Link | None


@dataclass(frozen=True)
class ListingView:
    title: str
    entries: list[EntryView]
    pagination: PaginationView | None
    total: int


@dataclass(frozen=True)
class ArchiveMonth:
    link: Link
    count: int


@dataclass(frozen=True)
class ArchiveYear:
    link: Link
    count: int
    months: list[ArchiveMonth]


@dataclass(frozen=True)
class ArchiveView:
    years: list[ArchiveYear]
    categories: list[ArchiveMonth]
    tags: list[ArchiveMonth]


class ViewBuilder:
    """Builds the view of one page of one language's site."""

    def __init__(self, site: LanguageSite, site_url: str | None):
        self.site = site
        self.t = site.strings
        self.site_url = site_url  # of the whole site, ending in '/', or None
        self.schemes = {lang: UrlScheme(site.settings, lang) for lang in site.settings.languages}
        self._dates: dict[datetime, DateView] = {}
        self._sizes: dict[int, tuple[int | None, int | None]] = {}
        # Which listings (with items) exist in each other language, to link a listing to its translation.
        self.listing_keys = {
            lang: {
                listing.key
                for listing in build_collections(
                    site.catalogue.items(lang, site.include_drafts), site.settings.categories, site.settings.timezone
                ).all_listings()
                if listing.items
            }
            for lang in site.settings.languages
            if lang != site.lang
        }

    # Links -------------------------------------------------------------

    def link(self, local_target: str, here: str, lang: str | None = None) -> str:
        scheme = self.schemes[lang or self.site.lang]
        return relative_url(scheme.site_path(local_target), self.site.urls.site_path(here))

    def absolute(self, local_target: str, lang: str) -> str | None:
        if not self.site_url:
            return None
        return self.site_url + self.schemes[lang].site_path(local_target)

    def feed_links(self, listing: Listing) -> list[FeedLink]:
        feed = self.site.feeds.get(listing.key)
        if feed is None:
            return []
        return [
            FeedLink(f"{feed.title} ({fmt.label})", fmt.media_type, self.absolute(self.site.urls.feed(listing, fmt.name), self.site.lang))
            for fmt in FEED_FORMATS
        ]

    def visible_feed_link(self, here: str, listing: Listing | None = None) -> Link:
        """The RSS feed of `listing` if it has one, else of all news."""
        if listing is None or listing.key not in self.site.feeds:
            listing = self.site.collections.news
        return Link(self.t["subscribe_rss"], self.link(self.site.urls.feed(listing, FEED_FORMATS[0].name), here))

    # Pieces --------------------------------------------------------------

    def date(self, moment: datetime) -> DateView:
        # An item's date is shown on many pages (neighbours, listings): format it once.
        if moment not in self._dates:
            local = moment.astimezone(self.site.settings.timezone)
            self._dates[moment] = DateView(local.isoformat(), self.t.date(moment, "date_short"), self.t.date(moment, "date_long"))
        return self._dates[moment]

    def image(self, item: NewsItem, here: str) -> ImageView | None:
        image: FeaturedImage | None = item.image
        if image is None:
            return None
        if image.is_external:
            return ImageView(image.src, image.alt, image.caption)
        width, height = self._image_size(item)
        return ImageView(self.link(news_asset_path(self.site.urls, item, image.src), here), image.alt, image.caption, width, height)

    def _image_size(self, item: NewsItem) -> tuple[int | None, int | None]:
        if id(item) not in self._sizes:
            width, height = imagesize.get(str(self.site.settings.news_dir / item.source.parent / item.image.src))
            self._sizes[id(item)] = (round(width), round(height)) if width > 0 and height > 0 else (None, None)
        return self._sizes[id(item)]

    def category(self, item: NewsItem, here: str) -> Link:
        return Link(item.category.name(self.site.lang), self.link(self.site.urls.category(item.category), here))

    def entry(self, item: NewsItem, here: str) -> EntryView:
        return EntryView(
            title=item.title, url=self.link(self.site.urls.article(item), here), date=self.date(item.date),
            category=self.category(item, here), summary=self.site.summaries(item), image=self.image(item, here),
            draft=item.draft,
        )

    def alternates(self, here: str, translations: dict[str, str]) -> list[AlternateView]:
        """One entry per language, for the switcher and hreflang; `translations` maps lang -> local path."""
        views = []
        for lang, language in self.site.settings.languages.items():
            target = here if lang == self.site.lang else translations.get(lang, "")
            views.append(AlternateView(
                lang=lang, name=language.name, url=self.link(target, here, lang),
                absolute_url=self.absolute(target, lang),
                is_translation=lang != self.site.lang and lang in translations,
                current=lang == self.site.lang,
                link_text=self.t.format("translation_link", language=self.t["language_names"][lang]),
            ))
        return views

    def crumbs(self, here: str, *trail: tuple[str, str], section: tuple[str, str] | None = None) -> list[Link]:
        """Home, the section (news by default) and `trail`, each (text, path); the last is the current page."""
        section = section or (self.t["news"], self.site.urls.news_index())
        links = [Link(self.t["home"], self.link("", here)), Link(section[0], self.link(section[1], here))]
        links += [Link(text, self.link(path, here)) for text, path in trail]
        last = links[-1]
        links[-1] = Link(last.text, last.url, current=True)
        return links

    # Whole pages ---------------------------------------------------------

    def base(self, here: str, translations: dict[str, str]) -> PageView:
        return PageView(
            t=self.t, lang=self.site.lang, default_lang=self.site.settings.default_language, alternates=self.alternates(here, translations),
            news_url=self.link(self.site.urls.news_index(), here),
            feeds=self.feed_links(self.site.collections.news),
        )

    def for_spec(self, spec: PageSpec) -> PageView:
        if spec.kind == "article":
            return self.article_page(spec)
        if spec.kind == "listing":
            return self.listing_page(spec)
        return self.archive_page(spec)

    def article_page(self, spec: PageSpec) -> PageView:
        item, here = spec.item, spec.path
        translations = {
            lang: self.schemes[lang].article(other)
            for lang, other in self.site.catalogue.translations(item, self.site.include_drafts).items()
        }
        view = self.base(here, translations)
        newer, older = self.site.neighbours(item)
        view.breadcrumbs = self.crumbs(here, (item.category.name(self.site.lang), self.site.urls.category(item.category)), (item.title, here))
        view.article = ArticleView(
            title=item.title, date=self.date(item.date), updated=self.date(item.updated) if item.updated else None,
            author=item.author, category=self.category(item, here),
            tags=[Link(tag, self.link(self.site.urls.tag(tag), here)) for tag in item.tags],
            image=self.image(item, here),
            newer=[self.entry(i, here) for i in newer], older=[self.entry(i, here) for i in older],
            draft=item.draft,
        )
        return view

    def listing_page(self, spec: PageSpec) -> PageView:
        listing, here, size = spec.listing, spec.path, self.site.settings.page_size
        title = self.site.listing_title(listing)
        view = self.base(here, self._listing_translations(listing, spec.number))
        view.breadcrumbs = self.crumbs(here, *self._listing_trail(listing, spec.number, title))
        if listing.kind != "news":
            view.feeds += self.feed_links(listing)
        view.feed_link = self.visible_feed_link(here, listing)
        pages = listing.page_count(size)
        pagination = None
        if pages > 1:
            def page_link(n: int) -> Link:
                return Link(str(n), self.link(self.site.urls.listing(listing, n), here), current=n == spec.number)

            pagination = PaginationView(
                pages=[page_link(n) if n else None for n in pagination_window(spec.number, pages)],
                previous=page_link(spec.number - 1) if spec.number > 1 else None,
                next=page_link(spec.number + 1) if spec.number < pages else None,
            )
        view.listing = ListingView(
            title=title if spec.number == 1 else self.t.format("page_title", title=title, number=spec.number),
            entries=[self.entry(item, here) for item in listing.page_items(spec.number, size)],
            pagination=pagination, total=len(listing.items),
        )
        return view

    def _listing_trail(self, listing: Listing, number: int, title: str) -> list[tuple[str, str]]:
        urls, trail = self.site.urls, []
        if listing.kind in ("year", "month"):
            trail.append((str(listing.year), urls.year(listing.year)))
        if listing.kind == "month":
            trail.append((self.t.date(listing.items[0].date, "month_label"), urls.month(listing.year, listing.month)))
        if listing.kind in ("category", "tag"):
            trail.append((title, self.site.urls.listing(listing)))
        if number > 1:
            trail.append((self.t.format("page_number", number=number), self.site.urls.listing(listing, number)))
        return trail

    def _listing_translations(self, listing: Listing, number: int) -> dict[str, str]:
        """The same listing in other languages, where that language has it (tags are per language)."""
        if number != 1:
            return {}
        return {
            lang: self.schemes[lang].listing(listing)
            for lang, keys in self.listing_keys.items()
            if listing.key in keys
        }

    def archive_page(self, spec: PageSpec) -> PageView:
        here, c, urls = spec.path, self.site.collections, self.site.urls
        view = self.base(here, {lang: s.archive_index() for lang, s in self.schemes.items() if lang != self.site.lang})
        view.breadcrumbs = self.crumbs(here, (self.t["archive"], here))
        view.feed_link = self.visible_feed_link(here)
        view.archive = ArchiveView(
            years=[
                ArchiveYear(
                    Link(str(y.year), self.link(urls.year(y.year), here)), len(y.items),
                    [
                        ArchiveMonth(Link(self.t.date(m.items[0].date, "month_label"), self.link(urls.month(m.year, m.month), here)), len(m.items))
                        for m in c.months_of(y.year)
                    ],
                )
                for y in c.years
            ],
            categories=[ArchiveMonth(Link(l.category.name(self.site.lang), self.link(urls.category(l.category), here)), len(l.items)) for l in c.categories],
            tags=[ArchiveMonth(Link(l.tag, self.link(urls.tag(l.tag), here)), len(l.items)) for l in c.tags],
        )
        return view

    def plain_page(self, here: str, translations: dict[str, str]) -> PageView:
        """A hand-written page (docs/): switcher, and the latest news for the home page.

        `translations` maps each other language to its version's path.
        """
        view = self.base(here, translations)
        if here == "":
            view.latest = [self.entry(item, here) for item in self.site.items[: self.site.settings.home_news]]
            view.feed_link = self.visible_feed_link(here)
        return view


def pagination_window(current: int, last: int, around: int = 2) -> list[int]:
    """First, last and `around` pages either side of the current one, 0 for each gap.

    Linking every page from every page would make a listing of P pages cost
    P² links: 1,000,000 at 10,000 items.
    """
    shown = sorted({1, last, *range(max(1, current - around), min(last, current + around) + 1)})
    window: list[int] = []
    for n in shown:
        if window and n - window[-1] > 1:
            window.append(0 if n - window[-1] > 2 else n - 1)
        window.append(n)
    return window


def news_asset_path(urls: UrlScheme, item: NewsItem, src: str) -> str:
    """Where a file next to a news item is published: under the news segment, same sub-path."""
    return f"{urls.language.news}/" + posixpath.normpath(posixpath.join(str(item.source.parent), src))
