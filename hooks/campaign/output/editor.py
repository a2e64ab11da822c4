"""The web editor at /admin/: Decap CMS's bundle, from the locked npm packages, with the project's page and preview.

The bundle is copied from node_modules/decap-cms/dist (package-lock.json pins it): the editor loads nothing
from another host. Its configuration is made afresh from fields.py and the settings (content.editor_config),
for this build's address; the copy in editor/config.yml is the one people read and `./dev check` compares.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from jinja2 import Environment

from ..content.editor_config import dumps, editor_config
from ..core.settings import Settings

ADMIN = "admin"  # the editor's folder in the site
PAGE_DIR = "editor"  # in the project: the editor's page, its scripts and the preview's stylesheet
PAGE_FILES = ("editor.js", "vi.js", "preview.js", "preview.css")  # copied; index.html is a template
BUNDLE_DIR = Path("node_modules", "decap-cms", "dist")
# The bundle's entry, the chunks it loads on demand, its WebAssembly and its licence notice (no source maps).
BUNDLE_PATTERNS = ("decap-cms.js", "*.decap-cms.js", "*.wasm", "decap-cms.js.LICENSE.txt")

MISSING_BUNDLE = ("web editor: {bundle} is not installed, so /admin/ is left out of the site; install it with "
                  "`npm ci --omit=dev` (Node.js), or set extra.campaign.editor.enabled: false")


class EditorMissing(Exception):
    """The bundle is not installed, or the editor's page is missing: the message says what to do."""


@dataclass(frozen=True)
class EditorFile:
    """One file of /admin/: copied from `source`, or written from `content`."""

    path: str  # in the site
    source: Path | None = None
    content: str | None = None


def editor_files(settings: Settings, project_dir: Path, site_url: str, site_files: Iterable[str],
                 extra_css: Iterable[str], preview: bool) -> list[EditorFile]:
    """The files of /admin/. `site_files`: the paths of the site's other files; `preview`: a preview build (`serve`).

    None when the editor is off; without a Git host to save to, only in a preview (`./dev edit` saves).
    A published editor without its bundle raises EditorMissing; a preview then goes without.
    """
    if settings.editor is None or (settings.editor.backend is None and not preview):
        return []
    bundle = project_dir / BUNDLE_DIR
    if not (bundle / "decap-cms.js").is_file():
        if preview and settings.editor.backend is None:
            return []
        raise EditorMissing(MISSING_BUNDLE.format(bundle=BUNDLE_DIR.as_posix()))
    pages = project_dir / PAGE_DIR
    missing = [f"{PAGE_DIR}/{name}" for name in ("index.html", *PAGE_FILES) if not (pages / name).is_file()]
    if missing:
        raise EditorMissing(f"web editor: {', '.join(missing)} missing, so /admin/ is left out of the site; restore the "
                            f"project's {PAGE_DIR}/ folder, or set extra.campaign.editor.enabled: false")
    result = [EditorFile(f"{ADMIN}/{name}", source=pages / name) for name in PAGE_FILES]
    page = Environment(autoescape=True).from_string((pages / "index.html").read_text(encoding="utf-8"))
    styles = " ".join(_preview_styles(site_files, extra_css))
    result.append(EditorFile(f"{ADMIN}/index.html", content=page.render(preview_styles=styles)))
    result.append(EditorFile(f"{ADMIN}/config.yml", content=dumps(editor_config(settings, project_dir, site_url, preview))))
    for pattern in BUNDLE_PATTERNS:
        result += [EditorFile(f"{ADMIN}/decap-cms/{path.name}", source=path) for path in sorted(bundle.glob(pattern))]
    return result


def _preview_styles(site_files: Iterable[str], extra_css: Iterable[str]) -> list[str]:
    """The site's stylesheets, relative to admin/: the theme's own (named by their content), then extra_css."""
    theme = sorted(path for path in site_files if fnmatch(path, "assets/stylesheets/main.*.min.css"))
    return [f"../{path}" for path in (*theme, *extra_css)] + ["preview.css"]
