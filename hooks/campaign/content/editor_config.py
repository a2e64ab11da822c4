"""The web editor's configuration (Decap CMS's config.yml), made from fields.py and the site's settings.

Like the JSON Schemas (schema.py), a form checks what a field can check by
itself: required fields, date forms, the category list. What needs the whole
site (two items at one URL, a missing image, 31 February) is reported by the
build and by `./dev check` in CI, where every change made in the editor lands.

Bilingual items are edited side by side (Decap's i18n, `multiple_files`): it
writes `slug.vi.md` beside `slug.en.md`, since it cannot leave the default
language's suffix out; the readers take `slug.vi.md` as they take `slug.md`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from ..core.settings import Settings
from .fields import ACTIVITY_FIELDS, DATE_RANGE_FIELDS, NEWS_FIELDS, PLAN_FIELDS, Field, FieldSet
from .schema import DATE_PATTERN

# In the project: committed for people to read, kept current by `./dev schemas`, compared by `./dev check`. The build
# serves a configuration made afresh for its own address (output/editor.py).
EDITOR_CONFIG = "editor/config.yml"

HEADER = ("# The web editor's configuration (Decap CMS), made by `./dev schemas` from hooks/campaign/content/fields.py\n"
          "# and mkdocs.yml (extra.campaign: categories, languages, editor). Do not edit: run ./dev schemas.\n")

# Fields the editor leaves out: the language and the translation link follow from the file names it writes.
FROM_FILE_NAME = ("lang", "translation_key")

# The editor writes `title: Yes` without quotes, which YAML 1.1 (and so the readers) takes as true: refused, as
# `./dev check` would.
YAML_WORD = [r"^(?!(yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|true|True|TRUE|false|False|FALSE)$)[\s\S]*$",
             "Yes, No, On, Off, True, False một mình là đúng/sai trong YAML: thêm một chữ hay dấu"]

FORM_HINTS = {"category": "Một trong các chuyên mục khai báo trong mkdocs.yml."}

# What the editor writes: the forms the readers accept (core.dates), naive times being in the site's time zone.
DATETIME_FORMAT = "YYYY-MM-DD HH:mm"
DAY_FORMAT = "YYYY-MM-DD"


def editor_config(settings: Settings, project_dir: Path, site_url: str, preview: bool = False) -> dict[str, Any]:
    """Decap CMS's configuration; `settings.editor` must be set. Folders are written relative to `project_dir`.

    `preview`: for `serve` (`./dev edit`), where the editor saves through decap-server into the project folder.
    """
    editor = settings.editor
    assert editor is not None
    languages = list(settings.languages)
    local = f"http://127.0.0.1:{editor.local_port}/api/v1"
    config: dict[str, Any] = {
        "locale": "vi",
        # Without a Git host, decap-server (`./dev edit`) is the only backend.
        "backend": dict(editor.backend) if editor.backend else {"name": "proxy", "proxy_url": local},
        "publish_mode": editor.publish_mode,
        "site_url": site_url,
        # Uploads of the hand-written pages; news items and plans keep theirs beside them (each collection's own).
        "media_folder": "docs/assets/images",
        "public_folder": "/assets/images",
        # File names and uploads: no diacritics, đ → d, as the site's own slugs.
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "i18n": {"structure": "multiple_files", "locales": [settings.default_language, *(c for c in languages if c != settings.default_language)],
                 "default_locale": settings.default_language},
        "collections": [_news(settings, project_dir), _plans(settings, project_dir), _pages()],
    }
    if preview:
        # On 127.0.0.1 or localhost, the editor saves through decap-server into the project folder instead.
        # Left out of a published site, whose editor would otherwise look for it on its readers' machines.
        config["local_backend"] = {"url": local}
    return config


def dumps(config: dict[str, Any]) -> str:
    return HEADER + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)


def _news(settings: Settings, project_dir: Path) -> dict[str, Any]:
    return {
        **_collection("news", "Tin tức", "tin", "Tin bài của chiến dịch. Bản tiếng Anh soạn bên cạnh, ở cột phải.",
                      Path(os.path.relpath(settings.news_dir, project_dir)).as_posix()),
        # news/2024/ten-bai.vi.md, as `./dev new` places it (the year of the date field; the folder is not the URL).
        "path": "{{year}}/{{slug}}",
        # Pictures beside the item, in its year's images/ folder, written relative to it as the reader expects.
        "media_folder": "images",
        "public_folder": "images",
        "summary": "{{title}} · {{date | date('DD/MM/YYYY')}}",
        "sortable_fields": ["date", "title", "category"],
        "view_groups": [{"label": "Năm", "field": "date", "pattern": r"\d{4}"}],
        "fields": [*_fields(NEWS_FIELDS, settings), _body("Nội dung bài viết.")],
    }


def _plans(settings: Settings, project_dir: Path) -> dict[str, Any]:
    return {
        **_collection("plans", "Kế hoạch", "kế hoạch", "Kế hoạch và các hoạt động của chúng; hoạt động hiện trên lịch và trang chủ.",
                      Path(os.path.relpath(settings.plans_dir, project_dir)).as_posix()),
        "path": "{{year}}/{{slug}}",  # plans/<this year>/…, as `./dev new plan` places it
        "media_folder": "images",
        "public_folder": "images",
        "summary": "{{title}}",
        "fields": [*_fields(PLAN_FIELDS, settings), _body("Văn bản kế hoạch: mục đích, yêu cầu, tổ chức thực hiện.")],
    }


def _pages() -> dict[str, Any]:
    """The hand-written pages of docs/ (home, about): edited, never created or deleted here."""
    return {
        **_collection("pages", "Trang", "trang", "Các trang viết tay: trang chủ (phần giới thiệu), Giới thiệu.", "docs"),
        "create": False,
        "delete": False,
        "media_folder": "assets/images",
        "public_folder": "assets/images",
        "fields": [
            {"label": "Tiêu đề", "name": "title", "widget": "string", "pattern": list(YAML_WORD), "i18n": True},
            # The page's layout, kept as it is.
            {"label": "Mẫu trang", "name": "template", "widget": "hidden", "required": False, "i18n": "duplicate"},
            {"label": "Ẩn", "name": "hide", "widget": "hidden", "required": False, "i18n": "duplicate"},
            _body("Nội dung trang."),
        ],
    }


def _collection(name: str, label: str, singular: str, description: str, folder: str) -> dict[str, Any]:
    """What every collection shares: a folder of Markdown files with YAML frontmatter, one file per language."""
    return {"name": name, "label": label, "label_singular": singular, "description": description, "folder": folder,
            "create": True, "extension": "md", "format": "yaml-frontmatter", "i18n": True}


def _body(hint: str) -> dict[str, Any]:
    # Not required, as the readers do not require it (a plan may be its frontmatter alone).
    return {"label": "Nội dung", "name": "body", "widget": "markdown", "required": False, "hint": hint, "i18n": True}


def _fields(fields: FieldSet, settings: Settings) -> list[dict[str, Any]]:
    # A shared field (fields.py) is copied from the default language's side into the others ("duplicate").
    return [_field(f, settings, "duplicate" if f.shared else True) for f in fields if f.name not in FROM_FILE_NAME]


def _field(field: Field, settings: Settings, i18n: str | bool, within_optional: bool = False) -> dict[str, Any]:
    spec: dict[str, Any] = {"label": field.label, "name": field.name, **_widget(field, settings, i18n)}
    # A form requires a part of an optional group whether the group is filled or not: only the reader can say
    # "both or neither" (a peak's start and end).
    if not field.required or within_optional:
        spec["required"] = False
    # The Vietnamese half of the help, without YAML's shape; a list to pick from says where its choices come from.
    hint = FORM_HINTS.get(field.kind) or field.help.split(" / ")[0].replace(" {start, end}", "")
    if hint:
        spec["hint"] = hint
    spec["i18n"] = True if field.kind in ("date_range", "activities") else i18n
    return spec


def _widget(field: Field, settings: Settings, i18n: str | bool) -> dict[str, Any]:
    kind = field.kind
    if kind == "date":
        if field.editor == "datetime":
            return {"widget": "datetime", "format": DATETIME_FORMAT}
        if field.editor == "day":
            return {"widget": "datetime", "format": DAY_FORMAT, "time_format": False}
        return {"widget": "string", "pattern": [DATE_PATTERN, "Ngày như 2024-04-02, hoặc ngày và giờ như 2024-04-02 08:00"]}
    if kind == "text":
        return {"widget": "text" if field.editor == "text" else "string", "pattern": list(YAML_WORD)}
    if kind == "flag":
        return {"widget": "boolean"}
    if kind == "category":
        options = [{"label": " / ".join(c.names[code] for code in settings.languages), "value": c.key} for c in settings.categories]
        return {"widget": "select", "options": options}
    if kind in ("tags", "text_list"):
        return {"widget": "list", "allow_add": True}
    if kind == "path_or_url":
        return {"widget": "image", "choose_url": True}
    if kind == "slug":
        return {"widget": "string", "pattern": ["^[a-z0-9]+(-[a-z0-9]+)*$", "Chữ thường không dấu, số và dấu gạch ngang, ví dụ le-phat-dong"]}
    if kind == "plan_type":
        return {"widget": "hidden", "default": "plan"}
    if kind == "date_range":
        # Decap takes only true or false for an object; what its parts say (copied or translated) applies.
        parts = [_field(f, settings, i18n, within_optional=not field.required) for f in DATE_RANGE_FIELDS]
        return {"widget": "object", "collapsed": False, "fields": parts}
    if kind == "activities":
        # Each language's file has its own list (Decap copies nothing inside a list), so every part is its own.
        return {"widget": "list", "label_singular": "hoạt động", "summary": "{{fields.title}} · {{fields.start}}",
                "fields": [_field(f, settings, True) for f in ACTIVITY_FIELDS]}
    raise ValueError(kind)
