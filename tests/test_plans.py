"""Plan pages, the activity calendar and the iCalendar files, checked against the plan model."""

from __future__ import annotations

import json
import textwrap
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import yaml

from campaign.build.config import load_settings
from campaign.plans.catalogue import read_plans
from conftest import build, make_project, news_file, resolve

SITE = "https://thang-hanh-dong-htx.example.org/"
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
TRICKY = 'Hội trường "A" <tầng 2> & sân </script>'


def plan_file(fields: dict, body: str = "Nội dung kế hoạch.") -> str:
    return "---\n" + yaml.safe_dump({"type": "plan", **fields}, allow_unicode=True, sort_keys=False) + "---\n\n" + textwrap.dedent(body).strip() + "\n"


NATIONAL = {
    "title": "Kế hoạch quốc gia thử nghiệm",
    "slug": "quoc-gia",
    "number": "70/KH-BTVLMHTXVN",
    "issued": "2024-02-07",
    "issuer": "Ban Thường vụ Liên minh Hợp tác xã Việt Nam",
    "signed_by": "Chủ tịch",
    "theme": "Vì sự phát triển bền vững của hợp tác xã",
    "messages": ["Thông điệp một.", "Thông điệp hai."],
    "period": {"start": "2024-01-01", "end": "2024-12-31"},
    "peak": {"start": "2024-03-29", "end": "2024-04-29"},
    "activities": [
        {"title": "Ngày Hợp tác xã Việt Nam", "start": "11/04/2024", "location": "Trên cả nước", "lead": "Liên minh HTX Việt Nam", "key": True},
        {"title": "Chuỗi hội chợ qua tháng", "start": "2024-03-30", "end": "2024-04-02", "location": TRICKY, "lead": "Trung tâm Xúc tiến"},
        {"id": "dien-dan", "title": "Diễn đàn hợp tác xã quốc gia", "start": "2024-04-05 08:00", "end": "2024-04-05 11:30",
         "location": "Hà Nội", "lead": "Ban Tổ chức", "tentative": True, "description": "Thời gian dự kiến."},
        {"title": "Hội thảo hai ngày", "start": "2024-04-09 13:30", "end": "2024-04-10 17:00", "lead": "Ban Chính sách"},
        {"title": "Lễ bế mạc", "start": "2024-05-02 19:00"},
    ],
}
PROVINCE = {
    "title": "Kế hoạch tỉnh thử nghiệm",
    "slug": "tinh",
    "issuer": "Liên minh Hợp tác xã tỉnh",
    "period": {"start": "2024-03-01", "end": "2024-04-30"},
    "peak": {"start": "2024-03-29", "end": "2024-04-29"},
    "activities": [
        {"id": "le-phat-dong", "title": "Lễ phát động của tỉnh", "start": "2024-04-02", "tentative": True, "location": "Hương Thủy", "key": True},
        {"title": "Tập huấn công nghệ cao", "start": "2024-03-29", "end": "2024-04-29", "lead": "Trung tâm Dịch vụ"},
    ],
}
PROVINCE_EN = {
    "title": "Test provincial plan", "slug": "province", "issuer": "Provincial Cooperative Alliance",
    "period": {"start": "2024-03-01", "end": "2024-04-30"},
    "activities": [{"id": "le-phat-dong", "title": "Provincial launch", "start": "2024-04-02", "tentative": True}],
}


def demo_plans() -> dict[str, str]:
    return {
        "2024/quoc-gia.md": plan_file(NATIONAL, "Xem [kế hoạch của tỉnh](tinh.md)."),
        "2024/tinh.md": plan_file(PROVINCE),
        "2024/tinh.en.md": plan_file(PROVINCE_EN),
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("plans"), {"2024/a.md": news_file("Tin", "2024-02-07")}, plans=demo_plans())
    result = build(project, "--strict", env={"CAMPAIGN_BUILD_DATE": "2024-04-03"})
    assert result.returncode == 0, result.log
    return result


def plan_model(project: Path, lang: str = "vi"):
    extra = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]
    settings = load_settings(extra, project, environ={"CAMPAIGN_BUILD_DATE": "2024-04-03"})
    return read_plans(settings, project).plans(lang)


def calendar_cell(soup, day: date):
    """A day's number in the month grid."""
    table = soup.select_one(f"table#lich-hoat-dong-{day.year:04d}-{day.month:02d}")
    return table.select_one(f'td[data-date="{day.isoformat()}"]')


