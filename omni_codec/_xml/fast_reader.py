"""A fast path for decoding the common XML document (SPEC section 5).

The general path parses the document into an lxml tree, walks it element by
element into builtins and hands those to ``msgspec.convert``; at 10,000 messages
most of its time goes to the Python proxy lxml creates for each of the 110,000
elements, to the intermediate dicts and to the cyclic garbage collector. This
module decodes the *regular* document without any of that, with code generated
once per document type from the wire description
(:func:`~omni_codec._binding.document_of`), never written per type:

1. One regular expression per list item type cuts the document's text with
   ``re.split``: its groups are the item's leaves, in field order, so the values
   of one field across all items are one slice of the result (a *column*).
2. Each column is converted and checked at once, by the functions of
   :mod:`.._scalars` the general reader uses and with the checks
   ``msgspec.convert`` makes of the general reader's builtins: string patterns
   and lengths, integer bounds, enum values, list lengths.
3. The Structs are built from the zipped columns by calling their classes,
   which runs their ``__post_init__`` as ``msgspec.convert`` does.
4. What XML 1.0 asks of a document beyond its tags is checked directly: every
   character is one XML allows (one ``bytes.translate`` over the input), no
   text holds ``]]>``, every reference names a predefined entity or a character
   XML allows, and the XML declaration follows its production. For a regular
   document, every tag of which the patterns have matched, these are all the
   well-formedness constraints that can apply (XML 1.0 sections 2.1-2.4, 2.8,
   4.1, 4.6), so the document is well-formed exactly when they hold, and no
   parser has to read it again: a tree-less libxml2 parse would cost half as
   much as the whole of this path. The tests hold the two paths to the same
   outcome on mutated and generated documents, and so do the fuzz targets, on
   every input.

A document is regular when it holds the elements of each Struct in field order,
no attribute (so no namespace and no ``xsi:nil``), no unknown, repeated or
reordered element, no element inside a leaf, no CDATA section, comment or
processing instruction, whitespace at most between elements, and is UTF-8 with
at most an XML 1.0 declaration. The text of each element of such a document is
the characters between its tags, with line ends and references replaced as a
parser replaces them, so the values read here are those the tree walk reads.
Anything else (or a value that fails a check, a list over its limit, a type that
nests deeper than the depth limit, a free-form JSON field, an error of any kind)
makes :func:`read` return ``None``, and the caller runs the general path, which
gives the same result or the precise error with its path and line. A type whose
models use a msgspec feature this module does not reproduce has no fast path.

Every pattern is linear to match: each element starts with a literal tag, and no
two repetitions can match the same text.
"""

from __future__ import annotations

import operator
import re
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from itertools import repeat
from typing import Any, cast

import msgspec
import msgspec.inspect as mi

from .._binding import DocumentShape, FieldShape, Kind, StructShape, ValueShape, document_of
from .._scalars import OmniDateTime, parse_datetime, parse_decimal, parse_int
from ..limits import Limits
from .chars import CONTROL_BYTES, has_marked, has_noncharacter, is_char, marking_table
from .codegen import SourceBuilder
from .depth import typed_depth
from .._input import xml_input

__all__ = ["read"]


class _Miss(Exception):
    """The document is not one the fast path reads."""


class _NoMatch(_Miss):
    """The text does not have the expected structure (retried with whitespace)."""


class _Unsupported(Exception):
    """A model uses a msgspec feature the generated readers do not reproduce."""


