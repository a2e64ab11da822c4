"""All news items of the site, in every language, each with its status.

Reads every file under the news folder, then runs the checks that need more
than one file (two items at one URL, two items of one language sharing a
translation key), and decides what is published as of the build date.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..core.problems import Problem
from ..core.settings import Settings
from ..core.urls import UrlScheme
from .model import NewsItem, Status
from .reader import read_news_item


@dataclass(frozen=True)
class SourceRecord:
    """What became of one source file; every file gets one."""

    shown: str
    lang: str
    status: Status
    item: NewsItem | None


@dataclass
class Catalogue:
    settings: Settings
    records: list[SourceRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    problem_langs: dict[str, str] = field(default_factory=dict)  # problem path -> language
    by_key: dict[str, dict[str, NewsItem]] = field(default_factory=dict)  # lang -> translation key -> item

    def items(self, lang: str, include_drafts: bool = False) -> list[NewsItem]:
        """Items shown on the site in `lang`, newest first."""
        shown = _shown_statuses(include_drafts)
        items = [r.item for r in self.records if r.lang == lang and r.status in shown]
        return sorted(items, key=lambda item: item.sort_key)

    def problems_for(self, lang: str) -> list[Problem]:
        return [p for p in self.problems if self.problem_langs[p.path] == lang]

    def counts(self, lang: str) -> Counter:
        return Counter(r.status for r in self.records if r.lang == lang)

    def translations(self, item: NewsItem, include_drafts: bool = False) -> dict[str, NewsItem]:
        """The other-language versions of `item` that are on the site."""
        shown = _shown_statuses(include_drafts)
        found = {}
        for lang, items in self.by_key.items():
            match = items.get(item.translation_key)
            if lang != item.lang and match is not None and match.status in shown:
                found[lang] = match
        return found


def _shown_statuses(include_drafts: bool) -> set[Status]:
    """Drafts are on the site only in a preview."""
    return {Status.PUBLISHED, Status.DRAFT} if include_drafts else {Status.PUBLISHED}


def markdown_sources(folder: Path) -> list[Path]:
    """Every Markdown file under a content folder (news, plans), in a stable order.

    Names starting with '.' or '_' are skipped (editor backups, templates).
    """
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        found += [Path(root, f) for f in sorted(files) if f.endswith(".md") and not f.startswith((".", "_"))]
    return found


def build_catalogue(settings: Settings, project_dir: Path) -> Catalogue:
    catalogue = Catalogue(settings)
    results = []
    for path in markdown_sources(settings.news_dir):
        source = PurePosixPath(path.relative_to(settings.news_dir).as_posix())
        shown = Path(os.path.relpath(path, project_dir)).as_posix()
        result = read_news_item(path, source, shown, settings)
        results.append((shown, result))
        for problem in result.problems:
            catalogue.problems.append(problem)
            catalogue.problem_langs[problem.path] = result.lang

    rejected = _cross_file_problems(settings, [(shown, r.item) for shown, r in results if r.item])
    for problem in rejected.values():
        catalogue.problems.append(problem)
    for shown, result in results:
        item = result.item
        if item is None or shown in rejected:
            status = Status.ERROR
            catalogue.problem_langs[shown] = result.lang
        elif item.draft:
            status = Status.DRAFT
        elif item.date > settings.build_date:
            status = Status.SCHEDULED
        else:
            status = Status.PUBLISHED
        if item is not None:
            item.status = status
            if status is not Status.ERROR:
                catalogue.by_key.setdefault(item.lang, {})[item.translation_key] = item
        catalogue.records.append(SourceRecord(shown, result.lang, status, item if status is not Status.ERROR else None))
    catalogue.problems.sort(key=lambda p: (p.path, p.line or 0, p.field))
    return catalogue


def _cross_file_problems(settings: Settings, items: list[tuple[str, NewsItem]]) -> dict[str, Problem]:
    """Items that clash with an earlier one (in path order); the earlier one stays."""
    rejected: dict[str, Problem] = {}
    urls: dict[tuple[str, str], str] = {}
    keys: dict[tuple[str, str], str] = {}
    schemes = {lang: UrlScheme(settings, lang) for lang in settings.languages}
    for shown, item in items:
        url = schemes[item.lang].article(item)
        first = urls.setdefault((item.lang, url), shown)
        if first != shown:
            rejected[shown] = Problem(shown, None, "slug", f"same URL /{schemes[item.lang].site_path(url)} as {first}; change 'slug' (or the title) of one of them")
            continue
        first = keys.setdefault((item.lang, item.translation_key), shown)
        if first != shown:
            rejected[shown] = Problem(
                shown, None, "translation_key",
                f"{item.translation_key!r} is already used by {first} in the same language ({item.lang}); "
                "each language may have one version of an item",
            )
    return rejected
