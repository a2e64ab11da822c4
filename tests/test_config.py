"""`extra.campaign` is checked by build/config.py: unknown keys and wrong types stop the build, naming the key.

Fast: these load settings from mappings, without building a site. The
build-level test (the message in MkDocs' log, no traceback) is in
test_bad_input.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from campaign.build.config import CampaignConfig, option_names
from campaign.build.config import load_settings as load
from campaign.core.settings import SettingsError

pytestmark = pytest.mark.quick

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = [{"key": "kinh-te-tap-the", "vi": "Kinh tế tập thể", "en": "Collective economy"}]
ENV = {"CAMPAIGN_BUILD_DATE": "2024-04-01"}


def settings(**campaign):
    return load({"campaign": {"categories": CATEGORIES, **campaign}}, ROOT, environ=ENV)


def error(**campaign) -> str:
    with pytest.raises(SettingsError) as caught:
        settings(**campaign)
    return str(caught.value)


def test_the_demo_configuration_is_valid():
    extra = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]
    s = load(extra, ROOT, environ=ENV)
    assert [c.key for c in s.categories] == ["kinh-te-tap-the", "thang-hanh-dong", "hoat-dong-lien-minh"]
    assert s.languages["vi"].news == "tin-tuc" and s.languages["en"].prefix == "en"


def test_every_key_has_its_documented_default():
    s = settings()
    assert (s.page_size, s.neighbours, s.summary_length, s.home_news) == (10, 5, 250, 5)
    assert (s.feeds.length, s.feeds.categories, s.feeds.tags) == (20, True, False)
    assert str(s.timezone) == "Asia/Ho_Chi_Minh" and s.default_language == "vi"
    assert s.news_dir == (ROOT / "news").resolve() and s.share_image == "assets/images/chia-se.png"
    assert (s.progress_after, s.progress_every) == (300, 5.0)
    vi, en = s.languages["vi"], s.languages["en"]
    assert (vi.prefix, vi.news, vi.archive, vi.category, vi.tag, vi.page, vi.plans, vi.calendar) == (
        "", "tin-tuc", "luu-tru", "chuyen-muc", "the", "trang", "ke-hoach", "lich-hoat-dong")
    assert (en.prefix, en.news, en.archive, en.calendar, en.config_file) == ("en", "news", "archive", "calendar", "mkdocs.en.yml")


def test_a_language_given_in_part_keeps_its_other_defaults():
    s = settings(languages={"vi": {"news": "/bai-viet/"}, "en": {}})
    assert s.languages["vi"].news == "bai-viet" and s.languages["vi"].archive == "luu-tru"


@pytest.mark.parametrize("campaign, message", [
    ({"page_sise": 3}, "extra.campaign.page_sise: unknown key; did you mean 'page_size'?"),
    ({"feeds": {"lenght": 5}}, "extra.campaign.feeds.lenght: unknown key; did you mean 'length'?"),
    ({"languages": {"vi": {}, "en": {"calender": "lich"}}}, "extra.campaign.languages.en.calender: unknown key; did you mean 'calendar'?"),
    ({"categories": [{"key": "a", "vi": "A", "en": "A", "fr": "A"}]}, "extra.campaign.categories[0].fr: unknown key; known keys: key, image, vi, en"),
    ({"colour": "green"}, "extra.campaign.colour: unknown key; known keys: news_dir,"),
])
def test_an_unknown_key_is_named_with_the_closest_known_one(campaign, message):
    assert message in error(**campaign)


@pytest.mark.parametrize("campaign, message", [
    ({"page_size": "ten"}, "extra.campaign.page_size: expected a whole number of at least 1, got 'ten'"),
    ({"page_size": 0}, "extra.campaign.page_size: expected a whole number of at least 1, got 0"),
    ({"neighbours": True}, "extra.campaign.neighbours: expected a whole number of at least 1, got True"),
    ({"feeds": {"tags": "yes"}}, "extra.campaign.feeds.tags: expected true or false, got 'yes'"),
    ({"feeds": [20]}, "extra.campaign.feeds: expected a mapping (length, categories, tags), got a list"),
    ({"progress_every": -1}, "extra.campaign.progress_every: expected a number of seconds (0 or more), got -1"),
    ({"timezone": "Mars/Olympus"}, "extra.campaign.timezone: unknown time zone 'Mars/Olympus'"),
    ({"news_dir": ["news"]}, "extra.campaign.news_dir: expected text, got a list"),
    ({"languages": {"vi": {}, "fr": {"prefix": "fr"}}}, "extra.campaign.languages.fr.name: missing; this setting is required"),
    ({"languages": "vi"}, "extra.campaign.languages: expected one mapping per language code"),
    ({"categories": []}, "extra.campaign.categories: declare at least one category"),
    ({"categories": [{"key": "a", "vi": "A"}]}, "extra.campaign.categories[0]: (a) no name for en"),
    ({"default_language": "fr"}, "extra.campaign.default_language: 'fr' is not one of languages (vi, en)"),
])
def test_a_wrong_value_names_the_key_and_what_was_expected(campaign, message):
    assert message in error(**campaign)


def test_the_build_date_is_read_in_the_site_time_zone_and_checked():
    s = load({"campaign": {"categories": CATEGORIES, "build_date": "2024-04-02 08:00"}}, ROOT, environ={})
    assert s.build_date.isoformat() == "2024-04-02T08:00:00+07:00"
    with pytest.raises(SettingsError, match="extra.campaign.build_date: expected a date like"):
        load({"campaign": {"categories": CATEGORIES, "build_date": "sometime"}}, ROOT, environ={})
    with pytest.raises(SettingsError, match="SOURCE_DATE_EPOCH: expected a number of seconds"):
        load({"campaign": {"categories": CATEGORIES}}, ROOT, environ={"SOURCE_DATE_EPOCH": "yesterday"})


def test_the_declared_keys_are_the_documented_ones():
    assert option_names(CampaignConfig) == [
        "news_dir", "plans_dir", "i18n_dir", "timezone", "languages", "default_language", "categories", "page_size",
        "neighbours", "related", "summary_length", "home_news", "feeds", "search", "build_date", "share_image", "progress_after",
        "progress_every", "embeds", "precompress", "publisher", "editor",
    ]


def test_the_web_editor_is_on_by_default_and_saves_where_the_backend_says():
    assert settings().editor is not None and settings().editor.backend is None  # only in the preview, through ./dev edit
    s = settings(editor={"backend": {"name": "gitlab", "repo": "lien-minh/site", "branch": "main", "squash_merges": True},
                         "publish_mode": "simple", "local_port": 9081})
    assert s.editor is not None
    assert dict(s.editor.backend or ()) == {"name": "gitlab", "repo": "lien-minh/site", "branch": "main", "squash_merges": True}
    assert (s.editor.publish_mode, s.editor.local_port) == ("simple", 9081)
    assert settings(editor={"enabled": False}).editor is None


@pytest.mark.parametrize(("editor", "message"), [
    ({"backend": {"name": "dropbox", "repo": "a/b"}}, "extra.campaign.editor.backend.name: expected one of github, gitlab, gitea, forgejo, got 'dropbox'"),
    ({"backend": {"name": "github"}}, "extra.campaign.editor.backend.repo: expected the repository as owner/name"),
    ({"backend": {"name": "github", "repo": "a/b", "brach": "main"}}, "extra.campaign.editor.backend.brach: unknown key; did you mean 'branch'?"),
    ({"publish_mode": "review"}, "extra.campaign.editor.publish_mode: expected one of editorial_workflow, simple, got 'review'"),
    ({"backend": "github"}, "extra.campaign.editor.backend: expected a mapping (name, repo, branch, …), got 'github'"),
    ({"enable": False}, "extra.campaign.editor.enable: unknown key; did you mean 'enabled'?"),
])
def test_a_wrong_editor_setting_names_the_key(editor, message):
    assert message in error(editor=editor)


def test_the_publisher_is_one_text_for_all_languages_or_one_per_language():
    s = settings(publisher={"name": "Liên minh HTX", "address": {"vi": "Hà Nội", "en": "Hanoi"}, "telephone": "+84 24 1234 5678",
                            "email": "bao-chi@example.org"})
    assert s.publisher.name == {"vi": "Liên minh HTX", "en": "Liên minh HTX"}
    assert s.publisher.address == {"vi": "Hà Nội", "en": "Hanoi"}
    assert (s.publisher.telephone, s.publisher.email, s.publisher.copyright) == ("+84 24 1234 5678", "bao-chi@example.org", {})
    assert settings().publisher.name == {}  # the footer then names site_author


@pytest.mark.parametrize(("publisher", "message"), [
    ({"name": {"vi": "Liên minh"}}, "extra.campaign.publisher.name: no text for en"),
    ({"address": {"vi": "Hà Nội", "en": "Hanoi", "fr": "Hanoï"}}, "extra.campaign.publisher.address.fr: unknown key"),
    ({"email": "bao chi@example"}, "extra.campaign.publisher.email: expected an e-mail address"),
    ({"phone": "+84"}, "extra.campaign.publisher.phone: unknown key; did you mean 'telephone'?"),
    ({"name": ["a", "b"]}, "extra.campaign.publisher.name: expected text, or one text per language"),
])
def test_a_wrong_publisher_names_the_key(publisher, message):
    assert message in error(publisher=publisher)