# Repetitions are possessive where Python has them (3.11 and later): what follows
# a repetition never starts with what it matches, so giving nothing back changes no
# match and spares the backtracking. Python 3.10 reads them as greedy.
_HOLD = "+" if sys.version_info >= (3, 11) else ""
# XML whitespace ("\r" is normalised away before matching, XML 1.0 section 2.11).
_SPACE = f"[ \t\n]*{_HOLD}"
# The text of a leaf: up to the next tag. A CDATA section, comment or processing
# instruction starts with "<" and does not match the end tag that must follow;
# references are replaced afterwards (see _unescape).
_TEXT = f"[^<]*{_HOLD}"
# XML Schema lexical spaces (as in .._scalars); the whitespace the "collapse"
# facet allows around them is only read by the whitespace-tolerant variant.
_LEXICAL = {
    Kind.INT: f"[+-]?[0-9]+{_HOLD}",
    Kind.BOOL: "true|false|1|0",
    Kind.DECIMAL: f"[+-]?(?:[0-9]+{_HOLD}(?:\\.[0-9]*{_HOLD})?|\\.[0-9]+{_HOLD})",
}
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
        raise _Miss
    return chr(code)


def _unescape(column: list[str | None]) -> list[str | None]:
    """The texts of ``column`` with their references replaced, as a parser does."""
    if "&" not in "".join(filter(None, column)):
        return column
    out = []
    for text in column:
        if text is not None and "&" in text:
            if _STRAY_AMPERSAND.search(text):
                raise _Miss  # not well-formed: the general path reports it
            text = _REFERENCE.sub(_replace, text)
        out.append(text)
    return out


class _IntTable(dict[Any, Any]):
    """``parse_int(text)`` (``None`` for an absent element), with the canonical
    spellings of small ints looked up."""

    def __missing__(self, text: str) -> int:
        return parse_int(text)


_INTS = _IntTable((str(i), i) for i in range(-128, 4096))
_INTS[None] = None
_BOOLS = {"true": True, "1": True, "false": False, "0": False, None: None}

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
# libxml2 refuses a text node of over XML_MAX_HUGE_LENGTH bytes (XML_MAX_TEXT_LENGTH
# without huge_tree), which is not a well-formedness rule: the general path's
# error must be given for it. A run that long without a "<" contains a whole
# window of two fifths of it, aligned on a multiple of the window, without one:
# documents with such a window go to the general path.
_TEXT_NODE_LIMIT = 1_000_000_000  # huge_tree=True, as in parser._parser
_TEXT_WINDOW = _TEXT_NODE_LIMIT * 2 // 5


def read(data: bytes | bytearray | memoryview | str, cls: type[Any], limits: Limits) -> Any:
    """``data`` decoded as ``cls``, or ``None`` when the general path must run.

    A result, when there is one, equals what ``parser.parse`` followed by
    ``reader.read`` returns for the same arguments (``strict`` or not: a regular
    document has nothing that ``strict`` refuses).
    """
    try:
        readers = _readers(cls)
        if readers is None or readers[2] > limits.max_depth:
            return None  # (the general path checks the depth of the tree)
        raw = xml_input(data, limits)
        if len(raw) > limits.max_bytes:
            return None
        text = _text_of(raw)
        if text is None or not _characters_allowed(raw):
            return None
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        references = "&" in text
        limit = limits.max_list_items
        # (The cyclic collector is left alone: pausing it would speed this up,
        # but it is process-wide state a library must not touch.)
        try:
            value = readers[0](text, limit, references)
        except _NoMatch:
            # Pretty-printed documents have whitespace between elements; the
            # variant that allows it is slower, so it is tried second.
            if not _may_have_space(text):
                return None
            value = readers[1](text, limit, references)
        if len(raw) > _TEXT_WINDOW and _may_have_huge_text(raw):
            return None
        return value
    except Exception:  # anything unexpected: the general path decides
        return None


def _may_have_huge_text(raw: bytes) -> bool:
    return any(
        raw.find(b"<", start, start + _TEXT_WINDOW) < 0
        for start in range(0, len(raw) - _TEXT_WINDOW + 1, _TEXT_WINDOW)
    )


_SPACE_PAIRS = tuple(f"{a}{b}" for a in " \t\n" for b in "<>") + tuple(
    f"{b}{a}" for a in " \t\n" for b in "<>"
)


def _may_have_space(text: str) -> bool:
    """Whether the document looks indented: whitespace between its first tags.

    Only the start is looked at, so that a document that is irregular for
    another reason pays nothing more here (one that has whitespace only further
    on is left to the general path).
    """
    start = text[:_INDENT_PROBE]
    return any(pair in start for pair in _SPACE_PAIRS)


