"""Build-speed benchmark: this project against Material's blog plugin + mkdocs-rss-plugin.

    ./bench/run [--sizes 100,1000,10000] [--no-material] [--serve] [--check]

Writes each synthetic corpus (bench/corpus.py) under bench/.work/, builds it
with `mkdocs build` as a user would, and prints one line per build: wall
time, CPU time (user + system, all processes), peak memory (all processes of
the build together, sampled), pages written, output size, largest article.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from corpus import write_material_blog, write_project
from serve import measure_dirty_and_warm, measure_edits, report

BENCH = Path(__file__).resolve().parent
WORK = BENCH / ".work"
PROJECT_PYTHON = BENCH.parent / ".venv" / "bin" / "python"
MATERIAL_PYTHON = BENCH / ".venv" / "bin" / "python"
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CAMPAIGN_BUILD_DATE": "2026-01-01", "SOURCE_DATE_EPOCH": "1767225600"}


@dataclass
class Measure:
    wall: float
    cpu: float
    peak_mb: float
    pages: int
    size_mb: float
    largest_article_kb: float


def _tree_rss(root: int) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/statm") as f:
                rss[int(entry)] = int(f.read().split()[1]) * PAGE_SIZE
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def timed_build(python: Path, project: Path, *args: str) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak MB) of `mkdocs build` in `project`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen([str(python), "-m", "mkdocs", "build", "-q", *args], cwd=project, env=ENV,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process.pid))
        time.sleep(0.05)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{process.stderr.read()[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, peak / 2**20


def site_facts(site: Path, article_pattern: str) -> tuple[int, float, float]:
    pages, size, largest = 0, 0, 0
    pattern = re.compile(article_pattern)
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size += path.stat().st_size
        if path.name == "index.html":
            pages += 1
            if pattern.search(path.relative_to(site).as_posix()):
                largest = max(largest, path.stat().st_size)
    return pages, size / 2**20, largest / 1024


def measure_ours(n: int) -> Measure:
    project = write_project(WORK / f"ours-{n}", n)
    wall, cpu, peak = timed_build(PROJECT_PYTHON, project)
    pages, size, largest = site_facts(project / "site", r"^(en/)?(tin-tuc|news)/\d{4}/\d{2}/[^/]+/index\.html$")
    return Measure(wall, cpu, peak, pages, size, largest)


def measure_material(n: int) -> Measure:
    project = write_material_blog(WORK / f"material-{n}", n)
    wall, cpu, peak = timed_build(MATERIAL_PYTHON, project)
    pages, size, largest = site_facts(project / "site", r"^blog/\d{4}/\d{2}/\d{2}/[^/]+/index\.html$")
    return Measure(wall, cpu, peak, pages, size, largest)


def measure_check(n: int) -> float:
    project = WORK / f"ours-{n}"
    start = time.perf_counter()
    subprocess.run([str(PROJECT_PYTHON), "-m", "campaign.cli", "check"], cwd=project, check=False,
                   env={**ENV, "PYTHONPATH": str(project / "hooks")}, capture_output=True)
    return time.perf_counter() - start


def machine() -> str:
    cpuinfo, meminfo = Path("/proc/cpuinfo").read_text().splitlines(), Path("/proc/meminfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), platform.machine())
    memory = next(int(line.split()[1]) // 2**20 for line in meminfo if line.startswith("MemTotal"))
    return f"{os.cpu_count()} cores ({cpu}), {memory} GiB, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def row(name: str, n: int, m: Measure) -> str:
    return (f"| {name} | {n:,} | {m.wall:.1f} | {m.cpu:.1f} | {m.peak_mb:.0f} | {m.pages:,} | {m.size_mb:.0f} | {m.largest_article_kb:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--no-material", action="store_true", help="skip Material's blog plugin")
    parser.add_argument("--material-max", type=int, default=1000, help="largest N to build with Material (default 1000)")
    parser.add_argument("--serve", action="store_true",
                        help="also time edits under mkdocs serve --dirty, build --dirty and a warm clean build, at N >= 1000")
    parser.add_argument("--keep", action="store_true", help="keep bench/.work/ afterwards")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"machine: {machine()}")
    print("| build | items | wall s | CPU s | peak MB | pages | output MB | largest article KB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    ours = {}
    for n in sizes:
        ours[n] = measure_ours(n)
        print(row("this project", n, ours[n]), flush=True)
        if not args.no_material and n <= args.material_max:
            theirs = measure_material(n)
            print(row("Material blog + rss", n, theirs), flush=True)
            print(f"|  | ratio | {theirs.wall / ours[n].wall:.1f}× faster |  |  |  |  |  |", flush=True)
        print(f"check (no build), {n:,} items: {measure_check(n):.2f} s", flush=True)
    if len(sizes) > 1:
        small, large = min(sizes), max(sizes)
        print(f"time({large:,}) / time({max(s for s in sizes if s < large):,}) = "
              f"{ours[large].wall / ours[max(s for s in sizes if s < large)].wall:.1f}; "
              f"largest article {ours[large].largest_article_kb:.1f} KB at {large:,} vs {ours[small].largest_article_kb:.1f} KB at {small:,}")
    if args.serve:
        print("| items | first serve build s | body edit s | title edit s | new item s | deleted item s |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: |")
        for n in (n for n in sizes if n >= 1000):
            project = WORK / f"ours-{n}"
            dirty, warm = measure_dirty_and_warm(PROJECT_PYTHON, project, n, ENV)
            first, times = measure_edits(PROJECT_PYTHON, project, n, ENV)
            print(report(n, first, times), flush=True)
            print(f"{n:,} items: build --dirty after a body edit {dirty:.1f} s; clean build, warm cache {warm:.1f} s", flush=True)
    if not args.keep:
        shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
