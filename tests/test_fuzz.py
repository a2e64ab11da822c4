"""Property: whatever the content, the build finishes, reports or publishes each file, and writes valid output.

Hypothesis writes random news items and a random plan (random types, Unicode
with control characters, impossible dates, odd file names, live HTML) into a
copy of the demo and builds it. Bounded to a few builds so CI stays fast and
the examples are the same on every run (derandomized); for a longer hunt:

    FUZZ_EXAMPLES=200 ./dev test tests/test_fuzz.py
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path, PurePosixPath

import feedparser
import icalendar
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from campaign.cli import Project
from campaign.content.fields import ACTIVITY_FIELDS, NEWS_FIELDS
from campaign.content.walk import ContentFile
from campaign.core.text import NOT_TEXT
from campaign.news.reader import read_news_item
from conftest import build, make_project

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "6"))

# Text with everything a careless paste brings: controls, non-characters, Vietnamese, markup.
SNIPPETS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "&#1;", "&#xFFFE;",
            "\x0c", "\x1b[31m", "\x00", "\ufffe", "Hợp tác xã", "đ", "---", ": ", "*", "&", "#", "![a](images/a b.png)"]
text = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=30),
    st.lists(st.sampled_from(SNIPPETS), max_size=5).map("".join),
)
impossible_or_real_date = st.one_of(
    st.builds("{:04d}-{:02d}-{:02d}".format, st.integers(0, 9999), st.integers(0, 14), st.integers(0, 33)),
    st.builds("{:02d}/{:02d}/{:04d} {:02d}:{:02d}".format, st.integers(0, 33), st.integers(0, 14), st.integers(1, 9999),
              st.integers(0, 26), st.integers(0, 61)),
    st.sampled_from(["2024-02-07", "2024-02-07 09:30", "2024-02-07T09:30:00+07:00", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00"]),
)
scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), text, impossible_or_real_date)
value = st.recursive(scalar, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
                     max_leaves=5)
# A field as YAML would dump it, or written by hand (unquoted dates, yes/no, broken syntax).
raw_value = st.one_of(impossible_or_real_date, st.sampled_from(["yes", "no", "on", "[a, b", "{x", "&a [*a]", "*nothing", "'"]), text)


def field_line(name: str, given: object, raw: str | None) -> str:
    if raw is not None:
        return f"{name}: {raw}".replace("\n", " ") + "\n"
    return yaml.safe_dump({name: given}, allow_unicode=True, width=1000)


fields = st.lists(
    st.tuples(st.sampled_from([*NEWS_FIELDS.names, "unknown"]), value, st.one_of(st.none(), raw_value)),
    max_size=8,
)
usual = st.fixed_dictionaries({
    "title": text, "date": impossible_or_real_date, "category": st.sampled_from(["kinh-te-tap-the", "Tháng hành động", "?"]),
})
file_name = st.builds(
    "{}{}".format,
    st.text(st.sampled_from("abcđắ #?%~._-"), min_size=1, max_size=12).filter(lambda n: n not in (".", "..")),
    st.sampled_from([".md", ".md", ".md", ".en.md", ".MD", ".markdown", ".md~", ".swp"]),
)
news_file = st.builds(
    lambda base, extra, body: "---\n" + "".join(field_line(k, v, None) for k, v in base.items())
    + "".join(field_line(*f) for f in extra) + "---\n\n" + body + "\n",
    usual, fields, text,
)
activity = st.dictionaries(st.sampled_from(ACTIVITY_FIELDS.names), value, max_size=6) | st.builds(
    lambda title, start, end: {"title": title, "start": start, "end": end}, text, impossible_or_real_date, impossible_or_real_date)
plan_file = st.builds(
    lambda title, start, end, activities, body: "---\n" + yaml.safe_dump({
        "type": "plan", "title": title, "issuer": "Liên minh", "period": {"start": start, "end": end}, "activities": activities,
    }, allow_unicode=True) + "---\n\n" + body + "\n",
    text, impossible_or_real_date, impossible_or_real_date, st.lists(activity, max_size=4), text,
)


HUNTING = "FUZZ_EXAMPLES" in os.environ


# In CI: the same examples on every run, and a failure reported as found (shrinking a build-sized example takes minutes).
@settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=not HUNTING,
          phases=list(Phase) if HUNTING else [Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(news=st.dictionaries(file_name, news_file, min_size=1, max_size=4), plan=plan_file)
def test_any_content_builds_and_every_output_is_valid(news, plan):
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp))  # the demo
        written = []
        for name, content in news.items():
            path = project / "news" / "fuzz" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
            written.append(f"news/fuzz/{name}")
        (project / "plans" / "fuzz.md").write_text(plan, encoding="utf-8")
        result = build(project)

        assert result.returncode == 0 and "Traceback" not in result.log, result.log
        titles = _published_titles(result.site)
        settings_ = Project(project / "mkdocs.yml").settings
        for shown in written:
            if shown in result.log:
                continue  # reported: a problem, a refused name, a draft or a scheduled item
            path = project / shown
            item = read_news_item(ContentFile(path, PurePosixPath(path.relative_to(settings_.news_dir).as_posix()), shown), settings_)
            assert item.content is not None and item.content.title in titles, f"{shown} neither published nor reported:\n{result.log}"
        for path in result.site.rglob("*"):
            if path.suffix in (".html", ".xml", ".ics", ".json") and "assets" not in path.relative_to(result.site).parts:
                assert not NOT_TEXT.search(path.read_text(encoding="utf-8")), path
        for path in [*result.site.rglob("rss.xml"), *result.site.rglob("atom.xml")]:
            parsed = feedparser.parse(path.read_bytes())
            assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        for path in result.site.rglob("*.ics"):
            icalendar.Calendar.from_ical(path.read_bytes())


def _published_titles(site: Path) -> set[str]:
    titles = set()
    for feed in (site / "rss.xml", site / "en" / "rss.xml"):
        titles |= {entry.title for entry in feedparser.parse(feed.read_bytes()).entries}
    return titles
