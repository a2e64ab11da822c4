"""The authoring tool: start a news item or a plan, check all content, write the files made from the field table.

    ./dev new news "Tiêu đề bài viết" [--lang en] [--category KEY] [--translation-of PATH]
    ./dev new plan "Tiêu đề kế hoạch" [--lang en]
    ./dev check
    ./dev schemas [--check]

It reads the same settings (mkdocs.yml, extra.campaign) and runs the same
readers as the build, without building: `check` reports exactly what a build
would, in the `file:line: field: message` form editors and CI understand.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path, PurePosixPath

import click
import yaml

from .build.config import load_settings
from .content.editor_config import EDITOR_CONFIG, editor_config
from .content.editor_config import dumps as dump_editor_config
from .content.folder import refused_files
from .content.schema import dumps, news_schema, plan_schema
from .content.source import key_from_name
from .content.walk import UNTRANSLATED, ContentFile
from .core.problems import Problem, in_reading_order
from .core.settings import Settings, SettingsError
from .core.slugs import slugify
from .core.urls import UrlScheme
from .news.catalogue import read_news
from .news.model import Status
from .news.reader import read_news_item
from .plans.catalogue import read_plans
from .plans.reader import read_plan


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its plain settings; tags such as !!python/name or !ENV give None."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


class Project:
    def __init__(self, config_file: Path):
        self.config_file = config_file.resolve()
        self.dir = self.config_file.parent
        try:
            self.config = yaml.load(self.config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
            self.settings: Settings = load_settings(self.config.get("extra") or {}, self.dir)
        except (OSError, yaml.YAMLError, SettingsError) as exc:
            raise click.ClickException(f"{config_file}: {exc}") from exc

    @property
    def site_url(self) -> str:
        return (self.config.get("site_url") or "/").rstrip("/") + "/"

    def shown(self, path: Path) -> str:
        return Path(os.path.relpath(path, self.dir)).as_posix()

    def file(self, path: Path, folder: Path) -> ContentFile:
        """A content file as the readers take it."""
        return ContentFile(path, PurePosixPath(path.relative_to(folder).as_posix()), self.shown(path))

    def now(self) -> datetime:
        return datetime.now(self.settings.timezone).replace(second=0, microsecond=0)


pass_project = click.make_pass_decorator(Project)


@click.group()
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path), default="mkdocs.yml", show_default=True,
              help="The site's MkDocs configuration.")
@click.pass_context
def main(ctx: click.Context, config_file: Path) -> None:
    """Authoring tools for the campaign site."""
    ctx.obj = Project(config_file)


@main.group()
def new() -> None:
    """Start a news item or a plan from a complete template."""


@new.command("news")
@click.argument("title")
@click.option("--lang", default=None, help="Language of the item (default: the site's default language).")
@click.option("--category", default=None, help="Category key or name (default: the first category).")
@click.option("--translation-of", "original", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Start the translation of this news file: same folder, its translation_key, date and category.")
@pass_project
def new_news(project: Project, title: str, lang: str | None, category: str | None, original: Path | None) -> None:
    settings = project.settings
    lang = _language(settings, lang or (_other_language(settings) if original else settings.default_language))
    when, key = project.now(), None
    if original is not None:
        source = original.resolve()
        if settings.news_dir not in source.parents:
            raise click.ClickException(f"{original}: not a news item under {project.shown(settings.news_dir)}/")
        original_file = project.file(source, settings.news_dir)
        read = read_news_item(original_file, settings)
        if read.content is None:
            raise click.ClickException("the original has problems; fix them first:\n" + "\n".join(map(str, read.problems)))
        if read.content.lang == lang:
            raise click.ClickException(f"{original} is already in {lang}; choose another --lang")
        when, key, category = read.content.date, read.content.translation_key, category or read.content.category.key
        folder, stem = source.parent, key_from_name(original_file.source, settings).rsplit("/", 1)[-1]
    else:
        folder, stem = settings.news_dir / f"{when:%Y}", slugify(title)
    chosen = settings.category(category) if category else settings.categories[0]
    if chosen is None:
        raise click.ClickException(f"unknown category {category!r}; known categories: {settings.category_choices()}")
    if not stem:
        raise click.ClickException("the title has no letters or digits to make a file name from")
    path = _language_file(folder, stem, lang, project)
    fields = {"title": title, "date": when.astimezone(settings.timezone).strftime("%Y-%m-%d %H:%M"), "category": chosen.key}
    if key is not None:
        fields["translation_key"] = key
    text = _frontmatter(fields) + _NEWS_COMMENTS.format(
        categories=settings.category_choices()) + "---\n\n" + _NEWS_BODY
    _write_new(path, text, project)
    item = read_news_item(project.file(path, settings.news_dir), settings)
    scheme = UrlScheme(settings, lang)
    _report_new(project, path, item.problems, scheme.site_path(scheme.article(item.content.date, item.content.slug)) if item.content else None)


@new.command("plan")
@click.argument("title")
@click.option("--lang", default=None, help="Language of the plan (default: the site's default language).")
@click.option("--issuer", default=None, help="The issuing body (default: the site's author or name).")
@pass_project
def new_plan(project: Project, title: str, lang: str | None, issuer: str | None) -> None:
    settings = project.settings
    lang = _language(settings, lang or settings.default_language)
    today, stem = project.now(), slugify(title)
    if not stem:
        raise click.ClickException("the title has no letters or digits to make a file name from")
    path = _language_file(settings.plans_dir / f"{today:%Y}", stem, lang, project)
    fields = {
        "type": "plan",
        "title": title,
        "issuer": issuer or project.config.get("site_author") or project.config.get("site_name") or title,
        "issued": today.date(),
        "period": {"start": today.date().replace(month=1, day=1), "end": today.date().replace(month=12, day=31)},
        "activities": [{"title": _EXAMPLE_ACTIVITY[lang == settings.default_language], "start": today.date(), "tentative": True}],
    }
    text = _frontmatter(fields) + _PLAN_COMMENTS + "---\n\n" + _PLAN_BODY
    _write_new(path, text, project)
    plan = read_plan(project.file(path, settings.plans_dir), settings)
    scheme = UrlScheme(settings, lang)
    _report_new(project, path, plan.problems, scheme.site_path(scheme.plan(plan.content.slug)) if plan.content else None)


@main.command()
@pass_project
def check(project: Project) -> None:
    """Check every news item and plan (and the files of docs/) without building; exit 1 if any has a problem."""
    settings = project.settings
    news = read_news(settings, project.dir)
    plans = read_plans(settings, project.dir)
    docs = refused_files(project.dir / (project.config.get("docs_dir") or "docs"), project.dir)
    # The files made from the field table and mkdocs.yml (the web editor's forms): out of date, they mislead.
    stale = [Problem(project.shown(path), None, "file", "out of date with mkdocs.yml and the field table; run ./dev schemas")
             for path in out_of_date(generated_files(project))]
    problems = in_reading_order([*news.problems, *plans.problems, *docs, *stale])
    for problem in problems:
        click.echo(str(problem))
    for path in [*news.walk.untranslated, *plans.walk.untranslated]:
        click.echo(f"{path}: {UNTRANSLATED}", err=True)
    rows: list[tuple[object, ...]] = [("", "published", "drafts", "scheduled", "errors", "untranslated", "plans", "plan errors")]
    for lang in settings.languages:
        counts = news.counts(lang)
        plan_records = [r for r in plans.records if r.lang == lang]
        rows.append((
            lang, counts[Status.PUBLISHED], counts[Status.DRAFT], counts[Status.SCHEDULED], counts[Status.ERROR],
            len(news.walk.untranslated_for(lang)) + len(plans.walk.untranslated_for(lang)),
            sum(1 for r in plan_records if r.content), sum(1 for r in plan_records if r.content is None or r.parts_left_out),
        ))
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    click.echo("", err=True)
    for row in rows:
        click.echo("  ".join(str(cell).rjust(width) for cell, width in zip(row, widths, strict=True)), err=True)
    click.echo(f"\n{len(problems)} problem{'s' if len(problems) != 1 else ''}", err=True)
    sys.exit(1 if problems else 0)


@main.command()
@click.option("--check", "only_check", is_flag=True, help="Only check that the generated files are up to date.")
@pass_project
def schemas(project: Project, only_check: bool) -> None:
    """Write the files made from the field table: the JSON Schemas (schemas/) and the web editor's configuration."""
    generated = generated_files(project)
    outdated = out_of_date(generated)
    if only_check and outdated:
        raise click.ClickException(f"out of date: {', '.join(map(project.shown, outdated))}; run ./dev schemas")
    for path in outdated:  # none when only checking: it stopped above
        path.parent.mkdir(exist_ok=True)
        path.write_text(generated[path], encoding="utf-8")
    click.echo(f"{'updated' if outdated else 'up to date'}: {', '.join(project.shown(path) for path in generated)}")


