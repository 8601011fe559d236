"""Resource limits for decoding untrusted input (SPEC section 6).

A decoder facing the internet must bound what one payload can cost. Exceeding a
limit is a :class:`~omni_codec.DecodeError` that names the limit and its value; each
limit can be changed per :class:`Limits` instance, passed to a Decoder or to
``decode(..., limits=...)``. The errors are made here, by :meth:`Limits.check_size`,
:meth:`Limits.depth_error` and :meth:`Limits.items_error`, so that every reader
reports a limit in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from .errors import DecodeError

__all__ = ["DEFAULT_LIMITS", "Limits"]


@dataclass(frozen=True)
class Limits:
    """Upper bounds on one decoded document.

    The defaults were chosen against the largest payloads the API sees: a bulk
    request or response of 100,000 destinations is about 45 MB of XML (less as
    JSON), well inside ``max_bytes``; the OMNI types nest a few levels, but for a
    Line Flex box, which may hold boxes, and free-form JSON objects (push payloads,
    template data): both are given room up to ``max_depth``. (The encoders write
    any nesting Python's stack allows; one beyond it is an ``EncodeError``.)

    Each limit is a positive ``int``; anything else is refused here, when the
    limits are made, rather than failing in the middle of a decode.
    """

    #: Largest accepted input, in bytes (for ``str`` input, its UTF-8 length).
    max_bytes: int = 64 * 1024 * 1024
    #: Deepest accepted element/object nesting, the root counting as depth 1.
    max_depth: int = 64
    #: Most items accepted in any one list.
    max_list_items: int = 100_000

    def __post_init__(self) -> None:
        for limit in fields(self):
            value = getattr(self, limit.name)
            # bool is an int to Python, but ``max_depth=True`` is a mistake.
            if type(value) is not int:
                raise TypeError(
                    f"Limits.{limit.name} must be a positive int, got {type(value).__name__} {value!r}"
                )
            if value < 1:
                raise ValueError(f"Limits.{limit.name} must be a positive int, got {value}")

    def check_size(self, size: int) -> None:
        """Refuse an input of ``size`` bytes if it is over ``max_bytes``."""
        if size > self.max_bytes:
            raise DecodeError(f"Input of {size} bytes exceeds the limit max_bytes={self.max_bytes}")

    def depth_error(self, *, path: str | None = None, line: int | None = None) -> DecodeError:
        """The error for nesting deeper than ``max_depth`` (at ``path``, if known)."""
        where = "" if path is None else f" at `{path}`"
        return DecodeError(f"Nesting{where} exceeds the limit max_depth={self.max_depth}", line=line)

    def items_error(self, count: int, path: str | None = None) -> DecodeError:
        """The error for a list (at ``path``, if known) of ``count`` items, too many."""
        where = "" if path is None else f" at `{path}`"
        return DecodeError(
            f"List{where} has {count} items, over the limit max_list_items={self.max_list_items}"
        )


DEFAULT_LIMITS = Limits()


def __dir__() -> list[str]:
    return sorted(__all__)
