"""This build's generated pages as MkDocs files: each one to render, or kept from the page cache.

The plan (pages.language_site) says which pages there are; build.incremental
says which of them are known. This module joins the two for one build and
remembers what the rest of the build needs: which pages are rendered, which
are kept, and what each kept page gives back (its body, its facts).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..news.model import NewsItem
from ..pages.kinds import ArticlePage, GeneratedPage, ListingPage
from ..pages.language_site import LanguageSite
from ..views.common import SiteIdentity
from ..views.pages import PageViews
from .files import generated_file, planned_pages
from .incremental import (
    DIRTY_ENV,
    DigestSummaries,
    ItemKeys,
    KeptFile,
    PageCache,
    PageFacts,
    resolved_links,
    shared_fingerprint,
)

# The engine's code: its own files are part of what every page shares.
_ENGINE_DIR = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class _InPlace:
    """A page the last build of this process kept where it was, and what its fingerprint was made of."""

    dest_uri: str
    fingerprint: str
    body_key: str | None
    links: tuple[str, ...]  # where its body's links led
    file: KeptFile
    facts: PageFacts
    body: str
    read: tuple[NewsItem, ...]  # the items its view read (held, so that no other object takes their ids)
    read_ids: frozenset[int]


@dataclass(frozen=True)
class _LastBuild:
    shared: str
    structure: tuple
    pages: dict[str, _InPlace]  # by source URI


# While `serve` lives: per language and site folder, the pages its last build left in place. A rebuild whose
# shared fingerprint and news structure (which items, in which order, lists and languages) are unchanged keeps
# each such page whose items are the very objects it read (the content cache hands back the same object for an
# unchanged file), without asking its view for its inputs again: a saved edit costs what it touches.
_LAST: dict[tuple[str, str], _LastBuild] = {}


class PagePlan:
    """One language build's generated pages, by source URI."""

    def __init__(self, site: LanguageSite, identity: SiteIdentity, project_dir: Path):
        self.site = site
        self.identity = identity
        self.project_dir = project_dir
        self.pages: dict[str, GeneratedPage] = {}
        self.kept: dict[str, GeneratedPage] = {}  # taken from the cache, not rendered
        self.body_keys: dict[str, str] = {}  # what each generated body's HTML is filed under
        self.cache: PageCache | None = None  # None: CAMPAIGN_CACHE=off
        self._memory_key = ("", "")
        self._last: _LastBuild | None = None  # what this build leaves in place, for the next (saved if it succeeds)

    def add_to(self, files: Files, config: MkDocsConfig, shared: str | None,
               use_kept: Callable[[GeneratedPage, PageFacts, str], None]) -> None:
        """Each planned page as MkDocs' file: kept when the cache knows its fingerprint's output (then `use_kept`
        is told of its facts and body), else to render. `shared`: `shared_fingerprint`; None without the cache."""
        planned = planned_pages(self.site)
        self.pages = {src_uri: page for src_uri, _, page in planned}
        if shared is None:
            for src_uri, dest_uri, page in planned:
                files.append(generated_file(config, src_uri, dest_uri, page))
            return
        cache = self.cache = PageCache(self.project_dir, self.site.lang, Path(config.site_dir), shared)
        dirty = os.environ.get(DIRTY_ENV) == "1"
        views = PageViews(self.site, self.identity, DigestSummaries(self.site.settings.summary_length, {}))
        keys = ItemKeys()
        dest_of = {src_uri: dest_uri for src_uri, dest_uri, _ in planned}

        def find(path: str) -> str | None:
            file = files.get_file_from_path(path)
            return file.dest_uri if file is not None else dest_of.get(path)

        self._memory_key = (self.site.lang, os.path.abspath(config.site_dir))
        structure = _structure(self.site)
        last = _LAST.pop(self._memory_key, None)
        before = last.pages if dirty and last is not None and last.shared == shared and last.structure == structure else {}
        alive = {id(record.item) for record in self.site.news.records if record.item is not None}
        in_place: dict[str, _InPlace] = {}
        for src_uri, dest_uri, page in planned:
            links = tuple(resolved_links(src_uri, page.markdown, find)) if page.markdown else ()
            known = before.get(src_uri)
            if known is not None and known.dest_uri == dest_uri and known.links == links and known.read_ids <= alive:
                cache.known(dest_uri, known.fingerprint)
                self._keep(files, src_uri, page, known.file, known.facts, known.body, known.body_key, use_kept)
                in_place[src_uri] = known
                continue
            body_key = cache.body_key(src_uri, dest_uri, page.markdown, links) if page.markdown else None
            keys.read = [] if isinstance(page, ArticlePage | ListingPage) else None  # other pages: every time
            fingerprint = cache.fingerprint(dest_uri, views.inputs(page, keys), body_key)
            read, keys.read = keys.read, None
            kept = cache.kept(config, src_uri, dest_uri, fingerprint, body_key, dirty)
            if kept is None:
                # Written anew, never in place: the old output may be a link into the cache.
                Path(config.site_dir, dest_uri).unlink(missing_ok=True)
                files.append(generated_file(config, src_uri, dest_uri, page))
                if body_key is not None:
                    self.body_keys[src_uri] = body_key
                continue
            kept_file, facts, body = kept
            self._keep(files, src_uri, page, kept_file, facts, body, body_key, use_kept)
            if read is not None and kept_file.in_place:
                in_place[src_uri] = _InPlace(dest_uri, fingerprint, body_key, links, kept_file, facts, body, tuple(read),
                                             frozenset(map(id, read)))
        self._last = _LastBuild(shared, structure, in_place)

    def _keep(self, files: Files, src_uri: str, page: GeneratedPage, file: KeptFile, facts: PageFacts, body: str,
              body_key: str | None, use_kept: Callable[[GeneratedPage, PageFacts, str], None]) -> None:
        files.append(file)
        self.kept[src_uri] = page
        if body_key is not None:
            self.body_keys[src_uri] = body_key
        use_kept(page, facts, body)

    def shared_fingerprint(self, config: MkDocsConfig, news_assets: list[File]) -> str:
        """What every page of this build shares, hashed: see build.incremental."""
        stats = {f.src_uri: os.stat(f.abs_src_path) for f in news_assets if f.abs_src_path}
        assets = sorted(f"{src_uri}:{stat.st_size}:{stat.st_mtime_ns}" for src_uri, stat in stats.items())
        folders = [Path(config.docs_dir), self.site.settings.i18n_dir, _ENGINE_DIR]
        if config.theme.custom_dir:
            folders.append(Path(config.theme.custom_dir))
        extra = [self.site.lang, config.site_url or "", self.site.settings.build_date.date().isoformat(), *assets]
        return shared_fingerprint(self.project_dir, folders, extra)

    def keep_body(self, src_uri: str, html: str) -> None:
        """A generated page's body as this build rendered it, filed for the builds after."""
        if self.cache is not None:
            self.cache.keep_body(self.body_keys[src_uri], html)

    def rendered(self, dest_uri: str, facts: PageFacts) -> None:
        if self.cache is not None:
            self.cache.rendered(dest_uri, facts)

    def save(self, site_dir: Path) -> None:
        if self.cache is not None:
            self.cache.save(site_dir, set(self.body_keys.values()))
        if self._last is not None:
            _LAST[self._memory_key] = self._last


def _structure(site: LanguageSite) -> tuple:
    """What decides which news pages there are and what lists and neighbours hold, besides each item's other fields:
    every file's status, and each item's place, category, tags and translation key."""
    return tuple((record.shown, record.lang, record.status) if (item := record.item) is None else
                 (record.shown, record.lang, record.status, item.sort_key, item.category.key, item.tags, item.translation_key)
                 for record in site.news.records)
