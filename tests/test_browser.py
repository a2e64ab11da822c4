"""The reader's experience in a real browser: Debian's Chromium driven by Playwright.

The demo site (plus three items for search) is built with its site_url set to
the local server's address, served on 127.0.0.1, and opened page by page.
Screenshots of every page type, in both languages, at desktop and phone
width, are kept in test-artifacts/screenshots/ (not committed).
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import quote

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from conftest import ROOT, QuietHandler, build, free_port, make_project, news_file

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

# Items for search: one names Đồng Tháp with punctuation glued to it, another only spells "Dong Thap"
# without marks (a company name), so accented queries have an exact match to rank first; one names Đà Nẵng.
SEARCH_NEWS = {
    "2024/dong-thap.md": news_file(
        "Mô hình liên kết lúa gạo ở miền Tây", "2024-03-20 08:00", "kinh-te-tap-the",
        body="Tại Đồng Tháp, các hợp tác xã lúa gạo ký hợp đồng bao tiêu với doanh nghiệp.",
    ),
    "2024/cong-ty.md": news_file(
        "Doanh nghiệp tài trợ hội chợ nông sản", "2024-03-21 08:00", "kinh-te-tap-the",
        body="Công ty Dong Thap Trading tài trợ hội chợ nông sản.",
    ),
    "2024/da-nang.md": news_file(
        "Hợp tác xã Đà Nẵng đưa đặc sản lên sàn thương mại điện tử", "2024-03-22 08:00", "kinh-te-tap-the",
        body="Ba hợp tác xã ở Đà Nẵng bán nước mắm và trà qua sàn thương mại điện tử.",
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
    "404": ("404.html", "en/404.html"),
}


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    project = make_project(tmp_path_factory.mktemp("browser"), campaign={"page_size": 3})  # so listings paginate
    for rel, text in SEARCH_NEWS.items():
        (project / "news" / rel).write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url:.*$", f"site_url: {base}", config.read_text(encoding="utf-8")), encoding="utf-8")
    result = build(project, "--strict")
    assert result.returncode == 0, result.log
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(QuietHandler, directory=str(result.site)))
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
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}"))
        self.page.on("response", lambda r: self.problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
        self.page.on("request", lambda r: self.requests.append(r.url))
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


def open_search(page: Page) -> None:
    if not page.evaluate("() => document.getElementById('campaign-search').open"):
        page.click(".campaign-search-open")
    page.wait_for_function("() => ['ready', 'done'].includes(document.getElementById('campaign-search').dataset.state)")


def search(page: Page, query: str) -> list[str]:
    """Type into the search box (opened if need be); the result links, best first."""
    open_search(page)
    page.fill(".campaign-search__input", query)
    page.wait_for_function("() => document.getElementById('campaign-search').dataset.state === 'done'", timeout=10_000)
    return page.eval_on_selector_all(".campaign-search__link", "els => els.map(e => e.getAttribute('href'))")


def search_requests(v: Visit) -> list[str]:
    return [url for url in v.requests if "/pagefind/" in url or "search_index" in url or "/workers/search" in url]


@pytest.mark.parametrize("query, expected", [
    ("hop tac xa", "tin-tuc/2024/04/ngay-hop-tac-xa-viet-nam-11-4-nhin-lai-buc-thu-nam-1946/"),
    ("Hợp tác xã", "tin-tuc/2024/04/ngay-hop-tac-xa-viet-nam-11-4-nhin-lai-buc-thu-nam-1946/"),
    ("da nang", "tin-tuc/2024/03/hop-tac-xa-da-nang-dua-dac-san-len-san-thuong-mai-dien-tu/"),
    ("Đà Nẵng", "tin-tuc/2024/03/hop-tac-xa-da-nang-dua-dac-san-len-san-thuong-mai-dien-tu/"),
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


def test_search_shows_what_a_reader_chooses_from(visit):
    page = visit().open("")
    search(page, "da nang")
    result = page.locator(".campaign-search__result").filter(has_text="Đà Nẵng").first
    assert result.locator(".campaign-search__link").inner_text() == "Hợp tác xã Đà Nẵng đưa đặc sản lên sàn thương mại điện tử"
    assert result.locator(".campaign-search__meta").inner_text() == "22/03/2024 · Kinh tế tập thể"
    marked = result.locator(".campaign-search__excerpt mark").all_inner_texts()
    assert "Đà" in marked and any(m.startswith("Nẵng") for m in marked), marked  # "đ" shown as written, highlighted
    assert "\u0335" not in page.locator("#campaign-search").inner_text()


def test_accented_query_ranks_the_exact_spelling_first(visit):
    page = visit().open("")
    results = search(page, "Đồng Tháp")
    assert results[0].endswith("tin-tuc/2024/03/mo-hinh-lien-ket-lua-gao-o-mien-tay/"), results
    unaccented = search(page, "dong thap")
    assert any(r.endswith("tin-tuc/2024/03/doanh-nghiep-tai-tro-hoi-cho-nong-san/") for r in unaccented), unaccented


def test_nothing_is_fetched_for_search_before_the_box_is_opened(visit):
    v = visit()
    page = v.open(PAGE_TYPES["article"][0])
    page.wait_for_timeout(500)
    assert search_requests(v) == []
    search(page, "hop tac xa")
    assert any(url.endswith("/pagefind/pagefind.js") for url in search_requests(v))
    assert v.problems == []


def test_search_has_no_listing_or_page_furniture(visit):
    page = visit().open("")
    results = search(page, "tin tuc")  # every listing is called "Tin tức …"; only articles and pages may answer
    assert results and not any("/trang/" in r or "/chuyen-muc/" in r or "/the/" in r or "/luu-tru/" in r for r in results)
    assert not any(r.rstrip("/").endswith("tin-tuc") for r in results), results


def test_search_filters_by_year_and_category_and_sorts_by_date(visit):
    v = visit()
    page = v.open("")
    everything = search(page, "hop tac xa")
    assert any("/2020/" in r for r in everything) and any("/2024/" in r for r in everything)
    page.select_option("select[name=year]", "2020")
    page.wait_for_function("() => document.getElementById('campaign-search').dataset.state === 'done'")
    in_2020 = page.eval_on_selector_all(".campaign-search__link", "els => els.map(e => e.getAttribute('href'))")
    assert in_2020 and all("/2020/" in r for r in in_2020), in_2020
    page.select_option("select[name=year]", "")
    page.select_option("select[name=category]", label="Hoạt động Liên minh")
    page.wait_for_function("() => document.getElementById('campaign-search').dataset.state === 'done'")
    metas = page.locator(".campaign-search__meta").all_inner_texts()
    assert metas and all(m.endswith("Hoạt động Liên minh") for m in metas), metas
    page.select_option("select[name=category]", "")
    page.select_option("select[name=sort]", "newest")
    page.wait_for_function("() => document.getElementById('campaign-search').dataset.state === 'done'")
    dates = [m.split(" · ")[0] for m in page.locator(".campaign-search__meta").all_inner_texts() if " – " not in m]
    days = [tuple(reversed(d.split("/"))) for d in dates]
    assert len(days) >= 5 and days == sorted(days, reverse=True), dates
    assert v.problems == []


def test_more_results_on_demand_and_a_clear_no_results_message(visit):
    v = visit()
    page = v.open("")
    search(page, "hop tac xa")
    total = int(page.inner_text(".campaign-search__status").split()[0])
    assert total > 10 and page.locator(".campaign-search__result").count() == 10
    page.click(".campaign-search__more")
    page.wait_for_function(f"() => document.querySelectorAll('.campaign-search__result').length === {total}")
    assert page.is_hidden(".campaign-search__more")
    assert page.evaluate("() => document.activeElement.closest('li') === document.querySelectorAll('.campaign-search__result')[10]")
    assert search(page, "xyzzyq") == []
    assert page.inner_text(".campaign-search__status") == "Không tìm thấy kết quả nào cho “xyzzyq”."
    assert "có dấu hay không dấu" in page.inner_text(".campaign-search__hint")
    assert v.problems == []


def test_english_pages_search_english_content(visit):
    v = visit()
    page = v.open("en/")
    results = search(page, "briefing")
    assert any(r.endswith("en/news/2024/03/march-briefing-speeds-up-work-on-the-cooperative-action-month/") for r in results), results
    assert not any("/tin-tuc/" in r for r in search(page, "hop tac xa")), "Vietnamese pages in English results"
    assert all("/en/pagefind/" in url for url in search_requests(v))
    search(page, "xyzzyq")
    assert page.inner_text(".campaign-search__status") == "No results for “xyzzyq”."
    assert v.problems == []


def test_search_opens_and_closes_from_the_keyboard(visit):
    v = visit()
    page = v.open(PAGE_TYPES["article"][0])
    page.keyboard.press("/")
    page.wait_for_function("() => document.getElementById('campaign-search').open")
    assert page.evaluate("() => document.activeElement.classList.contains('campaign-search__input')")
    page.keyboard.type("hop tac xa")
    page.wait_for_function("() => document.getElementById('campaign-search').dataset.state === 'done'")
    page.keyboard.press("Tab")  # the close button, the filters, then the results, in reading order
    assert page.evaluate("() => document.activeElement.classList.contains('campaign-search__close')")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.name") == "category"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('campaign-search__link')"):
            break
    else:
        pytest.fail("no result reached with Tab")
    page.keyboard.press("Escape")
    assert not page.evaluate("() => document.getElementById('campaign-search').open")
    page.wait_for_function("() => document.activeElement.classList.contains('campaign-search-open')", timeout=2000)
    page.focus(".campaign-search-open")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('campaign-search').open")
    assert v.problems == []


# The Content-Security-Policy the shipped server block sends (deploy/nginx.conf) everywhere but the web editor:
# Pagefind's WebAssembly needs 'wasm-unsafe-eval', never 'unsafe-eval'; no inline script (Material's are files:
# overrides/partials/javascripts/).
CSP = re.search(r'set \$content_security_policy "([^"]+)";', (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")).group(1)
assert "unsafe-inline" not in CSP


def test_search_works_under_a_content_security_policy_without_unsafe_eval(visit):
    v = visit()

    def with_csp(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": CSP})

    v.context.route("**/*", with_csp)
    page = v.open("")
    page.evaluate("() => { window.violations = []; document.addEventListener('securitypolicyviolation',"
                  " e => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`)); }")
    assert any(r.endswith("tin-tuc/2024/04/ngay-hop-tac-xa-viet-nam-11-4-nhin-lai-buc-thu-nam-1946/") for r in search(page, "hop tac xa"))
    assert page.evaluate("() => window.violations") == []
    assert v.problems == []


@pytest.mark.parametrize("lang", [0, 1], ids=["vi", "en"])
def test_open_search_is_accessible_and_fits_a_phone(visit, lang):
    query = ("hợp tác xã", "cooperative")[lang]
    name = f"search-{'vi' if lang == 0 else 'en'}"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for viewport in ("desktop", "phone"):
        v = visit(viewport)
        page = v.open(PAGE_TYPES["home"][lang])
        search(page, query)
        page.screenshot(path=str(ARTIFACTS / f"{name}-{1280 if viewport == 'desktop' else 390}.png"))
        serious = [
            f"{x['id']} ({x['impact']}): {x['help']} — {[n['target'] for n in x['nodes']][:3]}"
            for x in Axe().run(page).response["violations"] if x["impact"] in ("serious", "critical")
        ]
        assert not serious, "\n".join(serious)
        box = page.locator(".campaign-search__panel").bounding_box()
        assert box and box["width"] <= VIEWPORTS[viewport]["width"]
        assert v.problems == [], v.problems


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
    assert seen == titles and len(seen) == 9  # every article, newest to oldest, each once
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
    older = listing.evaluate("() => document.activeElement.href")
    assert re.fullmatch(re.escape(base_url) + r"tin-tuc/trang/\d+/", older)  # numbered from the oldest (1) up to the root
    with listing.expect_navigation():
        listing.keyboard.press("Enter")
    listing.wait_for_load_state("networkidle")
    assert listing.url == older
    assert v.problems == []


# The portal's promises that need a browser: the script that keeps a cached page true, phones, sharing, printing.

HO_CHI_MINH_MORNING = "T09:00:00+07:00"


@pytest.mark.parametrize("day, state, progress, next_key_date", [
    ("2024-03-20", "Còn 9 ngày đến cao điểm", None, "Bắt đầu giai đoạn cao điểm"),
    ("2024-04-11", "Ngày 14 trong 32 ngày cao điểm", 44, "Kỷ niệm Ngày Hợp tác xã Việt Nam 11/4"),
    ("2024-06-01", "Đã kết thúc — nhìn lại", None, None),
])
def test_the_home_banner_follows_the_readers_date_whatever_the_build_date(visit, day, state, progress, next_key_date):
    v = visit()
    v.page.clock.set_fixed_time(day + HO_CHI_MINH_MORNING)
    page = v.open("")
    assert page.inner_text("[data-campaign-state]") == state
    bar = page.locator(".campaign-banner__progress")
    assert (bar.evaluate("e => e.value") if bar.is_visible() else None) == progress
    following = page.locator(".campaign-key-date--next a")
    assert (following.inner_text() if following.count() else None) == next_key_date
    assert v.problems == []


def test_the_english_banner_counts_days_in_english(visit):
    v = visit()
    v.page.clock.set_fixed_time("2024-03-28" + HO_CHI_MINH_MORNING)
    assert v.open("en/").inner_text("[data-campaign-state]") == "1 day to the peak period"


def test_the_calendar_on_a_phone_opens_at_what_is_on_and_on_a_desktop_shows_the_month_first(visit):
    phone = visit("phone")
    phone.page.clock.set_fixed_time("2024-04-11" + HO_CHI_MINH_MORNING)
    page = phone.open("lich-hoat-dong/")
    agenda, grid = page.locator(".campaign-calendar__agenda").bounding_box(), page.locator(".campaign-calendar__grid").bounding_box()
    assert agenda and grid and agenda["y"] < grid["y"]
    months = page.locator("details.campaign-agenda__month")
    assert months.evaluate_all("ms => ms.map(m => m.open)") == [True, True]  # March's visits run to 30/4
    assert page.inner_text(".campaign-agenda__item--next .campaign-agenda__title").startswith("Thăm hợp tác xã")
    page.click("[data-agenda-next]")
    assert page.evaluate("() => location.hash") == "#" + page.get_attribute(".campaign-agenda__item--next", "id")
    assert page.locator('.campaign-month td.campaign-day--today[data-date="2024-04-11"]').count() == 1
    desktop = visit("desktop")
    desktop.page.clock.set_fixed_time("2024-06-01" + HO_CHI_MINH_MORNING)
    page = desktop.open("lich-hoat-dong/")
    agenda, grid = page.locator(".campaign-calendar__agenda").bounding_box(), page.locator(".campaign-calendar__grid").bounding_box()
    assert agenda and grid and grid["y"] < agenda["y"]
    assert page.locator("details.campaign-agenda__month").evaluate_all("ms => ms.map(m => m.open)") == [False, False]
    assert not page.locator("[data-agenda-next]").is_visible()
    assert phone.problems == [] and desktop.problems == []


def test_an_article_can_be_shared_copied_and_printed_without_a_third_party_script(visit, base_url):
    v = visit("phone")
    v.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = v.open(PAGE_TYPES["article"][0])
    url = base_url + PAGE_TYPES["article"][0]
    share = page.locator(".campaign-share")
    assert share.get_attribute("data-share-url") == url
    # The browser's own share sheet is offered only where the browser has one.
    assert page.locator(".campaign-share__native").is_visible() == page.evaluate("() => typeof navigator.share === 'function'")
    facebook = page.get_attribute(".campaign-share a[href*='facebook.com']", "href")
    assert facebook == "https://www.facebook.com/sharer/sharer.php?u=" + quote(url, safe="")
    page.click(".campaign-share__copy")
    page.wait_for_function("() => document.querySelector('.campaign-share__status').textContent !== ''")
    assert page.inner_text(".campaign-share__status") == "Đã sao chép liên kết"
    assert page.evaluate("() => navigator.clipboard.readText()") == url
    page.evaluate("() => { window.printed = false; window.print = () => { window.printed = true; }; }")
    page.click(".campaign-share__print")
    assert page.evaluate("() => window.printed")
    # Printed: the article, none of the site's furniture.
    page.emulate_media(media="print")
    assert page.locator(".campaign-article__body").is_visible() and page.locator("h1").is_visible()
    for furniture in (".md-header", ".md-footer", ".campaign-share", ".campaign-neighbours", ".campaign-related"):
        assert not page.locator(furniture).first.is_visible(), furniture
    assert not [r for r in v.requests if not r.startswith(base_url)]
    assert v.problems == []
