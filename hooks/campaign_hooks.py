"""MkDocs hooks: wire MkDocs' events to the campaign engine (hooks/campaign/).

Listed under `hooks:` in mkdocs.yml. Kept thin on purpose: all the work is in
campaign.build, which runs the plain modules of the other packages.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# MkDocs 1.6 runs this file once per path in a process (Hooks._load_hook is cached): `mkdocs serve` keeps the
# engine it started with, and what it keeps in memory between rebuilds (content.cache); restart it after changing
# hooks/. A process that runs another copy of this file (another project's) would still find the first copy's
# engine modules in sys.modules: they are dropped when the engine's files differ.
_ENGINE = Path(__file__).resolve().parent / "campaign"
_CODE = sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in _ENGINE.rglob("*.py"))
if getattr(sys.modules.get("campaign"), "loaded_code", None) != _CODE:
    for _name in [n for n in sys.modules if n == "campaign" or n.startswith("campaign.")]:
        del sys.modules[_name]

from jinja2 import Environment  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402
from mkdocs.structure.nav import Navigation  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402
from mkdocs.utils import get_build_date  # noqa: E402
from mkdocs.utils.templates import TemplateContext  # noqa: E402

import campaign  # noqa: E402
from campaign.build.engine import LanguageBuild  # noqa: E402
from campaign.build.incremental import DIRTY_ENV  # noqa: E402
from campaign.build.translations import PREVIEW_ENV, SERVE_ENV  # noqa: E402
from campaign.output.html import valid_material_markup  # noqa: E402

campaign.loaded_code = _CODE  # type: ignore[attr-defined]
_build: LanguageBuild | None = None


def _current() -> LanguageBuild:
    """The build `on_config` started: MkDocs sends every other event after it."""
    assert _build is not None, "on_config has not run"
    return _build


def on_startup(command: str, dirty: bool) -> None:
    # A dirty build (--dirty) skips the generated pages that did not change, in every language's build.
    if dirty:
        os.environ[DIRTY_ENV] = "1"
    else:
        os.environ.pop(DIRTY_ENV, None)
    if command == "serve":
        # Drafts are shown while previewing, in this build and in the other languages' builds,
        # and the search index is made beside the refresh, not before it.
        os.environ[PREVIEW_ENV] = "1"
        os.environ[SERVE_ENV] = "1"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    _build = LanguageBuild(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return _current().on_files(files, config)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _current().on_page_markdown(markdown, page)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _current().on_page_content(html, page)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _current().on_env(env, config, files)
    return env


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    # Templates get the page's ready-made view and our UI strings, apart from Material's.
    build = _current()
    context["campaign"] = build.page_view(page, config)  # type: ignore[typeddict-unknown-key]
    context["campaign_footer"] = build.footer  # type: ignore[typeddict-unknown-key]
    context["t"] = build.strings  # type: ignore[typeddict-unknown-key]
    return context


def on_template_context(context: TemplateContext, template_name: str, config: MkDocsConfig) -> TemplateContext:
    # Pages MkDocs renders without a page (404.html) have our UI strings and footer too.
    context["t"] = _current().strings  # type: ignore[typeddict-unknown-key]
    context["campaign_footer"] = _current().footer  # type: ignore[typeddict-unknown-key]
    if template_name == "404.html":
        context["campaign_not_found"] = _current().views.common.not_found_links()  # type: ignore[typeddict-unknown-key]
        # Each language's home page, by absolute address: a 404 page is served at any depth, under any sub-path.
        context["campaign_homes"] = _current().views.common.alternates("", {})  # type: ignore[typeddict-unknown-key]
    if template_name == "sitemap.xml":
        # Our sitemap template (overrides/sitemap.xml) lists the pages MkDocs copied from the cache too.
        context["campaign_sitemap"] = _current().sitemap_urls(config)  # type: ignore[typeddict-unknown-key]
        context["campaign_lastmod"] = get_build_date()  # type: ignore[typeddict-unknown-key]
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return valid_material_markup(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return valid_material_markup(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config: MkDocsConfig) -> None:
    _current().on_post_build(config)


def on_build_error(error: Exception) -> None:
    if _build is not None:
        _build.on_build_error()
