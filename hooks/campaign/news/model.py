"""The content model of news: one item, as read from its Markdown file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path, PurePosixPath

from ..core.settings import Category


class Status(Enum):
    PUBLISHED = "published"
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    ERROR = "error"


@dataclass(frozen=True)
class FeaturedImage:
    """An item's image, resolved once by the reader: where it is, and how big."""

    src: str  # as written: relative to the Markdown file, or an absolute URL
    alt: str
    caption: str | None
    path: str | None = None  # a local image's path within the news folder ("2024/images/a.jpg"); None: external
    file: Path | None = None  # a local image's file on disk
    size: tuple[int, int] | None = None  # intrinsic width and height, when the file says

    @property
    def is_external(self) -> bool:
        return self.path is None


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

    @property
    def sort_key(self) -> tuple:
        # Newest first, then by source path so the order is the same in every build.
        return (-self.date.timestamp(), str(self.source))

    @property
    def last_change(self) -> datetime:
        return self.updated or self.date
