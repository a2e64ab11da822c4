"""Search benchmark: this project's Pagefind index against Material's lunr index, on the same corpus.

    ./bench/run search [--sizes 1000,10000] [--keep]

For each size, the synthetic corpus (bench/corpus.py) is built twice: as the
project ships (Pagefind), and with Material's search plugin switched back on
(lunr, `search/search_index.json`). Both sites are served as a production
host would (gzip, bench/serve_like_host.py) and opened in Debian's Chromium:

- page load: the bytes of search data a reader fetches when a page opens;
- per query, in a fresh browser: the bytes of search data fetched and the
  time to the first results. Ours: from the click on the search button to the
  results on screen (the box's 250 ms typing pause included). Lunr: from the
  page's start to results, as Material fetches and indexes on every page
  load; and the query alone once the index is ready;
- the index on disk, the indexing time and its share of the build, and the
  build's peak memory (all processes).
"""

from __future__ import annotations

import argparse
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import yaml
from playwright.sync_api import Page, sync_playwright

from corpus import write_project
from run import ENV, PROJECT_PYTHON, WORK, _tree_rss, machine

BENCH = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
QUERIES = {
    "common phrase": "hợp tác xã",
    "rare word": "Ngọc Linh",
    "unaccented": "hop tac xa",
    "đ, accented": "Đà Nẵng",
    "đ, unaccented": "da nang",
}
INDEXED = re.compile(r"search (\w+): (\d+) pages indexed by Pagefind in ([\d.]+) s")


def build(project: Path, site: str) -> tuple[float, float, dict[str, float]]:
    """(wall seconds, peak MB, indexing seconds per language) of `mkdocs build` into `site`."""
    log = project / f"{site}.log"
    start = time.perf_counter()
    with log.open("w") as out:
        process = subprocess.Popen([str(PROJECT_PYTHON), "-m", "mkdocs", "build", "-d", site], cwd=project, env=ENV,
                                   stdout=out, stderr=subprocess.STDOUT)
        peak = 0
        while process.poll() is None:
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.05)
    wall = time.perf_counter() - start
    text = log.read_text()
    if process.returncode:
        raise SystemExit(f"build failed in {project}:\n{text[-3000:]}")
    return wall, peak / 2**20, {m[1]: float(m[3]) for m in INDEXED.finditer(text)}


def with_lunr(project: Path) -> None:
    """Material's search plugin back on, as the project had it before Pagefind."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = ["search"]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def serve(site: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, str(BENCH / "serve_like_host.py"), str(port), str(site)])
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}/"


class Traffic:
    """Bytes received (as sent: compressed) per request of one page, by URL."""

    def __init__(self, page: Page):
        self.sizes: dict[str, int] = {}
        page.on("requestfinished", lambda r: self.sizes.__setitem__(r.url, r.sizes()["responseBodySize"]))

    def search_bytes(self) -> int:
        return sum(size for url, size in self.sizes.items()
                   if "/pagefind/" in url or "search_index" in url or "/workers/search" in url or "/lunr/" in url)


def ours_load(browser, base: str) -> int:
    context = browser.new_context()
    page = context.new_page()
    traffic = Traffic(page)
    page.goto(base, wait_until="networkidle")
    page.wait_for_timeout(1000)
    context.close()
    return traffic.search_bytes()


def ours_query(browser, base: str, query: str) -> tuple[float, int, int]:
    """(seconds to first results, bytes of search data, results) in a fresh browser."""
    context = browser.new_context()
    page = context.new_page()
    traffic = Traffic(page)
    page.goto(base, wait_until="networkidle")
    start = time.perf_counter()
    page.click(".campaign-search-open")
    page.fill(".campaign-search__input", query)
    page.wait_for_function("() => document.getElementById('campaign-search').dataset.state === 'done'", timeout=120_000)
    seconds = time.perf_counter() - start
    found = int(page.inner_text(".campaign-search__status").split()[0].replace(".", "").replace(",", "") or 0) \
        if page.locator(".campaign-search__result").count() else 0
    page.wait_for_timeout(300)
    context.close()
    return seconds, traffic.search_bytes(), found


LUNR = """async ([worker, index, query]) => {
  const start = performance.now();
  const w = new Worker(worker);
  const reply = () => new Promise(resolve => w.addEventListener("message", e => resolve(e.data), { once: true }));
  const data = await (await fetch(index)).json();
  w.postMessage({ type: 0, data: { ...data, options: { suggest: false } } });  // as Material's page sends it
  await reply();
  const ready = performance.now();
  w.postMessage({ type: 2, data: query });
  const result = await reply();
  const end = performance.now();
  w.terminate();
  return [(end - start) / 1000, (end - ready) / 1000, result.data.items.length];
}"""


def lunr_query(browser, base: str, query: str) -> tuple[float, float, int, int]:
    """(seconds from page start to results, seconds of the query alone, bytes, results): Material's worker, driven as its page does."""
    context = browser.new_context()
    page = context.new_page()
    traffic = Traffic(page)
    page.goto(base, wait_until="domcontentloaded")
    worker = page.evaluate("() => new URL(JSON.parse(document.getElementById('__config').textContent).search, document.baseURI).href")
    total, alone, found = page.evaluate(LUNR, [worker, base + "search/search_index.json", query])
    page.wait_for_timeout(300)
    context.close()
    return total, alone, traffic.search_bytes(), found


