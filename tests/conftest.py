"""Helpers that build real sites with MkDocs into temporary folders.

A test project is a copy of this project's configuration, hooks, templates,
UI strings and docs, with the news folder the test asks for. Builds run
`python -m mkdocs build` as a user would, so both languages are built.
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))


@dataclass
class BuildResult:
    project: Path
    returncode: int
    log: str

    @property
    def site(self) -> Path:
        return self.project / "site"

    def page(self, url_path: str) -> BeautifulSoup:
        """Parse the page at a site path such as 'tin-tuc/' or 'en/news/'."""
        return BeautifulSoup(self.html(url_path), "lxml")

    def html(self, url_path: str) -> str:
        return (self.site / url_path.strip("/") / "index.html").read_text(encoding="utf-8")

    def exists(self, url_path: str) -> bool:
        path = self.site / urlsplit(url_path).path.lstrip("/")
        return (path / "index.html").is_file() if url_path.endswith("/") or path.is_dir() else path.is_file()

    def all_html(self) -> dict[str, str]:
        """Every page of the site; not the web editor's (admin/, Decap CMS's own page, tested in test_editor)."""
        return {
            str(p.relative_to(self.site)): p.read_text(encoding="utf-8")
            for p in sorted(self.site.rglob("*.html")) if not p.relative_to(self.site).as_posix().startswith("admin/")
        }


def indexed(bundle: Path) -> dict[str, dict]:
    """URL → fragment (content, meta, filters) of every page in a Pagefind bundle, "đ" spelled back."""
    pages = {}
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes()).decode("utf-8")
        fragment = json.loads(raw[raw.index("{"):].replace("d\u0335", "đ").replace("D\u0335", "Đ"))
        pages[fragment["url"]] = fragment
    return pages


def resolve(page_path: str, href: str) -> str:
    """The site path a link on the page at `page_path` points to."""
    return urlsplit(urljoin("http://site/" + page_path.lstrip("/"), href)).path.lstrip("/")


def news_file(title: str, date: str, category: str = "kinh-te-tap-the", body: str = "Nội dung bài viết.", **fields) -> str:
    meta = {"title": title, "date": date, "category": category, **fields}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + textwrap.dedent(body).strip() + "\n"


def free_port() -> int:
    """A port nothing listens on, for a test's server."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Python's file server without a log line per request."""

    def log_message(self, *args):
        pass


def make_project(tmp_path: Path, news: dict[str, str | bytes] | None = None, campaign: dict | None = None,
                 plans: dict[str, str | bytes] | None = None) -> Path:
    """A copy of the project; `news` and `plans` map paths under news/ and plans/ to file contents.

    Without `news`, the demo news; without `plans`, the demo plans if the news is the demo's, else none.
    """
    project = tmp_path / "project"
    project.mkdir(parents=True)
    for name in ("hooks", "overrides", "i18n", "docs", "editor", "schemas"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.en.yml", project)
    if (ROOT / "node_modules").is_dir():  # the web editor's bundle, which the build copies to /admin/
        (project / "node_modules").symlink_to(ROOT / "node_modules")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if campaign:
        # The test's settings replace the demo's keys in extra.campaign.
        data = yaml.safe_load(config)
        data["extra"]["campaign"].update(campaign)
        config = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for folder, files in (("news", news), ("plans", plans if plans is not None or news is not None else None)):
        if files is None:
            shutil.copytree(ROOT / folder, project / folder)
            continue
        (project / folder).mkdir()
        for rel, content in files.items():
            path = project / folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
    return project


def build(project: Path, *args: str, env: dict | None = None) -> BuildResult:
    run_env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPAIGN_")}
    run_env.update({"NO_MKDOCS_2_WARNING": "1", "CAMPAIGN_BUILD_DATE": "2026-01-01"})
    run_env.update(env or {})
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=project, env=run_env, capture_output=True, text=True, timeout=300,
    )
    return BuildResult(project, done.returncode, done.stdout + done.stderr)


def tool(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the authoring tool (campaign.cli: new, check, schemas) in a project, as ./dev does."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPAIGN_")}
    env.update({"PYTHONPATH": str(project / "hooks"), "CAMPAIGN_BUILD_DATE": "2026-01-01"})
    return subprocess.run([sys.executable, "-m", "campaign.cli", *args], cwd=project, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory) -> BuildResult:
    """The demo site, built once with --strict."""
    project = make_project(tmp_path_factory.mktemp("demo"))
    result = build(project, "--strict")
    assert result.returncode == 0, result.log
    return result
