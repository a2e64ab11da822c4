"""One MkDocs build of one language, from config to the final summary.

The pipeline, in MkDocs' event order:
  config  -> settings; every news and plan file read (one walk each); problems reported
  files   -> this language's hand-written pages (refused files of docs/ taken out) + the files kept
             beside news items, as candidates + the generated pages of its site plan (build.page_plan): each
             kept from the cache when its fingerprint's output is known (build.incremental), with its body HTML, search
             record and alternate folders, which MkDocs then copies and neither renders nor templates;
             hand-written pages' old outputs forgotten (a dirty build renders them again)
  page    -> generated pages get their Markdown; every body is cleaned (output.sanitize);
             each article's HTML is kept by the build
  env     -> every article is rendered (or its HTML kept): the feeds are written; news files no published
             item uses are dropped
  context -> each page gets its ready-made view (`campaign`) and the UI strings (`t`); searchable pages
             their search record (build.search), staged for the index
  post    -> the search index (Pagefind), sitemaps; other languages' builds waited for; stale files of a
             dirty build removed (build.outputs); rendered pages filed in the cache; counts logged
"""

from __future__ import annotations

import gc
import html
import itertools
import os
import time
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..content.folder import refused_files, shown_path
from ..content.source import control_characters, language_from_name, removal_warning
from ..core.i18n import Strings, load_strings
from ..core.memory import BuildMemo, next_build
from ..core.problems import Problem
from ..core.settings import SettingsError
from ..core.slugs import heading_id
from ..core.text import has_control_characters
from ..news.catalogue import NewsCatalogue, read_news
from ..news.model import Status
from ..news.summary import Summaries
from ..output.body_images import size_body_images
from ..output.feeds import FeedWriter
from ..output.html import local_references
from ..output.ical import CalendarWriter
from ..output.pagefind import PagefindError
from ..output.precompress import precompress
from ..output.sanitize import BodyCleaner
from ..output.search import BUNDLE, SearchIndex
from ..output.sitemaps import merge_sitemaps, write_folder_sitemaps
from ..pages.kinds import ArticlePage, GeneratedPage, PlanPage
from ..pages.language_site import LanguageSite
from ..plans.catalogue import PlanCatalogue, read_plans
from ..views.common import SiteIdentity
from ..views.pages import PageView, PageViews
from .config import load_settings
from .files import (
    add_calendar_files,
    add_editor,
    add_feeds,
    add_news_assets,
    keep_used_news_assets,
    remove_refused_docs,
    select_docs_language,
)
from .incremental import CACHE_DIR, DIRTY_ENV, KeptFile, PageFacts, cache_enabled
from .outputs import forget_hand_written_outputs, forget_produced, produced, remove_stale
from .page_plan import PagePlan
from .reporting import source_report
from .search import search_record, search_written_message
from .translations import (
    PREVIEW_ENV,
    SERVE_ENV,
    RunningBuild,
    site_url_from_environment,
    start_translation_builds,
    stop,
    wait_for,
)

log = get_plugin_logger("campaign")
FULL_COLLECTION_EVERY = 100  # rebuilds of one `serve`
_REBUILDS = itertools.count(1)
# Feeds and calendars by what they are made of (see `_remembered`).
_DOCUMENTS: BuildMemo[tuple, bytes] = BuildMemo()
# The files a body uses, by body and page path: a preview's rebuild asks again for every article's.
_local_references: BuildMemo[tuple[str, str], frozenset[str]] = BuildMemo(lambda key: frozenset(local_references(*key)))


