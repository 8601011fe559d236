"""Content negotiation: pick the format from HTTP headers (RFC 9110 section 12).

For servers: :func:`decode_body` reads a request body by its ``Content-Type`` and
:func:`encode_body` answers in the best format the ``Accept`` header allows. For
clients, the same two calls in the other direction. Media types the codec does not
speak are :class:`~omni_codec.UnsupportedMediaType` (415) and
:class:`~omni_codec.NotAcceptable` (406), both ``CodecError`` subclasses with a
``status`` a server can answer with.

JSON is ``application/json`` and any ``+json`` type; XML is ``application/xml``,
``text/xml`` and any ``+xml`` type (RFC 7303). A ``charset`` parameter on an XML
body overrides the document's own declaration, as RFC 7303 section 3 says; JSON is
UTF-8 (RFC 8259), other charsets are transcoded first.
"""

from __future__ import annotations

from typing import Any, TypeVar

from . import json as omni_json
from . import xml as omni_xml
from ._charsets import text_encoding
from ._scalars import describe
from .errors import DecodeError, NotAcceptable, UnsupportedMediaType
from .limits import Limits

__all__ = ["JSON", "XML", "decode_body", "encode_body", "format_for", "negotiate"]

T = TypeVar("T")

JSON = "application/json"
XML = "application/xml"
TEXT_XML = "text/xml"

#: What :func:`encode_body` can answer, in the order preferred when Accept ties.
_OFFERS = (JSON, XML, TEXT_XML)


def _parse_media_type(value: str) -> tuple[str, dict[str, str]]:
    kind, _, rest = value.partition(";")
    params = {}
    for param in rest.split(";"):
        name, sep, val = param.partition("=")
        if sep:
            params[name.strip().lower()] = val.strip().strip('"')
    return kind.strip().lower(), params


def format_for(content_type: str | None) -> str:
    """``"json"`` or ``"xml"`` for a Content-Type header value.

    Raises :class:`~omni_codec.UnsupportedMediaType` (415) for a missing header or
    a media type that is neither JSON nor XML.
    """
    if not content_type:
        raise UnsupportedMediaType("A body needs a Content-Type (JSON or XML)")
    kind, _ = _parse_media_type(content_type)
    if kind == JSON or kind.endswith("+json"):
        return "json"
    if kind in (XML, TEXT_XML) or kind.endswith("+xml"):
        return "xml"
    raise UnsupportedMediaType(f"Unsupported media type {kind!r}; expected JSON or XML")


def decode_body(
    body: bytes | str,
    content_type: str | None,
    *,
    type: type[T],
    strict: bool = False,
    limits: Limits | None = None,
) -> T:
    """Decode a request or response body according to its Content-Type.

    ``body`` is the raw body; ``content_type`` the header value (its ``charset``
    honoured); ``type``, ``strict`` and ``limits`` as for ``decode``. Returns an
    instance of ``type``. Raises :class:`~omni_codec.UnsupportedMediaType` (415)
    for a media type or charset the codec cannot read, and the format's
    :class:`~omni_codec.DecodeError` / :class:`~omni_codec.ValidationError`.
    """
    fmt = format_for(content_type)
    _, params = _parse_media_type(content_type or "")
    charset = params.get("charset")
    data: bytes | str = body
    if charset and isinstance(body, (bytes, bytearray)):
        # A name Python does not know, or a codec that is not a text encoding
        # (``base64``, ``zlib``): the body's media type is not one we can read.
        name = text_encoding(charset)
        if name is None:
            raise UnsupportedMediaType(f"Unsupported charset {describe(charset)}")
        if name != "utf-8" or fmt == "xml":
            try:
                data = bytes(body).decode(name)
            except UnicodeError as exc:  # UnicodeDecodeError, or a codec's own ("idna")
                reason = getattr(exc, "reason", str(exc))
                raise DecodeError(f"Body is not valid {describe(charset)}: {reason}") from None
    module: Any = omni_json if fmt == "json" else omni_xml
    return module.decode(data, type=type, strict=strict, limits=limits)  # type: ignore[no-any-return]


def negotiate(accept: str | None) -> str:
    """The media type to answer with for an Accept header value.

    Returns ``application/json``, ``application/xml`` or ``text/xml``: the offer
    with the highest q-value (JSON when the header is absent or ties). Raises
    :class:`~omni_codec.NotAcceptable` (406) when none is acceptable.
    """
    if accept is None or not accept.strip():
        return JSON
    ranges = []
    for item in accept.split(","):
        if not item.strip():
            continue
        kind, params = _parse_media_type(item)
        try:
            quality = float(params.get("q", "1"))
        except ValueError:
            quality = 0.0
        ranges.append((kind, quality))
    best, best_q = None, 0.0
    for offer in _OFFERS:
        quality = _quality(offer, ranges)
        if quality > best_q:
            best, best_q = offer, quality
    if best is None:
        raise NotAcceptable(f"None of {', '.join(_OFFERS)} is acceptable to {accept!r}")
    return best


def _quality(offer: str, ranges: list[tuple[str, float]]) -> float:
    """The q of the most specific range matching ``offer`` (RFC 9110 section 12.5.1)."""
    top, _, sub = offer.partition("/")
    found, specificity = 0.0, -1
    for kind, quality in ranges:
        range_top, _, range_sub = kind.partition("/")
        if kind == offer:
            level = 2
        elif range_top == top and range_sub == "*":
            level = 1
        elif kind == "*/*":
            level = 0
        else:
            continue
        if level > specificity:
            found, specificity = quality, level
    return found


def encode_body(obj: Any, accept: str | None = None, *, pretty: bool = False) -> tuple[bytes, str]:
    """``obj`` in the best format for ``accept``: the body and its Content-Type.

    ``accept`` is an Accept header value (None: JSON); ``pretty`` indents XML.
    Returns ``(body, content_type)``. Raises :class:`~omni_codec.NotAcceptable`
    (406) as :func:`negotiate` does, and :class:`~omni_codec.EncodeError` for a
    value that cannot be written.
    """
    media_type = negotiate(accept)
    if media_type == JSON:
        return omni_json.encode(obj), JSON
    return omni_xml.encode(obj, pretty=pretty), f"{media_type}; charset=utf-8"


def __dir__() -> list[str]:
    return sorted(__all__)
