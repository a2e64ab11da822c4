"""What links shared on Zalo or Facebook and search engines read: Open Graph, Twitter cards, JSON-LD.

Everything here is plain data; main.html writes the meta tags (escaped by
Jinja) and `json_ld_markup` makes the one `<script type="application/ld+json">`
safe to embed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import urljoin

import imagesize
from babel.core import Locale, get_global
from markupsafe import Markup

from ..news.model import NewsItem
from ..pages.language_site import LanguageSite
from .news import PageView, news_asset_path

# What Open Graph readers (Facebook, Zalo) can show; SVG is not among them.
SHAREABLE = (".png", ".jpg", ".jpeg", ".gif", ".webp")


@dataclass(frozen=True)
class ShareImage:
    url: str  # absolute
    alt: str
    width: int | None
    height: int | None


@dataclass
class SocialMeta:
    type: str  # "article" or "website"
    title: str
    description: str
    url: str
    site_name: str
    locale: str  # vi_VN
    alternate_locales: list[str]
    image: ShareImage | None
    published: str | None = None
    modified: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SharedPage:
    """What describing a page for sharing needs to know about it and its site."""

    url: str  # canonical, absolute
    title: str  # plain text
    item: NewsItem | None  # when the page is an article
    site: LanguageSite
    language_root: str  # this language's site, absolute, ending in '/'
    docs_dir: Path
    site_name: str
    site_description: str
    publisher: str


def describe_for_sharing(view: PageView, page: SharedPage) -> None:
    """Set the view's Open Graph / Twitter card data and its JSON-LD (NewsArticle, BreadcrumbList, …)."""
    item, site, lang = page.item, page.site, page.site.lang
    image = None
    if item is not None and item.image is not None and not item.image.is_external:
        image = share_image(site.settings.news_dir / item.source.parent / item.image.src,
                            page.language_root + news_asset_path(site.urls, item, item.image.src), item.image.alt)
    if image is None:
        default = site.settings.share_image
        image = share_image(page.docs_dir / default, page.language_root + default, page.site_name)
    view.social = SocialMeta(
        type="article" if item else "website",
        title=item.title if item else page.title,
        description=(site.summaries(item) if item else "") or page.site_description,
        url=page.url, site_name=page.site_name, locale=og_locale(lang),
        alternate_locales=[og_locale(a.lang) for a in view.hreflang if not a.current],
        image=image,
        published=item.date.isoformat() if item else None,
        modified=(item.updated or item.date).isoformat() if item else None,
        section=item.category.name(lang) if item else None,
        tags=list(item.tags) if item else [],
    )
    nodes = []
    if item is not None:
        nodes.append(news_article(item, page.url, image, page.publisher, lang, item.category.name(lang)))
    if view.breadcrumbs:
        nodes.append(breadcrumb_list(absolute_crumbs(view.breadcrumbs, page.url)))
    view.json_ld = json_ld_markup(nodes + view.structured_data)


@cache
def og_locale(lang: str) -> str:
    """vi → vi_VN, en → en_US: the language's most likely territory, from CLDR."""
    likely = get_global("likely_subtags").get(lang, lang)
    locale = Locale.parse(likely)
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


@lru_cache(maxsize=1 << 14)
def share_image(path: Path | None, url: str, alt: str) -> ShareImage | None:
    """An image Open Graph readers can show, with its size when it can be read (once per image and build)."""
    if path is None or path.suffix.lower() not in SHAREABLE or not path.is_file():
        return None
    width, height = imagesize.get(str(path))
    return ShareImage(url, alt, width if width > 0 else None, height if height > 0 else None)


def news_article(item: NewsItem, url: str, image: ShareImage | None, publisher: str, lang: str, section: str) -> dict:
    data = {
        "@type": "NewsArticle",
        "headline": item.title,
        "datePublished": item.date.isoformat(),
        "dateModified": (item.updated or item.date).isoformat(),
        "inLanguage": lang,
        "mainEntityOfPage": url,
        "url": url,
        "articleSection": section,
        "publisher": {"@type": "Organization", "name": publisher},
        "author": {"@type": "Person", "name": item.author} if item.author else {"@type": "Organization", "name": publisher},
    }
    if item.tags:
        data["keywords"] = list(item.tags)
    if image:
        data["image"] = [image.url]
    return data


def breadcrumb_list(crumbs: list[tuple[str, str]]) -> dict:
    """(name, absolute URL) from the home page down to the current page."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": url} for n, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def absolute_crumbs(crumbs, page_url: str) -> list[tuple[str, str]]:
    """The page's breadcrumb links (relative to it) made absolute."""
    return [(link.text, urljoin(page_url, link.url)) for link in crumbs]


def json_ld_markup(nodes: list[dict]) -> Markup | None:
    """One JSON-LD graph, safe inside <script>: no '<', '>' or '&' survives as such."""
    if not nodes:
        return None
    text = json.dumps({"@context": "https://schema.org", "@graph": nodes}, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
