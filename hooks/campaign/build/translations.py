"""Build the other languages' sites beside the default one, with MkDocs' own command.

The default-language build (mkdocs.yml) starts one `mkdocs build` per other
language (mkdocs.en.yml, which INHERITs mkdocs.yml) into site/<prefix>/, and
waits for it before it finishes. Each language is a complete MkDocs build, so
Material's `theme.language`, search index and sitemap are right per language,
without reaching into MkDocs internals; and the two builds use both cores.
Under `serve`, each other language is built by a warm worker
(build.language_worker) that keeps what it read from one rebuild to the next.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..core.settings import BUILD_DATE_ENV, Settings
from .incremental import DIRTY_ENV
from .language_worker import LanguageWorker

# The site's address, instead of mkdocs.yml's site_url: set by a publishing workflow (the address it publishes to,
# e.g. a GitHub Pages sub-path), and by the default-language build for the others.
SITE_URL_ENV = "CAMPAIGN_SITE_URL"
# "1": drafts are shown (set by `mkdocs serve`, or by hand for a preview build).
PREVIEW_ENV = "CAMPAIGN_PREVIEW"
# "1": the build is `mkdocs serve`'s (set by it, seen by the other languages' builds too).
SERVE_ENV = "CAMPAIGN_SERVE"

def site_url_from_environment(config: MkDocsConfig, is_default: bool) -> None:
    """CAMPAIGN_SITE_URL, when set, is the site's address (its root: the other languages add their prefix).

    `serve` keeps the address it serves at: the default language's preview ignores the variable, and hands
    that address to the others in the same variable."""
    given = os.environ.get(SITE_URL_ENV)
    if given and (not is_default or os.environ.get(SERVE_ENV) != "1"):
        config.site_url = given.rstrip("/") + "/"


# "mkdocs", or the name of a drop-in fork (e.g. ProperDocs) that runs this code.
_COMMAND_MODULE = MkDocsConfig.__module__.split(".")[0]


# Under `serve`: one warm worker per other language's config file, living as long as this module.
_WORKERS: dict[Path, LanguageWorker] = {}


@dataclass
class RunningBuild:
    lang: str
    config_file: Path
    site_dir: Path
    process: subprocess.Popen | None = None  # a `mkdocs build` of its own
    worker: LanguageWorker | None = None  # or a request to the language's warm worker (serve)

    def wait(self) -> int:
        if self.worker is not None:
            code = self.worker.wait()
            if code == -1:  # it died: the next rebuild starts another
                _WORKERS.pop(self.config_file, None)
            return code
        assert self.process is not None
        return self.process.wait()

    def stop(self) -> None:
        if self.worker is not None:
            # Half-way through a build: it cannot be told to stop, so it goes; the next rebuild starts another.
            _WORKERS.pop(self.config_file, None)
            self.worker.process.kill()
            self.worker.close()
        elif self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait()


def start_translation_builds(config: MkDocsConfig, settings: Settings) -> list[RunningBuild]:
    config_dir = Path(config.config_file_path).parent
    env = {**os.environ, BUILD_DATE_ENV: settings.build_date.isoformat(), SITE_URL_ENV: config.site_url or ""}
    builds = []
    for lang, language in settings.languages.items():
        if lang == settings.default_language:
            continue
        config_file = config_dir / language.config_file
        site_dir = Path(config.site_dir, language.prefix)
        arguments = ["build", "--config-file", str(config_file), "--site-dir", str(site_dir)]
        if config.strict:
            arguments.append("--strict")
        if os.environ.get(DIRTY_ENV) == "1":  # keep its folder, skip what did not change
            arguments.append("--dirty")
        # Follow `mkdocs build -q` / `-v` of the default build.
        level = logging.getLogger("mkdocs").getEffectiveLevel()
        if level > logging.INFO:
            arguments.append("--quiet")
        elif level < logging.INFO:
            arguments.append("--verbose")
        build = RunningBuild(lang, config_file, site_dir)
        if os.environ.get(SERVE_ENV) == "1":
            build.worker = _warm_worker(config_file, arguments, env, config_dir)
        if build.worker is None:
            build.process = subprocess.Popen([sys.executable, "-m", _COMMAND_MODULE, *arguments], cwd=config_dir, env=env)
        builds.append(build)
    return builds


def _warm_worker(config_file: Path, arguments: list[str], env: dict[str, str], cwd: Path) -> LanguageWorker | None:
    """The language's worker, asked to build; started if it is not running."""
    worker = _WORKERS.get(config_file)
    if worker is None or not worker.alive() or not worker.start(arguments, env, cwd):
        worker = _WORKERS[config_file] = LanguageWorker(_COMMAND_MODULE, cwd)
        if not worker.start(arguments, env, cwd):
            return None
    return worker


def wait_for(builds: list[RunningBuild]) -> list[str]:
    """Wait for every build; return a message for each that failed."""
    failures = []
    for build in builds:
        code = build.wait()
        if code != 0:
            failures.append(f"the {build.lang} site ({build.config_file.name}) failed to build (exit code {code}); see its messages above")
    return failures


def stop(builds: list[RunningBuild]) -> None:
    """Stop builds that are still running, when the default build failed."""
    for build in builds:
        build.stop()
