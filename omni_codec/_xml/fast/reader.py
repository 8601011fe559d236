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
   which runs their ``__post_init__`` as ``msgspec.convert`` does.
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
from typing import Any

import msgspec

from ..._binding import DocumentShape, FieldShape, Kind, StructShape, ValueShape, document_of
from ..._checks import rule_of
from ..._input import xml_input
from ..._scalars import ScalarError
from ...errors import DecodeError, ValidationError
from ...limits import Limits
from ..depth import typed_depth
from . import wellformed
from .wellformed import Characters
from .columns import BOOLS, INTS, column_checker, datetimes, decimals, enum_table
from .source import Miss, Source, any_of, call

__all__ = ["read", "readers_of", "source_of"]


class _NoMatch(Miss):
    """The text does not have the expected structure (retried with whitespace)."""


#: What a generated reader raises for a document that is not one it takes: a
#: miss, a value a scalar check refuses, a rule a model checks in code.
NOT_MINE = (Miss, ScalarError, ValidationError)

# Repetitions are possessive where Python has them (3.11 and later): what follows
# a repetition never starts with what it matches, so giving nothing back changes no
# match and spares the backtracking. Python 3.10 reads them as greedy.
_HOLD = "+" if sys.version_info >= (3, 11) else ""
# XML whitespace ("\r" is normalised away before matching, XML 1.0 section 2.11).
_SPACE = f"[ \t\n]*{_HOLD}"
# The text of a leaf: up to the next tag. A CDATA section, comment or processing
# instruction starts with "<" and does not match the end tag that must follow;
# references are replaced afterwards (see wellformed.unescape).
_TEXT = f"[^<]*{_HOLD}"
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
    readers = _cache.get((cls, strict)) or readers_of(cls, strict=strict)
    if readers is None or readers[2] > limits.max_depth:
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
    decoded = wellformed.text_of(raw)
    if decoded is None:
        return None
    text, raw = decoded
    allowed = wellformed.characters_allowed(raw)
    if allowed is Characters.REFUSED:
        return None
    # (What is looked for is looked for in ``raw``, which holds the same ASCII
    # characters: a search of bytes is several times faster than one of a str
    # of two or four bytes per character.)
    if 0x0D in raw:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    limit = limits.max_list_items
    # (The cyclic collector is left alone: pausing it would speed this up, but it
    # is process-wide state a library must not touch.)
    try:
        value: Any = _NO_MATCH
        if allowed is not Characters.TERMINATOR:  # (a "]]>" outside CDATA is refused)
            plain = _without_root_declarations(text, strict)
            if plain is None:
                return None
            value = _read_text(readers, plain, limit, 0x26 in raw)  # "&"
        if value is _NO_MATCH and (
            raw.find(b"<!") >= 0 or raw.find(b"<?", 5 if raw.startswith(b"<?xml") else 0) >= 0
        ):
            # Comments, processing instructions and CDATA sections, which no
            # pattern matches, made what a parser makes of them: nothing, and
            # text (SPEC section 5); then read again.
            plain = wellformed.without_markup(text)
            if plain is None or (allowed is Characters.TERMINATOR and "]]>" in plain):
                return None
            plain = _without_root_declarations(plain, strict)
            if plain is None:
                return None
            value = _read_text(readers, plain, limit, "&" in plain)
    except NOT_MINE:
        return None
    if value is _NO_MATCH:
        return None
    if wellformed.may_have_huge_text(raw):
        return None
    return value


# How far into a document the root's start tag is looked for attributes.
_ROOT_PROBE = 2048
# What _read_text returns for a text that the patterns do not match.
_NO_MATCH: Any = object()


def _without_root_declarations(text: str, strict: bool) -> str | None:
    if "=" not in text[:_ROOT_PROBE]:  # (no attribute on the root)
        return text
    return wellformed.without_root_declarations(text, strict=strict)


def _read_text(readers: _Readers, text: str, limit: int, references: bool) -> Any:
    """What the compact reader, or else the whitespace-tolerant one, reads of
    ``text``; ``_NO_MATCH`` when neither matches it."""
    try:
        return readers[0](text, limit, references)
    except _NoMatch:
        # Pretty-printed documents have whitespace between elements; the
        # variant that allows it is slower, so it is tried second.
        if not wellformed.may_have_space(text):
            return _NO_MATCH
        try:
            return readers[1](text, limit, references)
        except _NoMatch:
            return _NO_MATCH


# --- generated readers -----------------------------------------------------------

_Reader = Callable[[str, int, bool], Any]
_Readers = tuple[_Reader, _Reader, int]
_cache: dict[tuple[type[Any], bool], _Readers | None] = {}
_sources: dict[tuple[type[Any], bool], str] = {}
_cache_lock = threading.Lock()


