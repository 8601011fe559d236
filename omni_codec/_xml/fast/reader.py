"""The fast XML reader: code generated once per document type (SPEC section 5).

The general path parses the document into an lxml tree, walks it element by
element into builtins and hands those to ``msgspec.convert``; at 10,000 messages
most of its time goes to the Python proxy lxml creates for each of the 110,000
elements, to the intermediate dicts and to the cyclic garbage collector. This
module decodes the *regular* document without any of that, with code generated
from the wire description (:func:`~omni_codec._binding.document_of`), never
written per type:

1. One regular expression per list item type cuts the document's text with
   ``re.split``: its groups are the item's leaves, in field order, so the values
   of one field across all items are one slice of the result (a *column*).
2. Each column is converted and checked at once (:mod:`.columns`), by the
   functions of :mod:`omni_codec._scalars` the general reader uses and with the
   rules of :func:`omni_codec._checks.rule_of`, which are the checks
   ``msgspec.convert`` makes of the general reader's builtins: string patterns
   and lengths, integer bounds, enum values, list lengths.
3. The Structs are built from the zipped columns by calling their classes,
   which runs their ``__post_init__`` as ``msgspec.convert`` does; the keyword
   argument of an optional field that no item of a slice has is left out.
4. What XML 1.0 asks of a document beyond its tags is checked directly
   (:mod:`.wellformed`), so no parser has to read the document again.

A document is regular when it holds the elements of each Struct in field order,
no attribute (so no namespace and no ``xsi:nil``), no unknown, repeated or
reordered element, no element inside a leaf, no CDATA section, comment or
processing instruction, whitespace at most between elements, and is UTF-8 with
at most an XML 1.0 declaration. The text of each element of such a document is
the characters between its tags, with line ends and references replaced as a
parser replaces them, so the values read here are those the tree walk reads.
Anything else (or a value that fails a check, a list over its limit, a type that
nests deeper than the depth limit, a free-form JSON field) makes :func:`read`
return ``None``, and the caller runs the general path, which gives the same
result or the precise error with its path and line. Only those outcomes are a
hand-back: any other exception is a bug of this module, and propagates.

A long document in UTF-8 whose one list lies directly under its root is read
from its bytes: the text before the first item and after the last is decoded and
matched on its own, and the items are decoded and cut a slice of some 64 KiB at a
time (:func:`_read_in_slices`). Its whole text is never held, which would take the
size of the document again, or two or four times it for one character beyond
Latin-1. A document this reading does not take is read from its text.

The second XML dialect (SPEC section 5: the root named after the type, list
items named like their list) has readers of its own, generated the same way
from the same description with its names, tried when the first dialect's do not
match a document that names the second root; a long one is read from its bytes
too, its items ending where the end tag before the list's last one does.

A third reader, tried last, takes list items that are not regular in the ways
JAXB, .NET and newer API versions make them: children in another order, optional
elements written ``xsi:nil="true"`` (with a prefix the root binds to the XML
Schema instance namespace), and, unless ``strict``, unknown leaf elements
without attributes. Its item pattern is one repetition of alternatives per
Struct, one per field (written as a tree of the fields' names, so that names that
start alike are one alternative to the engine), which a group remembers only the
last match of: each field's alternative holds a conditional on its own group,
which fails where that group has matched already in the item, so that an element
that came twice leaves its item unmatched (a hand-back, not a value lost). A
document without ``:nil`` is read by a variant without the ``xsi:nil``
alternatives, whose patterns have a group fewer for each optional element; a
document without whitespace between its first tags, by a variant without the
whitespace between elements, as the regular readers are. Each variant is
generated when a document first needs it, and reads a long UTF-8 document from
its bytes, a slice at a time, as the regular readers do. It takes items of
leaves and Structs (no list, union or free-form JSON inside); the root's own
fields stay in order. A document with ``xsi:nil`` is first read by readers of
elements in order whose optional elements may each be written nil, generated
with it: producers write a null where its element stands, and such a document
is then read at the pace of a regular one (the order-tolerant reader reads what
they miss).

Documents of the first dialect with CDATA sections or comments and processing
instructions have readers of their own (:class:`_WithMarkup`), generated when
such a document first comes. Where sections may be (a document with "]]>"),
each leaf's pattern takes one section, or text without one and without "]]>"
(which only a section's end may be), in two groups whose columns
:func:`.wellformed.with_sections` makes one, the section's content as it
stands; where comments and PIs are, they are taken with the whitespace between
elements. What these do not take (a leaf of a section and text together, a
comment inside a text, items in another order) has its markup taken out first
(:func:`.wellformed.without_markup`), and what is left is read again.

Every pattern is linear to match: each element starts with a literal tag, and no
two repetitions can match the same text.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, NamedTuple, TypeVar

import msgspec

from ..._binding import (
    DocumentShape,
    FieldShape,
    Kind,
    StructShape,
    ValueShape,
    document_of,
    published_document_of,
    required_paths,
)
from ..._checks import rule_of
from ..._input import xml_input
from ..._scalars import ScalarError
from ...errors import DecodeError, ValidationError
from ...limits import Limits
from ..depth import typed_depth
from . import wellformed
from .wellformed import Characters
from .columns import BOOLS, column_checker, datetimes, decimals, enum_table, int_table
from .source import Miss, Source, any_of, call, run

__all__ = ["read", "readers_of", "source_of"]

_Key = TypeVar("_Key")
_Made = TypeVar("_Made")


class _NoMatch(Miss):
    """The text does not have the expected structure (retried with whitespace)."""


# The length of text a list's items are cut and read in at a time (see
# _read_in_slices): a few hundred items.
_SLICE = 1 << 16


def _read_in_slices(
    text: str | bytes, start: int, stop: int, item: re.Pattern[str],
    end: re.Pattern[Any], width: int,
    read_items: Callable[..., list[Any]], limit: int, references: bool,
) -> list[Any]:
    """The items of ``text[start:stop]`` (nothing but items), cut by the pattern
    ``item`` (``width`` parts an item) a slice of some ``_SLICE`` characters at a
    time, each slice ending where ``end`` (an item's end tag) does.

    Cutting a whole document at once holds the parts of every item, a list
    several times the length of the items' values, until the values are built;
    a slice at a time holds those of a few hundred, in about the same time (less,
    for long items, whose parts no longer outgrow the caches). A slice that is
    not whole items (an end tag found where no item ends) is no match.

    ``text`` may also be the document's UTF-8 bytes (``end`` then a pattern of
    bytes, which allows "\r" where the text's allows whitespace): each slice is
    decoded on its own, and the document's text is never held whole.
    """
    items: list[Any] = []
    while start < stop:
        found = end.search(text, start + _SLICE, stop) if start + _SLICE < stop else None
        cut = stop if found is None else found.end()
        chunk = text[start:cut] if isinstance(text, str) else _decoded(text, start, cut)
        parts = item.split(chunk)
        if len(parts) == 1 or parts[0] or parts[-1] or any(parts[width:-1:width]):
            raise _NoMatch
        items += read_items(parts, limit - len(items), references and "&" in chunk)
        start = cut
    return items


def _long(text: str | bytes, position: int) -> bool:
    """Whether the items from ``position`` on are read a slice at a time."""
    return len(text) - position > _SLICE


def _decoded(data: bytes, start: int, stop: int) -> str:
    """The text of the UTF-8 ``data[start:stop]`` (which starts and ends with a
    character), its line ends normalised (XML 1.0 section 2.11); bytes that are
    not UTF-8 are no match (the general path reports them)."""
    try:
        text = data[start:stop].decode("utf-8")
    except UnicodeDecodeError:
        raise _NoMatch from None
    return _line_ends_normalised(text) if "\r" in text else text


def _line_ends_normalised(text: str) -> str:
    """``text`` with CR LF and CR made LF (XML 1.0 section 2.11)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


#: What a generated reader raises for a document that is not one it takes: a
#: miss, a value a scalar check refuses, a rule a model checks in code.
NOT_MINE = (Miss, ScalarError, ValidationError)

_HOLD = wellformed.HOLD
# XML whitespace ("\r" is normalised away before matching, XML 1.0 section 2.11).
_SPACE = f"[ \t\n]*{_HOLD}"
# The text of a leaf: up to the next tag. A CDATA section, comment or processing
# instruction starts with "<" and does not match the end tag that must follow
# (the readers of CDATA sections take a section instead, see _Generator._leaf);
# references are replaced afterwards (see wellformed.unescape).
_TEXT = f"[^<]*{_HOLD}"
# Between elements in the readers of comments and PIs: those and whitespace
# (one run of whitespace after each, so that no text is matched two ways).
_MISC = (
    f"{_SPACE}(?:{wellformed.COMMENT_OR_PI}{_SPACE})*{_HOLD}"
)
# XML Schema lexical spaces (as in omni_codec._scalars); the whitespace the
# "collapse" facet allows around them is only read by the whitespace-tolerant variant.
_LEXICAL = {
    Kind.INT: f"[+-]?[0-9]+{_HOLD}",
    Kind.BOOL: "true|false|1|0",
    Kind.DECIMAL: f"[+-]?(?:[0-9]+{_HOLD}(?:\\.[0-9]*{_HOLD})?|\\.[0-9]+{_HOLD})",
}


def read(
    data: bytes | bytearray | memoryview | str, cls: type[Any], limits: Limits, *, strict: bool = False
) -> Any:
    """``data`` decoded as ``cls``, or ``None`` when the general path must run.

    A result, when there is one, equals what ``parser.parse`` followed by
    ``reader.read`` returns for the same arguments. A regular document has
    nothing that ``strict`` refuses but an unknown value of an enumeration (SPEC
    section 4): the readers of each mode differ only there, the strict one
    handing such a document back. ``data`` is best what
    :func:`~omni_codec._input.xml_input` made of the input (``xml.decode`` hands
    it over so); any other input is normalised here.
    """
    readers = _cache.get((cls, strict, False)) or readers_of(cls, strict=strict)
    if readers is None or readers.depth > limits.max_depth:
        return None  # (the general path checks the depth of the tree)
    if type(data) is bytes:
        raw = data
        if len(raw) > limits.max_bytes:
            return None
    else:
        try:
            raw = xml_input(data, limits)
        except DecodeError:  # the general path reports it
            return None
    if raw.startswith(wellformed.UTF16_BOMS):
        transcoded = wellformed.utf16_as_utf8(raw)
        if transcoded is None:
            return None
        raw = transcoded
    allowed: Characters | None = None
    missed = _NOTHING_MISSED  # the readers that missed the document's bytes
    markup_missed = False  # and the readers of the markup it has (_WithMarkup)
    if readers.from_bytes is not None and len(raw) > 2 * _SLICE:
        first = wellformed.utf8_start(raw)
        if first is not None:  # (UTF-8)
            allowed = wellformed.characters_allowed(raw)
            if allowed is Characters.REFUSED:
                return None
            if allowed is Characters.ALLOWED:  # (a "]]>" may end CDATA)
                from_raw = _read_bytes(readers.from_bytes, raw, first, limits)
                if type(from_raw) is _Missed:
                    missed = from_raw
                    from_raw = _read_bytes_of_second_dialect(cls, strict, raw, first, limits)
                if type(from_raw) is not _Missed and from_raw is not _NO_MATCH:
                    return from_raw
            if (missed.readers or allowed is Characters.TERMINATOR) and _has_markup(raw, first):
                with_markup = _markup_readers(readers, raw, first, first + _SLICE, allowed)
                if with_markup is not None and with_markup.from_bytes is not None:
                    from_markup = _read_bytes(with_markup.from_bytes, raw, first, limits)
                    markup_missed = type(from_markup) is _Missed
                    if not markup_missed and from_markup is not _NO_MATCH:
                        return from_markup
                from_plain = _read_bytes_without_markup(readers.from_bytes, raw, first, limits, allowed)
                if from_plain is not _NO_MATCH:
                    return from_plain
    decoded = wellformed.text_of(raw)
    if decoded is None:
        return None
    text, checked = decoded
    # (The characters are checked in the bytes the text was decoded from, or,
    # for UTF-16, in its UTF-8: once.)
    if allowed is None or checked is not raw:
        allowed = wellformed.characters_allowed(checked)
        if allowed is Characters.REFUSED:
            return None
    raw = checked
    # (What is looked for is looked for in ``raw``, which holds the same ASCII
    # characters: a search of bytes is several times faster than one of a str
    # of two or four bytes per character.)
    if 0x0D in raw:
        text = _line_ends_normalised(text)
    # (A document with xsi:nil is for the order-tolerant reader, which takes
    # what the other two take; the markup-free text has no ":nil" the document
    # lacks.)
    nil = _has_nil(raw) is not None
    # (The cyclic collector is left alone: pausing it would speed this up, but it
    # is process-wide state a library must not touch.)
    try:
        value: Any = _NO_MATCH
        if allowed is not Characters.TERMINATOR:  # (a "]]>" outside CDATA is refused)
            if not wellformed.root_declarations_taken(text, strict=strict):
                return None
            value = _read_text(readers, text, raw, limits, 0x26 in raw, nil, cls, strict, missed)  # "&"
        # (After the declaration's "<?", if the document has one.)
        start = 1 if raw.startswith(b"<?xml") else 0
        if value is _NO_MATCH and not markup_missed:
            # CDATA sections as leaves, comments and PIs between elements: read
            # where they stand.
            with_markup = _markup_readers(readers, raw, start, len(raw), allowed)
            if with_markup is not None and wellformed.root_declarations_taken(text, strict=strict):
                value = _read_form(with_markup, text, raw, limits.max_list_items, 0x26 in raw, False)
        if value is _NO_MATCH and _MARKUP_START.search(raw, start):
            # Comments, processing instructions and CDATA sections, which no
            # pattern matches, made what a parser makes of them: nothing, and
            # text (SPEC section 5); then read again.
            plain = wellformed.without_markup(text)
            if plain is None or (allowed is Characters.TERMINATOR and "]]>" in plain):
                return None
            if not wellformed.root_declarations_taken(plain, strict=strict):
                return None
            value = _read_text(readers, plain, raw, limits, "&" in plain, nil, cls, strict)
    except NOT_MINE:
        return None
    if value is _NO_MATCH:
        return None
    if wellformed.may_have_huge_text(raw):
        return None
    return value


# How far into a document the second dialect's root is looked for.
_ROOT_PROBE = 4096
# What _read_text returns for a text that the patterns do not match.
_NO_MATCH: Any = object()


def _read_bytes(from_bytes: _FromBytes, raw: bytes, first: int, limits: Limits) -> Any:
    """What the compact, else the whitespace-tolerant, else the order-tolerant
    reader of the first dialect reads of a long UTF-8 document straight from its
    bytes (``raw[first:]`` after its XML declaration, its characters checked), a
    slice at a time. Else its text is read as any other document's: ``_NO_MATCH``
    when no reader reads its list so, a ``_Missed`` when they missed it there.
    ``None``: the general path must run.

    Its whole text is never held: that is the size of the document again, or two
    or four times it when one character is beyond Latin-1 (a request's message in
    Cyrillic makes every destination's text two bytes a character).
    """
    # (A comment, processing instruction or CDATA section, which the text's
    # reading takes, is no match here: a search of the whole document for them
    # would cost more than the documents that have them.)
    compact, spaced, order_tolerant = from_bytes
    limit, references = limits.max_list_items, 0x26 in raw  # "&"
    value = _tried(compact, raw, first, limit, references, _MISSED_COMPACT)
    loose: _BytesReader | None = None
    if value is _MISSED_COMPACT:
        # (The document's start, as its text's reading sees it: whether it is
        # indented, and the root's start tag.)
        probe = _line_ends_normalised(raw[first:first + _ROOT_PROBE].decode("utf-8", "replace"))
        indented = wellformed.may_have_space(probe)
        if indented and spaced is not compact:
            value = _tried(spaced, raw, first, limit, references, _MISSED_BOTH)
        if type(value) is _Missed and order_tolerant is not None:
            # (Whether an xsi:nil prefix is bound to the XML Schema instance
            # namespace is asked of the root's start tag in the probe: when it
            # is longer, the text is read instead.)
            nil = _has_nil(raw) is not None
            if not nil or wellformed.nil_is_xsi(probe, raw):
                loose = order_tolerant.of_bytes(spaced=indented, nil=nil)
    if type(value) is _Missed:
        if loose is None:
            return value
        value = _tried(loose, raw, first, limit, references, _Missed(value.readers, loose=True))
        if type(value) is _Missed:
            return value
    if value is _NOT_SLICED:
        return _NO_MATCH
    return None if value is None or wellformed.may_have_huge_text(raw) else value


def _tried(
    reader: _BytesReader, raw: bytes, first: int, limit: int, references: bool, missed: _Missed
) -> Any:
    """What ``reader`` reads of ``raw[first:]``: ``missed`` when it misses the
    document, ``None`` when a value fails a check (the general path reports it)."""
    try:
        return reader(raw, first, limit, references)
    except _NoMatch:
        return missed
    except NOT_MINE:
        return None


# Where a comment, processing instruction or CDATA section may start (the
# engine's search for it reads bytes at twice the speed of two ``bytes.find``).
_MARKUP_START = re.compile(b"<[!?]")
# Whether a document has a ":nil" attribute, searched for the same way.
_has_nil = wellformed.has_nil


_MISC_START = re.compile(b"<(?:!--|\\?)")


def _markup_readers(
    readers: _Readers, raw: bytes, start: int, stop: int, allowed: Characters
) -> _Readers | None:
    """The readers of ``readers``' documents with the markup they have: CDATA
    sections when ``raw`` has a "]]>" (``allowed``), comments and processing
    instructions when ``raw[start:stop]`` (after the XML declaration, if any)
    has one; ``None`` when it has neither, or there are none.

    Only the readers of sections refuse a "]]>" outside one: wherever the first
    section stands (in a comment, say), a document with "]]>" is read by them.
    """
    if readers.markup is None:
        return None
    sections = allowed is Characters.TERMINATOR
    misc = _MISC_START.search(raw, start, stop) is not None
    if not (sections or misc):
        return None
    return readers.markup.readers(sections=sections, misc=misc)


def _has_markup(raw: bytes, first: int) -> bool:
    """Whether the UTF-8 ``raw`` has no CR and a comment, processing instruction
    or CDATA section in its first slice after its declaration at ``first``: the
    slice its readers missed, where a producer that writes them has written one
    (looking further would cost every other document that misses there)."""
    return _MARKUP_START.search(raw, first, first + _SLICE) is not None and 0x0D not in raw


def _read_bytes_without_markup(
    from_bytes: _FromBytes, raw: bytes, first: int, limits: Limits, allowed: Characters,
) -> Any:
    """What ``_read_bytes`` reads of a long UTF-8 document's bytes without their
    comments and processing instructions, their CDATA sections written as text
    (``wellformed.without_markup``, which reads UTF-8 as it reads text); as
    there, ``_NO_MATCH`` when its text must be read instead, ``None`` when the
    general path must run.

    As the text's reading does, but on bytes: a text with one character beyond
    Latin-1 holds every character in two or four bytes, and with CDATA sections
    all over a document the markup pass over it and its copy cost twice or four
    times as much. (Line ends are not normalised here: a document with a CR is
    read as text.)
    """
    plain = wellformed.without_markup(raw[first:])
    if plain is None or (allowed is Characters.TERMINATOR and 0x5D in plain and b"]]>" in plain):
        return None  # (what the text's reading finds of it too)
    value = _read_bytes(from_bytes, plain, 0, limits)
    if type(value) is _Missed:
        return _NO_MATCH
    if value is None or value is _NO_MATCH:
        return value
    return None if wellformed.may_have_huge_text(raw) else value


class _Missed:
    """What ``_read_bytes`` returns when the compact reader (``readers`` 1), or
    it and the whitespace-tolerant one (2), missed a document's bytes where its
    list is read, and (``loose``) the order-tolerant one: reading its text,
    they would miss it again, and are passed over (this only saves time: a
    reader that misses hands the document on)."""

    __slots__ = ("loose", "readers")

    def __init__(self, readers: int, *, loose: bool = False) -> None:
        self.readers = readers
        self.loose = loose


_NOTHING_MISSED, _MISSED_COMPACT, _MISSED_BOTH = _Missed(0), _Missed(1), _Missed(2)
# What a reader of bytes returns for a document whose list it does not read a
# slice at a time (no item, or too few): its text's readers read it.
_NOT_SLICED: Any = object()


def _read_text(
    readers: _Readers, text: str, raw: bytes, limits: Limits, references: bool, nil: bool,
    cls: type[Any], strict: bool, missed: _Missed = _NOTHING_MISSED,
) -> Any:
    """What ``readers`` read of ``text`` (``raw`` is its UTF-8), else, for a
    document of the second dialect, what its readers read; ``_NO_MATCH`` when
    none matches it. ``nil`` and ``missed``: see ``_read_form``."""
    limit = limits.max_list_items
    value = _read_form(readers, text, raw, limit, references, nil, missed)
    if value is not _NO_MATCH:
        return value
    published = _second_dialect(cls, strict, limits, text[:_ROOT_PROBE])
    if published is None:
        return _NO_MATCH
    return _read_form(published, text, raw, limit, references, nil)


def _second_dialect(cls: type[Any], strict: bool, limits: Limits, start: str) -> _Readers | None:
    """The readers of the second dialect's documents, when ``cls`` has them and
    ``start`` (a document's first characters) names their root."""
    document = published_document_of(cls)
    if document is None or f"<{document.root}" not in start:
        return None
    published = _cache.get((cls, strict, True)) or readers_of(cls, strict=strict, published=True)
    if published is None or published.depth > limits.max_depth:
        return None
    return published


def _read_bytes_of_second_dialect(cls: type[Any], strict: bool, raw: bytes, first: int, limits: Limits) -> Any:
    """What ``_read_bytes`` reads of a long UTF-8 document of the second dialect
    (``_NO_MATCH`` for one of neither): its text is not made either."""
    start = raw[first:first + _ROOT_PROBE].decode("utf-8", "replace")
    published = _second_dialect(cls, strict, limits, start)
    if published is None or published.from_bytes is None:
        return _NO_MATCH
    return _read_bytes(published.from_bytes, raw, first, limits)


def _read_form(
    readers: _Readers, text: str, raw: bytes, limit: int, references: bool, nil: bool,
    missed: _Missed = _NOTHING_MISSED,
) -> Any:
    """What the compact reader, else the whitespace-tolerant one, else the
    order-tolerant one reads of ``text``; ``_NO_MATCH`` when none matches it.
    ``nil``: ``raw`` has a ``:nil`` attribute, for the order-tolerant one only.
    ``missed``: the readers that missed the document's bytes (see
    ``_read_bytes``), which are not tried again."""
    order_tolerant = None if missed.loose else readers.order_tolerant
    # (A ":nil" that is no xsi:nil, in a text say, leaves the document to all
    # three readers.)
    nil = nil and order_tolerant is not None and wellformed.nil_is_xsi(text, raw)
    if not nil and not missed.readers:
        try:
            return readers.compact(text, limit, references)
        except _NoMatch:
            pass
    # Pretty-printed documents have whitespace between elements; the variant
    # that allows it is slower, so it is tried second.
    indented = wellformed.may_have_space(text)
    if not nil and missed.readers < 2 and indented and readers.spaced is not readers.compact:
        try:
            return readers.spaced(text, limit, references)
        except _NoMatch:
            pass
    # Items whose children come in another order, with xsi:nil or unknown
    # elements: slower still, so tried last.
    if order_tolerant is None:
        return _NO_MATCH
    try:
        return order_tolerant.of_text(spaced=indented, nil=nil)(text, limit, references)
    except _NoMatch:
        return _NO_MATCH


# --- generated readers -----------------------------------------------------------

_Reader = Callable[[str, int, bool], Any]
_BytesReader = Callable[[bytes, int, int, bool], Any]
# The compact and the whitespace-tolerant reader of a long document's bytes, and
# the order-tolerant readers (None when no list's items are read so).
_FromBytes = tuple[_BytesReader, _BytesReader, "_OrderTolerant | None"]


class _Readers(NamedTuple):
    """The readers of one document type, in one mode and dialect."""

    compact: _Reader
    spaced: _Reader  # whitespace between elements allowed
    depth: int  # of its documents' elements
    # Items in any order: None when no list's items are read so.
    order_tolerant: _OrderTolerant | None
    # The readers of a long document's bytes (see _read_bytes): None unless its
    # one list is read a slice at a time.
    from_bytes: _FromBytes | None
    # The readers of documents with markup where it stands: None for these and
    # the second dialect's (whose documents are read without their markup).
    markup: _WithMarkup | None


class _Variants(Generic[_Key, _Made]):
    """Readers generated when a document first needs them, each once (under a
    lock: a decoder may be shared between threads), their source kept for
    ``source_of``: most types never meet the documents they read, and
    generating one costs as much as a regular reader."""

    def __init__(self) -> None:
        self._made: dict[_Key, _Made] = {}
        self._texts: list[str] = []
        self._lock = threading.Lock()

    def sources(self) -> str:
        """The generated source of the variants made so far."""
        return "".join(self._texts)

    def _variant(self, key: _Key, make: Callable[[], _Made]) -> _Made:
        made = self._made.get(key)
        if made is None:
            with self._lock:
                if key not in self._made:
                    self._made[key] = make()
                made = self._made[key]
        return made


class _WithMarkup(_Variants[tuple[bool, bool], _Readers]):
    """The readers of one document type and mode (first dialect) that read
    markup where it stands: leaves written as CDATA sections, as some producers
    write every text (``sections``), and comments and processing instructions
    between elements, as audit tools add them (``misc``). Taking them out of
    the document first (``wellformed.without_markup``) costs about as much
    again as reading its items.

    Each variant is generated when a document first needs it: for sections
    alone, a compact and a whitespace-tolerant reader; with comments and PIs,
    one reader, which takes whitespace among them. Items are taken in order
    only: the order-tolerant readers' documents are read without their markup.
    """

    def __init__(self, cls: type[Any], document: DocumentShape, strict: bool, depth: int) -> None:
        super().__init__()
        self._cls, self._document, self._strict, self._depth = cls, document, strict, depth

    def readers(self, *, sections: bool, misc: bool) -> _Readers:
        return self._variant((sections, misc), partial(self._generated, sections, misc))

    def _generated(self, sections: bool, misc: bool) -> _Readers:
        generators = [
            _Generator(self._cls, self._document, spaced=spaced, strict=self._strict, sections=sections, misc=misc)
            for spaced in ((True,) if misc else (False, True))
        ]
        built = [generator.build() for generator in generators]
        from_bytes = [generator.from_bytes() for generator in generators]
        what = " and ".join(
            name for name, wanted in (("CDATA sections as leaves", sections), ("comments and PIs", misc)) if wanted
        )
        for generator in generators:
            spacing = "" if misc else ", whitespace between elements" if generator.spaced else ", compact"
            self._texts.append(f"\n\n\n# {what}{spacing}:\n\n{generator.text}")
        first, last = from_bytes[0], from_bytes[-1]
        return _Readers(
            built[0], built[-1], self._depth, None,
            None if first is None or last is None else (first, last, None), None,
        )


class _OrderTolerant(_Variants[tuple[bool, bool], tuple[_Reader, "_BytesReader | None"]]):
    """The order-tolerant readers of one document type and mode, in four
    variants: with ``xsi:nil`` and without (whose patterns have no nil
    alternative, nor the group that marks a nil element), each with whitespace
    between elements and without (which cuts a compact document's items an
    eighth faster). A document with ``xsi:nil`` is first read by a reader of
    items in order whose optional elements may be nil (``_Generator._nil_or``),
    as producers write them; what that misses, the order-tolerant reader reads.

    Each variant is generated when a document first needs it (``_Variants``).
    """

    def __init__(
        self, cls: type[Any], document: DocumentShape, strict: bool, first: _Generator, reader: _Reader
    ) -> None:
        super().__init__()
        self._cls, self._document, self._strict = cls, document, strict
        self._made[(first.spaced, first.nil)] = self._added(first, reader)

    def of_text(self, *, spaced: bool, nil: bool) -> _Reader:
        return self._variant((spaced, nil), partial(self._generated, spaced, nil))[0]

    def of_bytes(self, *, spaced: bool, nil: bool) -> _BytesReader | None:
        return self._variant((spaced, nil), partial(self._generated, spaced, nil))[1]

    def _generated(self, spaced: bool, nil: bool) -> tuple[_Reader, _BytesReader | None]:
        generator = _Generator(self._cls, self._document, spaced=spaced, strict=self._strict, loose=True, nil=nil)
        reader, from_bytes = self._added(generator, generator.build())
        if not nil:
            return reader, from_bytes
        in_order = _Generator(self._cls, self._document, spaced=spaced, strict=self._strict, nil=True)
        first, first_bytes = self._added(in_order, in_order.build(), order="in order")
        if from_bytes is not None and first_bytes is not None:
            from_bytes = _either(first_bytes, from_bytes)
        return _either(first, reader), from_bytes

    def _added(
        self, generator: _Generator, reader: _Reader, *, order: str = "in any order"
    ) -> tuple[_Reader, _BytesReader | None]:
        spacing = "whitespace between elements" if generator.spaced else "compact"
        nil = "xsi:nil" if generator.nil else "no xsi:nil"
        self._texts.append(f"\n\n\n# Items {order}, {spacing}, {nil}:\n\n{generator.text}")
        return reader, generator.from_bytes()


def _either(first: Callable[..., Any], second: Callable[..., Any]) -> Callable[..., Any]:
    """A reader that reads what ``first`` reads, else (where its patterns do not
    match) what ``second`` reads."""

    def read(*arguments: Any) -> Any:
        try:
            return first(*arguments)
        except _NoMatch:
            return second(*arguments)

    return read


_cache: dict[tuple[type[Any], bool, bool], _Readers | None] = {}
_sources: dict[tuple[type[Any], bool, bool], str] = {}
_cache_lock = threading.Lock()


def readers_of(cls: type[Any], *, strict: bool = False, published: bool = False) -> _Readers | None:
    """The readers of ``cls`` (for ``strict`` decoding or not); ``None``: no
    fast path for ``cls``, which is no document type, or a model that holds itself.
    ``published``: the readers of the second dialect's documents (SPEC section
    5), ``None`` for a type that has none."""
    key = (cls, strict, published)
    with _cache_lock:
        if key not in _cache:
            entry: _Readers | None = None
            try:
                document = published_document_of(cls) if published else document_of(cls)
            except TypeError:  # no document type: the general path says why
                document = None
            if document is not None:
                compact = _Generator(cls, document, spaced=False, strict=strict)
                spaced = _Generator(cls, document, spaced=True, strict=strict)
                # (The variant documents meet most: whether it takes any list's
                # items tells whether the type has order-tolerant readers.)
                loose = _Generator(cls, document, spaced=False, strict=strict, loose=True, nil=False)
                try:
                    depth = typed_depth(document.content, without_unions=True)
                    compact_reader, spaced_reader = compact.build(), spaced.build()
                    compact_bytes, spaced_bytes = compact.from_bytes(), spaced.from_bytes()
                    loose_reader = loose.build()
                    order_tolerant = (
                        _OrderTolerant(cls, document, strict, loose, loose_reader) if loose.took_any else None
                    )
                    entry = _Readers(
                        compact_reader, spaced_reader, depth, order_tolerant,
                        None if compact_bytes is None or spaced_bytes is None else (
                            compact_bytes, spaced_bytes, order_tolerant,
                        ),
                        None if published else _WithMarkup(cls, document, strict, depth),
                    )
                except RecursionError:  # a model that holds itself: no fast path
                    entry = None
                else:
                    _sources[key] = (
                        f"{compact.text}\n\n\n# Whitespace between elements allowed:\n\n{spaced.text}"
                    )
            _cache[key] = entry
        return _cache[key]


def source_of(cls: type[Any], *, strict: bool = False, published: bool = False) -> str:
    """The generated source of ``cls``'s readers ("" when it has none)."""
    readers = readers_of(cls, strict=strict, published=published)
    if readers is None:
        return ""
    loose = "" if readers.order_tolerant is None else readers.order_tolerant.sources()
    markup = "" if readers.markup is None else readers.markup.sources()
    return _sources.get((cls, strict, published), "") + loose + markup


@dataclass(frozen=True)
class _Group:
    """A group of a pattern: the column of one leaf, list or optional Struct."""

    var: str  # ``c_...`` is the column, ``v_...`` the value in one item
    value: ValueShape
    required: bool
    presence: bool = False  # the empty group after an optional Struct's start tag
    # In the order-tolerant reader: the empty group that marks an xsi:nil
    # element, and the name of an unknown element, neither of which is read.
    nil_marker: bool = False
    ignored: bool = False
    element: str = ""  # the element's name (a list's, to name its items)
    # In the readers of CDATA sections a leaf has two groups: its section's
    # content (``section``), and its text, which names the first's column
    # (``sections``) to be made one with it.
    section: bool = False
    sections: str = ""

    @property
    def row(self) -> str:
        return "v" + self.var[1:]


# ``xsi:nil="true"`` as JAXB and .NET write it, whatever the prefix (which
# ``wellformed.nil_is_xsi`` checks is bound to the XML Schema instance namespace).
_NIL = r"[ \t\n]+[A-Za-z_][A-Za-z0-9._-]*:nil[ \t\n]*=[ \t\n]*(?:\"(?:true|1)\"|'(?:true|1)')[ \t\n]*/"
# An unknown element the patterns take: a name in ASCII without a prefix, and
# text whose references need no check (it is not read; a character reference
# might name a character XML refuses).
_NAME = "[A-Za-z_][A-Za-z0-9._-]*"
# (Runs between references are taken in one step; each "&" starts a reference,
# so no text can be matched two ways.)
_UNKNOWN_TEXT = f"[^<&]*{_HOLD}(?:&(?:amp|lt|gt|quot|apos);[^<&]*{_HOLD})*{_HOLD}"


@dataclass
class _Loose:
    """What the order-tolerant reader of one list's items knows beyond its
    pattern, which takes each item's children in any order, each at most once:
    the item's names (which an unknown element's is not), and the required
    elements, which must have come at all."""

    names: frozenset[str]
    required: list[tuple[str | None, str]]  # (presence of the optional Struct around, column)
    unknown: int = 0


# A list's reading functions are made once per value, item name and paths held.
_ListKey = tuple[int, str, frozenset[tuple[str, ...]]]


@dataclass(frozen=True)
class _OneList:
    """What reads a document whose root holds one list: the list's field and
    variable, its items' start tag, pattern (``width`` parts an item) and reading
    function, the patterns of the text before the first item and after the last
    with their groups, and the lines that return the document's value."""

    field: FieldShape
    item_tag: str
    item_regex: str
    width: int
    read_items: str
    prefix: str
    suffix: str
    before: list[_Group]
    after: list[_Group]
    var: str
    finish: list[str]


class _Generator(Source):
    """Writes the Python source of one document type's reader.

    The root's fields are matched in order by anchored patterns; a list directly
    under the root (the one that holds thousands of items) is located with
    ``str.find`` and cut into items with ``re.split``. Everything inside a list
    item is one pattern; a list inside an item is matched whole by the item's
    pattern and cut again by its own.
    """

    def __init__(
        self, cls: type[Any], document: DocumentShape, *, spaced: bool, strict: bool,
        loose: bool = False, nil: bool = False, sections: bool = False, misc: bool = False,
    ) -> None:
        self.cls = cls
        self.strict = strict
        # Order-tolerant: list items whose Structs hold only leaves and Structs
        # take their children in any order, with xsi:nil (if ``nil``) and (unless
        # strict) unknown leaf elements. ``took_any``: some list's items do.
        # In order, ``nil``: an optional element may be xsi:nil (``_nil_or``).
        self.loose = loose
        self.nil = nil
        # Every leaf's text may be one CDATA section instead (``_leaf``), and
        # comments and PIs may stand between elements (``misc``, whose readers
        # take whitespace there too: ``spaced``).
        self.sections = sections
        self.misc = misc
        self.took_any = False
        self._item: _Loose | None = None
        self.document = document
        self.shape = document.content
        self.spaced = spaced
        # What may stand between elements (and around a lexical value).
        self.space = _MISC if misc else _SPACE if spaced else ""
        super().__init__(
            {
                "Miss": Miss,
                "_NoMatch": _NoMatch,
                "_long": _long,
                "_read_in_slices": _read_in_slices,
                "_decoded": _decoded,
                "_NOT_SLICED": _NOT_SLICED,
                "_BOOLS": BOOLS.__getitem__,
                "_decimals": decimals,
                "_unescape": wellformed.unescape,
                "_with_sections": wellformed.with_sections,
                "_datetimes": datetimes,
                "_all": all,
                "_any": any,
                "_len": len,
                "_list": list,
                "_map": map,
                "_max": max,
                "_min": min,
                "_zip": zip,
            },
            locals=("text", "limit", "references", "parts", "span", "match", "position",
                    "end", "count", "items_references", "p", "s", "start", "found",
                    "data", "first", "stop", "nones", "build"),
        )
        self.item_patterns: dict[str, tuple[str, int]] = {}
        self.lists: dict[_ListKey, tuple[str, str]] = {}
        # The fields that the root's required paths (``required_paths``) make
        # required in the items of the list being read, as attribute paths from
        # the item; ``at``, the path of the field being read (``None`` where no
        # path is held: outside a list of the root, inside a list of an item).
        self.required_here: frozenset[tuple[str, ...]] = frozenset()
        self.at: tuple[str, ...] | None = None
        self._bytes_entry: str | None = None

    def build(self) -> _Reader:
        root = self._root()
        variant = "whitespace-tolerant reader" if self.spaced else "reader"
        if self.loose:
            variant = f"order-tolerant {variant}{'' if self.nil else ' (no xsi:nil)'}"
        if self.sections:
            variant = f"{variant} of CDATA sections"
        if self.misc:
            variant = f"{variant} of comments and PIs"
        reader: _Reader = self.compile(
            f"<omni_codec fast {variant} of {self.cls.__qualname__}>", root
        )
        return reader

    def from_bytes(self) -> _BytesReader | None:
        """The built reader of a long document's bytes, if it has one."""
        if self._bytes_entry is None:
            return None
        reader: _BytesReader = self.namespace[self._bytes_entry]
        return reader

    # The root: fields in order, lists located by their tags.

    def _root(self) -> str:
        shape, space = self.shape, self.space
        name = re.escape(self.document.root)
        # The root's fields as runs of non-list fields (segments) between lists.
        segments: list[tuple[list[tuple[str, bool]], list[_Group]]] = [([], [])]
        lists: list[tuple[FieldShape, str, str, str]] = []
        arguments: list[str] = []
        paths = required_paths(shape.cls)
        # The lists whose items' patterns hold every required path through them.
        held: list[tuple[str, str]] = []
        for field in shape.fields:
            if field.value.kind is Kind.LIST:
                var = self.name(f"l_{field.name}")
                through = frozenset(path[1:] for path in paths if path[0] == field.attr)
                read_list, read_items = self._list(field.value, field.name, through)
                lists.append((field, var, read_list, read_items))
                if (
                    through and all(_held(field.value, path) for path in through)
                    and shape.cls.__dict__.get("__omni_paths_only__")
                    and not shape.cls.__struct_config__.frozen  # (its items are put in after)
                ):
                    held.append((field.attr, var))
                    arguments.append(f"{field.attr}=[]")
                else:
                    arguments.append(self._argument(shape, field, var, var))
                segments.append(([], []))
            else:
                pieces, groups = segments[-1]
                field_pattern, expression, absent, required = self._field(field, groups)
                pieces.append((field_pattern, not required))
                arguments.append(self._argument(shape, field, absent, expression))
        # (Whitespace around the root is prolog and epilog; its attributes have
        # been checked by wellformed.root_declarations_taken.)
        head = f"{_SPACE}<{name}{wellformed.ROOT_ATTRIBUTES}>{space}"
        tail = f"</{name}>{_SPACE}"
        groups = [group for _, segment_groups in segments for group in segment_groups]
        finish = [line for group in groups for line in self._column(group)]
        finish += [f"{group.row} = {group.var}[0]" for group in groups if not group.section]
        value = self._constructor(shape, arguments)
        if held:
            # The model's rule walks its required paths through every item
            # (some 40 ns an item, its objects no longer in the caches); the
            # items' patterns held those fields present: it walks an empty
            # list, and the items are put in after (its rule checks nothing
            # else, ``__omni_paths_only__``).
            made = self.name("made")
            finish.append(f"{made} = {value}")
            finish += [f"{made}.{attr} = {var}" for attr, var in held]
            value = made
        wrapper = self.document.wrapper
        if wrapper is not None:  # the document type holds the root's Struct
            value = f"{self._class(self.cls)}({wrapper.attr}={value})"
        finish.append(f"return {value}")

        # Match the segments in turn; find each list's end tag.
        lines: list[str] = []
        for index, (pieces, segment_groups) in enumerate(segments):
            last = index == len(segments) - 1
            pattern = _in_sequence(
                [*([(head, False)] if index == 0 else []), *pieces, *([(tail, False)] if last else [])]
            )
            regex = self.constant(f"_{self.document.root}_segment", re.compile(pattern))
            method = "fullmatch" if last else "match"
            lines.append(f"match = {regex}.{method}(text{'' if index == 0 else ', position'})")
            lines.append("if match is None: raise _NoMatch")
            lines.extend(self._take(segment_groups))
            if last:
                break
            lines.append("position = match.end()")
            field, var, read_list, _ = lists[index]
            start, end = f"<{field.name}>", f"</{field.name}>"
            lines.append(f"if text.startswith({start!r}, position):")
            if self.document.published:
                # Items named like their list (the second dialect): the list's
                # end tag is the one that follows an item's.
                closing = self.constant(
                    f"_{field.name}_end", re.compile(f"{re.escape(end)}{space}({re.escape(end)})")
                )
                lines.append(f"    end = position + {len(start)}")
                if space:
                    skip = self.constant("_skip_space", re.compile(space).match)
                    lines.append(f"    end = {skip}(text, end).end()")
                lines.append(f"    if not text.startswith({end!r}, end):  # (not an empty list)")
                lines.append(f"        found = {closing}.search(text, position)")
                lines.append("        if found is None: raise _NoMatch")
                lines.append("        end = found.start(1)")
            else:
                lines.append(f"    end = text.find({end!r}, position)")
                lines.append("    if end < 0: raise _NoMatch")
            lines.append(
                f"    {var} = {read_list}(text[position + {len(start)}:end], limit, references)"
            )
            lines.append(f"    position = end + {len(end)}")
            if space:
                skip = self.constant("_skip_space", re.compile(space).match)
                lines.append(f"    position = {skip}(text, position).end()")
            lines.append("else:")
            lines.append("    raise _NoMatch" if field.required else f"    {var} = None")
        parameters = "text, limit, references"
        read_root = self.function(f"_read_{self.document.root}", parameters, lines + finish)
        if len(lists) != 1:
            return read_root

        # One list (the usual document): cut the whole text by its items at
        # once, which spares copying the list's content out of the text.
        field, var, _, read_items = lists[0]
        item_regex, width = self.item_patterns[read_items]
        item_tag = f"<{self._item_name(field.name, field.value)}>"
        (before, before_groups), (after, after_groups) = segments
        opening = self.constant("_opening", re.compile(_in_sequence([(head, False), *before])))
        prefix = self.constant("_prefix", re.compile(
            _in_sequence([(head, False), *before, (f"<{field.name}>{space}", False)])
        ))
        suffix = self.constant("_suffix", re.compile(
            _in_sequence([(f"</{field.name}>{space}", False), *after, (tail, False)])
        ))
        one = _OneList(
            field, item_tag, item_regex, width, read_items, prefix, suffix, before_groups,
            after_groups, var, finish,
        )
        lines = [
            # A document irregular from its start (an unknown field before the
            # list, say) is handed back before the cut.
            f"match = {opening}.match(text)",
            "if match is None: raise _NoMatch",
            # A document whose first item this reader does not take (the usual
            # irregular one: its producer writes every item alike) is handed on
            # before the whole text is cut.
            f"position = text.find({item_tag!r}, match.end() + {len(field.name) + 2})",
            f"if position >= 0 and {item_regex}.match(text, position) is None: raise _NoMatch",
            *self._sliced(one),
            f"parts = {item_regex}.split(text)",
            # No item: an empty or absent list, or no match at all.
            f"if _len(parts) == 1: return {read_root}(text, limit, references)",
            f"if _any(parts[{width}:-1:{width}]): raise _NoMatch",
            f"match = {prefix}.fullmatch(parts[0])",
            # (In the second dialect, an empty list's element reads as an item.)
            f"if match is None: {'return ' + read_root + '(text, limit, references)' if self.document.published else 'raise _NoMatch'}",
            *self._take(before_groups),
            f"match = {suffix}.fullmatch(parts[-1])",
            "if match is None: raise _NoMatch",
            *self._take(after_groups),
            # References only where the items are (the root's text, a request's
            # message, say, often has one: its items then need not be looked at).
            "items_references = references and text.find(",
            "    '&', _len(parts[0]), _len(text) - _len(parts[-1])",
            ") >= 0",
            f"{var} = {read_items}(parts, limit, items_references)",
        ]
        if self._in_slices(field.value):
            self._bytes_entry = self._bytes_reader(one)
        return self.function("_read_document", parameters, lines + finish)

    def _in_slices(self, value: ValueShape) -> bool:
        """Whether a long document's list ``value`` is read a slice at a time:
        when no bound on its length is checked (the reader of each slice checks
        one)."""
        return rule_of(value).max_length is None

    def _last_item_end(self, end_tag: bytes, source: str) -> list[str]:
        """The line that moves ``stop`` from the last ``end_tag`` of ``source``
        to the last item's, in the second dialect, where the list's end tag
        is its items' (SPEC section 5); a document with none is no match."""
        if not self.document.published:
            return []
        tag = end_tag if source == "data" else end_tag.decode()
        return [f"if stop >= 0: stop = {source}.rfind({tag!r}, 0, stop)"]

    def _bytes_reader(self, one: _OneList) -> str:
        """The reader of a long document's UTF-8 bytes (see ``_read_bytes``):
        the text before the first item and after the last decoded and matched as
        the text's reader matches them, the items read a slice at a time.
        ``data[first:]`` is the document after its XML declaration."""
        list_tag, item_start = f"<{one.field.name}>".encode(), one.item_tag.encode()
        end_tag = ("</" + one.item_tag[1:]).encode()
        # (The bytes' line ends are not normalised: "\r" is whitespace too. The
        # readers of comments read bytes without a "\r" only: see _has_markup.)
        between = _MISC.encode() if self.misc else b"[ \t\r\n]*" if self.spaced else b""
        end = self.constant(f"_{one.item_tag[1:-1]}_end_bytes", re.compile(re.escape(end_tag) + between))
        taken = self.constant(
            "_root_declarations_taken", partial(wellformed.root_declarations_taken, strict=self.strict)
        )
        # (Another root, the second dialect's say, is no match before the
        # document is searched for the list.)
        root = self.constant(
            "_root_start_bytes",
            re.compile(b"[ \t\r\n]*<" + re.escape(self.document.root.encode()) + b"[ \t\r\n/>]"),
        )
        lines = [
            f"if {root}.match(data, first) is None: raise _NoMatch",
            f"position = data.find({list_tag!r}, first)",
            "if position < 0: return _NOT_SLICED",
            f"position = data.find({item_start!r}, position + {len(list_tag)})",
            "if position < 0 or not _long(data, position): return _NOT_SLICED",
            f"stop = data.rfind({end_tag!r})",
            *self._last_item_end(end_tag, "data"),
            "if stop < position: raise _NoMatch",
            f"stop = {end}.match(data, stop).end()",
            "text = _decoded(data, first, position)",
            f"if not {taken}(text): raise _NoMatch",
            *self._items_in_slices(
                one, "data", f"{one.prefix}.fullmatch(text)",
                f"{one.suffix}.fullmatch(_decoded(data, stop, _len(data)))", end,
            ),
        ]
        return self.function("_read_document_bytes", "data, first, limit, references", lines)

    def _sliced(self, one: _OneList) -> list[str]:
        """The reading of a long document's items a slice at a time (see
        ``_read_in_slices``): the text before the first item and after the last
        matched first, as the cut of the whole text would match them."""
        if not self._in_slices(one.field.value):
            return []
        end_tag = "</" + one.item_tag[1:]
        end = self.constant(f"_{one.item_tag[1:-1]}_end", re.compile(re.escape(end_tag) + self.space))
        lines = [
            "stop = text.rfind(" + repr(end_tag) + ")",
            *self._last_item_end(end_tag.encode(), "text"),
            "if stop < 0: raise _NoMatch",
            f"stop = {end}.match(text, stop).end()",
            *self._items_in_slices(
                one, "text", f"{one.prefix}.fullmatch(text, 0, position)",
                f"{one.suffix}.fullmatch(text, stop)", end,
            ),
        ]
        return [
            # (Short documents are cut at once: one slice.)
            "if position >= 0 and _long(text, position):",
            *(f"    {line}" for line in lines),
        ]

    def _items_in_slices(
        self, one: _OneList, source: str, prefix_match: str, suffix_match: str, end: str
    ) -> list[str]:
        """The lines, shared by the readers of the text and of the bytes, that
        take the groups of the text before the first item (``prefix_match``) and
        after the last (``suffix_match``), read the items of
        ``source[position:stop]`` a slice at a time, and return the value."""
        return [
            f"match = {prefix_match}",
            "if match is None: raise _NoMatch",
            *self._take(one.before),
            f"match = {suffix_match}",
            "if match is None: raise _NoMatch",
            *self._take(one.after),
            f"{one.var} = _read_in_slices({source}, position, stop, {one.item_regex}, {end}, "
            f"{one.width}, {one.read_items}, limit, references)",
            *(line for block in one.finish for line in block.split("\n")),
        ]

    @staticmethod
    def _take(groups: list[_Group]) -> list[str]:
        return [f"{group.var} = [match.group({index})]" for index, group in enumerate(groups, 1)]

    def _class(self, cls: type[Any]) -> str:
        return self.constant(f"_{cls.__name__}", cls)

    # Elements below the root: one pattern, one expression over its groups.

    def _field(
        self, field: FieldShape, groups: list[_Group] | None, *, present: bool = True
    ) -> tuple[str, str, str, bool]:
        """The pattern of one field's element (and the space after it), its value,
        the variable that is ``None`` when the element is absent, and whether
        the element is required (:func:`_in_sequence` joins the fields).

        ``groups`` collects the pattern's groups in order; ``None`` makes the
        pattern group-free (to be repeated inside another pattern). ``present``
        is false below an optional Struct: a required field's group is ``None``
        too when that Struct is absent.
        """
        outer = self.at
        required = self._required(field)
        try:
            pattern, expression, absent = self._element(
                field.name, required, field.value, groups, present=present
            )
        finally:
            self.at = outer
        return pattern, expression, absent, required

    def _required(self, field: FieldShape) -> bool:
        """Whether ``field``'s element is required in a list item: by its model,
        or by a required path of the root (a simple request's phone numbers);
        moves ``at`` to the field (the caller moves it back)."""
        self.at = None if self.at is None else (*self.at, field.attr)
        return field.required or (self.at is not None and self.at in self.required_here)

    def _group(
        self, groups: list[_Group] | None, label: str, inner: str, value: ValueShape,
        required: bool, *, presence: bool = False, sections: str = "",
    ) -> tuple[str, str]:
        if groups is None:
            return f"(?:{inner})", "None"
        group = _Group(self.name(f"c_{label}"), value, required, presence, element=label, sections=sections)
        self.used.add(group.row)
        groups.append(group)
        return f"({inner})", group.row

    def _element(
        self, name: str, required: bool, value: ValueShape, groups: list[_Group] | None,
        *, present: bool = True,
    ) -> tuple[str, str, str]:
        space = self.space
        start, end = f"<{re.escape(name)}>", f"</{re.escape(name)}>"
        kind = value.kind
        always = required and present  # the group is never None
        if kind in (Kind.STRING, Kind.ENUM, Kind.DATETIME) or kind in _LEXICAL:
            content, var = self._leaf(groups, name, value, always)
            return self._nil_or(name, required, f"{start}{content}{end}{space}"), var, var
        if kind is Kind.STRUCT:
            struct = value.struct
            if required:
                presence, var = "", ""
            else:
                presence, var = self._group(groups, name, "", value, always, presence=True)
            pieces: list[tuple[str, bool]] = []
            arguments = []
            for field in struct.fields:
                pattern, expression, absent, needed = self._field(field, groups, present=always)
                pieces.append((pattern, not needed))
                arguments.append(self._argument(struct, field, absent, expression))
            pieces.append((f"{end}{space}", False))
            inner = f"{start}{presence}{space}{_in_sequence(pieces)}"
            constructor = self._constructor(struct, arguments)
            if required:
                return inner, constructor, var
            return self._nil_or(name, required, inner), f"(None if {var} is None else {constructor})", var
        if kind is Kind.LIST:
            assert value.item is not None  # a bound LIST
            outer, self.at = self.at, None  # (no path is held inside a list of an item)
            try:
                item, _, _ = self._element(self._item_name(name, value), True, value.item, None)
            finally:
                self.at = outer
            group, var = self._group(groups, name, f"(?:{item})*", value, always)
            return self._nil_or(name, required, f"{start}{space}{group}{end}{space}"), var, var
        # A free-form JSON object is never read here: its element does not match
        # (and a required one makes the pattern match nothing).
        return "(?!)", "None", ""

    def _nil_or(self, name: str, required: bool, pattern: str) -> str:
        """``pattern``, of the element ``name`` in order; in the in-order readers
        of documents with xsi:nil, for an optional element, that or the element
        written ``xsi:nil="true"``, which is no element: its groups are ``None``.

        .NET and JAXB write a null that way where the element stands, in order:
        such a document is read at the pace of a regular one, not by the
        order-tolerant reader, whose patterns cost half as much again.
        """
        tag = f"<{re.escape(name)}"
        if required or not self.nil or self.loose or not pattern.startswith(f"{tag}>"):
            return pattern
        # (One alternative after the name, so that the "<" before it is still
        # taken first, see _in_sequence.)
        return f"{tag}(?:{pattern[len(tag):]}|{_NIL}>{self.space})"

    def _leaf(
        self, groups: list[_Group] | None, name: str, value: ValueShape, always: bool
    ) -> tuple[str, str]:
        """The pattern of a leaf's content, and its value's variable.

        A lexical value may have whitespace around it where elements may
        (XML Schema's "collapse"). In the readers of CDATA sections the content
        is one section, or text without one: a section's content is taken as
        it stands, in a group of its own before the text's (the two are
        ``with_sections``' columns); a text of sections and text together is no
        match.
        """
        lexical = value.kind in _LEXICAL
        around = self.space if lexical else ""
        if not self.sections:
            group, var = self._group(groups, name, _LEXICAL[value.kind] if lexical else _TEXT, value, always)
            return f"{around}{group}{around}", var
        section_content = _LEXICAL[value.kind] if lexical else wellformed.SECTION_CONTENT
        text = _LEXICAL[value.kind] if lexical else wellformed.TEXT_BESIDE_SECTIONS
        if groups is None:
            section, sections = f"(?:{section_content})", ""
        else:
            section, sections = f"({section_content})", self._add(groups, f"{name}_section", value, section=True).var
        group, var = self._group(groups, name, text, value, always, sections=sections)
        # (In a section, a comment is text: only whitespace is around its value.)
        inside = _SPACE if lexical and self.spaced else ""
        return f"(?:<!\\[CDATA\\[{inside}{section}{inside}\\]\\]>|{around}{group}{around})", var

    def _constructor(self, struct: StructShape, arguments: list[str]) -> str:
        return call(self._class(struct.cls), arguments, indent=8)

    @staticmethod
    def _argument(struct: StructShape, field: FieldShape, var: str, expression: str) -> str:
        """One keyword argument of a Struct's constructor.

        An absent element is a missing key to ``msgspec.convert``, which leaves
        the field to its default; here it is ``None``, the same value for a field
        whose default is ``None`` (every optional OMNI field). Any other default
        is left to the constructor.
        """
        if field.required or not var or _default(struct.cls, field.attr) is None:
            return f"{field.attr}={expression}"
        return f"**({{}} if {var} is None else {{{field.attr!r}: {expression}}})"

    def _item_name(self, name: str, value: ValueShape) -> str:
        """The element name of the items of the list ``name``: the singular its
        model gives, or in the second dialect the list's own (SPEC section 5)."""
        assert value.item_name is not None  # a bound LIST
        return name if self.document.published else value.item_name

    def _list(
        self, value: ValueShape, name: str, required: frozenset[tuple[str, ...]] = frozenset()
    ) -> tuple[str, str]:
        """Functions that read a list: from its element's content, and from the
        result of cutting that content (or the whole text) by its item pattern.

        ``required`` are the paths from an item to fields that the root's
        required paths make required (a list of the root's): their elements
        are required in the item's pattern, which then holds the paths that
        stay out of the item's own lists (:func:`_held`).
        """
        item_name = self._item_name(name, value)
        key = (id(value), item_name, required)
        if key in self.lists:
            return self.lists[key]
        assert value.item is not None  # a bound LIST
        outer = self.at, self.required_here
        self.at, self.required_here = (() if required else None), required
        try:
            return self._new_list(value, item_name, key)
        finally:
            self.at, self.required_here = outer

    def _new_list(self, value: ValueShape, item_name: str, key: _ListKey) -> tuple[str, str]:
        assert value.item is not None  # a bound LIST
        rule = rule_of(value)
        groups: list[_Group] = []
        loose = self.loose and _plain(value.item)
        if loose:
            self.took_any = True
            self._item = _Loose(frozenset(_names(item_name, value.item)), [])
            pattern, expression, _ = self._loose_element(item_name, value.item, groups, None, item=True)
        else:
            pattern, expression, _ = self._element(item_name, True, value.item, groups)
        regex = self.constant(f"_{item_name}_item", re.compile(pattern))
        width = len(groups) + 1  # re.split gives the groups, then the text between
        lines = [
            f"count = (_len(parts) - 1) // {width}",
            "if count > limit: raise Miss",
        ]
        if loose:
            lines += self._loose_checks(groups, width)
            self._item = None
        if rule.min_length is not None:
            lines.append(f"if count < {rule.min_length}: raise Miss")
        if rule.max_length is not None:
            lines.append(f"if count > {rule.max_length}: raise Miss")
        for index, group in enumerate(groups, 1):
            if not loose:
                lines.append(f"{group.var} = parts[{index}::{width}]")
            lines.extend(self._column(group))
        groups = [group for group in groups if not (group.nil_marker or group.ignored or group.section)]
        columns = [(group.var, group.row) for group in groups]
        # The columns that may be None throughout, whose keyword argument is
        # then left out (see _Builders): each is passed once, as ``name=v_...``.
        optional = [
            group.row for group in groups
            if not group.required
            and len(re.findall(rf"\b{group.row}\b", expression)) == 1
            and _argument_of(group.row).search(expression)
        ]
        if not optional:
            lines.append(f"return {_comprehension(expression, columns)}")
        else:
            parameters = ", ".join(["count", *(var for var, _ in columns)])
            full = self.function(
                f"_build_{item_name}", parameters, [f"return {_comprehension(expression, columns)}"]
            )
            builders = self.constant(
                f"_builders_{item_name}", _Builders(self.namespace, full, expression, columns, optional)
            )
            absent = [f"{var} == nones" for var, row in columns if row in optional]
            lines.append("nones = [None] * count")
            lines.append(f"build = {call(f'{builders}.of', absent)}")
            lines.append(f"return build({parameters})")
        read_items = self.function(f"_read_{item_name}", "parts, limit, references", lines)
        self.item_patterns[read_items] = (regex, width)
        if self.misc:
            only_misc = self.constant("_only_misc", re.compile(_MISC).fullmatch)
            before_items = f"{only_misc}(parts[0]) is None"
        else:
            before_items = "parts[0].strip(' \\t\\n')"
        read_list = self.function(f"_read_{item_name}_list", "span, limit, references", [
            f"parts = {regex}.split(span)",
            # Only whitespace before the first item, nothing between items or
            # after the last: the items cover the whole content.
            f"if {before_items} or _any(parts[{width}::{width}]): raise _NoMatch",
            f"return {read_items}(parts, limit, references and '&' in span)",
        ])
        self.lists[key] = (read_list, read_items)
        return read_list, read_items

    # The order-tolerant reader's items.

    def _loose_element(
        self, name: str, value: ValueShape, groups: list[_Group], owner: str | None,
        *, required: bool = True, item: bool = False,
    ) -> tuple[str, str, str]:
        """The pattern of one element of a list item, its value and the variable
        that is ``None`` when it is absent, for the order-tolerant reader.

        A Struct's children are one repetition of alternatives, one per field
        (and one for an unknown leaf element unless strict), so that they may
        come in any order. An optional element may be ``xsi:nil`` (unless
        ``nil`` is false): that form ends with an empty group of its own, and
        the value's group is ``None`` for it. ``owner`` is the column of the
        presence of the nearest optional Struct around (``None``: the item).
        """
        state = self._item
        assert state is not None
        space, kind = self.space, value.kind
        tag, end = f"<{re.escape(name)}", f"</{re.escape(name)}>"
        nil = self.nil and not required  # (an optional element may be xsi:nil)
        if kind is Kind.STRUCT:
            struct = value.struct
            presence = None if item else self._add(groups, name, value, presence=True)
            var = presence.row if presence is not None else ""
            inner_owner = owner if required else (presence.var if presence is not None else None)
            children: list[tuple[str, str]] = []
            arguments: dict[str, str] = {}
            # (In the order of their names, which _by_name keeps: a group's
            # number is its place in ``groups``, see below.)
            for field in sorted(struct.fields, key=lambda field: field.name):
                outer = self.at
                needed = self._required(field)
                try:
                    pattern, expression, absent = self._loose_element(
                        field.name, field.value, groups, inner_owner, required=needed
                    )
                finally:
                    self.at = outer
                child = f"<{re.escape(field.name)}"
                assert pattern.startswith(child)  # (see the returns below)
                children.append((field.name, pattern[len(child):]))
                arguments[field.attr] = self._argument(struct, field, absent, expression)
            choices = _by_name(children)
            if not self.strict:
                label = f"u{state.unknown}"
                state.unknown += 1
                self._add(groups, f"unknown_{label}", value, ignored=True)
                known = _by_name([(name, "") for name in sorted(state.names)])
                # (The first character is asked first: the Struct's end tag,
                # which every repetition ends at, then fails at once.)
                choices += (
                    f"|(?=[A-Za-z_])(?!(?:{known})[ \\t\\n/>])(?P<{label}>{_NAME})"
                    f"(?:/>|>{_UNKNOWN_TEXT}</(?P={label})>){space}"
                )
            content = f">{'' if item else '()'}{space}(?:<(?:{choices}))*{_HOLD}{end}"
            made = self._constructor(struct, [arguments[field.attr] for field in struct.fields])
            counted = presence
        else:
            lexical = kind in _LEXICAL
            around = space if lexical else ""
            leaf = self._add(groups, name, value)
            var = made = leaf.row
            content = f">{around}({_LEXICAL[kind] if lexical else _TEXT}){around}{end}"
            counted = leaf
        if item:
            return f"{tag}{content}{space}", made, ""
        # The element comes at most once: its choice fails where the group that
        # tells it is there has matched already in the item (a group keeps only
        # its last match, and would lose the first). The item's pattern is
        # compiled on its own, so the group's number is its place in ``groups``.
        assert counted is not None
        once = f"(?({groups.index(counted) + 1})(?!))"
        if required:
            state.required.append((owner, counted.var))
            return f"{tag}{once}{content}{space}", made, var
        if kind is Kind.STRUCT:
            made = f"(None if {var} is None else {made})"
        if not nil:
            return f"{tag}{once}{content}{space}", made, var
        # A nil element matches an empty group of its own (no copy of its text),
        # which the element's test looks at too.
        marker = self._add(groups, f"{name}_nil", value, nil_marker=True)
        once = f"(?({groups.index(counted) + 1})(?!)|(?({groups.index(marker) + 1})(?!)))"
        return f"{tag}{once}(?:{content[:-1]}|{_NIL}())>{space}", made, var

    def _add(
        self, groups: list[_Group], label: str, value: ValueShape,
        *, presence: bool = False, nil_marker: bool = False, ignored: bool = False, section: bool = False,
    ) -> _Group:
        group = _Group(
            self.name(f"c_{label}"), value, False, presence, nil_marker=nil_marker, ignored=ignored,
            element=label, section=section,
        )
        self.used.add(group.row)
        groups.append(group)
        return group

    def _loose_checks(self, groups: list[_Group], width: int) -> list[str]:
        """The columns of an order-tolerant item pattern, and what its pattern
        cannot check (see ``_Loose``): required elements where their owner is."""
        state = self._item
        assert state is not None
        lines = [f"{group.var} = parts[{index}::{width}]" for index, group in enumerate(groups, 1)]
        # The absent elements of each column that is checked, counted once (n_...).
        absent: dict[str, str] = {}
        for owner, column in state.required:
            for checked in (column, owner):
                if checked is not None:
                    absent.setdefault(checked, "n" + checked[1:])
        lines += [f"{name} = {column}.count(None)" for column, name in absent.items()]
        for owner, column in state.required:
            if owner is None:
                lines.append(f"if {absent[column]}: raise Miss")
            else:
                # (A field's group matches only inside its owner's: the field is
                # missing somewhere its owner is present when it is None more often.)
                lines.append(f"if {absent[column]} != {absent[owner]}: raise Miss")
        return lines

    # Columns: every value of one group, converted and checked at once.

    def _column(self, group: _Group) -> list[str]:
        """Statements that convert column ``group.var`` in place and check it.

        The checks are those ``msgspec.convert`` makes of the same values on
        the general path, from the same rules (``rule_of``); a failure is a miss
        (the general path reports it).
        """
        c, value, required = group.var, group.value, group.required
        kind = value.kind
        # (A comprehension: twice as fast as ``filter`` with a test of None.)
        present = c if required else f"[s for s in {c} if s is not None]"
        lines: list[str] = []
        if group.presence or group.nil_marker or group.ignored or group.section:
            return lines
        if kind is Kind.LIST:
            read_list, _ = self._list(value, group.element)
            if required:
                lines.append(f"{c} = [{read_list}(s, limit, references) for s in {c}]")
            else:
                lines.append(
                    f"{c} = [None if s is None else {read_list}(s, limit, references) for s in {c}]"
                )
            return lines
        rule = rule_of(value)
        text = kind in (Kind.STRING, Kind.ENUM, Kind.DATETIME)
        if group.sections:
            lines.append(f"{c} = _with_sections({group.sections}, {c}, {'references' if text else 'False'})")
        elif text:
            lines.append(f"if references: {c} = _unescape({c})")
        if kind is Kind.STRING:
            checks = []
            if rule.pattern is not None:
                check = self.constant("_matches", column_checker(rule.pattern))
                checks.append(f"not {check}(p)")
            if rule.min_length is not None:
                checks.append(f"_min(_map(_len, p), default={rule.min_length}) < {rule.min_length}")
            if rule.max_length is not None:
                checks.append(f"_max(_map(_len, p), default=0) > {rule.max_length}")
            if checks:
                lines.append(f"p = {present}")
                lines.append(f"if {any_of(checks)}: raise Miss")
            return lines
        if kind is Kind.ENUM:
            table = enum_table(rule.python, strict=self.strict)
            members = self.constant(f"_{rule.python.__name__}_members", table.__getitem__)
            lines.append(f"{c} = _list(_map({members}, {c}))")
            return lines
        if kind is Kind.INT:
            assert rule.low is not None and rule.high is not None
            ints = self.constant("_ints", int_table(rule.low, rule.high, rule.multiple_of or 1))
            lines.append(f"{c} = _list(_map({ints}, {c}))")
            return lines
        if kind is Kind.BOOL:
            lines.append(f"{c} = _list(_map(_BOOLS, {c}))")
            return lines
        # (A whole column at once: see columns.datetimes and columns.decimals.)
        function = {Kind.DECIMAL: "_decimals", Kind.DATETIME: "_datetimes"}[kind]
        lines.append(f"{c} = {function}({c})")
        return lines


def _held(value: ValueShape, path: tuple[str, ...]) -> bool:
    """Whether the pattern of the items of the list ``value`` holds the field
    at ``path`` (attributes from an item) present: when no list stands on the
    way, where each item's elements would repeat (see ``_Generator._required``)."""
    shape = value.item
    for attr in path[:-1]:
        if shape is None or shape.kind is not Kind.STRUCT:
            return False
        shape = next(field.value for field in shape.struct.fields if field.attr == attr)
    return shape is not None and shape.kind is Kind.STRUCT


def _comprehension(expression: str, columns: list[tuple[str, str]]) -> str:
    """The list of ``expression`` over the zipped ``columns`` (name, row)."""
    if not columns:
        loop = "for _ in range(count)"
    else:
        loop = f"for {', '.join(row for _, row in columns)}, in _zip({', '.join(var for var, _ in columns)})"
        if len(loop) > 70:
            rows = ",\n        ".join(row for _, row in columns)
            variables = ",\n        ".join(var for var, _ in columns)
            loop = f"for (\n        {rows},\n    ) in _zip(\n        {variables},\n    )"
    return f"[\n        {expression}\n    {loop}\n    ]"


def _argument_of(row: str) -> re.Pattern[str]:
    """The keyword argument ``name=row`` of a constructor, with what separates
    it from the next."""
    return re.compile(rf"\b[A-Za-z_][A-Za-z0-9_]*={row}\b,?[ \t]*")


class _Builders(_Variants[tuple[bool, ...], Callable[..., list[Any]]]):
    """The functions that build a list's items from its columns: the item's
    constructors, each keyword argument ``name=v_...`` left out where its
    column is ``None`` throughout. An optional field then takes its default,
    ``None``, as it would from the argument; a required one is a field of an
    optional Struct that no item has, whose constructor is not called.

    msgspec matches each keyword argument of a constructor to its field: a
    destination's four absent addresses cost some 20 ns an item. Which columns
    are ``None`` throughout is known only when a slice has been cut, so each
    set of them gets its function when it first comes (``_Variants``), and
    about ``_MOST`` sets do (a document made to ask for many gets the function
    that passes every argument; threads that ask at once may each add one).
    """

    _MOST = 16

    def __init__(
        self, namespace: dict[str, Any], full: str, expression: str,
        columns: list[tuple[str, str]], optional: list[str],
    ) -> None:
        super().__init__()
        self._namespace = namespace
        self._full = full
        self._expression = expression
        self._columns = columns
        self._optional = optional

    def of(self, *absent: bool) -> Callable[..., list[Any]]:
        """The function for the optional columns that are ``None`` throughout
        (``absent``, in the order of ``optional``); it takes the count of
        items and every column."""
        made = self._made.get(absent)
        if made is not None:
            return made
        if not any(absent) or len(self._made) >= self._MOST:
            full: Callable[..., list[Any]] = self._namespace[self._full]
            return full
        return self._variant(absent, partial(self._make, absent))

    def _make(self, absent: tuple[bool, ...]) -> Callable[..., list[Any]]:
        left_out = {row for row, out in zip(self._optional, absent, strict=True) if out}
        expression = self._expression
        for row in left_out:
            expression = _argument_of(row).sub("", expression)
        expression = "\n".join(line for line in expression.split("\n") if line.strip())
        kept = [(var, row) for var, row in self._columns if row not in left_out]
        mask = "".join("1" if out else "0" for out in absent)
        name = f"{self._full}_{mask}"
        parameters = ", ".join(["count", *(var for var, _ in self._columns)])
        text = f"def {name}({parameters}):\n    return {_comprehension(expression, kept)}\n"
        run(text, f"<omni_codec fast reader, {name}>", self._namespace)
        made: Callable[..., list[Any]] = self._namespace[name]
        return made


def _in_sequence(pieces: list[tuple[str, bool]]) -> str:
    """The pattern of elements in sequence: ``pieces`` are each element's
    pattern and whether it may be absent.

    An element that may be absent is an alternative of its pattern and nothing
    (not ``?``: the same language, which Python's engine runs without its
    general repeat machinery). The engine skips an alternative whose first
    character is not the text's at no cost, but enters one that starts with
    it, saving the groups matched so far; and every element starts with "<".
    So the "<" that follows an optional element is taken before it:
    ``(?:<Q|)<R`` matches what ``<(?:Q<|)R`` matches, and there the
    alternative starts with the first letter of its name. A run of absent
    optional elements (a destination's five other addresses) then costs a
    comparison each: a request's destinations are cut some 15% faster.
    """
    pattern = ""
    for piece, optional in reversed(pieces):
        if not optional:
            pattern = piece + pattern
        elif piece.startswith("<") and pattern.startswith("<"):
            pattern = f"<(?:{piece[1:]}<|){pattern[1:]}"
        else:
            pattern = f"(?:{piece}|){pattern}"
    return pattern


_LEAVES = frozenset({Kind.STRING, Kind.ENUM, Kind.DATETIME, Kind.INT, Kind.BOOL, Kind.DECIMAL})


def _plain(value: ValueShape) -> bool:
    """Whether ``value`` is a Struct of leaves and such Structs: the items the
    order-tolerant reader takes."""
    if value.kind is not Kind.STRUCT:
        return False
    return all(
        field.value.kind in _LEAVES or _plain(field.value) for field in value.struct.fields
    )


def _by_name(choices: list[tuple[str, str]]) -> str:
    """One alternation of ``choices``: an element's name (without its "<") and
    the pattern that follows the name, the names' common starts written once.

    The engine skips an alternative whose first character is not the text's
    without a step of its own, but each one it enters costs a step that, in a
    repetition, saves every group matched so far (an order-tolerant item has
    dozens): written as a tree of their characters, the names of a Struct's
    children that start alike (``messageId``, ``messageCount``, ``mccMnc``)
    enter one alternative, not each. The names differ, and each is followed by
    what no name holds, so no text matches two alternatives. ``choices`` come
    in the order of their names, and stay in it: the groups of the patterns
    keep their numbers.
    """
    assert choices == sorted(choices, key=lambda choice: choice[0])
    by_first: dict[str, list[tuple[str, str]]] = {}
    for name, rest in choices:
        by_first.setdefault(name[:1], []).append((name, rest))
    alternatives: list[str] = []
    for first, alike in by_first.items():
        if not first:  # (names that end where the common start does)
            alternatives += [rest for _, rest in alike]
        elif len(alike) == 1:
            name, rest = alike[0]
            alternatives.append(re.escape(name) + rest)
        else:
            start = os.path.commonprefix([name for name, _ in alike])
            inner = _by_name([(name[len(start):], rest) for name, rest in alike])
            alternatives.append(f"{re.escape(start)}(?:{inner})")
    return "|".join(alternatives)


def _names(name: str, value: ValueShape) -> set[str]:
    """The element names of an item named ``name`` of type ``value``, its own too."""
    names = {name}
    if value.kind is Kind.STRUCT:
        for field in value.struct.fields:
            names |= _names(field.name, field.value)
    return names


def _default(cls: type[msgspec.Struct], attr: str) -> Any:
    for f in msgspec.structs.fields(cls):
        if f.name == attr:
            return f.default if f.default_factory is msgspec.NODEFAULT else f.default_factory
    raise KeyError(attr)
