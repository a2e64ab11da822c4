"""`extra.campaign` in mkdocs.yml: every key declared once, typed, defaulted and documented here.

Declared with MkDocs' own config machinery (`Config` and config options), the
way Material declares its plugins' settings (`BlogConfig`). Stricter than
MkDocs about mistakes, because a silently ignored setting is a site that is
quietly wrong: an unknown key stops the build, naming it and the closest known
key ("page_sise: unknown key; did you mean 'page_size'?"), and a value of the
wrong type names the key and the type expected (each kind of value is an
option of build.config_values). `load_settings` turns the checked values into
`core.settings.Settings`, which the engine reads.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Generic, TypeVar
from zoneinfo import ZoneInfo

from mkdocs.config.base import BaseConfigOption, Config, ValidationError

from ..core.dates import DateError, parse_datetime
from ..core.problems import describe
from ..core.settings import BUILD_DATE_ENV, Category, EditorSettings, FeedSettings, Language, Publisher, Settings, SettingsError
from .config_values import Choice, Count, EmbedPrefixes, Flag, Localised, Moment, NestedError, OptionalText, Seconds, Text, TimeZone

C = TypeVar("C", bound=Config)


class Section(Generic[C], BaseConfigOption[C]):
    """A mapping of settings declared by a `StrictConfig`."""

    def __init__(self, config_class: type[C]):
        super().__init__()
        self.config_class = config_class
        self.default = {}  # every key of the section at its default

    def run_validation(self, value: object) -> C:
        return validate_section(self.config_class, {} if value is None else value)


class Languages(BaseConfigOption[dict[str, "LanguageConfig"]]):
    """One section per language code; a known code (vi, en) starts from its own defaults."""

    def __init__(self) -> None:
        super().__init__()
        self.default = {code: {} for code in DEFAULT_SEGMENTS}

    def run_validation(self, value: object) -> dict[str, LanguageConfig]:
        if not isinstance(value, dict) or not value:
            raise ValidationError(f"expected one mapping per language code, e.g. vi: {{name: Tiếng Việt, …}}; got {describe(value)}")
        languages = {}
        for code, spec in value.items():
            if spec is not None and not isinstance(spec, dict):
                raise NestedError((str(code),), f"expected a mapping (name, config, prefix, …), got {describe(spec)}")
            try:
                languages[str(code)] = validate_section(LanguageConfig, {**DEFAULT_SEGMENTS.get(str(code), {}), **(spec or {})})
            except NestedError as exc:
                raise NestedError((str(code), *exc.path), exc.message) from exc
        return languages


class Categories(BaseConfigOption[list[dict[str, str]]]):
    """A list of {key, and a name per language}; the language codes are checked against `languages`."""

    def run_validation(self, value: object) -> list[dict[str, str]]:
        if not isinstance(value, list) or not value:
            raise ValidationError("declare at least one category, e.g. - {key: kinh-te-tap-the, vi: Kinh tế tập thể, en: Collective economy}")
        categories = []
        for index, spec in enumerate(value):
            if not isinstance(spec, dict) or not spec.get("key"):
                raise NestedError((f"[{index}]",), "expected a mapping with 'key' and a name per language")
            categories.append({str(k): " ".join(str(v).split()) for k, v in spec.items() if v is not None})
        return categories

    def post_validation(self, config: Config, key_name: str) -> None:
        codes = list(config["languages"])
        for index, spec in enumerate(config[key_name]):
            known = ["key", "image", *codes]
            for name in spec:
                if name not in known:
                    raise NestedError((f"[{index}]", name), unknown_key(name, known))
            missing = [code for code in codes if not spec.get(code)]
            if missing:
                raise NestedError((f"[{index}]",), f"({spec['key']}) no name for {', '.join(missing)}")


# Sections -------------------------------------------------------------------


class StrictConfig(Config):
    """A Config whose unknown keys are errors (MkDocs only warns), with the closest known key suggested."""

    def validate(self):
        failed, warnings = super().validate()
        known = option_names(type(self))
        failed += [(key, ValidationError(unknown_key(key, known))) for key in self if key not in known]
        return failed, [(key, w) for key, w in warnings if key in known]


class FeedsConfig(StrictConfig):
    length = Count(20)  # items per feed
    categories = Flag(True)  # a feed per category, beside its listing
    tags = Flag(False)  # a feed per tag


class SearchConfig(StrictConfig):
    # Body words indexed in full (with their places, shown in excerpts); after them only the body's rare
    # words are, once each. 0: every body in full, which a site of a few hundred items can afford.
    lead_words = Count(80, minimum=0)


class PublisherConfig(StrictConfig):
    """Who publishes the site, shown in every page's footer. Texts: one for all languages, or one per language."""

    name = Localised()  # e.g. {vi: Liên minh Hợp tác xã Việt Nam, en: Vietnam Cooperative Alliance}; default: site_author
    address = Localised()  # one line
    telephone = OptionalText()  # as it is dialled, e.g. +84 24 0000 0000
    email = OptionalText()  # the press contact
    copyright = Localised()  # default: "© <year of the build date> <name>"