def readers_of(cls: type[Any], *, strict: bool = False) -> _Readers | None:
    """The compact and the whitespace-tolerant reader of ``cls`` (for ``strict``
    decoding or not), and the depth of its documents (``None``: no fast path for
    ``cls``, which is no document type, or a model that holds itself)."""
    key = (cls, strict)
    with _cache_lock:
        if key not in _cache:
            entry: _Readers | None = None
            try:
                document = document_of(cls)
            except TypeError:  # no document type: the general path says why
                document = None
            if document is not None:
                compact = _Generator(cls, document, spaced=False, strict=strict)
                spaced = _Generator(cls, document, spaced=True, strict=strict)
                try:
                    entry = (compact.build(), spaced.build(), typed_depth(document.content, without_unions=True))
                except RecursionError:  # a model that holds itself: no fast path
                    entry = None
                else:
                    _sources[key] = f"{compact.text}\n\n\n# Whitespace between elements allowed:\n\n{spaced.text}"
            _cache[key] = entry
        return _cache[key]


def source_of(cls: type[Any], *, strict: bool = False) -> str:
    """The generated source of ``cls``'s readers ("" when it has none)."""
    return _sources.get((cls, strict), "") if readers_of(cls, strict=strict) is not None else ""


@dataclass(frozen=True)
class _Group:
    """A group of a pattern: the column of one leaf, list or optional Struct."""

    var: str  # ``c_...`` is the column, ``v_...`` the value in one item
    value: ValueShape
    required: bool
    presence: bool = False  # the empty group after an optional Struct's start tag

    @property
    def row(self) -> str:
        return "v" + self.var[1:]


_NOT_NONE = partial(operator.is_not, None)


