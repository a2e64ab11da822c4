"""Where each page lives, per language: localised, configurable URL segments.

Paths here are site paths relative to the root of the whole bilingual site
("tin-tuc/2024/02/slug/", "en/news/2024/02/slug/"); `page_path` gives the same
relative to one language's own site, which is what MkDocs knows.
"""

from __future__ import annotations

import posixpath

from ..news.collections import Listing
from ..news.model import NewsItem
from ..plans.model import Activity, Plan
from .settings import Category, Language, Settings
from .slugs import slugify


class UrlScheme:
    def __init__(self, settings: Settings, lang: str):
        self.settings = settings
        self.language: Language = settings.languages[lang]

    # Paths within this language's own MkDocs site ("directory URLs", ending in /).

    def news_index(self, page: int = 1) -> str:
        return self.paginated(f"{self.language.news}/", page)

    def article(self, item: NewsItem) -> str:
        local = item.date.astimezone(self.settings.timezone)
        return f"{self.language.news}/{local:%Y}/{local:%m}/{item.slug}/"

    def archive_index(self) -> str:
        return f"{self.language.news}/{self.language.archive}/"

    def year(self, year: int, page: int = 1) -> str:
        return self.paginated(f"{self.language.news}/{year:04d}/", page)

    def month(self, year: int, month: int, page: int = 1) -> str:
        return self.paginated(f"{self.language.news}/{year:04d}/{month:02d}/", page)

    def category(self, category: Category, page: int = 1) -> str:
        return self.paginated(f"{self.language.news}/{self.language.category}/{category.slug(self.language.code)}/", page)

    def tag(self, tag: str, page: int = 1) -> str:
        return self.paginated(f"{self.language.news}/{self.language.tag}/{slugify(tag)}/", page)

    def listing(self, listing: Listing, number: int = 1) -> str:
        if listing.kind == "news":
            return self.news_index(number)
        if listing.kind == "year":
            return self.year(listing.year, number)
        if listing.kind == "month":
            return self.month(listing.year, listing.month, number)
        if listing.kind == "category":
            return self.category(listing.category, number)
        return self.tag(listing.tag, number)

    def home(self) -> str:
        return ""

    def feed(self, listing: Listing, fmt: str) -> str:
        """rss.xml / atom.xml: all news at the language's root, a category's or tag's beside its listing.

        At the root, Material's script (which fetches sitemap.xml from the folder
        of every <link rel=alternate>) finds the language's sitemap there.
        """
        folder = "" if listing.kind == "news" else self.listing(listing)
        return f"{folder}{fmt}.xml"

    def plans_index(self) -> str:
        return f"{self.language.plans}/"

    def plan(self, plan: Plan) -> str:
        return f"{self.language.plans}/{plan.slug}/"

    def calendar(self, plan: Plan | None = None) -> str:
        """The activity calendar of all plans, or of one plan."""
        return f"{self.language.calendar}/" + (f"{plan.slug}/" if plan else "")

    def activity(self, plan: Plan, activity: Activity) -> str:
        """An activity's details, in the agenda of the calendar of all plans."""
        return f"{self.calendar()}#{activity_anchor(plan, activity)}"

    def icalendar(self, plan: Plan | None = None) -> str:
        """lich-hoat-dong.ics at the language's root (see `feed`), or ke-hoach/<slug>.ics beside the plan."""
        return f"{self.language.plans}/{plan.slug}.ics" if plan else f"{self.language.calendar}.ics"

    def paginated(self, first_page: str, page: int) -> str:
        return first_page if page == 1 else f"{first_page}{self.language.page}/{page}/"

    # Paths within the whole bilingual site.

    def site_path(self, page_path: str) -> str:
        """'tin-tuc/x/' stays as it is for the root language; English gets 'en/'."""
        return posixpath.join(self.language.prefix, page_path) if self.language.prefix else page_path


def activity_anchor(plan: Plan, activity: Activity) -> str:
    return f"{plan.slug}--{activity.id}"


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
    for mine, theirs in zip(base_parts, target_parts):
        if mine != theirs:
            break
        common += 1
    rel = "/".join([".."] * (len(base_parts) - common) + target_parts[common:]) or "."
    if target == "" or target.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel + hash_mark + fragment