_INDENT_PROBE = 4096


def _text_of(raw: bytes) -> str | None:
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


def _characters_allowed(raw: bytes) -> bool:
    """Whether ``raw`` (UTF-8) has only characters XML 1.0 allows and no ``]]>``.

    Whether it has a reference to a character XML does not allow is for
    :func:`_replace` to say.
    """
    if not has_marked(raw, _SUSPECT_TABLE):
        return True
    return not (has_marked(raw, _CONTROL_TABLE) or b"]]>" in raw or has_noncharacter(raw))


# --- generated readers -----------------------------------------------------------

_Reader = Callable[[str, int, bool], Any]
_Readers = tuple[_Reader, _Reader, int]
_cache: dict[type[Any], _Readers | None] = {}
_cache_lock = threading.Lock()


def _readers(cls: type[Any]) -> _Readers | None:
    """The compact and the whitespace-tolerant reader of ``cls``, and the depth
    of its documents (``None``: no fast path for ``cls``)."""
    try:
        return _cache[cls]
    except KeyError:
        pass
    with _cache_lock:
        if cls not in _cache:
            try:
                document = document_of(cls)
                entry: _Readers | None = (
                    _Generator(cls, document, spaced=False).build(),
                    _Generator(cls, document, spaced=True).build(),
                    typed_depth(document.content),
                )
            except (_Unsupported, TypeError, KeyError, AssertionError, ValueError, re.error,
                    SyntaxError, RecursionError):  # a recursive model: no fast path
                entry = None
            _cache[cls] = entry
        return _cache[cls]


@dataclass(frozen=True)
class _Group:
    """A group of a pattern: the column of one leaf, list or optional Struct."""

    var: str  # ``c{n}`` is the column, ``v{n}`` the value in one item
    value: ValueShape
    required: bool
    presence: bool = False  # the empty group after an optional Struct's start tag


_NOT_NONE = partial(operator.is_not, None)

# A string pattern that is one bracket expression repeated, anchored at both ends
# (``\\A[0-9]+\\Z``, the phone number): a column can be checked in one match.
_SIMPLE_PATTERN = re.compile(r"\\A(\[[^\[\]\\]*\])([+*]|\{[0-9]+(?:,[0-9]*)?\})\\Z")


def column_checker(pattern: str) -> Callable[[list[str]], bool]:
    """A function telling whether every string of a column matches ``pattern``
    (``re.search``, as msgspec and the general writer apply it)."""
    simple = _SIMPLE_PATTERN.fullmatch(pattern)
    if simple is not None and simple.group(1) == "[0-9]" and simple.group(2) in "+*":
        # Digits (the phone number): ``bytes.isdigit`` is true of ASCII digits
        # only, and much faster than a match.
        some = simple.group(2) == "+"

        def check_digits(column: list[str]) -> bool:
            if some and "" in column:
                return False
            joined = "".join(column)
            return not joined or (joined.isascii() and joined.encode("ascii").isdigit())

        return check_digits
    if simple is not None and re.fullmatch(simple.group(1), "\0") is None:
        # The bracket expression cannot match NUL, so NUL separates the strings.
        every = re.compile(f"(?:{simple.group(1)}{simple.group(2)}\0)*").fullmatch

        def check_joined(column: list[str]) -> bool:
            if not column:
                return True
            joined = "\0".join(column) + "\0"
            # A NUL in a string would pass as a separator: then no string may have one.
            return joined.count("\0") == len(column) and every(joined) is not None

        return check_joined
    search = re.compile(pattern).search

    def check_each(column: list[str]) -> bool:
        return all(map(search, column))

    return check_each
_STRUCT_FIELDS = frozenset(("cls", "fields", "tag_field", "tag", "array_like", "forbid_unknown_fields"))


