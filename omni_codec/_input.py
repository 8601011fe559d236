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

from ._json_errors import UTF8_BOM
from .errors import DecodeError
from .limits import Limits

__all__ = ["json_input", "xml_input"]

# An XML declaration at the start of a ``str`` document. Its encoding pseudo-attribute
# describes bytes this text no longer has, so it is replaced (SPEC section 5).
_STR_DECLARATION = re.compile(r"\A\ufeff?<\?xml\s[^>]*?\?>")


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
        declaration = _STR_DECLARATION.match(data)
        if declaration is not None:
            newlines = declaration.group().count("\n")
            data = '<?xml version="1.0" encoding="UTF-8"?>' + "\n" * newlines + data[declaration.end():]
        try:
            raw = data.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise DecodeError(f"Input text is not valid Unicode: {exc.reason}") from None
    else:
        raw = _bytes(data)
    limits.check_size(len(raw))
    return raw