def generated_files(project: Project) -> dict[Path, str]:
    """Each file made from the field table and mkdocs.yml, with the text it should hold."""
    folder = project.dir / "schemas"
    files = {folder / "news.schema.json": dumps(news_schema(project.settings)),
             folder / "plan.schema.json": dumps(plan_schema(project.settings))}
    if project.settings.editor is not None:
        files[project.dir / EDITOR_CONFIG] = dump_editor_config(editor_config(project.settings, project.dir, project.site_url))
    return files


def out_of_date(generated: dict[Path, str]) -> list[Path]:
    """The generated files that are missing or do not hold the text they should."""
    return [path for path, text in generated.items() if not path.is_file() or path.read_text(encoding="utf-8") != text]


# Helpers ----------------------------------------------------------------------

_NEWS_COMMENTS = """\
tags: []
# author: Tên tác giả / Author's name
# summary: Một hai câu tóm tắt / A one- or two-sentence summary
# image: images/ten-anh.jpg
# image_alt: Mô tả ảnh / What the image shows
# image_caption: Chú thích / Caption
# draft: true
# Chuyên mục / Categories: {categories}
"""
_NEWS_BODY = "Viết nội dung bài ở đây. / Write the item here.\n"
_PLAN_COMMENTS = """\
# number: 70/KH-BTVLMHTXVN
# signed_by: Người ký / Signatory
# theme: Chủ đề / Theme
# messages: [Thông điệp một, Thông điệp hai]
# peak: {start: 2024-03-29, end: 2024-04-29}
# Each activity: title, start (2024-04-02 or 2024-04-02 08:00), end, location, lead, tentative, key, description, id.
"""
_PLAN_BODY = "## Mục đích, yêu cầu / Purpose\n\nViết nội dung kế hoạch ở đây. / Write the plan's text here.\n"
_EXAMPLE_ACTIVITY = {True: "Hoạt động mẫu: sửa hoặc xoá", False: "Example activity: edit or remove"}


