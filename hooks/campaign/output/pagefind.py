"""Running Pagefind on staged documents, and making what it writes the same at every run.

While previewing (`mkdocs serve`), the index is made in a process of its own
(`index_in_background`) so a saved edit reaches the browser without waiting
for it: search lags a few seconds behind. A newer preview build stops the
indexer of an older one, so the last edit's index is the one that stays.

Pagefind (PyPI `pagefind[bin]`, pinned in requirements.txt) reads a folder
of HTML and writes a bundle: its script, its WebAssembly, and the index cut
into chunks. Only the script and the index are kept; its ready-made
interfaces are not used (the site's search box is its own).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import cbor2

# What the search script loads; the rest of what Pagefind writes (its own UIs) is not used.
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class PagefindError(Exception):
    pass


def run_pagefind(source: Path, bundle: Path) -> None:
    """Index the HTML files of `source` into `bundle` (replaced)."""
    if bundle.exists():
        shutil.rmtree(bundle)
    run = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(bundle), "--silent"],
        capture_output=True, text=True, check=False,
    )
    if run.returncode != 0:
        raise PagefindError(f"Pagefind failed ({run.returncode}): {(run.stderr or run.stdout).strip()[-2000:]}")
    for name in _UNUSED:
        (bundle / name).unlink(missing_ok=True)
    _order_filters(bundle)


def index_in_background(source: Path, bundle: Path) -> None:
    """Start indexing `source` into `bundle` in a process of its own, which then removes `source`.

    The previous indexer of the same bundle, if still running, is stopped and its folder removed.
    """
    ticket = _ticket(bundle)
    leftovers = _stop(ticket)
    hooks_dir = Path(__file__).resolve().parents[2]  # the folder holding the `campaign` package
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(hooks_dir), os.environ.get("PYTHONPATH"))))}
    process = subprocess.Popen([sys.executable, "-m", "campaign.output.pagefind", str(source), str(bundle), *leftovers],
                               env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, start_new_session=True)
    ticket.write_text(json.dumps({"pid": process.pid, "source": str(source)}), encoding="utf-8")


def _ticket(bundle: Path) -> Path:
    """Where the running indexer of `bundle` is noted: outside the site, which a preview cleans."""
    name = hashlib.sha256(str(bundle.resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"campaign-search-{name}.json"


def _stop(ticket: Path) -> list[str]:
    """Stop the noted indexer if it still runs; returns its folders, for the next indexer to remove (off the refresh)."""
    try:
        noted = json.loads(ticket.read_text(encoding="utf-8"))
        command = Path(f"/proc/{noted['pid']}/cmdline").read_bytes()
    except (OSError, ValueError, KeyError):
        return []
    if b"campaign.output.pagefind" in command and noted["source"].encode() in command:  # still ours, not a reused pid
        with contextlib.suppress(OSError):
            os.killpg(noted["pid"], signal.SIGTERM)
    return [noted["source"], noted["source"] + "-bundle"]


def _index_then_swap(source: Path, bundle: Path, leftovers: list[Path]) -> None:
    """The background indexer: a new bundle beside the staging folder, then put in place of the old one."""
    fresh = Path(str(source) + "-bundle")
    for folder in leftovers:  # of the indexer this one replaced
        shutil.rmtree(folder, ignore_errors=True)
    try:
        from .search import stage_handed_over  # here, not above: output.search starts this indexer

        stage_handed_over(source)
        run_pagefind(source, fresh)
        if bundle.exists():
            shutil.rmtree(bundle)
        bundle.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(fresh), str(bundle))
    except (OSError, PagefindError) as exc:
        print(f"campaign: search index not updated: {exc}", file=sys.stderr)
    finally:
        shutil.rmtree(source, ignore_errors=True)
        shutil.rmtree(fresh, ignore_errors=True)
        ticket = _ticket(bundle)
        with contextlib.suppress(OSError, ValueError):
            if json.loads(ticket.read_text(encoding="utf-8")).get("pid") == os.getpid():
                ticket.unlink()


# Pagefind 1.5 writes its filter chunks in hash-map order, which changes from run to run (upstream:
# "filter/metadata indexes will still change", Pagefind issue #638). Builds must be byte-identical,
# so the chunks are rewritten with their values sorted, and the names that refer to them follow.
_SIGNATURE = b"pagefind_dcd"


def _read_chunk(path: Path) -> object:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_SIGNATURE):
        raise PagefindError(f"{path.name}: not a Pagefind 1.5 chunk")
    return cbor2.loads(raw[len(_SIGNATURE):])


def _chunk(lang: str, data: object, digits: int) -> tuple[str, bytes]:
    """A chunk's name, made from its content as Pagefind names them ("vi_3f2a9c1"), and its bytes."""
    raw = _SIGNATURE + cbor2.dumps(data)
    return f"{lang}_{hashlib.sha256(raw).hexdigest()[:digits]}", gzip.compress(raw, mtime=0)


def _order_filters(bundle: Path) -> None:
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for code, language in entry["languages"].items():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read_chunk(meta_path)
        if not (isinstance(meta, list) and len(meta) == 6 and str(meta[0]).startswith("1.5.")):
            raise PagefindError(f"{meta_path.name}: Pagefind {meta[0] if isinstance(meta, list) else '?'} is not the 1.5 "
                                   "this build knows how to make reproducible (requirements.txt pins it)")
        filters = []
        for name, chunk in meta[3]:
            path = bundle / "filter" / f"{chunk}.pf_filter"
            chunk_data: Any = _read_chunk(path)  # [filter name, [[value, [page numbers]], ...]]
            key, values = chunk_data
            path.unlink()
            chunk, data = _chunk(code, [key, sorted([value, sorted(pages)] for value, pages in values)], 7)
            (bundle / "filter" / f"{chunk}.pf_filter").write_bytes(data)
            filters.append([name, chunk])
        meta[3] = sorted(filters)
        meta_path.unlink()
        language["hash"], data = _chunk(code, meta, 10)
        (bundle / f"pagefind.{language['hash']}.pf_meta").write_bytes(data)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    # Behind the preview's next rebuild, never before it: the index may lag, the page may not. On Linux the
    # indexer (and the Pagefind it runs) only gets a core no one else wants; elsewhere, the lowest priority.
    if hasattr(os, "sched_setscheduler") and hasattr(os, "SCHED_IDLE"):
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    os.nice(19)
    _index_then_swap(Path(sys.argv[1]), Path(sys.argv[2]), [Path(arg) for arg in sys.argv[3:]])
