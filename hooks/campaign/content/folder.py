"""Which files of a content folder (news/, plans/, docs/) count, and why the others are refused.

One rule for every folder and for `./dev check`: only `.md` is content; other
Markdown-like names, editors' backups and hidden files are reported and never
published; nothing is read or copied through a symbolic link that leads out
of the project, and links to folders are not followed. Names starting with
'_' are set aside on purpose (templates, notes): not read, not published, and
said so in the build log, so that every file is published or reported.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..core.problems import Problem

MARKDOWN_LIKE = (".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext")
BACKUP_SUFFIXES = (".swp", ".swo", ".swx", ".bak", ".orig", ".rej", ".tmp", ".temp", ".old")
# Written by operating systems and git, never by authors: skipped without a word.
SYSTEM_FILES = frozenset({".DS_Store", ".gitkeep", ".gitignore", "Thumbs.db", "desktop.ini"})


SET_ASIDE = "its name starts with '_': set aside, not read or published"


@dataclass(frozen=True)
class FolderEntry:
    path: Path
    refused: str | None = None  # why it is neither read nor published; None: it counts
    set_aside: bool = False  # named '_…' on purpose: left out without a problem


def folder_entries(folder: Path, project_dir: Path) -> Iterator[FolderEntry]:
    """Every file under `folder` in a stable order, each with why it is refused, if it is."""
    project = project_dir.resolve()
    for root, dirs, files in os.walk(folder):
        kept = []
        for name in sorted(dirs):
            if name.startswith("."):
                continue
            if name.startswith("_"):
                yield FolderEntry(Path(root, name), set_aside=True)
            elif os.path.islink(os.path.join(root, name)):
                yield FolderEntry(Path(root, name), "a symbolic link to a folder; it is not followed, nothing in it is published")
            else:
                kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            if name in SYSTEM_FILES:
                continue
            path = Path(root, name)
            yield FolderEntry(path, set_aside=True) if name.startswith("_") else FolderEntry(path, refusal(path, project))


def refused_problem(entry: FolderEntry, project_dir: Path) -> Problem:
    assert entry.refused is not None
    return Problem(shown_path(entry.path, project_dir), None, "file", entry.refused)


def refused_files(folder: Path, project_dir: Path) -> list[Problem]:
    """A problem for each refused file (or linked folder) of `folder`, e.g. the hand-written pages' docs/."""
    if not folder.is_dir():
        return []
    return [refused_problem(entry, project_dir) for entry in folder_entries(folder, project_dir) if entry.refused is not None]


def shown_path(path: Path, project_dir: Path) -> str:
    """A path as messages show it: relative to the project, with '/'."""
    return Path(os.path.relpath(path, project_dir)).as_posix()


def folder_files(folder: Path, project_dir: Path) -> Iterator[Path]:
    """The files of a content folder that count: its Markdown and the files kept beside it."""
    return (entry.path for entry in folder_entries(folder, project_dir) if entry.refused is None and not entry.set_aside)


def refusal(path: Path, project: Path) -> str | None:
    """Why a file is neither read nor published (`project` resolved), or None."""
    name = path.name
    if path.is_symlink():
        target = path.resolve()
        if not target.exists():
            return "a symbolic link to nothing; it is ignored"
        if project not in target.parents:
            return "a symbolic link to a file outside the project; it is neither read nor published"
    if name.startswith("."):
        return "a hidden file; it is not published"
    suffix = os.path.splitext(name)[1].lower()
    if name.endswith("~") or (name.startswith("#") and name.endswith("#")) or suffix in BACKUP_SUFFIXES:
        return "an editor's backup or temporary file; it is not published"
    if (suffix in MARKDOWN_LIKE or suffix == ".md") and not name.endswith(".md"):
        return f"only '.md' files are read; rename it to {name[: -len(suffix)]}.md if it is content (it is not published)"
    return None
