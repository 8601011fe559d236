"""The Decoders behind the module-level ``decode`` functions of both formats.

``json.decode`` and ``xml.decode`` are one-off calls, but servers call them in a
loop: each keeps one Decoder per ``(type, strict)`` for the default limits, so that
a call costs what ``Decoder.decode`` costs. A call with its own ``limits`` (rare)
gets a Decoder of its own, and so does a ``type`` that is not a model, whose
Decoder raises the TypeError that says what ``type`` must be.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from ._binding import is_model
from .limits import DEFAULT_LIMITS, Limits

__all__ = ["DecoderCache"]

D = TypeVar("D")


class DecoderCache(Generic[D]):
    """Decoders made by ``make(type, strict=..., limits=...)``, kept per (type, strict)."""

    __slots__ = ("_decoders", "_make")

    def __init__(self, make: Callable[..., D]) -> None:
        self._make = make
        self._decoders: dict[tuple[Any, bool], D] = {}

    def get(self, type: Any, strict: bool, limits: Limits | None) -> D:
        if limits is not None or not is_model(type):
            return self._make(type, strict=strict, limits=limits or DEFAULT_LIMITS)
        key = (type, strict)
        decoder = self._decoders.get(key)
        if decoder is None:
            decoder = self._decoders[key] = self._make(type, strict=strict, limits=DEFAULT_LIMITS)
        return decoder