class _Generator(Source):
    """Writes the Python source of one document type's reader.

    The root's fields are matched in order by anchored patterns; a list directly
    under the root (the one that holds thousands of items) is located with
    ``str.find`` and cut into items with ``re.split``. Everything inside a list
    item is one pattern; a list inside an item is matched whole by the item's
    pattern and cut again by its own.
    """

    def __init__(self, cls: type[Any], document: DocumentShape, *, spaced: bool, strict: bool) -> None:
        self.cls = cls
        self.strict = strict
        self.document = document
        self.shape = document.content
        self.spaced = spaced
        self.space = _SPACE if spaced else ""
        super().__init__(
            {
                "Miss": Miss,
                "_NoMatch": _NoMatch,
                "_INTS": INTS.__getitem__,
                "_BOOLS": BOOLS.__getitem__,
                "_decimals": decimals,
                "_unescape": wellformed.unescape,
                "_datetimes": datetimes,
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
            },
            locals=("text", "limit", "references", "parts", "span", "match", "position",
                    "end", "count", "items_references", "p", "s"),
        )
        self.item_patterns: dict[str, tuple[str, int]] = {}
        self.lists: dict[int, tuple[str, str]] = {}

    def build(self) -> _Reader:
        root = self._root()
        variant = "whitespace-tolerant reader" if self.spaced else "reader"
        reader: _Reader = self.compile(
            f"<omni_codec fast {variant} of {self.cls.__qualname__}>", root
        )
        return reader

    # The root: fields in order, lists located by their tags.

    def _root(self) -> str:
        shape, space = self.shape, self.space
        name = re.escape(self.document.root)
        # The root's fields as runs of non-list fields (segments) between lists.
        segments: list[tuple[str, list[_Group]]] = [("", [])]
        lists: list[tuple[FieldShape, str, str, str]] = []
        arguments: list[str] = []
        for field in shape.fields:
            if field.value.kind is Kind.LIST:
                var = self.name(f"l_{field.name}")
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
        finish += [f"{group.row} = {group.var}[0]" for group in groups]
        value = self._constructor(shape, arguments)
        wrapper = self.document.wrapper
        if wrapper is not None:  # the document type holds the root's Struct
            value = f"{self._class(self.cls)}({wrapper.attr}={value})"
        finish.append(f"return {value}")

        # Match the segments in turn; find each list's end tag.
        lines: list[str] = []
        for index, (pattern, segment_groups) in enumerate(segments):
            last = index == len(segments) - 1
            pattern = (head if index == 0 else "") + pattern + (tail if last else "")
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
            lines.append(f"    end = text.find({end!r}, position)")
            lines.append("    if end < 0: raise _NoMatch")
            lines.append(
                f"    {var} = {read_list}(text[position + {len(start)}:end], limit, references)"
            )
            lines.append(f"    position = end + {len(end)}")
            if space:
                skip = self.constant("_skip_space", re.compile(_SPACE).match)
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
        (before, before_groups), (after, after_groups) = segments
        opening = self.constant("_opening", re.compile(f"{head}{before}"))
        prefix = self.constant("_prefix", re.compile(f"{head}{before}<{field.name}>{space}"))
        suffix = self.constant("_suffix", re.compile(f"</{field.name}>{space}{after}{tail}"))
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
            "items_references = references and text.find(",
            "    '&', _len(parts[0]), _len(text) - _len(parts[-1])",
            ") >= 0",
            f"{var} = {read_items}(parts, limit, items_references)",
        ]
        return self.function("_read_document", parameters, lines + finish)

    @staticmethod
    def _take(groups: list[_Group]) -> list[str]:
        return [f"{group.var} = [match.group({index})]" for index, group in enumerate(groups, 1)]

    def _class(self, cls: type[Any]) -> str:
        return self.constant(f"_{cls.__name__}", cls)

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
        self, groups: list[_Group] | None, label: str, inner: str, value: ValueShape,
        required: bool, *, presence: bool = False,
    ) -> tuple[str, str]:
        if groups is None:
            return f"(?:{inner})", "None"
        group = _Group(self.name(f"c_{label}"), value, required, presence)
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
        if kind in (Kind.STRING, Kind.ENUM, Kind.DATETIME):
            group, var = self._group(groups, name, _TEXT, value, always)
            return f"{start}{group}{end}{space}", var, var
        if kind in _LEXICAL:
            group, var = self._group(groups, name, _LEXICAL[kind], value, always)
            return f"{start}{space}{group}{space}{end}{space}", var, var
        if kind is Kind.STRUCT:
            struct = value.struct
            if required:
                presence, var = "", ""
            else:
                presence, var = self._group(groups, name, "", value, always, presence=True)
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
            assert value.item is not None and value.item_name is not None  # a bound LIST
            item, _, _ = self._element(value.item_name, True, value.item, None)
            group, var = self._group(groups, name, f"(?:{item})*", value, always)
            return f"{start}{space}{group}{end}{space}", var, var
        # A free-form JSON object is never read here: its element does not match
        # (and a required one makes the pattern match nothing).
        return "(?!)", "None", ""

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

    def _list(self, value: ValueShape) -> tuple[str, str]:
        """Functions that read a list: from its element's content, and from the
        result of cutting that content (or the whole text) by its item pattern.
        """
        if id(value) in self.lists:
            return self.lists[id(value)]
        assert value.item is not None and value.item_name is not None  # a bound LIST
        rule = rule_of(value)
        item_name = value.item_name
        groups: list[_Group] = []
        pattern, expression, _ = self._element(item_name, True, value.item, groups)
        regex = self.constant(f"_{item_name}_item", re.compile(pattern))
        width = len(groups) + 1  # re.split gives the groups, then the text between
        lines = [
            f"count = (_len(parts) - 1) // {width}",
            "if count > limit: raise Miss",
        ]
        if rule.min_length is not None:
            lines.append(f"if count < {rule.min_length}: raise Miss")
        if rule.max_length is not None:
            lines.append(f"if count > {rule.max_length}: raise Miss")
        for index, group in enumerate(groups, 1):
            lines.append(f"{group.var} = parts[{index}::{width}]")
            lines.extend(self._column(group))
        if groups:
            rows = ", ".join(g.row for g in groups)
            columns = ", ".join(g.var for g in groups)
            loop = f"for {rows}, in _zip({columns})"
            if len(loop) > 70:
                loop = "for (\n        " + ",\n        ".join(g.row for g in groups) + ",\n    ) in _zip(\n        " + ",\n        ".join(g.var for g in groups) + ",\n    )"
        else:
            loop = "for _ in range(count)"
        lines.append(f"return [\n        {expression}\n    {loop}\n    ]")
        read_items = self.function(f"_read_{item_name}", "parts, limit, references", lines)
        self.item_patterns[read_items] = (regex, width)
        read_list = self.function(f"_read_{item_name}_list", "span, limit, references", [
            f"parts = {regex}.split(span)",
            # Only whitespace before the first item, nothing between items or
            # after the last: the items cover the whole content.
            f"if parts[0].strip(' \\t\\n') or _any(parts[{width}::{width}]): raise _NoMatch",
            f"return {read_items}(parts, limit, references and '&' in span)",
        ])
        self.lists[id(value)] = (read_list, read_items)
        return read_list, read_items

    # Columns: every value of one group, converted and checked at once.

    def _column(self, group: _Group) -> list[str]:
        """Statements that convert column ``group.var`` in place and check it.

        The checks are those ``msgspec.convert`` makes of the same values on
        the general path, from the same rules (``rule_of``); a failure is a miss
        (the general path reports it).
        """
        c, value, required = group.var, group.value, group.required
        kind = value.kind
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
        rule = rule_of(value)
        if kind in (Kind.STRING, Kind.ENUM, Kind.DATETIME):
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
            lines.append(f"{c} = _list(_map(_INTS, {c}))")
            checks = [f"_min(p) < {rule.low}", f"_max(p) > {rule.high}"]
            if rule.multiple_of is not None:
                checks.append(f"_any(_map(_mod, p, _repeat({rule.multiple_of})))")
            lines.append(f"p = {present}")
            lines.append(f"if p and ({any_of(checks)}): raise Miss")
            return lines
        if kind is Kind.BOOL:
            lines.append(f"{c} = _list(_map(_BOOLS, {c}))")
            return lines
        # (A whole column at once: see columns.datetimes and columns.decimals.)
        function = {Kind.DECIMAL: "_decimals", Kind.DATETIME: "_datetimes"}[kind]
        lines.append(f"{c} = {function}({c})")
        return lines


def _default(cls: type[msgspec.Struct], attr: str) -> Any:
    for f in msgspec.structs.fields(cls):
        if f.name == attr:
            return f.default if f.default_factory is msgspec.NODEFAULT else f.default_factory
    raise KeyError(attr)
