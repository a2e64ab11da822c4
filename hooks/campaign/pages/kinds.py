"""A type per kind of generated page: where it is, its title and template, and what it shows.

Code that treats kinds differently matches on these types; there are no kind
strings and no side tables. Hand-written pages (docs/) are MkDocs' own and
have no type here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..news.collections import Listing
from ..news.model import NewsItem
from ..plans.calendar import ActivityCalendar
from ..plans.model import Plan


@dataclass(frozen=True)
class _Page:
    path: str  # directory path within this language's site, e.g. "tin-tuc/2024/02/slug/"
    title: str  # plain text

    template: ClassVar[str]  # in overrides/campaign/, without ".html"
    # A table of contents beside the page, where it is long enough to need one; otherwise the content gets its width.
    toc: ClassVar[bool] = False

    @property
    def markdown(self) -> str:
        """The page's own Markdown, rendered by MkDocs into `page.content`."""
        return ""


@dataclass(frozen=True)
class ArticlePage(_Page):
    item: NewsItem
    template: ClassVar[str] = "article"

    @property
    def markdown(self) -> str:
        return self.item.body


@dataclass(frozen=True)
class ListingPage(_Page):
    """Page `number` of a news listing: all news, a year, a month, a category or a tag."""

    listing: Listing
    number: int
    template: ClassVar[str] = "listing"


@dataclass(frozen=True)
class ArchivePage(_Page):
    """Years and months with their counts, categories, tags."""

    template: ClassVar[str] = "archive"


@dataclass(frozen=True)
class PlanPage(_Page):
    plan: Plan
    template: ClassVar[str] = "plan"
    toc: ClassVar[bool] = True

    @property
    def markdown(self) -> str:
        return self.plan.body


@dataclass(frozen=True)
class PlansIndexPage(_Page):
    plans: tuple[Plan, ...]
    template: ClassVar[str] = "plans"


@dataclass(frozen=True)
class CalendarPage(_Page):
    """The activity calendar of all plans (plan None), or of one plan."""

    plan: Plan | None
    calendar: ActivityCalendar
    template: ClassVar[str] = "calendar"


GeneratedPage = ArticlePage | ListingPage | ArchivePage | PlanPage | PlansIndexPage | CalendarPage
