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
    if len(data) > stretch:
        try:
            return _stretches_hold_noncharacter(data, stretch)
        except UnicodeDecodeError:
            pass  # raised again below, located in the input rather than in a stretch
    return has_noncharacter_text(data.decode("utf-8"))


def _stretches_hold_noncharacter(data: bytes, stretch: int) -> bool:
    """:func:`check_utf8` of ``data``, a stretch at a time, each decoded on its own."""
    found = False
    start, size = 0, len(data)
    while start < size:
        end = _character_start(data, start, start + stretch)
        part = data[start:end]
        if not part.isascii():
            found = has_noncharacter_text(part.decode("utf-8")) or found
        start = end
    return found


def _character_start(data: bytes, start: int, end: int) -> int:
    """``end``, or the nearest offset before it, but after ``start``, where a
    character may start (not a continuation byte, 0x80 to 0xBF)."""
    if end >= len(data):
        return len(data)
    for offset in range(end, max(start, end - _LONGEST_CHARACTER), -1):
        if not 0x80 <= data[offset] < 0xC0:
            return offset
    # None within a character's length: the input is not UTF-8, or the stretch
    # is shorter than a character. The cut falls inside one, the stretch does
    # not decode, and the whole input is decoded instead.
    return end