class EditorBackend(BaseConfigOption[dict[str, str | bool] | None]):
    """Decap CMS's `backend`: a Git host and a repository, passed on to the editor's configuration as written."""

    hosts = ("github", "gitlab", "gitea", "forgejo")
    keys = ("name", "repo", "branch", "base_url", "auth_endpoint", "api_root", "site_domain", "app_id", "auth_type",
            "cms_label_prefix", "squash_merges")

    def __init__(self) -> None:
        super().__init__()
        self.default = None  # no Git host: the editor saves only through `./dev edit`, and only the preview has it

    def run_validation(self, value: object) -> dict[str, str | bool] | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            raise ValidationError(f"expected a mapping (name, repo, branch, …), got {describe(value)}")
        for key in value:
            if key not in self.keys:
                raise NestedError((str(key),), unknown_key(str(key), list(self.keys)))
        if value.get("name") not in self.hosts:
            raise NestedError(("name",), f"expected one of {', '.join(self.hosts)}, got {describe(value.get('name'))}")
        repo = value.get("repo")
        if not isinstance(repo, str) or repo.count("/") < 1 or repo.startswith("/") or repo.endswith("/"):
            raise NestedError(("repo",), f"expected the repository as owner/name, got {describe(repo)}")
        return {str(k): v if isinstance(v, bool) else str(v) for k, v in value.items()}


class EditorConfig(StrictConfig):
    """The web editor at /admin/ (Decap CMS, README "Writing in the browser")."""

    enabled = Flag(True)  # false: no /admin/, and the build needs no Node.js packages
    # Where the published editor saves: {name: github | gitlab | gitea, repo: owner/name, branch, …}. Without it, /admin/
    # is only in the preview, saving into the project folder through `./dev edit`.
    backend = EditorBackend()
    publish_mode = Choice("editorial_workflow", ("editorial_workflow", "simple"))  # drafts and reviews, or straight to the branch
    local_port = Count(8081)  # `./dev edit` runs decap-server here, saving into the project folder


class LanguageConfig(StrictConfig):
    name = Text()  # shown in the language switcher
    config = Text()  # the MkDocs config that builds this language (mkdocs.en.yml INHERITs mkdocs.yml)
    prefix = OptionalText("", strip="/")  # the language's folder in the site: "" for the default, "en" for /en/
    # Localised URL segments: /tin-tuc/luu-tru/, /en/news/archive/, …
    news = Text("news", strip="/")
    archive = Text("archive", strip="/")
    category = Text("category", strip="/")
    tag = Text("tag", strip="/")
    page = Text("page", strip="/")  # /tin-tuc/trang/2/
    plans = Text("plans", strip="/")
    calendar = Text("calendar", strip="/")


# The segments of the two languages the project ships; another language code starts from the English words.
DEFAULT_SEGMENTS: dict[str, dict[str, str]] = {
    "vi": {"name": "Tiếng Việt", "config": "mkdocs.yml", "prefix": "", "news": "tin-tuc", "archive": "luu-tru", "category": "chuyen-muc",
           "tag": "the", "page": "trang", "plans": "ke-hoach", "calendar": "lich-hoat-dong"},
    "en": {"name": "English", "config": "mkdocs.en.yml", "prefix": "en"},
}


