"""XML 1.0's ``Char`` production (section 2.2), in the forms its checks need.

The general writer searches text for a character outside it, the fast reader
checks the code point of a character reference against it, and both fast paths
look through UTF-8 bytes with ``bytes.translate`` for the characters it leaves
out; the JSON codec looks through JSON text for the only forms in which JSON can
hold such a character. All of them are derived here from the production's ranges.
"""

from __future__ import annotations

import re

__all__ = [
    "CONTROL_BYTES",
    "NOT_XML_CHAR",
    "has_marked",
    "has_noncharacter",
    "has_noncharacter_text",
    "is_char",
    "json_has_escape",
    "json_may_hold_non_char",
    "unmarked_bytes",
]

# Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
_RANGES = ((0x9, 0xA), (0xD, 0xD), (0x20, 0xD7FF), (0xE000, 0xFFFD), (0x10000, 0x10FFFF))

#: A character outside the production, lone surrogates included.
NOT_XML_CHAR = re.compile(
    "[^" + "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in _RANGES) + "]"
)


def is_char(code: int) -> bool:
    """Whether the code point ``code`` is in the production."""
    return any(low <= code <= high for low, high in _RANGES)


#: The bytes below 0x80 that are not characters of the production. No byte of a
#: multi-byte UTF-8 character is below 0x80, so each of these is a character.
CONTROL_BYTES = frozenset(byte for byte in range(0x80) if not is_char(byte))
# U+FFFE and U+FFFF, the characters above U+007F outside the production that
# UTF-8 can encode (a lone surrogate cannot be encoded at all). The engine's
# literal-prefix search finds them about twice as fast as ``bytes`` searches
# for their two-byte common start, which stumble over every continuation byte.
_NONCHARACTER = re.compile(b"\xef\xbf[\xbe\xbf]")


def has_noncharacter_text(text: str) -> bool:
    """Whether ``text`` holds U+FFFE or U+FFFF."""
    return "\ufffe" in text or "\uffff" in text


def unmarked_bytes(marked: frozenset[int]) -> bytes:
    """The bytes other than ``marked``, which :func:`has_marked` deletes."""
    return bytes(byte for byte in range(256) if byte not in marked)


def has_marked(raw: bytes, unmarked: bytes) -> bool:
    """Whether ``raw`` has a byte other than ``unmarked``: what is left when
    ``bytes.translate`` deletes the others, a table lookup per byte, several
    times faster than a regular expression over the text (and faster than
    translating every byte, as it writes nearly nothing)."""
    return bool(raw.translate(None, unmarked))


# The lead bytes of U+FFFE and U+FFFF, or a JSON text's backslashes, are looked
# at one by one (some 180 ns each) up to this many, and on while there is no more
# than one for every this many bytes of the text passed; the rest of a text with
# more is searched by the regular expression (about 0.3 ns a byte). Either way the
# cost is at most about twice the lower, and a text dense with them from its
# start (line ends escaped in every string) is searched after the first few.
_LEADS_LOOKED_AT = 64
_BYTES_A_LEAD = 1024


def _has_pair(raw: bytes, lead: int, follows: tuple[bytes, ...], pattern: re.Pattern[bytes]) -> bool:
    """Whether ``raw`` has the byte ``lead`` followed by one of ``follows`` (all
    of one length), which ``pattern`` searches for: a memchr for ``lead`` first,
    which most texts have none or a few of."""
    width = len(follows[0])
    looked = 0
    position = raw.find(lead)
    while position >= 0:
        if raw[position + 1:position + 1 + width] in follows:
            return True
        looked += 1
        if looked >= _LEADS_LOOKED_AT and looked * _BYTES_A_LEAD > position:
            return pattern.search(raw, position + 1) is not None
        position = raw.find(lead, position + 1)
    return False


def has_noncharacter(raw: bytes) -> bool:
    """Whether the UTF-8 ``raw`` encodes U+FFFE or U+FFFF."""
    return _has_pair(raw, 0xEF, (b"\xbf\xbe", b"\xbf\xbf"), _NONCHARACTER)


# In JSON text, a character outside the production can only be an escape:
# ``\uXXXX`` (the control characters, U+FFFE, U+FFFF, surrogates), ``\b`` (U+0008)
# or ``\f`` (U+000C), as a raw control character is malformed JSON; or, above
# U+007F, U+FFFE or U+FFFF themselves. A memchr for a backslash or for 0xEF (an
# ``int`` in ``bytes``: no buffer to acquire), each one found looked at, then,
# when there are many, a regular expression: a fraction of the decode, on any
# document.
_JSON_ESCAPE = re.compile(rb"\\[ubf]")
_JSON_ESCAPE_TEXT = re.compile(r"\\[ubf]")


def json_may_hold_non_char(raw: bytes | str) -> bool:
    """Whether the JSON text ``raw`` may hold a character outside the production
    (``False`` is certain; ``True`` means the decoded value must be looked at)."""
    if json_has_escape(raw):
        return True
    if isinstance(raw, str):
        return has_noncharacter_text(raw)
    return has_noncharacter(raw)


def json_has_escape(raw: bytes | str) -> bool:
    """Whether the JSON text ``raw`` has an escape that may stand for a character
    outside the production: the half of :func:`json_may_hold_non_char` left to
    do when U+FFFE and U+FFFF have been looked for while checking the UTF-8."""
    if isinstance(raw, str):
        return "\\" in raw and _JSON_ESCAPE_TEXT.search(raw) is not None
    return _has_pair(raw, 0x5C, (b"u", b"b", b"f"), _JSON_ESCAPE)  # a backslash
