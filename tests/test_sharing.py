"""What search engines, link previews and validators see: valid HTML, Open Graph, JSON-LD, sitemaps, reachability."""

from __future__ import annotations

import json
import subprocess
from urllib.parse import urlsplit

from lxml import etree

from conftest import ROOT, resolve

SITE = "https://thang-hanh-dong-htx.example.org/"
ARTICLE = "tin-tuc/2024/03/giao-ban-thang-3-day-nhanh-trien-khai-thang-hanh-dong-vi-hop-tac-xa/"
ARTICLE_EN = "en/news/2024/03/march-briefing-speeds-up-work-on-the-cooperative-action-month/"
UNTRANSLATED = "tin-tuc/2024/04/ngay-hop-tac-xa-viet-nam-11-4-nhin-lai-buc-thu-nam-1946/"


def test_every_page_passes_the_nu_html_checker(demo_build):
    vnu = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    assert vnu.exists(), "run ./dev test, which installs the Node.js tools of package.json"
    result = subprocess.run(["java", "-jar", str(vnu), "--errors-only", "--format", "gnu", "--skip-non-html", str(demo_build.site)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-5000:]
    assert len(list(demo_build.site.rglob("*.html"))) > 60


def meta(soup, key: str) -> list[str]:
    return [m["content"] for m in soup.select(f'meta[property="{key}"], meta[name="{key}"]')]


def test_articles_have_canonical_open_graph_twitter_card_and_locale(demo_build):
    soup = demo_build.page(ARTICLE)
    url = SITE + ARTICLE
    assert soup.select_one("link[rel=canonical]")["href"] == url
    assert meta(soup, "og:url") == [url] and meta(soup, "og:type") == ["article"]
    assert meta(soup, "og:title") == ["Giao ban tháng 3 - đẩy nhanh triển khai Tháng hành động vì hợp tác xã"]
    assert meta(soup, "og:description")[0].startswith("Sáng 1/3/2024, tại trụ sở Liên minh")
    assert meta(soup, "og:locale") == ["vi_VN"] and meta(soup, "og:locale:alternate") == ["en_US"]
    # The featured image is SVG, which link previews cannot show: the site's share image stands in.
    assert meta(soup, "og:image") == [SITE + "assets/images/chia-se.png"]
    assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == (["1200"], ["630"])
    assert demo_build.exists("assets/images/chia-se.png") and demo_build.exists("en/assets/images/chia-se.png")
    assert meta(soup, "article:published_time") == ["2024-03-01T16:30:00+07:00"]
    assert meta(soup, "twitter:card") == ["summary_large_image"]
    english = demo_build.page(ARTICLE_EN)
    assert meta(english, "og:locale") == ["en_US"] and meta(english, "og:image") == [SITE + "en/assets/images/share-en.png"]  # the English card
    assert meta(demo_build.page(UNTRANSLATED), "og:locale:alternate") == []
    assert meta(demo_build.page(""), "og:type") == ["website"]


def json_ld(soup) -> dict[str, dict]:
    nodes = json.loads(soup.select_one('script[type="application/ld+json"]').string)["@graph"]
    return {node["@type"]: node for node in nodes}


def test_every_page_is_shared_under_the_title_it_shows(demo_build):
    # The archive's and the English calendar's cards once said their menu label ("Lưu trữ", "Calendar").
    site_names = ("Tháng hành động vì Hợp tác xã 2024", "Cooperative Action Month 2024")
    for path in demo_build.all_html():
        if path.endswith("404.html"):
            continue
        soup = demo_build.page(path[: -len("index.html")])
        title = soup.title.get_text()
        shared = soup.select_one('meta[property="og:title"]')["content"]
        assert soup.select_one('meta[name="twitter:title"]')["content"] == shared, path
        assert title in (shared, *(f"{shared} - {name}" for name in site_names)), (path, title, shared)
    assert demo_build.page("tin-tuc/luu-tru/").select_one('meta[property="og:title"]')["content"] == "Lưu trữ tin tức"


def test_articles_have_news_article_and_breadcrumb_json_ld_with_offsets(demo_build):
    nodes = json_ld(demo_build.page(ARTICLE))
    article = nodes["NewsArticle"]
    assert article["headline"] == "Giao ban tháng 3 - đẩy nhanh triển khai Tháng hành động vì hợp tác xã"
    assert article["datePublished"] == "2024-03-01T16:30:00+07:00" and article["mainEntityOfPage"] == SITE + ARTICLE
    assert article["inLanguage"] == "vi" and article["author"]["name"] == "Ban Truyền thông"
    crumbs = [(e["position"], e["name"], e["item"]) for e in nodes["BreadcrumbList"]["itemListElement"]]
    assert crumbs == [
        (1, "Trang chủ", SITE), (2, "Tin tức", SITE + "tin-tuc/"),
        (3, "Hoạt động Liên minh", SITE + "tin-tuc/chuyen-muc/hoat-dong-lien-minh/"),
        (4, "Giao ban tháng 3 - đẩy nhanh triển khai Tháng hành động vì hợp tác xã", SITE + ARTICLE),
    ]
    for _, _, url in crumbs:
        assert demo_build.exists(url[len(SITE):])


def test_hreflang_only_where_a_translation_exists(demo_build):
    links = {link["hreflang"]: link["href"] for link in demo_build.page(ARTICLE).select("link[rel=alternate][hreflang]")}
    assert links == {"vi": SITE + ARTICLE, "en": SITE + ARTICLE_EN, "x-default": SITE + ARTICLE}
    assert demo_build.page(UNTRANSLATED).select("link[rel=alternate][hreflang]") == []


def test_root_sitemap_lists_both_languages_and_every_alternate_folder_has_one(demo_build):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in etree.parse(str(demo_build.site / "sitemap.xml")).iterfind("s:url/s:loc", ns)]
    assert SITE + ARTICLE in locations and SITE + ARTICLE_EN in locations and SITE + "en/plans/" in locations
    assert len(locations) == len(set(locations))
    # Material's script asks each folder a page points <link rel=alternate> into for its sitemap.xml.
    for path in demo_build.all_html():
        if path.endswith("404.html"):
            continue
        page = path[: -len("index.html")]
        for link in demo_build.page(page).select("link[rel=alternate]"):
            folder = urlsplit(link["href"]).path.lstrip("/").rpartition("/")[0]
            assert (demo_build.site / folder / "sitemap.xml").is_file(), (path, link["href"])


