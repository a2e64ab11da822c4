"""Characters that XML, HTML and iCalendar cannot carry, found and removed wherever text comes in.

XML 1.0 forbids most C0 controls; HTML calls them and the non-characters
parse errors; feed readers and calendar clients reject a whole file for one
of them. Tab and newline are kept (Markdown and YAML need them); every other
C0 and C1 control, DEL and the Unicode non-characters are not text.
"""

from __future__ import annotations

import re
import unicodedata

_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
)
NOT_TEXT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_NONCHARACTERS}]")
# One pass finds these and every astral character (of which only U+xFFFE and U+xFFFF are not text):
# a character class listing the astral non-characters one by one makes `re` about seven times slower.
_CANDIDATES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\U00010000-\U0010ffff]")


def _not_text(char: str) -> bool:
    return char <= "\uffff" or ord(char) & 0xFFFE == 0xFFFE


_NAMES = {"\x00": "NUL", "\x0b": "vertical tab", "\x0c": "form feed", "\x1b": "escape", "\x7f": "DEL"}


def name_of(char: str) -> str:
    """U+000C (form feed): how a message names a character that cannot be shown."""
    name = _NAMES.get(char) or unicodedata.name(char, "")
    code = f"U+{ord(char):04X}"
    return f"{code} ({name.lower()})" if name else code


# Controls that separate words (vertical tab, form feed, the information separators, next line) become a space.
_SEPARATORS = frozenset("\x0b\x0c\x1c\x1d\x1e\x1f\x85")


def has_control_characters(text: str) -> bool:
    return any(_not_text(char) for char in _CANDIDATES.findall(text))


def without_control_characters(text: str) -> tuple[str, list[str]]:
    """`text` without the characters that are not text, and the distinct ones removed, in order."""
    found = [char for char in dict.fromkeys(_CANDIDATES.findall(text)) if _not_text(char)]
    if not found:
        return text, []
    return _CANDIDATES.sub(lambda match: _replacement(match.group()), text), found


def _replacement(char: str) -> str:
    if not _not_text(char):
        return char  # an astral letter or emoji
    return " " if char in _SEPARATORS else ""


def excerpt(text: str, limit: int = 60) -> str:
    """A value cut short for a message: a 400-byte YAML alias bomb must not become a 2 GB message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
