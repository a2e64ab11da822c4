"""Vietnamese search in Material's search: a folded copy of each entry's text.

Material's lunr.vi.js neither folds tone marks nor trims punctuation. The
punctuation is handled by the `separator` of the search plugin (mkdocs.yml);
tone marks by this: after Material writes search_index.json, each entry that
has any diacritic gets its title and text again without its marks
("Hợp tác xã" → "Hop tac xa", "Đồng Tháp" → "Dong Thap"), in a hidden span.
A query typed without marks matches the copy; a query with marks matches
only the original words, so exact-accent matches rank first.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path

_TAG = re.compile(r"<[^>]+>")
# Vietnamese tone and vowel marks all decompose (NFD) into this block of combining marks.
_COMBINING_MARKS = re.compile("[\u0300-\u036f]")
_D_WITH_STROKE = str.maketrans("đĐ", "dD")


def fold(text: str) -> str:
    """Vietnamese letters without their marks, đ → d: "Đồng Tháp" → "Dong Thap". Other characters stay."""
    return _COMBINING_MARKS.sub("", unicodedata.normalize("NFD", text)).translate(_D_WITH_STROKE)


def add_folded_text(index_path: Path) -> tuple[int, int]:
    """Rewrite the index in place; returns its size in bytes before and after."""
    raw = index_path.read_text(encoding="utf-8")
    data = json.loads(raw)
    for doc in data["docs"]:
        plain = html.unescape(_TAG.sub(" ", doc.get("text", "")))
        words = " ".join(f"{doc.get('title', '')} {plain}".split())
        folded = fold(words)
        if folded != words:  # the entry has marks to fold
            doc["text"] = doc.get("text", "") + f' <span hidden class="campaign-folded">{html.escape(folded)}</span>'
    result = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    index_path.write_text(result, encoding="utf-8")
    return len(raw.encode("utf-8")), len(result.encode("utf-8"))
