"""The authoring tool (new, check, schemas) on temporary copies of the demo, and the JSON Schemas."""

from __future__ import annotations

import json
import subprocess

import jsonschema
import pytest
import yaml

from campaign.content.source import read_text, split_frontmatter
from conftest import ROOT, build, make_project, news_file, resolve, tool
from test_bad_input import BAD, EXPECTED
from test_plans import BAD_PEAK, BAD_PLAN, EXPECTED_PROBLEMS


def created(result: subprocess.CompletedProcess) -> tuple[str, str]:
    lines = dict(line.split(None, 1) for line in result.stdout.splitlines() if line.strip())
    return lines["created"], lines["url"]


def test_new_news_item_is_accepted_by_check_and_a_strict_build_and_is_published(tmp_path):
    project = make_project(tmp_path)
    result = tool(project, "new", "news", 'Hợp tác xã "Đồng Tháp": mô hình mới', "--category", "Tháng hành động")
    assert result.returncode == 0, result.stderr
    path, url = created(result)
    assert path.startswith("news/") and path.endswith("/hop-tac-xa-dong-thap-mo-hinh-moi.vi.md")  # the name the web editor opens
    text = (project / path).read_text(encoding="utf-8")
    assert "category: thang-hanh-dong" in text and "kinh-te-tap-the (Kinh tế tập thể / Collective economy)" in text
    assert tool(project, "check").returncode == 0
    site = build(project, "--strict", env={"CAMPAIGN_BUILD_DATE": "2100-01-01"})
    assert site.returncode == 0, site.log
    page_path = url.split("example.org/", 1)[1]
    assert site.page(page_path).h1.get_text(strip=True) == 'Hợp tác xã "Đồng Tháp": mô hình mới'
    assert site.page("tin-tuc/").select_one(".campaign-entry__title a").get_text() == 'Hợp tác xã "Đồng Tháp": mô hình mới'


def test_new_translation_links_to_its_original(tmp_path):
    project = make_project(tmp_path)
    original = "news/2024/ngay-hop-tac-xa-viet-nam.vi.md"
    result = tool(project, "new", "news", "Vietnam Cooperative Day", "--translation-of", original)
    assert result.returncode == 0, result.stderr
    path, url = created(result)
    assert path == "news/2024/ngay-hop-tac-xa-viet-nam.en.md"
    meta = yaml.safe_load((project / path).read_text(encoding="utf-8").split("---")[1])
    assert meta["translation_key"] == "2024/ngay-hop-tac-xa-viet-nam" and meta["category"] == "kinh-te-tap-the"
    site = build(project, "--strict")
    assert site.returncode == 0, site.log
    english = url.split("example.org/", 1)[1]
    switch = site.page(english).select_one(".campaign-translation a")
    assert resolve(english, switch["href"]) == "tin-tuc/2024/04/ngay-hop-tac-xa-viet-nam-11-4-nhin-lai-buc-thu-nam-1946/"


def test_new_never_overwrites(tmp_path):
    project = make_project(tmp_path)
    first = tool(project, "new", "news", "Tin trùng tên")
    path, _ = created(first)
    (project / path).write_text("edited by hand", encoding="utf-8")
    second = tool(project, "new", "news", "Tin trùng tên")
    assert second.returncode != 0
    assert f"{path} already exists; nothing was written" in second.stderr
    assert (project / path).read_text(encoding="utf-8") == "edited by hand"
    plan = tool(project, "new", "plan", "Kế hoạch 70")
    again = tool(project, "new", "plan", "Kế hoạch 70")
    assert plan.returncode == 0 and again.returncode != 0 and "already exists" in again.stderr
    # An item written by hand without the language in its name is the same item.
    year = path.split("/")[1]
    (project / "news" / year / "tin-cu.md").write_text("by hand", encoding="utf-8")
    old = tool(project, "new", "news", "Tin cũ")
    assert old.returncode != 0 and f"news/{year}/tin-cu.md already exists; nothing was written" in old.stderr
    assert not (project / "news" / year / "tin-cu.vi.md").exists()


def test_new_plan_is_accepted_and_its_example_activity_is_on_the_calendar(tmp_path):
    project = make_project(tmp_path)
    result = tool(project, "new", "plan", "Kế hoạch của tỉnh Đồng Tháp", "--issuer", "Liên minh HTX tỉnh Đồng Tháp")
    assert result.returncode == 0, result.stderr
    path, url = created(result)
    assert path.startswith("plans/") and path.endswith("/ke-hoach-cua-tinh-dong-thap.vi.md")
    assert tool(project, "check").returncode == 0
    site = build(project, "--strict")
    assert site.returncode == 0, site.log
    page = site.page(url.split("example.org/", 1)[1])
    assert page.h1.get_text() == "Kế hoạch của tỉnh Đồng Tháp"
    assert page.select_one(".campaign-activity-cards h3 a").get_text() == "Hoạt động mẫu: sửa hoặc xoá"
    assert "Hoạt động mẫu: sửa hoặc xoá" in site.html("lich-hoat-dong/")


def test_new_refuses_unknown_categories_and_languages(tmp_path):
    project = make_project(tmp_path)
    result = tool(project, "new", "news", "Tin", "--category", "Thể thao")
    assert result.returncode != 0 and "unknown category 'Thể thao'; known categories: kinh-te-tap-the" in result.stderr
    assert tool(project, "new", "news", "Tin", "--lang", "fr").returncode != 0
    assert not list((project / "news").glob("*/tin*.md"))


