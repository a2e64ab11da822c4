"""RSS 2.0 and Atom documents for the planned feeds (pages.feeds.FeedSpec), made with feedgen.

feedgen has defaults that would make broken or irreproducible feeds; each is
set deliberately here:
  - it raises on naive datetimes: every date is aware, in the site's timezone;
  - the last `link()` call becomes the RSS channel link: `self` first, then
    the HTML listing;
  - `FeedEntry.id()` alone gives `<guid isPermaLink="false">`: `guid()` is set
    after it, as the permalink;
  - Atom content without a type is text: the article is given as type="html";
  - `lastBuildDate` / `updated` default to the clock: both are the newest item's;
  - `add_entry()` prepends: entries are appended, so the feed is newest first;
  - feedgen 1.0 writes an Atom entry's <link> with its href only, dropping rel,
    type and length (lkiesow/python-feedgen#135), which would turn the
    enclosure into a second alternate link: Atom entry links are written by
    `_AtomEntryLinks` instead.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping
from datetime import datetime, tzinfo
from pathlib import PurePosixPath

import lxml.etree
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator

from ..core.urls import UrlScheme
from ..news.model import NewsItem
from ..news.summary import Summaries
from ..pages.feeds import FeedFormat, FeedSpec
from .html import parse_fragment, serialise_fragment


class FeedWriter:
    """Renders one language's feeds; URLs are made absolute from `base_url`, that language's site root."""

    def __init__(self, urls: UrlScheme, timezone: tzinfo, base_url: str, summaries: Summaries, rendered: Mapping[PurePosixPath, str],
                 author: str, fallback_date: datetime):
        self.urls = urls
        self.timezone = timezone
        self.base_url = base_url
        self.summaries = summaries
        self.rendered = rendered  # each article's HTML, by source path
        self.author = author  # the feed's author (Atom requires one where entries have none)
        self.fallback_date = fallback_date  # the date of a feed without items

    def render(self, feed: FeedSpec, fmt: FeedFormat) -> bytes:
        generator = self._generator(feed, fmt)
        if fmt.name == "rss":
            return generator.rss_str(pretty=True)
        return generator.atom_str(pretty=True)

    def absolute(self, path: str) -> str:
        return self.base_url + path

    def _generator(self, feed: FeedSpec, fmt: FeedFormat) -> FeedGenerator:
        self_url = self.absolute(feed.path(self.urls, fmt.name))
        updated = self._local(feed.updated() or self.fallback_date)
        fg = FeedGenerator()
        if fmt.name == "rss":
            # RSS has no author element without an e-mail address; Dublin Core's creator says who wrote it.
            fg.load_extension("dc", atom=False, rss=True)
        else:
            fg.register_extension("entry_links", BaseExtension, _AtomEntryLinks, atom=True, rss=False)
        fg.id(self_url)
        fg.title(feed.title)
        fg.description(feed.description)
        fg.language(self.urls.language.code)
        fg.author({"name": self.author})
        fg.link(href=self_url, rel="self", type=fmt.media_type)
        fg.link(href=self.absolute(feed.listing.path(self.urls)), rel="alternate", type="text/html")  # last: the RSS <link>
        fg.updated(updated)  # also RSS's lastBuildDate
        for item in feed.items:
            self._add_entry(fg, item, fmt)
        return fg

    def _add_entry(self, fg: FeedGenerator, item: NewsItem, fmt: FeedFormat) -> None:
        permalink = self.absolute(self.urls.article(item.date, item.slug))
        fe = fg.add_entry(order="append")
        fe.id(permalink)
        fe.guid(permalink, permalink=True)
        fe.title(item.title)
        fe.published(self._local(item.date))
        fe.updated(self._local(item.last_change))
        if item.author:
            if fmt.name == "rss":
                fe.dc.dc_creator(item.author)
            else:
                fe.author({"name": item.author})
        terms = dict.fromkeys([item.category.name(item.lang), *item.tags])  # a tag may repeat the category's name
        fe.category([{"term": term} for term in terms])
        summary = self.summaries(item)
        if summary:
            fe.description(summary, isSummary=True)
        html = self.rendered.get(item.source)
        if html is None:
            raise RuntimeError(f"{item.source}: not rendered before its feed was written")
        fe.content(absolute_links(html, permalink), type="html")
        enclosure = self._enclosure(item)
        if fmt.name == "rss":
            fe.link(href=permalink)
            if enclosure:
                fe.enclosure(*enclosure)
        else:
            fe.entry_links.add(href=permalink, rel="alternate", type="text/html")
            if enclosure:
                url, length, mime = enclosure
                fe.entry_links.add(href=url, rel="enclosure", type=mime, length=length)

    def _enclosure(self, item: NewsItem) -> tuple[str, str, str] | None:
        """The featured image as (url, length in bytes, MIME type), when it is a file of the site."""
        local = item.image.local if item.image is not None else None
        if local is None:
            return None  # no image, or an external one: its length is not known without fetching it
        mime, _ = mimetypes.guess_type(local.path)
        if mime is None or not local.file.is_file():
            return None
        return self.absolute(self.urls.news_asset(local.path)), str(local.file.stat().st_size), mime

    def _local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.timezone)


class _AtomEntryLinks(BaseEntryExtension):
    """An Atom entry's <link> elements with all their attributes (see the module's notes)."""

    def __init__(self) -> None:
        self.links: list[dict[str, str]] = []

    def add(self, **attributes: str) -> None:
        self.links.append(attributes)

    def extend_atom(self, entry):
        for attributes in self.links:
            lxml.etree.SubElement(entry, "link", attributes)
        return entry


def absolute_links(html: str, base_url: str) -> str:
    """The HTML fragment with every link and image made absolute: feed readers have no page to resolve against."""
    if not html.strip():
        return html
    wrapper = parse_fragment(html)
    wrapper.make_links_absolute(base_url, resolve_base_href=False, handle_failures="ignore")
    return serialise_fragment(wrapper)