class _Generator(SourceBuilder):
    """Writes the Python source of one document type's reader.

    The root's fields are matched in order by anchored patterns; a list directly
    under the root (the one that holds thousands of items) is located with
    ``str.find`` and cut into items with ``re.split``. Everything inside a list
    item is one pattern; a list inside an item is matched whole by the item's
    pattern and cut again by its own.
    """

    def __init__(self, cls: type[Any], document: DocumentShape, *, spaced: bool) -> None:
        self.cls = cls
        self.document = document
        self.shape = document.content
        self.space = _SPACE if spaced else ""
        super().__init__({
            "_Miss": _Miss,
            "_NoMatch": _NoMatch,
            "_INTS": _INTS.__getitem__,
            "_BOOLS": _BOOLS.__getitem__,
            "_decimal": parse_decimal,
            "_unescape": _unescape,
            "_datetime": parse_datetime,
            "_NOT_NONE": _NOT_NONE,
            "_all": all,
            "_any": any,
            "_filter": filter,
            "_len": len,
            "_list": list,
            "_map": map,
            "_max": max,
            "_min": min,
            "_mod": operator.mod,
            "_repeat": repeat,
            "_zip": zip,
        })
        self.item_patterns: dict[str, tuple[str, int]] = {}

    def build(self) -> _Reader:
        root = self._root()
        reader: _Reader = self.compile(f"<omni_codec fast reader for {self.document.root}>", root)
        return reader

    # The root: fields in order, lists located by their tags.

    def _root(self) -> str:
        shape, space = self.shape, self.space
        _check_supported(ValueShape(Kind.STRUCT, mi.type_info(shape.cls), struct_type=shape.cls))
        name = re.escape(self.document.root)
        # The root's fields as runs of non-list fields (segments) between lists.
        segments: list[tuple[str, list[_Group]]] = [("", [])]
        lists: list[tuple[FieldShape, str, str, str]] = []
        arguments: list[str] = []
        for field in shape.fields:
            if field.value.kind is Kind.LIST:
                var = self.name("v")
                read_list, read_items = self._list(field.value)
                lists.append((field, var, read_list, read_items))
                arguments.append(self._argument(shape, field, var, var))
                segments.append(("", []))
            else:
                pattern, groups = segments[-1]
                field_pattern, expression, absent = self._field(field, groups)
                segments[-1] = (pattern + field_pattern, groups)
                arguments.append(self._argument(shape, field, absent, expression))
        head = f"{_SPACE}<{name}>{space}"  # whitespace around the root is prolog/epilog
        tail = f"</{name}>{_SPACE}"
        groups = [group for _, segment_groups in segments for group in segment_groups]
        finish = [line for group in groups for line in self._column(group)]
        finish += [f"{group.var.replace('c', 'v', 1)} = {group.var}[0]" for group in groups]
        value = self._constructor(shape, arguments)
        wrapper = self.document.wrapper
        if wrapper is not None:  # the document type holds the root's Struct
            _check_supported(ValueShape(Kind.STRUCT, mi.type_info(self.cls), struct_type=self.cls))
            outer = self.constant("_Struct", self.cls)
            value = f"{outer}({wrapper.attr}={value})"
        finish.append(f"return {value}")

        # Match the segments in turn; find each list's end tag.
        lines: list[str] = []
        for index, (pattern, segment_groups) in enumerate(segments):
            last = index == len(segments) - 1
            pattern = (head if index == 0 else "") + pattern + (tail if last else "")
            regex = self.constant("_SEGMENT", re.compile(pattern))
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
            lines.append(f"    end = text.find({end!r}, position)")
            lines.append("    if end < 0: raise _NoMatch")
            lines.append(
                f"    {var} = {read_list}(text[position + {len(start)}:end], limit, references)"
            )
            lines.append(f"    position = end + {len(end)}")
            if space:
                skip = self.constant("_SKIP", re.compile(_SPACE).match)
                lines.append(f"    position = {skip}(text, position).end()")
            lines.append("else:")
            lines.append("    raise _NoMatch" if field.required else f"    {var} = None")
        read_root = self._function("_read_root", "text, limit, references", lines + finish)
        if len(lists) != 1:
            return read_root

        # One list (the usual document): cut the whole text by its items at
        # once, which spares copying the list's content out of the text.
        field, var, _, read_items = lists[0]
        item_regex, width = self.item_patterns[read_items]
        (before, before_groups), (after, after_groups) = segments
        opening = self.constant("_OPENING", re.compile(f"{head}{before}"))
        prefix = self.constant("_PREFIX", re.compile(f"{head}{before}<{field.name}>{space}"))
        suffix = self.constant("_SUFFIX", re.compile(f"</{field.name}>{space}{after}{tail}"))
        lines = [
            # A document irregular from its start (a namespace declared on the
            # root, say) is handed back before the cut.
            f"if {opening}.match(text) is None: raise _NoMatch",
            f"parts = {item_regex}.split(text)",
            # No item: an empty or absent list, or no match at all.
            f"if _len(parts) == 1: return {read_root}(text, limit, references)",
            f"if _any(parts[{width}:-1:{width}]): raise _NoMatch",
            f"match = {prefix}.fullmatch(parts[0])",
            "if match is None: raise _NoMatch",
            *self._take(before_groups),
            f"match = {suffix}.fullmatch(parts[-1])",
            "if match is None: raise _NoMatch",
            *self._take(after_groups),
            # References only where the items are (the root's text, a request's
            # message, say, often has one: its items then need not be looked at).
            "items_references = references and text.find("
            "'&', _len(parts[0]), _len(text) - _len(parts[-1])) >= 0",
            f"{var} = {read_items}(parts, limit, items_references)",
        ]
        return self._function("_read_document", "text, limit, references", lines + finish)

    @staticmethod
    def _take(groups: list[_Group]) -> list[str]:
        return [f"{group.var} = [match.group({index})]" for index, group in enumerate(groups, 1)]

    def _function(self, prefix: str, parameters: str, lines: list[str]) -> str:
        name = self.name(prefix)
        body = "".join(f"    {line}\n" for line in lines)
        self.functions.append(f"def {name}({parameters}):\n{body}")
        return name

    # Elements below the root: one pattern, one expression over its groups.

    def _field(
        self, field: FieldShape, groups: list[_Group] | None, *, present: bool = True
    ) -> tuple[str, str, str]:
        """The pattern of one field's element (and the space after it), its value,
        and the variable that is ``None`` when the element is absent.

        ``groups`` collects the pattern's groups in order; ``None`` makes the
        pattern group-free (to be repeated inside another pattern). ``present``
        is false below an optional Struct: a required field's group is ``None``
        too when that Struct is absent.
        """
        pattern, expression, absent = self._element(
            field.name, field.required, field.value, groups, present=present
        )
        if not field.required:
            # An empty alternative rather than ``?``: the same language, which
            # Python's engine runs without its general repeat machinery.
            pattern = f"(?:{pattern}|)"
        return pattern, expression, absent

    def _group(
        self, groups: list[_Group] | None, inner: str, value: ValueShape, required: bool,
        *, presence: bool = False,
    ) -> tuple[str, str]:
        if groups is None:
            return f"(?:{inner})", "None"
        var = self.name("c")
        groups.append(_Group(var, value, required, presence))
        return f"({inner})", var.replace("c", "v", 1)

    def _element(
        self, name: str, required: bool, value: ValueShape, groups: list[_Group] | None,
        *, present: bool = True,
    ) -> tuple[str, str, str]:
        space = self.space
        start, end = f"<{re.escape(name)}>", f"</{re.escape(name)}>"
        kind = value.kind
        always = required and present  # the group is never None
        _check_supported(value)
        if kind in (Kind.STRING, Kind.ENUM, Kind.DATETIME):
            group, var = self._group(groups, _TEXT, value, always)
            return f"{start}{group}{end}{space}", var, var
        if kind in _LEXICAL:
            group, var = self._group(groups, _LEXICAL[kind], value, always)
            return f"{start}{space}{group}{space}{end}{space}", var, var
        if kind is Kind.STRUCT:
            struct = value.struct
            if required:
                presence, var = "", ""
            else:
                presence, var = self._group(groups, "", value, always, presence=True)
            inner = f"{start}{presence}{space}"
            arguments = []
            for field in struct.fields:
                pattern, expression, absent = self._field(field, groups, present=always)
                inner += pattern
                arguments.append(self._argument(struct, field, absent, expression))
            inner += f"{end}{space}"
            constructor = self._constructor(struct, arguments)
            if required:
                return inner, constructor, var
            return inner, f"(None if {var} is None else {constructor})", var
        if kind is Kind.LIST:
            assert value.item is not None and value.item_name is not None
            item, _, _ = self._element(value.item_name, True, value.item, None)
            group, var = self._group(groups, f"(?:{item})*", value, always)
            return f"{start}{space}{group}{end}{space}", var, var
        # A free-form JSON object is never read here: its element does not match
        # (and a required one makes the pattern match nothing).
        return "(?!)", "None", ""

    def _constructor(self, struct: StructShape, arguments: list[str]) -> str:
        cls = self.constant("_Struct", struct.cls)
        return f"{cls}({', '.join(arguments)})"

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

    def _list(self, value: ValueShape) -> tuple[str, str]:
        """Functions that read a list: from its element's content, and from the
        result of cutting that content (or the whole text) by its item pattern.
        """
        assert value.item is not None and value.item_name is not None
        info = value.info
        assert isinstance(info, mi.ListType)
        groups: list[_Group] = []
        pattern, expression, _ = self._element(value.item_name, True, value.item, groups)
        regex = self.constant("_ITEM", re.compile(pattern))
        width = len(groups) + 1  # re.split gives the groups, then the text between
        lines = [
            f"count = (_len(parts) - 1) // {width}",
            "if count > limit: raise _Miss",
        ]
        if info.min_length is not None:
            lines.append(f"if count < {info.min_length}: raise _Miss")
        if info.max_length is not None:
            lines.append(f"if count > {info.max_length}: raise _Miss")
        for index, group in enumerate(groups, 1):
            lines.append(f"{group.var} = parts[{index}::{width}]")
            lines.extend(self._column(group))
        if groups:
            rows = ", ".join(g.var.replace("c", "v", 1) for g in groups)
            columns = ", ".join(g.var for g in groups)
            loop = f"for {rows}, in _zip({columns})"
        else:
            loop = "for _ in range(count)"
        lines.append(f"return [{expression} {loop}]")
        read_items = self._function("_read_items", "parts, limit, references", lines)
        self.item_patterns[read_items] = (regex, width)
        read_list = self._function("_read_list", "span, limit, references", [
            f"parts = {regex}.split(span)",
            # Only whitespace before the first item, nothing between items or
            # after the last: the items cover the whole content.
            f"if parts[0].strip(' \\t\\n') or _any(parts[{width}::{width}]): raise _NoMatch",
            f"return {read_items}(parts, limit, references and '&' in span)",
        ])
        return read_list, read_items

    # Columns: every value of one group, converted and checked at once.

    def _column(self, group: _Group) -> list[str]:
        """Statements that convert column ``group.var`` in place and check it.

        The checks are those ``msgspec.convert`` makes of the same values on
        the general path; a failure is a miss (the general path reports it).
        """
        c, value, required = group.var, group.value, group.required
        kind, info = value.kind, value.info
        present = c if required else f"_list(_filter(_NOT_NONE, {c}))"
        lines: list[str] = []
        if group.presence:
            return lines
        if kind is Kind.LIST:
            read_list, _ = self._list(value)
            if required:
                lines.append(f"{c} = [{read_list}(s, limit, references) for s in {c}]")
            else:
                lines.append(
                    f"{c} = [None if s is None else {read_list}(s, limit, references) for s in {c}]"
                )
            return lines
        if kind in (Kind.STRING, Kind.ENUM, Kind.DATETIME):
            lines.append(f"if references: {c} = _unescape({c})")
        if kind is Kind.STRING:
            assert isinstance(info, mi.StrType)
            checks = []
            if info.pattern is not None:
                check = self.constant("_PATTERN", column_checker(info.pattern))
                checks.append(f"not {check}(p)")
            if info.min_length is not None:
                checks.append(f"_min(_map(_len, p), default={info.min_length}) < {info.min_length}")
            if info.max_length is not None:
                checks.append(f"_max(_map(_len, p), default=0) > {info.max_length}")
            if checks:
                lines.append(f"p = {present}")
                lines.append(f"if {' or '.join(checks)}: raise _Miss")
            return lines
        if kind is Kind.ENUM:
            assert isinstance(info, mi.EnumType)
            table: dict[Any, Any] = {m.value: m for m in info.cls if type(m.value) is str}
            table[None] = None
            lookup = self.constant("_ENUM", table.__getitem__)
            lines.append(f"{c} = _list(_map({lookup}, {c}))")
            return lines
        if kind is Kind.INT:
            assert isinstance(info, mi.IntType)
            lines.append(f"{c} = _list(_map(_INTS, {c}))")
            checks = []
            if info.ge is not None:
                checks.append(f"_min(p) < {info.ge}")
            if info.gt is not None:
                checks.append(f"_min(p) <= {info.gt}")
            if info.le is not None:
                checks.append(f"_max(p) > {info.le}")
            if info.lt is not None:
                checks.append(f"_max(p) >= {info.lt}")
            if info.multiple_of is not None:
                checks.append(f"_any(_map(_mod, p, _repeat({info.multiple_of})))")
            if checks:
                lines.append(f"p = {present}")
                lines.append(f"if p and ({' or '.join(checks)}): raise _Miss")
            return lines
        if kind is Kind.BOOL:
            lines.append(f"{c} = _list(_map(_BOOLS, {c}))")
            return lines
        function = {Kind.DECIMAL: "_decimal", Kind.DATETIME: "_datetime"}[kind]
        if required:
            lines.append(f"{c} = _list(_map({function}, {c}))")
        else:
            lines.append(f"{c} = [None if s is None else {function}(s) for s in {c}]")
        return lines


