"""What one build writes into its site folder, so that a dirty build leaves nothing behind.

`mkdocs build --dirty` (and `serve --dirty`) keep the site folder between
builds and skip pages whose source is older than their output. Two things
then go wrong for this site, and are put right here:

- a hand-written page shows generated data (the home page's latest news and
  campaign state, every page's menu), so its output is removed before the
  build and MkDocs renders it again;
- an item that was deleted, renamed, re-dated or made a draft leaves its old
  pages behind: after the build, every file in the language's site folder
  that this build did not produce is removed (other languages' folders are
  theirs to tend).
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

# While `serve` lives: by site folder, the files its last build produced (see `remove_stale`).
_PRODUCED: dict[str, set[str]] = {}


def forget_hand_written_outputs(files: Files) -> None:
    """Remove the written pages of docs/, so that a dirty build renders them again."""
    for file in files.documentation_pages():
        if file.abs_src_path is not None and os.path.isfile(file.abs_dest_path):
            os.remove(file.abs_dest_path)


def produced(files: Files, config: MkDocsConfig) -> set[str]:
    """The files MkDocs writes for this build: its files, the theme's static templates (sitemap.xml and its .gz)."""
    # Plain strings, not Paths: a big site has tens of thousands.
    paths = {os.path.normpath(file.abs_dest_path) for file in files}
    for template in config.theme.static_templates:
        paths.add(os.path.join(config.site_dir, template))
        if template == "sitemap.xml":
            paths.add(os.path.join(config.site_dir, "sitemap.xml.gz"))
    return paths


def remove_stale(site_dir: Path, wanted: set[str], owned_elsewhere: set[str], kept_folders: set[str]) -> list[str]:
    """Remove the files of `site_dir` not in `wanted` (normalised paths); returns them.

    `owned_elsewhere`: top-level folders another build writes (en/); `kept_folders`: folders this build
    rewrites whole (pagefind/), left as they are.
    """
    removed = []
    top = os.path.normpath(site_dir)
    before = _PRODUCED.pop(top, None)
    if before is not None:
        # Within one process (`serve`), the files the last build produced are known: those it no longer produces go.
        for path in sorted(before - wanted):
            if os.path.isfile(path):
                os.unlink(path)
                removed.append(path)
    else:
        for root, folders, names in os.walk(top):
            if root == top:
                folders[:] = [f for f in folders if f not in owned_elsewhere and f not in kept_folders]
            for name in names:
                path = os.path.join(root, name)
                if path not in wanted:
                    os.unlink(path)
                    removed.append(path)
    for folder in sorted({os.path.dirname(p) for p in removed}, key=lambda p: p.count(os.sep), reverse=True):
        while folder != top and os.path.isdir(folder) and not os.listdir(folder):
            os.rmdir(folder)
            folder = os.path.dirname(folder)
    _PRODUCED[top] = wanted
    return removed


def forget_produced(site_dir: Path) -> None:
    """A build failed: what its folder holds is no longer known; the next build looks at every file."""
    _PRODUCED.pop(os.path.normpath(site_dir), None)
