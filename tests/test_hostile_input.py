"""Input written by an attacker or a careless author: no traceback, no leak, no draft on the site.

One project holds every probe the issue lists (symlinks out of the project,
backups and odd Markdown names, control characters, impossible dates, alias
bombs, scripts in bodies, unsafe image addresses and file names); it is built
plainly, strictly, and checked with `./dev check`, and the site is searched
for anything that should not be there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from campaign.core.text import NOT_TEXT
from conftest import build, indexed, make_project, news_file, tool

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000010000000080806000000") + b"\x00" * 32
ODD_NAME = "ảnh #1?v=2 100% đẹp.png"

ALIAS_BOMB = "---\ntitle: Bom\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
) + "---\nBody\n"

NEWS: dict[str, str | bytes] = {
    "2024/good.md": news_file("Tin tốt có ảnh", "2024-02-07 16:30", image="images/used.png",
                              body="Ảnh trong bài: ![sơ đồ](images/body.png)\n\n[Tải về](files/ke-hoach.pdf)"),
    "2024/odd-image.md": news_file("Tin có ảnh tên lạ", "2024-02-08", image=f"images/{ODD_NAME}"),
    "2024/draft.md": news_file("Bản nháp bí mật", "2024-02-09", draft=True, image="images/draft-only.png",
                               body="SECRET-DRAFT ![](images/draft-body.png)"),
    "2024/later.md": news_file("Tin hẹn giờ", "2030-01-01", image="images/later.png", body="SECRET-SCHEDULED"),
    "2024/images/used.png": PNG, "2024/images/body.png": PNG, f"2024/images/{ODD_NAME}": PNG,
    "2024/images/draft-only.png": PNG, "2024/images/draft-body.png": PNG, "2024/images/later.png": PNG,
    "2024/files/ke-hoach.pdf": b"%PDF-1.4\n", "2024/unused.txt": "SECRET-UNUSED",
    # Names that are not content: reported, never published.
    "2024/HOA.MD": news_file("Chữ hoa", "2024-02-10", draft=True, body="SECRET-UPPER"),
    "2024/tin.md~": news_file("Bản sao lưu", "2024-02-10", body="SECRET-BACKUP"),
    "2024/tin.markdown": news_file("Đuôi khác", "2024-02-10", body="SECRET-MARKDOWN"),
    "2024/.an.md": news_file("Tệp ẩn", "2024-02-10", body="SECRET-HIDDEN"),
    "2024/_mau.md": news_file("Mẫu", "2024-02-10", body="SECRET-TEMPLATE"),
    "2024/#tin.md#": "SECRET-AUTOSAVE", "2024/tin.md.swp": "SECRET-SWAP", "2024/tin.md.bak": "SECRET-BAK",
    # Characters no XML, HTML or calendar can carry.
    "2024/control.md": news_file("Tiêu đề\x0ccó ký tự lạ", "2024-02-11",
                                 body="Đoạn có \x1b[31mmàu\x1b[0m, \x01, \ufffe và &#1; và &#x1F;.\n\nĐoạn hai."),
    "2024/escaped.md": '---\ntitle: "Thoát\\x01ký tự\\e"\ndate: 2024-02-12\ncategory: kinh-te-tap-the\n---\nBody\n',
    # Dates that do not exist, in YAML's own form and in the others; years out of range.
    "2024/feb30.md": "---\ntitle: Ngày 30 tháng 2\ndate: 2024-02-30\ncategory: kinh-te-tap-the\n---\nBody\n",
    "2024/month13.md": "---\ntitle: Tháng 13\ndate: 2024-13-01 09:00:00\ncategory: kinh-te-tap-the\n---\nBody\n",
    "2024/hour25.md": news_file("Giờ 25", "07/02/2024 25:00"),
    "2024/year1.md": news_file("Năm 1", "0001-01-01T00:00:00+07:00"),
    # Types.
    "2024/lang-list.md": news_file("Ngôn ngữ là danh sách", "2024-02-13", lang=["vi"]),
    "2024/title-yes.md": "---\ntitle: yes\ndate: 2024-02-13\ncategory: kinh-te-tap-the\n---\nBody\n",
    "2024/number-tags.md": "---\ntitle: Thẻ là số\ndate: 2024-02-13\ncategory: kinh-te-tap-the\ntags: [2024, 3.10]\n---\nBody\n",
    "2024/bomb.md": ALIAS_BOMB,
    "2024/deep.md": "---\ntitle: Sâu\ndate: 2024-02-14\ncategory: kinh-te-tap-the\ntags: " + "[" * 5000 + "]" * 5000 + "\n---\nBody\n",
    # A title longer than a file name may be.
    "2024/long.md": news_file("Hợp tác xã " * 40, "2024-02-15"),
    # Live script in a body; unsafe featured images.
    "2024/script.md": news_file("Bài có mã độc", "2024-02-16", body=(
        "<script>alert('SECRET-SCRIPT')</script>\n\n<img src=\"x.png\" onerror=\"alert(1)\">\n\n"
        "[bấm](javascript:alert(1)) [dữ liệu](data:text/html,SECRET-DATA) <a href=\"vbscript:x\">vb</a>\n\n"
        "<iframe src=\"https://evil.example/\"></iframe>")),
    "2024/js-image.md": news_file("Ảnh javascript", "2024-02-17", image="javascript://alert(1)"),
    "2024/file-image.md": news_file("Ảnh file", "2024-02-17", image="file:///etc/passwd"),
    "2024/http-image.md": news_file("Ảnh http", "2024-02-17", image="http://example.org/a.jpg"),
    # Consistency: published, with a warning.
    "2024/twice.md": "---\ntitle: Khoá lặp\ndate: 2024-02-18\ncategory: kinh-te-tap-the\ntitle: Khoá lặp lần hai\n---\nBody\n",
    "2024/updated.md": news_file("Cập nhật trước khi đăng", "2024-02-18 10:00", updated="2024-02-01"),
    "2024/comma-tags.md": news_file("Thẻ một chuỗi", "2024-02-18", tags="hợp tác xã, kinh tế"),
}

PLAN = """\
---
type: plan
title: "Kế hoạch có ký tự lạ\\x01"
issuer: "Liên minh\\e HTX"
period: {start: 2024-01-01, end: 2024-12-31}
activities:
  - title: "Hội nghị\\0 có NUL"
    start: 2024-04-02
    location: "Hà Nội\\x1b"
  - title: Ngoài thời gian kế hoạch
    start: 2025-02-01
  - title: Cuối lịch
    start: 9999-12-31
