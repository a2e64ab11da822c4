"""What the build log says about the sources of one language: every file ends up published or reported."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from ..content.folder import SET_ASIDE
from ..content.walk import UNTRANSLATED
from ..news.catalogue import NewsCatalogue
from ..news.model import Status
from ..plans.catalogue import PlanCatalogue


def source_report(news: NewsCatalogue, plans: PlanCatalogue, lang: str, preview: bool) -> Iterator[tuple[int, str]]:
    """(log level, message) for each problem, and for each source left out, drafted, scheduled or set aside."""
    for problem in news.problems_for(lang):
        yield logging.WARNING, str(problem)
    for record in news.records:
        if record.lang != lang:
            continue
        if record.status is Status.ERROR:
            yield logging.WARNING, f"{record.shown}: left out of the site because of the problems above"
        elif record.status is Status.DRAFT:
            yield logging.INFO, f"{record.shown}: draft, {'shown for preview' if preview else 'not published'}"
        elif record.status is Status.SCHEDULED and record.item is not None:
            yield logging.INFO, f"{record.shown}: scheduled for {record.item.date.isoformat()}, not published before then"
    for path in news.walk.set_aside_for(lang) + plans.walk.set_aside_for(lang):
        yield logging.INFO, f"{path}: {SET_ASIDE}"
    for path in news.walk.untranslated_for(lang) + plans.walk.untranslated_for(lang):
        yield logging.INFO, f"{path}: {UNTRANSLATED}"
    for problem in plans.problems_for(lang):
        yield logging.WARNING, str(problem)
    for plan_record in plans.records:
        if plan_record.lang != lang:
            continue
        if plan_record.content is None:
            yield logging.WARNING, f"{plan_record.file.shown}: plan left out of the site because of the problems above"
        elif plan_record.parts_left_out:
            yield (logging.WARNING, f"{plan_record.file.shown}: published without {plan_record.parts_left_out} of its activities "
                   "because of the problems above")
