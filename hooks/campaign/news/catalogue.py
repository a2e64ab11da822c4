"""All news items of the site, in every language, each with its status as of the build date."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..content.cache import ReadCache, reading_key
from ..content.source import language_from_name
from ..content.walk import Walk, walk
from ..core.problems import Problem
from ..core.settings import Settings
from ..core.urls import UrlScheme
from .model import NewsItem, Status
from .reader import read_news_item


@dataclass(frozen=True)
class NewsRecord:
    """What became of one news file; every file gets one."""

    shown: str
    lang: str
    status: Status
    item: NewsItem | None  # None: left out for its problems


class NewsCatalogue:
    def __init__(self, walked: Walk[NewsItem], build_date: datetime):
        self.walk = walked
        self.records = tuple(
            NewsRecord(r.file.shown, r.lang, _status(r.content, build_date), r.content) for r in walked.records
        )
        self._status = {r.item.source: r.status for r in self.records if r.item is not None}
        # lang -> translation key -> item, for the items on the site in some build (drafts included).
        self._by_key: dict[str, dict[str, NewsItem]] = {}
        for record in self.records:
            if record.item is not None:
                self._by_key.setdefault(record.lang, {})[record.item.translation_key] = record.item

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.walk.problems

    def problems_for(self, lang: str) -> list[Problem]:
        return self.walk.problems_for(lang)

    def items(self, lang: str, include_drafts: bool = False) -> list[NewsItem]:
        """Items shown on the site in `lang`, newest first."""
        shown = shown_statuses(include_drafts)
        items = [r.item for r in self.records if r.lang == lang and r.item is not None and r.status in shown]
        return sorted(items, key=lambda item: item.sort_key)

    def counts(self, lang: str) -> Counter:
        return Counter(r.status for r in self.records if r.lang == lang)

    def translations(self, item: NewsItem, include_drafts: bool = False) -> dict[str, NewsItem]:
        """The other-language versions of `item` that are on the site."""
        shown = shown_statuses(include_drafts)
        found = {}
        for lang, items in self._by_key.items():
            match = items.get(item.translation_key)
            if lang != item.lang and match is not None and self._status[match.source] in shown:
                found[lang] = match
        return found


def read_news(settings: Settings, project_dir: Path, cache_dir: Path | None = None) -> NewsCatalogue:
    """Every news file, read; with `cache_dir`, only those that changed since a build kept their results there."""
    schemes = {lang: UrlScheme(settings, lang) for lang in settings.languages}

    def site_path(item: NewsItem) -> str:
        scheme = schemes[item.lang]
        return scheme.site_path(scheme.article(item.date, item.slug))

    cache: ReadCache[NewsItem] = ReadCache(settings.news_dir, cache_dir, reading_key(settings) if cache_dir else "")
    walked = walk(settings.news_dir, project_dir, cache.reader(lambda file: read_news_item(file, settings)), site_path,
                  lambda source: language_from_name(source, settings))
    cache.save()
    return NewsCatalogue(walked, settings.build_date)


def shown_statuses(include_drafts: bool) -> set[Status]:
    """Drafts are on the site only in a preview."""
    return {Status.PUBLISHED, Status.DRAFT} if include_drafts else {Status.PUBLISHED}


def _status(item: NewsItem | None, build_date: datetime) -> Status:
    if item is None:
        return Status.ERROR
    if item.draft:
        return Status.DRAFT
    if item.date > build_date:
        return Status.SCHEDULED
    return Status.PUBLISHED
