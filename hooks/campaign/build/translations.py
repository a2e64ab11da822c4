"""Build the other languages' sites beside the default one, with MkDocs' own command.

The default-language build (mkdocs.yml) starts one `mkdocs build` per other
language (mkdocs.en.yml, which INHERITs mkdocs.yml) into site/<prefix>/, and
waits for it before it finishes. Each language is a complete MkDocs build, so
Material's `theme.language`, search index and sitemap are right per language,
without reaching into MkDocs internals; and the two builds use both cores.
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

# Set by the default-language build for the others.
SITE_URL_ENV = "CAMPAIGN_SITE_URL"
# "1": drafts are shown (set by `mkdocs serve`, or by hand for a preview build).
PREVIEW_ENV = "CAMPAIGN_PREVIEW"
# "1": the build is `mkdocs serve`'s (set by it, seen by the other languages' builds too).
SERVE_ENV = "CAMPAIGN_SERVE"

# "mkdocs", or the name of a drop-in fork (e.g. ProperDocs) that runs this code.
_COMMAND_MODULE = MkDocsConfig.__module__.split(".")[0]


@dataclass
class RunningBuild:
    lang: str
    config_file: Path
    site_dir: Path
    process: subprocess.Popen


def start_translation_builds(config: MkDocsConfig, settings: Settings) -> list[RunningBuild]:
    config_dir = Path(config.config_file_path).parent
    env = {**os.environ, BUILD_DATE_ENV: settings.build_date.isoformat(), SITE_URL_ENV: config.site_url or ""}
    builds = []
    for lang, language in settings.languages.items():
        if lang == settings.default_language:
            continue
        config_file = config_dir / language.config_file
        site_dir = Path(config.site_dir, language.prefix)
        command = [
            sys.executable, "-m", _COMMAND_MODULE, "build",
            "--config-file", str(config_file),
            "--site-dir", str(site_dir),
        ]
        if config.strict:
            command.append("--strict")
        if os.environ.get(DIRTY_ENV) == "1":  # keep its folder, skip what did not change
            command.append("--dirty")
        # Follow `mkdocs build -q` / `-v` of the default build.
        level = logging.getLogger("mkdocs").getEffectiveLevel()
        if level > logging.INFO:
            command.append("--quiet")
        elif level < logging.INFO:
            command.append("--verbose")
        builds.append(RunningBuild(lang, config_file, site_dir, subprocess.Popen(command, cwd=config_dir, env=env)))
    return builds


def wait_for(builds: list[RunningBuild]) -> list[str]:
    """Wait for every build; return a message for each that failed."""
    failures = []
    for build in builds:
        code = build.process.wait()
        if code != 0:
            failures.append(f"the {build.lang} site ({build.config_file.name}) failed to build (exit code {code}); see its messages above")
    return failures


def stop(builds: list[RunningBuild]) -> None:
    """Stop builds that are still running, when the default build failed."""
    for build in builds:
        if build.process.poll() is None:
            build.process.terminate()
            build.process.wait()