def activities_cell(soup, day: date):
    """A day's one-day activities in the month grid."""
    table = soup.select_one(f"table#lich-hoat-dong-{day.year:04d}-{day.month:02d}")
    return table.select_one(f'td[data-day="{day.isoformat()}"]')


def test_plan_page_shows_the_document_its_activities_and_its_text(site):
    soup = site.page("ke-hoach/quoc-gia/")
    facts = dict(zip([dt.get_text() for dt in soup.select(".campaign-plan__facts dt")], [dd.get_text() for dd in soup.select(".campaign-plan__facts dd")],
                     strict=True))
    assert facts["Số"] == "70/KH-BTVLMHTXVN"
    assert facts["Cơ quan ban hành"] == "Ban Thường vụ Liên minh Hợp tác xã Việt Nam"
    assert facts["Ngày ban hành"] == "ngày 7 tháng 2 năm 2024"
    assert facts["Chủ đề"] == "Vì sự phát triển bền vững của hợp tác xã"
    assert facts["Thời gian thực hiện"] == "01/01/2024 – 31/12/2024"
    assert facts["Cao điểm"] == "29/03/2024 – 29/04/2024"
    assert [li.get_text() for li in soup.select(".campaign-plan__messages li")] == NATIONAL["messages"]
    # Activities as cards: when, title, where, lead unit, status as of the build (3/4/2024).
    cards = soup.select("ol.campaign-activity-cards > li")
    assert [c.select_one("h3").get_text(strip=True) for c in cards] == [a["title"] for a in NATIONAL["activities"]]

    def facts_of(card):
        return dict(zip([dt.get_text() for dt in card.select("dt")], [dd.get_text() for dd in card.select("dd")], strict=True))

    assert cards[1].select_one(".campaign-activity-card__when").get_text(strip=True) == "30/03/2024 – 02/04/2024"
    assert facts_of(cards[1]) == {"Địa điểm": TRICKY, "Đơn vị chủ trì": "Trung tâm Xúc tiến", "Tình trạng": "Đã diễn ra"}
    assert cards[2].select_one(".campaign-activity-card__when").get_text(" ", strip=True) == "08:00 – 11:30, 05/04/2024 (dự kiến)"
    assert facts_of(cards[2])["Tình trạng"] == "Sắp diễn ra" and "campaign-activity--tentative" in cards[2]["class"]
    assert cards[3].select_one(".campaign-activity-card__when").get_text(strip=True) == "13:30, 09/04/2024 – 17:00, 10/04/2024"
    assert "campaign-key" in cards[0].select_one("h3")["class"]  # Vietnam Cooperative Day is a key date
    calendar = site.page("lich-hoat-dong/")
    for card in cards:
        href, anchor = card.select_one("a")["href"].split("#")
        assert resolve("ke-hoach/quoc-gia/", href) == "lich-hoat-dong/" and calendar.find(id=anchor) is not None, href
    # The table of contents lists the messages and the activities before the plan's own headings.
    toc = [a.get_text(strip=True) for a in soup.select(".md-sidebar--secondary .md-nav__link")]
    assert toc[:2] == ["Thông điệp truyền thông", "Các hoạt động"]
    assert soup.find(id="campaign-messages") and soup.find(id="campaign-activities")
    # The trail stops at the plans: the heading under it names the plan.
    assert [a.get_text() for a in soup.select(".campaign-breadcrumbs a")] == ["Trang chủ", "Kế hoạch"]
    assert soup.select_one(".campaign-plan__body a")["href"] == "../tinh/"


def week_rows(table):
    """Each week of a month table: the date of each of its seven columns (None outside the month), the bars (link
    text → the dates it covers) and the one-day activities (date → link texts)."""
    weeks = []
    for body in table.select("tbody.campaign-week"):
        days = [date.fromisoformat(td["data-date"]) if td.has_attr("data-date") else None
                for td in body.select_one("tr.campaign-week__days").select("td")]
        bars: dict[str, list] = {}
        for lane in body.select("tr.campaign-week__lane"):
            column = 0
            for td in lane.select("td"):
                span = int(td.get("colspan", 1))
                for a in td.select("a"):
                    assert a.get_text() not in bars, f"{a.get_text()} twice in one week"
                    bars[a.get_text()] = days[column : column + span]
                column += span
            assert column == 7
        one_day = {date.fromisoformat(td["data-day"]): [a.get_text() for a in td.select("a")]
                   for td in body.select("tr.campaign-week__events td[data-day]")}
        weeks.append((days, bars, one_day))
    return weeks


