"""The reader's experience in a real browser: Debian's Chromium driven by Playwright.

The demo site (plus two items for search) is built with its site_url set to
the local server's address, served on 127.0.0.1, and opened page by page.
Screenshots of every page type, in both languages, at desktop and phone
width, are kept in test-artifacts/screenshots/ (not committed).
"""

from __future__ import annotations

import functools
import http.server
import re
import socket
import threading
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from conftest import ROOT, build, make_project, news_file

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

# Two items for search: one names Đồng Tháp with punctuation glued to it, the other only
# spells "Dong Thap" without marks (a company name), so accented queries have an exact match to rank first.
SEARCH_NEWS = {
    "2024/dong-thap.md": news_file(
        "Mô hình liên kết lúa gạo ở miền Tây", "2024-03-20 08:00", "kinh-te-tap-the",
        body="Tại Đồng Tháp, các hợp tác xã lúa gạo ký hợp đồng bao tiêu với doanh nghiệp.",
    ),
    "2024/cong-ty.md": news_file(
        "Doanh nghiệp tài trợ hội chợ nông sản", "2024-03-21 08:00", "kinh-te-tap-the",
        body="Công ty Dong Thap Trading tài trợ hội chợ nông sản.",
    ),
}

PAGE_TYPES = {
    "home": ("", "en/"),
    "listing": ("tin-tuc/", "en/news/"),
    "article": ("tin-tuc/2024/03/giao-ban-thang-3-day-nhanh-trien-khai-thang-hanh-dong-vi-hop-tac-xa/",
                "en/news/2024/03/march-briefing-speeds-up-work-on-the-cooperative-action-month/"),
    "category": ("tin-tuc/chuyen-muc/thang-hanh-dong/", "en/news/category/action-month/"),
    "tag": ("tin-tuc/the/thua-thien-hue/", "en/news/tag/thua-thien-hue/"),
    "month": ("tin-tuc/2024/03/", "en/news/2024/03/"),
    "archive": ("tin-tuc/luu-tru/", "en/news/archive/"),
    "calendar": ("lich-hoat-dong/", "en/calendar/"),
    "plan": ("ke-hoach/thua-thien-hue-2024/", "en/plans/thua-thien-hue-2024/"),
    "plans": ("ke-hoach/", "en/plans/"),
    "about": ("gioi-thieu/", "en/gioi-thieu/"),
}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    project = make_project(tmp_path_factory.mktemp("browser"), campaign={"page_size": 3})  # so listings paginate
    for rel, text in SEARCH_NEWS.items():
        (project / "news" / rel).write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url:.*$", f"site_url: {base}", config.read_text(encoding="utf-8")), encoding="utf-8")
    result = build(project, "--strict")
    assert result.returncode == 0, result.log
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_QuietHandler, directory=str(result.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (./dev test does it)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


class Visit:
    """A page opened in a fresh context, with every console error, failed request and foreign request noted."""

    def __init__(self, browser: Browser, base: str, viewport: str = "desktop"):
        self.base = base
        self.context = browser.new_context(viewport=VIEWPORTS[viewport], locale="vi-VN")
        self.page: Page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}"))
        self.page.on("response", lambda r: self.problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
        self.page.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:")) else self.problems.append(f"other host: {r.url}"))

    def open(self, path: str) -> Page:
        self.page.goto(self.base + path, wait_until="networkidle")
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, base_url):
    visits = []

    def open_visit(viewport: str = "desktop") -> Visit:
        v = Visit(browser, base_url, viewport)
        visits.append(v)
        return v

    yield open_visit
    for v in visits:
        v.close()


