"""Resource limits for decoding untrusted input (SPEC section 6).

A decoder facing the internet must bound what one payload can cost. Exceeding a
limit is a :class:`~omni_codec.DecodeError` that names the limit and its value; each
limit can be changed per :class:`Limits` instance, passed to a Decoder or to
``decode(..., limits=...)``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import DecodeError

__all__ = ["DEFAULT_LIMITS", "Limits"]


@dataclass(frozen=True)
class Limits:
    """Upper bounds on one decoded document.

    The defaults were chosen against the largest payloads the API sees: a bulk
    request or response of 100,000 destinations is about 45 MB of XML (less as
    JSON), well inside ``max_bytes``; the deepest OMNI type nests seven levels, and
    free-form JSON objects (push payloads, template data) are given room up to
    ``max_depth``.
    """

    #: Largest accepted input, in bytes (for ``str`` input, its UTF-8 length).
    max_bytes: int = 64 * 1024 * 1024
    #: Deepest accepted element/object nesting, the root counting as depth 1.
    max_depth: int = 64
    #: Most items accepted in any one list.
    max_list_items: int = 100_000

    def check_size(self, size: int) -> None:
        """Raise :class:`~omni_codec.DecodeError` if ``size`` bytes exceed ``max_bytes``."""
        if size > self.max_bytes:
            raise DecodeError(f"Input of {size} bytes exceeds the limit max_bytes={self.max_bytes}")

    def depth_error(self) -> DecodeError:
        """The :class:`~omni_codec.DecodeError` for nesting deeper than ``max_depth``."""
        return DecodeError(f"Nesting exceeds the limit max_depth={self.max_depth}")

    def items_error(self, count: int, path: str) -> DecodeError:
        """The :class:`~omni_codec.DecodeError` for a list of ``count`` items at ``path``."""
        return DecodeError(
            f"List at `{path}` has {count} items, over the limit "
            f"max_list_items={self.max_list_items}"
        )


DEFAULT_LIMITS = Limits()


def __dir__() -> list[str]:
    return sorted(__all__)
