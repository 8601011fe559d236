"""What XML 1.0 asks of a document beyond its tags, checked on its text directly.

The fast reader matches a *regular* document's tags with its patterns; for such a
document, what else can make it not well-formed is checked here: every character
is one XML allows (one ``bytes.translate`` over the input), no text holds ``]]>``,
every reference names a predefined entity or a character XML allows, and the XML
declaration follows its production (XML 1.0 sections 2.1-2.4, 2.8, 4.1, 4.6).
So the document is well-formed exactly when these hold and the patterns match,
and no parser has to read it again. The tests hold the fast and the general path
to the same outcome on mutated and generated documents, and so do the fuzz
targets, on every input.
"""

from __future__ import annotations

import re

from ..chars import CONTROL_BYTES, has_marked, has_noncharacter, is_char, marking_table
from .source import Miss

__all__ = [
    "TEXT_NODE_LIMIT",
    "TEXT_WINDOW",
    "characters_allowed",
    "may_have_huge_text",
    "may_have_space",
    "text_of",
    "unescape",
]

# The references a document without a DTD can hold (XML 1.0 section 4.1, 4.6);
# whether a character reference names a character XML allows is libxml2's to say.
_REFERENCE = re.compile(r"&(?:#([0-9]+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));")
_STRAY_AMPERSAND = re.compile(r"&(?!(?:#[0-9]+|#x[0-9a-fA-F]+|lt|gt|amp|quot|apos);)")
_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


def _replace(match: re.Match[str]) -> str:
    decimal, hexadecimal, name = match.groups()
    if name is not None:
        return _ENTITIES[name]
    code = int(decimal) if decimal is not None else int(hexadecimal, 16)
    if not is_char(code):  # "Legal Character" (XML 1.0 section 4.1)
        raise Miss
    return chr(code)


# The character references producers write most (line ends and tabs, which
# serialisers write as references so that a parser keeps them), replaced
# without a call per reference.
_COMMON_REFERENCES = tuple(
    (f"&#{form};", chr(code))
    for code in (13, 10, 9)
    for form in (str(code), f"x{code:X}", f"x{code:x}", f"x{code:02X}", f"x{code:02x}")
)
# amp last: the "&" it makes must not start another reference.
_NAMED = (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&"))


def unescape(column: list[str | None]) -> list[str | None]:
    """The texts of ``column`` with their references replaced, as a parser does.

    The whole column at once: its texts joined by NUL (which no text of a
    document this path reads can hold, raw or as a reference), the references
    replaced in a few passes of ``str.replace`` (one pass of a regular expression
    when other character references are left), then split again. Each
    replacement makes no ``&``, but the last, so none makes another reference.
    """
    texts = [text for text in column if text is not None]
    joined = "\0".join(texts)
    if "&" not in joined:
        return column
    if _STRAY_AMPERSAND.search(joined):
        raise Miss  # not well-formed: the general path reports it
    if "&#" in joined:
        for reference, char in _COMMON_REFERENCES:
            joined = joined.replace(reference, char)
    if "&#" in joined:
        # Other character references (one of them may make a "&"): one pass
        # from left to right, as a parser reads them.
        joined = _REFERENCE.sub(_replace, joined)
    else:
        for reference, char in _NAMED:
            joined = joined.replace(reference, char)
    replaced = iter(joined.split("\0"))
    if len(texts) == len(column):
        return list(replaced)
    return [None if text is None else next(replaced) for text in column]


# The XML declaration the fast path reads: the XMLDecl production (XML 1.0
# section 2.8, 4.3.3, 2.9) with version 1.0 and the encoding absent or UTF-8.
_DECLARATION = re.compile(
    r"""<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.0"|'1\.0')"""
    r"""(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"[uU][tT][fF]-8"|'[uU][tT][fF]-8'))?"""
    r"""(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?"""
    r"""[ \t\r\n]*\?>"""
)
# The bytes looked for at first: those of the control characters XML 1.0 does
# not allow, "]" (of "]]>", not allowed in text, section 2.4) and 0xEF (which
# starts U+FFFE and U+FFFF). The last two are rare: a document with either is
# searched for the sequences themselves.
_SUSPECT_TABLE = marking_table(CONTROL_BYTES | frozenset(b"]\xef"))
_CONTROL_TABLE = marking_table(CONTROL_BYTES)
#: libxml2 refuses a text node of over XML_MAX_HUGE_LENGTH bytes (XML_MAX_TEXT_LENGTH
#: without huge_tree), which is not a well-formedness rule: the general path's
#: error must be given for it. A run that long without a "<" contains a whole
#: window of two fifths of it, aligned on a multiple of the window, without one:
#: documents with such a window go to the general path.
TEXT_NODE_LIMIT = 1_000_000_000  # huge_tree=True, as in parser._parser
TEXT_WINDOW = TEXT_NODE_LIMIT * 2 // 5


def text_of(raw: bytes) -> str | None:
    """The document after its XML declaration, if it is one this path reads."""
    start = 0
    if raw.startswith(b"<?xml"):
        declaration = _DECLARATION.match(raw[:200].decode("ascii", "replace"))
        if declaration is None:
            return None
        start = declaration.end()
    elif not raw.startswith(b"<"):
        return None  # a byte order mark, UTF-16, leading whitespace: general path
    try:
        return raw[start:].decode("utf-8")
    except UnicodeDecodeError:
        return None


def characters_allowed(raw: bytes) -> bool:
    """Whether ``raw`` (UTF-8) has only characters XML 1.0 allows and no ``]]>``.

    Whether it has a reference to a character XML does not allow is for
    :func:`unescape` to say.
    """
    if not has_marked(raw, _SUSPECT_TABLE):
        return True
    return not (has_marked(raw, _CONTROL_TABLE) or b"]]>" in raw or has_noncharacter(raw))


def may_have_huge_text(raw: bytes) -> bool:
    """Whether ``raw`` may hold a text node longer than libxml2 takes."""
    window = TEXT_WINDOW
    if len(raw) <= window:
        return False
    return any(
        raw.find(b"<", start, start + window) < 0
        for start in range(0, len(raw) - window + 1, window)
    )


_SPACE_PAIRS = tuple(f"{a}{b}" for a in " \t\n" for b in "<>") + tuple(
    f"{b}{a}" for a in " \t\n" for b in "<>"
)
_INDENT_PROBE = 4096


def may_have_space(text: str) -> bool:
    """Whether the document looks indented: whitespace between its first tags.

    Only the start is looked at, so that a document that is irregular for
    another reason pays nothing more here (one that has whitespace only further
    on is left to the general path).
    """
    start = text[:_INDENT_PROBE]
    return any(pair in start for pair in _SPACE_PAIRS)
