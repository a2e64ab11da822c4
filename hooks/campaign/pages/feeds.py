"""The planned feeds of one language: which listings have one, with what title and items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..core.urls import UrlScheme
from ..news.collections import AllNews, Listing
from ..news.model import NewsItem


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
        return max((item.last_change for item in self.items), default=None)

    def path(self, urls: UrlScheme, fmt: str) -> str:
        """Feeds of all news at the language's root; a category's or tag's beside its listing."""
        folder = "" if isinstance(self.listing.subject, AllNews) else self.listing.path(urls)
        return urls.feed(folder, fmt)
