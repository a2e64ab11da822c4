"""Fast tests of the defences against hostile input: YAML bounds, dates, text, file names, the body cleaner."""

from __future__ import annotations

import time
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

import pytest

from campaign.content.folder import folder_entries
from campaign.content.source import split_frontmatter
from campaign.content.walk import ContentFile
from campaign.content.yaml_reader import YamlNumber, YamlRefused, YamlWord, load
from campaign.core.dates import DateError, parse_datetime
from campaign.core.problems import describe
from campaign.core.slugs import slugify
from campaign.core.text import NOT_TEXT, without_control_characters
from campaign.news.reader import read_news_item
from campaign.output.sanitize import BodyCleaner
from factories import make_settings

pytestmark = pytest.mark.quick
TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# YAML -----------------------------------------------------------------------------


def test_yaml_keeps_scalars_as_written():
    data, _, notes = load("a: yes\nb: 3.10\nc: 2024-02-30\nd: Off\ne: true\nf: ~\n")
    assert data == {"a": YamlWord("yes", True), "b": "3.10", "c": "2024-02-30", "d": YamlWord("Off", False),
                    "e": YamlWord("true", True), "f": None}
    assert isinstance(data["b"], YamlNumber) and repr(data["b"]) == "3.10" and repr(data["a"]) == "yes"
    assert notes.removed == [] and notes.repeated == []


def test_an_alias_bomb_is_refused_before_it_expands():
    levels = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9)
    )
    started = time.perf_counter()
    with pytest.raises(YamlRefused, match="expands to more than 50,000 values"):
        load(levels)
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("text", ["[" * 5000 + "]" * 5000, "[" * 200_000 + "]" * 200_000, "- " * 3000 + "x", "a: &a [*a]"])
def test_deep_or_recursive_documents_are_refused_without_recursing(text):
    with pytest.raises(YamlRefused):
        load(text)


def test_repeated_keys_and_escaped_control_characters_are_noted():
    _, _, notes = load('title: a\nbody: "x\\x01y\\e"\nlist: [{k: 1, k: 2}]\ntitle: b\n')
    assert notes.removed == [(1, ["\x01", "\x1b"])]
    assert sorted(notes.repeated) == [(2, "k", 2), (3, "title", 0)]


def test_frontmatter_problems_are_located():
    parsed, problems = split_frontmatter("---\ntitle: a\ntitle: b\n---\nbody\n", "news/x.md")
    assert parsed is not None and parsed.frontmatter["title"] == "b"
    assert [str(w) for w in parsed.warnings] == [
        "news/x.md:3: title: given twice (first on line 2); the value on this line is used, remove one of them"]
    _, problems = split_frontmatter("---\na: &a [*a]\n---\n", "news/x.md")
    assert [str(p) for p in problems] == ["news/x.md:2: frontmatter: refused: an alias refers to the value that contains it"]


# Dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "reason"), [
    ("2024-02-30", "day is out of range for month"), ("30/02/2024", "day is out of range for month"),
    ("2024-13-01", "month must be in 1..12"), ("01/13/2024", "month must be in 1..12"),
    ("2024-02-07 25:00", "hour must be in 0..23"), ("07/02/2024 25:00", "hour must be in 0..23"),
    ("2024-02-07T09:61:00+07:00", "minute must be in 0..59"),
])
def test_a_day_or_hour_that_does_not_exist_gets_one_message_in_every_form(written, reason):
    with pytest.raises(DateError) as raised:
        parse_datetime(written, TZ)
    assert str(raised.value) == (
        "expected a date like 2024-02-07, 2024-02-07 09:30, 2024-02-07T09:30:00+07:00, 07/02/2024 or 07/02/2024 09:30 "
        f"(day before month), got '{written}', which does not exist: {reason}")


@pytest.mark.parametrize("written", ["0001-01-01T00:00:00+07:00", "9999-12-31", "1899-12-31", "31/12/2201"])
def test_years_outside_the_supported_range_are_refused(written):
    with pytest.raises(DateError, match="outside the years this site supports, 1900–2200"):
        parse_datetime(written, TZ)


def test_the_ends_of_the_range_are_accepted():
    assert parse_datetime("1900-01-01", TZ)[0].year == 1900
    assert parse_datetime("31/12/2200 23:59", TZ)[0].year == 2200


# Text, values in messages, slugs --------------------------------------------------------


def test_control_characters_and_non_characters_are_not_text():
    text, removed = without_control_characters("a\x0cb\x01c\ufffe\U0010ffff\t\nd\u200be\x85f")
    assert text == "a bc\t\nd\u200be f" and removed == ["\x0c", "\x01", "\ufffe", "\U0010ffff", "\x85"]
    assert not NOT_TEXT.search("Hợp tác xã\t\n")


def test_values_in_messages_are_cut_short():
    assert describe("x" * 10_000) == "'" + "x" * 58 + "…"
    assert describe([1, 2]) == "a list" and describe({"a": 1}) == "a mapping (field: value)"
    assert describe(YamlWord("on", True)) == "on"


def test_slugs_are_cut_at_a_word_boundary():
    slug = slugify("Hợp tác xã " * 40)
    assert len(slug) <= 100 and slug.endswith("hop-tac-xa") and "--" not in slug


# Field types ----------------------------------------------------------------------------