class CampaignConfig(StrictConfig):
    """`extra.campaign`: every key is optional except `categories`."""

    news_dir = Text("news")  # news items, outside docs/
    plans_dir = Text("plans")  # plan documents (type: plan) with their activities
    i18n_dir = Text("i18n")  # UI strings, one TOML table per language
    timezone = TimeZone("Asia/Ho_Chi_Minh")  # naive dates and times are in this zone
    languages = Languages()  # code → name, MkDocs config, prefix and URL segments
    default_language = OptionalText()  # default: the first of `languages`
    categories = Categories()  # key, a name per language (the URL segment is made from it), optional image (in docs/)
    page_size = Count(10)  # items per numbered listing page; the root page holds page_size to 2 × page_size − 1
    neighbours = Count(5)  # items in "Tin mới hơn" and in "Tin cũ hơn"
    related = Count(4, minimum=0)  # items in "Tin liên quan" under an article: sharing its tags, then its category (0: none)
    summary_length = Count(250)  # characters, when the summary comes from the body
    home_news = Count(5)  # latest items (and upcoming activities) on the home page
    feeds = Section(FeedsConfig)  # RSS 2.0 and Atom per language
    search = Section(SearchConfig)  # what of each body the search index holds
    build_date = Moment()  # publish as of this date (CAMPAIGN_BUILD_DATE wins; then SOURCE_DATE_EPOCH; then the clock)
    share_image = Text("assets/images/chia-se.png", strip="/")  # in docs/: shared pages without an image of their own show it
    progress_after = Count(300)  # log "N/total items rendered" on sites with this many items or more
    progress_every = Seconds(5)  # seconds between those lines
    # Bodies are cleaned of scripts and unsafe HTML; an <iframe> is kept only if its src starts with one of these.
    embeds = EmbedPrefixes()  # e.g. [https://www.youtube-nocookie.com/embed/]; default: none
    precompress = Flag(False)  # write a reproducible .gz beside each text file, for nginx's gzip_static and static hosts
    publisher = Section(PublisherConfig)  # name, address, telephone, e-mail and copyright for the footer
    editor = Section(EditorConfig)  # the web editor at /admin/ (Decap CMS)


# Checking -------------------------------------------------------------------


def option_names(config_class: type[Config]) -> list[str]:
    """The keys a Config class declares, in declaration order."""
    names: dict[str, None] = {}
    for klass in reversed(config_class.__mro__):
        for name, value in vars(klass).items():
            if isinstance(value, BaseConfigOption):
                names[getattr(value, "_name", name)] = None
    return list(names)


