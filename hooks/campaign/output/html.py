"""Edit an HTML fragment (an article's rendered body) with lxml, and write it back; find the files it uses."""

from __future__ import annotations

import html as html_text
import posixpath
import re
from urllib.parse import unquote, urlsplit

import lxml.html

# After output.sanitize every attribute is written with double quotes.
_REFERENCE = re.compile(r'\s(?:src|href)="([^"]*)"')


def parse_fragment(html: str) -> lxml.html.HtmlElement:
    """The fragment inside a <div> made for the purpose, so text before the first tag is kept."""
    return lxml.html.fragment_fromstring(html, create_parent="div")


def serialise_fragment(wrapper: lxml.html.HtmlElement) -> str:
    """The wrapper's content, without the <div> parse_fragment added."""
    return lxml.html.tostring(wrapper, encoding="unicode")[len("<div>") : -len("</div>")]


def local_references(html: str, page_path: str) -> set[str]:
    """The site paths (unquoted) of the files a page at `page_path` links to or shows with relative URLs."""
    found = set()
    for match in _REFERENCE.finditer(html):
        url = urlsplit(html_text.unescape(match.group(1)))
        if url.scheme or url.netloc or not url.path or url.path.startswith("/"):
            continue
        found.add(posixpath.normpath(posixpath.join(page_path, unquote(url.path))))
    return found


def valid_material_markup(page: str) -> str:
    """A whole page as written, 404.html included, with what Material writes outside every template block made valid.

    Material's two toggles are checkboxes with autocomplete="off", which HTML allows on text inputs only
    (a Nu HTML Checker error).
    """
    return page.replace('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">', 1).replace(
        'type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">', 1)
