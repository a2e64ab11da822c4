"""A gzip copy beside each text file a build wrote (`extra.campaign.precompress`), for servers that send it as it is.

nginx's `gzip_static` (deploy/nginx.conf) and most static hosts send
`page.html.gz` to a browser that accepts gzip, without compressing on every
request. The copies are reproducible (no name and no time in the gzip
header). A copy is made again only when it no longer holds its file's bytes:
a dirty build rewrites or links again most files, unchanged, and checking a
copy costs a sixth of making it.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterable

# What is worth compressing; images and Pagefind's chunks are compressed already.
TEXT_SUFFIXES = (".html", ".css", ".js", ".json", ".xml", ".svg", ".ics", ".txt", ".map", ".webmanifest")
MIN_SIZE = 256  # bytes: below this, gzip's header costs more than it saves (nginx's gzip_min_length alike)


def precompress(paths: Iterable[str]) -> set[str]:
    """Write `path.gz` beside each text file of `paths` that needs one; return every `.gz` that now belongs to them."""
    written = set()
    for path in paths:
        if not path.endswith(TEXT_SUFFIXES):
            continue
        try:
            with open(path, "rb") as source:
                data = source.read()
        except FileNotFoundError:
            continue
        if len(data) < MIN_SIZE:
            continue
        target = path + ".gz"
        if _holds(target, data):
            written.add(target)
            continue
        # mtime=0 and no file name: the same input gives the same bytes in every build. Level 9 saves 0.3%
        # for 70% more time.
        compressed = gzip.compress(data, compresslevel=6, mtime=0)
        temporary = target + ".tmp"
        with open(temporary, "wb") as out:
            out.write(compressed)
        os.replace(temporary, target)
        written.add(target)
    return written


def _holds(target: str, data: bytes) -> bool:
    """Whether the gzip file `target` exists and holds exactly `data`."""
    try:
        with open(target, "rb") as existing:
            return gzip.decompress(existing.read()) == data
    except (FileNotFoundError, OSError, EOFError, zlib.error):
        return False
