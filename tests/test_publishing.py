"""Publishing: the Pages workflows, and a site published under a sub-path (https://user.github.io/repo/).

The sub-path test builds the demo for http://127.0.0.1:PORT/repo/ (the way
the workflows do, with CAMPAIGN_SITE_URL), serves it under /repo/ only, and
follows every link, image, script, stylesheet, feed, calendar and alternate of
every page, both languages and 404 pages included: none may be broken or leave
the sub-path.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, QuietHandler, build, free_port, make_project

PREFIX = "/repo/"


@pytest.mark.quick
def test_the_github_pages_workflow_checks_builds_strictly_and_publishes_site():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run") for step in steps if "run" in step]
    assert runs == ["./dev check", "./dev build --strict"]
    build_step = next(step for step in steps if step.get("run") == "./dev build --strict")
    # The Pages address, sub-path and all; a pull request is checked and built, never published.
    assert build_step["env"]["CAMPAIGN_SITE_URL"] == "${{ github.event_name != 'pull_request' && format('{0}/', steps.pages.outputs.base_url) || '' }}"
    assert "pull_request" in workflow[True] and "main" in workflow[True]["push"]["branches"]  # YAML 1.1 reads `on` as true
    assert workflow["jobs"]["deploy"]["if"] == "github.event_name != 'pull_request'"
    assert any(step.get("uses", "").startswith("actions/setup-node@") for step in steps)  # the editor's bundle
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert "actions/configure-pages" in uses and "actions/upload-pages-artifact" in uses
    assert next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact"))["with"]["path"] == "site"
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


@pytest.mark.quick
def test_the_gitlab_pages_job_checks_builds_strictly_and_publishes_public():
    pipeline = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    job = pipeline["pages"]
    assert job["script"] == ["./dev check", 'CAMPAIGN_SITE_URL="$CI_PAGES_URL/" ./dev build --strict', "rm -rf public && mv site public"]
    assert job["artifacts"]["paths"] == ["public"]
    # Merge requests (the web editor's editorial workflow) get the same checks, and nothing is published.
    assert pipeline["check"]["script"] == ["./dev check", "./dev build --strict"]
    assert pipeline["check"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert any("nodejs npm" in line for line in pipeline["default"]["before_script"])


@pytest.mark.quick
def test_the_readme_documents_the_commands_the_workflows_run():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for text in ("./dev check", "./dev build --strict", "CAMPAIGN_SITE_URL", ".github/workflows/publish.yml", ".gitlab-ci.yml"):
        assert text in readme, text


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory):
    port = free_port()
    base = f"http://127.0.0.1:{port}{PREFIX}"
    project = make_project(tmp_path_factory.mktemp("subpath"))
    result = build(project, "--strict", env={"CAMPAIGN_SITE_URL": base})
    assert result.returncode == 0, result.log
    # The server's root holds only repo/: anything that escapes the sub-path is a 404.
    root = tmp_path_factory.mktemp("host")
    (root / PREFIX.strip("/")).symlink_to(result.site, target_is_directory=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base, result
    server.shutdown()


def _references(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found = [tag.get(attribute) for tag, attribute in
             [(t, "href") for t in soup.select("a[href], link[href]")] + [(t, "src") for t in soup.select("img[src], script[src]")]]
    found += [meta["content"] for meta in soup.select('meta[property="og:url"], meta[property="og:image"], meta[name="twitter:image"]')]
    return [ref for ref in found if ref]


def test_a_site_under_a_sub_path_has_no_broken_or_escaping_link(sub_path_site):
    base, result = sub_path_site
    origin = base[: -len(PREFIX)]
    pages = sorted(p.relative_to(result.site).as_posix() for p in result.site.rglob("*.html"))
    assert len(pages) > 60 and "404.html" in pages and "en/404.html" in pages
    checked: dict[str, int] = {}
    broken: list[str] = []
    for page in pages:
        url = base + page.removesuffix("index.html")
        html = urlopen(url).read().decode("utf-8")
        for ref in _references(html):
            target = urljoin(url, ref)
            parts = urlsplit(target)
            if parts.scheme in ("mailto", "tel", "webcal") or (parts.scheme in ("http", "https") and not target.startswith(origin)):
                continue  # the share and e-mail links; the calendar subscription is checked as https below
            if not parts.path.startswith(PREFIX):
                broken.append(f"{page}: {ref} leaves {PREFIX}")
                continue
            address = target.split("#")[0]
            if address not in checked:
                try:
                    checked[address] = urlopen(address).status
                except Exception as exc:  # noqa: BLE001 - every failure is a finding
                    checked[address] = getattr(exc, "code", 0)
            if checked[address] != 200:
                broken.append(f"{page}: {ref} → {checked[address]}")
    assert broken == []
    # Feeds, calendars and sitemaps name addresses under the sub-path, and those exist too.
    for path in ("rss.xml", "en/atom.xml", "sitemap.xml", "lich-hoat-dong.ics", "en/calendar.ics"):
        text = (result.site / path).read_bytes().decode("utf-8").replace("\r\n ", "")  # iCalendar folds long lines
        addresses = set(re.findall(r"https?://[^\s<\"']+", text))
        local = {a for a in addresses if a.startswith(origin)}
        assert local and all(a.startswith(base) for a in local), path
        for address in sorted(local)[:40]:
            assert urlopen(address.split("#")[0]).status == 200, (path, address)
    # The calendar subscription link is the calendar's own address, as webcal://.
    calendar = BeautifulSoup((result.site / "lich-hoat-dong" / "index.html").read_text(encoding="utf-8"), "html.parser")
    webcal = next(a["href"] for a in calendar.select("a[href^='webcal://']"))
    assert webcal == "webcal://" + base.split("://", 1)[1] + "lich-hoat-dong.ics"


def test_the_404_pages_work_at_any_depth_under_the_sub_path(sub_path_site):
    base, result = sub_path_site
    for page, lang in (("404.html", "vi"), ("en/404.html", "en")):
        soup = BeautifulSoup((result.site / page).read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == lang
        # Served for a missing address anywhere, its links must not be relative to where it was asked for.
        for ref in _references(str(soup)):
            parts = urlsplit(ref)
            if parts.scheme or ref.startswith("#") or ref.startswith("mailto:"):
                continue
            assert ref.startswith(PREFIX), (page, ref)
    assert Path(result.site / "404.html").is_file()


def test_search_works_under_the_sub_path(sub_path_site):
    from playwright.sync_api import sync_playwright

    from test_browser import ARGS, CHROMIUM

    base, _ = sub_path_site
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
        for start in ("", "en/", "tin-tuc/2024/03/"):
            page.goto(base + start, wait_until="networkidle")
            page.click(".campaign-search-open")
            page.fill(".campaign-search__input", "hop tac xa" if not start.startswith("en/") else "cooperative")
            page.wait_for_function("() => document.getElementById('campaign-search').dataset.state === 'done'", timeout=15_000)
            links = page.eval_on_selector_all(".campaign-search__link", "els => els.map(e => e.href)")
            assert links and all(link.startswith(base) for link in links), (start, links)
        browser.close()
    assert problems == []
