"""What each content file was read as, kept between builds: a file is read again only when it changed.

Reading (YAML, every field checked) is most of a build's fixed cost on a big
site: 7.5 s for 13,000 files. Each file's `ReadResult` is kept with the
file's size, modification time and a hash of its bytes, and with the same
for every other file its reading looked at (a featured image, which must
exist and whose size is read). A file whose stamp matches is not opened; one
whose stamp changed but whose bytes did not (a `touch`, a checkout) is not
read again either.

Everything is read again when what reading depends on changes: the settings
(categories, languages, time zone…) or the engine's code. Results are kept
in `.cache/campaign/content/` (git-ignored, safe to delete), one file per
source folder (news/2024/…), so saving after an edit rewrites one folder's
results; and in memory while `mkdocs serve` keeps the engine loaded.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Generic, TypeVar

from ..core.settings import Settings
from .walk import Content, ContentFile, ReadResult

T = TypeVar("T", bound=Content)

Stamp = tuple[int, int, int]  # size, modification time (ns), inode


@dataclass(frozen=True)
class _Entry(Generic[T]):
    stamp: Stamp
    digest: str  # of the file's bytes
    looked_at: tuple[tuple[str, Stamp | None], ...]  # other files reading depended on, with their stamps (None: missing)
    result: ReadResult[T]


# While `mkdocs serve` keeps the engine's modules loaded, the results of the last build stay here: no unpickling.
_MEMORY: dict[tuple[Path, str], dict[str, dict[str, _Entry]]] = {}


def reading_key(settings: Settings) -> str:
    """What reading depends on besides the files: the settings (the build date aside: statuses are not read) and the code."""
    return hashlib.sha256(f"{replace(settings, build_date=datetime.min)!r}\0{code_digest()}".encode()).hexdigest()


def code_digest() -> str:
    """A hash of the engine's own code (this package): new code reads everything again."""
    hasher = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        hasher.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()


def file_stamp(path: Path | str) -> Stamp | None:
    """A file's size, modification time and inode; None when it is missing."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino


class ReadCache(Generic[T]):
    """The kept results of one content folder's files, for reading settings and code named by `key`."""

    def __init__(self, folder: Path, store: Path | None, key: str):
        self.folder = folder
        self.key = key
        self._store = store / hashlib.sha256(f"{folder}".encode()).hexdigest()[:16] if store is not None else None
        self._shards: dict[str, dict[str, _Entry]] = _MEMORY.get((folder, key), {}) if store is not None else {}
        self._loaded: set[str] = set(self._shards)
        self._changed: set[str] = set()
        self._seen: dict[str, set[str]] = {}
        self.hits = self.reads = 0

    def reader(self, read: Callable[[ContentFile], ReadResult[T]]) -> Callable[[ContentFile], ReadResult[T]]:
        """`read`, answering from the cache when the file (and what it looked at) did not change."""

        def cached(file: ContentFile) -> ReadResult[T]:
            shard_name, name = str(file.source.parent), file.source.name
            shard = self._shard(shard_name)
            self._seen.setdefault(shard_name, set()).add(name)
            entry = shard.get(name)
            stamp = file_stamp(file.path)
            if entry is not None and stamp is not None and self._fresh(entry):
                if entry.stamp == stamp:
                    self.hits += 1
                    return entry.result
                digest = _file_digest(file.path)
                if digest == entry.digest:
                    shard[name] = _Entry(stamp, digest, entry.looked_at, entry.result)
                    self._changed.add(shard_name)
                    self.hits += 1
                    return entry.result
            self.reads += 1
            result = read(file)
            if stamp is not None:
                looked_at = tuple((str(path), file_stamp(path)) for path in result.looked_at)
                shard[name] = _Entry(stamp, _file_digest(file.path), looked_at, result)
                self._changed.add(shard_name)
            return result

        return cached

    @staticmethod
    def _fresh(entry: _Entry) -> bool:
        return all(file_stamp(Path(path)) == stamp for path, stamp in entry.looked_at)

    def _shard(self, name: str) -> dict[str, _Entry]:
        if name not in self._loaded:
            self._loaded.add(name)
            self._shards[name] = self._load(name)
        return self._shards[name]

    def _shard_path(self, name: str) -> Path:
        assert self._store is not None
        return self._store / f"{hashlib.sha256(name.encode()).hexdigest()[:16]}.pickle"

    def _load(self, name: str) -> dict[str, _Entry]:
        if self._store is None:
            return {}
        try:
            with self._shard_path(name).open("rb") as f:
                key, entries = pickle.load(f)
        except Exception:  # a missing, older or damaged cache file: read the folder again
            return {}
        return entries if key == self.key and isinstance(entries, dict) else {}

    def save(self) -> None:
        """Keep the results of the files read this build (files since deleted are forgotten)."""
        if self._store is None:
            return
        for name, shard in self._shards.items():
            seen = self._seen.get(name, set())
            gone = [entry for entry in shard if entry not in seen]
            for entry in gone:
                del shard[entry]
            if gone:
                self._changed.add(name)
        self._shards = {name: shard for name, shard in self._shards.items() if shard or name in self._changed}
        self._store.mkdir(parents=True, exist_ok=True)
        for name in sorted(self._changed):
            path = self._shard_path(name)
            if not self._shards.get(name):
                path.unlink(missing_ok=True)
                continue
            partial = path.with_suffix(f".{os.getpid()}.part")
            with partial.open("wb") as f:
                pickle.dump((self.key, self._shards[name]), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(partial, path)
        self._changed.clear()
        _MEMORY[(self.folder, self.key)] = self._shards


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""
