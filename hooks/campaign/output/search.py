"""The search index: one small document per searchable page, indexed by Pagefind into a chunked bundle.

Pagefind reads HTML. Rather than have it parse every published page and
cut away headers, breadcrumbs and "Tin mới hơn / Tin cũ hơn" lists, the
build hands it a record of what a reader looks for (title, summary, body,
tags, a plan's activities) with its metadata, filters and sort key, in a
staging folder that mirrors the site's paths. Listings and archives get no
record: they only repeat the articles.

Vietnamese syllables are few and common: with every word of every body
indexed, the chunk holding "hợp", "tác" or "động" outgrows what a phone
should fetch for one query (bench/RESULTS.md). So a body is indexed in full
for its first `lead_words` words (shown in excerpts, ranked by how often and
where words occur), and after them only by its rare words (used by at most
a tenth of the records, or 100), each once, in a field that is searched but
never shown. A name mentioned at the end of an article is found; a common
word found only late in a body does not bring that item.

Pagefind folds combining marks ("hợp tác xã" = "hop tac xa") but leaves
"đ" alone: the letter has no decomposition. Records spell it as "d" with
U+0335 COMBINING SHORT STROKE OVERLAY, which the engine folds like any other
mark, so "da nang" finds "Đà Nẵng" while an exact "Đà Nẵng" still ranks
first. The search script spells queries the same way and turns the pair
back into "đ" in what it shows (overrides/assets/javascripts/search.js).
"""

from __future__ import annotations

import hashlib
import html
import pickle
import re
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path

from .hardlinks import link_tree
from .pagefind import index_in_background, run_pagefind

STROKE = "\u0335"
_SPELL_FOR_INDEX = str.maketrans({"đ": "d" + STROKE, "Đ": "D" + STROKE})
BUNDLE = "pagefind"  # the bundle's folder in each language's site
RARE_SHARE = 0.1  # after the lead, a word is indexed if at most this share of the records use it…
RARE_FLOOR = 100  # …or at most this many: on small sites every word is
REST = "rest"  # the searched, never shown field of a body's rare words after its lead
HANDED_OVER = "records.pickle"  # in a staging folder: the records, for the background indexer to stage
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")


def spell_for_index(text: str) -> str:
    """'Đà Nẵng' → 'D̵à Nẵng': "đ" as a letter with a combining mark, which Pagefind folds."""
    return text.translate(_SPELL_FOR_INDEX)


def plain_text(body: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", body)).split())


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower())


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


def record_digest(record: SearchRecord) -> str:
    return hashlib.sha256(repr(record).encode()).hexdigest()


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


@dataclass
class _Waiting:
    """A record whose body goes on after its lead: written once every record has said which words it uses."""

    record: SearchRecord
    rest: list[str]  # distinct words after the lead, not said before it, in order


@dataclass(frozen=True)
class IndexWritten:
    how: str  # "indexed"; "kept": the same records' bundle taken from the cache; "background": being indexed; "empty"
    size: int  # bytes (0 while indexing in the background)
    seconds: float


