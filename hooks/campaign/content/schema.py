"""JSON Schemas of the news and plan frontmatter, for editors, made from fields.py.

They check what a schema can check by itself: field names, required fields,
types, date formats, the category list. What needs the whole site (two items
at one URL, an image that exists, a real calendar date) stays with `check`.
"""

from __future__ import annotations

import json

from ..core.dates import EXPECTED as DATE_FORMATS
from ..core.settings import Settings
from .fields import ACTIVITY_FIELDS, DATE_RANGE_FIELDS, NEWS_FIELDS, PLAN_FIELDS, Field, FieldSet

DRAFT = "http://json-schema.org/draft-07/schema#"  # what VS Code's YAML extension and most editors read

# The written forms parse_datetime accepts (dates.py); YAML may also give a date or a timestamp.
DATE_PATTERN = (
    r"^(\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}/\d{1,2}/\d{4}( \d{1,2}:\d{2}(:\d{2})?)?)$"
)


def news_schema(settings: Settings) -> dict:
    return _document("news", "Tin tức / News item", NEWS_FIELDS, settings)


def plan_schema(settings: Settings) -> dict:
    return _document("plan", "Kế hoạch / Plan", PLAN_FIELDS, settings)


def dumps(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _document(name: str, title: str, fields: FieldSet, settings: Settings) -> dict:
    return {"$schema": DRAFT, "$id": f"{name}.schema.json", "title": title, **_object(fields, settings)}


def _object(fields: FieldSet, settings: Settings) -> dict:
    return {
        "type": "object",
        "properties": {f.name: _property(f, settings) for f in fields},
        "required": list(fields.required),
        "additionalProperties": False,
    }


def _property(field: Field, settings: Settings) -> dict:
    return {"description": field.help, **_kind(field.kind, settings)}


def _kind(kind: str, settings: Settings) -> dict:
    text = {"type": ["string", "number"]}
    if kind == "text":
        return {**text, "minLength": 1}
    if kind == "date":
        return {"type": "string", "pattern": DATE_PATTERN, "$comment": f"parse_datetime accepts {DATE_FORMATS}"}
    if kind == "flag":
        return {"type": "boolean"}
    if kind == "language":
        return {"enum": list(settings.languages)}
    if kind == "category":
        choices = []
        for category in settings.categories:
            choices += [category.key, *category.names.values()]
        return {"enum": list(dict.fromkeys(choices))}
    if kind == "tags":
        return {"anyOf": [{"type": "string", "minLength": 1}, {"type": "array", "items": {**text, "minLength": 1}}]}
    if kind in ("path_or_url", "slug"):
        return {"type": "string", "minLength": 1}
    if kind == "plan_type":
        return {"const": "plan"}
    if kind == "text_list":
        return {"type": "array", "items": {"type": "string", "minLength": 1}}
    if kind == "date_range":
        return _object(DATE_RANGE_FIELDS, settings)
    if kind == "activities":
        return {"type": "array", "items": _object(ACTIVITY_FIELDS, settings)}
    raise ValueError(kind)