---

Nội dung\x0b kế hoạch.
"""

EXPECTED = [
    "news/2024/passwd.png: file: a symbolic link to a file outside the project; it is neither read nor published",
    "news/2024/linked.md: file: a symbolic link to a file outside the project",
    "news/2024/etc: file: a symbolic link to a folder; it is not followed",
    "news/2024/HOA.MD: file: only '.md' files are read; rename it to HOA.md",
    "news/2024/tin.md~: file: an editor's backup or temporary file; it is not published",
    "news/2024/tin.markdown: file: only '.md' files are read",
    "news/2024/.an.md: file: a hidden file; it is not published",
    "news/2024/#tin.md#: file: an editor's backup",
    "news/2024/tin.md.swp: file: an editor's backup",
    "news/2024/tin.md.bak: file: an editor's backup",
    "news/2024/_mau.md: its name starts with '_': set aside, not read or published",
    "news/2024/control.md:2: title: control character U+000C (form feed) removed",
    "news/2024/control.md:7: body: control characters U+001B (escape), U+0001, U+FFFE removed",
    "news/2024/control.md:7: body: control characters U+0001, U+001F removed",
    "news/2024/escaped.md:2: title: control characters U+0001, U+001B (escape) removed",
    "news/2024/feb30.md:3: date: expected a date like 2024-02-07",
    "got '2024-02-30', which does not exist: day is out of range for month",
    "news/2024/month13.md:3: date: expected a date like",
    "got '2024-13-01 09:00:00', which does not exist: month must be in 1..12",
    "news/2024/hour25.md:3: date: expected a date like",
    "got '07/02/2024 25:00', which does not exist: hour must be in 0..23",
    "news/2024/year1.md:3: date: '0001-01-01T00:00:00+07:00': the year 1 is outside the years this site supports, 1900–2200",
    "news/2024/lang-list.md:5: lang: expected one of vi, en, got a list",
    'news/2024/title-yes.md:2: title: expected plain text, got yes, which YAML reads as true or false; write it in quotes',
    "news/2024/bomb.md:",
    "frontmatter: refused: expands to more than 50,000 values (through its aliases '*…')",
    "news/2024/deep.md:5: frontmatter: refused: nested more than 40 levels deep",
    "news/2024/js-image.md:5: image: expected a path relative to this file or an https:// address, got 'javascript://alert(1)'",
    "news/2024/file-image.md:5: image: expected a path relative to this file or an https:// address, got 'file:///etc/passwd'",
    "news/2024/http-image.md:5: image: expected a path relative to this file or an https:// address, got 'http://example.org/a.jpg'",
    "news/2024/twice.md:5: title: given twice (first on line 2); the value on this line is used",
    "news/2024/updated.md:5: updated: 2024-02-01 is before the date 2024-02-18 10:00",
    "news/2024/comma-tags.md:5: tags: 'hợp tác xã, kinh tế' is one tag; for several tags write a list: [hợp tác xã, kinh tế]",
    "plans/2024/la.md:3: title: control character U+0001 removed",
    "plans/2024/la.md:4: issuer: control character U+001B (escape) removed",
    "plans/2024/la.md:7: activities: control character U+0000 (nul) removed",
    "plans/2024/la.md:9: activities: control character U+001B (escape) removed",
    "plans/2024/la.md:16: body: control character U+000B (vertical tab) removed",
    "plans/2024/la.md:11: activities[2].start: “Ngoài thời gian kế hoạch”: 2025-02-01 is after the plan's period 2024-01-01 – 2024-12-31",
    "plans/2024/la.md:13: activities[3].start: “Cuối lịch”: '9999-12-31': the year 9999 is outside the years",
    "docs/bi-mat.txt: file: a symbolic link to a file outside the project",
    "docs/cu.markdown: file: only '.md' files are read",
    "docs/ngoai: file: a symbolic link to a folder; it is not followed",
]
LEFT_OUT = ["feb30", "month13", "hour25", "year1", "lang-list", "title-yes", "bomb", "deep", "js-image", "file-image", "http-image"]
SECRETS = re.compile(r"SECRET-|root:x:0:0|alert\(|javascript:|vbscript:|onerror|evil\.example")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "item.md").write_text(news_file("Tin ở ngoài dự án", "2024-02-20", body="SECRET-OUTSIDE"), encoding="utf-8")
    (outside / "folder").mkdir()
    (outside / "folder" / "page.md").write_text("# SECRET-FOLDER\n", encoding="utf-8")
    project = make_project(tmp_path_factory.mktemp("hostile"), NEWS, plans={"2024/la.md": PLAN})
    news = project / "news" / "2024"
    (news / "passwd.png").symlink_to("/etc/passwd")
    (news / "linked.md").symlink_to(outside / "item.md")
    (news / "etc").symlink_to(outside / "folder")
    docs = project / "docs"
    (docs / "bi-mat.txt").symlink_to("/etc/passwd")
    (docs / "ngoai").symlink_to(outside / "folder")
    (docs / "cu.markdown").write_text("# SECRET-DOCS-MARKDOWN\n", encoding="utf-8")
    return {"plain": build(project), "strict": build(project, "--strict"), "check": tool(project, "check")}


def test_no_input_produces_a_traceback_and_each_problem_is_named(hostile):
    plain = hostile["plain"]
    assert plain.returncode == 0, plain.log
    assert "Traceback" not in plain.log and "Error:" not in plain.log
    for message in EXPECTED:
        assert message in plain.log, f"{message!r} not in the log:\n{plain.log}"
    for name in LEFT_OUT:
        assert f"news/2024/{name}.md: left out of the site because of the problems above" in plain.log
    assert hostile["strict"].returncode != 0


def test_check_reports_the_same_lines_as_the_build(hostile):
    check = hostile["check"]
    assert check.returncode == 1 and "Traceback" not in check.stderr
    lines = check.stdout.splitlines()
    assert lines and all(line in hostile["plain"].log for line in lines)
    for message in EXPECTED:
        if "set aside" not in message:  # said in the build log, not a problem
            assert any(message in line for line in lines), message


def test_nothing_from_outside_the_project_or_of_a_draft_reaches_the_site(hostile):
    site = hostile["plain"].site
    for path in site.rglob("*"):
        # Not the theme's own scripts, nor the web editor's bundle (the npm package's files, as they are).
        if path.is_file() and "assets" not in path.relative_to(site).parts and "decap-cms" not in path.relative_to(site).parts:
            assert not SECRETS.search(path.read_bytes().decode("utf-8", "replace")), path
            assert not path.name.endswith(("~", ".MD", ".markdown", ".swp", ".bak", "#"))
    published = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    for name in ("used.png", "body.png", ODD_NAME):
        assert f"tin-tuc/2024/images/{name}" in published and f"en/news/2024/images/{name}" not in published
    assert "tin-tuc/2024/files/ke-hoach.pdf" in published
    for name in ("images/draft-only.png", "images/draft-body.png", "images/later.png", "unused.txt", "passwd.png"):
        assert not any(p.endswith(name) for p in published), name
    assert not any("bi-mat" in p or "ngoai" in p or p.startswith("cu") for p in published)
    # The search index is compressed: read back, it holds nothing of them either.
    index = json.dumps([indexed(site / "pagefind"), indexed(site / "en" / "pagefind")], ensure_ascii=False)
    assert "tin-tuc" in index and not SECRETS.search(index)


def test_no_control_character_reaches_any_output_and_every_feed_and_calendar_parses(hostile):
    site = hostile["plain"].site
    outputs = [p for p in site.rglob("*") if p.suffix in (".html", ".xml", ".ics", ".json")]
    for path in outputs:
        text = path.read_text(encoding="utf-8")
        assert not NOT_TEXT.search(text), path
        assert not re.search(r"&#(0*(?:[1-8]|1[1-9]|2[0-9]|3[01])|x0*(?:[1-8]|1[0-9a-f]));", text, re.IGNORECASE), path
    feeds = [p for p in outputs if p.name in ("rss.xml", "atom.xml")]
    assert len(feeds) >= 4
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    titles = [e.title for e in feedparser.parse((site / "rss.xml").read_bytes()).entries]
    assert "Tiêu đề có ký tự lạ" in titles and "Thoátký tự" in titles
    calendars = list(site.rglob("*.ics"))
    for path in calendars:
        icalendar.Calendar.from_ical(path.read_bytes())
    plan_calendar = icalendar.Calendar.from_ical((site / "ke-hoach" / "ke-hoach-co-ky-tu-la.ics").read_bytes())
    events = {str(e["SUMMARY"]): e for e in plan_calendar.walk("VEVENT")}
    assert set(events) == {"Hội nghị có NUL", "Ngoài thời gian kế hoạch"}
    assert str(events["Hội nghị có NUL"]["LOCATION"]) == "Hà Nội"


def test_bodies_are_cleaned_in_pages_and_feeds(hostile):
    result = hostile["plain"]
    page = result.page(_article_path(result, "Bài có mã độc"))
    body = page.select_one("article")
    assert body is not None and not body.select("script, iframe[src]")
    assert all(not a.get("href", "").startswith(("javascript", "data", "vbscript")) for a in body.select("a"))
    assert "scripts, event handlers or unsafe links and frames removed" in result.log
    entry = next(e for e in feedparser.parse((result.site / "rss.xml").read_bytes()).entries if e.title == "Bài có mã độc")
    assert "<script" not in entry.description and "onerror" not in entry.description


def test_file_names_are_percent_encoded_in_pages_feeds_and_sharing_tags(hostile):
    result = hostile["plain"]
    path = _article_path(result, "Tin có ảnh tên lạ")
    page = result.page(path)
    encoded = "%E1%BA%A3nh%20%231%3Fv%3D2%20100%25%20%C4%91%E1%BA%B9p.png"
    assert page.select_one("meta[property='og:image']")["content"].endswith("/tin-tuc/2024/images/" + encoded)
    srcs = [img["src"] for img in page.select("img")]
    assert any(src.endswith("images/" + encoded) for src in srcs), srcs
    entry = next(e for e in feedparser.parse((result.site / "rss.xml").read_bytes()).entries if e.title == "Tin có ảnh tên lạ")
    assert entry.enclosures[0].href.endswith("/tin-tuc/2024/images/" + encoded)


def test_long_titles_make_slugs_cut_at_a_word_boundary(hostile):
    result = hostile["plain"]
    path = _article_path(result, ("Hợp tác xã " * 40).strip())
    slug = path.rstrip("/").rsplit("/", 1)[1]
    assert len(slug) <= 100 and slug.endswith("hop-tac-xa")


def test_warnings_keep_the_item_published(hostile):
    result = hostile["plain"]
    for title in ("Khoá lặp lần hai", "Cập nhật trước khi đăng", "Thẻ một chuỗi", "Thẻ là số"):
        assert _article_path(result, title)
    tags = [a.get_text(strip=True) for a in result.page(_article_path(result, "Thẻ là số")).select("a[rel=tag], .campaign-tags a")]
    assert "2024" in tags and "3.10" in tags


def _article_path(result, title: str) -> str:
    """The site path of the published article with this title, found through the news listing's feed."""
    for entry in feedparser.parse((result.site / "rss.xml").read_bytes()).entries:
        if entry.title == title:
            return entry.link.split("example.org/", 1)[1]
    for path, html in result.all_html().items():
        soup = BeautifulSoup(html, "lxml")
        if soup.h1 is not None and soup.h1.get_text(strip=True) == title and path.startswith("tin-tuc/20"):
            return str(Path(path).parent) + "/"
    raise AssertionError(f"no article titled {title!r}")
