"""URL slugs: python-slugify (diacritics stripped, đ → d), remembered per text.

Category and tag names recur on almost every page, and python-slugify's
transliteration costs tens of microseconds a call: at 10,000 items, seconds.
"""

from __future__ import annotations

from functools import lru_cache

from slugify import slugify as _slugify


@lru_cache(maxsize=1 << 16)
def slugify(text: str) -> str:
    return _slugify(text)


def heading_id(value: str, separator: str) -> str:
    """For Markdown's toc extension: heading anchors follow the same rule as URLs (đ → d)."""
    return _slugify(value, separator=separator)
