"""What links shared on Zalo or Facebook and search engines read: Open Graph, Twitter cards, JSON-LD.

Everything here is plain data; main.html writes the meta tags (escaped by
Jinja) and `json_ld_markup` makes the one `<script type="application/ld+json">`
safe to embed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin

import imagesize
from babel.core import Locale, get_global
from markupsafe import Markup

from .model import NewsItem

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


@lru_cache(maxsize=None)
def og_locale(lang: str) -> str:
    """vi → vi_VN, en → en_US: the language's most likely territory, from CLDR."""
    likely = get_global("likely_subtags").get(lang, lang)
    locale = Locale.parse(likely)
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


def share_image(path: Path | None, url: str, alt: str) -> ShareImage | None:
    """An image Open Graph readers can show, with its size when it can be read."""
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
    text = json.dumps({"@context": "https://schema.org", "@graph": nodes}, ensure_ascii=False, indent=1)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
