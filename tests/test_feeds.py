"""RSS 2.0 and Atom feeds, parsed with feedparser and lxml and checked item by item against the news model."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import feedparser
import pytest
import yaml
from lxml import etree
from lxml import html as lxml_html

from campaign.build.config import load_settings
from campaign.news.catalogue import read_news
from conftest import build, make_project, news_file

SITE = "https://thang-hanh-dong-htx.example.org/"
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NS = {"atom": "http://www.w3.org/2005/Atom", "content": "http://purl.org/rss/1.0/modules/content/", "dc": "http://purl.org/dc/elements/1.1/"}
TRICKY = 'Hợp tác xã <b>"Đồng Tháp"</b> & \'Bạc Liêu\' < 5'
# A 1×1 GIF: a real image file with a known length.
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
BUILD_DATE = "2026-01-01"


def feed_news() -> dict[str, str | bytes]:
    """24 published Vietnamese items (more than a feed holds), one English, and items that must stay out."""
    news: dict[str, str | bytes] = {
        f"2024/tin-{n:02d}.md": news_file(f"Tin số {n}", f"2024-01-{n:02d} 08:00", "kinh-te-tap-the", tags=["Chung"])
        for n in range(1, 23)
    }
    news["2024/dac-biet.md"] = news_file(
        TRICKY, "2024-03-01 09:30", "thang-hanh-dong", tags=["Đặc biệt", "Tháng hành động"],
        author='Phóng viên "A" & B', image="images/anh.gif", image_alt="Ảnh", updated="2024-03-05 10:00",
        body="""
            Đoạn đầu có [một tin khác](tin-01.md), [mục dưới](#phan-hai) và ảnh ![ảnh](images/anh.gif).

            ## Phần hai {#phan-hai}

            Thư [gửi ban biên tập](mailto:bbt@example.org) và [trang ngoài](https://example.com/a?b=1&c=2).
        """,
    )
    news["2024/images/anh.gif"] = GIF
    news["2024/mui-gio.md"] = news_file("Giờ quốc tế", "2024-02-20T01:00:00Z", "hoat-dong-lien-minh")
    news["2024/dac-biet.en.md"] = news_file("Cooperatives <&> \"quoted\"", "2024-03-01 09:30", "thang-hanh-dong")
    news["2024/nhap.md"] = news_file("Bản nháp không lên feed", "2024-03-02", draft=True)
    news["2024/hen-gio.md"] = news_file("Tin hẹn giờ không lên feed", "2026-06-01 08:00")
    news["2024/loi.md"] = news_file("Tin lỗi không lên feed", "2024-03-03", category="Thể thao")
    return news


@pytest.fixture(scope="module")
def feeds(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("feeds"), feed_news())
    result = build(project, env={"CAMPAIGN_BUILD_DATE": BUILD_DATE})  # not --strict: one item is broken on purpose
    assert result.returncode == 0, result.log
    return result


def news_model(project: Path, lang: str):
    """The published items of a language, newest first, as the engine reads them."""
    extra = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]
    settings = load_settings(extra, project, environ={"CAMPAIGN_BUILD_DATE": BUILD_DATE})
    return read_news(settings, project).items(lang)


def site_path(url: str) -> str:
    assert url.startswith(SITE), url
    return url[len(SITE):]


def read_xml(result, path: str) -> etree._Element:
    return etree.fromstring((result.site / path).read_bytes())


def article_url(result, item) -> str:
    prefix = "en/news" if item.lang == "en" else "tin-tuc"
    local = item.date.astimezone(TZ)
    return f"{SITE}{prefix}/{local:%Y}/{local:%m}/{item.slug}/"


# The rules of the W3C Feed Validation Service that need no network ------------

RFC822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$")


def assert_valid_rss(root: etree._Element, self_url: str) -> None:
    assert root.tag == "rss" and root.get("version") == "2.0"
    channels = root.findall("channel")
    assert len(channels) == 1
    channel = channels[0]
    for name in ("title", "link", "description"):
        assert (channel.findtext(name) or "").strip(), f"channel has no {name}"
    assert urlsplit(channel.findtext("link")).scheme == "https"
    assert re.fullmatch(r"[a-z]{2}(-[a-z]{2})?", channel.findtext("language"))
    assert RFC822.match(channel.findtext("lastBuildDate"))
    self_links = channel.findall("atom:link[@rel='self']", NS)
    assert len(self_links) == 1
    assert self_links[0].get("href") == self_url and self_links[0].get("type") == "application/rss+xml"
    guids = []
    for item in channel.findall("item"):
        assert item.findtext("title") or item.findtext("description"), "an item needs a title or a description"
        assert urlsplit(item.findtext("link")).scheme == "https"
        guid = item.find("guid")
        assert guid.get("isPermaLink") == "true" and urlsplit(guid.text).scheme == "https"
        guids.append(guid.text)
        assert RFC822.match(item.findtext("pubDate")), item.findtext("pubDate")
        for enclosure in item.findall("enclosure"):
            assert urlsplit(enclosure.get("url")).scheme == "https"
            assert enclosure.get("length").isdigit() and int(enclosure.get("length")) > 0
            assert re.fullmatch(r"[a-z]+/[a-z0-9.+-]+", enclosure.get("type"))
        for category in item.findall("category"):
            assert category.text.strip()
        assert len(item.findall("description")) <= 1 and len(item.findall("content:encoded", NS)) <= 1
    assert len(guids) == len(set(guids)), "guids must be unique"


def assert_valid_atom(root: etree._Element, self_url: str) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    assert root.tag == atom + "feed"
    for name in ("id", "title", "updated"):
        assert root.findtext(atom + name), f"feed has no {name}"
    assert root.find(f"{atom}author/{atom}name") is not None
    assert root.find(f"{atom}link[@rel='self']").get("href") == self_url
    for entry in root.findall(atom + "entry"):
        for name in ("id", "title", "updated", "published"):
            assert datetime.fromisoformat(entry.findtext(atom + name)) if name in ("updated", "published") else entry.findtext(atom + name)
        assert entry.find(f"{atom}link[@rel='alternate']").get("type") == "text/html"
        assert entry.find(atom + "content").get("type") == "html"


# Tests -------------------------------------------------------------------------

@pytest.mark.parametrize("lang, prefix", [("vi", ""), ("en", "en/")])
def test_main_feeds_hold_the_latest_published_items_newest_first(feeds, lang, prefix):
    expected = news_model(feeds.project, lang)[:20]
    assert expected, "the model has items"
    for fmt in ("rss", "atom"):
        parsed = feedparser.parse((feeds.site / f"{prefix}{fmt}.xml").read_bytes())
        assert parsed.bozo == 0, parsed.bozo_exception
        assert parsed.feed.language if fmt == "rss" else True
        assert [e.link for e in parsed.entries] == [article_url(feeds, item) for item in expected]
        assert [e.id for e in parsed.entries] == [e.link for e in parsed.entries]
        for entry in parsed.entries:
            assert feeds.exists(site_path(entry.link)), entry.link


def test_rss_and_atom_pass_the_offline_feed_validation_rules(feeds):
    for path in ["rss.xml", "en/rss.xml", "tin-tuc/chuyen-muc/kinh-te-tap-the/rss.xml"]:
        assert_valid_rss(read_xml(feeds, path), SITE + path)
    for path in ["atom.xml", "en/atom.xml", "tin-tuc/chuyen-muc/kinh-te-tap-the/atom.xml"]:
        assert_valid_atom(read_xml(feeds, path), SITE + path)


def test_each_item_matches_the_news_model(feeds):
    model = {article_url(feeds, item): item for item in news_model(feeds.project, "vi")}
    rss = read_xml(feeds, "rss.xml").find("channel")
    atom = {e.findtext("{*}id"): e for e in read_xml(feeds, "atom.xml").findall("{*}entry")}
    for element in rss.findall("item"):
        url = element.findtext("link")
        item = model[url]
        assert element.findtext("title") == item.title  # exact, escaped by the XML, not by us twice
        published = parsedate_to_datetime(element.findtext("pubDate"))
        assert published == item.date and published.utcoffset() == timedelta(hours=7)
        entry = atom[url]
        assert entry.findtext("{*}title") == item.title
        assert entry.findtext("{*}published") == item.date.astimezone(TZ).isoformat()
        assert entry.findtext("{*}updated") == (item.updated or item.date).astimezone(TZ).isoformat()
        categories = [c.text for c in element.findall("category")]
        assert categories[0] == item.category.name("vi") and set(categories) == {item.category.name("vi"), *item.tags}


def test_dates_carry_the_site_offset_whatever_the_frontmatter_zone(feeds):
    rss = read_xml(feeds, "rss.xml").find("channel")
    item = next(i for i in rss.findall("item") if i.findtext("title") == "Giờ quốc tế")
    assert item.findtext("pubDate") == "Tue, 20 Feb 2024 08:00:00 +0700"  # 01:00 UTC, shown at +07:00
    entry = next(e for e in read_xml(feeds, "atom.xml").findall("{*}entry") if e.findtext("{*}title") == "Giờ quốc tế")
    assert entry.findtext("{*}published") == "2024-02-20T08:00:00+07:00"


def test_text_round_trips_exactly_and_vietnamese_stays_intact(feeds):
    for fmt in ("rss", "atom"):
        parsed = feedparser.parse((feeds.site / f"{fmt}.xml").read_bytes())
        entry = parsed.entries[0]
        assert entry.title == TRICKY
        assert entry.author == 'Phóng viên "A" & B'
        assert "Hợp tác xã" in parsed.feed.title or "Hợp tác xã" in entry.title
    english = feedparser.parse((feeds.site / "en/atom.xml").read_bytes())
    assert english.entries[0].title == 'Cooperatives <&> "quoted"'


def test_content_is_the_full_article_with_every_link_absolute(feeds):
    rss = read_xml(feeds, "rss.xml").find("channel")
    special = rss.find("item")
    base = special.findtext("link")
    content = special.findtext("content:encoded", namespaces=NS)
    assert content == read_xml(feeds, "atom.xml").find("{*}entry/{*}content").text
    assert "Phần hai" in content and special.findtext("description").startswith("Đoạn đầu có một tin khác")
    fragment = lxml_html.fragment_fromstring(content, create_parent="div")
    links = {a.text: a.get("href") for a in fragment.iter("a")}
    assert links["một tin khác"] == SITE + "tin-tuc/2024/01/tin-so-1/"
    assert links["mục dưới"] == base + "#phan-hai"
    assert links["gửi ban biên tập"] == "mailto:bbt@example.org"
    assert links["trang ngoài"] == "https://example.com/a?b=1&c=2"
    assert fragment.find(".//img").get("src") == SITE + "tin-tuc/2024/images/anh.gif"
    # No relative URL in any item of any feed, and every link into the site reaches a built file.
    for path in sorted(feeds.site.rglob("*.xml")):
        if path.name not in ("rss.xml", "atom.xml"):
            continue
        for parsed in feedparser.parse(path.read_bytes()).entries:
            for element in lxml_html.fragment_fromstring(parsed.content[0].value, create_parent="div").iter("a", "img"):
                url = element.get("href") or element.get("src")
                assert urlsplit(url).scheme in ("https", "mailto"), (path, url)
                if url.startswith(SITE):
                    assert feeds.exists(site_path(url.split("#")[0])), url


def test_featured_image_is_an_enclosure_with_its_type_and_length(feeds):
    url = SITE + "tin-tuc/2024/images/anh.gif"
    item = read_xml(feeds, "rss.xml").find("channel/item")
    enclosure = item.find("enclosure")
    assert (enclosure.get("url"), enclosure.get("length"), enclosure.get("type")) == (url, str(len(GIF)), "image/gif")
    assert (feeds.site / site_path(url)).read_bytes() == GIF
    entry = read_xml(feeds, "atom.xml").find("{*}entry")
    link = entry.find("{*}link[@rel='enclosure']")
    assert (link.get("href"), link.get("length"), link.get("type")) == (url, str(len(GIF)), "image/gif")
    # Only one alternate link per entry: the enclosure is not mistaken for one.
    assert len(entry.findall("{*}link[@rel='alternate']")) == 1 and len(entry.findall("{*}link")) == 2


def test_channel_describes_the_language_and_dates_itself_from_its_newest_item(feeds):
    for prefix, lang, listing in (("", "vi", "tin-tuc/"), ("en/", "en", "en/news/")):
        channel = read_xml(feeds, f"{prefix}rss.xml").find("channel")
        assert channel.findtext("language") == lang
        assert channel.findtext("link") == SITE + listing  # the HTML listing, not the feed's own URL
        newest = max((i.updated or i.date) for i in news_model(feeds.project, lang)[:20])
        assert parsedate_to_datetime(channel.findtext("lastBuildDate")) == newest
        atom = read_xml(feeds, f"{prefix}atom.xml")
        assert atom.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        assert atom.findtext("{*}updated") == newest.astimezone(TZ).isoformat()
        assert atom.findtext("{*}id") == SITE + prefix + "atom.xml"
    assert read_xml(feeds, "rss.xml").findtext("channel/lastBuildDate") == "Tue, 05 Mar 2024 10:00:00 +0700"  # the `updated` of the newest item
    assert read_xml(feeds, "en/rss.xml").findtext("channel/title") == "Cooperative Action Month 2024"


def test_category_feeds_hold_only_that_category_and_tag_feeds_are_off_by_default(feeds):
    model = news_model(feeds.project, "vi")
    for key, slug in (("kinh-te-tap-the", "kinh-te-tap-the"), ("thang-hanh-dong", "thang-hanh-dong"), ("hoat-dong-lien-minh", "hoat-dong-lien-minh")):
        expected = [article_url(feeds, i) for i in model if i.category.key == key][:20]
        for fmt in ("rss", "atom"):
            parsed = feedparser.parse((feeds.site / f"tin-tuc/chuyen-muc/{slug}/{fmt}.xml").read_bytes())
            assert [e.link for e in parsed.entries] == expected
    assert feedparser.parse((feeds.site / "tin-tuc/chuyen-muc/kinh-te-tap-the/rss.xml").read_bytes()).feed.link == SITE + "tin-tuc/chuyen-muc/kinh-te-tap-the/"
    assert not [p for p in feeds.site.glob("tin-tuc/the/*/*.xml") if p.name != "sitemap.xml"]


def test_drafts_scheduled_and_broken_items_are_in_no_feed(feeds, tmp_path):
    feed_files = [p for p in feeds.site.rglob("*.xml") if p.name in ("rss.xml", "atom.xml")]
    assert len(feed_files) == 2 * (1 + 3) + 2 * (1 + 1)  # vi: all + 3 categories; en: all + 1 category
    for path in feed_files:
        text = path.read_text(encoding="utf-8")
        for title in ("Bản nháp không lên feed", "Tin hẹn giờ không lên feed", "Tin lỗi không lên feed"):
            assert title not in text, (path, title)
    # A preview shows drafts on the pages, never in the feeds.
    preview = build(make_project(tmp_path, feed_news()), env={"CAMPAIGN_PREVIEW": "1", "CAMPAIGN_BUILD_DATE": BUILD_DATE})
    assert preview.returncode == 0, preview.log
    assert preview.exists("tin-tuc/2024/03/ban-nhap-khong-len-feed/")
    assert "Bản nháp không lên feed" not in (preview.site / "rss.xml").read_text(encoding="utf-8")


def test_feed_length_and_tag_feeds_are_configurable(tmp_path):
    project = make_project(tmp_path, feed_news(), {"feeds": {"length": 3, "tags": True, "categories": False}})
    result = build(project, env={"CAMPAIGN_BUILD_DATE": BUILD_DATE})
    assert result.returncode == 0, result.log
    assert len(feedparser.parse((result.site / "rss.xml").read_bytes()).entries) == 3
    tagged = feedparser.parse((result.site / "tin-tuc/the/dac-biet/atom.xml").read_bytes())
    assert [e.title for e in tagged.entries] == [TRICKY]
    assert not [p for p in result.site.glob("tin-tuc/chuyen-muc/*/*.xml") if p.name != "sitemap.xml"]
    # With tag feeds on, a tag page's RSS link is its own feed; with category feeds off, a category page has none.
    assert result.page("tin-tuc/the/dac-biet/").select_one(".campaign-feed-link a")["href"] == "rss.xml"
    assert result.page("tin-tuc/chuyen-muc/thang-hanh-dong/").select_one(".campaign-feed-link") is None


def test_feeds_do_not_depend_on_the_build_date(tmp_path):
    first = build(make_project(tmp_path / "a"), env={"CAMPAIGN_BUILD_DATE": "2025-01-01"})
    second = build(make_project(tmp_path / "b"), env={"CAMPAIGN_BUILD_DATE": "2026-07-01 12:00"})
    for path in ("rss.xml", "atom.xml", "en/rss.xml", "tin-tuc/chuyen-muc/thang-hanh-dong/atom.xml"):
        assert (first.site / path).read_bytes() == (second.site / path).read_bytes(), path
    guids = [e.id for e in feedparser.parse((first.site / "rss.xml").read_bytes()).entries]
    assert guids and all(g.startswith(SITE + "tin-tuc/") for g in guids)


def test_every_page_advertises_its_feeds_and_listings_show_an_rss_link(feeds):
    main = {("application/rss+xml", SITE + "rss.xml"), ("application/atom+xml", SITE + "atom.xml")}
    english = {("application/rss+xml", SITE + "en/rss.xml"), ("application/atom+xml", SITE + "en/atom.xml")}
    pages = [p for p in feeds.all_html() if p != "404.html" and not p.startswith("en/404")]
    assert len(pages) > 40
    for path in pages:
        soup = feeds.page(path[: -len("index.html")])
        found = {(link["type"], link["href"]) for link in soup.select("link[rel=alternate][type]")}
        assert (english if path.startswith("en/") else main) <= found, path
        assert all(link.get("title") for link in soup.select("link[rel=alternate][type]"))
    category = feeds.page("tin-tuc/chuyen-muc/kinh-te-tap-the/")
    titles = {link["href"]: link["title"] for link in category.select("link[rel=alternate][type]")}
    assert titles[SITE + "tin-tuc/chuyen-muc/kinh-te-tap-the/rss.xml"] == "Kinh tế tập thể – Tháng hành động vì Hợp tác xã 2024 (RSS)"
    visible = category.select_one(".campaign-feed-link a")
    assert visible["href"] == "rss.xml" and visible.get_text(strip=True) == "Theo dõi qua RSS"
    expected_links = (
        ("tin-tuc/", "../rss.xml"), ("tin-tuc/luu-tru/", "../../rss.xml"), ("", "rss.xml"), ("en/news/", "../rss.xml"),
    )
    for path, expected in expected_links:
        assert feeds.page(path).select_one(".campaign-feed-link a")["href"] == expected, path
    # A listing without a feed of its own (a year; a tag, tag feeds being off) shows no link: never quietly the site's.
    for path in ("tin-tuc/2024/", "tin-tuc/the/dac-biet/"):
        assert feeds.page(path).select_one(".campaign-feed-link") is None, path


def test_feeds_need_site_url(tmp_path):
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url:.*\n", "", config.read_text(encoding="utf-8")), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "site_url is required" in result.log
