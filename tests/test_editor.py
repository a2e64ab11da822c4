"""The web editor (Decap CMS at /admin/): made from the field table, served by the site, and used end to end.

Staff write in Chromium through `./dev edit` (decap-server and the live preview) on a copy of the demo: a
Vietnamese news item with its English translation side by side and an uploaded picture, a plan with two
activities, an edit of an existing item. The files written must pass `./dev check` and a strict build, and
the pages must appear where they should, linked to their translations, on the calendar and the key dates.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.request
import zlib
from pathlib import Path, PurePosixPath

import pytest
import yaml
from playwright.sync_api import Page, sync_playwright

from conftest import ROOT, QuietHandler, build, free_port, make_project, news_file, resolve, tool
from test_browser import ARGS, ARTIFACTS, CHROMIUM

sys.path.insert(0, str(ROOT / "hooks"))
from campaign.build.config import load_settings  # noqa: E402
from campaign.content.editor_config import FROM_FILE_NAME, editor_config  # noqa: E402
from campaign.content.fields import ACTIVITY_FIELDS, NEWS_FIELDS, PLAN_FIELDS  # noqa: E402
from campaign.content.walk import ContentFile  # noqa: E402
from campaign.core.slugs import slugify  # noqa: E402
from campaign.news.reader import read_news_item  # noqa: E402

DEMO_EDITOR = {"backend": {"name": "github", "repo": "lien-minh-htx/thang-hanh-dong", "branch": "main"}}


def demo_settings():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return load_settings(config["extra"], ROOT, environ={"CAMPAIGN_BUILD_DATE": "2024-04-11"})


def png(width: int, height: int) -> bytes:
    """A green PNG picture of the given size."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + b"\x2e\x7d\x32" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


# The configuration ------------------------------------------------------------


@pytest.mark.quick
def test_the_committed_configuration_is_the_generated_one():
    result = tool(ROOT, "schemas", "--check")
    assert result.returncode == 0, result.stderr
    committed = yaml.safe_load((ROOT / "editor" / "config.yml").read_text(encoding="utf-8"))
    assert committed == editor_config(demo_settings(), ROOT, "https://thang-hanh-dong-htx.example.org/")


