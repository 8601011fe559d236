"""Checking that bytes are UTF-8 without building the text they hold.

JSON text is UTF-8 (RFC 8259). msgspec checks the strings it keeps, not the
members it skips, so a decoder must check the rest itself; decoding the whole
input would build a ``str`` as large as the input, or two or four times it for
characters beyond Latin-1, only to throw it away. Most JSON is ASCII almost
throughout: here ASCII stretches are passed over with ``bytes.isascii`` (a word
at a time) and only the others are decoded, by ``bytes.decode``.

Each stretch ends where a character starts, so it decodes on its own: UTF-8's
characters do not reach into each other, so the input is UTF-8 exactly when
every stretch is. A stretch that does not decode sends the check to the whole
input, whose decoding raises the error ``bytes.decode`` raises, with offsets
into the input (which the error message turns into a line and column), not
into the stretch.

The text of a decoded stretch is at hand, so the check also says whether it
holds U+FFFE or U+FFFF, the two characters outside XML's production that JSON
can carry unescaped: a search of the text costs a fraction of a search of the
bytes, which stumbles over every continuation byte.
"""

from __future__ import annotations

import itertools

from ._xml.chars import has_noncharacter_text

__all__ = ["check_utf8"]

_STRETCH = 1 << 16
# A character is at most four bytes: a lead and up to three continuation bytes.
_LONGEST_CHARACTER = 4


def check_utf8(data: bytes, stretch: int = _STRETCH) -> bool:
    """Raise :class:`UnicodeDecodeError` unless ``data`` is UTF-8; else return
    whether it encodes U+FFFE or U+FFFF.

    Accepts exactly what ``data.decode("utf-8")`` accepts, and raises the same
    error (the same offsets) for what it refuses.
    """
    if data.isascii():
        return False
    if len(data) <= stretch:
        return has_noncharacter_text(data.decode("utf-8"))
    found = False
    start, size = 0, len(data)
    try:
        while start < size:
            end = _character_start(data, start, start + stretch)
            part = data[start:end]
            if not part.isascii():
                found = has_noncharacter_text(part.decode("utf-8")) or found
            start = end
    except UnicodeDecodeError:
        # The same error, located in the input rather than in the stretch.
        return has_noncharacter_text(data.decode("utf-8"))
    return found


def _character_start(data: bytes, start: int, end: int) -> int:
    """``end``, or the offset nearest it where a character may start (not a
    continuation byte, 0x80 to 0xBF): before it, but after ``start``, else
    after it, at most a character's length either way."""
    size = len(data)
    if end >= size:
        return size
    before = range(end, max(start, end - _LONGEST_CHARACTER), -1)
    after = range(end + 1, min(size, end + _LONGEST_CHARACTER))
    for offset in itertools.chain(before, after):
        if not 0x80 <= data[offset] < 0xC0:
            return offset
    # Continuation bytes only: no character is this long, so the input is not
    # UTF-8, and wherever the cut falls, a stretch will fail to decode.
    return end