def unknown_key(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"unknown key; {hint}known keys: {', '.join(known)}"


def validate_section(config_class: type[C], value: object) -> C:
    if not isinstance(value, dict):
        raise ValidationError(f"expected a mapping ({', '.join(option_names(config_class))}), got {describe(value)}")
    config = config_class()
    config.load_dict(value)
    failed, _ = config.validate()
    if failed:
        key, error = failed[0]
        if isinstance(error, NestedError):
            raise NestedError((key, *error.path), error.message)
        raise NestedError((key,), str(error))
    return config


def load_settings(extra: Mapping, config_dir: Path, environ: Mapping[str, str] | None = None) -> Settings:
    """Settings from the `extra` mapping of a MkDocs config; SettingsError names the first wrong key."""
    environ = os.environ if environ is None else environ
    raw = extra.get("campaign") or {}
    try:
        config = validate_section(CampaignConfig, raw)
    except NestedError as exc:
        raise SettingsError(f"extra.campaign.{'.'.join(exc.path).replace('.[', '[')}: {exc.message}") from exc
    except ValidationError as exc:
        raise SettingsError(f"extra.campaign: {exc}") from exc
    languages = {
        code: Language(
            code=code, name=spec["name"], config_file=spec["config"], prefix=spec["prefix"],
            **{segment: spec[segment] for segment in ("news", "archive", "category", "tag", "page", "plans", "calendar")},
        )
        for code, spec in config["languages"].items()
    }
    default_language = config["default_language"] or next(iter(languages))
    if default_language not in languages:
        raise SettingsError(f"extra.campaign.default_language: {default_language!r} is not one of languages ({', '.join(languages)})")
    tz = config["timezone"]
    feeds = config["feeds"]
    return Settings(
        news_dir=(config_dir / config["news_dir"]).resolve(),
        plans_dir=(config_dir / config["plans_dir"]).resolve(),
        i18n_dir=(config_dir / config["i18n_dir"]).resolve(),
        timezone=tz,
        default_language=default_language,
        languages=languages,
        categories=tuple(Category(spec["key"], {code: spec[code] for code in languages}, spec.get("image", "").strip("/") or None)
                         for spec in config["categories"]),
        build_date=_build_date(config["build_date"], tz, environ),
        page_size=config["page_size"],
        neighbours=config["neighbours"],
        related=config["related"],
        summary_length=config["summary_length"],
        home_news=config["home_news"],
        feeds=FeedSettings(length=feeds["length"], categories=feeds["categories"], tags=feeds["tags"]),
        share_image=config["share_image"],
        progress_after=config["progress_after"],
        progress_every=config["progress_every"],
        embeds=config["embeds"],
        precompress=config["precompress"],
        search_lead_words=config["search"]["lead_words"],
        publisher=_publisher(config["publisher"], list(languages)),
        editor=_editor(config["editor"]),
    )


def _editor(config: EditorConfig) -> EditorSettings | None:
    if not config["enabled"]:
        return None
    backend = config["backend"]
    return EditorSettings(backend=tuple(backend.items()) if backend else None, publish_mode=config["publish_mode"],
                          local_port=config["local_port"])


def _publisher(config: PublisherConfig, codes: list[str]) -> Publisher:
    """The publisher's texts per language: one text for all goes to each; a mapping must name every language."""

    def per_language(key: str) -> dict[str, str]:
        texts: dict[str, str] = config[key]
        if not texts:
            return {}
        if "*" in texts:
            return dict.fromkeys(codes, texts["*"])
        for code in texts:
            if code not in codes:
                raise SettingsError(f"extra.campaign.publisher.{key}.{code}: {unknown_key(code, codes)}")
        missing = [code for code in codes if not texts.get(code)]
        if missing:
            raise SettingsError(f"extra.campaign.publisher.{key}: no text for {', '.join(missing)}; give one text per language "
                                "or one text for all")
        return {code: texts[code] for code in codes}

    email = config["email"]
    if email and ("@" not in email or any(c.isspace() for c in email)):
        raise SettingsError(f"extra.campaign.publisher.email: expected an e-mail address, got {email!r}")
    return Publisher(name=per_language("name"), address=per_language("address"), telephone=config["telephone"],
                     email=email, copyright=per_language("copyright"))


def _build_date(configured: object, tz: ZoneInfo, environ: Mapping[str, str]) -> datetime:
    """The moment the site is built "as of": items dated later are scheduled.

    CAMPAIGN_BUILD_DATE wins over `extra.campaign.build_date`; then
    SOURCE_DATE_EPOCH (so reproducible builds also publish the same items);
    then the clock.
    """
    for source, value in ((BUILD_DATE_ENV, environ.get(BUILD_DATE_ENV)), ("extra.campaign.build_date", configured)):
        if value not in (None, ""):
            try:
                moment, has_time = parse_datetime(value, tz)
            except DateError as exc:
                raise SettingsError(f"{source}: {exc}") from exc
            # A bare date means "as of the end of that day".
            return moment if has_time else moment.replace(hour=23, minute=59, second=59)
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        if not epoch.isdigit():
            raise SettingsError(f"SOURCE_DATE_EPOCH: expected a number of seconds since 1970, got {epoch!r}")
        return datetime.fromtimestamp(int(epoch), UTC).astimezone(tz)
    return datetime.now(tz)

