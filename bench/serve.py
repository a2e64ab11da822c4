"""Preview and rebuild timings: how long from saving a file to seeing it (`./bench/run --serve`).

Under `mkdocs serve --dirty` (as `./dev serve` runs it), each round edits an
item's body, then its title (a new URL), adds an item, and deletes it again
(undoing the edits), each time timing from the write to the dev server
sending the page with the change. Beside it: `mkdocs build --dirty` after one
body edit, and a clean build with the cache warm.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from corpus import CATEGORIES, make_items

BENCH = Path(__file__).resolve().parent
EDITS = ("body edit", "title edit", "new item", "deleted item")


def _slug(title: str) -> str:
    sys.path.insert(0, str(BENCH.parent / "hooks"))
    from campaign.core.slugs import slugify

    return slugify(title)


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _status(url: str) -> int:
    """The HTTP status of `url`; 0 when the server did not answer (busy, or not up)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def _wait_for(condition, timeout: float = 900) -> float:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if condition():
            return time.perf_counter()
        time.sleep(0.05)
    raise SystemExit("timed out")


def measure_edits(python: Path, project: Path, n: int, env: dict, rounds: int = 3, port: int = 8799,
                  gap: float = 3.0) -> tuple[float, dict[str, list[float]]]:
    """(seconds of the first build, seconds of each edit kind per round) under `mkdocs serve --dirty`."""
    items = [item for item in make_items(n) if not item.en_title][:rounds]
    base = f"http://127.0.0.1:{port}/"
    start = time.perf_counter()
    server = subprocess.Popen([str(python), "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    log: list[str] = []
    threading.Thread(target=lambda: log.extend(server.stderr or ()), daemon=True).start()
    times: dict[str, list[float]] = {edit: [] for edit in EDITS}
    originals: dict[Path, str] = {}
    try:
        first = _wait_for(lambda: "Serving on" in "".join(log) or server.poll() is not None) - start
        if server.poll() is not None:
            raise SystemExit("mkdocs serve stopped:\n" + "".join(log)[-3000:])
        for k, item in enumerate(items):
            source = project / "news" / f"{item.date:%Y}" / f"tin-{item.n}.md"
            originals[source] = source.read_text(encoding="utf-8")
            _round(k, item, source, base, times, gap)
    finally:
        server.terminate()
        server.wait(30)
        for path, text in originals.items():  # as it was, whatever happened
            path.write_text(text, encoding="utf-8")
            for added in path.parent.glob("moi-*.md"):
                added.unlink()
    return first, times


def _round(k: int, item, source: Path, base: str, times: dict[str, list[float]], gap: float) -> None:
    """One of each edit on one item; the item's file is as it was at the end."""
    text = source.read_text(encoding="utf-8")
    folder = f"{base}tin-tuc/{item.date:%Y}/{item.date:%m}/"

    def timed(edit: str, change, condition) -> None:
        time.sleep(gap)  # let the watcher and the last rebuild's background indexing settle
        began = time.perf_counter()
        change()
        times[edit].append(_wait_for(condition) - began)

    marker, title = f"Đoạn sửa số {k}", f"{item.vi_title} ĐÃ SỬA {k}"
    timed("body edit", lambda: source.write_text(f"{text}\n{marker}\n", encoding="utf-8"),
          lambda: marker in _get(f"{folder}{_slug(item.vi_title)}/"))
    timed("title edit", lambda: source.write_text(text.replace(f"title: {item.vi_title}", f"title: {title}", 1), encoding="utf-8"),
          lambda: title in _get(f"{folder}{_slug(title)}/"))
    new_title = f"Tin hoàn toàn mới {k}"
    added = source.with_name(f"moi-{k}.md")
    # Dated before the corpus' build date (CAMPAIGN_BUILD_DATE=2026-01-01), so it is published, not scheduled;
    # an item's own day may be the build date itself.
    added_url = f"{base}tin-tuc/2025/12/{_slug(new_title)}/"
    timed("new item", lambda: added.write_text(
        f"---\ntitle: {new_title}\ndate: 2025-12-31 10:00\ncategory: {CATEGORIES[0][0]}\n---\n\nNội dung mới.\n",
        encoding="utf-8"), lambda: "Nội dung mới" in _get(added_url))
    # Gone means a 404 from the server, not a busy server's silence: the next edit must not start mid-rebuild.
    timed("deleted item", lambda: (added.unlink(), source.write_text(text, encoding="utf-8")),
          lambda: _status(added_url) == 404 and marker not in _get(f"{folder}{_slug(item.vi_title)}/"))


def report(n: int, first: float, times: dict[str, list[float]]) -> str:
    cells = [f"{', '.join(f'{t:.1f}' for t in times[edit])} (median {statistics.median(times[edit]):.1f})" for edit in EDITS]
    return f"| {n:,} | {first:.1f} | " + " | ".join(cells) + " |"


def measure_dirty_and_warm(python: Path, project: Path, n: int, env: dict) -> tuple[float, float]:
    """(seconds of `mkdocs build --dirty` after one body edit, seconds of a clean build with the cache warm)."""
    item = next(item for item in make_items(n) if not item.en_title)
    source = project / "news" / f"{item.date:%Y}" / f"tin-{item.n}.md"
    text = source.read_text(encoding="utf-8")
    try:
        source.write_text(text + "\nMột đoạn thêm.\n", encoding="utf-8")
        dirty = _timed(python, project, env, "--dirty")
    finally:
        source.write_text(text, encoding="utf-8")
    _timed(python, project, env)  # back to the sources as they were: the cache knows every page again
    return dirty, _timed(python, project, env)


def _timed(python: Path, project: Path, env: dict, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([str(python), "-m", "mkdocs", "build", "-q", *args], cwd=project, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start