def test_check_reports_every_problem_as_file_line_field_message_and_fails(tmp_path):
    project = make_project(tmp_path, {"2024/good.md": news_file("Tin còn nguyên", "2024-02-07"), **BAD},
                           plans={"2024/loi.md": BAD_PLAN, "2024/hong.md": BAD_PEAK})
    result = tool(project, "check")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    for expected in EXPECTED + EXPECTED_PROBLEMS:
        assert any(line.startswith(expected) for line in lines), f"{expected!r} not in\n{result.stdout}"
    # Every line is file[:line]: field: message, and the build reports the same problems.
    assert all(line.split(":", 1)[0].startswith(("news/", "plans/")) for line in lines)
    summary = result.stderr.splitlines()
    assert summary[1].split() == ["published", "drafts", "scheduled", "errors", "untranslated", "plans", "plan", "errors"]
    assert summary[2].split() == ["vi", "3", "0", "0", "8", "0", "1", "2"]  # good, dup-a, key-a; 8 broken; plans: 1 kept, 2 with problems
    assert summary[-1] == f"{len(lines)} problems"
    built = build(project)
    for line in lines:
        assert line in built.log


def test_check_passes_on_the_demo(tmp_path):
    result = tool(make_project(tmp_path), "check")
    assert result.returncode == 0, result.stdout
    assert result.stdout == "" and result.stderr.strip().endswith("0 problems")


# JSON Schemas -------------------------------------------------------------------

class _TextDates(yaml.SafeLoader):
    """YAML as an editor's language server sees it: dates stay strings."""


_TextDates.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def frontmatter(text: str) -> dict:
    parsed, problems = split_frontmatter(text, "x.md")
    assert parsed is not None, problems
    return yaml.load(text.split("---\n")[1], Loader=_TextDates)


def schema(name: str) -> dict:
    return json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


def test_committed_schemas_are_generated_from_the_field_table():
    result = tool(ROOT, "schemas", "--check")
    assert result.returncode == 0, result.stderr


def test_schemas_accept_every_demo_file():
    for kind, folder in (("news", "news"), ("plan", "plans")):
        validator = jsonschema.Draft7Validator(schema(kind))
        files = sorted((ROOT / folder).rglob("*.md"))
        assert files
        for path in files:
            text, _ = read_text(path, path.name)
            errors = [e.message for e in validator.iter_errors(frontmatter(text))]
            assert errors == [], (path, errors)


@pytest.mark.parametrize("kind, text, where", [
    ("news", BAD["2024/no-title.md"], "title"),
    ("news", BAD["2024/no-date.md"], "date"),
    ("news", BAD["2024/bad-en.en.md"], "date"),
    ("news", BAD["2024/category.md"], "category"),
    ("news", news_file("Tin", "2024-02-07", catgory="kinh-te-tap-the"), "catgory"),
    ("news", news_file("Tin", "2024-02-07", draft="yes"), "draft"),
    ("news", news_file("Tin", "2024-02-07", tags={"a": 1}), "tags"),
    ("plan", BAD_PLAN, "activities"),
    ("plan", "---\ntitle: Không có type\nissuer: X\nperiod: {start: 2024-01-01, end: 2024-12-31}\n---\n", "type"),
    ("plan", "---\ntype: plan\ntitle: Thiếu kỳ\nissuer: X\n---\n", "period"),
    ("plan", "---\ntype: plan\ntitle: T\nissuer: X\nperiod: {start: 2024-01-01}\n---\n", "period"),
    ("plan", "---\ntype: plan\ntitle: T\nissuer: X\nperiod: {start: 2024-01-01, end: 2024-12-31}\n"
             "activities:\n  - title: A\n    start: ngày mai\n---\n", "activities"),
])
def test_schemas_reject_each_bad_input(kind, text, where):
    errors = list(jsonschema.Draft7Validator(schema(kind)).iter_errors(frontmatter(text)))
    assert errors, text
    assert any(where in (list(e.absolute_path) + [e.message]) or where in e.message for e in errors), [e.message for e in errors]


def test_long_builds_log_their_progress(tmp_path):
    news = {f"2024/tin-{n}.md": news_file(f"Tin {n}", f"2024-01-{n:02d}") for n in range(1, 5)}
    project = make_project(tmp_path, news, {"progress_after": 3, "progress_every": 0})
    result = build(project)
    assert result.returncode == 0, result.log
    for n in range(1, 5):
        assert f"campaign: news vi: {n}/4 items rendered" in result.log
    quiet = build(make_project(tmp_path / "small", news, {"progress_after": 5}))
    assert "items rendered" not in quiet.log


def test_editor_linter_uses_the_schemas_on_markdown_frontmatter(tmp_path):
    """What VS Code's remark extension runs as you type (.remarkrc.mjs), here from the command line."""
    remark = ROOT / "node_modules" / ".bin" / "remark"
    assert remark.exists(), "run ./dev test, which installs the Node.js tools of package.json"
    project = make_project(tmp_path, {
        "2024/good.md": news_file("Tin tốt", "2024-02-07"),
        "2024/bad.md": "---\ntitle: Tin sai\ndate: someday\ncatgory: kinh-te-tap-the\n---\nNội dung\n",
    })
    for name in (".remarkrc.mjs", "package.json"):  # schemas: copied, node_modules: linked by make_project
        (project / name).symlink_to(ROOT / name)

    def lint(*paths: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(remark), *paths, "--frail", "--no-stdout", "--no-color"], cwd=project, capture_output=True, text=True, timeout=120)

    good = lint("news/2024/good.md", "plans")
    assert good.returncode == 0, good.stderr
    bad = lint("news/2024/bad.md")
    assert bad.returncode != 0
    assert "Must have required property 'category'" in bad.stderr
    assert "Must NOT have additional properties" in bad.stderr
    assert "3:7" in bad.stderr and "Must match pattern" in bad.stderr  # the date, at its line and column