@pytest.mark.quick
def test_the_forms_are_the_field_table():
    config = editor_config(demo_settings(), ROOT, "https://example.org/")
    assert config["locale"] == "vi"
    assert config["i18n"] == {"structure": "multiple_files", "locales": ["vi", "en"], "default_locale": "vi"}
    collections = {c["name"]: c for c in config["collections"]}
    for name, table in (("news", NEWS_FIELDS), ("plans", PLAN_FIELDS)):
        fields = collections[name]["fields"]
        assert [f["name"] for f in fields] == [f for f in table.names if f not in FROM_FILE_NAME] + ["body"]
        for spec in fields[:-1]:
            field = table[spec["name"]]
            assert spec.get("required", True) == field.required, spec["name"]
            assert spec["hint"] and " / " not in spec["hint"]  # the Vietnamese half of the help
            if spec["widget"] not in ("object", "list"):
                assert spec["i18n"] == ("duplicate" if field.shared else True), spec["name"]
    news = {f["name"]: f for f in collections["news"]["fields"]}
    assert [o["value"] for o in news["category"]["options"]] == ["kinh-te-tap-the", "thang-hanh-dong", "hoat-dong-lien-minh"]
    assert news["date"]["widget"] == "datetime" and news["date"]["format"] == "YYYY-MM-DD HH:mm"
    assert news["image"]["widget"] == "image" and news["body"]["widget"] == "markdown"
    # A text YAML would read as true or false (the editor does not quote it) is refused, as check refuses it.
    word = news["title"]["pattern"][0]
    assert not any(re.match(word, v) for v in ("Yes", "no", "OFF", "True"))
    assert all(re.match(word, v) for v in ("Yes!", "Nông nghiệp", "On the farm", "Tin\nhai dòng"))
    assert collections["news"]["folder"] == "news" and collections["news"]["path"] == "{{year}}/{{slug}}"
    assert (collections["news"]["media_folder"], collections["news"]["public_folder"]) == ("images", "images")
    activities = {f["name"]: f for f in collections["plans"]["fields"]}["activities"]
    assert [f["name"] for f in activities["fields"]] == list(ACTIVITY_FIELDS.names)
    start = {f["name"]: f for f in activities["fields"]}["start"]
    assert start["widget"] == "string"  # a date, or a date and a time: typed, checked against the forms the reader takes
    pattern = start["pattern"][0]
    assert all(re.match(pattern, v) for v in ("2024-04-02", "2024-04-02 08:00", "02/04/2024", "2024-04-02T08:00:00+07:00"))
    assert not any(re.match(pattern, v) for v in ("2/4", "tháng 4", "2024-4-2x"))
    pages = collections["pages"]
    assert (pages["folder"], pages["create"], pages["delete"]) == ("docs", False, False)
    assert config["backend"] == DEMO_EDITOR["backend"] and "local_backend" not in config
    preview = editor_config(demo_settings(), ROOT, "http://127.0.0.1:8000/", preview=True)
    assert preview["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}  # ./dev edit's decap-server


@pytest.mark.quick
def test_a_translation_the_editor_started_but_nobody_wrote_is_not_an_error(tmp_path):
    settings = demo_settings()

    def read(name: str, text: str):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return read_news_item(ContentFile(path, PurePosixPath(name), f"news/{name}"), settings)

    stub = read("a.en.md", "---\ndate: 2024-04-06 10:00\ncategory: thang-hanh-dong\n---\n")
    assert stub.untranslated and stub.content is None and stub.problems == ()
    started = read("b.en.md", "---\ndate: 2024-04-06 10:00\ncategory: thang-hanh-dong\n---\nOn 6 April…\n")
    assert not started.untranslated and [p.field for p in started.problems] == ["title"]
    original = read("c.vi.md", "---\ndate: 2024-04-06 10:00\ncategory: thang-hanh-dong\n---\n")
    assert not original.untranslated and [p.field for p in original.problems] == ["title"]


# The names the editor writes ----------------------------------------------------


def test_the_default_language_may_carry_its_suffix_as_the_editor_writes_it(tmp_path):
    project = make_project(tmp_path, {
        "2024/tin-moi.vi.md": news_file("Tin mới", "2024-02-07 09:00"),
        "2024/tin-moi.en.md": news_file("New item", "2024-02-07 09:00"),
        "2024/trung.md": news_file("Tin trùng", "2024-02-08"),
        "2024/trung.vi.md": news_file("Tin trùng lần hai", "2024-02-08"),
    }, plans={})
    (project / "docs" / "gioi-thieu.md").write_text("---\ntitle: Bản cũ\n---\n\n# Bản cũ\n", encoding="utf-8")
    site = build(project)
    assert site.returncode == 0, site.log
    english = "en/news/2024/02/new-item/"
    switch = site.page("tin-tuc/2024/02/tin-moi/").select_one(".campaign-translation a")
    assert resolve("tin-tuc/2024/02/tin-moi/", switch["href"]) == english
    assert "news/2024/trung.vi.md: translation_key: '2024/trung' is already used by news/2024/trung.md" in site.log
    # Two Vietnamese versions of a hand-written page: the first by name is kept, the other reported.
    assert "docs/gioi-thieu.vi.md: file name: docs/gioi-thieu.md is already this page in vi" in site.log
    assert site.page("gioi-thieu/").h1.get_text() == "Bản cũ"
    assert "Về Tháng hành động" in site.html("") and site.exists("en/gioi-thieu/")  # from docs/index.vi.md
    assert build(project, "--strict").returncode != 0


def test_a_published_editor_needs_its_bundle_and_says_how_to_install_it(tmp_path):
    project = make_project(tmp_path)
    (project / "node_modules").unlink()
    site = build(project, "--strict")
    assert site.returncode != 0
    assert "web editor: node_modules/decap-cms/dist is not installed, so /admin/ is left out of the site" in site.log
    assert "npm ci --omit=dev" in site.log and "extra.campaign.editor.enabled: false" in site.log
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    (project / "editor" / "preview.js").unlink()
    site = build(project)
    assert "web editor: editor/preview.js missing, so /admin/ is left out of the site; restore" in site.log
    assert site.returncode == 0 and "Traceback" not in site.log and not (site.site / "admin").exists()
    off = make_project(tmp_path / "off", campaign={"editor": {"enabled": False}})
    site = build(off, "--strict")
    assert site.returncode == 0, site.log
    assert not (site.site / "admin").exists()
    # Without a Git host to save to, the editor is only in the preview (./dev edit).
    local = make_project(tmp_path / "local", campaign={"editor": {}})
    site = build(local, "--strict")
    assert site.returncode == 0, site.log
    assert not (site.site / "admin").exists()


def test_admin_is_served_by_the_site_and_asks_no_other_host(tmp_path):
    project = make_project(tmp_path)
    site = build(project, "--strict")
    assert site.returncode == 0, site.log
    admin = site.site / "admin"
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"] == DEMO_EDITOR["backend"]
    assert (admin / "decap-cms" / "decap-cms.js").is_file() and not list(admin.rglob("*.map"))
    assert not (site.site / "en" / "admin").exists()
    assert "admin/" not in (site.site / "sitemap.xml").read_text(encoding="utf-8")
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(QuietHandler, directory=str(site.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            requests, errors = watch(page)
            page.goto(f"http://127.0.0.1:{port}/admin/")
            page.get_by_role("button", name="Đăng nhập").wait_for(timeout=30_000)  # Vietnamese, from the bundle's locales
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        server.shutdown()
    assert {host for host in requests} == {f"127.0.0.1:{port}"}
    assert errors == []


def watch(page: Page) -> tuple[list[str], list[str]]:
    """The hosts the page asks (http and https only) and every error it logs or meets."""
    hosts: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: r.url.startswith("http") and hosts.append(r.url.split("/")[2]))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    # A request cut short by leaving the page (the test opens screens afresh) is not a failure.
    page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and errors.append(f"{r.url}: {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and errors.append(f"{r.url}: {r.status}"))
    return hosts, errors


# End to end: ./dev edit ------------------------------------------------------------


class Editing:
    def __init__(self, project: Path, site_port: int, proxy_port: int, process: subprocess.Popen, log: Path):
        self.project, self.site_port, self.proxy_port, self.process, self.log = project, site_port, proxy_port, process, log
        self.url = f"http://127.0.0.1:{site_port}/"


def listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="module")
def editing(tmp_path_factory):
    """`./dev edit` on a copy of the demo, as of 11 April 2024."""
    tmp = tmp_path_factory.mktemp("editing")
    site_port, proxy_port = free_port(), free_port()
    project = make_project(tmp, campaign={"editor": {**DEMO_EDITOR, "local_port": proxy_port}})
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPAIGN_")}
    env.update({"PYTHONPATH": str(project / "hooks"), "CAMPAIGN_BUILD_DATE": "2024-04-11", "NO_MKDOCS_2_WARNING": "1"})
    log = tmp / "edit.log"
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "campaign.edit", "--dev-addr", f"127.0.0.1:{site_port}"],
                                   cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    editing = Editing(project, site_port, proxy_port, process, log)
    try:
        deadline = time.monotonic() + 90
        while not (listening(proxy_port) and fetch(editing.url + "admin/") is not None):
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.5)
        yield editing
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(check, what: str, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def open_route(page: Page, editing: Editing, route: str) -> None:
    """Open one of the editor's screens afresh (it does not follow a changed address of an open page)."""
    page.goto(f"{editing.url}admin/#/{route}")
    page.reload()


def publish(page: Page) -> None:
    page.get_by_role("button", name="Công bố").click()
    page.get_by_text("Công bố ngay").click()
    saved = page.get_by_text("Mục đã được lưu")
    try:
        saved.wait_for(timeout=30_000)  # the notice that follows a save (each screen is opened afresh after it)
        page.wait_for_url("**/#/collections/*/entries/**")  # a new entry's screen moves to its saved address
    except Exception:
        # The form's own messages (a required field, a wrong date) say why it was not saved.
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "editor-not-saved.png"), full_page=True)
        (ARTIFACTS / "editor-not-saved.txt").write_text(page.inner_text("body"), encoding="utf-8")
        raise


