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

import codecs
import enum
import operator
import re
import sys
from functools import partial
from itertools import repeat
from typing import Any, AnyStr, NamedTuple, cast

from ..._remembered import Remembered
from ..chars import CONTROL_BYTES, has_noncharacter, is_char, unmarked_bytes
from .source import Miss

__all__ = [
    "COMMENT_OR_PI",
    "HOLD",
    "SECTION_CONTENT",
    "TEXT_BESIDE_SECTIONS",
    "TEXT_NODE_LIMIT",
    "TEXT_WINDOW",
    "Characters",
    "characters_allowed",
    "has_nil",
    "may_have_huge_text",
    "may_have_space",
    "text_of",
    "utf16_as_utf8",
    "unescape",
    "utf8_start",
    "with_sections",
    "without_markup",
    "root_declarations_taken",
]

# The references a document without a DTD can hold (XML 1.0 section 4.1, 4.6),
# one captured group a reference, so that splitting a text on it gives its
# references at the odd places; whether a character reference names a
# character XML allows is libxml2's to say.
_REFERENCE = re.compile(r"(&(?:#[0-9]+|#x[0-9a-fA-F]+|lt|gt|amp|quot|apos);)")
_STRAY_AMPERSAND = re.compile(r"&(?!(?:#[0-9]+|#x[0-9a-fA-F]+|lt|gt|amp|quot|apos);)")
_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
# No code point XML allows has more significant digits than this (U+10FFFF is
# 1114111), in either base.
_MOST_CODE_DIGITS = 7


def _character_of(reference: str) -> str:
    """The character ``reference`` (``&#65;``, ``&#x41;``, ``&lt;``...) stands for;
    a miss for a code point outside XML's characters (libxml2 reports it).

    The leading zeros a parser allows are left out before ``int`` reads the
    digits: ``int`` refuses a decimal text of thousands of digits.
    """
    body = reference[1:-1]
    if body[0] != "#":
        return _ENTITIES[body]
    digits, base = (body[2:], 16) if body[1] == "x" else (body[1:], 10)
    digits = digits.lstrip("0")
    if len(digits) > _MOST_CODE_DIGITS:
        raise Miss
    code = int(digits or "0", base)
    if not is_char(code):  # "Legal Character" (XML 1.0 section 4.1)
        raise Miss
    return chr(code)


# The character of each reference met so far: a text of many references, such
# as a document in ISO-8859-1 writes for every character beyond it, is replaced
# by lookups instead of a call per reference.
_CHARACTERS = Remembered(_character_of)