def test_a_one_day_activity_is_in_its_cell_a_longer_one_a_bar_once_per_week_over_exactly_its_days(site):
    soup = site.page("lich-hoat-dong/")
    activities = [a for plan in plan_model(site.project) for a in plan.activities]
    assert len(activities) == 7
    covered: dict[str, list] = {}
    for table in soup.select("table.campaign-month"):
        for _days, bars, one_day in week_rows(table):
            for title, span in bars.items():
                covered.setdefault(title, []).extend(span)
            for day, titles in one_day.items():
                assert sorted(titles) == sorted(a.title for a in activities if a.first_day == a.last_day == day), day
    for a in activities:
        if a.first_day != a.last_day:
            assert covered[a.title] == a.days(), a.title  # every day it spans, each once, in order
        else:
            assert a.title not in covered
    assert {t["id"] for t in soup.select("table.campaign-month")} == {"lich-hoat-dong-2024-03", "lich-hoat-dong-2024-04", "lich-hoat-dong-2024-05"}
    # The hall name with markup stays text in the grid's titles too: the fair (30/3–2/4) is a bar in its two weeks.
    fair = [bars["Chuỗi hội chợ qua tháng"] for table in soup.select("table.campaign-month") for _, bars, _ in week_rows(table)
            if "Chuỗi hội chợ qua tháng" in bars]
    assert fair == [[date(2024, 3, 30), date(2024, 3, 31)], [date(2024, 4, 1), date(2024, 4, 2)]]


def test_month_grid_is_an_accessible_table_monday_first(site):
    soup = site.page("lich-hoat-dong/")
    table = soup.select_one("table#lich-hoat-dong-2024-04")
    assert table.caption.get_text() == "Tháng 4/2024"
    headers = table.select("thead th[scope=col]")
    assert [h.abbr["title"] for h in headers] == ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
    first_row = table.select("tbody tr")[0].select("td")
    assert first_row[0]["data-date"] == "2024-04-01"  # 1 April 2024 was a Monday
    cell = calendar_cell(soup, date(2024, 4, 2))
    assert cell.time.select_one(".campaign-sr-only").get_text() == "Thứ Ba, ngày 2 tháng 4 năm 2024"
    assert cell.time["title"] == "Thứ Ba, ngày 2 tháng 4 năm 2024"
    for row in table.select("tbody tr.campaign-week__days, tbody tr.campaign-week__events"):
        assert len(row.select("td")) == 7
    english = site.page("en/calendar/")
    assert [h.abbr["title"] for h in english.select("table.campaign-month thead th")][:2] == ["Monday", "Tuesday"]


def test_peak_days_are_marked_and_only_they(site):
    soup = site.page("lich-hoat-dong/")
    for cell in soup.select("td[data-date]"):
        day = date.fromisoformat(cell["data-date"])
        assert ("campaign-day--peak" in cell.get("class", [])) == (date(2024, 3, 29) <= day <= date(2024, 4, 29)), day
    assert soup.select_one(".campaign-calendar-legend")


def test_agenda_lists_activities_in_order_grouped_by_month_with_details(site):
    soup = site.page("lich-hoat-dong/")
    items = soup.select(".campaign-agenda__item")
    titles = [li.select_one(".campaign-agenda__title").get_text(strip=True) for li in items]
    assert titles == [
        "Tập huấn công nghệ cao", "Chuỗi hội chợ qua tháng", "Lễ phát động của tỉnh", "Diễn đàn hợp tác xã quốc gia",
        "Hội thảo hai ngày", "Ngày Hợp tác xã Việt Nam", "Lễ bế mạc",
    ]
    months = soup.select("details.campaign-agenda__month")
    assert [m.select_one("summary h3").get_text() for m in months] == ["Tháng 3/2024", "Tháng 4/2024", "Tháng 5/2024"]
    # As of 3/4 no month is wholly past (the training runs to 29/4): all open, the training marked as what is on.
    assert all(m.has_attr("open") for m in months)
    assert [li.select_one(".campaign-agenda__title").get_text(strip=True) for li in soup.select(".campaign-agenda__item--next")] == [
        "Tập huấn công nghệ cao"]
    assert soup.select_one("[data-agenda-next]")["href"] == "#tinh--tap-huan-cong-nghe-cao"
    forum = soup.find(id="quoc-gia--dien-dan")
    facts = dict(zip([dt.get_text() for dt in forum.select("dt")], [dd.get_text() for dd in forum.select("dd")], strict=True))
    assert facts == {"Kế hoạch": "Kế hoạch quốc gia thử nghiệm", "Địa điểm": "Hà Nội", "Đơn vị chủ trì": "Ban Tổ chức"}
    assert forum.time["datetime"] == "2024-04-05T08:00:00+07:00"
    assert "dự kiến" in forum.select_one(".campaign-agenda__when").get_text()
    assert len({li["id"] for li in items}) == len(items)


