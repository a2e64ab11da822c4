"""MkDocs hooks: wire MkDocs' events to the campaign engine (hooks/campaign/).

Listed under `hooks:` in mkdocs.yml. Kept thin on purpose: all the work is in
plain modules that can be read and tested on their own.
"""

import os
import sys

# `mkdocs serve` re-runs this file on every rebuild, but Python would keep the
# engine modules it imported the first time: drop them so edits to hooks/ apply.
for _name in [n for n in sys.modules if n == "campaign" or n.startswith("campaign.")]:
    del sys.modules[_name]

from campaign.build.engine import LanguageBuild  # noqa: E402
from campaign.build.translations import PREVIEW_ENV  # noqa: E402

_build: LanguageBuild | None = None


def on_startup(command, dirty):
    if command == "serve":
        # Drafts are shown while previewing, in this build and in the other languages' builds.
        os.environ[PREVIEW_ENV] = "1"


def on_config(config):
    global _build
    _build = LanguageBuild(config)
    return config


def on_files(files, config):
    return _build.on_files(files, config)


def on_page_markdown(markdown, page, config, files):
    return _build.on_page_markdown(markdown, page)


def on_page_content(html, page, config, files):
    return _build.on_page_content(html, page)


def on_env(env, config, files):
    _build.on_env(config, files)
    return env


def on_page_context(context, page, config, nav):
    context["campaign"] = _build.page_view(page, config)
    return context


def on_post_page(output, page, config):
    return LanguageBuild.on_post_page(output)


def on_post_template(output_content, template_name, config):
    return LanguageBuild.on_post_page(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config):
    _build.on_post_build(config)


def on_build_error(error):
    if _build is not None:
        _build.on_build_error()