def measure(n: int, browser) -> None:
    project = write_project(WORK / f"search-{n}", n)
    wall, peak, indexing = build(project, "site")
    pagefind_bytes = folder_size(project / "site" / "pagefind") + folder_size(project / "site" / "en" / "pagefind")
    with_lunr(project)
    build(project, "site-lunr")
    lunr_files = [project / "site-lunr" / "search" / "search_index.json", project / "site-lunr" / "en" / "search" / "search_index.json"]
    lunr_bytes = sum(f.stat().st_size for f in lunr_files)

    print(f"\n### {n:,} items\n")
    print(f"Build (Pagefind): {wall:.1f} s wall, peak memory {peak:,.0f} MB; indexing "
          + ", ".join(f"{lang} {s:.1f} s" for lang, s in indexing.items())
          + f" = {sum(indexing.values()) / wall:.0%} of the build's wall time")
    print(f"Index on disk: Pagefind {pagefind_bytes / 1e6:.1f} MB (vi + en, {sum(1 for _ in (project / 'site' / 'pagefind').rglob('*'))} files vi);"
          f" lunr {lunr_bytes / 1e6:.1f} MB (vi {lunr_files[0].stat().st_size / 1e6:.1f} MB)")
    ours_server, ours = serve(project / "site")
    lunr_server, lunr = serve(project / "site-lunr")
    try:
        print(f"Search data fetched on page load: Pagefind {ours_load(browser, ours):,} B; "
              f"lunr {lunr_query(browser, lunr, 'x')[2]:,} B (Material fetches its index on every page)\n")
        print("| query | Pagefind: first results | Pagefind: bytes | results | lunr: page start → results | lunr: query alone | lunr: bytes | results |")
        print("|---|---|---|---|---|---|---|---|")
        for name, query in QUERIES.items():
            seconds, fetched, found = ours_query(browser, ours, query)
            total, alone, lunr_fetched, lunr_found = lunr_query(browser, lunr, query)
            print(f"| {name}: `{query}` | {seconds:.2f} s | {fetched / 1e3:,.0f} kB | {found:,} | {total:.1f} s | {alone:.2f} s"
                  f" | {lunr_fetched / 1e6:.1f} MB | {lunr_found:,} |")
    finally:
        ours_server.terminate()
        lunr_server.terminate()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--keep", action="store_true", help="keep bench/.work/ afterwards")
    args = parser.parse_args()
    print(f"Machine: {machine()}")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for n in (int(s) for s in args.sizes.split(",")):
                measure(n, browser)
        finally:
            browser.close()
    if not args.keep:
        shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