def search(page: Page, query: str) -> list[str]:
    """Type into Material's search box; the result links, best first."""
    page.fill(".md-search__input", "")
    page.type(".md-search__input", query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.wait_for_timeout(300)  # let the results for the last keystroke settle
    return page.eval_on_selector_all(".md-search-result__item > .md-search-result__link", "els => els.map(e => e.getAttribute('href'))")


@pytest.mark.parametrize("query, expected", [
    ("hop tac xa", "tin-tuc/2024/04/ngay-hop-tac-xa-viet-nam-11-4-nhin-lai-buc-thu-nam-1946/"),
    ("Hợp tác xã", "tin-tuc/2024/04/ngay-hop-tac-xa-viet-nam-11-4-nhin-lai-buc-thu-nam-1946/"),
    ("dong thap", "tin-tuc/2024/03/mo-hinh-lien-ket-lua-gao-o-mien-tay/"),
    ("Đồng Tháp", "tin-tuc/2024/03/mo-hinh-lien-ket-lua-gao-o-mien-tay/"),
    ("thua thien hue", "tin-tuc/2024/03/thua-thien-hue-len-ke-hoach-huong-ung-thang-hanh-dong-vi-hop-tac-xa/"),
])
def test_search_finds_vietnamese_with_or_without_tone_marks(visit, query, expected):
    v = visit()
    page = v.open("")
    results = search(page, query)
    assert any(href.endswith(expected) for href in results), (query, results)
    assert v.problems == []


def test_accented_query_ranks_the_exact_spelling_first(visit):
    page = visit().open("")
    results = search(page, "Đồng Tháp")
    assert results[0].endswith("tin-tuc/2024/03/mo-hinh-lien-ket-lua-gao-o-mien-tay/"), results
    unaccented = search(page, "dong thap")
    assert any(r.endswith("tin-tuc/2024/03/doanh-nghiep-tai-tro-hoi-cho-nong-san/") for r in unaccented), unaccented


def test_english_search_finds_english_content(visit):
    page = visit().open("en/")
    results = search(page, "briefing")
    assert any(r.endswith("en/news/2024/03/march-briefing-speeds-up-work-on-the-cooperative-action-month/") for r in results), results


def switch_language(page: Page, lang: str) -> None:
    page.hover(".md-select")
    page.click(f".md-select__link[hreflang={lang}]")
    page.wait_for_load_state("networkidle")


def test_language_switcher_leads_to_the_translation_and_back(visit, base_url):
    v = visit()
    page = v.open(PAGE_TYPES["article"][0])
    switch_language(page, "en")
    assert page.url == base_url + PAGE_TYPES["article"][1]
    assert page.locator("html").get_attribute("lang") == "en"
    switch_language(page, "vi")
    assert page.url == base_url + PAGE_TYPES["article"][0]
    # No English version: the switcher leads to the English home page.
    page.goto(base_url + "tin-tuc/2024/04/ngay-hop-tac-xa-viet-nam-11-4-nhin-lai-buc-thu-nam-1946/")
    switch_language(page, "en")
    assert page.url == base_url + "en/"
    assert v.problems == []


def test_following_older_news_reaches_every_article_once(visit, base_url):
    v = visit()
    page = v.open("tin-tuc/")
    newest = page.locator(".campaign-entry__title a").first
    newest.click()
    page.wait_for_load_state("networkidle")
    seen = [page.url]
    while page.locator(".campaign-neighbours--older a").count():
        page.locator(".campaign-neighbours--older a").first.click()
        page.wait_for_load_state("networkidle")
        assert page.url not in seen, f"{page.url} reached twice"
        seen.append(page.url)
    titles, listing = [], v.open("tin-tuc/")
    while True:
        titles += listing.locator(".campaign-entry__title a").evaluate_all("els => els.map(e => e.href)")
        if not listing.locator(".campaign-pagination a[rel=next]").count():
            break
        listing.click(".campaign-pagination a[rel=next]")
        listing.wait_for_load_state("networkidle")
    assert seen == titles and len(seen) == 8  # every article, newest to oldest, each once
    assert v.problems == []


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
@pytest.mark.parametrize("lang", [0, 1], ids=["vi", "en"])
def test_every_page_type_loads_cleanly_is_accessible_and_fits_a_phone(visit, kind, lang):
    path = PAGE_TYPES[kind][lang]
    name = f"{kind}-{'vi' if lang == 0 else 'en'}"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    desktop = visit("desktop")
    page = desktop.open(path)
    assert page.locator("html").get_attribute("lang") == ("vi" if lang == 0 else "en")
    page.screenshot(path=str(ARTIFACTS / f"{name}-1280.png"), full_page=True)
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)
    assert desktop.problems == [], desktop.problems

    phone = visit("phone")
    page = phone.open(path)
    page.screenshot(path=str(ARTIFACTS / f"{name}-390.png"), full_page=True)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name}: {overflow}px of horizontal scrolling at 390px"
    assert phone.problems == [], phone.problems


def test_language_switcher_and_pagination_work_from_the_keyboard(visit, base_url):
    v = visit()
    page = v.open(PAGE_TYPES["article"][0])
    page.focus(".md-select button")
    page.keyboard.press("Tab")  # into the list the button reveals
    focused = page.evaluate("() => document.activeElement.getAttribute('hreflang')")
    assert focused == "vi"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('hreflang')") == "en"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    assert page.url == base_url + PAGE_TYPES["article"][1]
    # Pagination: page numbers and "next" are ordinary links, reached with Tab and followed with Enter.
    listing = v.open("tin-tuc/")
    for _ in range(200):
        listing.keyboard.press("Tab")
        if listing.evaluate("() => document.activeElement.getAttribute('rel')") == "next":
            break
    else:
        pytest.fail("the 'next page' link was never reached with Tab")
    with listing.expect_navigation():
        listing.keyboard.press("Enter")
    listing.wait_for_load_state("networkidle")
    assert listing.url == base_url + "tin-tuc/trang/2/"
    assert v.problems == []
