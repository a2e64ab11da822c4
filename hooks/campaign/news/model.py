"""The content model of news: one item, as read from its Markdown file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from functools import cached_property
from pathlib import Path, PurePosixPath

from ..core.settings import Category


class Status(Enum):
    PUBLISHED = "published"
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    ERROR = "error"


@dataclass(frozen=True)
class LocalImage:
    """An image file kept beside the news, resolved once by the reader: where it is, and how big."""

    path: str  # within the news folder, e.g. "2024/images/a.jpg"
    file: Path  # on disk
    size: tuple[int, int] | None  # intrinsic width and height, when the file says


@dataclass(frozen=True)
class FeaturedImage:
    src: str  # as written: relative to the Markdown file, or an absolute URL
    alt: str
    caption: str | None
    local: LocalImage | None = None  # None: an external image (https://…)


@dataclass(frozen=True, eq=False)
class NewsItem:
    source: PurePosixPath  # relative to the news folder, e.g. 2024/slug.md: unique, the item's identity in a build
    lang: str
    title: str
    date: datetime  # aware
    category: Category
    slug: str
    translation_key: str
    body: str  # Markdown, NFC, LF line ends, frontmatter removed
    tags: tuple[str, ...] = ()
    author: str | None = None
    summary: str | None = None  # from frontmatter; else derived from the rendered body (news.summary)
    image: FeaturedImage | None = None
    draft: bool = False
    updated: datetime | None = None

    @cached_property
    def sort_key(self) -> tuple:
        # Newest first, then by source path so the order is the same in every build. Kept: items are
        # sorted again every build, and the content cache hands back the same item objects.
        return (-self.date.timestamp(), str(self.source))

    @property
    def last_change(self) -> datetime:
        return self.updated or self.date
