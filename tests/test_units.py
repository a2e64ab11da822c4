"""Fast tests on in-memory objects: URL rules, the pagination window, collections and neighbours,
the calendar layout and the page plan. No site is built; the whole file runs in about a second.

    ./dev test -m "not site"      # this tier alone (see README)
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

import pytest

from campaign.core.urls import UrlScheme, activity_anchor, relative_url
from campaign.news.collections import AllNews, InCategory, InMonth, InYear, Listing, WithTag, build_collections
from campaign.pages.kinds import ArchivePage, ArticlePage, CalendarPage, ListingPage, PlanPage, PlansIndexPage
from campaign.plans.calendar import build_calendar, upcoming
from campaign.views.news import pagination_window
from factories import SETTINGS, activity, language_site, make_settings, news, plan

pytestmark = pytest.mark.quick

VI, EN = UrlScheme(SETTINGS, "vi"), UrlScheme(SETTINGS, "en")

# URL rules ---------------------------------------------------------------------


def test_an_article_is_filed_under_its_month_in_the_site_time_zone():
    item = news("Tin cuối tháng", "2024-03-31 23:30")
    assert VI.article(item.date, item.slug) == "tin-tuc/2024/03/tin-cuoi-thang/"
    # 18:00 UTC on 31 March is 01:00 on 1 April in Hà Nội: an April item.
    utc = datetime(2024, 3, 31, 18, 0, tzinfo=UTC)
    assert VI.article(utc, "x") == "tin-tuc/2024/04/x/" and EN.article(utc, "x") == "news/2024/04/x/"


def test_localised_segments_and_the_language_prefix():
    category = SETTINGS.categories[0]
    assert VI.category(category) == "tin-tuc/chuyen-muc/kinh-te-tap-the/"
    assert EN.category(category, 2) == "news/category/collective-economy/page/2/"
    assert VI.tag("Hợp tác xã") == "tin-tuc/the/hop-tac-xa/" and VI.tag("Đồng Tháp") == "tin-tuc/the/dong-thap/"
    assert VI.month(2024, 4, 3) == "tin-tuc/2024/04/trang/3/"
    assert EN.site_path(EN.archive_index()) == "en/news/archive/" and VI.site_path(VI.archive_index()) == "tin-tuc/luu-tru/"
    assert VI.calendar("hue") == "lich-hoat-dong/hue/" and EN.icalendar() == "calendar.ics" and VI.icalendar("hue") == "ke-hoach/hue.ics"
    assert VI.activity("hue", "le-phat-dong") == "lich-hoat-dong/#" + activity_anchor("hue", "le-phat-dong")
    assert VI.feed("", "rss") == "rss.xml" and VI.news_asset("2024/images/a.jpg") == "tin-tuc/2024/images/a.jpg"


def test_relative_urls_between_any_two_pages():
    assert relative_url("tin-tuc/2024/", "tin-tuc/2024/02/a/") == "../../"
    assert relative_url("", "tin-tuc/") == "../"
    assert relative_url("en/news/x/", "tin-tuc/x/") == "../../en/news/x/"
    assert relative_url("lich-hoat-dong/#hue--a", "ke-hoach/hue/") == "../../lich-hoat-dong/#hue--a"
    assert relative_url("tin-tuc/2024/images/a.jpg", "tin-tuc/2024/02/a/") == "../../images/a.jpg"
    assert relative_url("tin-tuc/", "tin-tuc/") == "./"


def test_relative_urls_resolve_back_to_their_target():
    from urllib.parse import urljoin
    rng = random.Random(7)
    segments = ["tin-tuc", "2024", "02", "a", "en", "news", "b"]
    for _ in range(2000):
        here = "/".join(rng.choice(segments) for _ in range(rng.randint(0, 4)))
        there = "/".join(rng.choice(segments) for _ in range(rng.randint(0, 4)))
        here, there = (here + "/") if here else "", (there + "/") if there else ""
        assert urljoin("http://x/" + here, relative_url(there, here)) == "http://x/" + there


# The pagination window -----------------------------------------------------------


def test_pagination_window_shows_root_oldest_and_neighbours_with_gaps_newest_first():
    assert pagination_window(1, 1) == [1]
    assert pagination_window(10, 10) == [10, 9, 8, 0, 1]  # the root (the newest page) first
    assert pagination_window(6, 10) == [10, 9, 8, 7, 6, 5, 4, 0, 1]  # a gap of one page shows that page
    assert pagination_window(1, 10) == [10, 0, 3, 2, 1]


def test_pagination_window_stays_small_on_long_listings():
    for last in (1, 2, 7, 1000):
        for current in range(1, last + 1):
            window = pagination_window(current, last)
            pages = [n for n in window if n]
            assert pages == sorted(set(pages), reverse=True) and {1, current, last} <= set(pages)
            assert len(window) <= 9
            assert all(a - b > 1 for a, gap, b in zip(window, window[1:], window[2:], strict=False) if gap == 0)


def test_a_new_item_leaves_numbered_pages_as_they_were():
    # Pages are numbered from the oldest: a new item goes to the root page, and every `size` items a page is added.
    size = 10
    for count in range(1, 80):
        before = Listing(AllNews(), tuple(news(f"Tin {n}", "2024-03-01 08:00") for n in range(count, 0, -1)))
        after = Listing(AllNews(), (news(f"Tin {count + 1}", "2024-03-02 08:00"), *before.items))
        pages = before.page_count(size)
        shown = [item.title for number in range(pages, 0, -1) for item in before.page_items(number, size)]
        assert shown == [item.title for item in before.items]  # every item once, newest first
        assert size <= len(before.page_items(pages, size)) < 2 * size or pages == 1
        for number in range(1, pages):
            assert after.page_items(number, size) == before.page_items(number, size)
            if number < pages - 4:  # far enough from the root, its links (the root's is "Mới nhất") do not change either
                assert as_linked(number, after.page_count(size)) == as_linked(number, pages)


def as_linked(number: int, pages: int) -> list[int | str]:
    return ["root" if n == pages else n for n in pagination_window(number, pages)]


# Collections and neighbours ------------------------------------------------------


ITEMS = [
    news("Tin D", "2024-04-02 09:00", category=1, tags=("Hợp tác xã",)),
    news("Tin C", "2024-03-15 10:00", tags=("hop tac xa", "Luật")),
    news("Tin B", "2024-03-01 08:00", category=1),
    news("Tin A", "2023-12-31 23:59", tags=("Hợp Tác Xã",)),
]


def test_listings_keep_the_newest_first_order():
    c = build_collections(ITEMS, SETTINGS.categories, SETTINGS.timezone)
    assert [i.title for i in c.news.items] == ["Tin D", "Tin C", "Tin B", "Tin A"]
    assert [lst.subject for lst in c.years] == [InYear(2024), InYear(2023)]
    assert [lst.subject for lst in c.months] == [InMonth(2024, 4), InMonth(2024, 3), InMonth(2023, 12)]
    assert [len(m.items) for m in c.months_in(c.years[0])] == [1, 2] and c.months_in(c.months[0]) == ()
    assert [lst.subject for lst in c.categories] == [InCategory(SETTINGS.categories[0]), InCategory(SETTINGS.categories[1])]


def test_tags_that_differ_in_case_or_accents_are_one_listing_named_as_first_written():
    c = build_collections(ITEMS, SETTINGS.categories, SETTINGS.timezone)
    tag = next(lst for lst in c.tags if lst.subject == WithTag("hop-tac-xa", ""))
    assert [i.title for i in tag.items] == ["Tin D", "Tin C", "Tin A"]
    assert isinstance(tag.subject, WithTag) and tag.subject.name == "Hợp Tác Xã"  # the oldest item's spelling


def test_neighbours_at_the_ends_and_in_the_middle():
    c = build_collections(ITEMS, SETTINGS.categories, SETTINGS.timezone)
    titles = lambda items: [i.title for i in items]  # noqa: E731
    newer, older = c.neighbours(ITEMS[0], 2)
    assert (titles(newer), titles(older)) == ([], ["Tin C", "Tin B"])
    newer, older = c.neighbours(ITEMS[2], 2)
    assert (titles(newer), titles(older)) == (["Tin D", "Tin C"], ["Tin A"])
    newer, older = c.neighbours(ITEMS[3], 5)
    assert (titles(newer), titles(older)) == (["Tin D", "Tin C", "Tin B"], [])


def test_related_news_share_the_most_tags_then_the_category_nearest_in_date_first():
    article = news("Bài", "2024-04-10 08:00", tags=("Luật", "Hợp tác xã"))
    both = news("Cả hai thẻ", "2020-01-05 08:00", tags=("luat", "Hợp tác xã"))  # old, but on the same two subjects
    one_near = news("Một thẻ, gần", "2024-04-09 08:00", tags=("Hợp tác xã",))
    one_far = news("Một thẻ, xa", "2022-04-09 08:00", tags=("Hợp tác xã",))
    same_category = news("Cùng chuyên mục", "2024-04-08 08:00")
    other_category = news("Chuyên mục khác", "2024-04-10 09:00", category=1)
    items = sorted([article, both, one_near, one_far, same_category, other_category], key=lambda i: i.sort_key)
    c = build_collections(items, SETTINGS.categories, SETTINGS.timezone)
    def titles(found):
        return [i.title for i in found]

    assert titles(c.related(article, 3)) == ["Cả hai thẻ", "Một thẻ, gần", "Một thẻ, xa"]
    assert titles(c.related(article, 5)) == ["Cả hai thẻ", "Một thẻ, gần", "Một thẻ, xa", "Cùng chuyên mục"]
    assert titles(c.related(same_category, 2)) == ["Một thẻ, gần", "Bài"]  # no tags: its category, nearest first
    assert c.related(article, 0) == ()


def test_listing_paths_follow_their_subject():
    c = build_collections(ITEMS, SETTINGS.categories, SETTINGS.timezone)
    assert c.news.path(VI) == "tin-tuc/" and c.news.path(VI, 2) == "tin-tuc/trang/2/"
    assert c.months[0].path(EN) == "news/2024/04/" and c.categories[1].path(VI) == "tin-tuc/chuyen-muc/thang-hanh-dong/"


# The calendar layout -------------------------------------------------------------


LAUNCH = activity("Lễ phát động", "2024-04-02", number=1)
VISITS = activity("Thăm hợp tác xã", "2024-03-28", "2024-04-03", number=2)
CONFERENCE = activity("Hội nghị", "2024-04-11 08:00", "2024-04-11 11:30", number=3, timed=True)
HUE = plan("Kế hoạch Huế", (LAUNCH, VISITS, CONFERENCE), slug="hue", peak=("2024-03-29", "2024-04-29"))


def test_month_grids_start_on_monday_one_day_activities_in_their_cell_longer_ones_as_a_bar_per_week():
    cal = build_calendar([HUE])
    assert [(g.year, g.month) for g in cal.months] == [(2024, 3), (2024, 4)]
    for grid in cal.months:
        for week in grid.weeks:
            assert len(week.days) == 7 and week.days[0].day.weekday() == 0
    days = {cell.day: cell for grid in cal.months for week in grid.weeks for cell in week.days if cell.in_month}
    assert [s.activity.title for s in days[date(2024, 4, 2)].activities] == ["Lễ phát động"]
    assert not any(s.activity is VISITS for cell in days.values() for s in cell.activities)
    # Visits (28/3–3/4) are one bar in the last week of March (28–31: Thursday to Sunday, going on), and one in
    # the first week of April (1–3, begun before): never a line in every cell.
    bars = [(grid.month, bar) for grid in cal.months for week in grid.weeks for lane in week.lanes for bar in lane]
    assert [(month, b.column, b.span, b.continues_before, b.continues_after) for month, b in bars if b.entry.activity is VISITS] == [
        (3, 3, 4, False, True), (4, 0, 3, True, False)]
    assert days[date(2024, 3, 29)].in_peak and not days[date(2024, 3, 28)].in_peak


def test_bars_of_one_week_share_lanes_without_overlapping_longest_first():
    early = activity("Sớm", "2024-04-01", "2024-04-02", number=1)
    late = activity("Muộn", "2024-04-04", "2024-04-06", number=2)
    whole = activity("Cả tuần", "2024-04-01", "2024-04-07", number=3)
    week = build_calendar([plan("Kế hoạch", (early, late, whole), slug="k")]).months[0].weeks[0]
    assert [[b.entry.activity.title for b in lane] for lane in week.lanes] == [["Cả tuần"], ["Sớm", "Muộn"]]


def test_days_of_neighbouring_months_stay_empty_and_the_agenda_groups_by_start():
    cal = build_calendar([HUE])
    april = cal.months[1]
    outside = [cell for week in april.weeks for cell in week.days if not cell.in_month]
    assert outside and all(cell.activities == () for cell in outside)
    assert [(m.month, [s.activity.title for s in m.activities]) for m in cal.agenda] == [
        (3, ["Thăm hợp tác xã"]), (4, ["Lễ phát động", "Hội nghị"])]


def test_upcoming_activities_are_those_not_yet_started_key_ones_first():
    # Visits run from 28/3: on 3/4 they are under way, not coming up.
    assert [s.activity.title for s in upcoming([HUE], date(2024, 4, 3), 5)] == ["Hội nghị"]
    assert [s.activity.title for s in upcoming([HUE], date(2024, 3, 1), 5)] == ["Thăm hợp tác xã", "Lễ phát động", "Hội nghị"]
    assert [s.activity.title for s in upcoming([HUE], date(2024, 4, 2), 1)] == ["Lễ phát động"]  # starting today counts
    assert upcoming([HUE], date(2024, 4, 12), 5) == []
    day = activity("Ngày Hợp tác xã", "2024-04-11", number=4, key=True)
    with_key = plan("Kế hoạch", (LAUNCH, VISITS, CONFERENCE, day), slug="hue")
    assert [s.activity.title for s in upcoming([with_key], date(2024, 3, 1), 2)] == ["Ngày Hợp tác xã", "Thăm hợp tác xã"]


# The page plan -------------------------------------------------------------------


def test_the_page_plan_has_one_page_per_item_listing_page_and_plan():
    items = [news(f"Tin {n:02d}", f"2024-03-{n:02d} 08:00", category=n % 2) for n in range(1, 24)]
    site = language_site(items, [HUE])
    kinds: dict[type, list] = {}
    for page in site.pages:
        kinds.setdefault(type(page), []).append(page)
    assert len(kinds[ArticlePage]) == 23 and len(kinds[PlanPage]) == 1 and len(kinds[PlansIndexPage]) == 1
    assert len(kinds[ArchivePage]) == 1 and len(kinds[CalendarPage]) == 2  # all plans, and the one plan
    listings = {(type(p.listing.subject), p.listing.path(site.urls)) for p in kinds[ListingPage]}
    expected_pages = (23 // 10) * 3 + 2 * 1  # all news, the year, the month; two categories of 11 and 12
    assert len(kinds[ListingPage]) == expected_pages and (AllNews, "tin-tuc/") in listings
    paths = [p.path for p in site.pages]
    assert len(paths) == len(set(paths))
    assert next(p for p in kinds[ListingPage] if p.number == 1 and isinstance(p.listing.subject, AllNews)).path == "tin-tuc/trang/1/"
    assert next(p for p in kinds[ListingPage] if p.number == 2 and isinstance(p.listing.subject, AllNews)).path == "tin-tuc/"
    assert {p.template for p in site.pages} == {"article", "listing", "archive", "plan", "plans", "calendar"}


def test_drafts_are_on_pages_only_in_a_preview_and_never_in_feeds():
    items = [news("Đã đăng", "2024-03-01 08:00"), news("Bản nháp", "2024-03-02 08:00", draft=True)]
    published, preview = language_site(items), language_site(items, include_drafts=True)
    assert [p.title for p in published.pages if isinstance(p, ArticlePage)] == ["Đã đăng"]
    assert [p.title for p in preview.pages if isinstance(p, ArticlePage)] == ["Bản nháp", "Đã đăng"]
    for site in (published, preview):
        assert [i.title for i in site.feeds[AllNews()].items] == ["Đã đăng"]


def test_feeds_follow_the_settings():
    items = [news("Tin", "2024-03-01 08:00", tags=("Luật",))]
    assert set(language_site(items).feeds) == {AllNews(), InCategory(SETTINGS.categories[0])}
    tagged = language_site(items, settings=make_settings(feeds={"categories": False, "tags": True}))
    assert set(tagged.feeds) == {AllNews(), WithTag("luat", "Luật")}
    assert tagged.feeds[WithTag("luat", "")].path(tagged.urls, "atom") == "tin-tuc/the/luat/atom.xml"


def test_a_listing_knows_the_listings_of_the_other_language():
    items = [news("Tin", "2024-03-01 08:00", tags=("Luật",)), news("News", "2024-03-01 08:00", lang="en", key="tin", tags=("Law",))]
    site = language_site(items)
    assert InMonth(2024, 3) in site.listing_subjects("en") and WithTag("luat", "") not in site.listing_subjects("en")


def test_precompressed_copies_are_reproducible_and_follow_their_file(tmp_path):
    import gzip
    import os

    from campaign.output.precompress import precompress

    page, small, picture = tmp_path / "a.html", tmp_path / "b.css", tmp_path / "c.png"
    page.write_text("<p>Hợp tác xã</p>" * 100, encoding="utf-8")
    small.write_text("p{}", encoding="utf-8")
    picture.write_bytes(b"\x89PNG" * 200)
    paths = [str(page), str(small), str(picture)]
    assert precompress(paths) == {str(page) + ".gz"}  # text of 256 bytes or more only
    first = (tmp_path / "a.html.gz").read_bytes()
    assert gzip.decompress(first) == page.read_bytes()
    (tmp_path / "a.html.gz").unlink()
    precompress(paths)
    assert (tmp_path / "a.html.gz").read_bytes() == first  # no name, no time: the same bytes
    written = (tmp_path / "a.html.gz").stat().st_mtime_ns
    os.utime(page)  # rewritten with the same bytes, as a dirty build does
    precompress(paths)
    assert (tmp_path / "a.html.gz").stat().st_mtime_ns == written  # it still holds them: not made again
    # A kept page may be an older version linked in again, with an older modification time than the copy's.
    older = tmp_path / "cache.html"
    older.write_text("<p>Bản cũ</p>" * 100, encoding="utf-8")
    os.utime(older, ns=(written - 10**9, written - 10**9))
    page.unlink()
    os.link(older, page)
    precompress(paths)
    assert gzip.decompress((tmp_path / "a.html.gz").read_bytes()) == older.read_bytes()
