"""Build real sites and check, by parsing the HTML, what readers get."""

from __future__ import annotations

import pytest

from conftest import build, make_project, news_file, resolve

# 12 Vietnamese items: three on one day at the same time (the tie-breaker is the
# file path), spread over 2023 and 2024, two categories, tags; plus a draft, a
# scheduled item and two English translations.
ITEMS = [
    ("2023/a.md", "Tin A năm 2023", "2023-12-30 08:00", "kinh-te-tap-the", ["Chung"]),
    ("2023/b.md", "Tin B năm 2023", "2023-12-31 08:00", "thang-hanh-dong", ["Chung", "Đặc biệt"]),
    ("2024/c.md", "Tin C", "2024-01-05", "kinh-te-tap-the", []),
    ("2024/d.md", "Tin D", "2024-02-01 10:00", "kinh-te-tap-the", ["Chung"]),
    ("2024/e1.md", "Tin E một", "2024-02-07 09:30", "thang-hanh-dong", []),
    ("2024/e2.md", "Tin E hai", "2024-02-07 09:30", "thang-hanh-dong", []),
    ("2024/e3.md", "Tin E ba", "2024-02-07 09:30", "thang-hanh-dong", []),
    ("2024/f.md", "Tin F", "2024-02-20", "kinh-te-tap-the", ["chung"]),
    ("2024/g.md", "Tin G", "15/03/2024 14:00", "thang-hanh-dong", []),
    ("2024/h.md", "Tin H", "2024-03-16T08:00:00+07:00", "kinh-te-tap-the", []),
    ("2024/i.md", "Tin I", "2024-03-20", "thang-hanh-dong", ["Đặc biệt"]),
    ("2024/j.md", "Tin J", "2024-03-28 17:45", "kinh-te-tap-the", []),
]
PAGE_SIZE, NEIGHBOURS = 3, 2


def listing_news():
    news = {path: news_file(title, date, category, tags=tags) for path, title, date, category, tags in ITEMS}
    news["2024/draft.md"] = news_file("Bản nháp bí mật", "2024-03-01", draft=True)
    news["2024/later.md"] = news_file("Tin hẹn giờ", "2026-06-01 08:00")
    news["2024/d.en.md"] = news_file("Item D", "2024-02-01 10:00", tags=["General"])
    news["2024/g.en.md"] = news_file("Item G", "2024-03-15 14:00", "Action Month")
    return news


# Expected order: newest first; equal dates by file path (e1, e2, e3).
ORDER = ["Tin J", "Tin I", "Tin H", "Tin G", "Tin F", "Tin E một", "Tin E hai", "Tin E ba", "Tin D", "Tin C", "Tin B năm 2023", "Tin A năm 2023"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("listing"), listing_news(), {"page_size": PAGE_SIZE, "neighbours": NEIGHBOURS})
    result = build(project, env={"CAMPAIGN_BUILD_DATE": "2025-01-01"})
    assert result.returncode == 0, result.log
    return result


def entry_titles(result, first_page: str) -> list[str]:
    """Titles across every page of a paginated listing, following its page links."""
    titles, path, seen = [], first_page, set()
    while path and path not in seen:
        seen.add(path)
        soup = result.page(path)
        titles += [a.get_text(strip=True) for a in soup.select(".campaign-entry__title a")]
        nxt = soup.select_one(".campaign-pagination a[rel=next]")
        path = resolve(path, nxt["href"]) if nxt else None
    return titles


def test_news_listing_is_complete_newest_first_and_paginated(site):
    assert entry_titles(site, "tin-tuc/") == ORDER
    soup = site.page("tin-tuc/")
    pages = [a.get_text(strip=True) for a in soup.select(".campaign-pagination ol a")]
    assert pages == ["Mới nhất", "3", "2", "1"]  # numbered from the oldest; the newest page is the root
    assert site.exists("tin-tuc/trang/1/") and site.exists("tin-tuc/trang/3/") and not site.exists("tin-tuc/trang/4/")
    assert len(soup.select(".campaign-entry")) in range(PAGE_SIZE, 2 * PAGE_SIZE)  # the root: page_size to twice as many less one
    entry = soup.select_one(".campaign-entry")
    assert entry.select_one("time").get_text() == "28/03/2024"
    assert entry.select_one(".campaign-meta a").get_text() == "Kinh tế tập thể"
    assert entry.select_one(".campaign-entry__summary").get_text() == "Nội dung bài viết."
    # The news by date link the archive (it is not a tab); a category's listing does not need to.
    archive = soup.select_one(".campaign-more a")
    assert archive.get_text() == "Lưu trữ: tin theo năm, chuyên mục và thẻ ›" and resolve("tin-tuc/", archive["href"]) == "tin-tuc/luu-tru/"
    assert site.page("tin-tuc/chuyen-muc/kinh-te-tap-the/").select_one(".campaign-more") is None