class SearchIndex:
    """The records of one language's pages, gathered as they are rendered, then staged and indexed in one run."""

    def __init__(self, lang: str, lead_words: int):
        self.lang = lang
        self.lead_words = lead_words  # 0: every body in full
        self._records: list[SearchRecord] = []
        self._digests: dict[str, str] = {}  # path -> digest of its record, to find the bundle of the same records
        self._records_using: Counter[str] = Counter()
        self._waiting: list[_Waiting] = []
        self.count = 0

    def add(self, record: SearchRecord, digest: str | None = None) -> None:
        """`digest`: the record's `record_digest`, when known."""
        self.count += 1
        self._records.append(record)
        self._digests[record.path] = digest or record_digest(record)

    def _prepare(self, staging: Path, record: SearchRecord) -> None:
        """Stage a record whose body is within the lead; hold the others until every record has said its words."""
        words = plain_text(record.body).split()
        if not self.lead_words or len(words) <= self.lead_words:
            self._records_using.update(set(words_of(" ".join((record.title, *record.intro, *words, *record.outro)))))
            self._stage(staging, record)
            return
        lead = " ".join(words[: self.lead_words])
        said = set(words_of(" ".join((record.title, *record.intro, lead, *record.outro))))
        rest = list(dict.fromkeys(word for word in words_of(" ".join(words[self.lead_words:])) if word not in said))
        self._records_using.update(said | set(rest))
        self._waiting.append(_Waiting(replace(record, body=f"<p>{html.escape(lead)} …</p>"), rest))

    def _stage(self, staging: Path, record: SearchRecord) -> None:
        folder = staging.joinpath(*record.path.strip("/").split("/")) if record.path.strip("/") else staging
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(record_document(record, self.lang), encoding="utf-8")

    def write(self, site_dir: Path, background: bool = False, cache_dir: Path | None = None) -> IndexWritten:
        """Index the records into `site_dir`/pagefind/.

        `background`: return once the records are staged; the index follows a few seconds later (previews).
        `cache_dir`: where the last bundle is kept, taken again as it is when no record changed.
        """
        started = time.monotonic()
        bundle = site_dir / BUNDLE
        kept_bundle = self._kept_bundle(cache_dir)
        if kept_bundle is not None and kept_bundle.is_dir():
            link_tree(kept_bundle, bundle)
            return IndexWritten("kept", _size(bundle), time.monotonic() - started)
        if not self.count:
            return IndexWritten("empty", 0, 0.0)
        staging = Path(tempfile.mkdtemp(prefix="campaign-search-"))
        handed_over = False
        try:
            if background:
                # The indexer stages the records itself (stage_handed_over): the preview's refresh does not wait.
                with (staging / HANDED_OVER).open("wb") as f:
                    pickle.dump((self.lang, self.lead_words, self._records), f, protocol=pickle.HIGHEST_PROTOCOL)
                index_in_background(staging, bundle)
                handed_over = True
                return IndexWritten("background", 0, time.monotonic() - started)
            self.stage(staging)
            run_pagefind(staging, bundle)
            if kept_bundle is not None:
                shutil.rmtree(kept_bundle.parent, ignore_errors=True)
                link_tree(bundle, kept_bundle)
        finally:
            if not handed_over:
                shutil.rmtree(staging, ignore_errors=True)
        return IndexWritten("indexed", _size(bundle), time.monotonic() - started)

    def stage(self, staging: Path) -> None:
        """Write every record's document into `staging`, bodies after their lead kept to their rare words."""
        for record in self._records:
            self._prepare(staging, record)
        rare = max(RARE_FLOOR, int(RARE_SHARE * self.count))
        for waiting in self._waiting:
            kept = " ".join(word for word in waiting.rest if self._records_using[word] <= rare)
            self._stage(staging, replace(waiting.record, meta={**waiting.record.meta, REST: kept}) if kept else waiting.record)
        self._waiting.clear()

    def _kept_bundle(self, cache_dir: Path | None) -> Path | None:
        """Where the bundle of exactly these records is kept (whether it is there or not)."""
        if cache_dir is None:
            return None
        hasher = hashlib.sha256(f"{metadata.version('pagefind')}\0{self.lang}".encode())
        hasher.update(f"{self.lead_words}\0{RARE_SHARE}\0{RARE_FLOOR}\0".encode())
        for path, digest in sorted(self._digests.items()):
            hasher.update(f"{path}\0{digest}\0".encode())
        return cache_dir / self.lang / hasher.hexdigest()


def stage_handed_over(staging: Path) -> None:
    """In the background indexer: stage the records a preview build left in `staging`."""
    handed_over = staging / HANDED_OVER
    if not handed_over.is_file():
        return
    with handed_over.open("rb") as f:
        lang, lead_words, records = pickle.load(f)
    handed_over.unlink()
    index = SearchIndex(lang, lead_words)
    for record in records:
        index.add(record)
    index.stage(staging)


def _size(bundle: Path) -> int:
    return sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file()) if bundle.exists() else 0
