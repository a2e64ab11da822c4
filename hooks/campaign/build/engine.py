"""One MkDocs build of one language, from config to the final summary.

The pipeline, in MkDocs' event order:
  config  -> settings, read every news file (catalogue), report its problems
  files   -> this language's hand-written pages + the generated news pages
  page    -> articles get their Markdown; rendered HTML is kept for summaries
  env     -> every article is rendered: the feeds are written
  context -> each page gets its ready-made view (`campaign` in templates)
  post    -> other languages' builds finished; counts per language logged
"""

from __future__ import annotations

import html
import os
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..core.i18n import load_strings
from ..core.settings import Settings, SettingsError, load_settings
from ..core.slugs import heading_id
from ..news.catalogue import Catalogue, build_catalogue
from ..news.model import Status
from ..output.body_images import size_body_images
from ..output.feeds import FeedWriter
from ..output.ical import CalendarWriter
from ..output.search import add_folded_text
from ..output.sitemaps import merge_sitemaps, write_folder_sitemaps
from ..pages.language_site import LanguageSite, PageSpec
from ..plans.catalogue import PlanCatalogue, build_plan_catalogue
from ..views.news import PageView, ViewBuilder
from ..views.plans import PlanViewBuilder
from ..views.sharing import SharedPage, describe_for_sharing
from .files import add_calendar_files, add_feeds, add_news_pages, select_docs_language
from .translations import PREVIEW_ENV, SITE_URL_ENV, RunningBuild, start_translation_builds, stop, wait_for

log = get_plugin_logger("campaign")

PLAN_PAGE_KINDS = ("plan", "plans_index", "calendar")
# The template of each kind of generated page, in overrides/campaign/.
TEMPLATES = {"article": "article", "listing": "listing", "archive_index": "archive", "plan": "plan", "plans_index": "plans", "calendar": "calendar"}