# The character references producers write most (line ends and tabs, which
# serialisers write as references so that a parser keeps them), replaced
# without a call per reference.
_COMMON_REFERENCES = tuple(
    (f"&#{form};", chr(code))
    for form, code in (("13", 13), ("xD", 13), ("10", 10), ("xA", 10), ("9", 9), ("x9", 9))
)
# The predefined entities but amp, whose "&" is made last: it must not start
# another reference.
_NAMED = (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"))


def unescape(column: list[str | None]) -> list[str | None]:
    """The texts of ``column`` with their references replaced, as a parser does;
    an ``&`` that starts no reference is not well-formed: a miss (the general
    path reports it).

    Only the texts that hold an ``&`` are read, and they are read together
    (:func:`_unescape_all`): in a column of realistic texts most hold none, and
    one text beyond Latin-1 makes the joined column four bytes a character.
    """
    # (Whether any holds one is found in C: ``filter(None)`` takes no call a text.)
    if "&" not in "\0".join(filter(None, column)):
        return column
    where = [i for i, text in enumerate(column) if text and "&" in text]
    if len(where) == len(column):
        return cast("list[str | None]", _unescape_all(cast("list[str]", column)))
    replaced = list(column)
    for i, text in zip(where, _unescape_all(cast("list[str]", [column[i] for i in where]))):
        replaced[i] = text
    return replaced


def with_sections(
    sections: list[str | None], texts: list[str | None], references: bool
) -> list[str | None]:
    """The column of a leaf that may be a CDATA section, from the two columns of
    the readers that take one: ``sections`` holds an item's section content,
    taken as it stands (a section holds no reference), ``texts`` its text when
    it is no section, its references replaced here when ``references``; both
    are ``None`` where the item lacks the element.

    A producer that writes CDATA sections writes one around every text of a
    field, or around none: one column is then ``None`` throughout (counted in
    C), and the other is the leaf's column as it stands.
    """
    missing = sections.count(None)
    if not missing:
        return sections
    if references:
        texts = unescape(texts)
    if missing == len(sections):
        return texts
    return [text if section is None else section for section, text in zip(sections, texts)]


def _unescape_all(texts: list[str]) -> list[str]:
    """``texts`` with their references replaced, at once: joined by NUL (which
    no text of a document this path reads can hold, raw or as a reference), the
    references replaced in a few passes of ``str.replace`` (one pass of a
    regular expression when other character references are left), then split
    again. Each replacement makes no ``&``, but the last, so none makes another
    reference; and each makes a character no reference holds, so none changes
    whether another ``&`` starts a reference."""
    joined = "\0".join(texts)
    for reference, char in _COMMON_REFERENCES:
        if "&#" not in joined:
            break
        joined = joined.replace(reference, char)
    if "&" not in joined:  # (line ends and tabs alone: the usual case)
        return joined.split("\0")
    if "&#" in joined:
        # Other character references (one of them may make a "&"): each
        # reference replaced once, from left to right, as a parser reads them.
        if _STRAY_AMPERSAND.search(joined):
            raise Miss
        pieces = _REFERENCE.split(joined)
        pieces[1::2] = map(_CHARACTERS.__getitem__, pieces[1::2])
        joined = "".join(pieces)
    else:
        for reference, char in _NAMED:
            joined = joined.replace(reference, char)
        # Every "&" left starts "&amp;", or none: two counts, in C, rather
        # than a look at each "&" by a regular expression.
        if joined.count("&") != joined.count("&amp;"):
            raise Miss
        joined = joined.replace("&amp;", "&")
    return joined.split("\0")


# The XML declaration the fast path reads: the XMLDecl production (XML 1.0
# section 2.8, 4.3.3, 2.9) with version 1.0 and the encoding absent or one of
# _ENCODINGS (the group "encoding").
_DECLARATION = re.compile(
    r"""<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.0"|'1\.0')"""
    r"""(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"(?P<encoding>[A-Za-z0-9-]+)"|'(?P<encoding2>[A-Za-z0-9-]+)'))?"""
    r"""(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?"""
    r"""[ \t\r\n]*\?>"""
)
# The encodings a document in bytes may declare here, by the name Python decodes
# it with: UTF-8, and ISO-8859-1, which Java and .NET producers declare and which
# maps each byte to the code point of its value, as libxml2 reads it. Any other
# name goes to the general path, which reads it with libxml2 or refuses it.
_ENCODINGS = {"utf-8": "utf-8", "iso-8859-1": "latin-1"}
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# The bytes looked for: the control characters XML 1.0 does not allow, "]" (of
# "]]>", not allowed in text, section 2.4) and 0xEF (which starts U+FFFE and
# U+FFFF). One ``bytes.translate`` deletes every other byte (a lookup per byte);
# what is left is looked at. The last two are rare: a document with either is
# searched for the sequences themselves.
_RARE = b"]\xef"
_ORDINARY = unmarked_bytes(CONTROL_BYTES | frozenset(_RARE))
#: libxml2 refuses a text node of over XML_MAX_HUGE_LENGTH bytes (XML_MAX_TEXT_LENGTH
#: without huge_tree), which is not a well-formedness rule: the general path's
#: error must be given for it. A run that long without a "<" contains a whole
#: window of two fifths of it, aligned on a multiple of the window, without one:
#: documents with such a window go to the general path.
TEXT_NODE_LIMIT = 1_000_000_000  # huge_tree=True, as in parser._parser
TEXT_WINDOW = TEXT_NODE_LIMIT * 2 // 5


def text_of(raw: bytes) -> tuple[str, bytes] | None:
    """The document after its XML declaration, if it is one this path reads, and
    the bytes its characters are checked on (:func:`characters_allowed`).

    A document in UTF-8 is read as it is; one in ISO-8859-1 (declared so) is
    decoded once, each byte its own character, and checked on its bytes, whose
    control characters are those of the text. A document in UTF-16 is read as
    its UTF-8 (:func:`utf16_as_utf8`), and is not one this takes.
    """
    body = _body_of(raw)
    if body is None:
        return None
    start, encoding = body
    try:
        return raw[start:].decode(encoding), raw
    except UnicodeDecodeError:
        return None


def utf16_as_utf8(raw: bytes) -> bytes | None:
    """A document that starts with a UTF-16 byte order mark (``UTF16_BOMS``)
    and has a declaration that says UTF-16, in UTF-8, which reads as the document does (libxml2 reads UTF-16
    into UTF-8 too); ``None``: one this path does not read.

    Its declaration is replaced by one that names no encoding, with the same
    version (the only one read) and without ``standalone`` (which says nothing
    without a DTD, and a DTD is never read here). The document is decoded and
    encoded a slice at a time (:data:`_TRANSCODED_TOGETHER`), by one
    incremental decoder, which joins a surrogate pair cut between two slices,
    and then read, slices and all, as a document in UTF-8 is. Decoding it whole
    holds all its text at once, at four bytes a character if one is beyond
    U+FFFF, and costs more than twice as much.
    """
    # (The byte order mark says which UTF-16; a lone surrogate fails.)
    decode = codecs.getincrementaldecoder("utf-16")().decode
    data = memoryview(raw)
    step = _TRANSCODED_TOGETHER
    # (The first slice holds the declaration, which is matched in its first
    # 200 characters.)
    head = max(step, 512)
    try:
        first = decode(data[:head], final=len(raw) <= head)
        declaration = _DECLARATION.match(first, 0, 200)
        if declaration is None:
            return None
        name = declaration.group("encoding") or declaration.group("encoding2")
        if name is None or name.lower() != "utf-16":
            return None
        # (The declaration is ASCII: it ends at the same offset in the UTF-8.)
        pieces = [_PLAIN_DECLARATION, first[declaration.end():].encode("utf-8")]
        pieces += [
            decode(data[start:start + step], final=start + step >= len(raw)).encode("utf-8")
            for start in range(head, len(raw), step)
        ]
    except UnicodeError:  # (a decode error, or no byte order mark)
        return None
    return b"".join(pieces)


_PLAIN_DECLARATION = b'<?xml version="1.0"?>'
# The bytes of UTF-16 decoded together (see utf16_as_utf8): a few hundred
# items, a slice whose text stays in the processor's caches.
_TRANSCODED_TOGETHER = 1 << 18


def utf8_start(raw: bytes) -> int | None:
    """Where the document after its XML declaration starts, when it is one in
    UTF-8 that :func:`text_of` reads (``None`` for any other): for a reader that
    decodes the bytes a piece at a time."""
    body = _body_of(raw)
    return body[0] if body is not None and body[1] == "utf-8" else None


def _body_of(raw: bytes) -> tuple[int, str] | None:
    """Where a document not in UTF-16 starts after its XML declaration, and the
    name Python decodes it by; ``None``: a declaration or start this path does
    not read."""
    start, encoding = 0, "utf-8"
    if raw.startswith(b"<?xml"):
        declaration = _DECLARATION.match(raw[:200].decode("ascii", "replace"))
        if declaration is None:
            return None
        start = declaration.end()
        name = declaration.group("encoding") or declaration.group("encoding2")
        if name is not None:
            found = _ENCODINGS.get(name.lower())
            if found is None:
                return None
            encoding = found
    elif not raw.startswith(b"<"):
        return None  # another byte order mark, leading whitespace: general path
    return start, encoding


class Characters(enum.Enum):
    """What :func:`characters_allowed` finds."""

    REFUSED = 0
    ALLOWED = 1
    #: Allowed, but ``]]>`` occurs, which only the end of a CDATA section may be:
    #: the caller checks that none is left once CDATA sections are text.
    TERMINATOR = 2


def characters_allowed(raw: bytes) -> Characters:
    """Whether ``raw`` (UTF-8, or ISO-8859-1) has only characters XML 1.0 allows
    and no ``]]>`` outside CDATA sections.

    Whether it has a reference to a character XML does not allow is for
    :func:`unescape` to say.
    """
    found = raw.translate(None, _ORDINARY)
    if not found:
        return Characters.ALLOWED
    if found.translate(None, _RARE):  # a control character
        return Characters.REFUSED
    if 0xEF in found and has_noncharacter(raw):
        return Characters.REFUSED
    if 0x5D in found and b"]]>" in raw:  # "]"
        return Characters.TERMINATOR if b"<![CDATA[" in raw else Characters.REFUSED
    return Characters.ALLOWED


#: Repetitions are possessive where Python has them (3.11 and later): what follows
#: a repetition never starts with what it matches, so giving nothing back changes
#: no match and spares the backtracking. Python 3.10 reads them as greedy.
HOLD = "+" if sys.version_info >= (3, 11) else ""


def _without(end: str) -> str:
    """A pattern for any text in which ``end`` (two or three characters) does not
    start: runs of characters other than its first, each such character taken
    alone when what follows is not the rest of ``end``. A run is read in one
    step of the engine, not a character at a time."""
    first, rest = re.escape(end[0]), re.escape(end[1:])
    return f"[^{first}]*{HOLD}(?:{first}(?!{rest})[^{first}]*{HOLD})*{HOLD}"


# Comments, processing instructions and CDATA sections, as XML 1.0 sections 2.5,
# 2.6 and 2.7 write them ("\r" is normalised away first): a comment holds no
# "--"; a PI's target is an ASCII name that does not start with "xml" in any
# case (reserved) and holds no colon (XML Namespaces section 7); a CDATA
# section's content (the only group) ends at the first "]]>". Anything these do
# not match stays in the text, where no pattern of the fast reader matches it:
# the general path reads it. Every delimiter is ASCII, so the same pattern reads
# a document's UTF-8 bytes, where no byte of a longer character is ASCII.
_COMMENT = f"!--{_without('--')}-->"  # (after its "<")
_PROCESSING_INSTRUCTION = f"\\?(?![Xx][Mm][Ll])[A-Za-z_][A-Za-z0-9._-]*(?:[ \t\n]{_without('?>')})?\\?>"
#: A comment or a processing instruction (its "<" matched once, not per
#: alternative: a tag's "<" then fails at the next character).
COMMENT_OR_PI = f"<(?:{_COMMENT}|{_PROCESSING_INSTRUCTION})"
#: The content of a CDATA section: any text up to the first "]]>".
SECTION_CONTENT = _without("]]>")
_MARKUP_PATTERN = f"<{_COMMENT}|<{_PROCESSING_INSTRUCTION}|<!\\[CDATA\\[({SECTION_CONTENT})\\]\\]>"
#: The text of a leaf beside CDATA sections: up to the next tag, with no "]]>"
#: (which only a section's end may be, XML 1.0 section 2.4).
TEXT_BESIDE_SECTIONS = f"[^<\\]]*{HOLD}(?:\\](?!\\]>)[^<\\]]*{HOLD})*{HOLD}"


class _Markup(NamedTuple):
    """What :func:`without_markup` looks for and writes, in ``str`` or in ``bytes``."""

    pattern: re.Pattern[Any]
    all_space: re.Pattern[Any]  # a CDATA section of whitespace alone, among sections joined by NUL
    nul: Any
    tag_end: Any
    tag_start: Any
    reference_start: Any
    reference_end: Any
    escapes: tuple[tuple[Any, Any], ...]  # "&" first: the others make one


def _markup_in(kind: type[str] | type[bytes]) -> _Markup:
    def of(text: str) -> Any:
        return text if kind is str else text.encode("ascii")

    return _Markup(
        re.compile(of(_MARKUP_PATTERN), re.DOTALL),
        re.compile(of("\0[ \t\n]*(?=\0)")),
        of("\0"), of(">"), of("<"), of("&"), of(";"),
        tuple((of(char), of(reference)) for char, reference in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))),
    )


