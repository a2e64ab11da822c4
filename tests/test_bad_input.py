"""Bad input: one clear message per problem, all in one build; --strict fails; nothing else is lost."""

from __future__ import annotations

import pytest

from conftest import build, make_project, news_file

GOOD = news_file("Tin còn nguyên", "2024-02-07")

BAD = {
    "2024/yaml.md": "---\ntitle: Tin hỏng\ndate: 2024-02-07\ntags: [a, b\ncategory: kinh-te-tap-the\n---\nBody\n",
    "2024/no-title.md": "---\ndate: 2024-02-07\ncategory: kinh-te-tap-the\n---\nBody\n",
    "2024/bad-date.md": news_file("Ngày sai", "2024-02-31"),
    "2024/no-date.md": "---\ntitle: Không ngày\ncategory: kinh-te-tap-the\n---\nBody\n",
    "2024/category.md": news_file("Chuyên mục lạ", "2024-02-07", category="Thể thao"),
    "2024/dup-a.md": news_file("Trùng địa chỉ", "2024-02-08"),
    "2024/dup-b.md": news_file("Trùng địa chỉ", "2024-02-09"),
    "2024/key-a.md": news_file("Khoá một", "2024-02-10", translation_key="chung"),
    "2024/key-b.md": news_file("Khoá hai", "2024-02-11", translation_key="chung"),
    "2024/latin1.md": news_file("Hợp tác", "2024-02-07").encode("utf-8").replace("Hợp".encode(), "H\xe9p".encode("latin-1")),
    "2024/bad-en.en.md": news_file("English without date", "someday"),
}

EXPECTED = [
    "news/2024/yaml.md:5: frontmatter: invalid YAML",
    "news/2024/no-title.md: title: missing; this field is required",
    "news/2024/bad-date.md:3: date: expected a date like 2024-02-07",
    "news/2024/no-date.md: date: missing; this field is required",
    "news/2024/category.md:4: category: unknown category 'Thể thao'; known categories: kinh-te-tap-the (Kinh tế tập thể / Collective economy)",
    "news/2024/dup-b.md: slug: same URL /tin-tuc/2024/02/trung-dia-chi/ as news/2024/dup-a.md",
    "news/2024/key-b.md: translation_key: 'chung' is already used by news/2024/key-a.md in the same language (vi)",
    "news/2024/latin1.md:2: file: is not UTF-8 text",
]


@pytest.fixture(scope="module")
def projects(tmp_path_factory):
    news = {"2024/good.md": GOOD, **BAD}
    return {
        "plain": build(make_project(tmp_path_factory.mktemp("plain"), news)),
        "strict": build(make_project(tmp_path_factory.mktemp("strict"), news), "--strict"),
    }


def test_every_problem_is_reported_in_one_build_with_file_line_and_field(projects):
    log = projects["plain"].log
    for message in EXPECTED:
        assert message in log, message
    assert "news/2024/bad-en.en.md:3: date: expected a date like" in log
    assert "news/2024/yaml.md: left out of the site because of the problems above" in log


def test_a_plain_build_leaves_out_only_the_broken_items(projects):
    result = projects["plain"]
    assert result.returncode == 0, result.log
    titles = [a.get_text() for a in result.page("tin-tuc/").select(".campaign-entry__title a")]
    # The first of two clashing items stays; the second is left out.
    assert titles == ["Khoá một", "Trùng địa chỉ", "Tin còn nguyên"]
    assert result.exists("tin-tuc/2024/02/trung-dia-chi/")
    assert "news vi: 3 published, 0 drafts, 0 scheduled, 8 errors" in result.log
    assert "news en: 0 published, 0 drafts, 0 scheduled, 1 errors" in result.log


def test_strict_build_fails(projects):
    result = projects["strict"]
    assert result.returncode != 0
    assert "Aborted with" in result.log and "in strict mode" in result.log
    for message in EXPECTED:
        assert message in result.log, message


def test_image_that_does_not_exist_is_reported(tmp_path):
    project = make_project(tmp_path, {"2024/a.md": news_file("Ảnh thiếu", "2024-02-07", image="images/khong-co.jpg")})
    result = build(project)
    assert "news/2024/a.md:5: image: file not found: 'images/khong-co.jpg'" in result.log


@pytest.mark.parametrize("setting, value, message", [
    ("page_size", 0, "extra.campaign.page_size: expected a whole number of at least 1, got 0"),
    ("timezone", "Mars/Olympus", "extra.campaign.timezone: unknown time zone 'Mars/Olympus'"),
    ("feeds", {"length": 0}, "extra.campaign.feeds.length: expected a whole number of at least 1, got 0"),
    ("feeds", {"tag": True}, "extra.campaign.feeds.tag: unknown key; did you mean 'tags'? known keys: length, categories, tags"),
    ("feeds", {"tags": "yes"}, "extra.campaign.feeds.tags: expected true or false, got 'yes'"),
    ("page_sise", 3, "extra.campaign.page_sise: unknown key; did you mean 'page_size'?"),
    ("languages", {"vi": {}, "en": {"calender": "lich"}}, "extra.campaign.languages.en.calender: unknown key; did you mean 'calendar'?"),
])
def test_bad_settings_stop_the_build_with_a_clear_message(tmp_path, setting, value, message):
    result = build(make_project(tmp_path, {"2024/a.md": GOOD}, {setting: value}))
    assert result.returncode != 0
    assert message in result.log
    assert "Traceback" not in result.log
