"""The XML form (``application/xml``): lxml parsing, derived from the models.

The same surface as :mod:`omni_codec.json` (``encode``, ``decode``, ``Encoder``,
``Decoder``) plus :func:`validate`, the check against the XSD in ``schemas/``.
Element names, child order, list item names and root names all come from the
models (SPEC section 5); nothing here is written per type.

``strict`` means "reject unknown elements and attributes", as it means "reject
unknown members" in :mod:`omni_codec.json`; it is not msgspec's ``strict`` (no
lax type conversion), which omni_codec never does anyway.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from ._binding import published_document_of
from ._decoders import DecoderCache
from ._input import xml_input
from ._validation import validate
from ._xml import parser, reader, writer
from ._xml.fast import misses
from ._xml.fast import reader as fast_reader
from ._xml.fast import writer as fast_writer
from .errors import CodecError, EncodeError
from .limits import DEFAULT_LIMITS, Limits

__all__ = ["Decoder", "Encoder", "decode", "encode", "validate"]

T = TypeVar("T")


class Encoder:
    """A reusable XML encoder.

    ``pretty`` indents for people; ``declaration`` starts the document with
    ``<?xml version="1.0" encoding="UTF-8"?>``. Output is always UTF-8 bytes.
    """

    __slots__ = ("declaration", "pretty")

    def __init__(self, *, pretty: bool = False, declaration: bool = False) -> None:
        self.pretty = pretty
        self.declaration = declaration

    def __repr__(self) -> str:
        return f"omni_codec.xml.Encoder(pretty={self.pretty}, declaration={self.declaration})"

    def encode(self, obj: Any, /) -> bytes:
        """``obj`` (a model instance) as an XML document, UTF-8 bytes.

        Raises :class:`~omni_codec.EncodeError`, naming the field, for a value the
        XSD would reject or XML 1.0 cannot carry (e.g. U+0000 in a string, an
        integer out of range, a naive datetime).
        """
        # The generated fast path writes the common value; anything it does not
        # take (or an error) goes to the general writer, which has the paths.
        data = fast_writer.write(obj, pretty=self.pretty, declaration=self.declaration)
        if data is not None:
            return data
        misses["write"] += 1
        try:
            return writer.write(obj, pretty=self.pretty, declaration=self.declaration)
        except CodecError:
            raise
        except (TypeError, ValueError, RecursionError) as exc:
            raise EncodeError(f"Cannot encode as XML: {exc}") from None


class Decoder(Generic[T]):
    """A reusable XML decoder for one type.

    ``type`` is the model class to decode into; ``strict=True`` rejects elements
    and attributes the type does not know, with their path; ``limits`` bounds what
    one document may cost (SPEC section 6).
    """

    __slots__ = ("limits", "strict", "type")

    def __init__(
        self, type: type[T], *, strict: bool = False, limits: Limits = DEFAULT_LIMITS
    ) -> None:
        # A TypeError for a non-OMNI type, or a model that is no document, or
        # whose second dialect's root is declared wrong (SPEC section 5).
        published_document_of(type)  # type: ignore[arg-type]
        if not isinstance(limits, Limits):
            raise TypeError(f"limits must be a Limits, got {limits!r}")
        self.type = type
        self.strict = strict
        self.limits = limits

    def __repr__(self) -> str:
        return f"omni_codec.xml.Decoder({self.type.__name__}, strict={self.strict}, limits={self.limits!r})"

    def decode(self, data: bytes | bytearray | memoryview | str, /) -> T:
        """The value of ``type`` that the XML document ``data`` holds.

        ``data`` is bytes in any encoding its declaration names (UTF-8 by default,
        a byte order mark allowed) or ``str``. Returns an instance of ``type``.
        Raises :class:`~omni_codec.DecodeError` (with ``line``) for a document that
        is not well-formed, has a DOCTYPE or exceeds a limit, and
        :class:`~omni_codec.ValidationError` (with ``path`` and ``line``) for the
        wrong root, shape, type or value.
        """
        raw = xml_input(data, self.limits)  # once, for both paths
        try:
            # The generated fast path reads the regular document; anything else
            # (and every error) goes to the general path, for its path and line.
            value = fast_reader.read(raw, self.type, self.limits, strict=self.strict)
            if value is not None:
                return value  # type: ignore[no-any-return]
            misses["read"] += 1
            root = parser.parse(raw, self.limits)
            return reader.read(root, self.type, strict=self.strict, limits=self.limits)
        except CodecError:
            raise
        except RecursionError:
            raise self.limits.depth_error() from None


_decoders: DecoderCache[Decoder[Any]] = DecoderCache(Decoder)
_encoders = {(p, d): Encoder(pretty=p, declaration=d) for p in (False, True) for d in (False, True)}


def encode(obj: Any, /, *, pretty: bool = False, declaration: bool = False) -> bytes:
    """``obj`` (a model instance) as UTF-8 XML bytes.

    ``pretty`` indents; ``declaration`` starts with an XML declaration. Raises
    :class:`~omni_codec.EncodeError` for a value that cannot be written; see
    :class:`Encoder`.
    """
    return _encoders[bool(pretty), bool(declaration)].encode(obj)


def decode(
    data: bytes | bytearray | memoryview | str,
    /,
    *,
    type: type[T],
    strict: bool = False,
    limits: Limits | None = None,
) -> T:
    """Decode the XML document ``data`` (bytes or ``str``) as ``type``.

    ``strict=True`` rejects unknown elements and attributes; ``limits`` defaults
    to :data:`~omni_codec.DEFAULT_LIMITS`. Returns an instance of ``type``. Raises
    :class:`~omni_codec.DecodeError` (with ``line``) for a document that is not
    well-formed, has a DOCTYPE or exceeds a limit, and
    :class:`~omni_codec.ValidationError` (with ``path`` and ``line``) for the wrong
    root, shape, type or value. For repeated calls, a :class:`Decoder` keeps the
    set-up.
    """
    return _decoders.get(type, strict, limits).decode(data)  # type: ignore[no-any-return]


def __dir__() -> list[str]:
    return sorted(__all__)