_MARKUP_IN = {str: _markup_in(str), bytes: _markup_in(bytes)}
_NOT_NONE = partial(operator.is_not, None)


def without_markup(text: AnyStr) -> AnyStr | None:
    """``text`` with its comments and processing instructions removed and its
    CDATA sections written as text, or ``None`` when one stands where that would
    make a document out of one that is not well-formed.

    The document reads as the original does: a parser ignores the first two and
    joins the text around them (SPEC section 5), and a CDATA section is its text.
    Where each stands is checked, so that no document is made well-formed here:

    * every one stands outside tags: the last ``<`` or ``>`` before it is a
      ``>`` (``<a<!-- -->>`` is not ``<a>``; a ``>`` inside an attribute value
      would pass, and the fast path takes no value that holds one), and outside
      references: no ``&`` after the last ``;`` before it (``&lt<!-- -->;`` is
      not ``&lt;``);
    * a CDATA section may only stand inside the root, where a parser makes text
      of it: one of whitespace alone, which outside the root would pass for the
      whitespace allowed there, hands the document back; any other text outside
      the root is refused by the fast reader's patterns. Its content is escaped
      (``&``, ``<``, ``>``), so it can make neither markup nor ``]]>``.

    ``text`` may be a document's UTF-8 bytes (with no CR, or its line ends
    normalised): the same document comes back in bytes, and no text of it is
    made (a Python text holds every character at the width of its widest).
    Bytes that are not UTF-8 in a comment or PI taken out, which would be
    decoded nowhere else, give ``None`` too.
    """
    kind = type(text)
    markup = _MARKUP_IN[kind]
    parts: list[Any] = markup.pattern.split(text)
    if len(parts) == 1:
        return text
    segments = parts[::2]
    # Before each construct: the last "<" or ">" is a ">" (or neither is there,
    # and the construct before it stood outside tags, or none did), and no
    # reference is left open ("&lt<!-- -->;" is not "&lt;").
    # (Most follow a tag directly: those are looked at in C, by map.)
    before = segments[:-1]
    tag_end, tag_start = markup.tag_end, markup.tag_start
    reference_start, reference_end = markup.reference_start, markup.reference_end
    if not all(map(kind.endswith, before, repeat(tag_end))) and not all(
        segment.rfind(tag_end) >= segment.rfind(tag_start)
        and segment.rfind(reference_end) >= segment.rfind(reference_start)
        for segment in before
    ):
        return None
    contents = parts[1::2]
    # (Scans in C first: a document of CDATA sections alone has no None here.)
    others = None in contents  # comments and PIs
    if others and isinstance(text, bytes) and not text.isascii() and not _is_utf8(text):
        return None  # (a parser refuses the document)
    cdata = list(filter(_NOT_NONE, contents)) if others else contents
    if cdata:
        nul = markup.nul
        joined = nul.join(cdata)  # no text holds a NUL (characters_allowed)
        if markup.all_space.search(nul + joined + nul) is not None:
            return None
        if any(char in joined for char, _ in markup.escapes):
            for char, reference in markup.escapes:
                joined = joined.replace(char, reference)
            if len(cdata) == len(contents):  # (no comment or PI among them)
                parts[1::2] = joined.split(nul)
            else:
                escaped = iter(joined.split(nul))
                parts[1::2] = [None if content is None else next(escaped) for content in contents]
    plain: AnyStr = kind().join(filter(None, parts) if others else parts)
    return plain


