"""Turn one language's page plan into MkDocs files, and pick that language's hand-written pages.

Uses MkDocs' public API only (mkdocs.structure.files).
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from ..content.source import key_from_name, language_from_name
from ..core.problems import Problem
from ..core.settings import Settings
from ..output.editor import EditorMissing, editor_files
from ..pages.feeds import FEED_FORMATS, FeedFormat, FeedSpec
from ..pages.kinds import ArticlePage, GeneratedPage, PlanPage
from ..pages.language_site import LanguageSite
from ..plans.model import Plan

# News and plan sources are mounted under these virtual folders, so that relative
# links and images inside an article resolve the way they do next to its Markdown file.
NEWS_MOUNT = "_news"
PLANS_MOUNT = "_plans"


def planned_pages(site: LanguageSite) -> list[tuple[str, str, GeneratedPage]]:
    """Each planned page with its source URI and output path, in the plan's order."""
    planned = []
    for page in site.pages:
        match page:
            case ArticlePage(item=item):
                src_uri = f"{NEWS_MOUNT}/{item.source}"
            case PlanPage(plan=plan):
                src_uri = f"{PLANS_MOUNT}/{plan.source}"
            case _:
                src_uri = page.path + "index.md"
        planned.append((src_uri, page.path + "index.html", page))
    return planned


def generated_file(config: MkDocsConfig, src_uri: str, dest_uri: str, page: GeneratedPage) -> File:
    """A planned page as MkDocs' file, to render."""
    file = File.generated(config, src_uri, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV)
    file.dest_uri = dest_uri
    return file


def add_news_assets(files: Files, config: MkDocsConfig, site: LanguageSite) -> dict[str, File]:
    """Images and other files kept beside news items, under the news segment; returned by site path.

    All of them are candidates while pages render, so that links to them
    resolve; `keep_used_news_assets` then drops those no published item uses.
    """
    start = len(str(site.settings.news_dir)) + 1
    assets = {}
    for path in site.news.walk.beside:  # found by the walk that read the news
        rel = str(path)[start:].replace(os.sep, "/")
        file = File.generated(config, f"{NEWS_MOUNT}/{rel}", abs_src_path=str(path))
        file.dest_uri = site.urls.news_asset_path(rel)
        files.append(file)
        assets[file.dest_uri] = file
    return assets


def keep_used_news_assets(files: Files, assets: dict[str, File], used: set[str]) -> int:
    """Only the files that published items show or link to reach the site: nothing of a draft or a scheduled item.

    Returns how many were left out.
    """
    unused = [file for dest, file in assets.items() if dest not in used]
    for file in unused:
        files.remove(file)
    return len(unused)


def add_editor(files: Files, config: MkDocsConfig, settings: Settings, project_dir: Path, preview: bool) -> str | None:
    """The web editor's files under admin/ (`preview`: a preview build, `serve`'s); returns the problem when its bundle
    is not installed."""
    try:
        found = editor_files(settings, project_dir, config.site_url or "", [f.dest_uri for f in files],
                             [str(path) for path in config.extra_css], preview)
    except EditorMissing as exc:
        return str(exc)
    for item in found:
        if item.source is not None:
            files.append(File.generated(config, item.path, abs_src_path=str(item.source)))
        else:
            files.append(File.generated(config, item.path, content=item.content or ""))
    return None


def remove_refused_docs(files: Files, refused: list[Problem], project_dir: Path) -> None:
    """Take out of MkDocs' files what the docs folder's check refused, and all under a refused (linked) folder."""
    shown = {p.path for p in refused}
    for file in list(files):
        if file.generated_by is not None or not file.abs_src_path:
            continue
        path = Path(os.path.relpath(file.abs_src_path, project_dir)).as_posix()
        if path in shown or any(path.startswith(folder + "/") for folder in shown):
            files.remove(file)


def add_feeds(files: Files, config: MkDocsConfig, site: LanguageSite, render: Callable[[FeedSpec, FeedFormat], bytes]) -> None:
    """Add every feed of the language, in every format, as a generated file."""
    for feed in site.feeds.values():
        for fmt in FEED_FORMATS:
            files.append(File.generated(config, feed.path(site.urls, fmt.name), content=render(feed, fmt)))


def add_calendar_files(files: Files, config: MkDocsConfig, site: LanguageSite, render: Callable[[Sequence[Plan], str], bytes]) -> None:
    """The .ics file of all plans, and one per plan."""
    t = site.strings
    files.append(File.generated(config, site.urls.icalendar(), content=render(site.plans, f"{t['calendar']} – {site.site_name}")))
    for plan in site.plans:
        files.append(File.generated(config, site.urls.icalendar(plan.slug), content=render([plan], plan.title)))


def select_docs_language(files: Files, config: MkDocsConfig, settings: Settings, lang: str,
                         problems: list[Problem]) -> dict[str, dict[str, str]]:
    """Keep the hand-written pages of `lang` ("page.en.md" is English), published without the suffix.

    The default language's page is "page.md" or "page.vi.md" (as the web editor writes it); both at once are
    reported in `problems` and the first is kept. Returns, per page key ("index", "about"), the path of each
    language's version, for the language switcher.
    """
    versions: dict[str, dict[str, str]] = {}
    sources: dict[tuple[str, str], str] = {}  # (page key, language) → its file, as shown
    project_dir = Path(config.config_file_path).parent
    renamed = []
    for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):  # "page.md" before "page.vi.md"
        if file.generated_by is not None or file.abs_src_path is None:
            continue
        source = PurePosixPath(posixpath.normpath(file.src_uri))
        file_lang = language_from_name(source, settings)
        key = key_from_name(source, settings)
        shown = Path(os.path.relpath(file.abs_src_path, project_dir)).as_posix()
        if (key, file_lang) in sources:
            files.remove(file)
            if file_lang == lang:
                problems.append(Problem(shown, None, "file name", f"{sources[key, file_lang]} is already this page in {file_lang}; "
                                        "keep one of the two (this one is left out)"))
            continue
        sources[key, file_lang] = shown
        versions.setdefault(key, {})[file_lang] = _page_path(key)
        if file_lang != lang:
            files.remove(file)
        elif str(source) != key + ".md":
            files.remove(file)
            renamed.append(File.generated(config, key + ".md", abs_src_path=file.abs_src_path, inclusion=file.inclusion))
    # Added after all removals: the default language's "page.md" shares the new name.
    for file in renamed:
        files.append(file)
    return versions


def _page_path(key: str) -> str:
    """The directory URL MkDocs gives to `key`.md."""
    if key == "index":
        return ""
    if key.endswith("/index"):
        return key[: -len("index")]
    return key + "/"
