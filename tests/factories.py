"""In-memory content for the fast tests: settings, news items, plans and the catalogues over them.

Built directly, the way MkDocs' own tests build `File` and `Page` objects:
no files are read except the UI strings (i18n/*.toml).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path, PurePosixPath

from campaign.build.config import load_settings
from campaign.content.walk import ContentFile, Record, Walk
from campaign.core.i18n import load_strings
from campaign.core.settings import Settings
from campaign.news.catalogue import NewsCatalogue
from campaign.news.model import NewsItem
from campaign.pages.language_site import LanguageSite
from campaign.plans.catalogue import PlanCatalogue
from campaign.plans.model import Activity, DateRange, Plan

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = [
    {"key": "kinh-te-tap-the", "vi": "Kinh tế tập thể", "en": "Collective economy"},
    {"key": "thang-hanh-dong", "vi": "Tháng hành động", "en": "Action Month"},
]
BUILD_DATE = "2024-05-01"


def make_settings(**campaign) -> Settings:
    return load_settings({"campaign": {"categories": CATEGORIES, **campaign}}, ROOT, environ={"CAMPAIGN_BUILD_DATE": BUILD_DATE})


SETTINGS = make_settings()
TZ = SETTINGS.timezone


def moment(text: str) -> datetime:
    """A naive 'YYYY-MM-DD HH:MM' in the site's time zone."""
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


def news(title: str, when: str, *, source: str | None = None, lang: str = "vi", category: int = 0, tags: tuple[str, ...] = (),
         draft: bool = False, key: str | None = None, slug: str | None = None) -> NewsItem:
    from campaign.core.slugs import slugify
    slug = slug or slugify(title)
    name = source or f"{when[:4]}/{slug}{'' if lang == 'vi' else '.' + lang}.md"
    return NewsItem(
        source=PurePosixPath(name), lang=lang, title=title, date=moment(when), category=SETTINGS.categories[category],
        slug=slug, translation_key=key or slug, body=f"{title}.", tags=tags, draft=draft,
    )


def activity(title: str, start: str, end: str | None = None, number: int = 1, timed: bool = False, key: bool = False) -> Activity:
    from campaign.core.slugs import slugify
    return Activity(
        id=slugify(title), number=number, title=title, start=moment(start if timed else start + " 00:00"),
        end=(moment(end if timed else end + " 00:00") if end else None), all_day=not timed, key=key,
    )


def plan(title: str, activities: tuple[Activity, ...] = (), *, slug: str, lang: str = "vi",
         period: tuple[str, str] = ("2024-01-01", "2024-12-31"), peak: tuple[str, str] | None = None) -> Plan:
    return Plan(
        source=PurePosixPath(f"2024/{slug}{'' if lang == 'vi' else '.' + lang}.md"), lang=lang, title=title, slug=slug,
        translation_key=slug, issuer="Liên minh HTX", period=DateRange(date.fromisoformat(period[0]), date.fromisoformat(period[1])),
        body="", peak=DateRange(date.fromisoformat(peak[0]), date.fromisoformat(peak[1])) if peak else None, activities=activities,
    )


def walk_of(contents) -> Walk:
    records = tuple(
        Record(ContentFile(Path("/project/content") / str(c.source), c.source, f"content/{c.source}"), c.lang, c)
        for c in contents
    )
    return Walk(records, (), {})


def language_site(items=(), plans=(), lang: str = "vi", include_drafts: bool = False, settings: Settings = SETTINGS) -> LanguageSite:
    strings = load_strings(ROOT / "i18n", lang, "vi", settings.timezone)
    return LanguageSite(settings, NewsCatalogue(walk_of(items), settings.build_date), PlanCatalogue(walk_of(plans)), lang, strings,
                        include_drafts=include_drafts, site_name="Tháng hành động")
