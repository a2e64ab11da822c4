"""The shipped web-server configuration (deploy/nginx.conf), run by Debian's nginx in front of a real build.

The demo is built with its site_url set to the server's address; nginx runs
the shipped server block with only its `listen` and `root` lines changed.
Every promise of the file is checked on the responses: media types,
compression, caching, the two 404 pages, the security headers, trailing-slash
redirects; then the browser tests' page visits go through it, under its
Content-Security-Policy, and must cause no violation, console error or failed
request.
"""

from __future__ import annotations

import gzip
import http.client
import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from conftest import ROOT, BuildResult, build, free_port, make_project
from test_browser import ARGS, CHROMIUM, PAGE_TYPES

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SERVER_BLOCK = ROOT / "deploy" / "nginx.conf"


def server_block(port: int, root: Path) -> str:
    """The shipped block with its `listen` and `root` lines pointed at a port and a build: nothing else changes."""
    text = SERVER_BLOCK.read_text(encoding="utf-8")
    text, listens = re.subn(r"(?m)^    listen .*;$", f"    listen 127.0.0.1:{port};", text)
    text, roots = re.subn(r"(?m)^    root .*;$", f"    root {root};", text)
    assert listens == 1 and roots == 1, "deploy/nginx.conf must keep one `listen` and one `root` line of their own"
    return text


