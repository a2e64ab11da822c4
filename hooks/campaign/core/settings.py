"""The campaign engine's settings, read from `extra.campaign` in mkdocs.yml.

Every setting has a documented default here, so a site only writes what
differs. Errors in the settings are configuration errors: they stop the build.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .dates import DateError, parse_datetime
from .slugs import slugify


class SettingsError(ValueError):
    """A mistake in `extra.campaign`; the message says which key and why."""


# Environment variable that sets the "as of" date of a build, so staff and
# tests can preview scheduled items (e.g. CAMPAIGN_BUILD_DATE=2024-05-01).
BUILD_DATE_ENV = "CAMPAIGN_BUILD_DATE"


@dataclass(frozen=True)
class Language:
    """One language of the site and its localised URL segments."""

    code: str
    name: str
    config_file: str  # the MkDocs config that builds this language
    prefix: str  # "" for the default language, "en" for /en/
    news: str = "news"
    archive: str = "archive"
    category: str = "category"
    tag: str = "tag"
    page: str = "page"
    plans: str = "plans"
    calendar: str = "calendar"


@dataclass(frozen=True)
class Category:
    """A news category, declared once with its name in every language."""

    key: str  # what frontmatter names it by
    names: dict[str, str]

    def name(self, lang: str) -> str:
        return self.names[lang]

    def slug(self, lang: str) -> str:
        # The URL segment follows the language: kinh-te-tap-the / collective-economy.
        return slugify(self.names[lang])


@dataclass(frozen=True)
class FeedSettings:
    """RSS and Atom feeds: how many items, and for which listings besides all news."""

    length: int = 20
    categories: bool = True
    tags: bool = False


@dataclass(frozen=True)
class Settings:
    news_dir: Path
    plans_dir: Path
    timezone: ZoneInfo
    default_language: str
    languages: dict[str, Language]
    categories: tuple[Category, ...]
    build_date: datetime
    page_size: int = 10
    neighbours: int = 5
    summary_length: int = 250
    home_news: int = 5
    i18n_dir: Path = field(default=Path("i18n"))
    feeds: FeedSettings = field(default_factory=FeedSettings)
    share_image: str = "assets/images/chia-se.png"  # in docs/: shown when a shared page has no image of its own
    progress_after: int = 300  # log rendering progress when a language has at least this many items
    progress_every: float = 5.0  # seconds between progress lines

    def category(self, value: str) -> Category | None:
        """Find a category by its key or by its name in any language."""
        wanted = value.strip().casefold()
        for category in self.categories:
            names = {category.key.casefold(), *(n.casefold() for n in category.names.values())}
            if wanted in names:
                return category
        return None

    def category_choices(self) -> str:
        return ", ".join(
            f"{c.key} ({' / '.join(c.names[code] for code in self.languages)})"
            for c in self.categories
        )


URL_SEGMENTS = ("news", "archive", "category", "tag", "page", "plans", "calendar")

DEFAULT_LANGUAGES = {
    "vi": {
        "name": "Tiếng Việt",
        "config": "mkdocs.yml",
        "prefix": "",
        "news": "tin-tuc",
        "archive": "luu-tru",
        "category": "chuyen-muc",
        "tag": "the",
        "page": "trang",
        "plans": "ke-hoach",
        "calendar": "lich-hoat-dong",
    },
    "en": {
        "name": "English",
        "config": "mkdocs.en.yml",
        "prefix": "en",
        "news": "news",
        "archive": "archive",
        "category": "category",
        "tag": "tag",
        "page": "page",
        "plans": "plans",
        "calendar": "calendar",
    },
}


def load_settings(extra: dict, config_dir: Path, environ: dict | None = None) -> Settings:
    """Build Settings from the `extra.campaign` mapping of a MkDocs config."""
    environ = os.environ if environ is None else environ
    raw = dict(extra.get("campaign") or {})

    try:
        tz = ZoneInfo(str(raw.get("timezone", "Asia/Ho_Chi_Minh")))
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise SettingsError(f"extra.campaign.timezone: unknown time zone {raw.get('timezone')!r}") from exc

    languages = {}
    for code, spec in (raw.get("languages") or DEFAULT_LANGUAGES).items():
        spec = {**DEFAULT_LANGUAGES.get(code, {}), **(spec or {})}
        missing = [k for k in ("name", "config", "prefix") if k not in spec]
        if missing:
            raise SettingsError(f"extra.campaign.languages.{code}: missing {', '.join(missing)}")
        languages[code] = Language(
            code=code,
            name=spec["name"],
            config_file=spec["config"],
            prefix=str(spec["prefix"]).strip("/"),
            **{k: str(spec[k]).strip("/") for k in URL_SEGMENTS if k in spec},
        )
    default_language = raw.get("default_language", next(iter(languages)))
    if default_language not in languages:
        raise SettingsError(f"extra.campaign.default_language: {default_language!r} is not in languages")

    categories = []
    for index, spec in enumerate(raw.get("categories") or []):
        if not isinstance(spec, dict) or "key" not in spec:
            raise SettingsError(f"extra.campaign.categories[{index}]: expected a mapping with 'key' and a name per language")
        names = {code: str(spec.get(code, "")).strip() for code in languages}
        missing = [code for code, name in names.items() if not name]
        if missing:
            raise SettingsError(f"extra.campaign.categories[{index}] ({spec['key']}): no name for {', '.join(missing)}")
        categories.append(Category(key=str(spec["key"]), names=names))
    if not categories:
        raise SettingsError("extra.campaign.categories: declare at least one category")

    return Settings(
        news_dir=(config_dir / raw.get("news_dir", "news")).resolve(),
        plans_dir=(config_dir / raw.get("plans_dir", "plans")).resolve(),
        i18n_dir=(config_dir / raw.get("i18n_dir", "i18n")).resolve(),
        timezone=tz,
        default_language=default_language,
        languages=languages,
        categories=tuple(categories),
        build_date=_build_date(raw, tz, environ),
        feeds=_feed_settings(raw.get("feeds") or {}),
        **({"share_image": str(raw["share_image"]).strip("/")} if raw.get("share_image") else {}),
        **({"progress_every": _seconds(raw, "progress_every")} if "progress_every" in raw else {}),
        **{k: _positive_int(raw, k) for k in ("page_size", "neighbours", "summary_length", "home_news", "progress_after") if k in raw},
    )


def _feed_settings(raw: dict) -> FeedSettings:
    if not isinstance(raw, dict):
        raise SettingsError(f"extra.campaign.feeds: expected a mapping (length, categories, tags), got {raw!r}")
    unknown = sorted(set(raw) - {"length", "categories", "tags"})
    if unknown:
        raise SettingsError(f"extra.campaign.feeds: unknown key {', '.join(unknown)}; expected length, categories, tags")
    for key in ("categories", "tags"):
        if key in raw and not isinstance(raw[key], bool):
            raise SettingsError(f"extra.campaign.feeds.{key}: expected true or false, got {raw[key]!r}")
    values = {k: raw[k] for k in ("categories", "tags") if k in raw}
    if "length" in raw:
        values["length"] = _positive_int(raw, "length", "extra.campaign.feeds.")
    return FeedSettings(**values)


def _seconds(raw: dict, key: str) -> float:
    value = raw[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise SettingsError(f"extra.campaign.{key}: expected a number of seconds (0 or more), got {value!r}")
    return float(value)


def _positive_int(raw: dict, key: str, prefix: str = "extra.campaign.") -> int:
    value = raw[key]
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise SettingsError(f"{prefix}{key}: expected a whole number of at least 1, got {value!r}")
    return value


def _build_date(raw: dict, tz: ZoneInfo, environ) -> datetime:
    """The moment the site is built "as of": items dated later are scheduled.

    CAMPAIGN_BUILD_DATE wins over `extra.campaign.build_date`; then
    SOURCE_DATE_EPOCH (so reproducible builds also publish the same items);
    then the clock.
    """
    for source, value in ((BUILD_DATE_ENV, environ.get(BUILD_DATE_ENV)), ("extra.campaign.build_date", raw.get("build_date"))):
        if value not in (None, ""):
            try:
                moment, has_time = parse_datetime(value, tz)
            except DateError as exc:
                raise SettingsError(f"{source}: {exc}") from exc
            # A bare date means "as of the end of that day".
            return moment if has_time else moment.replace(hour=23, minute=59, second=59)
    if environ.get("SOURCE_DATE_EPOCH"):
        return datetime.fromtimestamp(int(environ["SOURCE_DATE_EPOCH"]), UTC).astimezone(tz)
    return datetime.now(tz)
