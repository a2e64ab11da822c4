"""What a long-lived process (`mkdocs serve`) carries from one build to the next.

A rebuild after one saved edit meets the same item objects (the content
cache hands them back), the same Markdown and the same rendered bodies for
nearly every page; work derived from those alone need not be done again.
A `BuildMemo` keeps what one build derived, and only that, for the next.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_MEMOS: list[BuildMemo] = []


class BuildMemo(Generic[K, V]):
    """What `make` gave for a key, kept for the next build if this build asked for it; keys must say all `make` reads."""

    def __init__(self, make: Callable[[K], V] | None = None):
        self._make = make
        self._previous: dict[K, V] = {}
        self._current: dict[K, V] = {}
        _MEMOS.append(self)

    def __call__(self, key: K) -> V:
        assert self._make is not None
        make = self._make
        return self.get(key, lambda: make(key))

    def get(self, key: K, make: Callable[[], V]) -> V:
        try:
            return self._current[key]
        except KeyError:
            pass
        value = self._previous.pop(key) if key in self._previous else make()
        self._current[key] = value
        return value

    def next_build(self) -> None:
        self._previous, self._current = self._current, {}


def next_build() -> None:
    """A build starts: what the last one did not ask for is forgotten."""
    for memo in _MEMOS:
        memo.next_build()