class Served:
    def __init__(self, port: int, result: BuildResult):
        self.port, self.result = port, result
        self.base = f"http://127.0.0.1:{port}/"

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.request("GET", "/" + path, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: install Debian's nginx-light (./dev test does it)")
    port = free_port()
    project = make_project(tmp_path_factory.mktemp("nginx"), campaign={"precompress": True})  # for gzip_static
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url:.*$", f"site_url: http://127.0.0.1:{port}/", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    result = build(project, "--strict")
    assert result.returncode == 0, result.log
    work = tmp_path_factory.mktemp("nginx-run")
    (work / "server.conf").write_text(server_block(port, result.site), encoding="utf-8")
    temp = " ".join(f"{kind}_temp_path {work / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # Started by root (as in CI), nginx's workers would run as www-data, who cannot read pytest's folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    (work / "nginx.conf").write_text(
        f"{user}daemon off;\npid {work / 'nginx.pid'};\nerror_log {work / 'error.log'} warn;\nworker_processes 1;\n"
        f"events {{ worker_connections 256; }}\n"
        f"http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n  access_log off;\n  {temp}\n"
        f"  include {work / 'server.conf'};\n}}\n",
        encoding="utf-8",
    )
    check = subprocess.run([NGINX, "-t", "-p", str(work), "-c", str(work / "nginx.conf")], capture_output=True, text=True)
    assert check.returncode == 0 and "[warn]" not in check.stderr, check.stderr
    process = subprocess.Popen([NGINX, "-p", str(work), "-c", str(work / "nginx.conf")], stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield Served(port, result)
    process.terminate()
    process.wait(timeout=10)
    errors = (work / "error.log").read_text(encoding="utf-8") if (work / "error.log").exists() else ""
    assert "[emerg]" not in errors and "[crit]" not in errors, errors


ARTICLE = PAGE_TYPES["article"][0]


def any_file(site: Path, pattern: str) -> str:
    return next(site.glob(pattern)).relative_to(site).as_posix()


def test_media_types_say_what_each_file_is_and_that_text_is_utf8(served):
    site = served.result.site
    expected = {
        "": "text/html; charset=utf-8",
        ARTICLE: "text/html; charset=utf-8",
        "lich-hoat-dong.ics": "text/calendar; charset=utf-8",
        "en/calendar.ics": "text/calendar; charset=utf-8",
        "rss.xml": "application/rss+xml; charset=utf-8",
        "en/atom.xml": "application/atom+xml; charset=utf-8",
        "tin-tuc/chuyen-muc/kinh-te-tap-the/rss.xml": "application/rss+xml; charset=utf-8",
        "sitemap.xml": "text/xml; charset=utf-8",
        "assets/stylesheets/campaign.css": "text/css; charset=utf-8",
        "assets/javascripts/campaign.js": "application/javascript; charset=utf-8",
        "assets/images/chuyen-muc/kinh-te-tap-the.svg": "image/svg+xml; charset=utf-8",
        "assets/images/chia-se.png": "image/png",
        "pagefind/pagefind-entry.json": "application/json; charset=utf-8",
        any_file(site, "pagefind/fragment/*.pf_fragment"): "application/octet-stream",
    }
    for path, media_type in expected.items():
        status, headers, _ = served.get(path)
        assert (status, headers["content-type"]) == (200, media_type), path


def test_text_is_compressed_and_unchanged_once_uncompressed(served):
    site = served.result.site
    for path in ("", ARTICLE, "assets/stylesheets/campaign.css", "assets/javascripts/search.js", "pagefind/pagefind.js",
                 "rss.xml", "lich-hoat-dong.ics", "assets/images/chuyen-muc/thang-hanh-dong.svg", any_file(site, "assets/javascripts/bundle.*.min.js")):
        status, headers, body = served.get(path, {"Accept-Encoding": "gzip"})
        assert (status, headers.get("content-encoding"), headers.get("vary")) == (200, "gzip", "Accept-Encoding"), path
        original = (site / path / "index.html") if path == "" or path.endswith("/") else site / path
        assert gzip.decompress(body) == original.read_bytes(), path
        assert "content-encoding" not in served.get(path)[1], path  # a client that cannot unzip gets the file
    # A .gz beside a file (the build's, with precompress: true; MkDocs' sitemap.xml.gz) is sent as it is: the same
    # bytes. Pagefind's entry files have none: compressed on the fly.
    for path in (ARTICLE + "index.html", "rss.xml", "lich-hoat-dong.ics", "assets/stylesheets/campaign.css", "sitemap.xml"):
        status, headers, body = served.get(path, {"Accept-Encoding": "gzip"})
        assert headers.get("content-encoding") == "gzip" and body == (site / (path + ".gz")).read_bytes(), path
    assert not (site / "pagefind" / "pagefind.js.gz").exists()
    # Images and Pagefind's chunks are compressed already.
    for path in ("assets/images/chia-se.png", any_file(site, "pagefind/fragment/*.pf_fragment")):
        assert "content-encoding" not in served.get(path, {"Accept-Encoding": "gzip"})[1], path


def test_only_files_named_by_their_content_are_cached_for_long(served):
    site = served.result.site
    forever = "public, max-age=31536000, immutable"
    for path in (any_file(site, "assets/javascripts/bundle.*.min.js"), any_file(site, "assets/stylesheets/main.*.min.css"),
                 any_file(site, "pagefind/fragment/*.pf_fragment"), any_file(site, "pagefind/index/*.pf_index")):
        assert served.get(path)[1]["cache-control"] == forever, path
    for path in ("", ARTICLE, "rss.xml", "en/atom.xml", "lich-hoat-dong.ics", "pagefind/pagefind.js", "pagefind/pagefind-entry.json",
                 "assets/stylesheets/campaign.css", "assets/javascripts/campaign.js", "sitemap.xml", "404.html"):
        assert served.get(path)[1]["cache-control"] == "no-cache", path
    # Revalidation costs a 304 and no body.
    etag = served.get(ARTICLE)[1]["etag"]
    status, _, body = served.get(ARTICLE, {"If-None-Match": etag})
    assert (status, body) == (304, b"")


def test_a_missing_address_gets_the_404_page_of_its_language_with_status_404(served):
    for path, lang, title in (("khong-co-trang-nay/", "vi", "Không tìm thấy trang"), ("tin-tuc/2024/99/x/", "vi", "Không tìm thấy trang"),
                              ("en/no-such-page/", "en", "Page not found"), ("en/news/x.ics", "en", "Page not found"),
                              ("assets/none.css", "vi", "Không tìm thấy trang")):
        status, headers, body = served.get(path)
        html = body.decode("utf-8")
        assert status == 404 and headers["content-type"] == "text/html; charset=utf-8", path
        assert f'<html lang="{lang}"' in html and f">{title}</h1>" in html, path


def test_every_response_carries_the_security_headers(served):
    for path in ("", ARTICLE, "rss.xml", "lich-hoat-dong.ics", "assets/javascripts/campaign.js", "en/no-such-page/", "tin-tuc"):
        _, headers, _ = served.get(path)
        csp = dict(d.strip().split(" ", 1) for d in headers["content-security-policy"].split(";"))
        assert csp["default-src"] == "'self'" and csp["script-src"] == "'self' 'wasm-unsafe-eval'", path
        assert "unsafe-eval'" not in csp["script-src"].replace("wasm-unsafe-eval", "") and "unsafe-inline" not in csp["script-src"]
        assert csp["frame-ancestors"] == "'none'" and csp["object-src"] == "'none'" and csp["base-uri"] == "'self'"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in headers["permissions-policy"] and "geolocation=()" in headers["permissions-policy"]
        assert "server" not in headers or "/" not in headers["server"]  # no version number


def test_a_folder_address_without_its_slash_is_redirected_to_it(served):
    for path, target in (("tin-tuc", "/tin-tuc/"), ("en/news/archive", "/en/news/archive/"), (ARTICLE.rstrip("/"), "/" + ARTICLE)):
        status, headers, _ = served.get(path)
        assert (status, headers["location"]) == (301, target), path


def watched_page(browser: Browser, problems: list[str]) -> Page:
    """A page whose policy violations, console errors, page errors, failed requests and HTTP errors (but the 404
    pages' own) go to `problems`."""
    context = browser.new_context()
    context.add_init_script("document.addEventListener('securitypolicyviolation',"
                            " e => console.error(`CSP ${e.violatedDirective} ${e.blockedURI}`))")
    page = context.new_page()
    page.on("console", lambda m: problems.append(f"{page.url}: console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"{page.url}: page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} {r.failure}"))
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 and "404.html" not in r.url else None)
    return page


def test_every_page_type_works_through_nginx_under_its_policy(served):
    """The browser tests' visits, through the shipped server: no policy violation, console error or failed request."""
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = watched_page(browser, problems)
        for paths in PAGE_TYPES.values():
            for path in paths:
                page.goto(served.base + path, wait_until="networkidle")
        # Search loads Pagefind's script, worker and WebAssembly under the policy.
        page.goto(served.base, wait_until="networkidle")
        page.click(".campaign-search-open")
        page.fill(".campaign-search__input", "hop tac xa")
        page.wait_for_function("() => document.getElementById('campaign-search').dataset.state === 'done'", timeout=15_000)
        assert page.locator(".campaign-search__link").count() > 0
        browser.close()
    assert problems == []


def test_the_web_editor_works_under_a_policy_of_its_own_and_only_there(served):
    """Decap CMS at /admin/ needs inline styles and compiled checks: allowed there, and nowhere else."""
    status, headers, _ = served.get("admin/")
    editor_policy = headers["content-security-policy"]
    assert status == 200 and "'unsafe-inline'" in editor_policy and "https://api.github.com" in editor_policy
    assert "frame-ancestors 'none'" in editor_policy and "object-src 'none'" in editor_policy
    for path in ("", ARTICLE, "admin.html", "en/"):
        policy = served.get(path)[1]["content-security-policy"]
        assert "unsafe" not in policy.replace("'wasm-unsafe-eval'", ""), path
    status, headers, _ = served.get("admin/config.yml")
    assert status == 200 and headers["content-type"] == "text/yaml; charset=utf-8"
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = watched_page(browser, problems)
        page.goto(served.base + "admin/", wait_until="networkidle")
        page.get_by_role("button", name="Đăng nhập").wait_for(timeout=30_000)
        browser.close()
    assert problems == []