def _is_utf8(data: bytes) -> bool:
    """Whether ``data`` is UTF-8, decoded a slice at a time (its text, up to
    four bytes a character, is never held whole)."""
    decoder = _UTF8_DECODER()
    try:
        for start in range(0, len(data), _UTF8_SLICE):
            decoder.decode(data[start:start + _UTF8_SLICE])
        decoder.decode(b"", True)
    except UnicodeDecodeError:
        return False
    return True


_UTF8_DECODER = codecs.getincrementaldecoder("utf-8")
_UTF8_SLICE = 1 << 16


# The root's start tag when it has attributes, and each attribute (XML 1.0
# sections 3.1, 2.3; "\r" is normalised away first). A value holds no ">"
# either, which XML allows there: the comment that ``without_markup`` takes out
# after a ">" would otherwise be one inside a value, where no "<" may stand.
_ONE_ATTRIBUTE = r"[ \t\n]+[A-Za-z_:][A-Za-z0-9._:-]*[ \t\n]*=[ \t\n]*(?:\"[^\"<>]*\"|'[^'<>]*')"
_ROOT_WITH_ATTRIBUTES = re.compile(
    rf"[ \t\n]*<([A-Za-z_][A-Za-z0-9._-]*)((?:{_ONE_ATTRIBUTE})+)[ \t\n]*>"
)
#: What the readers' patterns take between the root's name and the end of its
#: start tag: attributes as ``root_declarations_taken`` reads them (it has
#: checked the root's before any pattern is matched).
ROOT_ATTRIBUTES = f"(?:{_ONE_ATTRIBUTE})*[ \t\n]*"
_ATTRIBUTE = re.compile(
    r"[ \t\n]+(?:xmlns:(?P<prefix>[A-Za-z_][A-Za-z0-9._-]*)|(?P<name>[A-Za-z_:][A-Za-z0-9._:-]*))"
    r"[ \t\n]*=[ \t\n]*(?:\"(?P<double>[^\"<>]*)\"|'(?P<single>[^'<>]*)')"
)
# Namespace names that libxml2 takes as URIs for certain: http(s) addresses and
# URNs of the plainest characters (it refuses what is not a URI, section 2.2).
_NAMESPACE_NAME = re.compile(r"(?:https?://[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~/-]*)?|urn:[A-Za-z0-9.:-]+)")
XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA_LOCATIONS = frozenset({"schemaLocation", "noNamespaceSchemaLocation"})


