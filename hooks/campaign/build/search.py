"""What each page gives the search index: what readers look for, never the page's furniture.

Articles: title, summary (when written), body and tags, with their date and
category shown in results and offered as filters. Plans: title, theme,
messages, body and activities. Hand-written pages: title and body. Listings,
archives, the plans index and calendars get no record.
"""

from __future__ import annotations

from ..core.i18n import Strings
from ..output.search import IndexWritten, SearchRecord
from ..pages.kinds import ArticlePage, GeneratedPage, PlanPage
from ..views.news import ArticlePageView
from ..views.pages import PageView
from ..views.plans import PlanPageView


def search_record(page: GeneratedPage | None, view: PageView, path: str, title: str, content: str,
                  strings: Strings) -> SearchRecord | None:
    """The record of the page at `path`, or None for a page kept out of search."""
    match page, view:
        case ArticlePage(item=item), ArticlePageView(article=article):
            return SearchRecord(
                path=path, title=article.title, body=content,
                intro=(item.summary,) if item.summary else (),
                outro=(f"{strings['tags']}: {', '.join(tag.text for tag in article.tags)}",) if article.tags else (),
                meta={"date": article.date.short, "section": article.category.text},
                filters={"category": article.category.text, "year": str(item.date.year)},
                sort={"date": str(int(item.date.timestamp()))},
            )
        case PlanPage(plan=plan), PlanPageView(plan=view_plan):
            activities = tuple(
                " · ".join(part for part in (a.title, a.when, a.location, a.lead, a.description) if part)
                for a in view_plan.activities
            )
            return SearchRecord(
                path=path, title=view_plan.title, body=content,
                intro=tuple(part for part in (view_plan.number, view_plan.theme, *view_plan.messages) if part),
                outro=activities,
                meta={"date": view_plan.period, "section": strings["plan"]},
                filters={"year": str(plan.period.start.year)},
            )
        case None, _:
            return SearchRecord(path=path, title=title, body=content)
    return None


def search_written_message(count: int, written: IndexWritten) -> str | None:
    """What the build log says of the index it wrote, handed to the background or kept; None for no index."""
    match written.how:
        case "background":
            return f"{count} pages being indexed by Pagefind, ready in a few seconds"
        case "kept":
            return f"{count} pages, the same as the index kept in the cache, {written.size / 1e6:.1f} MB"
        case "indexed":
            return f"{count} pages indexed by Pagefind in {written.seconds:.1f} s, {written.size / 1e6:.1f} MB"
    return None