class LanguageBuild:
    def __init__(self, config: MkDocsConfig):
        project_dir = self.project_dir = Path(config.config_file_path).parent
        self.site_dir = Path(config.site_dir)
        try:
            self.settings = load_settings(config.extra, project_dir)
            self.lang: str = config.theme["language"]
            if self.lang not in self.settings.languages:
                raise SettingsError(f"theme.language {self.lang!r} is not one of extra.campaign.languages ({', '.join(self.settings.languages)})")
            site_url_from_environment(config, self.lang == self.settings.default_language)
            if not config.site_url:
                raise SettingsError("site_url is required: feeds and hreflang links need the site's absolute address, e.g. site_url: https://example.org/")
            if not config.use_directory_urls:
                raise SettingsError("use_directory_urls: false is not supported; news URLs are directories (/tin-tuc/2024/02/slug/)")
            self.strings: Strings = load_strings(self.settings.i18n_dir, self.lang, self.settings.default_language, self.settings.timezone)
        except SettingsError as exc:
            raise PluginError(f"campaign settings: {exc}") from exc
        # Markdown's own slugify drops "đ" ("Thông điệp" → "thong-iep"); anchors use the URL rule instead.
        config.mdx_configs.setdefault("toc", {}).setdefault("slugify", heading_id)
        self.is_default = self.lang == self.settings.default_language
        self.translation_builds: list[RunningBuild] = []
        self.dirty = os.environ.get(DIRTY_ENV) == "1"
        if self.is_default and self.dirty:
            # MkDocs cleans nothing in a dirty build: the other languages start now, while this one reads on.
            self.translation_builds = start_translation_builds(config, self.settings)
        if os.environ.get(SERVE_ENV) == "1":
            # `serve` lives on. What the last build froze (below) and left is freed as references go; only what
            # is caught in reference cycles stays frozen: about 200 objects a rebuild. A pass over everything
            # (0.5 s at 10,000 items) now and then frees those; the last build's other garbage is collected now.
            if next(_REBUILDS) % FULL_COLLECTION_EVERY == 0:
                gc.unfreeze()
            gc.collect()
        next_build()
        self.preview = os.environ.get(PREVIEW_ENV) == "1"
        self.news: NewsCatalogue = read_news(self.settings, project_dir, project_dir / CACHE_DIR / "content" if cache_enabled() else None)
        self.plans: PlanCatalogue = read_plans(self.settings, project_dir)
        self.site = LanguageSite(self.settings, self.news, self.plans, self.lang, self.strings,
                                 include_drafts=self.preview, site_name=config.site_name)
        # Each article's HTML as MkDocs rendered it, by source path: listings' summaries and feeds reuse it.
        self.rendered: dict[PurePosixPath, str] = {}
        self.summaries = Summaries(self.settings.summary_length, self.rendered)
        self.pages: dict[str, GeneratedPage] = {}
        self.doc_versions: dict[str, dict[str, str]] = {}
        self.asset_files: dict[str, Path] = {}
        self.news_assets: dict[str, File] = {}
        self.cleaner = BodyCleaner(self.settings.embeds)
        self.search = SearchIndex(self.lang, self.settings.search_lead_words)
        self.alternate_folders: set[str] = set()
        self.files: Files | None = None
        self.last_progress = time.monotonic()
        site_root = self._configure_site_url(config)
        self.identity = SiteIdentity(
            name=config.site_name, description=config.site_description or "", publisher=config.site_author or config.site_name,
            docs_dir=Path(config.docs_dir), language_root=config.site_url.rstrip("/") + "/", site_root=site_root,
        )
        self.views = PageViews(self.site, self.identity, self.summaries)
        self.footer = self.views.common.footer()
        for message in self.views.common.missing_images:
            log.warning(message)
        self.plan = PagePlan(self.site, self.identity, project_dir)
        self.shared: str | None = None  # what every page shares, hashed (None: CAMPAIGN_CACHE=off)
        for level, message in source_report(self.news, self.plans, self.lang, self.preview):
            log.log(level, message)
        # What was read lives as long as the build (and the content cache as long as `serve`): Python's collector,
        # run again and again over it while pages are made, cost 3–5 s of a 10,000-item rebuild. Set it aside.
        gc.freeze()

    def _configure_site_url(self, config: MkDocsConfig) -> str:
        """Each language site lives under the site's root: /en/ for English. Returns that root."""
        prefix = self.settings.languages[self.lang].prefix
        root = config.site_url or ""
        if not self.is_default and prefix and not root.rstrip("/").endswith("/" + prefix):
            config.site_url = root.rstrip("/") + f"/{prefix}/"
        return root.rstrip("/") + "/"

    # MkDocs events ------------------------------------------------------------

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        refused = refused_files(Path(config.docs_dir), self.project_dir)
        for problem in refused:
            if language_from_name(PurePosixPath(problem.path), self.settings) == self.lang:
                log.warning(str(problem))
        remove_refused_docs(files, refused, self.project_dir)
        doc_problems: list[Problem] = []
        self.doc_versions = select_docs_language(files, config, self.settings, self.lang, doc_problems)
        for problem in doc_problems:
            log.warning(str(problem))
        if self.is_default and (missing := add_editor(files, config, self.settings, self.project_dir, self.preview)):
            log.warning(missing)
        self.news_assets = add_news_assets(files, config, self.site)
        # Site path → source file of every file MkDocs publishes, to find an image's size from its URL.
        self.asset_files = {f.dest_uri: Path(f.abs_src_path) for f in files if f.abs_src_path and not f.is_documentation_page()}
        self.shared = self.plan.shared_fingerprint(config, list(self.news_assets.values())) if cache_enabled() else None
        calendars = CalendarWriter(self.site.urls, self.identity.language_root, self.strings, config.site_name)
        add_calendar_files(files, config, self.site, lambda plans, name: self._remembered(
            ("ics", name, repr(plans)), lambda: calendars.render(plans, name)))
        # A dirty build keeps the site folder: hand-written pages show generated data, so they are rendered again.
        forget_hand_written_outputs(files)
        self.plan.add_to(files, config, self.shared, self._use_kept)
        self.pages = self.plan.pages
        if self.is_default and not self.dirty:
            # Started after MkDocs has cleaned site_dir, so it cannot wipe their output.
            self.translation_builds = start_translation_builds(config, self.settings)
        return files

    def _use_kept(self, page: GeneratedPage, facts: PageFacts, body: str) -> None:
        """A page kept from the cache: what it would have told the build, had it been rendered."""
        if isinstance(page, ArticlePage):
            self.rendered[page.item.source] = body
        self._use_facts(facts)

    def on_page_markdown(self, markdown: str, page: Page) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return self._hand_written_markdown(markdown, page)
        page.meta = {"title": html.escape(generated.title), "template": f"campaign/{generated.template}.html"}
        # The top-level sections are tabs (navigation.tabs): no menu beside any page of ours.
        page.meta["hide"] = ["navigation"] if generated.toc else ["navigation", "toc"]
        # The body as read by our reader, not as MkDocs would re-parse it for metadata.
        return generated.markdown

    def _hand_written_markdown(self, markdown: str, page: Page) -> str:
        """A page of docs/ as MkDocs read it: without characters no page can carry, its title escaped."""
        if has_control_characters(page.file.content_string):
            for line, chars in control_characters(page.file.content_string)[1]:
                log.warning(str(removal_warning(self._shown(page), line, "text", chars)))
            markdown = control_characters(markdown)[0]
            page.meta = {key: control_characters(value)[0] if isinstance(value, str) else value for key, value in page.meta.items()}
        hide = page.meta.get("hide")
        page.meta["hide"] = ["navigation", *hide] if isinstance(hide, list) else ["navigation"]  # sections are tabs
        # Page titles are HTML in MkDocs and Material: escape the frontmatter's plain text.
        if isinstance(page.meta.get("title"), str):
            page.meta["title"] = html.escape(page.meta["title"])
        return markdown

    def _shown(self, page: Page) -> str:
        """The source file of a page, as messages name it."""
        generated = self.pages.get(page.file.src_uri)
        match generated:
            case ArticlePage(item=item):
                path = self.settings.news_dir / item.source
            case PlanPage(plan=plan):
                path = self.settings.plans_dir / plan.source
            case _:
                path = Path(page.file.abs_src_path or page.file.src_uri)
        return shown_path(path, self.project_dir)

    def on_page_content(self, content: str, page: Page) -> str:
        generated = self.pages.get(page.file.src_uri)
        if content and (generated is None or generated.markdown):
            cleaned = self.cleaner.clean(content)
            if cleaned.unsafe_removed:
                log.info(f"{self._shown(page)}: scripts, event handlers or unsafe links and frames removed from the body")
            content = cleaned.html
        if isinstance(generated, ArticlePage):
            content = size_body_images(content, generated.path, self.asset_files)
            self.rendered[generated.item.source] = content
            self._log_progress()
        if generated is not None and generated.markdown:
            self.plan.keep_body(page.file.src_uri, content)
        return content

    def _log_progress(self) -> None:
        """On big sites, say how far rendering has come, at most every `progress_every` seconds."""
        total = len(self.site.items)
        if total < self.settings.progress_after:
            return
        now = time.monotonic()
        if now - self.last_progress >= self.settings.progress_every or len(self.rendered) == total:
            self.last_progress = now
            log.info(f"news {self.lang}: {len(self.rendered)}/{total} items rendered")

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> None:
        if cache_enabled():
            # MkDocs makes a new template environment each build: compiled templates are kept (Jinja checks each source).
            templates = self.project_dir / CACHE_DIR / "templates"
            templates.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = FileSystemBytecodeCache(str(templates))
        # Every article has been rendered by now, or kept from the build that wrote its unchanged page;
        # generated files added here are still written out.
        writer = FeedWriter(
            self.site.urls, self.settings.timezone, self.identity.language_root, self.summaries, self.rendered,
            author=config.site_author or config.site_name, fallback_date=self.settings.build_date,
        )
        add_feeds(files, config, self.site, lambda feed, fmt: self._remembered(
            ("feed", fmt.name, feed.path(self.site.urls, fmt.name), feed.title, feed.description, feed.listing.path(self.site.urls),
             feed.items, tuple(self.rendered.get(item.source) for item in feed.items)), lambda: writer.render(feed, fmt)))
        left_out = keep_used_news_assets(files, self.news_assets, self._used_news_assets())
        self.files = files
        log.debug(f"news {self.lang}: {left_out} files beside news items left out, used by no published item")

    def _remembered(self, key: tuple, make: Callable[[], bytes]) -> bytes:
        """A whole document (a feed, a calendar) made again only when what it is made of changed: `key`, and what
        every page shares (the cache's fingerprint; without the cache, always made)."""
        return make() if self.shared is None else _DOCUMENTS.get((self.shared, *key), make)

    def _used_news_assets(self) -> set[str]:
        """Site paths of the files beside news that this build's articles show or link to."""
        used: set[str] = set()
        for page in self.pages.values():
            if isinstance(page, ArticlePage):
                image = page.item.image
                if image is not None and image.local is not None:
                    used.add(self.site.urls.news_asset_path(image.local.path))
                used |= _local_references((self.rendered.get(page.item.source, ""), page.path))
        return used

    def page_view(self, page: Page, config: MkDocsConfig) -> PageView:
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            view, here = self.views.generated(generated), generated.path
        else:
            key = page.file.src_uri.removesuffix(".md")
            here = page.url if page.url not in (".", "./") else ""
            translations = {lang: path for lang, path in self.doc_versions.get(key, {}).items() if lang != self.lang}
            view = self.views.hand_written(here, html.unescape(page.title or config.site_name), translations)
        # A hand-written page may stay out of search (`search: {exclude: true}`).
        excluded = generated is None and isinstance(page.meta.get("search"), dict) and page.meta["search"].get("exclude")
        record = search_record(generated, view, here, html.unescape(page.title or ""), page.content or "", self.strings) \
            if not excluded else None
        facts = PageFacts(record, self._alternate_folders(view))
        self._use_facts(facts)
        if generated is not None:
            self.plan.rendered(page.file.dest_uri, facts)
        return view

    def _alternate_folders(self, view: PageView) -> tuple[str, ...]:
        """The folders of this language's site the page points <link rel="alternate"> into (see output.sitemaps)."""
        root = self.identity.language_root
        return tuple(sorted({url[len(root):].rpartition("/")[0] for url in view.frame.alternate_urls() if url.startswith(root)}))

    def _use_facts(self, facts: PageFacts) -> None:
        """What a page tells the rest of the build: its search record, the folders it points alternates to."""
        if facts.search is not None:
            self.search.add(facts.search, facts.search_digest)
        self.alternate_folders.update(facts.alternate_folders)

    def sitemap_urls(self, config: MkDocsConfig) -> list[str]:
        """Every page of this language's site, kept ones included (MkDocs' own sitemap lists only the pages it renders)."""
        urls, root = [], self.identity.language_root  # file URLs are relative: plain concatenation is urljoin here
        for file in self.files or ():
            if isinstance(file, KeptFile) or (file.is_documentation_page() and file.inclusion.is_included()):
                urls.append(root + ("" if file.url in (".", "./") else file.url))
        return urls

    def on_post_build(self, config: MkDocsConfig) -> None:
        serving = os.environ.get(SERVE_ENV) == "1"  # the index must not hold up the refresh: it follows
        try:
            written = self.search.write(Path(config.site_dir), background=serving,
                                        cache_dir=self.project_dir / CACHE_DIR / "search" if cache_enabled() else None)
        except (OSError, PagefindError) as exc:
            raise PluginError(f"search index ({self.lang}): {exc}") from exc
        if message := search_written_message(self.search.count, written):
            log.info(f"search {self.lang}: {message}")
        site_dir = Path(config.site_dir)
        # The folders of the other languages' sites (en/ in the default one) are theirs to write and to tend.
        others = {language.prefix for code, language in self.settings.languages.items() if code != self.lang and language.prefix}
        ours = {folder for folder in self.alternate_folders if folder.split("/")[0] not in others}
        wanted = produced(self.files, config) if self.files is not None else set()
        wanted |= write_folder_sitemaps(site_dir, self.identity.language_root, ours, wanted)
        if self.settings.precompress and not serving:  # for a web server; a preview has no use for them
            wanted |= precompress(path for path in wanted if path + ".gz" not in wanted)  # MkDocs gzips its sitemap itself
        failures = wait_for(self.translation_builds)
        if failures:
            raise PluginError("; ".join(failures))
        if self.is_default and self.translation_builds:
            # The root sitemap lists the whole site, every language.
            merge_sitemaps(site_dir / "sitemap.xml", [b.site_dir / "sitemap.xml" for b in self.translation_builds])
        # What a dirty build left of items since deleted, renamed or re-dated (a clean build has nothing to remove).
        stale = remove_stale(site_dir, wanted, owned_elsewhere=others, kept_folders={BUNDLE})
        if stale:
            log.info(f"{self.lang}: {len(stale)} files of an earlier build removed, no longer part of the site")
        self.plan.save(site_dir)
        kept = len(self.plan.kept)
        log.info(f"{self.lang}: {len(self.pages) - kept} generated pages rendered, {kept} unchanged, {len(stale)} files removed")
        languages = list(self.settings.languages) if self.is_default else [self.lang]
        for lang in languages:
            counts = self.news.counts(lang)
            log.info(
                f"news {lang}: {counts[Status.PUBLISHED]} published, {counts[Status.DRAFT]} drafts"
                f"{' (shown for preview)' if self.preview and counts[Status.DRAFT] else ''}, "
                f"{counts[Status.SCHEDULED]} scheduled, {counts[Status.ERROR]} errors"
            )

    def on_build_error(self) -> None:
        stop(self.translation_builds)
        forget_produced(self.site_dir)
