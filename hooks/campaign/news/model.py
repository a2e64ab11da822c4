"""The content model: one news item, as read from its Markdown file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import PurePosixPath

from ..core.settings import Category


class Status(Enum):
    PUBLISHED = "published"
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    ERROR = "error"


@dataclass(frozen=True)
class FeaturedImage:
    src: str  # as written: relative to the Markdown file, or an absolute URL
    alt: str
    caption: str | None

    @property
    def is_external(self) -> bool:
        return "://" in self.src or self.src.startswith("//")


@dataclass
class NewsItem:
    source: PurePosixPath  # relative to the news folder, e.g. 2024/slug.md
    lang: str
    title: str
    date: datetime  # aware
    category: Category
    slug: str
    translation_key: str
    body: str  # Markdown, NFC, LF line ends, frontmatter removed
    tags: tuple[str, ...] = ()
    author: str | None = None
    summary: str | None = None  # from frontmatter; else filled from the rendered body
    image: FeaturedImage | None = None
    draft: bool = False
    updated: datetime | None = None
    status: Status = Status.PUBLISHED
    html: str | None = field(default=None, repr=False)  # set once the article is rendered

    @property
    def sort_key(self) -> tuple:
        # Newest first, then by source path so the order is the same in every build.
        return (-self.date.timestamp(), str(self.source))