def test_calendar_can_be_filtered_by_plan(site):
    soup = site.page("lich-hoat-dong/tinh/")
    titles = [li.select_one(".campaign-agenda__title").get_text(strip=True) for li in soup.select(".campaign-agenda__item")]
    assert titles == ["Tập huấn công nghệ cao", "Lễ phát động của tỉnh"]
    filters = soup.select(".campaign-calendar-filter a")
    assert [a.get_text() for a in filters] == ["Tất cả kế hoạch", "Kế hoạch quốc gia thử nghiệm", "Kế hoạch tỉnh thử nghiệm"]
    assert [a.get("aria-current") for a in filters] == [None, None, "page"]
    for a in filters:
        assert site.exists(resolve("lich-hoat-dong/tinh/", a["href"]))
    # Activity links in a filtered calendar lead to their details in the full agenda.
    href, anchor = soup.select_one("td[data-day='2024-04-02'] a")["href"].split("#")
    assert (resolve("lich-hoat-dong/tinh/", href), anchor) == ("lich-hoat-dong/", "tinh--le-phat-dong")


def read_ics(site, path: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((site.site / path).read_bytes())


def test_icalendar_events_match_the_plan_model(site):
    cal = read_ics(site, "lich-hoat-dong.ics")
    events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    plans = plan_model(site.project)
    assert len(events) == sum(len(p.activities) for p in plans) == 7
    uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
    assert len(set(uids)) == len(uids)
    for plan in plans:
        for activity in plan.activities:
            event = events[activity.title]
            start = event.decoded("DTSTART")
            if activity.all_day:
                assert type(start) is date and start == activity.first_day
                assert event["DTSTART"].params.get("VALUE") == "DATE" or "VALUE" not in event["DTSTART"].params
                assert event.decoded("DTEND") == activity.last_day + timedelta(days=1)  # exclusive
            else:
                assert start == activity.start and start.utcoffset() == timedelta(hours=7)
                assert event["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
                if activity.end:
                    assert event.decoded("DTEND") == activity.end
                else:
                    assert "DTEND" not in event
            assert str(event.get("STATUS")) == ("TENTATIVE" if activity.tentative else "CONFIRMED")
            assert str(event["URL"]).startswith(SITE + "lich-hoat-dong/#")
            assert str(event["URL"]) in str(event["DESCRIPTION"]) and plan.title in str(event["DESCRIPTION"])
            if activity.lead:
                assert f"Đơn vị chủ trì: {activity.lead}" in str(event["DESCRIPTION"])
            if activity.location:
                assert str(event["LOCATION"]) == activity.location
            stamp = datetime.combine(plan.issued or plan.period.start, datetime.min.time(), tzinfo=TZ)
            assert event.decoded("DTSTAMP") == stamp
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    assert str(cal["X-WR-CALNAME"]).startswith("Lịch hoạt động")
    assert str(cal["REFRESH-INTERVAL"].to_ical().decode()) == "P1D"
    one_plan = read_ics(site, "ke-hoach/tinh.ics")
    assert sorted(str(e["SUMMARY"]) for e in one_plan.walk("VEVENT")) == ["Lễ phát động của tỉnh", "Tập huấn công nghệ cao"]
    assert not one_plan.walk("VTIMEZONE")  # no timed event, no zone to define


def test_calendar_files_and_uids_are_stable_across_builds(tmp_path):
    results = []
    for n, build_date in enumerate(("2024-03-01", "2026-07-01 09:00")):
        project = make_project(tmp_path / str(n), {"2024/a.md": news_file("Tin", "2024-02-07")}, plans=demo_plans())
        result = build(project, env={"CAMPAIGN_BUILD_DATE": build_date})
        assert result.returncode == 0, result.log
        results.append(result)
    for path in ("lich-hoat-dong.ics", "ke-hoach/quoc-gia.ics", "en/calendar.ics"):
        assert (results[0].site / path).read_bytes() == (results[1].site / path).read_bytes(), path


def test_pages_offer_the_calendar_to_subscribe_and_download(site):
    soup = site.page("lich-hoat-dong/")
    links = {link["href"]: link["title"] for link in soup.select('link[rel=alternate][type="text/calendar"]')}
    assert links == {SITE + "lich-hoat-dong.ics": "Lịch hoạt động"}
    plan_links = {link["href"] for link in site.page("ke-hoach/tinh/").select('link[rel=alternate][type="text/calendar"]')}
    assert plan_links == {SITE + "lich-hoat-dong.ics", SITE + "ke-hoach/tinh.ics"}
    subscribe, download = soup.select(".campaign-calendar-links a")
    assert subscribe["href"] == "webcal://thang-hanh-dong-htx.example.org/lich-hoat-dong.ics"
    assert site.exists(resolve("lich-hoat-dong/", download["href"]))
    assert "cập nhật" in soup.select_one(".campaign-calendar-links small").get_text()


def test_events_are_described_with_schema_org_json_ld(site):
    soup = site.page("lich-hoat-dong/")
    script = soup.select_one('script[type="application/ld+json"]')
    assert "</script>" not in script.string and "<" not in script.string
    events = {e["name"]: e for e in json.loads(script.string)["@graph"] if e["@type"] == "Event"}
    assert len(events) == 7
    forum = events["Diễn đàn hợp tác xã quốc gia"]
    assert forum["@type"] == "Event"
    assert (forum["startDate"], forum["endDate"]) == ("2024-04-05T08:00:00+07:00", "2024-04-05T11:30:00+07:00")
    assert forum["location"]["name"] == "Hà Nội" and forum["organizer"]["name"] == "Ban Tổ chức"
    assert events["Chuỗi hội chợ qua tháng"]["location"]["name"] == TRICKY
    assert events["Ngày Hợp tác xã Việt Nam"]["startDate"] == "2024-04-11"
    plan_page = json.loads(site.page("ke-hoach/tinh/").select_one('script[type="application/ld+json"]').string)
    assert {e["name"] for e in plan_page["@graph"] if e["@type"] == "Event"} == {"Lễ phát động của tỉnh", "Tập huấn công nghệ cao"}


KEY_DATES = ["Bắt đầu giai đoạn cao điểm", "Lễ phát động của tỉnh", "Ngày Hợp tác xã Việt Nam", "Kết thúc giai đoạn cao điểm"]


@pytest.mark.parametrize("build_date, state, progress, key_dates_when, upcoming", [
    # Before the peak: days to go; what has not started, the key dates first.
    ("2024-03-20", "Còn 9 ngày đến cao điểm", None, ["future", "future", "future", "future"],
     ["Lễ phát động của tỉnh", "Ngày Hợp tác xã Việt Nam", "Tập huấn công nghệ cao", "Chuỗi hội chợ qua tháng", "Diễn đàn hợp tác xã quốc gia"]),
    # During it: day 14 of 32; the month-long training already running is not "coming up".
    ("2024-04-11", "Ngày 14 trong 32 ngày cao điểm", "44", ["past", "past", "today", "future"],
     ["Ngày Hợp tác xã Việt Nam", "Lễ bế mạc"]),
    ("2024-06-01", "Đã kết thúc — nhìn lại", None, ["past", "past", "past", "past"], []),
])
def test_home_page_is_the_campaigns_front_page_as_of_the_build(tmp_path, build_date, state, progress, key_dates_when, upcoming):
    project = make_project(tmp_path, {"2024/a.md": news_file("Tin", "2024-04-05")}, plans=demo_plans())
    result = build(project, env={"CAMPAIGN_BUILD_DATE": build_date})
    assert result.returncode == 0, result.log
    home = result.page("")
    banner = home.select_one(".campaign-banner")
    assert banner.select_one("h1").get_text() == "Tháng hành động vì Hợp tác xã 2024"  # the site's name
    assert banner.select_one(".campaign-banner__theme").get_text(strip=True).endswith("“Vì sự phát triển bền vững của hợp tác xã”")
    assert banner.select_one(".campaign-banner__peak").get_text() == "Cao điểm: 29/03/2024 – 29/04/2024"
    assert banner.select_one("[data-campaign-state]").get_text() == state
    bar = banner.select_one("progress")
    assert (bar.get("value") if not bar.has_attr("hidden") else None) == progress
    # What the script needs to say the same from the reader's date.
    assert (banner["data-peak-start"], banner["data-peak-end"], banner["data-timezone"]) == ("2024-03-29", "2024-04-29", "Asia/Ho_Chi_Minh")
    assert banner["data-text-before-other"] == "Còn {count} ngày đến cao điểm"
    dates = home.select(".campaign-key-date")
    assert [d.select_one("a").get_text() for d in dates] == KEY_DATES
    assert [d.select_one(".campaign-key-date__day").get_text() for d in dates] == ["29/03", "02/04", "11/04", "29/04"]
    assert [next(c for c in d["class"] if c.split("--")[-1] in ("past", "today", "future")).split("--")[-1] for d in dates] == key_dates_when
    assert [d.select_one("a").get_text() for d in home.select(".campaign-key-date--next")] == (
        [KEY_DATES[key_dates_when.index(w)] for w in key_dates_when if w != "past"][:1])
    assert "dự kiến" in dates[1].get_text()  # the launch is tentative
    assert [a.get_text() for a in home.select(".campaign-upcoming li > a")] == upcoming
    look_back = home.select_one("#campaign-look-back")
    if build_date == "2024-06-01":
        assert "Không có hoạt động nào sắp diễn ra." in home.select_one(".campaign-upcoming").get_text()
        assert look_back.select_one("p").get_text() == "Trong 32 ngày cao điểm (29/03/2024 – 29/04/2024): 6 hoạt động trên lịch, 1 tin đã đăng."
        assert [a.get_text() for a in look_back.select("a")] == ["Tin tức tháng 4/2024", "Lưu trữ tin tức", "Lịch hoạt động"]
        assert banner.select_one("[data-campaign-state] a")["href"] == "#campaign-look-back"
        # The calendar's agenda, all past: every month folded, nothing marked as next.
        agenda = result.page("lich-hoat-dong/")
        assert [m.has_attr("open") for m in agenda.select("details.campaign-agenda__month")] == [False, False, False]
        assert agenda.select(".campaign-agenda__item--next") == [] and agenda.select_one("[data-agenda-next]").parent.has_attr("hidden")
    else:
        assert look_back is None


BAD_PLAN = """---
type: plan
title: Kế hoạch có lỗi
issuer: Liên minh
period: {start: 2024-01-01, end: 2024-12-31}
activities:
  - title: Hoạt động tốt
    start: 2024-04-02
  - start: 2024-04-03
  - title: Thiếu ngày bắt đầu
  - title: Kết thúc trước khi bắt đầu
    start: 2024-04-10
    end: 2024-04-09
  - title: Ngày không đọc được
    start: 31/02/2024
  - title: Hoạt động tốt
    start: 2024-04-20
---

Nội dung.
"""

BAD_PEAK = plan_file({
    "title": "Cao điểm ngoài kỳ", "issuer": "Liên minh", "period": {"start": "2024-01-01", "end": "2024-03-31"},
    "peak": {"start": "2024-03-29", "end": "2024-04-29"}, "activities": [{"title": "Một việc", "start": "2024-02-01"}],
})

EXPECTED_PROBLEMS = [
    "plans/2024/hong.md:8: peak: 2024-03-29 – 2024-04-29 is not within the period 2024-01-01 – 2024-03-31",
    "plans/2024/loi.md:9: activities[2].title: (no title): missing; this field is required",
    "plans/2024/loi.md:10: activities[3].start: “Thiếu ngày bắt đầu”: missing; this field is required",
    "plans/2024/loi.md:13: activities[4].end: “Kết thúc trước khi bắt đầu”: 2024-04-09 is before the start 2024-04-10",
    "plans/2024/loi.md:15: activities[5].start: “Ngày không đọc được”: expected a date like",
    "plans/2024/loi.md:16: activities[6].id: “Hoạt động tốt”: id 'hoat-dong-tot' is already used by activity 1 (“Hoạt động tốt”)",
]


@pytest.fixture(scope="module")
def bad_builds(tmp_path_factory):
    plans = {"2024/loi.md": BAD_PLAN, "2024/hong.md": BAD_PEAK}
    news = {"2024/a.md": news_file("Tin", "2024-02-07")}
    return {
        mode: build(make_project(tmp_path_factory.mktemp(mode), news, plans=plans), *args)
        for mode, args in (("plain", ()), ("strict", ("--strict",)))
    }


def test_each_bad_activity_is_reported_with_file_line_activity_and_field(bad_builds):
    log = bad_builds["plain"].log
    for message in EXPECTED_PROBLEMS:
        assert message in log, f"{message!r} not in log:\n{log}"
    assert "plans/2024/loi.md: published without 5 of its activities because of the problems above" in log
    assert "plans/2024/hong.md: plan left out of the site because of the problems above" in log


def test_a_plain_build_leaves_out_only_the_broken_activities_and_strict_fails(bad_builds):
    plain = bad_builds["plain"]
    assert plain.returncode == 0
    titles = [a.get_text() for a in plain.page("ke-hoach/ke-hoach-co-loi/").select(".campaign-activity-cards h3 a")]
    assert titles == ["Hoạt động tốt"]
    assert not plain.exists("ke-hoach/cao-diem-ngoai-ky/")
    strict = bad_builds["strict"]
    assert strict.returncode != 0
    assert "Aborted with" in strict.log


def test_demo_site_has_both_plans_in_both_languages(demo_build):
    for path in ("ke-hoach/ke-hoach-70-2024/", "ke-hoach/thua-thien-hue-2024/", "en/plans/plan-70-2024/", "en/plans/thua-thien-hue-2024/"):
        assert demo_build.exists(path), path
    national = demo_build.page("ke-hoach/ke-hoach-70-2024/")
    assert "70/KH-BTVLMHTXVN" in national.select_one(".campaign-plan__facts").get_text()
    switch = national.select_one(".campaign-translation a")
    assert resolve("ke-hoach/ke-hoach-70-2024/", switch["href"]) == "en/plans/plan-70-2024/"
    calendar = demo_build.page("lich-hoat-dong/")
    assert activities_cell(calendar, date(2024, 4, 2)).find("a", string="Lễ phát động Tháng hành động và kỷ niệm Ngày Hợp tác xã Việt Nam")
    assert demo_build.exists("en/calendar/") and demo_build.exists("en/calendar.ics")
    index = demo_build.page("ke-hoach/")
    assert [resolve("ke-hoach/", a["href"]) for a in index.select(".campaign-plans a")] == [
        "ke-hoach/ke-hoach-70-2024/", "ke-hoach/thua-thien-hue-2024/",
    ]
    facts = [dict(zip([dt.get_text() for dt in card.select("dt")], [dd.get_text() for dd in card.select("dd")], strict=True))
             for card in index.select(".campaign-plans > li")]
    assert (facts[0]["Cao điểm"], facts[0]["Các hoạt động"], facts[1]["Các hoạt động"]) == ("29/03/2024 – 29/04/2024", "1 hoạt động", "6 hoạt động")
    nav = [a.get_text(strip=True) for a in demo_build.page("").select(".md-nav--primary .md-nav__link")]
    assert "Kế hoạch" in nav and "Lịch hoạt động" in nav
    # The sections as tabs, in the page's language; a generated page marks its section's tab.
    tabs = demo_build.page("").select(".md-tabs__link")
    assert [a.get_text(strip=True) for a in tabs] == ["Trang chủ", "Tin tức", "Kế hoạch", "Lịch hoạt động", "Giới thiệu"]
    assert demo_build.page("").select_one(".md-tabs")["aria-label"] == "Các mục chính"  # Material's vi says "Tabs"
    for path, section in (("ke-hoach/ke-hoach-70-2024/", "Kế hoạch"), ("lich-hoat-dong/", "Lịch hoạt động"), ("tin-tuc/luu-tru/", "Tin tức")):
        assert demo_build.page(path).select_one(".md-tabs__item--active").get_text(strip=True) == section, path
    assert [a.get_text(strip=True) for a in demo_build.page("en/calendar/").select(".md-tabs__item--active")] == ["Calendar"]
    # No menu beside any page; a table of contents only where a page is long.
    assert demo_build.page("lich-hoat-dong/").select_one(".md-sidebar--primary").has_attr("hidden")
    assert demo_build.page("").select_one(".md-sidebar--secondary").has_attr("hidden")
    assert not national.select_one(".md-sidebar--secondary").has_attr("hidden")