def test_images_reserve_their_space_and_listing_images_load_lazily(demo_build):
    featured = demo_build.page(ARTICLE).select_one(".campaign-figure img")
    assert (featured["width"], featured["height"]) == ("1200", "630") and not featured.get("loading")
    thumb = demo_build.page("tin-tuc/").select_one(".campaign-entry__thumb img[src*=giao-ban]")
    assert (thumb["width"], thumb["height"], thumb["loading"]) == ("1200", "630", "lazy")


def test_every_page_can_be_reached_from_the_home_page(demo_build):
    pages = {path[: -len("index.html")] for path in demo_build.all_html() if path.endswith("index.html")}
    seen, queue = {""}, [""]
    while queue:
        page = queue.pop()
        for a in demo_build.page(page).select("a[href]"):
            href = a["href"]
            if urlsplit(href).scheme or href.startswith(("#", "mailto:")):
                continue
            target = resolve(page, href)
            if target in pages and target not in seen:
                seen.add(target)
                queue.append(target)
    assert pages - seen == set()


def test_images_in_an_article_body_get_their_size_and_load_lazily(tmp_path):
    from conftest import build, make_project, news_file

    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><rect width="640" height="360"/></svg>'
    project = make_project(tmp_path, {
        "2024/a.md": news_file("Tin có ảnh", "2024-02-07", body="Ảnh: ![sơ đồ](images/so-do.svg) và ![ảnh ngoài](https://example.com/x.png)"),
        "2024/images/so-do.svg": svg,
    })
    result = build(project, "--strict")
    assert result.returncode == 0, result.log
    local, external = result.page("tin-tuc/2024/02/tin-co-anh/").select(".campaign-article__body img")
    assert (local["width"], local["height"], local["loading"]) == ("640", "360", "lazy")
    assert resolve("tin-tuc/2024/02/tin-co-anh/", local["src"]) == "tin-tuc/2024/images/so-do.svg"
    assert external["loading"] == "lazy" and not external.get("width")
