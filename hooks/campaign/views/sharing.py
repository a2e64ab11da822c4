"""What links shared on Zalo or Facebook and search engines read: Open Graph, Twitter cards, JSON-LD.

Everything here is plain data; main.html writes the meta tags (escaped by
Jinja) and `json_ld_markup` makes the one `<script type="application/ld+json">`
safe to embed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import imagesize
from babel.core import Locale, get_global
from markupsafe import Markup

from ..news.model import NewsItem

# What Open Graph readers (Facebook, Zalo) can show; SVG is not among them.
SHAREABLE = (".png", ".jpg", ".jpeg", ".gif", ".webp")


@dataclass(frozen=True)
class ShareImage:
    url: str  # absolute
    alt: str
    width: int | None
    height: int | None


@dataclass(frozen=True)
class SocialMeta:
    type: str  # "article" or "website"
    title: str
    description: str
    url: str
    site_name: str
    locale: str  # vi_VN
    alternate_locales: tuple[str, ...]
    image: ShareImage | None
    published: str | None = None
    modified: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()


def article_meta(item: NewsItem, url: str, summary: str, image: ShareImage | None, site_name: str, lang: str,
                 alternate_langs: list[str]) -> SocialMeta:
    return SocialMeta(
        type="article", title=item.title, description=summary, url=url, site_name=site_name, locale=og_locale(lang),
        alternate_locales=tuple(og_locale(a) for a in alternate_langs), image=image,
        published=item.date.isoformat(), modified=item.last_change.isoformat(), section=item.category.name(lang), tags=item.tags,
    )


def page_meta(title: str, description: str, url: str, image: ShareImage | None, site_name: str, lang: str,
              alternate_langs: list[str]) -> SocialMeta:
    return SocialMeta(
        type="website", title=title, description=description, url=url, site_name=site_name, locale=og_locale(lang),
        alternate_locales=tuple(og_locale(a) for a in alternate_langs), image=image,
    )


@cache
def og_locale(lang: str) -> str:
    """vi → vi_VN, en → en_US: the language's most likely territory, from CLDR."""
    likely = get_global("likely_subtags").get(lang, lang)
    locale = Locale.parse(likely)
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


@lru_cache(maxsize=1 << 14)
def share_image(path: Path | None, url: str, alt: str, size: tuple[int, int] | None = None) -> ShareImage | None:
    """An image Open Graph readers can show, with its size (`size` if known, else read once per image and build)."""
    if path is None or path.suffix.lower() not in SHAREABLE or not path.is_file():
        return None
    if size is None:
        width, height = imagesize.get(str(path))
        size = (width, height) if width > 0 and height > 0 else None
    return ShareImage(url, alt, size[0] if size else None, size[1] if size else None)


def news_article(item: NewsItem, url: str, image: ShareImage | None, publisher: str, lang: str) -> dict:
    data = {
        "@type": "NewsArticle",
        "headline": item.title,
        "datePublished": item.date.isoformat(),
        "dateModified": item.last_change.isoformat(),
        "inLanguage": lang,
        "mainEntityOfPage": url,
        "url": url,
        "articleSection": item.category.name(lang),
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


def json_ld_markup(nodes: list[dict]) -> Markup | None:
    """One JSON-LD graph, safe inside <script>: no '<', '>' or '&' survives as such."""
    if not nodes:
        return None
    text = json.dumps({"@context": "https://schema.org", "@graph": nodes}, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