NEWS_TITLE = "Hợp tác xã Đắk Lắk ra mắt sản phẩm OCOP"
NEWS_TITLE_EN = "Dak Lak cooperative launches OCOP products"
PLAN_TITLE = "Kế hoạch hưởng ứng của tỉnh Đắk Lắk"


def test_staff_write_in_the_browser_and_the_site_follows(editing, tmp_path):
    picture = tmp_path / "ra-mat-san-pham.png"
    picture.write_bytes(png(64, 36))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        hosts, errors = watch(page)
        page.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.accept()))
        page.goto(editing.url + "admin/")
        page.get_by_role("button", name="Đăng nhập").click()
        page.get_by_role("link", name="Tin tức").first.wait_for()

        # A news item, Vietnamese on the left and English on the right.
        open_route(page, editing, "collections/news/new")
        titles = page.locator('[id^="title-field-"]')
        titles.nth(0).fill(NEWS_TITLE)
        titles.nth(1).fill(NEWS_TITLE_EN)
        page.locator('input[id^="date-field-"]').nth(0).fill("2024-04-05T09:30")
        page.locator('input[id^="category-field-"]').nth(0).click()
        page.get_by_text("Tháng hành động / Action Month", exact=True).click()
        page.locator('[id^="tags-field-"]').nth(0).fill("OCOP, Đắk Lắk")
        page.locator('[id^="tags-field-"]').nth(1).fill("OCOP, Dak Lak")
        page.get_by_role("button", name="Chọn một hình").first.click()
        page.locator('input[type="file"]').set_input_files(str(picture))
        page.get_by_text(picture.name).wait_for()
        page.get_by_role("button", name="Lấy những cái đã chọn").click()
        # The English side picks the same picture again from the media library.
        page.get_by_role("button", name="Chọn một hình").first.click()
        page.get_by_text(picture.name).click()
        page.get_by_role("button", name="Lấy những cái đã chọn").click()
        page.locator('[id^="image_alt-field-"]').nth(0).fill("Sản phẩm OCOP bày trên bàn")
        page.locator('[id^="image_alt-field-"]').nth(1).fill("OCOP products on a table")
        bodies = page.locator('[data-slate-editor="true"]')
        bodies.nth(0).click()
        page.keyboard.type("Sáng 5/4, hợp tác xã giới thiệu ba sản phẩm mới.")
        bodies.nth(1).click()
        page.keyboard.type("On 5 April the cooperative showed three new products.")
        publish(page)

        # A plan with two activities, one of them a key date; its English side left for later.
        open_route(page, editing, "collections/plans/new")
        page.locator('[id^="issuer-field-"]').first.wait_for()
        page.locator('[id^="title-field-"]').nth(0).fill(PLAN_TITLE)
        page.locator('[id^="issuer-field-"]').nth(0).fill("Liên minh Hợp tác xã tỉnh Đắk Lắk")
        page.locator('input[type="date"][id^="start-field-"]').nth(0).fill("2024-01-01")
        page.locator('input[type="date"][id^="end-field-"]').nth(0).fill("2024-12-31")
        add = page.get_by_role("button", name="Thêm hoạt động").first
        add.click()
        add.click()
        titles = page.locator('[id^="title-field-"]')
        titles.nth(1).fill("Lễ tôn vinh hợp tác xã tiêu biểu")
        titles.nth(2).fill("Hội chợ sản phẩm OCOP")
        starts = page.locator('input[type="text"][id^="start-field-"]')
        starts.nth(0).fill("2024-04-20")
        starts.nth(1).fill("2024-04-25 08:00")
        page.locator('input[type="text"][id^="end-field-"]').nth(1).fill("2024-04-25 17:00")
        page.locator('[id^="location-field-"]').nth(0).fill("Buôn Ma Thuột")
        page.locator('button[id^="key-field-"]').nth(0).click()
        publish(page)

        # An existing item: one more sentence at the end of its body.
        open_route(page, editing, "collections/news/entries/2024/giao-ban-thang-3")
        body = page.locator('[data-slate-editor="true"]').nth(0)
        body.get_by_text("Sáng 1/3/2024", exact=False).wait_for()  # the item's own text, loaded
        # The preview lays the item out as the site does: category, headline, the date the Vietnamese way, picture.
        page.locator('button[title="Bật/tắt song ngữ"]').click()
        page.locator('button[title="Bật/tắt xem trước"]').click()
        preview = page.frame_locator("iframe").first
        preview.locator("h1.campaign-article__title").wait_for()
        assert preview.locator(".campaign-article__meta").inner_text().startswith("Thứ Sáu, 01/03/2024, 16:30")
        assert preview.locator(".campaign-breadcrumbs").inner_text() == "Hoạt động Liên minh"
        assert preview.locator(".campaign-figure figcaption").inner_text().startswith("Hội nghị giao ban ngày 1/3/2024")
        assert preview.locator(".campaign-figure img").evaluate("img => img.complete && img.naturalWidth > 0")
        body.click()
        page.keyboard.press("Control+End")
        page.keyboard.press("Enter")
        page.keyboard.type("Cập nhật: hội nghị giao ban tháng 4 diễn ra ngày 2/4.")
        publish(page)
        browser.close()
    assert set(hosts) <= {f"127.0.0.1:{editing.site_port}", f"127.0.0.1:{editing.proxy_port}"}, hosts
    assert errors == []

    news = editing.project / "news" / "2024"
    slug = slugify(NEWS_TITLE)
    assert slug == "hop-tac-xa-dak-lak-ra-mat-san-pham-ocop"
    written = yaml.safe_load((news / f"{slug}.vi.md").read_text(encoding="utf-8").split("---")[1])
    assert written["title"] == NEWS_TITLE and written["date"] == "2024-04-05 09:30" and written["category"] == "thang-hanh-dong"
    assert written["tags"] == ["OCOP", "Đắk Lắk"] and written["image"] == f"images/{picture.name}"
    assert (news / "images" / picture.name).read_bytes() == picture.read_bytes()
    english = yaml.safe_load((news / f"{slug}.en.md").read_text(encoding="utf-8").split("---")[1])
    assert english["title"] == NEWS_TITLE_EN and english["date"] == "2024-04-05 09:30" and english["image"] == f"images/{picture.name}"
    plan_slug = slugify(PLAN_TITLE)
    plans = editing.project / "plans" / f"{time.localtime().tm_year}"  # the year it is written in, as `./dev new plan`
    plan = yaml.safe_load((plans / f"{plan_slug}.vi.md").read_text(encoding="utf-8").split("---")[1])
    assert [a["title"] for a in plan["activities"]] == ["Lễ tôn vinh hợp tác xã tiêu biểu", "Hội chợ sản phẩm OCOP"]
    assert plan["activities"][0]["key"] is True and plan["type"] == "plan"
    edited = (news / "giao-ban-thang-3.vi.md").read_text(encoding="utf-8")
    assert "Cập nhật: hội nghị giao ban tháng 4 diễn ra ngày 2/4." in edited and "image: images/giao-ban-thang-3.svg" in edited

    # The live preview shows the new item without a restart.
    article = f"tin-tuc/2024/04/{slug}/"
    shown = wait_for(lambda: fetch(editing.url + article), "the new article in the preview", 60)
    assert NEWS_TITLE in shown

    # What staff wrote passes the checks CI runs, and the site shows it where it should.
    check = tool(editing.project, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "not translated yet" in check.stderr  # the plan's English side, started by the editor, left for later
    site = build(editing.project, "--strict", env={"CAMPAIGN_BUILD_DATE": "2024-04-11"})
    assert site.returncode == 0, site.log
    page_html = site.page(article)
    assert page_html.h1.get_text(strip=True) == NEWS_TITLE
    assert [a.get_text() for a in page_html.select(".campaign-tags a[rel=tag]")] == ["OCOP", "Đắk Lắk"]
    image = page_html.select_one(".campaign-figure img")
    assert image["alt"] == "Sản phẩm OCOP bày trên bàn" and (site.site / resolve(article, image["src"])).is_file()
    switch = page_html.select_one(".campaign-translation a")
    english_path = f"en/news/2024/04/{slugify(NEWS_TITLE_EN)}/"
    assert resolve(article, switch["href"]) == english_path
    assert site.page(english_path).h1.get_text(strip=True) == NEWS_TITLE_EN
    assert site.exists(f"ke-hoach/{plan_slug}/")
    calendar = site.html("lich-hoat-dong/")
    assert "Lễ tôn vinh hợp tác xã tiêu biểu" in calendar and "Hội chợ sản phẩm OCOP" in calendar
    ics = (site.site / "lich-hoat-dong.ics").read_text(encoding="utf-8")
    assert "SUMMARY:Hội chợ sản phẩm OCOP" in ics and "DTSTART;TZID=Asia/Ho_Chi_Minh:20240425T080000" in ics.replace("\r\n ", "")
    key_dates = site.page("").select(".campaign-key-date")
    assert any("Lễ tôn vinh hợp tác xã tiêu biểu" in d.get_text() and d["data-date"] == "2024-04-20" for d in key_dates)
    assert "hội nghị giao ban tháng 4 diễn ra ngày 2/4" in site.html("tin-tuc/2024/03/giao-ban-thang-3-day-nhanh-trien-khai-thang-hanh-dong-vi-hop-tac-xa/")
    assert not site.exists(f"en/plans/{plan_slug}/")


def test_dev_edit_stops_both_programs_cleanly(editing):
    assert listening(editing.proxy_port) and listening(editing.site_port)
    editing.process.send_signal(signal.SIGINT)
    assert editing.process.wait(timeout=30) == 0, editing.log.read_text()
    assert not listening(editing.proxy_port) and not listening(editing.site_port)
    log = editing.log.read_text()
    assert f"http://127.0.0.1:{editing.site_port}/admin/" in log and "Traceback" not in log
