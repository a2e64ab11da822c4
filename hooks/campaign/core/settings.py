"""The engine's settings, as the rest of the engine reads them: typed, resolved, frozen.

They are declared, defaulted, documented and checked once, as
`extra.campaign` in mkdocs.yml, by `build.config.CampaignConfig`; this module
holds only the result (folders resolved, the time zone loaded, categories as
objects), so no other package needs MkDocs to read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from .slugs import slugify


class SettingsError(ValueError):
    """A mistake in `extra.campaign` or in the UI strings; the message says which key and why."""


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
    news: str
    archive: str
    category: str
    tag: str
    page: str
    plans: str
    calendar: str


@dataclass(frozen=True)
class Category:
    """A news category, declared once with its name in every language."""

    key: str  # what frontmatter names it by
    names: dict[str, str] = field(hash=False)
    image: str | None = None  # in docs/: the picture of its items that have none of their own

    def name(self, lang: str) -> str:
        return self.names[lang]

    def slug(self, lang: str) -> str:
        # The URL segment follows the language: kinh-te-tap-the / collective-economy.
        return slugify(self.names[lang])


@dataclass(frozen=True)
class EditorSettings:
    """The web editor at /admin/ (Decap CMS): where it saves, and how."""

    # Decap's `backend` keys: name (github, gitlab, gitea), repo, branch, …; None: no Git host, the editor is only
    # in the preview and saves through `./dev edit`.
    backend: tuple[tuple[str, str | bool], ...] | None
    publish_mode: str  # "editorial_workflow" (drafts and reviews as pull/merge requests) or "simple"
    local_port: int  # where `./dev edit` runs decap-server, the proxy that saves into this folder


@dataclass(frozen=True)
class FeedSettings:
    """RSS and Atom feeds: how many items, and for which listings besides all news."""

    length: int
    categories: bool
    tags: bool


@dataclass(frozen=True)
class Publisher:
    """Who publishes the site, for its footer: texts per language code (one text for all is stored under each)."""

    name: dict[str, str] = field(default_factory=dict)
    address: dict[str, str] = field(default_factory=dict)
    telephone: str = ""
    email: str = ""
    copyright: dict[str, str] = field(default_factory=dict)  # default: "© <year of the build> <name>"


@dataclass(frozen=True)
class Settings:
    news_dir: Path
    plans_dir: Path
    i18n_dir: Path
    timezone: ZoneInfo
    default_language: str
    languages: dict[str, Language]
    categories: tuple[Category, ...]
    build_date: datetime  # aware: items dated later are scheduled
    page_size: int
    neighbours: int
    summary_length: int
    home_news: int
    related: int
    feeds: FeedSettings
    share_image: str  # in docs/
    progress_after: int
    progress_every: float
    embeds: tuple[str, ...] = ()  # https:// prefixes an <iframe> in a body may show
    precompress: bool = False  # a .gz beside each text file the build writes
    search_lead_words: int = 80  # body words indexed in full; after them only rare words (0: all)
    publisher: Publisher = field(default_factory=Publisher)
    editor: EditorSettings | None = None  # None: no /admin/

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
