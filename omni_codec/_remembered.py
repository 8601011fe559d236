"""A table that remembers what a function gives for the keys it is asked for.

The fast paths look up, for each value they meet, a text or character that a
small function computes (the text of a day, the character of a reference): a
``dict`` lookup costs a few tens of nanoseconds where the call costs several
times that, and the values of one document repeat. Input decides the keys (a
reference may carry any number of leading zeros), so only the first few thousand
are kept: beyond them each is computed again, and memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

__all__ = ["Remembered"]

K = TypeVar("K")
V = TypeVar("V")


class Remembered(dict[K, V]):
    """``table[key]`` is ``compute(key)``, kept for the first ``most`` keys.

    An exception ``compute`` raises reaches the caller, and nothing is kept.
    """

    def __init__(self, compute: Callable[[K], V], most: int = 4096) -> None:
        super().__init__()
        self._compute = compute
        self._most = most

    def __missing__(self, key: K) -> V:
        value = self._compute(key)
        if len(self) < self._most:
            self[key] = value
        return value
