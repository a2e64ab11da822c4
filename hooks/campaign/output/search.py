"""The search index: one small document per searchable page, indexed by Pagefind into a chunked bundle.

Pagefind reads HTML. Rather than have it parse every published page and
cut away headers, breadcrumbs and "Tin mới hơn / Tin cũ hơn" lists, the
build hands it a record of what a reader looks for (title, summary, body,
tags, a plan's activities) with its metadata, filters and sort key, in a
staging folder that mirrors the site's paths. Listings and archives get no
record: they only repeat the articles.

Pagefind folds combining marks ("hợp tác xã" = "hop tac xa") but leaves
"đ" alone: the letter has no decomposition. Records spell it as "d" with
U+0335 COMBINING SHORT STROKE OVERLAY, which the engine folds like any other
mark, so "da nang" finds "Đà Nẵng" while an exact "Đà Nẵng" still ranks
first. The search script spells queries the same way and turns the pair
back into "đ" in what it shows (overrides/assets/javascripts/search.js).
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cbor2

STROKE = "\u0335"
_SPELL_FOR_INDEX = str.maketrans({"đ": "d" + STROKE, "Đ": "D" + STROKE})
BUNDLE = "pagefind"  # the bundle's folder in each language's site
# What the search script loads; the rest of what Pagefind writes (its own UIs) is not used.
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


def spell_for_index(text: str) -> str:
    """'Đà Nẵng' → 'D̵à Nẵng': "đ" as a letter with a combining mark, which Pagefind folds."""
    return text.translate(_SPELL_FOR_INDEX)


@dataclass(frozen=True)
class SearchRecord:
    """What one page gives the index. Text is plain; `body` is the page's cleaned HTML."""

    path: str  # directory path within the language's site, "" for its home page
    title: str
    body: str = ""
    intro: tuple[str, ...] = ()  # paragraphs before the body: a summary, a plan's theme and messages
    outro: tuple[str, ...] = ()  # after it: tags, a plan's activities
    meta: dict[str, str] = field(default_factory=dict)  # shown with the result: date, section
    filters: dict[str, str] = field(default_factory=dict)  # category, year
    sort: dict[str, str] = field(default_factory=dict)  # date: a number, so newest first sorts right


def record_document(record: SearchRecord, lang: str) -> str:
    """The HTML Pagefind indexes for one page."""
    e = html.escape
    meta = {"title": record.title, **record.meta}
    head = [f'<meta data-pagefind-meta="{e(key)}[content]" content="{e(value)}">' for key, value in meta.items()]
    head += [f'<meta data-pagefind-filter="{e(key)}[content]" content="{e(value)}">' for key, value in record.filters.items()]
    head += [f'<meta data-pagefind-sort="{e(key)}[content]" content="{e(value)}">' for key, value in record.sort.items()]
    # A hand-written page's body has its own heading; the title is said once, and weighs as a heading.
    heading = [] if "<h1" in record.body else [f"<h1>{e(record.title)}</h1>"]
    parts = [*heading, *(f"<p>{e(text)}</p>" for text in record.intro), record.body,
             *(f"<p>{e(text)}</p>" for text in record.outro)]
    document = (f'<!doctype html><html lang="{e(lang)}"><head><meta charset="utf-8"><title>{e(record.title)}</title>'
                + "".join(head) + '</head><body><main data-pagefind-body>' + "\n".join(parts) + "</main></body></html>\n")
    return spell_for_index(document)


class SearchIndexError(Exception):
    pass


class SearchIndex:
    """The records of one language's pages, staged as they are rendered, then indexed in one run."""

    def __init__(self, lang: str):
        self.lang = lang
        self._staging = tempfile.TemporaryDirectory(prefix="campaign-search-")
        self.count = 0

    def add(self, record: SearchRecord) -> None:
        folder = Path(self._staging.name, *record.path.strip("/").split("/")) if record.path.strip("/") else Path(self._staging.name)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(record_document(record, self.lang), encoding="utf-8")
        self.count += 1

    def write(self, site_dir: Path) -> tuple[int, float]:
        """Index the records into `site_dir`/pagefind/; returns the bundle's size in bytes and the seconds it took."""
        started = time.monotonic()
        bundle = site_dir / BUNDLE
        try:
            if bundle.exists():
                shutil.rmtree(bundle)
            if self.count:
                run = subprocess.run(
                    [sys.executable, "-m", "pagefind", "--site", self._staging.name, "--output-path", str(bundle), "--silent"],
                    capture_output=True, text=True, check=False,
                )
                if run.returncode != 0:
                    raise SearchIndexError(f"Pagefind failed ({run.returncode}): {(run.stderr or run.stdout).strip()[-2000:]}")
                for name in _UNUSED:
                    (bundle / name).unlink(missing_ok=True)
                _order_filters(bundle)
        finally:
            self._staging.cleanup()
        size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file()) if bundle.exists() else 0
        return size, time.monotonic() - started


# Pagefind 1.5 writes its filter chunks in hash-map order, which changes from run to run (upstream:
# "filter/metadata indexes will still change", Pagefind issue #638). Builds must be byte-identical,
# so the chunks are rewritten with their values sorted, and the names that refer to them follow.
_SIGNATURE = b"pagefind_dcd"


def _read_chunk(path: Path) -> object:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_SIGNATURE):
        raise SearchIndexError(f"{path.name}: not a Pagefind 1.5 chunk")
    return cbor2.loads(raw[len(_SIGNATURE):])


def _chunk(lang: str, data: object, digits: int) -> tuple[str, bytes]:
    """A chunk's name, made from its content as Pagefind names them ("vi_3f2a9c1"), and its bytes."""
    raw = _SIGNATURE + cbor2.dumps(data)
    return f"{lang}_{hashlib.sha256(raw).hexdigest()[:digits]}", gzip.compress(raw, mtime=0)


def _order_filters(bundle: Path) -> None:
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for code, language in entry["languages"].items():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read_chunk(meta_path)
        if not (isinstance(meta, list) and len(meta) == 6 and str(meta[0]).startswith("1.5.")):
            raise SearchIndexError(f"{meta_path.name}: Pagefind {meta[0] if isinstance(meta, list) else '?'} is not the 1.5 "
                                   "this build knows how to make reproducible (requirements.txt pins it)")
        filters = []
        for name, chunk in meta[3]:
            path = bundle / "filter" / f"{chunk}.pf_filter"
            chunk_data: Any = _read_chunk(path)  # [filter name, [[value, [page numbers]], ...]]
            key, values = chunk_data
            path.unlink()
            chunk, data = _chunk(code, [key, sorted([value, sorted(pages)] for value, pages in values)], 7)
            (bundle / "filter" / f"{chunk}.pf_filter").write_bytes(data)
            filters.append([name, chunk])
        meta[3] = sorted(filters)
        meta_path.unlink()
        language["hash"], data = _chunk(code, meta, 10)
        (bundle / f"pagefind.{language['hash']}.pf_meta").write_bytes(data)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
