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
    linked: bool = False  # a symbolic link


def folder_entries(folder: Path, project_dir: Path, visited: list[tuple[str, int]] | None = None) -> Iterator[FolderEntry]:
    """Every file under `folder` in a stable order, each with why it is refused, if it is.

    Per folder: its set-aside and linked sub-folders, its files, then each other sub-folder in turn, all by name.
    `visited`, when given, gets each folder listed with its modification time from before it was listed.
    """
    project = project_dir.resolve()
    pending = [str(folder)]
    while pending:
        root = pending.pop()
        if visited is not None:
            visited.append((root, os.stat(root).st_mtime_ns))
        # scandir's entries know whether they are links or folders without a system call each: 10,000 files a build.
        with os.scandir(root) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
        # A folder, or a link to one (is_dir follows links; only links cost a system call).
        folders = [entry for entry in entries if entry.is_dir()]
        folder_names = {entry.name for entry in folders}
        descend = []
        for entry in folders:
            name = entry.name
            if name.startswith("."):
                continue
            if name.startswith("_"):
                yield FolderEntry(Path(entry.path), set_aside=True, linked=entry.is_symlink())
            elif entry.is_symlink():
                yield FolderEntry(Path(entry.path), "a symbolic link to a folder; it is not followed, nothing in it is published", linked=True)
            else:
                descend.append(entry.path)
        for entry in entries:
            name = entry.name
            if name in SYSTEM_FILES or name in folder_names:
                continue
            path, linked = Path(entry.path), entry.is_symlink()
            yield FolderEntry(path, set_aside=True, linked=linked) if name.startswith("_") else \
                FolderEntry(path, refusal(path, project, linked), linked=linked)
        pending.extend(reversed(descend))


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


def refusal(path: Path, project: Path, is_link: bool | None = None) -> str | None:
    """Why a file is neither read nor published (`project` resolved, `is_link` when already known), or None."""
    name = path.name
    if path.is_symlink() if is_link is None else is_link:
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
