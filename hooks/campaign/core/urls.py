"""Where each page lives, per language: localised, configurable URL segments.

Paths are "directory URLs" within one language's own site, the form MkDocs
knows ("tin-tuc/2024/02/slug/"); `site_path` gives the same from the root of
the whole bilingual site ("en/news/2024/02/slug/"). The rules take plain
values (a date and a slug, a plan's slug), so the content packages can ask
where their items live without this module knowing their types.
"""

from __future__ import annotations

import posixpath
from datetime import datetime, tzinfo
from functools import lru_cache
from urllib.parse import quote

from .settings import Category, Language, Settings
from .slugs import slugify


class UrlScheme:
    def __init__(self, settings: Settings, lang: str):
        self.timezone: tzinfo = settings.timezone
        self.language: Language = settings.languages[lang]

    # News ---------------------------------------------------------------------

    def news_index(self, page: int | None = None) -> str:
        return self.paginated(f"{self.language.news}/", page)

    def article(self, date: datetime, slug: str) -> str:
        return _article_path(self.language.news, self.timezone, date, slug)

    def news_asset_path(self, path: str) -> str:
        """Where a file kept beside news items (`path` relative to the news folder) is written: under the news segment."""
        return f"{self.language.news}/{path}"

    def news_asset(self, path: str) -> str:
        """The same as a URL path: a file name may hold '#', '?', '%' or spaces."""
        return quote(self.news_asset_path(path))

    def archive_index(self) -> str:
        return f"{self.language.news}/{self.language.archive}/"

    def year(self, year: int, page: int | None = None) -> str:
        return self.paginated(f"{self.language.news}/{year:04d}/", page)

    def month(self, year: int, month: int, page: int | None = None) -> str:
        return self.paginated(f"{self.language.news}/{year:04d}/{month:02d}/", page)

    def category(self, category: Category, page: int | None = None) -> str:
        return self.paginated(f"{self.language.news}/{self.language.category}/{category.slug(self.language.code)}/", page)

    def tag(self, tag: str, page: int | None = None) -> str:
        return self.paginated(f"{self.language.news}/{self.language.tag}/{slugify(tag)}/", page)

    def paginated(self, first_page: str, page: int | None) -> str:
        """The listing's root (None), or its page `page`, numbered from the oldest (see news.collections.Listing)."""
        return first_page if page is None else f"{first_page}{self.language.page}/{page}/"

    @staticmethod
    def feed(listing_path: str, fmt: str) -> str:
        """rss.xml / atom.xml in the folder of the listing's first page (the language's root for all news).

        At the root, Material's script (which fetches sitemap.xml from the folder
        of every <link rel=alternate>) finds the language's sitemap there.
        """
        return f"{listing_path}{fmt}.xml"

    # Plans and the calendar ---------------------------------------------------

    def plans_index(self) -> str:
        return f"{self.language.plans}/"

    def plan(self, slug: str) -> str:
        return f"{self.language.plans}/{slug}/"

    def calendar(self, plan_slug: str | None = None) -> str:
        """The activity calendar of all plans, or of one plan."""
        return f"{self.language.calendar}/" + (f"{plan_slug}/" if plan_slug else "")

    def activity(self, plan_slug: str, activity_id: str) -> str:
        """An activity's details, in the agenda of the calendar of all plans."""
        return f"{self.calendar()}#{activity_anchor(plan_slug, activity_id)}"

    def icalendar(self, plan_slug: str | None = None) -> str:
        """lich-hoat-dong.ics at the language's root (see `feed`), or ke-hoach/<slug>.ics beside the plan."""
        return f"{self.language.plans}/{plan_slug}.ics" if plan_slug else f"{self.language.calendar}.ics"

    # The whole bilingual site ---------------------------------------------------

    def site_path(self, page_path: str) -> str:
        """'tin-tuc/x/' stays as it is for the root language; English gets 'en/'."""
        return posixpath.join(self.language.prefix, page_path) if self.language.prefix else page_path


@lru_cache(maxsize=1 << 16)
def _article_path(news: str, timezone: tzinfo, date: datetime, slug: str) -> str:
    # Asked for every item several times a build (pages, links, clashes): a date in a zone is slow to format.
    local = date.astimezone(timezone)
    return f"{news}/{local:%Y}/{local:%m}/{slug}/"


def activity_anchor(plan_slug: str, activity_id: str) -> str:
    return f"{plan_slug}--{activity_id}"


def relative_url(target: str, current: str) -> str:
    """Link from the page at site path `current` to site path `target`.

    Both are paths from the root of the whole site ending in '/' for
    directories, so a link from a Vietnamese page can reach an English one.
    Done on path segments rather than with posixpath.relpath: this runs for
    every link of every page.
    """
    target, hash_mark, fragment = target.partition("#")
    base = current if current.endswith("/") else current.rpartition("/")[0]
    base_parts = [part for part in base.split("/") if part]
    target_parts = [part for part in target.split("/") if part]
    common = 0
    for mine, theirs in zip(base_parts, target_parts, strict=False):
        if mine != theirs:
            break
        common += 1
    rel = "/".join([".."] * (len(base_parts) - common) + target_parts[common:]) or "."
    if target == "" or target.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel + hash_mark + fragment
