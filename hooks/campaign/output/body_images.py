"""Images inside an article's body: their intrinsic size, and lazy loading.

With width and height set, the browser reserves an image's space before it
arrives (no layout shift); `loading="lazy"` defers images below the fold.
The CSS keeps them responsive (max-width: 100%, height: auto).
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import imagesize

from .html import parse_fragment, serialise_fragment


def size_body_images(html: str, page_path: str, files: dict[str, Path]) -> str:
    """`page_path` is the article's folder in its site ("tin-tuc/2024/03/slug/"); `files` maps site paths to files."""
    if "<img" not in html:
        return html
    wrapper = parse_fragment(html)
    for img in wrapper.iter("img"):
        img.set("loading", img.get("loading", "lazy"))
        img.set("decoding", img.get("decoding", "async"))
        src = img.get("src", "")
        if img.get("width") or urlsplit(src).scheme or src.startswith("/"):
            continue
        source = files.get(posixpath.normpath(posixpath.join(page_path, unquote(urlsplit(src).path))))
        if source is None:
            continue
        width, height = imagesize.get(str(source))
        if width > 0 and height > 0:
            img.set("width", str(round(width)))
            img.set("height", str(round(height)))
    return serialise_fragment(wrapper)
