"""Checking that bytes are UTF-8 without building the text they hold.

JSON text is UTF-8 (RFC 8259). msgspec checks the strings it keeps, not the
members it skips, so a decoder must check the rest itself; decoding the whole
input would build a ``str`` as large as the input only to throw it away. Most
JSON is ASCII almost throughout: here ASCII stretches are passed over with
``bytes.isascii`` (a word at a time) and only the others are decoded, by
Python's own incremental UTF-8 decoder, which carries a character that a
stretch boundary cuts into the next stretch.

The text of a decoded stretch is at hand, so the check also says whether it
holds U+FFFE or U+FFFF, the two characters outside XML's production that JSON
can carry unescaped: a search of the text costs a fraction of a search of the
bytes, which stumbles over every continuation byte.
"""

from __future__ import annotations

import codecs

from ._xml.chars import has_noncharacter_text

__all__ = ["check_utf8"]

_STRETCH = 1 << 16
_Utf8Decoder = codecs.getincrementaldecoder("utf-8")


def check_utf8(data: bytes, stretch: int = _STRETCH) -> bool:
    """Raise :class:`UnicodeDecodeError` unless ``data`` is UTF-8; else return
    whether it encodes U+FFFE or U+FFFF.

    Accepts exactly what ``data.decode("utf-8")`` accepts.
    """
    if data.isascii():
        return False
    if len(data) <= stretch:
        return has_noncharacter_text(data.decode("utf-8"))
    decoder = _Utf8Decoder("strict")
    found = False
    pending = False  # the decoder holds the start of a character
    for start in range(0, len(data), stretch):
        part = data[start:start + stretch]
        # ASCII decodes to itself and leaves nothing pending: passing over it
        # is decoding it, unless a character began before it.
        if pending or not part.isascii():
            found = has_noncharacter_text(decoder.decode(part)) or found
            pending = bool(decoder.getstate()[0])
    decoder.decode(b"", True)
    return found
