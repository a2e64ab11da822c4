"""All plan documents of the site, in every language, with the checks across files."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..core.problems import Problem
from ..core.settings import Settings
from ..news.catalogue import markdown_sources
from .model import Plan
from .reader import read_plan


@dataclass(frozen=True)
class PlanRecord:
    """What became of one plan file: published (maybe without some activities), or left out."""

    shown: str
    lang: str
    plan: Plan | None
    activities_left_out: int = 0


@dataclass
class PlanCatalogue:
    records: list[PlanRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    problem_langs: dict[str, str] = field(default_factory=dict)  # problem path -> language

    def plans(self, lang: str) -> list[Plan]:
        """The plans of a language, by the start of their period, then by file."""
        plans = [r.plan for r in self.records if r.lang == lang and r.plan is not None]
        return sorted(plans, key=lambda plan: (plan.period.start, str(plan.source)))

    def problems_for(self, lang: str) -> list[Problem]:
        return [p for p in self.problems if self.problem_langs[p.path] == lang]

    def translations(self, plan: Plan) -> dict[str, Plan]:
        return {
            r.lang: r.plan for r in self.records
            if r.plan is not None and r.lang != plan.lang and r.plan.translation_key == plan.translation_key
        }


def build_plan_catalogue(settings: Settings, project_dir: Path) -> PlanCatalogue:
    catalogue = PlanCatalogue()
    seen_slugs: dict[tuple[str, str], str] = {}
    seen_keys: dict[tuple[str, str], str] = {}
    for path in markdown_sources(settings.plans_dir) if settings.plans_dir.is_dir() else []:
        source = PurePosixPath(path.relative_to(settings.plans_dir).as_posix())
        shown = Path(os.path.relpath(path, project_dir)).as_posix()
        result = read_plan(path, source, shown, settings)
        problems = list(result.problems)
        plan = result.plan
        if plan is not None:
            # Clashes with an earlier file (in path order): the earlier one stays.
            first = seen_slugs.setdefault((plan.lang, plan.slug), shown)
            if first != shown:
                problems.append(Problem(shown, None, "slug", f"same URL as {first}; change 'slug' (or the title) of one of them"))
                plan = None
            else:
                first = seen_keys.setdefault((plan.lang, plan.translation_key), shown)
                if first != shown:
                    problems.append(Problem(shown, None, "translation_key", f"{plan.translation_key!r} is already used by {first} in the same language ({plan.lang})"))
                    plan = None
        for problem in problems:
            catalogue.problems.append(problem)
            catalogue.problem_langs[problem.path] = result.lang
        catalogue.records.append(PlanRecord(shown, result.lang, plan, result.activities_left_out if plan else 0))
    catalogue.problems.sort(key=lambda p: (p.path, p.line or 0, p.field))
    return catalogue
