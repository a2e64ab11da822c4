"""Read one plan file (`type: plan`) into a Plan, or into the problems that keep it out.

A problem in the plan's own fields leaves the plan out; a problem in one
activity leaves out that activity only. Activities are numbered from 1 in
messages: `activities[3].end` is the third activity's `end`.
"""

from __future__ import annotations

from datetime import datetime, time

import yaml

from ..content.field_reader import FieldReader
from ..content.fields import ACTIVITY_FIELDS, DATE_RANGE_FIELDS, PLAN_FIELDS
from ..content.source import SourceText, child_node, key_from_name, language_from_name, mapping_lines, read_source
from ..content.walk import ContentFile, ReadResult, untranslated
from ..core.problems import Problem, describe, quoted
from ..core.settings import Settings
from ..core.slugs import slugify
from .model import Activity, DateRange, Plan


def read_plan(file: ContentFile, settings: Settings) -> ReadResult[Plan]:
    lang = language_from_name(file.source, settings)
    parsed, problems = read_source(file.path, file.shown)
    if parsed is None:
        return ReadResult(lang, None, tuple(problems))
    if untranslated(parsed.frontmatter, parsed.body, lang, PLAN_FIELDS, settings):
        return ReadResult(lang, None, untranslated=True)
    return _PlanReader(parsed, file, settings, lang).read()


class _PlanReader(FieldReader):
    def __init__(self, parsed: SourceText, file: ContentFile, settings: Settings, lang: str):
        super().__init__(PLAN_FIELDS, parsed.frontmatter, parsed.field_lines, file.shown, settings, warnings=list(parsed.warnings))
        self.parsed, self.source, self.lang = parsed, file.source, lang

    def read(self) -> ReadResult[Plan]:
        self.unknown_fields()
        if self.data.get("type") != "plan":
            self.problem("type", f"expected 'type: plan' in a file of {self.settings.plans_dir.name}/, got {describe(self.data.get('type'))}")
        lang = self.language(self.lang)
        title = self.text("title")
        slug = self.slug(title)
        number = self.text("number")
        issued = self.moment("issued")
        issuer = self.text("issuer")
        period = self.date_range("period")
        peak = self.date_range("peak")
        if period and peak and not period.covers(peak):
            self.problem("peak", f"{_show(peak)} is not within the period {_show(period)}")
        messages = self.text_list("messages")
        translation_key = self.text("translation_key") or key_from_name(self.source, self.settings)
        signed_by, theme, updated = self.text("signed_by"), self.text("theme"), self.moment("updated")
        plan_problems = list(self.problems)

        activities = self.activities(period)
        if plan_problems or title is None or issuer is None or period is None or not slug:
            return ReadResult(lang, None, self.reported)
        given = self.data.get("activities")
        return ReadResult(lang, Plan(
            source=self.source, lang=lang, title=title, slug=slug,
            translation_key=translation_key, number=number, issued=issued.date() if issued else None, issuer=issuer,
            period=period, body=self.parsed.body, signed_by=signed_by, theme=theme, messages=messages, peak=peak,
            updated=updated, activities=tuple(activities),
        ), self.reported, len(given) - len(activities) if isinstance(given, list) else 0)

    def date_range(self, name: str) -> DateRange | None:
        value = self.data.get(name)
        if value is None:
            if self.is_required(name):
                self.problem(name, "missing; expected {start: 2024-01-01, end: 2024-12-31}")
            return None
        if not isinstance(value, dict) or set(value) != {"start", "end"}:
            self.problem(name, "expected a start and an end, e.g. {start: 2024-03-29, end: 2024-04-29}")
            return None
        inner = FieldReader(DATE_RANGE_FIELDS, value, mapping_lines(child_node(self.parsed.node, name)), self.shown, self.settings,
                            self.problems, prefix=f"{name}.", line=self.lines.get(name), warnings=self.warnings)
        start, end = inner.moment("start"), inner.moment("end")
        if start is None or end is None:
            return None
        if end < start:
            inner.problem("end", f"{end.date().isoformat()} is before the start {start.date().isoformat()}")
            return None
        return DateRange(start.date(), end.date())

    def text_list(self, name: str) -> tuple[str, ...]:
        value = self.data.get(name)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(name, f"expected a list of sentences, one per line starting with '- ', got {_list_of(value)}")
            return ()
        return tuple(" ".join(v.split()) for v in value)

    def activities(self, period: DateRange | None) -> list[Activity]:
        value = self.data.get("activities")
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem("activities", "expected a list of activities, each starting with '- title: ...'")
            return []
        nodes = child_node(self.parsed.node, "activities")
        node_list = nodes.value if isinstance(nodes, yaml.SequenceNode) else []
        activities: list[Activity] = []
        ids: dict[str, Activity] = {}
        for number, data in enumerate(value, start=1):
            node = node_list[number - 1] if number <= len(node_list) else None
            line = node.start_mark.line + 2 if node is not None else self.lines.get("activities")
            reader = _ActivityReader(data, node, number, line, self)
            activity = reader.read()
            if activity is None:
                continue
            if period is not None:
                reader.within(period, activity)
            if activity.id in ids:
                first = ids[activity.id]
                self.problems.append(Problem(
                    self.shown, line, f"activities[{number}].id",
                    f"“{activity.title}”: id {activity.id!r} is already used by activity {first.number} (“{first.title}”); give one of them its own 'id'",
                ))
                continue
            ids[activity.id] = activity
            activities.append(activity)
        return activities


