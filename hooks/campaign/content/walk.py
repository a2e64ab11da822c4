"""One walk over a content folder (news/, plans/): read every file, check clashes across files, keep order.

The same for every kind of content, so the same mistake gets the same
message: two files at one URL, or two files of one language sharing a
translation key, leave out the later one (in path order) and say which
file was there first.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Generic, Protocol, TypeVar

from ..core.problems import Problem, in_reading_order
from ..core.settings import Settings
from .fields import FieldSet
from .folder import folder_entries, refused_problem, shown_path


class Content(Protocol):
    """What the walk needs to know of a news item or a plan."""

    @property
    def lang(self) -> str: ...

    @property
    def translation_key(self) -> str: ...


T = TypeVar("T", bound=Content)


@dataclass(frozen=True)
class ContentFile:
    path: Path  # on disk
    source: PurePosixPath  # relative to the content folder, e.g. 2024/slug.md
    shown: str  # relative to the project, as messages name it: news/2024/slug.md


@dataclass(frozen=True)
class ReadResult(Generic[T]):
    """What a reader made of one file."""

    lang: str  # the content's language, or the best guess when it could not be read
    content: T | None  # None: the file's problems keep it out
    problems: tuple[Problem, ...] = ()
    parts_left_out: int = 0  # parts dropped for their own problems while the rest is kept (a plan's activities)
    looked_at: tuple[Path, ...] = ()  # other files the reading depended on (a featured image), for content.cache
    untranslated: bool = False  # a translation started but not written (see `untranslated`): not content, not a problem


@dataclass(frozen=True)
class Record(Generic[T]):
    """What became of one source file; every file gets one."""

    file: ContentFile
    lang: str
    content: T | None  # None: left out of the site because of its problems
    parts_left_out: int = 0


@dataclass(frozen=True)
class Walk(Generic[T]):
    records: tuple[Record[T], ...]  # in path order
    problems: tuple[Problem, ...]  # in reading order
    problem_langs: dict[str, str]  # the language of each file with problems, to report them in its build
    set_aside: dict[str, str] = field(default_factory=dict)  # shown path → language of the files and folders named '_…', left out on purpose
    beside: tuple[Path, ...] = ()  # the other files that count (images, documents kept beside the Markdown), in path order
    untranslated: dict[str, str] = field(default_factory=dict)  # shown path → language of the translations not yet written

    def problems_for(self, lang: str) -> list[Problem]:
        return [p for p in self.problems if self.problem_langs[p.path] == lang]

    def set_aside_for(self, lang: str) -> list[str]:
        return [path for path, path_lang in self.set_aside.items() if path_lang == lang]

    def untranslated_for(self, lang: str) -> list[str]:
        return [path for path, path_lang in self.untranslated.items() if path_lang == lang]


Listing = tuple[list[ContentFile], list[Problem], list[str], list[Path]]
# While `serve` lives: each content folder's last listing, with the modification times of its folders. A file
# added, removed or renamed changes its folder's time; a symbolic link anywhere means the folder is listed anew.
_LISTINGS: dict[tuple[Path, Path], tuple[tuple[tuple[str, int], ...], Listing]] = {}


def content_files(folder: Path, project_dir: Path) -> Listing:
    """Every Markdown file under a content folder, in a stable order; the files refused there; those set aside ('_…');
    the other files that count. (Callers do not change the lists: they may be the last build's.)"""
    known = _LISTINGS.get((folder, project_dir))
    if known is not None and _folder_times(known[0]) == known[0]:
        return known[1]
    listing, folders, linked = _list(folder, project_dir)
    if not linked:
        _LISTINGS[(folder, project_dir)] = (tuple(folders), listing)
    return listing


def _folder_times(folders: tuple[tuple[str, int], ...]) -> tuple[tuple[str, int], ...]:
    times = []
    for path, _ in folders:
        try:
            times.append((path, os.stat(path).st_mtime_ns))
        except OSError:
            times.append((path, -1))
    return tuple(times)


def _list(folder: Path, project_dir: Path) -> tuple[Listing, list[tuple[str, int]], bool]:
    """`content_files`' answer, the folders it looked in (with their times), and whether it met a symbolic link."""
    files, refused, set_aside, beside = [], [], [], []
    folders: list[tuple[str, int]] = []
    linked = False
    # Paths by string slicing: every entry is under `folder`, and pathlib's relative_to costs more than the read itself.
    start, shown_folder = len(str(folder)) + 1, shown_path(folder, project_dir) + "/"
    shown_folder = "" if shown_folder == "./" else shown_folder
    for entry in folder_entries(folder, project_dir, folders):
        linked = linked or entry.linked
        if entry.set_aside:
            set_aside.append(shown_path(entry.path, project_dir))
        elif entry.refused is not None:
            refused.append(refused_problem(entry, project_dir))
        elif entry.path.name.endswith(".md"):
            source = str(entry.path)[start:].replace(os.sep, "/")
            files.append(ContentFile(entry.path, PurePosixPath(source), shown_folder + source))
        else:
            beside.append(entry.path)
    return (files, refused, set_aside, beside), folders, linked


def walk(folder: Path, project_dir: Path, read: Callable[[ContentFile], ReadResult[T]], url_of: Callable[[T], str],
         lang_of: Callable[[PurePosixPath], str]) -> Walk[T]:
    """Read every file of `folder`.

    `url_of` gives a content's path from the root of the whole site; `lang_of`
    the language a file's name says, to report a refused file in that build.
    """
    records: list[Record[T]] = []
    files, refused, set_aside, beside = content_files(folder, project_dir) if folder.is_dir() else ([], [], [], [])
    problems: list[Problem] = list(refused)
    problem_langs = {p.path: lang_of(PurePosixPath(p.path)) for p in refused}
    urls: dict[tuple[str, str], str] = {}
    keys: dict[tuple[str, str], str] = {}
    untranslated: dict[str, str] = {}
    for file in files:
        result = read(file)
        if result.untranslated:
            untranslated[file.shown] = result.lang
            continue
        found = list(result.problems)
        content = result.content
        if content is not None:
            clash = _clash(content, file, url_of(content), urls, keys)
            if clash is not None:
                found.append(clash)
                content = None
        if found or content is None:
            problem_langs[file.shown] = result.lang
        problems += found
        records.append(Record(file, result.lang, content, result.parts_left_out if content is not None else 0))
    return Walk(tuple(records), tuple(in_reading_order(problems)), problem_langs, {path: lang_of(PurePosixPath(path)) for path in set_aside},
                tuple(beside), untranslated)


def _clash(content: Content, file: ContentFile, url: str, urls: dict, keys: dict) -> Problem | None:
    """The problem of a content that an earlier file (in path order) already holds the URL or key of."""
    first = urls.setdefault((content.lang, url), file.shown)
    if first != file.shown:
        return Problem(file.shown, None, "slug", f"same URL /{url} as {first}; change 'slug' (or the title) of one of them")
    first = keys.setdefault((content.lang, content.translation_key), file.shown)
    if first != file.shown:
        return Problem(
            file.shown, None, "translation_key",
            f"{content.translation_key!r} is already used by {first} in the same language ({content.lang}); "
            "each language may have one version of an item",
        )
    return None


# How the build log and `check` name a translation the web editor started but nobody has written yet.
UNTRANSLATED = "not translated yet (only the fields the web editor copies from the original); not published until it has a title"


def untranslated(frontmatter: dict, body: str, lang: str, fields: FieldSet, settings: Settings) -> bool:
    """Whether a file is a translation not yet written: the web editor saves one for each other language as soon as a
    shared field (a date, a category) is set on the original's side, holding only those copies."""
    return lang != settings.default_language and not body.strip() and set(frontmatter) <= fields.shared
