"""Files put in place as hard links, so that a cache and a site folder share their bytes (copies across file systems)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def link_or_copy(source: Path | str, target: Path | str) -> None:
    """`target` as a hard link to `source` (a copy across file systems), replacing what was there."""
    # Tried first, then mended: nearly every call is a fresh link in an existing folder.
    try:
        os.link(source, target)
    except FileExistsError:
        os.unlink(target)
        link_or_copy(source, target)
    except FileNotFoundError:
        if not os.path.exists(source):
            raise
        os.makedirs(os.path.dirname(target), exist_ok=True)
        link_or_copy(source, target)
    except OSError:
        shutil.copyfile(source, target)


def link_tree(source: Path, target: Path) -> None:
    """`target` as a copy of the folder `source` made of hard links; `target` replaced."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, copy_function=link_or_copy)
