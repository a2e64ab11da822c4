"""URL slugs: python-slugify (diacritics stripped, đ → d), remembered per text.

Category and tag names recur on almost every page, and python-slugify's
transliteration costs tens of microseconds a call: at 10,000 items, seconds.
A slug is a folder name in the site: it is cut at a word boundary to
MAX_LENGTH characters, far below the 255 bytes file systems allow.
"""

from __future__ import annotations

from functools import lru_cache

from slugify import slugify as _slugify

MAX_LENGTH = 100  # the longest title of the demo, in English, makes 82


@lru_cache(maxsize=1 << 16)
def slugify(text: str) -> str:
    return _slugify(text, max_length=MAX_LENGTH, word_boundary=True)


def heading_id(value: str, separator: str) -> str:
    """For Markdown's toc extension: heading anchors follow the same rule as URLs (đ → d)."""
    return _slugify(value, separator=separator)
