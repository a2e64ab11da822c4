"""What the views of every kind of page are made of, and the frame every page shares.

Views are frozen and built whole, in one expression, by the builders; the
templates only lay them out. Text stays plain text: the templates escape it
(they run under `autoescape`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .sharing import SocialMeta


@dataclass(frozen=True)
class SiteIdentity:
    """Who publishes the site, and where it lives: from the MkDocs config of the build."""

    name: str
    description: str
    publisher: str  # site_author, else the site's name
    docs_dir: Path  # where the share image is
    language_root: str  # this language's site, absolute, ending in '/': https://…/en/
    site_root: str  # the whole site's, ending in '/'


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
class AlternateView:
    lang: str
    name: str
    url: str  # the translation of this page, or that language's home page
    absolute_url: str
    is_translation: bool
    current: bool
    link_text: str  # "Đọc bản tiếng Anh"


@dataclass(frozen=True)
class FooterView:
    """Who publishes the site and where to follow it: the same on every page of a language, 404 pages included.
    Its links are paths within the language's site; the template makes them relative (`| url`)."""

    publisher: str
    address: str
    telephone: str
    telephone_uri: str  # tel:+842400000000
    email: str
    copyright: str
    follow: tuple[Link, ...]


@dataclass(frozen=True)
class PageFrame:
    """What every page of ours shares: language links, breadcrumbs, feeds, sharing metadata."""

    lang: str
    default_lang: str
    section: str  # the top-level folder the page is in ("tin-tuc/"; "" for the home page): its tab is the active one
    alternates: tuple[AlternateView, ...]  # one per language, for the switcher
    breadcrumbs: tuple[Link, ...]
    feeds: tuple[FeedLink, ...]  # the language's news feeds, then the page's own listing's
    calendar_feeds: tuple[Link, ...]  # .ics files, absolute URLs
    social: SocialMeta  # Open Graph and Twitter card
    json_ld: Markup | None  # the page's schema.org graph, safe inside <script>
    toc_lead: tuple[Link, ...] = ()  # table-of-contents entries for what the template shows before the Markdown

    @property
    def has_translation(self) -> bool:
        return any(a.is_translation for a in self.alternates)

    @property
    def hreflang(self) -> list[AlternateView]:
        """hreflang alternates: only pages that really are translations of this one."""
        return [a for a in self.alternates if a.is_translation or a.current] if self.has_translation else []

    @property
    def x_default(self) -> AlternateView | None:
        """The default language's version, for hreflang="x-default"."""
        return next((a for a in self.hreflang if a.lang == self.default_lang), None)

    def alternate_urls(self) -> list[str]:
        """Every URL the page points <link rel="alternate"> to (see output.sitemaps)."""
        return [a.absolute_url for a in self.hreflang] + [f.url for f in self.feeds] + [c.url for c in self.calendar_feeds]
