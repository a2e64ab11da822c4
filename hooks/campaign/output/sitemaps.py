"""Sitemaps: the whole site's in the root one, and a small one in each folder a page points alternates to.

Material's script fetches `sitemap.xml` from the folder of every
`<link rel="alternate">` of a page (hreflang translations, feeds,
calendars) to map pages between languages. MkDocs writes one sitemap per
language root only, so every alternate in a deeper folder cost a 404 and a
console error in the reader's browser. Each such folder gets a sitemap of its
own page, so the request succeeds and says something true.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

from lxml import etree

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def write_folder_sitemaps(site_dir: Path, base_url: str, folders: set[str], taken: set[str]) -> set[str]:
    """A sitemap.xml listing the folder's own page, in each folder with a page and no other sitemap
    (`taken`: the files the build writes otherwise, as normalised paths); returns the files written.

    A dirty build finds most of them in place already, byte for byte: those are left alone.
    """
    written = set()
    for folder in sorted(folders):
        path = os.path.join(site_dir, folder, "sitemap.xml")
        if not folder or path in taken or not os.path.exists(os.path.join(site_dir, folder, "index.html")):
            continue
        urlset = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS})
        etree.SubElement(etree.SubElement(urlset, f"{{{SITEMAP_NS}}}url"), f"{{{SITEMAP_NS}}}loc").text = f"{base_url}{folder}/"
        data = etree.tostring(urlset, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        try:
            with open(path, "rb") as existing:
                unchanged = existing.read() == data
        except OSError:
            unchanged = False
        if not unchanged:
            with open(path, "wb") as f:
                f.write(data)
        written.add(path)
    return written


def merge_sitemaps(root: Path, others: list[Path]) -> None:
    """Add the <url> entries of the other languages' sitemaps to the root one (and its .gz)."""
    tree = etree.parse(str(root))
    urlset = tree.getroot()
    for other in others:
        if other.is_file():
            for url in etree.parse(str(other)).getroot().iterfind(f"{{{SITEMAP_NS}}}url"):
                urlset.append(url)
    data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    root.write_bytes(data)
    gz = root.with_suffix(".xml.gz")
    if gz.exists():
        with gz.open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as f:
            f.write(data)
