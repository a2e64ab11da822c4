"""Rendered bodies cleaned with an allow-list, for pages and feeds alike.

Markdown lets an author (or whatever was pasted from a web page) write any
HTML; a news portal publishes what several people wrote, so a body keeps
only what the allow-list names. nh3 (the Rust library ammonia) parses it as
a browser would and drops everything else: no <script> or <style>, no
event-handler attributes, no javascript:/vbscript: URLs, `data:` only as an
image. An <iframe> stays only when its address starts with one of the site's
`embeds` prefixes (none by default). Characters no page or feed can carry,
which character references such as `&#1;` bring back, are removed after.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import nh3

from ..core.text import without_control_characters

_GLOBAL_ATTRIBUTES = {"class", "id", "title", "lang", "dir"}
_EXTRA_ATTRIBUTES = {
    "a": {"href", "hreflang", "rel", "target"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "title"},
    "td": {"style"}, "th": {"style"},  # Markdown tables align columns with style="text-align: …"
    "ol": {"start", "type"},
    "abbr": {"title"},
}
_IFRAME_ATTRIBUTES = {"src", "width", "height", "title", "allow", "allowfullscreen", "loading", "referrerpolicy"}
_URL_SCHEMES = {"http", "https", "mailto", "tel", "data"}
_URL_ATTRIBUTES = {"href", "src", "cite"}
# What the cleaner removes that an author should hear about (counted before and after cleaning).
_UNSAFE = re.compile(r"<(?:script|style|iframe|object|embed|form|base|meta|link)\b|\son[a-z]+\s*=|(?:java|vb)script:|data:(?!image/)",
                     re.IGNORECASE)


@dataclass(frozen=True)
class Cleaned:
    html: str
    unsafe_removed: bool  # scripts, event handlers, unsafe links or frames were taken out
    characters_removed: list[str]  # control characters (from references like &#1;) taken out


class BodyCleaner:
    def __init__(self, embeds: tuple[str, ...] = ()):
        self.embeds = embeds
        self._refused = 0
        attributes = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
        for tag, names in _EXTRA_ATTRIBUTES.items():
            attributes.setdefault(tag, set()).update(names)
        attributes["*"] = set(_GLOBAL_ATTRIBUTES)
        tags = set(nh3.ALLOWED_TAGS)
        if embeds:
            tags.add("iframe")
            attributes["iframe"] = set(_IFRAME_ATTRIBUTES)
        self._cleaner: Callable[[str], str] = nh3.Cleaner(
            tags=tags, attributes=attributes, attribute_filter=self._attribute, link_rel=None,
            url_schemes=_URL_SCHEMES, filter_style_properties={"text-align"}, strip_comments=True,
        ).clean

    def _attribute(self, tag: str, name: str, value: str) -> str | None:
        kept: str | None = value
        if name in _URL_ATTRIBUTES and value.strip().lower().startswith("data:"):
            kept = value if tag == "img" and name == "src" and value.strip().lower().startswith("data:image/") else None
        elif tag == "iframe" and name == "src" and not value.startswith(self.embeds):
            kept = None
        if kept is None:
            self._refused += 1
        return kept

    def clean(self, html: str) -> Cleaned:
        self._refused = 0  # counted by _attribute while nh3 cleans
        cleaned = self._cleaner(html)
        unsafe = self._refused > 0 or len(_UNSAFE.findall(html)) > len(_UNSAFE.findall(cleaned))
        cleaned, removed = without_control_characters(cleaned)
        return Cleaned(cleaned, unsafe, removed)
