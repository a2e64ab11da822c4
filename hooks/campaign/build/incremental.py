"""Render only what changed: generated pages whose fingerprint is known are taken from the cache.

A generated page's output depends on what its view reads (the items, links,
dates and strings it shows: `PageViews.inputs`), on its own body's rendered
HTML, and on what every page shares: the configuration, templates, UI
strings, hand-written pages, the engine's code, the installed packages, the
files beside the news, the build date. Its fingerprint hashes exactly these,
before anything is rendered.

`.cache/campaign/` (git-ignored, safe to delete; `CAMPAIGN_CACHE=off` does
without it) keeps, per language:

- each rendered page's output under its fingerprint (`pages/`), hard-linked
  with the copy in the site folder, so it costs no space while the site
  folder holds it; with what the page gave the build besides its HTML, its
  search record and the folders it points alternates to (`facts-*.json`);
- each article's and plan's cleaned body HTML under a key of its Markdown and
  where its links lead (`bodies/`): summaries, feeds and the search index
  need it even when the page is not rendered;
- what each site folder holds (`site-*.json`), for dirty builds.

A page whose fingerprint is in the cache becomes a `KeptFile`: MkDocs copies
it like an image (a dirty build leaves it where it is) and neither renders nor
templates it. Pages are rendered by MkDocs as usual otherwise, and their
output is then filed in the cache. Outputs are never written in place (a page
to render has its old output removed first), so a link into the cache is
never overwritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import weakref
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from functools import cached_property
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from ..content.cache import Stamp, file_stamp
from ..core.memory import BuildMemo
from ..news.model import NewsItem
from ..news.summary import Summaries
from ..output.hardlinks import link_or_copy
from ..output.search import SearchRecord, record_digest

CACHE_DIR = Path(".cache") / "campaign"
CACHE_ENV = "CAMPAIGN_CACHE"  # "off": no persistent cache; every page is rendered (what the tests compare against)
DIRTY_ENV = "CAMPAIGN_DIRTY"  # "1": this build is dirty (set from MkDocs' on_startup, passed to the other languages)
# The packages whose output the pages carry; a new version of any of them re-renders everything.
PACKAGES = ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions", "Jinja2", "nh3", "babel", "python-slugify",
            "feedgen", "icalendar", "imagesize", "lxml")
# Where a body links or points to: Markdown links and images, reference definitions, raw HTML attributes.
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$|(?:src|href)\s*=\s*[\"']([^\"']+)", re.MULTILINE)
_ENVIRONMENT = ("CAMPAIGN_BUILD_DATE", "SOURCE_DATE_EPOCH", "CAMPAIGN_PREVIEW", "CAMPAIGN_SITE_URL")


class KeptFile(File):
    """A generated page whose output is known: linked from the cache (or left in place), never rendered."""

    in_place = False  # a dirty build's site folder holds this very output already

    def is_documentation_page(self) -> bool:
        return False

    def is_modified(self) -> bool:
        return not self.in_place

    def copy_file(self, dirty: bool = False) -> None:
        if self.in_place and dirty:
            return
        assert self.abs_src_path is not None
        link_or_copy(self.abs_src_path, self.abs_dest_path)


@dataclass(frozen=True)
class PageFacts:
    """What a page gives the build besides its HTML: its search record (body left out) and alternates' folders."""

    search: SearchRecord | None
    alternate_folders: tuple[str, ...]

    @cached_property
    def search_digest(self) -> str | None:
        """What the search index names this record by (kept with the facts: a preview asks for it every rebuild)."""
        return None if self.search is None else record_digest(self.search)

    def to_json(self) -> dict:
        search = None if self.search is None else {k: v for k, v in asdict(self.search).items() if k != "body"}
        return {"search": search, "alternate_folders": list(self.alternate_folders)}

    @classmethod
    def from_json(cls, data: dict) -> PageFacts:
        """The facts as filed; the record's body is the page's kept body, put in by `PageCache.kept`."""
        s = data["search"]
        record = None if s is None else SearchRecord(
            path=s["path"], title=s["title"], intro=tuple(s["intro"]), outro=tuple(s["outro"]),
            meta=s["meta"], filters=s["filters"], sort=s["sort"])
        return cls(record, tuple(data["alternate_folders"]))