class _ActivityReader(FieldReader):
    def __init__(self, data: object, node: yaml.Node | None, number: int, line: int | None, plan: _PlanReader):
        self.raw = data
        title = data.get("title") if isinstance(data, dict) else None
        label = f"“{' '.join(str(title).split())}”: " if isinstance(title, str) and title.strip() else "(no title): "
        super().__init__(ACTIVITY_FIELDS, data if isinstance(data, dict) else {}, mapping_lines(node), plan.shown, plan.settings, plan.problems,
                         prefix=f"activities[{number}].", context=label, line=line, warnings=plan.warnings)
        self.number = number

    def read(self) -> Activity | None:
        if not isinstance(self.raw, dict):
            self.problems.append(Problem(
                self.shown, self.line, f"activities[{self.number}]", "expected 'title:', 'start:' and the other fields of an activity",
            ))
            return None
        before = len(self.problems)
        self.unknown_fields()
        title = self.text("title")
        start = self.moment_and_time("start")
        end = self.moment_and_time("end")
        timed = start is not None and start[1]
        all_day = self.flag("all_day", default=not timed)
        if start is not None:
            if all_day and timed:
                self.problem("all_day", "is true, but start has a time of day; remove the time or 'all_day'")
            elif not all_day and not timed:
                self.problem("start", "has no time of day, but all_day is false; write it like 2024-04-02 08:00")
        if start is not None and end is not None:
            if all_day and end[1]:
                self.problem("end", "has a time of day, but the activity lasts whole days; remove the time")
            elif not all_day and not end[1]:
                self.problem("end", "needs a time of day like start, e.g. 2024-04-02 17:00")
            elif end[0] < start[0]:
                self.problem("end", f"{_moment(end)} is before the start {_moment(start)}")
        given_id = self.text("id")
        activity_id = slugify(given_id or title or "")
        if given_id is not None and not activity_id:
            self.problem("id", f"expected letters, digits and hyphens, got {quoted(given_id)}")
        tentative, key = self.flag("tentative"), self.flag("key")
        if len(self.problems) > before or title is None or start is None or not activity_id:
            return None
        tz = self.settings.timezone
        starts, ends = start[0].astimezone(tz), end[0].astimezone(tz) if end else None
        return Activity(
            id=activity_id, number=self.number, title=title,
            start=_day_start(starts) if all_day else starts,
            end=(_day_start(ends) if all_day else ends) if ends else None,
            all_day=all_day, location=self.text("location"), lead=self.text("lead"),
            tentative=tentative, key=key, description=self.text("description"),
        )


    def within(self, period: DateRange, activity: Activity) -> None:
        """An activity outside its plan's period is published, with a warning: the period or the date may be wrong."""
        first, last = activity.start.date(), (activity.end or activity.start).date()
        if first < period.start:
            self.warning("start", f"{first.isoformat()} is before the plan's period {_show(period)}")
        elif last > period.end:
            self.warning("end" if activity.end else "start", f"{last.isoformat()} is after the plan's period {_show(period)}")


def _list_of(value: object) -> str:
    """What a list of texts holds instead, as a message says it."""
    if not isinstance(value, list):
        return describe(value)
    wrong = next(v for v in value if not (isinstance(v, str) and v.strip()))
    return f"a list whose item {value.index(wrong) + 1} is {'empty' if isinstance(wrong, str) or wrong is None else describe(wrong)}"


def _day_start(moment: datetime) -> datetime:
    return datetime.combine(moment.date(), time(), tzinfo=moment.tzinfo)


def _moment(parsed: tuple[datetime, bool]) -> str:
    moment, has_time = parsed
    return moment.strftime("%Y-%m-%d %H:%M") if has_time else moment.date().isoformat()


def _show(span: DateRange) -> str:
    return f"{span.start.isoformat()} – {span.end.isoformat()}"

