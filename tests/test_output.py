"""Text stays text, dates read the Vietnamese way, builds are reproducible, the demo is complete."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from conftest import build, make_project, news_file, resolve

TRICKY = 'Giá <b>bột</b> & "muối" \'Bạc Liêu\' </title><script>alert(1)</script>'


def test_frontmatter_text_appears_literally_never_as_markup(tmp_path):
    project = make_project(tmp_path, {
        "2024/a.md": news_file(TRICKY, "2024-02-07 09:30", author='A & "B" <c>', tags=['<i>x</i> & y'],
                               summary='Tóm tắt <b>không đậm</b> & "trích dẫn"', image="a.svg",
                               image_alt='Ảnh "đẹp" <>', image_caption="Chú thích <em>x</em> &amp;"),
        "2024/a.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
        "2024/b.md": news_file("Tin sau", "2024-02-08"),
    })
    result = build(project, "--strict")
    assert result.returncode == 0, result.log
    soup = result.page("tin-tuc/2024/02/gia-b-bot-b-muoi-bac-lieu-title-script-alert-1-script/")
    assert soup.h1.get_text() == TRICKY
    assert soup.title.get_text().startswith(TRICKY)
    assert not soup.select("article script, h1 b, title script")
    assert soup.select_one(".campaign-author").get_text() == 'Tác giả: A & "B" <c>'
    assert soup.select_one("a[rel=tag]").get_text() == "<i>x</i> & y"
    assert soup.select_one(".campaign-figure img")["alt"] == 'Ảnh "đẹp" <>'
    assert soup.select_one("figcaption").get_text() == "Chú thích <em>x</em> &amp;"
    share = soup.select_one(".campaign-share")
    assert share["data-share-title"] == TRICKY  # handed to the browser's share sheet as text
    mail = urlsplit(share.select_one("a[href^='mailto:']")["href"])
    assert parse_qs(mail.query)["subject"] == [TRICKY]
    listing = result.page("tin-tuc/")
    assert listing.select(".campaign-entry__title a")[1].get_text() == TRICKY
    assert listing.select(".campaign-entry__summary")[1].get_text() == 'Tóm tắt <b>không đậm</b> & "trích dẫn"'
    newer = result.page("tin-tuc/2024/02/tin-sau/").select_one(".campaign-neighbours--older a")
    assert newer.get_text() == TRICKY
    # The header title Material shows carries it as text too (the search index: test_search.py).
    assert soup.select_one(".md-header__topic:nth-of-type(2)").get_text(strip=True) == TRICKY


def test_dates_are_shown_the_vietnamese_way(demo_build):
    soup = demo_build.page("tin-tuc/2024/02/lien-minh-htx-viet-nam-ban-hanh-ke-hoach-thang-hanh-dong-vi-hop-tac-xa-nam-2024/")
    time = soup.select_one(".campaign-article__header time")
    # An article: weekday, date and the time its source gives; lists: the date alone.
    assert time.get_text() == "Thứ Tư, 07/02/2024, 15:00"
    assert time["datetime"] == "2024-02-07T15:00:00+07:00"
    english = demo_build.page("en/news/2024/02/vietnam-cooperative-alliance-issues-its-plan-for-the-2024-cooperative-action-month/")
    assert english.select_one(".campaign-article__header time").get_text() == "Wednesday, 7 February 2024, 15:00"
    assert [t.get_text() for t in english.select(".campaign-neighbours time")][:1] == ["(15 March 2024)"]  # one date style
    # A source that gives no time of day: the day alone.
    untimed = demo_build.page("tin-tuc/2022/11/chuong-trinh-hanh-dong-so-812-thuc-hien-nghi-quyet-20-nq-tw-ve-kinh-te-tap-the/")
    assert untimed.select_one(".campaign-article__header time").get_text() == "Thứ Tư, 02/11/2022"


def site_digest(result) -> dict[str, str]:
    return {
        str(p.relative_to(result.site)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(result.site.rglob("*")) if p.is_file()
    }


def test_source_date_epoch_gives_byte_identical_builds(tmp_path):
    # No CAMPAIGN_BUILD_DATE: the build date comes from SOURCE_DATE_EPOCH.
    env = {"SOURCE_DATE_EPOCH": "1714000000", "CAMPAIGN_BUILD_DATE": ""}
    first = build(make_project(tmp_path / "one", campaign={"precompress": True}), env=env)
    second = build(make_project(tmp_path / "two", campaign={"precompress": True}), env=env)
    assert first.returncode == 0 and second.returncode == 0, first.log + second.log
    assert site_digest(first) == site_digest(second)  # the .gz copies too
    assert (first.site / "index.html.gz").is_file() and (first.site / "en" / "rss.xml.gz").is_file()
    # SOURCE_DATE_EPOCH is also the "as of" date: 2024-04-24, so the 2024 news is published.
    assert "news vi: 6 published" in first.log


def test_demo_site_content(demo_build):
    """The demo: a campaign home page, 5+ Vietnamese items in 2+ categories and 3+ months, 3+ translated, one image."""
    articles = [p for p in demo_build.site.glob("tin-tuc/20*/*/*/index.html")
                if BeautifulSoup(p.read_text(encoding="utf-8"), "lxml").select_one(".campaign-article__header")]
    soups = [BeautifulSoup(p.read_text(encoding="utf-8"), "lxml") for p in articles]
    assert len(soups) >= 5
    assert len({s.select_one(".campaign-category").get_text() for s in soups}) >= 2
    assert len({p.parent.parent.relative_to(demo_build.site) for p in articles}) >= 3
    assert sum(1 for s in soups if s.select_one(".campaign-translation")) >= 3
    figure = [s.select_one(".campaign-figure") for s in soups if s.select_one(".campaign-figure")]
    assert figure and figure[0].figcaption.get_text().strip()
    home = demo_build.page("")
    assert "Vì sự phát triển bền vững của hợp tác xã" in home.get_text()
    cards = home.select(".campaign-latest .campaign-entry")
    assert len(cards) == 5
    # Every card has a picture: the item's own, else its category's (the demo gives each category one).
    pictures = [card.select_one(".campaign-entry__thumb img")["src"] for card in cards]
    assert any("giao-ban-thang-3" in src for src in pictures) and any("chuyen-muc/" in src for src in pictures)
    for card, src in zip(cards, pictures, strict=True):
        if "chuyen-muc/" in src:
            category = card.select_one(".campaign-entry__category")["href"].rstrip("/").rsplit("/", 1)[-1]
            assert src.endswith(f"chuyen-muc/{category}.svg"), (category, src)
    assert demo_build.page("en/").select(".campaign-latest .campaign-entry img")


def test_an_article_shows_related_news_by_shared_tags_then_category(demo_build):
    # The March briefing is tagged "Tháng hành động": the items sharing that tag come first, then its category's.
    soup = demo_build.page("tin-tuc/2024/03/giao-ban-thang-3-day-nhanh-trien-khai-thang-hanh-dong-vi-hop-tac-xa/")
    related = soup.select_one(".campaign-related")
    assert related.select_one("h2").get_text() == "Tin liên quan"
    titles = [a.get_text() for a in related.select(".campaign-entry__title a")]
    tagged = {card.select_one(".campaign-entry__title a").get_text()
              for card in demo_build.page("tin-tuc/the/thang-hanh-dong/").select(".campaign-entry")}
    tagged.discard("Giao ban tháng 3 - đẩy nhanh triển khai Tháng hành động vì hợp tác xã")
    assert 0 < len(titles) <= 4 and set(titles[: len(tagged)]) == tagged
    assert not related.select(".campaign-entry__summary")  # small cards: picture, title, category, date
    english = demo_build.page("en/news/2024/03/march-briefing-speeds-up-work-on-the-cooperative-action-month/")
    assert english.select_one(".campaign-related h2").get_text() == "Related news"


def test_counts_use_the_language_plural_rules(demo_build):
    archive = demo_build.page("en/news/archive/")
    counts = [li.contents[1].strip() for li in archive.select(".campaign-archive li li")]
    assert counts == ["(2 stories)", "(1 story)"]


def test_quiet_build_keeps_every_language_quiet(tmp_path):
    result = build(make_project(tmp_path), "--quiet")
    assert result.returncode == 0, result.log
    assert "INFO" not in result.log
    assert (result.site / "en" / "index.html").is_file()


def test_heading_anchors_strip_diacritics_and_map_d_with_stroke(demo_build):
    assert demo_build.page("").select_one("h2#thong-diep-chinh").get_text(strip=True) == "Thông điệp chính"


def test_every_page_says_who_publishes_it_in_its_own_language(demo_build):
    """The footer: the publisher from extra.campaign.publisher, links to follow the site; no Material boilerplate."""
    for root, texts in (("", ("Đơn vị thực hiện", "Liên minh Hợp tác xã Việt Nam", "Hà Nội, Việt Nam", "Theo dõi")),
                        ("en/", ("Published by", "Vietnam Cooperative Alliance", "Hanoi, Vietnam", "Follow"))):
        for path in (root + "index.html", root + "404.html", root + "lich-hoat-dong/index.html" if not root else root + "calendar/index.html"):
            soup = BeautifulSoup((demo_build.site / path).read_text(encoding="utf-8"), "lxml")
            footer = soup.select_one("footer.md-footer .campaign-footer")
            assert footer is not None, path
            text = " ".join(footer.get_text(" ").split())
            for expected in texts:
                assert expected in text, (path, expected, text)
            assert "Made with" not in soup.get_text(), path
            mail = footer.select_one('a[href^="mailto:"]')
            assert mail is not None and mail["href"] == "mailto:lienhe@thang-hanh-dong-htx.example.org"
            copyright = footer.select_one(".campaign-footer__copyright").get_text()
            assert copyright.startswith("© 20") and texts[1] in copyright, copyright
    # Its links lead to the language's own news feed, calendar page and .ics file, from any page.
    for page, expected in (("", ["rss.xml", "lich-hoat-dong/", "lich-hoat-dong.ics"]),
                           ("tin-tuc/", ["rss.xml", "lich-hoat-dong/", "lich-hoat-dong.ics"]),
                           ("en/news/", ["en/rss.xml", "en/calendar/", "en/calendar.ics"])):
        links = [resolve(page, a["href"]) for a in demo_build.page(page).select(".campaign-footer__follow a")]
        assert links == expected, links
        assert all(demo_build.exists(link) for link in links), links


def test_each_language_has_a_404_page_that_says_what_happened_and_where_to_go(demo_build):
    for path, lang, title, links in (
        ("404.html", "vi", "Không tìm thấy trang", ["/", "/tin-tuc/", "/lich-hoat-dong/"]),
        ("en/404.html", "en", "Page not found", ["/en/", "/en/news/", "/en/calendar/"]),
    ):
        soup = BeautifulSoup((demo_build.site / path).read_text(encoding="utf-8"), "lxml")
        assert soup.html["lang"] == lang
        page = soup.select_one(".campaign-not-found")
        assert page is not None and page.h1.get_text(strip=True) == title
        assert "404 - Not found" not in soup.get_text()
        # The 404 page is served at any depth: its links are absolute paths, each to a page that exists.
        hrefs = [a["href"] for a in page.select(".campaign-not-found__links a")]
        assert hrefs == links
        assert all(demo_build.exists(href) for href in hrefs)
        # The search opens from a button the search script shows (hidden without JavaScript).
        button = page.select_one("button.campaign-search-open-inline")
        assert button is not None and button.has_attr("hidden")
        assert soup.select_one("dialog#campaign-search") is not None
