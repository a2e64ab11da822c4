"""This build's generated pages as MkDocs files: each one to render, or kept from the page cache.

The plan (pages.language_site) says which pages there are; build.incremental
says which of them are known. This module joins the two for one build and
remembers what the rest of the build needs: which pages are rendered, which
are kept, and what each kept page gives back (its body, its facts).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..pages.kinds import GeneratedPage
from ..pages.language_site import LanguageSite
from ..views.common import SiteIdentity
from ..views.pages import PageViews
from .files import generated_files
from .incremental import DIRTY_ENV, DigestSummaries, ItemKeys, PageCache, PageFacts, cache_enabled, shared_fingerprint

# The engine's code: its own files are part of what every page shares.
_ENGINE_DIR = Path(__file__).resolve().parents[2]


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

    def add_to(self, files: Files, config: MkDocsConfig, news_assets: list[File],
               use_kept: Callable[[GeneratedPage, PageFacts, str], None]) -> None:
        """Each planned page as MkDocs' file: kept when the cache knows its fingerprint's output (then `use_kept`
        is told of its facts and body), else to render."""
        planned = generated_files(config, self.site)
        self.pages = {file.src_uri: page for file, page in planned}
        cache = self.cache = PageCache(self.project_dir, self.site.lang, Path(config.site_dir),
                                       self._shared_fingerprint(config, news_assets)) if cache_enabled() else None
        dirty = os.environ.get(DIRTY_ENV) == "1"
        views = PageViews(self.site, self.identity, DigestSummaries(self.site.settings.summary_length, {}))
        keys = ItemKeys()
        by_src_uri = {file.src_uri: file for file, _ in planned}

        def find(path: str) -> File | None:
            return files.get_file_from_path(path) or by_src_uri.get(path)

        for file, page in planned:
            kept = None
            if cache is not None:
                body_key = cache.body_key(file, page.markdown, find) if page.markdown else None
                if body_key is not None:
                    self.body_keys[file.src_uri] = body_key
                kept = cache.kept(config, file, cache.fingerprint(file.dest_uri, views.inputs(page, keys), body_key), body_key, dirty)
            if kept is None:
                # Written anew, never in place: the old output may be a link into the cache.
                Path(file.abs_dest_path).unlink(missing_ok=True)
                files.append(file)
                continue
            kept_file, facts, body = kept
            files.append(kept_file)
            self.kept[file.src_uri] = page
            use_kept(page, facts, body)

    def _shared_fingerprint(self, config: MkDocsConfig, news_assets: list[File]) -> str:
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