class LanguageBuild:
    def __init__(self, config: MkDocsConfig):
        project_dir = Path(config.config_file_path).parent
        try:
            self.settings: Settings = load_settings(config.extra, project_dir)
            self.lang = config.theme["language"]
            if self.lang not in self.settings.languages:
                raise SettingsError(f"theme.language {self.lang!r} is not one of extra.campaign.languages ({', '.join(self.settings.languages)})")
            if not config.site_url:
                raise SettingsError("site_url is required: feeds and hreflang links need the site's absolute address, e.g. site_url: https://example.org/")
            if not config.use_directory_urls:
                raise SettingsError("use_directory_urls: false is not supported; news URLs are directories (/tin-tuc/2024/02/slug/)")
            strings = load_strings(self.settings.i18n_dir, self.lang, self.settings.default_language, self.settings.timezone)
        except SettingsError as exc:
            raise PluginError(f"campaign settings: {exc}") from exc
        # Markdown's own slugify drops "đ" ("Thông điệp" → "thong-iep"); anchors use the URL rule instead.
        config.mdx_configs.setdefault("toc", {}).setdefault("slugify", heading_id)
        self.is_default = self.lang == self.settings.default_language
        self.preview = os.environ.get(PREVIEW_ENV) == "1"
        self.catalogue: Catalogue = build_catalogue(self.settings, project_dir)
        self.plan_catalogue: PlanCatalogue = build_plan_catalogue(self.settings, project_dir)
        self.site = LanguageSite(self.settings, self.catalogue, self.plan_catalogue, self.lang, strings,
                                 include_drafts=self.preview, site_name=config.site_name)
        self.specs: dict[str, PageSpec] = {}
        self.doc_versions: dict[str, dict[str, str]] = {}
        self.translation_builds: list[RunningBuild] = []
        self.views: ViewBuilder | None = None
        self.plan_views: PlanViewBuilder | None = None
        self.asset_files: dict[str, Path] = {}
        self.rendered = 0
        self.alternate_folders: set[str] = set()
        self.last_progress = time.monotonic()
        self._configure_site_url(config)
        self.language_root = config.site_url.rstrip("/") + "/"  # this language's site, e.g. https://…/en/
        self._report_sources()

    def _configure_site_url(self, config: MkDocsConfig) -> None:
        """Each language site lives under the site's root: /en/ for English."""
        prefix = self.settings.languages[self.lang].prefix
        root = config.site_url
        if not self.is_default:
            root = os.environ.get(SITE_URL_ENV) or root
            if root and prefix and not root.rstrip("/").endswith("/" + prefix):
                config.site_url = root.rstrip("/") + f"/{prefix}/"
        self.root_url = (root.rstrip("/") + "/") if root else None

    def _report_sources(self) -> None:
        """Every source file of this language ends up published or reported."""
        for problem in self.catalogue.problems_for(self.lang):
            log.warning(str(problem))
        for record in self.catalogue.records:
            if record.lang != self.lang:
                continue
            if record.status is Status.ERROR:
                log.warning(f"{record.shown}: left out of the site because of the problems above")
            elif record.status is Status.DRAFT:
                log.info(f"{record.shown}: draft, {'shown for preview' if self.preview else 'not published'}")
            elif record.status is Status.SCHEDULED:
                log.info(f"{record.shown}: scheduled for {record.item.date.isoformat()}, not published before then")
        for problem in self.plan_catalogue.problems_for(self.lang):
            log.warning(str(problem))
        for plan_record in self.plan_catalogue.records:
            if plan_record.lang != self.lang:
                continue
            if plan_record.plan is None:
                log.warning(f"{plan_record.shown}: plan left out of the site because of the problems above")
            elif plan_record.activities_left_out:
                log.warning(f"{plan_record.shown}: published without {plan_record.activities_left_out} of its activities because of the problems above")

    # MkDocs events ----------------------------------------------------------

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.doc_versions = select_docs_language(files, config, self.settings, self.lang)
        self.specs = add_news_pages(files, config, self.site)
        # Site path → source file of every file MkDocs publishes, to find an image's size from its URL.
        self.asset_files = {f.dest_uri: Path(f.abs_src_path) for f in files if f.abs_src_path and not f.is_documentation_page()}
        self.views = ViewBuilder(self.site, self.root_url)
        self.plan_views = PlanViewBuilder(self.views)
        self._add_calendars(files, config)
        if self.is_default:
            # Started after MkDocs has cleaned site_dir, so it cannot wipe their output.
            self.translation_builds = start_translation_builds(config, self.settings)
        return files

    def on_page_markdown(self, markdown: str, page: Page) -> str:
        # Page titles are HTML in MkDocs and Material: escape the frontmatter's plain text.
        if isinstance(page.meta.get("title"), str):
            page.meta["title"] = html.escape(page.meta["title"])
        spec = self.specs.get(page.file.src_uri)
        if spec is None:
            return markdown
        page.meta = {"title": html.escape(self.site.page_title(spec)), "template": f"campaign/{TEMPLATES[spec.kind]}.html"}
        if spec.kind == "article":
            # The body as read by our reader, not as MkDocs would re-parse it for metadata.
            return spec.item.body
        if spec.kind == "plan":
            return spec.plan.body
        # Generated pages repeat what articles and plans say: kept out of search.
        page.meta["search"] = {"exclude": True}
        if spec.kind == "calendar":
            page.meta["hide"] = ["toc"]  # Material: the month grids get the table of contents' width
        return markdown

    def on_page_content(self, content: str, page: Page) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None and spec.kind == "article":
            content = size_body_images(content, spec.path, self.asset_files)
            spec.item.html = content  # rendered once; listings and feeds reuse it
            self.rendered += 1
            self._log_progress()
        return content

    def _log_progress(self) -> None:
        """On big sites, say how far rendering has come, at most every `progress_every` seconds."""
        total = len(self.site.items)
        if total < self.settings.progress_after:
            return
        now = time.monotonic()
        if now - self.last_progress >= self.settings.progress_every or self.rendered == total:
            self.last_progress = now
            log.info(f"news {self.lang}: {self.rendered}/{total} items rendered")

    def on_env(self, config: MkDocsConfig, files: Files) -> None:
        # Every article has been rendered by now; generated files added here are still written out.
        writer = FeedWriter(
            self.settings, self.site.urls, self.language_root, self.site.summaries,
            author=config.site_author or config.site_name, fallback_date=self.settings.build_date,
        )
        add_feeds(files, config, self.site, writer)

    def _add_calendars(self, files: Files, config: MkDocsConfig) -> None:
        writer = CalendarWriter(self.site.urls, self.language_root, self.site.strings, config.site_name)
        add_calendar_files(files, config, self.site, writer)

    def page_view(self, page: Page, config: MkDocsConfig) -> PageView:
        view = self._view(page)
        spec = self.specs.get(page.file.src_uri)
        item = spec.item if spec is not None and spec.kind == "article" else None
        describe_for_sharing(view, SharedPage(
            url=page.canonical_url or self.language_root + page.url, title=html.unescape(page.title or config.site_name),
            item=item, site=self.site, language_root=self.language_root, docs_dir=Path(config.docs_dir),
            site_name=config.site_name, site_description=config.site_description or "", publisher=config.site_author or config.site_name,
        ))
        # Folders this page points <link rel="alternate"> into, in this language's site (see sitemaps.py).
        for url in [a.absolute_url for a in view.hreflang] + [f.url for f in view.feeds] + [c.url for c in view.calendar_feeds]:
            if url and url.startswith(self.language_root):
                self.alternate_folders.add(url[len(self.language_root):].rpartition("/")[0])
        return view

    def _view(self, page: Page) -> PageView:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None and spec.kind in PLAN_PAGE_KINDS:
            return self.plan_views.for_spec(spec)
        if spec is not None:
            return self.views.for_spec(spec)
        key = page.file.src_uri[: -len(".md")] if page.file.src_uri.endswith(".md") else page.file.src_uri
        here = page.url if page.url not in (".", "./") else ""
        translations = {lang: path for lang, path in self.doc_versions.get(key, {}).items() if lang != self.lang}
        view = self.views.plain_page(here, translations)
        if here == "":
            view.campaign_state = self.plan_views.campaign_state(here)
        return view

    @staticmethod
    def on_post_page(output: str) -> str:
        """Every page, 404.html included, as written."""
        # Material's two toggles are checkboxes with autocomplete="off", which HTML allows on text
        # inputs only (Nu HTML Checker error); they sit outside every template block, so fix the output.
        return output.replace('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">', 1).replace(
            'type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">', 1)

    def on_post_build(self, config: MkDocsConfig) -> None:
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():  # written by Material's search plugin, whose on_post_build runs before the hooks'
            before, after = add_folded_text(index)
            log.debug(f"search index with folded text: {before} → {after} bytes")
        write_folder_sitemaps(Path(config.site_dir), self.language_root, self.alternate_folders)
        failures = wait_for(self.translation_builds)
        if failures:
            raise PluginError("; ".join(failures))
        if self.is_default and self.translation_builds:
            # The root sitemap lists the whole site, every language.
            merge_sitemaps(Path(config.site_dir) / "sitemap.xml", [b.site_dir / "sitemap.xml" for b in self.translation_builds])
        languages = self.settings.languages if self.is_default else [self.lang]
        for lang in languages:
            counts = self.catalogue.counts(lang)
            log.info(
                f"news {lang}: {counts[Status.PUBLISHED]} published, {counts[Status.DRAFT]} drafts"
                f"{' (shown for preview)' if self.preview and counts[Status.DRAFT] else ''}, "
                f"{counts[Status.SCHEDULED]} scheduled, {counts[Status.ERROR]} errors"
            )

    def on_build_error(self) -> None:
        stop(self.translation_builds)
