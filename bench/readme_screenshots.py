"""Take the README's screenshots of the demo: the home page on a phone, the calendar on a desktop, and the web editor.

    .venv/bin/python bench/readme_screenshots.py

The demo is built as of 11 April 2024, Vietnam Cooperative Day, in the middle
of the peak period, and Debian's Chromium is given the same date, so the
pictures show the campaign as readers saw it then. The web editor is shown
through `./dev edit` (campaign.edit) on the same copy, an item open beside its
preview. They are written to screenshots/ (committed; the README shows them).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work" / "readme-screenshots"
OUT = ROOT / "screenshots"
DAY = "2024-04-11"
PORT = 8878


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build() -> Path:
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    for name in ("hooks", "overrides", "i18n", "docs", "news", "plans", "editor"):
        shutil.copytree(ROOT / name, WORK / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.en.yml", WORK)
    (WORK / "node_modules").symlink_to(ROOT / "node_modules")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    lines = [f"site_url: http://127.0.0.1:{PORT}/" if line.startswith("site_url:") else line for line in config.splitlines()]
    (WORK / "mkdocs.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = {**os.environ, "CAMPAIGN_BUILD_DATE": DAY, "NO_MKDOCS_2_WARNING": "1", "CAMPAIGN_CACHE": "off"}
    subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--strict", "-q"], cwd=WORK, env=env, check=True)
    return WORK / "site"


def main() -> None:
    site = build()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    OUT.mkdir(exist_ok=True)
    # (file, page, viewport, element the picture starts at, height)
    shots = (
        ("home-phone.png", "", {"width": 390, "height": 844}, None, 1700),
        ("calendar-desktop.png", "lich-hoat-dong/", {"width": 1280, "height": 900}, "#lich-hoat-dong-2024-04", 1050),
    )
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
            for name, path, viewport, start, height in shots:
                page = browser.new_page(viewport=viewport)
                page.clock.set_fixed_time(f"{DAY}T09:00:00+07:00")
                page.goto(f"http://127.0.0.1:{PORT}/{path}", wait_until="networkidle")
                top = page.evaluate(f"() => document.querySelector('{start}').getBoundingClientRect().top + scrollY - 12") if start else 0
                page.screenshot(path=str(OUT / name), full_page=True, clip={"x": 0, "y": top, "width": viewport["width"], "height": height})
                page.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    editor_shot()
    print("written:", ", ".join(str(OUT / name) for name, *_ in shots), str(OUT / "editor-desktop.png"))


def editor_shot() -> None:
    """An item open in the web editor, its preview beside it, through `./dev edit` on the built copy."""
    env = {**os.environ, "CAMPAIGN_BUILD_DATE": DAY, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(WORK / "hooks")}
    edit = subprocess.Popen([sys.executable, "-m", "campaign.edit", "--dev-addr", f"127.0.0.1:{PORT}"], cwd=WORK, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/admin/", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(f"http://127.0.0.1:{PORT}/admin/")
            page.get_by_role("button", name="Đăng nhập").click()
            page.goto(f"http://127.0.0.1:{PORT}/admin/#/collections/news/entries/2024/giao-ban-thang-3")
            page.reload()
            page.locator('[data-slate-editor="true"]').first.wait_for()
            page.locator('button[title="Bật/tắt song ngữ"]').click()
            page.locator('button[title="Bật/tắt xem trước"]').click()
            page.frame_locator("iframe").first.locator(".campaign-figure img").wait_for()
            page.wait_for_timeout(500)
            page.screenshot(path=str(OUT / "editor-desktop.png"))
            browser.close()
    finally:
        os.kill(edit.pid, signal.SIGINT)  # ./dev edit stops decap-server and the preview
        edit.wait(timeout=30)


if __name__ == "__main__":
    main()
