"""The search index Pagefind writes: one per language, only what readers look for, text kept as text.

The index's fragments (gzip-compressed JSON, one per indexed page) are read
back to see exactly what a reader's search can find and show.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
from pathlib import Path

import pytest

from campaign.output.search import RARE_FLOOR, SearchIndex, SearchRecord, record_document, spell_for_index
from conftest import build, indexed, make_project, news_file

ARTICLE = "/tin-tuc/2024/03/thua-thien-hue-len-ke-hoach-huong-ung-thang-hanh-dong-vi-hop-tac-xa/"


def test_each_language_has_its_own_index_of_its_own_pages(demo_build):
    vi, en = demo_build.site / "pagefind", demo_build.site / "en" / "pagefind"
    assert list(json.loads((vi / "pagefind-entry.json").read_text())["languages"]) == ["vi"]
    assert list(json.loads((en / "pagefind-entry.json").read_text())["languages"]) == ["en"]
    vi_pages, en_pages = indexed(vi), indexed(en)
    assert ARTICLE in vi_pages and "/news/2024/03/thua-thien-hue-plans-its-part-in-the-cooperative-action-month/" in en_pages
    assert not any(url.startswith(("/en/", "/news/")) for url in vi_pages)
    assert not any("/tin-tuc/" in url for url in en_pages)
    # Only the script and the index: Pagefind's own interfaces are not shipped.
    assert not list(vi.glob("*ui*")) and (vi / "pagefind.js").is_file()


def test_only_articles_plans_and_hand_written_pages_are_indexed(demo_build):
    pages = indexed(demo_build.site / "pagefind")
    articles = {url for url in pages if re.fullmatch(r"/tin-tuc/\d{4}/\d{2}/[^/]+/", url)}
    assert len(articles) == 6
    assert set(pages) - articles == {"/", "/gioi-thieu/", "/ke-hoach/ke-hoach-70-2024/", "/ke-hoach/thua-thien-hue-2024/"}


def test_an_article_is_indexed_without_the_page_furniture(demo_build):
    page = indexed(demo_build.site / "pagefind")[ARTICLE]
    assert {key: page["meta"][key] for key in ("title", "date", "section")} == {
        "title": "Thừa Thiên Huế lên kế hoạch hưởng ứng Tháng hành động vì hợp tác xã",
        "date": "15/03/2024", "section": "Tháng hành động",
    }
    # The body's first 80 words in full; after them its words once each, searched but not shown.
    assert "tặng xe đạp" in page["meta"]["rest"] and "tặng xe đạp" not in page["content"]
    assert page["filters"] == {"category": ["Tháng hành động"], "year": ["2024"]}
    text = page["content"]
    assert text.startswith("Thừa Thiên Huế lên kế hoạch hưởng ứng")
    assert "Thẻ: Tháng hành động, Thừa Thiên Huế" in text  # its tags
    for furniture in ("Bạn đang ở", "Tin mới hơn", "Tin cũ hơn", "Material for MkDocs", "Tìm kiếm", "Chuyên mục:"):
        assert furniture not in text, furniture


def test_a_plan_is_indexed_with_its_messages_and_activities(demo_build):
    page = indexed(demo_build.site / "pagefind")["/ke-hoach/thua-thien-hue-2024/"]
    assert page["meta"]["section"] == "Kế hoạch" and page["filters"] == {"year": ["2024"]}
    assert "Vì sự phát triển bền vững của hợp tác xã" in page["content"]
    assert "Ngày Hợp tác xã Việt Nam" in page["content"]  # an activity


def test_search_box_finds_its_index_from_any_page_under_a_sub_path(tmp_path):
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_url: https://thang-hanh-dong-htx.example.org/", "site_url: https://example.org/repo/"), encoding="utf-8")
    result = build(project, "--strict")
    assert result.returncode == 0, result.log
    dialog = result.page(ARTICLE).select_one("dialog#campaign-search")
    assert dialog["data-bundle"] == "../../../../pagefind/pagefind.js" and dialog["data-root"] == "../../../../"
    missing = result.site / "404.html"
    assert 'data-bundle="/repo/pagefind/pagefind.js"' in missing.read_text(encoding="utf-8")
    assert 'data-bundle="/repo/en/pagefind/pagefind.js"' in (result.site / "en" / "404.html").read_text(encoding="utf-8")
    assert (result.site / "pagefind" / "pagefind.js").is_file() and (result.site / "en" / "pagefind" / "pagefind.js").is_file()
    # Material's own search is gone: no index fetched on every page.
    assert not (result.site / "search" / "search_index.json").exists()


def test_drafts_and_scheduled_items_stay_out_of_the_index(tmp_path):
    project = make_project(tmp_path, news={
        "2024/a.md": news_file("Tin công khai", "2024-03-01", body="Nội dung công khai."),
        "2024/b.md": news_file("Tin nháp bí mật", "2024-03-02", body="Bản nháp chưa duyệt.", draft=True),
        "2024/c.md": news_file("Tin hẹn giờ", "2099-01-01", body="Chưa tới ngày đăng."),
    })
    result = build(project, "--strict")
    assert result.returncode == 0, result.log
    text = json.dumps(indexed(result.site / "pagefind"), ensure_ascii=False)
    assert "Nội dung công khai" in text
    assert "bí mật" not in text and "Chưa tới ngày" not in text


# Unit tests on records ------------------------------------------------------------


@pytest.mark.quick
def test_d_with_stroke_is_spelled_with_a_combining_mark_for_the_index():
    assert spell_for_index("Đà Nẵng, đổi mới") == "D\u0335à Nẵng, d\u0335ổi mới"
    assert spell_for_index("Hợp tác xã") == "Hợp tác xã"


@pytest.mark.quick
def test_record_text_is_escaped_everywhere_it_lands():
    record = SearchRecord(
        path="tin-tuc/x/", title='<script>alert(1)</script> & "q"', body="<p>Thân bài</p>",
        intro=("Tóm tắt <b>không đậm</b>",), outro=("Thẻ: <i>x</i>",),
        meta={"date": '1/2/2024" onload="x', "section": "A & B"}, filters={"category": "<c>"}, sort={"date": "1"},
    )
    document = record_document(record, "vi")
    assert "<script>" not in document and "<b>" not in document and "<i>" not in document
    assert 'content="1/2/2024&quot; onload=&quot;x"' in document
    assert '<meta data-pagefind-filter="category[content]" content="&lt;c&gt;">' in document
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</h1>" in document
    assert '<html lang="vi">' in document and "<p>Thân bài</p>" in document


@pytest.mark.quick
def test_a_page_with_its_own_heading_is_not_given_a_second_one():
    document = record_document(SearchRecord(path="", title="Giới thiệu", body="<h1>Giới thiệu</h1><p>x</p>"), "vi")
    assert document.count("<h1") == 1 and 'data-pagefind-meta="title[content]" content="Giới thiệu"' in document


def test_a_hand_written_page_can_stay_out_of_search(tmp_path):
    project = make_project(tmp_path)
    (project / "docs" / "noi-bo.md").write_text("---\nsearch: {exclude: true}\n---\n# Ghi chú nội bộ\n\nKhông tìm thấy.\n",
                                               encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.log
    assert result.exists("noi-bo/") and "/noi-bo/" not in indexed(result.site / "pagefind")
    assert "/gioi-thieu/" in indexed(result.site / "pagefind")


def test_after_the_lead_only_rare_words_are_indexed(tmp_path):
    index = SearchIndex("vi", lead_words=5)
    common = "hợp tác xã"  # in every record's tail: common, so left to the leads
    for n in range(RARE_FLOOR * 2):
        rare = " Đà Nẵng" if n == 7 else ""
        index.add(SearchRecord(path=f"tin/{n}/", title=f"Tin số {n}", body=f"<p>Mở đầu một hai ba bốn. Sau đó {common}{rare}.</p>"))
    index.add(SearchRecord(path="ngan/", title="Tin ngắn", body="<p>Ngắn gọn hợp tác xã.</p>"))
    index.write(tmp_path)
    pages = indexed(tmp_path / "pagefind")
    assert len(pages) == RARE_FLOOR * 2 + 1
    assert pages["/tin/7/"]["meta"]["rest"] == "đà nẵng"  # "sau đó", in every record, is common too
    assert pages["/tin/7/"]["content"] == "Tin số 7. Mở đầu một hai ba …"
    assert "rest" not in pages["/tin/8/"]["meta"]  # "sau", "đó", "hợp", "tác", "xã": in every record
    assert "hợp tác xã" in pages["/ngan/"]["content"]  # a short body is indexed whole


def test_while_previewing_the_index_follows_the_build_instead_of_holding_it_up(tmp_path):
    project = make_project(tmp_path)
    staging = set(Path(tempfile.gettempdir()).glob("campaign-search-*"))
    result = build(project, env={"CAMPAIGN_SERVE": "1"})  # as `mkdocs serve` sets it
    assert result.returncode == 0, result.log
    assert "search vi: 10 pages being indexed by Pagefind" in result.log
    for _ in range(300):
        if all((site / "pagefind" / "pagefind-entry.json").is_file() for site in (result.site, result.site / "en")):
            break
        time.sleep(0.1)
    time.sleep(1)  # the bundle is in place; let the indexers tidy up
    assert ARTICLE in indexed(result.site / "pagefind")
    assert set(Path(tempfile.gettempdir()).glob("campaign-search-*")) <= staging  # staging folders and notes removed
