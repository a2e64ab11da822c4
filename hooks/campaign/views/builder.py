"""The common machinery of the view builders: links relative to the page, dates, the page frame.

Every link here is relative to the page it is shown on (so the site works
from any folder and from a file system), every date formatted in the page's
language.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin

import imagesize

from ..core.urls import UrlScheme, relative_url
from ..news.collections import Listing
from ..news.model import NewsItem
from ..news.summary import Summaries
from ..pages.feeds import FEED_FORMATS
from ..pages.language_site import LanguageSite
from .common import AlternateView, DateView, FeedLink, FooterView, Link, PageFrame, SiteIdentity
from .sharing import ShareImage, article_meta, breadcrumb_list, json_ld_markup, news_article, page_meta, share_image


@lru_cache(maxsize=256)
def _image_size(path: Path) -> tuple[int, int]:
    return imagesize.get(str(path))


class ViewBuilder:
    """Builds the pieces every page's view is made of, for one language's site."""

    def __init__(self, site: LanguageSite, identity: SiteIdentity, summaries: Summaries):
        self.site = site
        self.identity = identity
        self.summaries = summaries
        self.t = site.strings
        self.urls = site.urls
        self.lang = site.lang
        self.schemes = {lang: UrlScheme(site.settings, lang) for lang in site.settings.languages}
        self.today = site.settings.build_date.astimezone(site.settings.timezone).date()  # what "past" and "next" are as of
        self._dates: dict[datetime, DateView] = {}
        self.news_feeds = self.feed_links(site.collections.news)  # on every page's frame, the same for all
        self.missing_images: list[str] = []  # what the build warns of
        self.category_images = self._category_images()

    # Links --------------------------------------------------------------------

    def link(self, local_target: str, here: str, lang: str | None = None) -> str:
        scheme = self.schemes[lang or self.lang]
        return relative_url(scheme.site_path(local_target), self.urls.site_path(here))

    def absolute(self, local_target: str, lang: str | None = None) -> str:
        return self.identity.site_root + self.schemes[lang or self.lang].site_path(local_target)

    def feed_links(self, listing: Listing) -> tuple[FeedLink, ...]:
        feed = self.site.feeds.get(listing.subject)
        if feed is None:
            return ()
        return tuple(
            FeedLink(f"{feed.title} ({fmt.label})", fmt.media_type, self.absolute(feed.path(self.urls, fmt.name)))
            for fmt in FEED_FORMATS
        )

    def visible_feed_link(self, here: str, listing: Listing | None = None) -> Link | None:
        """The RSS feed of `listing`, or of all news when no listing is given; None for a listing without a feed of
        its own (a tag when tag feeds are off, a year, a month), rather than quietly the whole site's."""
        feed = self.site.feeds.get((listing or self.site.collections.news).subject)
        if feed is None:
            return None
        return Link(self.t["subscribe_rss"], self.link(feed.path(self.urls, FEED_FORMATS[0].name), here))

    # Pieces -------------------------------------------------------------------

    def date(self, moment: datetime) -> DateView:
        # An item's date is shown on many pages (neighbours, listings): format it once.
        if moment not in self._dates:
            local = moment.astimezone(self.site.settings.timezone)
            self._dates[moment] = DateView(local.isoformat(), self.t.date(moment, "date_short"), self.t.date(moment, "date_long"))
        return self._dates[moment]

    def alternates(self, here: str, translations: dict[str, str]) -> tuple[AlternateView, ...]:
        """One entry per language, for the switcher and hreflang; `translations` maps lang -> local path."""
        views = []
        for lang, language in self.site.settings.languages.items():
            target = here if lang == self.lang else translations.get(lang, "")
            views.append(AlternateView(
                lang=lang, name=language.name, url=self.link(target, here, lang),
                absolute_url=self.absolute(target, lang),
                is_translation=lang != self.lang and lang in translations,
                current=lang == self.lang,
                link_text=self.t.format("translation_link", language=self.t.names("language_names")[lang]),
            ))
        return tuple(views)

    def crumbs(self, here: str, *trail: tuple[str, str], section: tuple[str, str] | None = None,
               here_last: bool = True) -> tuple[Link, ...]:
        """Home, the section (news by default) and `trail`, each (text, path); the last is the current page unless
        `here_last` is false (an article's trail ends at its category)."""
        section = section or (self.t["news"], self.urls.news_index())
        links = [Link(self.t["home"], self.link("", here)), Link(section[0], self.link(section[1], here))]
        links += [Link(text, self.link(path, here)) for text, path in trail]
        if here_last:
            links[-1] = Link(links[-1].text, links[-1].url, current=True)
        return tuple(links)

    def image_size(self, path: str) -> tuple[int | None, int | None]:
        """The intrinsic size of an image of docs/, so the browser reserves its space before it loads."""
        width, height = _image_size(self.identity.docs_dir / path)  # an SVG's may be fractional
        return (round(width), round(height)) if width > 0 and height > 0 else (None, None)

    def _category_images(self) -> dict[str, str]:
        """Each category's picture (in docs/) that exists; a missing one goes to `missing_images`, and cards show none."""
        images = {}
        for index, category in enumerate(self.site.settings.categories):
            if category.image is None:
                continue
            if (self.identity.docs_dir / category.image).is_file():
                images[category.key] = category.image
            else:
                self.missing_images.append(f"extra.campaign.categories[{index}].image: {category.image} is not a file in "
                                           f"{self.identity.docs_dir.name}/; items of {category.key} without a picture show none")
        return images

    def footer(self) -> FooterView:
        """The footer of every page of this language, from `extra.campaign.publisher` (the name defaults to site_author)."""
        settings, t = self.site.settings, self.t
        publisher = settings.publisher
        name = publisher.name.get(self.lang) or self.identity.publisher
        copyright = publisher.copyright.get(self.lang) or t.format("copyright", year=settings.build_date.year, name=name)
        feed = self.site.feeds[self.site.collections.news.subject]
        follow = (Link(t["footer_news_feed"], feed.path(self.urls, FEED_FORMATS[0].name)), Link(t["calendar"], self.urls.calendar()),
                  Link(t["footer_calendar_file"], self.urls.icalendar()))
        return FooterView(
            publisher=name, address=publisher.address.get(self.lang, ""), telephone=publisher.telephone,
            telephone_uri="tel:" + "".join(c for c in publisher.telephone if c.isdigit() or c == "+") if publisher.telephone else "",
            email=publisher.email, copyright=copyright, follow=follow,
        )

    def not_found_links(self) -> tuple[Link, ...]:
        """Where the 404 page sends a reader: paths within the language's site (the template makes them relative)."""
        return (Link(self.t["home"], ""), Link(self.t["latest_news"], self.urls.news_index()), Link(self.t["calendar"], self.urls.calendar()))

    # The frame ----------------------------------------------------------------

    def frame(self, here: str, title: str, translations: dict[str, str], breadcrumbs: tuple[Link, ...] = (), *,
              feeds: tuple[FeedLink, ...] = (), calendar_feeds: tuple[Link, ...] = (), events: tuple[dict, ...] = (),
              item: NewsItem | None = None, toc_lead: tuple[Link, ...] = ()) -> PageFrame:
        """The frame of the page at `here`: `feeds` are its own besides the language's, `events` its schema.org nodes."""
        url = self.identity.language_root + here
        alternates = self.alternates(here, translations)
        other_langs = [a.lang for a in alternates if a.is_translation]  # og:locale:alternate, like hreflang
        image = self._share_image(item)
        nodes: list[dict] = []
        if item is not None:
            social = article_meta(item, url, self.summaries(item) or self.identity.description, image,
                                  self.identity.name, self.lang, other_langs)
            nodes.append(news_article(item, url, image, self.identity.publisher, self.lang))
        else:
            social = page_meta(title, self.identity.description, url, image, self.identity.name, self.lang, other_langs)
        if breadcrumbs:
            trail = [(link.text, urljoin(url, link.url)) for link in breadcrumbs]
            if not breadcrumbs[-1].current:
                trail.append((title, url))  # a visible trail may stop above the page (an article's at its category)
            nodes.append(breadcrumb_list(trail))
        return PageFrame(
            lang=self.lang, default_lang=self.site.settings.default_language, section=here.split("/", 1)[0] + "/" if here else "",
            alternates=alternates, breadcrumbs=breadcrumbs,
            feeds=self.news_feeds + feeds, calendar_feeds=calendar_feeds,
            social=social, json_ld=json_ld_markup(nodes + list(events)), toc_lead=toc_lead,
        )

    def _share_image(self, item: NewsItem | None) -> ShareImage | None:
        """The article's own image if link previews can show it, else the site's share image."""
        featured, image = item.image if item is not None else None, None
        if featured is not None and featured.local is not None:
            local = featured.local
            image = share_image(local.file, self.identity.language_root + self.urls.news_asset(local.path), featured.alt, local.size)
        if image is None:
            default = self.site.settings.share_image
            image = share_image(self.identity.docs_dir / default, self.identity.language_root + default, self.identity.name)
        return image
