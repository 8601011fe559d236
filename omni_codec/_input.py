"""The door every document comes in by: one normalisation per entry point.

``json.decode``, ``xml.decode`` and ``xml.validate`` (and the fast XML path, which
is handed what comes out of here) take bytes, a bytes-like object or ``str``. Each
input is checked once, here: its type (anything else is a
:class:`~omni_codec.DecodeError`), its size against ``Limits.max_bytes`` (SPEC
section 6; the error is made by :class:`~omni_codec.Limits`), and turned into the
one buffer type its parser reads. Later stages trust what they are given.
"""

from __future__ import annotations

import re

from ._charsets import text_encoding
from ._json_errors import UTF8_BOM
from .errors import DecodeError
from .limits import Limits

__all__ = ["json_input", "xml_input"]

# The start of an XML declaration in a ``str`` document (XML 1.0 section 2.8).
_STR_DECLARATION = re.compile(r"\A\ufeff?<\?xml[ \t\r\n]")
# Its encoding pseudo-attribute (EncodingDecl, XML 1.0 section 4.3.3): the name
# describes bytes that a ``str`` no longer has.
_ENCODING_DECL = re.compile(
    r"""(?<=[ \t\r\n])encoding[ \t\r\n]*=[ \t\r\n]*("|')([A-Za-z][A-Za-z0-9._\-]*)\1"""
)


def _bytes(data: object) -> bytes:
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data)
    if isinstance(data, bytes):
        return data
    raise DecodeError(f"Expected bytes or str input, got {type(data).__name__}")


def json_input(data: bytes | bytearray | memoryview | str, limits: Limits) -> bytes | str:
    """A JSON document as msgspec reads it: ``bytes`` or ``str``, within
    ``max_bytes``, without a leading byte order mark (accepted, as XML accepts it)."""
    if isinstance(data, str):
        # At most four bytes a character: measure only when it could matter.
        if len(data) * 4 > limits.max_bytes:
            limits.check_size(len(data.encode("utf-8", "surrogatepass")))
        return data[1:] if data.startswith("\ufeff") else data
    raw = data if type(data) is bytes else _bytes(data)
    limits.check_size(len(raw))
    return raw[3:] if raw.startswith(UTF8_BOM) else raw


def xml_input(data: bytes | bytearray | memoryview | str, limits: Limits) -> bytes:
    """An XML document as bytes, within ``max_bytes``; ``str`` input is encoded as
    UTF-8 and its declaration, if any, says so."""
    if type(data) is bytes:
        raw = data
    elif isinstance(data, str):
        if _STR_DECLARATION.match(data) is not None:
            data = _redeclare(data)
        try:
            raw = data.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise DecodeError(f"Input text is not valid Unicode: {exc.reason}") from None
    else:
        raw = _bytes(data)
    limits.check_size(len(raw))
    return raw


def _redeclare(data: str) -> str:
    """``data`` with the encoding its declaration names replaced by UTF-8, the
    encoding :func:`xml_input` gives it.

    Only a well-formed name (EncName) of a text encoding is replaced, in place; a
    well-formed name of none is refused, as libxml2 refuses it in bytes. The rest
    of the declaration, a malformed name included, reaches the parser as written
    and is refused exactly as the same declaration in bytes is (SPEC section 5: a
    ``str`` may carry a declaration, not a malformed one).
    """
    end = data.find("?>")
    if end < 0:
        return data  # no declaration's end: the parser says so
    encoding = _ENCODING_DECL.search(data, 0, end)
    if encoding is None:
        return data
    name = encoding.group(2)
    if text_encoding(name) is None:  # as libxml2 refuses the same name in bytes
        raise DecodeError(f"Malformed XML: Unsupported encoding: {name[:40]}", line=1)
    quote = encoding.group(1)
    return data[: encoding.start(2)] + "UTF-8" + quote + data[encoding.end():]