def test_year_month_category_and_tag_archives(site):
    assert entry_titles(site, "tin-tuc/2023/") == ["Tin B năm 2023", "Tin A năm 2023"]
    assert entry_titles(site, "tin-tuc/2024/") == ORDER[:-2]
    assert entry_titles(site, "tin-tuc/2024/02/") == ["Tin F", "Tin E một", "Tin E hai", "Tin E ba", "Tin D"]
    action_month = {"Tin I", "Tin G", "Tin E một", "Tin E hai", "Tin E ba", "Tin B năm 2023"}
    assert entry_titles(site, "tin-tuc/chuyen-muc/thang-hanh-dong/") == [t for t in ORDER if t in action_month]
    # "Chung" and "chung" are one tag, named as first written.
    assert site.page("tin-tuc/the/chung/").h1.get_text() == "Thẻ: Chung"
    assert entry_titles(site, "tin-tuc/the/chung/") == ["Tin F", "Tin D", "Tin B năm 2023", "Tin A năm 2023"]
    assert entry_titles(site, "tin-tuc/the/dac-biet/") == ["Tin I", "Tin B năm 2023"]

    archive = site.page("tin-tuc/luu-tru/")
    years = [(li.a.get_text(), li.contents[1].strip()) for li in archive.select(".campaign-archive > li") if li.ul]
    assert years == [("2024", "(10 tin)"), ("2023", "(2 tin)")]
    months = [a.get_text() for a in archive.select(".campaign-archive li li a")]
    assert months == ["Tháng 3/2024", "Tháng 2/2024", "Tháng 1/2024", "Tháng 12/2023"]
    for a in archive.select("main a[href]"):
        assert site.exists(resolve("tin-tuc/luu-tru/", a["href"])), a["href"]


def article_paths(site) -> dict[str, str]:
    paths = {}
    for path in (p.relative_to(site.site).parent.as_posix() + "/" for p in site.site.glob("tin-tuc/20*/*/*/index.html")):
        soup = site.page(path)
        if soup.select_one(".campaign-article__header"):
            paths[soup.h1.get_text(strip=True)] = path
    return paths


def test_newer_and_older_news_follow_the_listing_order(site):
    paths = article_paths(site)
    assert sorted(paths) == sorted(ORDER)
    for index, title in enumerate(ORDER):
        soup = site.page(paths[title])
        newer = [a.get_text() for a in soup.select(".campaign-neighbours--newer a")]
        older = [a.get_text() for a in soup.select(".campaign-neighbours--older a")]
        assert newer == ORDER[max(0, index - NEIGHBOURS):index], title
        assert older == ORDER[index + 1:index + 1 + NEIGHBOURS], title
        for a in soup.select(".campaign-neighbours a"):
            assert site.exists(resolve(paths[title], a["href"]))
    assert [h.get_text() for h in site.page(paths["Tin G"]).select(".campaign-neighbours h2")] == ["Tin mới hơn", "Tin cũ hơn"]


def test_drafts_and_scheduled_items_appear_nowhere(site):
    for path, html in site.all_html().items():
        assert "Bản nháp bí mật" not in html and "Tin hẹn giờ" not in html, path
    assert "2024/draft.md: draft, not published" in site.log
    assert "2024/later.md: scheduled for 2026-06-01T08:00:00+07:00" in site.log
    assert "news vi: 12 published, 1 drafts, 1 scheduled, 0 errors" in site.log
    assert "news en: 2 published, 0 drafts, 0 scheduled, 0 errors" in site.log


def test_preview_shows_drafts_marked_and_a_later_build_date_publishes_scheduled_items(tmp_path):
    project = make_project(tmp_path, listing_news())
    result = build(project, env={"CAMPAIGN_BUILD_DATE": "2026-06-01 08:00", "CAMPAIGN_PREVIEW": "1"})
    assert result.returncode == 0, result.log
    soup = result.page("tin-tuc/2024/03/ban-nhap-bi-mat/")
    assert soup.select_one("h1 .campaign-badge").get_text() == "Bản nháp"
    assert "Tin hẹn giờ" in result.html("tin-tuc/")