class DigestSummaries(Summaries):
    """Summaries as fingerprints see them: the summary when the frontmatter gives one, else what it is made from."""

    def __call__(self, item: NewsItem) -> str:
        return item.summary or f"<summary of {_digest(item.body)}>"


# What `serve` keeps in memory from one rebuild to the next (the content cache hands back the very same item
# objects for unchanged files): each item's digest, each kept page's facts and each body's HTML.
_ITEM_KEYS: weakref.WeakKeyDictionary[NewsItem, str] = weakref.WeakKeyDictionary()
_FACTS: dict[str, dict[str, PageFacts]] = {}  # by language, then fingerprint
_BODIES: dict[str, dict[str, str]] = {}  # by language, then body key
_JSON_FILES: dict[Path, tuple[Stamp, dict]] = {}  # the cache's records as this process last wrote them
_FILED: dict[Path, tuple[set[str], set[str]]] = {}  # per language's folder: the pages and bodies the last save left


class ItemKeys:
    """A digest of each item's fields, made once per item object: fingerprints name items by it.

    While `read` is a list, every item asked for is added to it: the items a page's view reads.
    """

    def __init__(self) -> None:
        self.read: list[NewsItem] | None = None

    def __call__(self, item: NewsItem) -> str:
        if self.read is not None:
            self.read.append(item)
        key = _ITEM_KEYS.get(item)
        if key is None:
            key = _ITEM_KEYS[item] = _digest(repr(item))[:32]
        return key


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


def cache_enabled() -> bool:
    return os.environ.get(CACHE_ENV, "").lower() not in ("off", "0", "no", "false")


