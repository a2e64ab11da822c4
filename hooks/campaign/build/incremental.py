"""What a dirty build may skip: generated pages whose fingerprint did not change.

A generated page's output depends on its view (every item, link, date and
string it shows), on its own body's rendered HTML, and on what every page
shares: the configuration, templates, UI strings, hand-written pages, the
engine's code, the installed packages, the files beside the news, the build
date. Its fingerprint hashes exactly these, with each listed item's summary
stood in for by a hash of the Markdown it comes from, so that it can be
computed before anything is rendered. MkDocs asks `File.is_modified()` in a
dirty build; a page whose fingerprint equals the one recorded when its output
was written answers False, and MkDocs neither renders nor writes it.

Skipped articles still give their HTML to summaries, feeds and the search
index: each article's and plan's cleaned HTML is kept in `.cache/campaign/`
(git-ignored, safe to delete: a missing entry means the page is rendered),
keyed by its Markdown and the shared fingerprint.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.structure.files import File, Files

from ..news.model import NewsItem
from ..news.summary import Summaries

CACHE_DIR = Path(".cache") / "campaign"
DIRTY_ENV = "CAMPAIGN_DIRTY"  # "1": this build is dirty (set from MkDocs' on_startup, passed to the other languages)
# The packages whose output the pages carry; a new version of any of them re-renders everything.
PACKAGES = ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions", "Jinja2", "nh3", "babel", "python-slugify",
            "feedgen", "icalendar", "imagesize", "lxml")
# Where a body links or points to: Markdown links and images, reference definitions, raw HTML attributes.
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$|(?:src|href)\s*=\s*[\"']([^\"']+)", re.MULTILINE)
_ENVIRONMENT = ("CAMPAIGN_BUILD_DATE", "SOURCE_DATE_EPOCH", "CAMPAIGN_PREVIEW", "CAMPAIGN_SITE_URL")


class GeneratedFile(File):
    """A generated page's file: unchanged only when its fingerprint says so."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged


class DigestSummaries(Summaries):
    """Summaries as fingerprints see them: the summary when the frontmatter gives one, else what it is made from."""

    def __call__(self, item: NewsItem) -> str:
        return item.summary or f"<summary of {_digest(item.body)}>"


def _digest(*parts: str | bytes) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode("utf-8") if isinstance(part, str) else part)
        hasher.update(b"\0")
    return hasher.hexdigest()


def shared_fingerprint(project_dir: Path, folders: list[Path], extra: list[str]) -> str:
    """A hash of what every page shares: config files, the given folders' files, packages, environment, `extra`."""
    parts: list[str | bytes] = [*extra]
    for path in sorted(project_dir.glob("mkdocs*.yml")):
        parts += [path.name, path.read_bytes()]
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            parts += [str(path.relative_to(folder.parent)), path.read_bytes()]
    for package in PACKAGES:
        try:
            parts.append(f"{package}=={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package} missing")
    parts += [f"{name}={os.environ.get(name, '')}" for name in _ENVIRONMENT]
    return _digest(*parts)


class PageCache:
    """The fingerprints of one site folder's generated pages, and the rendered bodies of articles and plans."""

    def __init__(self, project_dir: Path, lang: str, site_dir: Path, shared: str):
        self.root = project_dir / CACHE_DIR
        self.shared = shared
        self._bodies = self.root / "bodies" / lang
        self._fingerprints = self.root / f"pages-{lang}-{_digest(str(site_dir.resolve()))[:16]}.json"
        try:
            self.previous: dict[str, str] = json.loads(self._fingerprints.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.previous = {}
        # Written again when the build succeeds: a build that fails half-way leaves outputs no record describes.
        self._fingerprints.unlink(missing_ok=True)
        self.current: dict[str, str] = {}

    def body_key(self, file: File, markdown: str, files: Files) -> str:
        """What a body's HTML depends on: its Markdown, where it is, and where each file it links to is (or that it is not)."""
        base = posixpath.dirname(file.src_uri)
        targets = []
        for target in sorted({found for groups in _LINK.findall(markdown) for found in groups if found}):
            parts = urlsplit(target)
            if not parts.path or parts.scheme or target.startswith(("/", "#", "//")):
                continue
            found = files.get_file_from_path(posixpath.normpath(posixpath.join(base, unquote(parts.path))))
            targets.append(f"{target} -> {found.dest_uri if found is not None else '-'}")
        return _digest(self.shared, file.src_uri, file.dest_uri, markdown, *targets)

    def body(self, key: str) -> str | None:
        try:
            return (self._bodies / key[:2] / f"{key}.html").read_text(encoding="utf-8")
        except OSError:
            return None

    def keep_body(self, key: str, html: str) -> None:
        path = self._bodies / key[:2] / f"{key}.html"
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")

    def fingerprint(self, dest_uri: str, view: object, body_key: str | None) -> str:
        """Note the page's fingerprint; returns it."""
        fingerprint = _digest(self.shared, repr(view), body_key or "")
        self.current[dest_uri] = fingerprint
        return fingerprint

    def unchanged(self, file: File, fingerprint: str, body_key: str | None) -> bool:
        """Whether the page written at `file`'s destination is what this fingerprint would write."""
        return (self.previous.get(file.dest_uri) == fingerprint and os.path.isfile(file.abs_dest_path)
                and (body_key is None or (self._bodies / body_key[:2] / f"{body_key}.html").is_file()))

    def save(self, body_keys: set[str]) -> None:
        """Record the fingerprints; drop the kept bodies no page of this build uses (edited away)."""
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / ".gitignore").write_text("*\n", encoding="utf-8")
        self._fingerprints.write_text(json.dumps(self.current, sort_keys=True), encoding="utf-8")
        for path in self._bodies.glob("*/*.html"):
            if path.stem not in body_keys:
                path.unlink()