def root_declarations_taken(text: str, *, strict: bool) -> bool:
    """Whether the attributes of ``text``'s root, if any, are only the namespace
    declarations that JAXB, .NET and Jackson put there and, unless ``strict``,
    their ``xsi:schemaLocation`` and ``xsi:noNamespaceSchemaLocation``; false
    when the root has any other attribute, or one that is not certain to be
    well-formed (the general path reads it).

    Neither changes what the document holds (SPEC section 5: no namespace; an
    unknown attribute is ignored unless ``strict``): the fast reader's patterns
    take the root's attributes unread (``ROOT_ATTRIBUTES``) and match no element
    or attribute that uses a prefix declared here, so a document that does is
    still handed back. (The text is not rewritten without them: copying a
    document costs more than matching its root's attributes again.)
    Declarations are taken only in their plainest form: a prefix not starting
    with ``xml``, declared once, to an http(s) address or URN that libxml2
    accepts; at most one attribute per schema-location name, with no reference
    in its value.
    """
    root = _ROOT_WITH_ATTRIBUTES.match(text)
    if root is None:
        return True
    prefixes: dict[str, str] = {}
    located: list[str] = []
    attributes = list(_ATTRIBUTE.finditer(root.group(2)))
    if sum(len(attribute.group()) for attribute in attributes) != len(root.group(2)):
        return False  # (a name this path does not take)
    for attribute in attributes:
        value = attribute.group("double")
        if value is None:
            value = attribute.group("single")
        prefix, name = attribute.group("prefix"), attribute.group("name")
        if prefix is not None:
            if prefix[:3].lower() == "xml" or prefix in prefixes:
                return False
            if not _NAMESPACE_NAME.fullmatch(value):
                return False
            prefixes[prefix] = value
        else:
            located.append(name)
            if "&" in value or strict:
                return False
    for name in located:
        prefix, _, local = name.partition(":")
        if prefixes.get(prefix) != XSI or local not in _SCHEMA_LOCATIONS:
            return False
    if len(set(located)) != len(located) or len({n.partition(":")[2] for n in located}) != len(located):
        return False
    return True