class PageCache:
    """One language's kept pages, their facts and bodies; and what one site folder holds."""

    def __init__(self, project_dir: Path, lang: str, site_dir: Path, shared: str):
        self.root = project_dir / CACHE_DIR
        self.shared = shared
        self._outputs = self.root / "pages" / lang
        self._outputs_folder = str(self._outputs)
        self._bodies = self.root / "bodies" / lang
        self._facts_file = self.root / f"facts-{lang}.json"
        self._site_file = self.root / f"site-{lang}-{_digest(str(site_dir.resolve()))[:16]}.json"
        self.facts: dict[str, dict] = _read_json(self._facts_file)
        self.held: dict[str, str] = _read_json(self._site_file)  # dest_uri -> fingerprint of the output there
        # Written again when the build succeeds: a build that fails half-way leaves outputs no record describes.
        self._site_file.unlink(missing_ok=True)
        self.current: dict[str, str] = {}  # dest_uri -> fingerprint, for every generated page of this build
        self._rendered: dict[str, PageFacts] = {}  # dest_uri -> facts, for the pages this build renders
        self._kept_facts = _FACTS.setdefault(lang, {})
        self._kept_bodies = _BODIES.setdefault(lang, {})

    def body_key(self, src_uri: str, dest_uri: str, markdown: str, links: Sequence[str]) -> str:
        """What a body's HTML depends on: its Markdown, where it is, and where each file it links to is (or that it
        is not: `resolved_links`)."""
        return _digest(self.shared, src_uri, dest_uri, markdown, *links)

    def body(self, key: str) -> str | None:
        body = self._kept_bodies.get(key)
        if body is None:
            try:
                body = self._kept_bodies[key] = self._body_path(key).read_text(encoding="utf-8")
            except OSError:
                return None
        return body

    def keep_body(self, key: str, html: str) -> None:
        self._kept_bodies[key] = html
        path = self._body_path(key)
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")

    def _body_path(self, key: str) -> Path:
        return self._bodies / key[:2] / f"{key}.html"

    def _output_path(self, fingerprint: str) -> str:
        # A string: asked for every page of every build.
        return os.path.join(self._outputs_folder, fingerprint[:2], fingerprint + ".html")

    def known(self, dest_uri: str, fingerprint: str) -> None:
        """Note the fingerprint of a page this process knows to be unchanged."""
        self.current[dest_uri] = fingerprint

    def fingerprint(self, dest_uri: str, inputs: str, body_key: str | None) -> str:
        """Note the page's fingerprint; returns it."""
        fingerprint = _digest(self.shared, dest_uri, inputs, body_key or "")
        self.current[dest_uri] = fingerprint
        return fingerprint

    def kept(self, config: MkDocsConfig, src_uri: str, dest_uri: str, fingerprint: str, body_key: str | None,
             dirty: bool) -> tuple[KeptFile, PageFacts, str] | None:
        """The page as a kept file, with its facts and body HTML, if this fingerprint's output (and its body) is known."""
        filed = self.facts.get(fingerprint)  # the record on disk decides; memory only spares reading it back
        if filed is None:
            return None
        facts = self._kept_facts.get(fingerprint)
        if facts is None:
            facts = self._kept_facts[fingerprint] = PageFacts.from_json(filed)
        abs_dest_path = os.path.normpath(os.path.join(config.site_dir, dest_uri))
        in_place = dirty and self.held.get(dest_uri) == fingerprint and os.path.isfile(abs_dest_path)
        output = self._output_path(fingerprint)
        if not in_place and not os.path.isfile(output):
            return None
        body = self.body(body_key) if body_key is not None else ""
        if body is None:
            return None
        if facts.search is not None and facts.search.body != body:
            facts = self._kept_facts[fingerprint] = PageFacts(replace(facts.search, body=body), facts.alternate_folders)
        kept = KeptFile.generated(config, src_uri, abs_src_path=abs_dest_path if in_place else output, inclusion=InclusionLevel.NOT_IN_NAV)
        assert isinstance(kept, KeptFile)
        kept.dest_uri = dest_uri
        kept.in_place = in_place
        return kept, facts, body

    def rendered(self, dest_uri: str, facts: PageFacts) -> None:
        """A page this build renders, with its facts: filed in the cache once written."""
        self._rendered[dest_uri] = facts

    def save(self, site_dir: Path, body_keys: set[str]) -> None:
        """File the rendered pages; record what the site folder holds; drop what no page of this build uses."""
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / ".gitignore").write_text("*\n", encoding="utf-8")
        for dest_uri, facts in self._rendered.items():
            written = site_dir / dest_uri
            if written.is_file():
                fingerprint = self.current[dest_uri]
                if not os.path.isfile(self._output_path(fingerprint)):
                    link_or_copy(written, self._output_path(fingerprint))
                self.facts[fingerprint] = facts.to_json()
                self._kept_facts[fingerprint] = facts
        fingerprints = set(self.current.values())
        self.facts = {fp: facts for fp, facts in self.facts.items() if fp in fingerprints}
        for memory, keep in ((self._kept_facts, fingerprints), (self._kept_bodies, body_keys)):
            for key in [key for key in memory if key not in keep]:
                del memory[key]
        _write_json(self._facts_file, self.facts)
        _write_json(self._site_file, self.current)
        filed = _FILED.get(self._outputs)
        if filed is None:  # the first build of this process: every file of the cache's folders is looked at
            _prune(self._outputs, fingerprints)
            _prune(self._bodies, body_keys)
        else:  # later ones remove what the build before them filed and this one no longer uses
            for fingerprint in filed[0] - fingerprints:
                Path(self._output_path(fingerprint)).unlink(missing_ok=True)
            for key in filed[1] - body_keys:
                self._body_path(key).unlink(missing_ok=True)
        _FILED[self._outputs] = (fingerprints, set(body_keys))


def resolved_links(src_uri: str, markdown: str, find: Callable[[str], str | None]) -> list[str]:
    """Each relative link and image of a body's Markdown, with the output path of the file it names ('-': none)."""
    base = posixpath.dirname(src_uri)
    targets = []
    for target in _link_targets(markdown):
        parts = urlsplit(target)
        if not parts.path or parts.scheme or target.startswith(("/", "#", "//")):
            continue
        found = find(posixpath.normpath(posixpath.join(base, unquote(parts.path))))
        targets.append(f"{target} -> {found if found is not None else '-'}")
    return targets


@BuildMemo
def _link_targets(markdown: str) -> list[str]:
    """Every link and image target a body's Markdown names, sorted."""
    return sorted({found for groups in _LINK.findall(markdown) for found in groups if found})


def _read_json(path: Path) -> dict:
    stamp = file_stamp(path)
    known = _JSON_FILES.get(path)
    if known is not None and stamp is not None and known[0] == stamp:
        return dict(known[1])
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    stamp = file_stamp(path)
    if stamp is not None:
        _JSON_FILES[path] = (stamp, dict(data))


def _prune(folder: Path, keep: set[str]) -> None:
    for path in folder.glob("*/*.html"):
        if path.stem not in keep:
            path.unlink()
