"""Edit an HTML fragment (an article's rendered body) with lxml, and write it back."""

from __future__ import annotations

import lxml.html


def parse_fragment(html: str) -> lxml.html.HtmlElement:
    """The fragment inside a <div> made for the purpose, so text before the first tag is kept."""
    return lxml.html.fragment_fromstring(html, create_parent="div")


def serialise_fragment(wrapper: lxml.html.HtmlElement) -> str:
    """The wrapper's content, without the <div> parse_fragment added."""
    return lxml.html.tostring(wrapper, encoding="unicode")[len("<div>") : -len("</div>")]