def nil_is_xsi(text: str, raw: bytes) -> bool:
    """Whether every ``prefix:nil`` attribute of ``text`` uses a prefix that its
    root binds to the XML Schema instance namespace: only then is it
    ``xsi:nil`` (SPEC section 5), and not an unknown attribute that leaves its
    element's value in place. ``raw`` holds the same ASCII characters (see
    :func:`text_of`), and is searched instead: a search of bytes is several
    times faster than one of a str of two or four bytes per character.

    Text that merely reads like such an attribute makes this false too, which
    only hands the document to the general path.
    """
    if has_nil(raw) is None:
        return True
    root = _ROOT_WITH_ATTRIBUTES.match(text)
    if root is None:
        return False
    bound = [
        attribute.group("prefix")
        for attribute in _ATTRIBUTE.finditer(root.group(2))
        if attribute.group("prefix") is not None
        and (attribute.group("double") or attribute.group("single")) == XSI
    ]
    # Every ":nil" must follow whitespace and a bound prefix: one that does not
    # is searched for, in one pass. (The engine finds each ":nil" as fast as
    # ``bytes.find`` would, then looks back at what precedes it: half the time
    # of counting every ":nil", then every one that follows a bound prefix.)
    unbound = "".join(f"(?<![ \t\n]{re.escape(prefix)}:nil)" for prefix in bound)
    return re.search(f":nil{unbound}".encode("ascii"), raw) is None


#: The first ":nil" of a document's bytes, if it has one.
has_nil = re.compile(b":nil").search


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
