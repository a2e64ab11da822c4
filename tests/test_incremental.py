"""A dirty build gives the same bytes as a clean build of the same sources.

Random sequences of an author's edits are applied to a copy of the demo:
a body, a title, a date, a category, a translation added or removed, a
draft, an item added or deleted, a plan's activity, a category renamed in
mkdocs.yml, a UI string, a template. After each step the project is built
with `--dirty` into the site folder it keeps (skipping the generated pages
whose fingerprint did not change), clean into another with the cache
(taking those pages from it), and clean without the cache (CAMPAIGN_CACHE=off)
into a third; the first two must hold the same files with the same bytes as
the third.

CI runs a few sequences with fixed seeds; INCREMENTAL_SEQUENCES=50 (and
INCREMENTAL_STEPS) runs more, each seed printed on failure.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import build, free_port, make_project, news_file

SEQUENCES = int(os.environ.get("INCREMENTAL_SEQUENCES", "3"))
STEPS = int(os.environ.get("INCREMENTAL_STEPS", "4"))
ENV = {"SOURCE_DATE_EPOCH": "1714000000", "CAMPAIGN_BUILD_DATE": ""}


def digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def _news(project: Path, rng: random.Random, english: bool = False) -> Path:
    files = sorted(p for p in (project / "news").rglob("*.md") if p.name.endswith(".en.md") == english)
    return rng.choice(files)


def _set_field(path: Path, field: str, value: str | None) -> None:
    """Set (or with None remove) one frontmatter line."""
    text = path.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n")
    lines = [line for line in head.split("\n") if not line.startswith(f"{field}:")]
    if value is not None:
        lines.insert(2, f"{field}: {value}")
    path.write_text("\n".join(lines) + sep + body, encoding="utf-8")


def edit_body(project: Path, rng: random.Random) -> str:
    path = _news(project, rng)
    path.write_text(path.read_text(encoding="utf-8") + f"\nĐoạn bổ sung số {rng.randrange(1000)} về hợp tác xã.\n", encoding="utf-8")
    return f"body of {path.name}"


def edit_title(project: Path, rng: random.Random) -> str:
    path = _news(project, rng, english=rng.random() < 0.3)
    _set_field(path, "title", f'"Tiêu đề đã sửa {rng.randrange(1000)}"')
    return f"title of {path.name}"


def edit_date(project: Path, rng: random.Random) -> str:
    path = _news(project, rng)
    _set_field(path, "date", f"2024-0{rng.randint(1, 4)}-{rng.randint(10, 28)} 09:00")
    return f"date of {path.name}"


def move_category(project: Path, rng: random.Random) -> str:
    path = _news(project, rng)
    _set_field(path, "category", rng.choice(["kinh-te-tap-the", "thang-hanh-dong", "hoat-dong-lien-minh"]))
    return f"category of {path.name}"


def toggle_draft(project: Path, rng: random.Random) -> str:
    path = _news(project, rng)
    is_draft = "\ndraft: true" in path.read_text(encoding="utf-8")
    _set_field(path, "draft", None if is_draft else "true")
    return f"draft of {path.name}"


def add_item(project: Path, rng: random.Random) -> str:
    n = rng.randrange(10_000)
    path = project / "news" / "2024" / f"moi-{n}.md"
    path.write_text(news_file(f"Tin mới số {n}", f"2024-03-{rng.randint(1, 28):02d} 10:00", "thang-hanh-dong",
                              body=f"Nội dung tin mới {n}.", tags=["Tin mới"]), encoding="utf-8")
    return f"added {path.name}"


def delete_item(project: Path, rng: random.Random) -> str:
    path = _news(project, rng)
    path.unlink()
    path.with_name(path.name.removesuffix(".md") + ".en.md").unlink(missing_ok=True)
    return f"deleted {path.name}"


def toggle_translation(project: Path, rng: random.Random) -> str:
    path = _news(project, rng)
    english = path.with_name(path.name.removesuffix(".md") + ".en.md")
    if english.exists():
        english.unlink()
        return f"removed {english.name}"
    date = re.search(r"(?m)^date: (.*)$", path.read_text(encoding="utf-8"))
    english.write_text(news_file(f"English version {rng.randrange(1000)}", date.group(1) if date else "2024-03-01",
                                 "thang-hanh-dong", body="An English version."), encoding="utf-8")
    return f"added {english.name}"


def edit_activity(project: Path, rng: random.Random) -> str:
    path = project / "plans" / "2024" / "thua-thien-hue.vi.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    title: Thăm hợp tác xã", f"    title: Thăm {rng.randrange(100)} hợp tác xã", 1), encoding="utf-8")
    return "an activity of thua-thien-hue.vi.md"


def rename_category(project: Path, rng: random.Random) -> str:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^(        vi: Kinh tế tập thể).*$", rf"\1 {rng.randrange(100)}", text, count=1), encoding="utf-8")
    return "a category's name in mkdocs.yml"


def edit_ui_string(project: Path, rng: random.Random) -> str:
    strings = project / "i18n" / "vi.toml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text(re.sub(r'(?m)^newer_news = ".*"$', f'newer_news = "Tin mới hơn {rng.randrange(100)}"', text), encoding="utf-8")
    return "newer_news in i18n/vi.toml"


def edit_template(project: Path, rng: random.Random) -> str:
    template = project / "overrides" / "campaign" / "article.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("{% block content %}", f"{{% block content %}}<!-- {rng.randrange(1000)} -->", 1), encoding="utf-8")
    return "overrides/campaign/article.html"


EDITS = [edit_body, edit_title, edit_date, move_category, toggle_draft, add_item, delete_item, toggle_translation,
         edit_activity, rename_category, edit_ui_string, edit_template]


@pytest.mark.parametrize("seed", range(SEQUENCES))
def test_a_dirty_build_equals_a_clean_build_after_every_edit(tmp_path, seed):
    rng = random.Random(seed)
    project = make_project(tmp_path)
    first = build(project, env=ENV)
    assert first.returncode == 0, first.log
    done, skipped = [], 0
    for _ in range(STEPS):
        edit = rng.choice(EDITS)
        done.append(edit(project, rng))
        dirty = build(project, "--dirty", env=ENV)
        # A clean build with the cache, and one without: the reference.
        warm_dir, cold_dir = tmp_path / "warm", tmp_path / "cold"
        for folder in (warm_dir, cold_dir):
            shutil.rmtree(folder, ignore_errors=True)
        warm = build(project, "--site-dir", str(warm_dir), env=ENV)
        cold = build(project, "--site-dir", str(cold_dir), env={**ENV, "CAMPAIGN_CACHE": "off"})
        assert dirty.returncode == 0 and warm.returncode == 0 and cold.returncode == 0, dirty.log + warm.log + cold.log
        reference = digest(cold_dir)
        for name, site in (("dirty", project / "site"), ("warm clean", warm_dir)):
            built = digest(site)
            differing = sorted(path for path in built.keys() | reference.keys() if built.get(path) != reference.get(path))
            assert not differing, f"seed {seed}, {name} build after {done}: {differing[:10]}"
        skipped += sum(int(n) for n in re.findall(r"generated pages rendered, (\d+) unchanged", dirty.log + warm.log))
    assert skipped, "no dirty build skipped a page: the test did not exercise skipping"


def _wait_for_rebuilds(log: list[str], started: int, timeout: float = 240) -> None:
    """Until `mkdocs serve` has finished every build it began, at least one since `started` builds had begun."""
    end = time.monotonic() + timeout
    quiet_since = None
    while time.monotonic() < end:
        text = "".join(log)
        begun, finished = text.count("Building documentation..."), len(re.findall(r"\bvi: \d+ generated pages rendered", text))
        if "Traceback" in text or "Aborted" in text:
            raise AssertionError(text[-3000:])
        if begun > started and finished == begun:
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since > 1.5:  # no other rebuild came after it
                return
        else:
            quiet_since = None
        time.sleep(0.1)
    raise AssertionError("the preview did not rebuild:\n" + "".join(log)[-3000:])


def test_a_preview_equals_a_clean_build_after_every_edit(tmp_path):
    """`./dev serve` (mkdocs serve --dirty): one process rebuilding the default language with what it kept in memory,
    a warm worker the English site; after each edit its site folder equals a clean preview build without the cache."""
    rng = random.Random(7)
    project = make_project(tmp_path)
    port, temp = free_port(), tmp_path / "tmp"
    temp.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPAIGN_")}
    env.update({**ENV, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temp)})
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    log: list[str] = []
    threading.Thread(target=lambda: log.extend(server.stderr or ()), daemon=True).start()
    try:
        _wait_for_rebuilds(log, 0)
        served = next(temp.glob("mkdocs_*"))
        done = []
        for edit in [edit_body, edit_title, add_item, *rng.sample(EDITS, 4)]:
            started = "".join(log).count("Building documentation...")
            done.append(edit(project, rng))
            _wait_for_rebuilds(log, started)
            # The reference: the same sources, built clean for the address the preview serves, drafts shown, no cache.
            reference = tmp_path / "reference"
            shutil.rmtree(reference, ignore_errors=True)
            shutil.copytree(project, reference / "project", ignore=shutil.ignore_patterns(".cache", "site"))
            config = reference / "project" / "mkdocs.yml"
            config.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: http://127.0.0.1:{port}/", config.read_text(encoding="utf-8")),
                              encoding="utf-8")
            cold = build(reference / "project", "--site-dir", str(reference / "site"),
                         env={**ENV, "CAMPAIGN_CACHE": "off", "CAMPAIGN_PREVIEW": "1"})
            assert cold.returncode == 0, cold.log
            expected, got = digest(reference / "site"), digest(served)
            # The search index follows a preview's refresh in the background: not compared here.
            differing = sorted(p for p in expected.keys() | got.keys() if not p.startswith("pagefind/") and expected.get(p) != got.get(p))
            assert not differing, f"preview after {done}: {differing[:10]}"
        assert re.search(r"vi: \d+ generated pages rendered, [1-9]\d* unchanged", "".join(log)), "no rebuild kept a page"
    finally:
        server.terminate()
        server.wait(30)
