"""The content contract, one file at a time: dates, slugs, languages, summaries."""

from datetime import datetime, timedelta, timezone
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

import pytest
import yaml

from campaign.build.config import load_settings
from campaign.content.source import key_from_name, language_from_name
from campaign.content.walk import ContentFile
from campaign.core.dates import DateError, parse_datetime
from campaign.news.reader import read_news_item
from campaign.news.summary import cut_at_word, first_paragraph
from conftest import ROOT, news_file

pytestmark = pytest.mark.quick

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize("value, expected, has_time", [
    ("2024-02-07", datetime(2024, 2, 7, tzinfo=HCM), False),
    ("2024-02-07 09:30", datetime(2024, 2, 7, 9, 30, tzinfo=HCM), True),
    ("2024-02-07T09:30:00+07:00", datetime(2024, 2, 7, 9, 30, tzinfo=timezone(timedelta(hours=7))), True),
    ("07/02/2024", datetime(2024, 2, 7, tzinfo=HCM), False),
    ("07/02/2024 09:30", datetime(2024, 2, 7, 9, 30, tzinfo=HCM), True),
    ("7/2/2024", datetime(2024, 2, 7, tzinfo=HCM), False),
])
def test_dates_in_every_accepted_form(value, expected, has_time):
    moment, with_time = parse_datetime(value, HCM)
    assert moment == expected and moment.utcoffset() == expected.utcoffset()
    assert with_time is has_time


def test_yaml_dates_and_times_are_accepted_and_naive_ones_get_the_site_zone():
    data = yaml.safe_load("a: 2024-02-07\nb: 2024-02-07T09:30:00+07:00\nc: 2024-02-07 09:30:00")
    assert parse_datetime(data["a"], HCM)[0] == datetime(2024, 2, 7, tzinfo=HCM)
    assert parse_datetime(data["b"], HCM)[0].utcoffset() == timedelta(hours=7)
    assert parse_datetime(data["c"], HCM)[0].utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize("value", ["02/30/2024", "2024-13-01", "hôm qua", "", 12, None])
def test_bad_dates_say_what_is_expected(value):
    with pytest.raises(DateError, match="expected a date like 2024-02-07"):
        parse_datetime(value, HCM)


def settings(tmp_path):
    extra = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]
    extra["campaign"]["news_dir"] = str(tmp_path)
    return load_settings(extra, ROOT, environ={"CAMPAIGN_BUILD_DATE": "2026-01-01"})


def read(tmp_path, name, content):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return read_news_item(ContentFile(path, PurePosixPath(name), f"news/{name}"), settings(tmp_path))


def test_slug_strips_diacritics_and_maps_d_with_stroke(tmp_path):
    result = read(tmp_path, "a.md", news_file("Đẩy mạnh phát triển Hợp tác xã: “Đổi mới”", "2024-02-07"))
    assert result.content.slug == "day-manh-phat-trien-hop-tac-xa-doi-moi"


def test_language_and_translation_key_from_the_file_name(tmp_path):
    s = settings(tmp_path)
    assert language_from_name(PurePosixPath("2024/x.en.md"), s) == "en"
    assert language_from_name(PurePosixPath("2024/x.md"), s) == "vi"
    assert key_from_name(PurePosixPath("2024/x.en.md"), s) == key_from_name(PurePosixPath("2024/x.md"), s) == "2024/x"


def test_category_by_key_or_either_name(tmp_path):
    for name in ("kinh-te-tap-the", "Kinh tế tập thể", "Collective economy"):
        assert read(tmp_path, "a.md", news_file("T", "2024-02-07", category=name)).content.category.key == "kinh-te-tap-the"


def test_bom_crlf_and_decomposed_unicode_are_normalised(tmp_path):
    import unicodedata
    text = news_file(unicodedata.normalize("NFD", "Hợp tác xã"), "2024-02-07", body="Đoạn một.\n\nĐoạn hai.")
    result = read(tmp_path, "a.md", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert result.problems == ()
    assert result.content.title == unicodedata.normalize("NFC", "Hợp tác xã")
    assert "\r" not in result.content.body and result.content.body.lstrip("\n").startswith(unicodedata.normalize("NFC", "Đoạn một."))


def test_every_problem_of_a_file_is_reported_with_its_line(tmp_path):
    content = "---\ntitle: 12:30\ndate: 31/02/2024\ncategory: Thể thao\ntags: {a: 1}\ndraft: maybe\ncolour: red\n---\nBody\n"
    problems = read(tmp_path, "a.md", content).problems
    found = {(p.field, p.line) for p in problems}
    assert {("date", 3), ("category", 4), ("tags", 5), ("draft", 6), ("colour", 7)} <= found
    category = next(p for p in problems if p.field == "category")
    assert "Kinh tế tập thể" in category.message and "Collective economy" in category.message
    assert str(category).startswith("news/a.md:4: category: unknown category 'Thể thao'")


def test_summary_is_the_first_paragraph_cut_at_a_word():
    html = "<h2>Tiêu đề</h2><p><img src='x.png' alt=''></p><p>Hợp tác xã <strong>&amp;</strong> kinh tế tập thể</p><p>Hai</p>"
    assert first_paragraph(html) == "Hợp tác xã & kinh tế tập thể"
    assert cut_at_word("Hợp tác xã phát triển bền vững", 14) == "Hợp tác xã…"
    assert cut_at_word("ngắn", 14) == "ngắn"