def _default(cls: type[msgspec.Struct], attr: str) -> Any:
    for f in msgspec.structs.fields(cls):
        if f.name == attr:
            return f.default if f.default_factory is msgspec.NODEFAULT else f.default_factory
    raise KeyError(attr)


def _check_supported(value: ValueShape) -> None:
    """Refuse types whose conversion by msgspec is not reproduced here."""
    info = value.info
    if isinstance(info, mi.StructType):
        config = info.cls.__struct_config__
        if set(type(info).__struct_fields__) != _STRUCT_FIELDS or config.tag is not None or (
            config.array_like
        ):
            raise _Unsupported(f"{info.cls.__name__}: tagged or array-like")
    elif isinstance(info, mi.StrType):
        _known(info, {"min_length", "max_length", "pattern"})
    elif isinstance(info, mi.IntType):
        _known(info, {"gt", "ge", "lt", "le", "multiple_of"})
    elif isinstance(info, mi.ListType):
        _known(info, {"item_type", "min_length", "max_length"})
    elif isinstance(info, mi.CustomType):
        if info.cls is not OmniDateTime:
            raise _Unsupported(f"custom type {info.cls!r}")
    elif isinstance(info, (mi.BoolType, mi.DecimalType, mi.EnumType, mi.DictType)):
        _known(info, {"cls", "key_type", "value_type", "min_length", "max_length"})
        if isinstance(info, mi.DecimalType) and type(info).__struct_fields__:
            raise _Unsupported("decimal constraints")
    else:
        raise _Unsupported(f"{info!r}")


def _known(info: mi.Type, fields: set[str]) -> None:
    if not set(type(info).__struct_fields__) <= fields:
        raise _Unsupported(f"{info!r} has constraints this module does not check")