def _language(settings: Settings, lang: str) -> str:
    if lang not in settings.languages:
        raise click.ClickException(f"unknown language {lang!r}; expected one of {', '.join(settings.languages)}")
    return lang


def _other_language(settings: Settings) -> str:
    return next(code for code in settings.languages if code != settings.default_language)


def _language_file(folder: Path, stem: str, lang: str, project: Project) -> Path:
    """`stem.vi.md`, `stem.en.md`: the names the web editor writes and opens. An older `stem.md` is the same item."""
    if lang == project.settings.default_language and (folder / f"{stem}.md").exists():
        raise click.ClickException(f"{project.shown(folder / f'{stem}.md')} already exists; nothing was written")
    return folder / f"{stem}.{lang}.md"


def _frontmatter(fields: dict) -> str:
    # Each value through YAML, so a title with ':' or quotes stays one valid string.
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000)


def _write_new(path: Path, text: str, project: Project) -> None:
    if path.exists():
        raise click.ClickException(f"{project.shown(path)} already exists; nothing was written")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as f:  # "x": never overwrite, even if the file appeared meanwhile
        f.write(text)


def _report_new(project: Project, path: Path, problems: tuple[Problem, ...], site_path: str | None) -> None:
    click.echo(f"created {project.shown(path)}")
    if site_path:
        click.echo(f"url     {project.site_url}{site_path}")
    for problem in problems:
        click.echo(str(problem), err=True)


if __name__ == "__main__":
    main()