def test_breadcrumbs_link_every_level(site):
    path = article_paths(site)["Tin G"]
    soup = site.page(path)
    crumbs = soup.select(".campaign-breadcrumbs a")
    assert soup.select_one(".campaign-breadcrumbs__label").get_text() == "Bạn đang ở:"
    # The trail stops at the category: the headline under it names the article.
    assert [a.get_text() for a in crumbs] == ["Trang chủ", "Tin tức", "Tháng hành động"]
    assert [resolve(path, a["href"]) for a in crumbs] == ["", "tin-tuc/", "tin-tuc/chuyen-muc/thang-hanh-dong/"]
    assert not any(a.has_attr("aria-current") for a in crumbs)  # the category is not this page
    assert soup.select_one("h1").get_text() == "Tin G"
    english = site.page("en/news/2024/03/item-g/")
    assert [a.get_text() for a in english.select(".campaign-breadcrumbs a")] == ["Home", "News", "Action Month"]
    assert english.select_one(".campaign-breadcrumbs__label").get_text() == "You are here:"


def switcher(soup) -> dict[str, str]:
    return {a["hreflang"]: a["href"] for a in soup.select(".md-select__link")}


def test_language_switcher_and_hreflang_lead_to_translations_or_home(site):
    vi_path, en_path = "tin-tuc/2024/03/tin-g/", "en/news/2024/03/item-g/"
    vi, en = site.page(vi_path), site.page(en_path)
    assert resolve(vi_path, switcher(vi)["en"]) == en_path
    assert resolve(en_path, switcher(en)["vi"]) == vi_path
    hreflang = {link["hreflang"]: link["href"] for link in vi.select("link[rel=alternate][hreflang]")}
    assert hreflang == {
        "vi": "https://thang-hanh-dong-htx.example.org/" + vi_path,
        "en": "https://thang-hanh-dong-htx.example.org/" + en_path,
        "x-default": "https://thang-hanh-dong-htx.example.org/" + vi_path,
    }
    assert en.select_one("html")["lang"] == "en" and vi.select_one("html")["lang"] == "vi"
    assert resolve(vi_path, vi.select_one(".campaign-translation a")["href"]) == en_path
    assert vi.select_one(".campaign-translation a").get_text() == "Đọc bản tiếng Anh"

    # No translation: the switcher goes to the other home page, and there is no hreflang.
    lone = "tin-tuc/2024/03/tin-h/"
    soup = site.page(lone)
    assert resolve(lone, switcher(soup)["en"]) == "en/"
    assert not soup.select("link[rel=alternate][hreflang]")
    # Hand-written pages and listings too.
    assert resolve("gioi-thieu/", switcher(site.page("gioi-thieu/"))["en"]) == "en/gioi-thieu/"
    assert resolve("en/", switcher(site.page("en/"))["vi"]) == ""
    assert resolve("tin-tuc/2024/03/", switcher(site.page("tin-tuc/2024/03/"))["en"]) == "en/news/2024/03/"
    assert resolve("tin-tuc/2023/", switcher(site.page("tin-tuc/2023/"))["en"]) == "en/"


def test_every_internal_link_points_to_a_page_that_exists(site):
    for path in site.all_html():
        page_path = path[: -len("index.html")] if path.endswith("index.html") else path
        soup = site.page(page_path) if path.endswith("index.html") else None
        if soup is None:
            continue
        for a in soup.select("a[href], link[rel=alternate][href]"):
            href = a["href"]
            if href.startswith(("http:", "https:", "mailto:", "#", "javascript:")):
                continue
            assert site.exists(resolve(page_path, href.split("#")[0])), f"{path}: {href}"


def test_news_never_goes_into_the_sidebar(site):
    nav_links = [a.get_text(strip=True) for a in site.page("tin-tuc/").select(".md-nav--primary a")]
    assert not any(title in nav_links for title in ORDER)


def test_long_listings_link_a_window_of_pages_not_all_of_them(tmp_path):
    # Linking every page from every page would grow as pages²; a window keeps each page small.
    project = make_project(tmp_path, listing_news(), {"page_size": 1})
    result = build(project, env={"CAMPAIGN_BUILD_DATE": "2025-01-01"})
    assert result.returncode == 0, result.log
    soup = result.page("tin-tuc/trang/6/")
    items = [li.get_text(strip=True) for li in soup.select(".campaign-pagination ol li")]
    assert items == ["Mới nhất", "…", "8", "7", "6", "5", "4", "…", "1"]
    assert soup.select_one(".campaign-pagination a[aria-current=page]").get_text() == "6"
    assert resolve("tin-tuc/trang/6/", soup.select_one("a[rel=prev]")["href"]) == "tin-tuc/trang/7/"  # newer
    assert resolve("tin-tuc/trang/6/", soup.select_one("a[rel=next]")["href"]) == "tin-tuc/trang/5/"  # older
    root = [li.get_text(strip=True) for li in result.page("tin-tuc/").select(".campaign-pagination ol li")]
    assert root == ["Mới nhất", "11", "10", "…", "1"]
    assert entry_titles(result, "tin-tuc/") == ORDER  # every page still reached by following "next"
