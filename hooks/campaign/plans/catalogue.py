"""All plan documents of the site, in every language."""

from __future__ import annotations

from pathlib import Path

from ..content.source import language_from_name
from ..content.walk import Record, Walk, walk
from ..core.problems import Problem
from ..core.settings import Settings
from ..core.urls import UrlScheme
from .model import Plan
from .reader import read_plan


class PlanCatalogue:
    def __init__(self, walked: Walk[Plan]):
        self.walk = walked

    @property
    def records(self) -> tuple[Record[Plan], ...]:
        return self.walk.records

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.walk.problems

    def problems_for(self, lang: str) -> list[Problem]:
        return self.walk.problems_for(lang)

    def plans(self, lang: str) -> list[Plan]:
        """The plans of a language, by the start of their period, then by file."""
        plans = [r.content for r in self.walk.records if r.lang == lang and r.content is not None]
        return sorted(plans, key=lambda plan: (plan.period.start, str(plan.source)))

    def translations(self, plan: Plan) -> dict[str, Plan]:
        return {
            r.lang: r.content for r in self.walk.records
            if r.content is not None and r.lang != plan.lang and r.content.translation_key == plan.translation_key
        }


def read_plans(settings: Settings, project_dir: Path) -> PlanCatalogue:
    schemes = {lang: UrlScheme(settings, lang) for lang in settings.languages}

    def site_path(plan: Plan) -> str:
        scheme = schemes[plan.lang]
        return scheme.site_path(scheme.plan(plan.slug))

    return PlanCatalogue(walk(settings.plans_dir, project_dir, lambda file: read_plan(file, settings), site_path,
                                      lambda source: language_from_name(source, settings)))