def read(tmp_path: Path, frontmatter: str, body: str = "Nội dung.") -> list[str]:
    settings = make_settings(news_dir=str(tmp_path))
    path = tmp_path / "2024" / "x.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{frontmatter}\n---\n{body}\n", encoding="utf-8")
    result = read_news_item(ContentFile(path, PurePosixPath("2024/x.md"), "news/2024/x.md"), settings)
    return [str(p) for p in result.problems]


BASE = "title: Tin\ndate: 2024-02-07\ncategory: kinh-te-tap-the"


@pytest.mark.parametrize(("frontmatter", "message"), [
    ("title: yes\ndate: 2024-02-07\ncategory: kinh-te-tap-the",
     'news/2024/x.md:2: title: expected plain text, got yes, which YAML reads as true or false; write it in quotes if it is the text: "yes"'),
    (BASE + "\nlang: [vi]", "news/2024/x.md:5: lang: expected one of vi, en, got a list"),
    (BASE + "\nlang: {vi: 1}", "news/2024/x.md:5: lang: expected one of vi, en, got a mapping (field: value)"),
    (BASE + "\ntags: [[a], b]", "news/2024/x.md:5: tags: tag 1: expected a word or a few words, got a list"),
    (BASE + "\ntags: [no]", 'news/2024/x.md:5: tags: tag 1: expected a word or a few words, got no, which YAML reads as true or false'),
    (BASE + "\ndraft: maybe", "news/2024/x.md:5: draft: expected true or false, got 'maybe'"),
    (BASE + "\nauthor: [An, Bình]", "news/2024/x.md:5: author: expected plain text, got a list"),
    (BASE + "\nimage: //cdn.example/a.jpg", "news/2024/x.md:5: image: expected a path relative to this file or an https:// address"),
    (BASE + "\nimage: ../../etc/passwd", "news/2024/x.md:5: image: '../../etc/passwd' is outside the news folder"),
])
def test_wrong_types_are_named(tmp_path, frontmatter, message):
    problems = read(tmp_path, frontmatter)
    assert any(p.startswith(message) for p in problems), problems


def test_numbers_in_text_fields_are_text_as_written_and_yaml_words_are_flags(tmp_path):
    assert read(tmp_path, BASE.replace("title: Tin", "title: 3.10") + "\ntags: [2024, 3.14]\ndraft: yes") == []


def test_long_values_in_messages_are_excerpts(tmp_path):
    problems = read(tmp_path, BASE + "\ncategory2: " + "x" * 100_000)
    assert problems and all(len(p) < 400 for p in problems)


# Files of a content folder ------------------------------------------------------------


def test_only_md_counts_and_links_out_of_the_project_are_refused(tmp_path):
    project = tmp_path / "project"
    folder = project / "news"
    folder.mkdir(parents=True)
    for name in ("a.md", "b.MD", "c.markdown", "d.md~", ".e.md", "#f.md#", "g.swp", "h.bak", "i.png", "_template.md", ".DS_Store"):
        (folder / name).write_text("x", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("x", encoding="utf-8")
    (folder / "out.png").symlink_to(tmp_path / "secret.txt")
    (folder / "in.png").symlink_to(folder / "i.png")
    (folder / "broken.png").symlink_to(tmp_path / "nothing")
    (folder / "dir").symlink_to(tmp_path)
    (folder / "_notes").mkdir()
    (folder / "_notes" / "x.md").write_text("x", encoding="utf-8")
    found = list(folder_entries(folder, project))
    entries = {e.path.name: e.refused for e in found}
    assert {name for name, refused in entries.items() if refused is None} == {"a.md", "i.png", "in.png", "_template.md", "_notes"}
    assert {e.path.name for e in found if e.set_aside} == {"_template.md", "_notes"}
    assert set(entries) == {"a.md", "b.MD", "c.markdown", "d.md~", ".e.md", "#f.md#", "g.swp", "h.bak", "i.png",
                            "out.png", "in.png", "broken.png", "dir", "_template.md", "_notes"}
    assert "outside the project" in (entries["out.png"] or "") and "not followed" in (entries["dir"] or "")


# The body cleaner -------------------------------------------------------------------------


def test_bodies_keep_what_markdown_makes_and_lose_what_can_run():
    cleaner = BodyCleaner()
    kept = ('<h2 id="muc-1">Mục 1</h2><p><a href="../x/" title="t">x</a> <img alt="a" src="a%20b.png" width="4" height="3"></p>'
            '<table><thead><tr><th style="text-align:left">A</th></tr></thead></table><p><img src="data:image/png;base64,AA"></p>')
    assert cleaner.clean(kept).html == kept and not cleaner.clean(kept).unsafe_removed
    dirty = cleaner.clean('<p onclick="x()">a&#1;<script>alert(1)</script><a href=" JaVaScRiPt:alert(1)">j</a>'
                          '<a href="data:text/html,x">d</a><iframe src="https://www.youtube-nocookie.com/embed/x"></iframe></p>')
    assert dirty.html == "<p>a<a>j</a><a>d</a></p>" and dirty.unsafe_removed and dirty.characters_removed == ["\x01"]


def test_trusted_embeds_are_kept_only_from_their_prefixes():
    cleaner = BodyCleaner(("https://www.youtube-nocookie.com/embed/",))
    kept = cleaner.clean('<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video" allowfullscreen=""></iframe>')
    assert kept.html == '<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video" allowfullscreen=""></iframe>'
    assert not kept.unsafe_removed
    refused = cleaner.clean('<iframe src="https://evil.example/"></iframe><iframe srcdoc="<b>x</b>"></iframe>')
    assert "evil" not in refused.html and "srcdoc" not in refused.html and refused.unsafe_removed
