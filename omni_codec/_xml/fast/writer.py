"""The fast XML writer: code generated once per document type (SPEC section 5).

The general writer (:mod:`omni_codec._xml.writer`) calls a closure per value and
appends each piece to a list, which is what makes it precise (every error carries
the field's path) and slow. This module writes the same bytes with code generated
from the wire description (:func:`~omni_codec._binding.document_of`), never
written per type: one function per list, whose loop body reads, checks and
formats a whole item, nested Structs included, into one f-string.

Each value gets the checks the general writer makes, inlined from the same rules
(:meth:`omni_codec._checks.Rule.tests`), so that it never writes what the general
writer refuses.

Escaping is that of the general writer (:func:`~omni_codec._xml.writer.escape_text`).
The few strings outside lists are escaped by it as they are written. The strings
of a list's items are written as they are and noted; after the loop their UTF-8
bytes are looked through in one ``bytes.translate`` for anything that needs an
escape or cannot be written (several times faster than a regular expression).
When some need an escape, the list is written by its *escaping* variant,
generated from the same description, which checks each string for the four
characters :func:`~omni_codec._xml.writer.escape_markup` replaces (a few
``in`` tests of a short string, each making its own replacement); after a list
that needed escapes, the next is written by that variant straight away, testing
only the fields whose strings needed escapes (the others are noted and checked
together after the loop, as the first writer does). A document whose texts hold
``&``, ``<`` or line ends so costs about one more test per free text, not the
general writer's pace. Anything else the general writer
would treat in its own way (a value of the wrong type, ``None`` in a required
field, a character XML cannot carry) raises :class:`~.source.Miss` (or, for a
decimal or datetime its formatting refuses, the formatting's
:class:`~omni_codec._scalars.ScalarError`), and :func:`write` returns ``None``:
the caller runs the general writer, which writes the same document or raises the
precise error. Of a model's ``__post_init__``, only the model's own rule is run
again (:func:`~omni_codec._checks.code_rule`): formatting each datetime and
decimal checks what the rest of it checks. Their common case (what most
producers hold: an ``OmniDateTime`` in a fixed offset, in whole milliseconds; a
decimal of plain notation) is written inline, from the formatting functions' own
tables, and the rest by the functions.

Every text the generated code writes is *narrowed* (:func:`narrow`): a text beyond
ASCII is held as its UTF-8 bytes, one character each, so that every f-string is
one byte a character whatever the texts hold, and the document is encoded by a
copy (as ISO-8859-1). The first writer of a list notes its strings for care when
one is not ASCII too, and hands the list to the escaping variant, which narrows
the strings of the fields that need it. The document is written as a few pieces
(the root's texts and its list's items), the items joined and encoded a thousand
at a time.
"""

from __future__ import annotations

import datetime as dt
import operator
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any, NamedTuple

from ..._binding import DocumentShape, Kind, StructShape, ValueShape, document_of, is_model
from ..._checks import code_rule, rule_of, safe_check
from ..._scalars import (
    DAY_TEXTS,
    DECIMAL_PLAIN_LIMIT,
    THREE_DIGITS,
    TIMEZONE_TEXTS,
    TWO_DIGITS,
    OmniDateTime,
    ScalarError,
    format_datetime,
    format_decimal,
)
from .. import writer as general
from ..chars import CONTROL_BYTES, has_marked, has_noncharacter, unmarked_bytes
from .columns import column_checker
from .source import Miss, Source, any_of, call

__all__ = ["narrow", "needs_care", "needs_escape", "unwritable", "write", "writer_of"]

# The bytes of UTF-8 text that escape_text would change or refuse: the markup
# characters, "\r" (written as a reference) and the control characters outside
# XML 1.0's Char production.
_NO_CARE = unmarked_bytes(CONTROL_BYTES | frozenset(b"&<>\r"))


_NOT_CONTROL = unmarked_bytes(CONTROL_BYTES)


def needs_care(texts: list[str]) -> bool:
    """Whether any of ``texts`` has a character escape_text changes or refuses,
    or one beyond ASCII (which the writer writes narrowed, see :func:`narrow`)."""
    if not texts:
        return False
    joined = "".join(texts)
    if not joined.isascii():
        return True
    return has_marked(joined.encode("ascii"), _NO_CARE)


def needs_escape(narrowed: list[str]) -> bool:
    """Whether any of the ``narrowed`` texts (see :func:`narrow`) has a character
    escape_text changes or refuses."""
    return _has_marked_bytes(narrowed, _NO_CARE)


def unwritable(narrowed: list[str]) -> bool:
    """Whether any of the ``narrowed`` texts has a character escape_text refuses."""
    return _has_marked_bytes(narrowed, _NOT_CONTROL)


def _has_marked_bytes(narrowed: list[str], unmarked: bytes) -> bool:
    """Whether the UTF-8 of any of the ``narrowed`` texts has a byte other than
    ``unmarked``, or a character no XML text may hold (U+FFFE, U+FFFF; a lone
    surrogate cannot be narrowed).

    Narrowed texts hold their UTF-8 a byte a character: joined, they are one
    byte a character whatever they hold, and their bytes are a copy. (Joined as
    they were, one emoji made the whole join four bytes a character, and their
    UTF-8 an encoding of each.)
    """
    if not narrowed:  # (a variant's list of fields it narrows only is most often empty)
        return False
    raw = "".join(narrowed).encode("latin-1")
    return has_marked(raw, unmarked) or has_noncharacter(raw)


class _IntTexts(dict[int, str]):
    """The text of each ``int`` within bounds: the small ones are looked up,
    the others formatted; one outside the bounds is a miss."""

    def __init__(self, low: int, high: int) -> None:
        super().__init__((i, str(i)) for i in range(max(low, -128), min(high, 4095) + 1))
        self.low, self.high = low, high

    def __missing__(self, value: int) -> str:
        if not self.low <= value <= self.high:
            raise Miss
        return str(value)


def narrow(text: str) -> str:
    """``text`` as the fast writer's pieces hold it: its UTF-8 bytes, each made the
    character of its value (ISO-8859-1), so that the document is encoded by a copy
    of one byte a character.

    Python holds a text in one, two or four bytes a character, as its widest
    character needs: one emoji in a report's description made every f-string of
    the report, the join of a thousand reports and their UTF-8 encoding four bytes
    a character (delivery reports with emoji 1.8x ``etree.tostring``). Narrowed,
    only the texts beyond ASCII are encoded, each on its own. The markup and
    line-end characters are ASCII, and no byte of a character beyond ASCII is, so
    escaping before or after narrowing is the same. A lone surrogate, which no
    document may hold, cannot be narrowed: its ``UnicodeEncodeError`` makes
    :func:`write` hand the value to the general writer, which reports it.
    """
    if text.isascii():
        return text
    return text.encode().decode("latin-1")  # (as _NARROWING)


# The narrowing, written inline in the escaping variant (a call costs as much).
_NARROWING = ".encode().decode('latin-1')"


def _escaped(text: str) -> str:
    """``escape_text(text)``, narrowed."""
    return narrow(general.escape_text(text))


def _union_text(value: ValueShape) -> Callable[[Any, str, str], str]:
    """The element of a polymorphic value, narrowed, or a miss if it fails its checks."""
    passes = safe_check(value)
    write_union = general.union_writer(value)

    def text(item: Any, start: str, end: str) -> str:
        if not passes(item):
            raise Miss
        parts: list[str] = []
        write_union(item, start, end, parts)
        return narrow("".join(parts))

    return text


_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
# Marks, in a generated f-string, a required list whose items are joined in.
_LIST = "\x00"

# What a document's writer returns: texts, and the lists of its items' texts.
Writer = Callable[[Any], "list[str | list[str]]"]


def write(value: Any, *, pretty: bool = False, declaration: bool = False) -> bytes | None:
    """The bytes ``writer.write`` returns for the same arguments, or ``None``:
    the general writer must run (and then gives the result or the error)."""
    write_root = _writers.get(type(value))
    if write_root is None:
        write_root = writer_of(type(value))
        if write_root is None:
            return None
    try:
        pieces = write_root(value)
    except (Miss, ScalarError, general.Unwritable, UnicodeEncodeError, RecursionError):
        # Not a value this path writes. (ScalarError: a decimal or datetime that
        # its formatting refuses; UnicodeEncodeError: a lone surrogate, which
        # cannot be narrowed; RecursionError: a value that holds itself or nests
        # past the stack, which the general writer's check reports.)
        return None
    if pretty:
        # (Indented by the general writer's code, which reads the text itself.)
        text = b"".join(_encoded(pieces)).decode("utf-8")
        data = general.indent(text).encode("utf-8")
    else:
        data = b"".join(_encoded(pieces))
    return _DECLARATION + data if declaration else data


# Items joined and encoded together: a thousand at a time, so that the text of a
# long list is never held whole beside its bytes, for a few percent of an ASCII
# document's time.
_ITEMS_ENCODED_TOGETHER = 1024


def _encoded(pieces: list[str | list[str]]) -> list[bytes]:
    """The UTF-8 of ``pieces``, narrowed texts (see :func:`narrow`) and the lists
    of the items' narrowed texts: the byte of each character."""
    encoded: list[bytes] = []
    for piece in pieces:
        if type(piece) is str:
            encoded.append(piece.encode("latin-1"))
        else:
            step = _ITEMS_ENCODED_TOGETHER
            encoded += [
                "".join(piece[start:start + step]).encode("latin-1")
                for start in range(0, len(piece), step)
            ]
    return encoded


_writers: dict[type[Any], Writer] = {}
_sources: dict[type[Any], str] = {}
_unsupported: set[type[Any]] = set()
_lock = threading.Lock()


def writer_of(cls: type[Any]) -> Writer | None:
    """The generated writer of ``cls``; ``None`` for what is no document type
    (the general writer reports it) or a recursive model."""
    if cls in _unsupported or not is_model(cls):
        return None
    with _lock:
        if cls not in _writers:
            try:
                document = document_of(cls)
            except TypeError:  # no document type: the general writer says why
                _unsupported.add(cls)
                return None
            generator = _Generator(cls, document)
            try:
                _writers[cls] = generator.build()
            except RecursionError:  # a model that holds itself: no fast path
                _unsupported.add(cls)
                return None
            _sources[cls] = generator.text
        return _writers[cls]


def source_of(cls: type[Any]) -> str:
    """The generated source of ``cls``'s writer ("" when it has none)."""
    return _sources.get(cls, "") if writer_of(cls) is not None else ""


class _Generator(Source):
    """Writes the Python source of one document type's writer.

    Every generated list function keeps ``notes``, the strings it has written
    (as they are; in the escaping variant, narrowed and not yet escaped), and
    checks them before it returns.
    """

    def __init__(self, cls: type[Any], document: DocumentShape) -> None:
        self.cls = cls
        self.document = document
        super().__init__(
            {
                "Miss": Miss,
                "_needs_care": needs_care,
                "_needs_escape": needs_escape,
                "_unwritable": unwritable,
                "_escape": _escaped,
                "_narrow": narrow,
                "_type": type,
                # (A value they refuse raises ScalarError: a miss, see write.)
                "_decimal_text": format_decimal,
                "_datetime_text": format_datetime,
                # (The tables of format_datetime's common case, see _leaf.)
                "_OmniDateTime": OmniDateTime,
                "_timezone": dt.timezone,
                "_zone_texts": TIMEZONE_TEXTS,
                "_day_texts": DAY_TEXTS,
                "_two_digits": TWO_DIGITS,
                "_three_digits": THREE_DIGITS,
                "_json": _json,
                "_join": "".join,
                "_next_tests": _next_tests,
            },
            locals=(
                "v", "r", "items", "out", "append", "notes", "note", "tested", "plain_notes",
                "plain", "wide_notes", "wide",
            ),
        )
        # While the escaping variant of a list is generated (see _struct_list):
        # the names of the flags of each field whose strings it notes.
        self.escaping: list[_Flags] | None = None
        self.lists: dict[int, str] = {}
        self.general_items: dict[int, str] = {}
        self.int_texts: dict[tuple[int, int], str] = {}

    def build(self) -> Writer:
        tag = self.document.root
        entry = self._root_function(self.document.content, tag)
        writer: Writer = self.compile(f"<omni_codec fast writer of {self.cls.__qualname__}>", entry)
        return writer

    def _root_function(self, shape: StructShape, tag: str) -> str:
        """The function that writes the document as a list of pieces: ``str``,
        and, for a list the root holds, the list of its items' ``str``."""
        lines: list[str] = [f"if _type(v) is not {self._class(self.cls)}: raise Miss"]
        var = "v"
        if self.document.wrapper is not None:
            # The document type holds the root element's Struct (the API error).
            var = "r"
            lines.append(f"r = v.{self.document.wrapper.attr}")
            lines.append(f"if _type(r) is not {self._class(shape.cls)}: raise Miss")
        fragment = self._struct(shape, var, lines, None, escape=True)
        pieces = f"<{tag}>{fragment}</{tag}>".split(_LIST)
        # (The items' texts are joined as they are encoded, see _encoded.)
        parts = [piece if index % 2 else self._inline(piece) for index, piece in enumerate(pieces)]
        lines.append(f"return [{', '.join(parts)}]")
        return self._function(f"_write_{tag}", lines, escape=True)

    def _class(self, cls: type[Any]) -> str:
        return self.constant(f"_{cls.__name__}", cls)

    def _function(
        self, wanted: str, lines: list[str], *, escape: bool, parameter: str = "v",
        head: tuple[str, ...] = (),
    ) -> str:
        notes = () if escape else ("notes = []", "note = notes.append")
        return self.function(wanted, parameter, [*head, *notes, *lines])

    @staticmethod
    def _inline(fragment: str) -> str:
        """An f-string for ``fragment``, with its lists joined inline; a long one
        as several f-strings, one per line, cut before elements."""
        pieces = fragment.split(_LIST)
        inline = "".join(
            f"{{_join({piece})}}" if index % 2 else piece for index, piece in enumerate(pieces)
        )
        chunks = _cut(inline)
        if len(chunks) == 1:
            return f'f"{inline}"'
        return "(\n" + "".join(f'            f"{chunk}"\n' for chunk in chunks) + "        )"

    # A Struct's fields: statements into ``lines``; the return value is the
    # f-string fragment of its children.

    def _struct(
        self, shape: StructShape, var: str, lines: list[str], columns: dict[str, str] | None,
        *, escape: bool,
    ) -> str:
        fragment = ""
        for field in shape.fields:
            a = self.name(f"f_{field.attr}")
            lines.append(f"{a} = {var}.{field.attr}")
            fragment += self._field(field.name, field.required, field.value, a, lines, columns, escape)
        rule = code_rule(shape.cls)
        if rule is not None:  # the rules the model checks in code, as on decode
            lines.append(f"if {self.constant(f'_rule_of_{shape.name}', rule)}({var}) is not None: raise Miss")
        return fragment

    def _tests(self, value: ValueShape, a: str, **options: bool) -> str:
        return any_of(rule_of(value).tests(a, self.constant, **options))

    def _field(
        self, name: str, required: bool, value: ValueShape, a: str,
        lines: list[str], columns: dict[str, str] | None, escape: bool,
    ) -> str:
        """Statements that check ``a`` and the fragment that writes it.

        ``None`` is no element; in a required field it fails the type test, and
        the general writer reports it.
        """
        start, end = f"<{name}>", f"</{name}>"
        kind = value.kind
        if kind is Kind.LIST:
            write_list = self._list(value)
            tests = self._tests(value, a)
            if not required:
                tests = f"{a} is not None and ({tests})"
            lines.append(f"if {tests}: raise Miss")
            piece = self.name(f"p_{name}")
            if required:
                # Written here, not in the f-string: the items are checked before
                # the model's own rule sees them.
                lines.append(f"{piece} = {write_list}({a})")
                return f"{start}{_LIST}{piece}{_LIST}{end}"
            lines.append(
                f'{piece} = "" if {a} is None else f"{start}{{_join({write_list}({a}))}}{end}"'
            )
            return f"{{{piece}}}"
        if kind is Kind.UNION:
            # Members may nest (a Line Flex box holds boxes): written by the
            # general writer, after the general check.
            piece = self.name(f"p_{name}")
            text = self.constant("_union_text", _union_text(value))
            if required:
                lines.append(f"{piece} = {text}({a}, {start!r}, {end!r})")
            else:
                lines.append(f'{piece} = "" if {a} is None else {text}({a}, {start!r}, {end!r})')
            return f"{{{piece}}}"
        if kind is Kind.JSON:
            piece = self.name(f"p_{name}")
            condition = f"if {a} is None: raise Miss" if required else f'if {a} is None: {piece} = ""'
            lines.append(condition)
            lines.append(f"elif {self._tests(value, a)}: raise Miss")
            lines.append(f"else: {piece} = _json({a}, {start!r}, {end!r})")
            return f"{{{piece}}}"
        inner: list[str] = []
        if kind is Kind.STRUCT:
            inner.append(f"if {self._tests(value, a)}: raise Miss")
            content = start + self._struct(value.struct, a, inner, columns, escape=escape) + end
        else:
            content = f"{start}{{{self._leaf(name, value, a, inner, columns, escape)}}}{end}"
        if required:  # ``None`` fails the type check
            lines.extend(inner)
            return content
        piece = self.name(f"p_{name}")
        lines.append(f"if {a} is None:")
        lines.append(f'    {piece} = ""')
        lines.append("else:")
        lines.extend(f"    {line}" for line in inner)
        lines.append(f"    {piece} = {self._inline(content)}")
        return f"{{{piece}}}"

    def _leaf(
        self, name: str, value: ValueShape, a: str, lines: list[str],
        columns: dict[str, str] | None, escape: bool,
    ) -> str:
        """Statements that check ``a`` (not ``None``) by its rule, as the general
        writer does; returns the expression of its text.

        A string is escaped as it is written (``escape``) or noted for the check
        after the loop. With ``columns``, a string's pattern is checked once for
        all the items of a list: the string is appended to a column, which
        ``columns`` maps to the function that checks it (and which is checked
        for care too).
        """
        kind, rule = value.kind, rule_of(value)
        if kind in (Kind.DATETIME, Kind.DECIMAL):
            return self._formatted(name, value, a, lines)
        column = columns is not None and rule.pattern is not None
        # An int's text is looked up in a table of the values within its
        # bounds (_IntTexts), which refuses the others.
        tests = self._tests(value, a, pattern=not column, bounds=kind is not Kind.INT)
        lines.append(f"if {tests}: raise Miss")
        if kind is Kind.STRING:
            if column:
                assert columns is not None and rule.pattern is not None  # column says so
                col = self.name(f"column_{name}")
                columns[col] = self.constant("_matches_" + name, column_checker(rule.pattern))
                lines.append(f"{col}_append({a})")
            elif not escape:
                lines.extend(self._note(a).split("\n"))
            return f"_escape({a})" if escape else a
        if kind is Kind.ENUM:
            t = self.name(f"t_{name}")
            # A str (_binding refuses other enums), read from the member's
            # ``_value_`` (the enum documentation's name for what ``value``
            # returns) without the ``value`` property's call.
            lines.append(f"{t} = {a}._value_")
            if not escape:
                lines.extend(self._note(t).split("\n"))
            return f"_escape({t})" if escape else t
        if kind is Kind.INT:
            assert rule.low is not None and rule.high is not None  # always set for ints
            bounds = (rule.low, rule.high)
            if bounds not in self.int_texts:
                self.int_texts[bounds] = self.constant("_int_texts", _IntTexts(*bounds))
            return f"{self.int_texts[bounds]}[{a}]"
        if kind is not Kind.BOOL:
            raise TypeError(f"no leaf of kind {kind}")  # every leaf kind is above
        t = self.name(f"t_{name}")
        lines.append(f"{t} = 'true' if {a} else 'false'")
        return t

    def _formatted(self, name: str, value: ValueShape, a: str, lines: list[str]) -> str:
        """Statements that write the datetime or decimal ``a`` (not ``None``);
        returns the expression of its text.

        Its check is its formatting (``format_datetime``, ``format_decimal``),
        which refuses what the rule refuses. The common case is written inline,
        as the formatting writes it, for a fifth to half of its cost (a delivery
        report has two datetimes and a decimal): an ``OmniDateTime`` in a fixed
        offset met before, in whole milliseconds; a decimal whose text is plain
        notation within the bounds and starts with a digit. Anything else is
        checked and formatted by the function.
        """
        t = self.name(f"t_{name}")
        test = self._tests(value, a, problem=False)
        if value.kind is Kind.DATETIME:
            zone, suffix, micro = self.name("zone"), self.name("suffix"), self.name("micro")
            common = (
                f"_type({a}) is _OmniDateTime and _type({zone} := {a}.tzinfo) is _timezone"
                f" and ({suffix} := _zone_texts.get({zone})) is not None"
                f" and not ({micro} := {a}.microsecond) % 1000"
            )
            text = (
                f'f"{{_day_texts[{a}.toordinal()]}}{{_two_digits[{a}.hour]}}:'
                f"{{_two_digits[{a}.minute]}}:{{_two_digits[{a}.second]}}"
                f'.{{_three_digits[{micro} // 1000]}}{{{suffix}}}"'
            )
            formatting = "_datetime_text"
        else:
            common = (
                f"_type({a}) is {self.constant('_Decimal', Decimal)}"
                f" and len({t} := {self.constant('_str', str)}({a})) <= {DECIMAL_PLAIN_LIMIT}"
                f' and "E" not in {t} and "0" <= {t}[0] <= "9"'
            )
            text, formatting = t, "_decimal_text"
        lines += [
            f"if {common}:",
            f"    {t} = {text}",
            "else:",
            f"    if {test}: raise Miss",
            f"    {t} = {formatting}({a})",
        ]
        return t

    def _note(self, var: str) -> str:
        """Note the string ``var``.

        In the escaping variant, the field has two flags: ``escape``, replace
        each character :func:`escape_markup` replaces that it holds, as it does (a
        test of each, and only the replacements needed); ``narrow``, narrow it if
        it is not ASCII (which ``escape`` does too). Each sets its second flag,
        ``escaped`` or ``narrowed``, when it changes the string. The strings
        each is not asked of are checked together after the loop: those of a
        field with neither flag for care, as they are; those of the others
        narrowed, so that their check joins texts of one byte a character
        whatever they hold: for what cannot be written, and, those narrowed
        only, for an escape. (Narrowing first is the same as last: see
        :func:`narrow`.)
        """
        if self.escaping is None:
            return f"note({var})"
        escape, narrow_ = self.name("escape"), self.name("narrow")
        escaped, narrowed = self.name("escaped"), self.name("narrowed")
        self.escaping.append(_Flags(escape, narrow_, escaped, narrowed))
        narrowing = [
            f"    if not {var}.isascii():",
            f"        {var} = {var}{_NARROWING}; {narrowed} = True",
        ]
        return "\n".join([
            f"if {escape}:",
            *narrowing,
            f"    note({var})",
            *(
                f"    if {char!r} in {var}: {var} = {var}.replace({char!r}, {reference!r}); {escaped} = True"
                for char, reference in general.MARKUP_REFERENCES
            ),
            f"elif {narrow_}:",
            *narrowing,
            f"    wide({var})",
            "else:",
            f"    plain({var})",
        ])

    def _list(self, value: ValueShape) -> str:
        """A function that writes a list's items (the content of its element).

        The strings of all the items are checked at the end; if any needs an
        escape, the list is written by the general writer instead.
        """
        if id(value) in self.lists:
            return self.lists[id(value)]
        escaping, self.escaping = self.escaping, None  # (a list inside an escaped item)
        try:
            return self._new_list(value)
        finally:
            self.escaping = escaping

    def _new_list(self, value: ValueShape) -> str:
        item, item_name = value.item, value.item_name
        assert item is not None and item_name is not None  # a bound LIST has both
        if item.kind is Kind.STRUCT:
            hint = self.constant(f"_{item_name}_hint", [None])
            escaping = self.name(f"_write_{item_name}_escaping")
            # (The flags that make the variant test every field: bound when its
            # fields are known.)
            every = self.name(f"_every_{item_name}_test")
            function = self._struct_list(value, hint, escaping, every)
            self._struct_list(value, hint, escaping, every, escaping=True)
        else:
            # Items that are not Structs: each written by the field code,
            # escaping every string (lists of leaves are rare).
            body: list[str] = []
            fragment = self._field(item_name, True, item, "v", body, None, True)
            body.append(f"append({self._inline(fragment)})")
            lines = ["for v in items:", *(f"    {line}" for line in body), "return out"]
            head = ("if _type(items) is not list: raise Miss", "out = []", "append = out.append")
            function = self._function(
                f"_write_{item_name}", lines, escape=True, parameter="items", head=head
            )
        self.lists[id(value)] = function
        return function

    def _struct_list(
        self, value: ValueShape, hint: str, variant: str, every: str, *, escaping: bool = False
    ) -> str:
        """The writer of a list of Structs (``variant`` names its escaping
        variant, ``every`` the flags that make it test every field), or, when
        ``escaping``, that variant itself.

        The first writes every string as it is and notes it; if one needs care
        (an escape, or narrowing), it hands the list to the escaping variant,
        which checks the strings of each field its flags name for a markup
        character or a CR, and for one beyond ASCII, as it writes them, and notes
        the others (see ``_note``). The variant sets ``hint`` to the fields whose
        strings it escaped or narrowed (with those of the hint it was given), or
        to ``None`` when it changed none, and the first then hands over the next
        list straight away, with those flags: a document of texts that need
        escapes costs one pass of checks per free text, not two passes, and not a
        check of every identifier. If a string of a field it did not check turns
        out to need it, the variant writes the list again checking every field.
        (The hint only chooses between writers of the same bytes.)
        """
        item, item_name = value.item, value.item_name
        assert item is not None and item_name is not None  # a bound LIST has both
        start, end = f"<{item_name}>", f"</{item_name}>"
        body: list[str] = []
        columns: dict[str, str] = {}
        if id(value) not in self.general_items:
            self.general_items[id(value)] = self.constant(
                f"_general_{item_name}_items", general.items_writer(value)
            )
        general_items = self.general_items[id(value)]
        body.append(f"if {self._tests(item, 'v')}: raise Miss")
        flags: list[_Flags] = []
        self.escaping = flags if escaping else None
        try:
            fragment = self._struct(item.struct, "v", body, columns, escape=False)
        finally:
            self.escaping = None
        body.append(f"append({self._inline(start + fragment + end)})")
        after = [f"if not {check}({column}): raise Miss" for column, check in columns.items()]
        if columns:  # (pattern columns rarely allow a markup character)
            cared = any_of([f"_needs_care({column})" for column in columns])
            after.append(f"if {cared}: return [_narrow({general_items}(items))]")
        head = ["if _type(items) is not list: raise Miss"]
        tests = [flag.escape for flag in flags] + [flag.narrow for flag in flags]
        founds = [flag.escaped for flag in flags] + [flag.narrowed for flag in flags]
        if escaping:
            self.namespace[every] = (True,) * len(tests)
            if flags:
                head.append(f"{_tuple(tests)} = tested")
                head.extend(f"{found} = False" for found in founds)
            after.append("if _unwritable(notes): raise Miss")
            after.append(
                f"if _needs_care(plain_notes) or _needs_escape(wide_notes): return {variant}(items, {every})"
            )
            after.append(f"{hint}[0] = _next_tests({hint}[0], {_tuple(founds)})")
        else:
            head.append(f"if (tested := {hint}[0]) is not None: return {variant}(items, tested)")
            after.append(f"if _needs_care(notes): return {variant}(items, {every})")
        lines = [
            *(f"{column} = []; {column}_append = {column}.append" for column in columns),
            "for v in items:",
            *(f"    {line}" for line in body),
            *after,
            "return out",
        ]
        head += ["out = []", "append = out.append", "notes = []", "note = notes.append"]
        if escaping:
            head += [
                "plain_notes = []", "plain = plain_notes.append",
                "wide_notes = []", "wide = wide_notes.append",
            ]
            return self.function(variant, "items, tested", [*head, *lines], reserved=True)
        return self.function(f"_write_{item_name}", "items", [*head, *lines])


class _Flags(NamedTuple):
    """The names of a field's flags in the escaping variant (see ``_note``)."""

    escape: str
    narrow: str
    escaped: str
    narrowed: str


def _tuple(names: list[str]) -> str:
    """A tuple display of ``names``, one a line when long."""
    if len(names) == 1:
        return f"({names[0]},)"
    return call("", names)


def _next_tests(hint: tuple[bool, ...] | None, found: tuple[bool, ...]) -> tuple[bool, ...] | None:
    """The flags of the next list's escaping variant: the fields whose strings
    this list's escaped or narrowed (``found``), with those of the ``hint`` it
    was given (so that fields that need it now and then are not each time a
    second pass); ``None``, the first writer, when it changed none."""
    if True not in found:
        return None
    if hint is None:
        return found
    return tuple(map(operator.or_, hint, found))


def _cut(text: str, width: int = 60) -> list[str]:
    """The f-string content ``text`` in chunks of about ``width`` characters, cut
    only before an element or a replacement field."""
    chunks, start, depth = [], 0, 0
    for index, char in enumerate(text):
        if char in "<{" and depth == 0 and index - start >= width:
            chunks.append(text[start:index])
            start = index
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
    chunks.append(text[start:])
    return chunks


def _json(value: Any, start: str, end: str) -> str:
    """A free-form JSON field, written by the general writer's own code, narrowed."""
    parts: list[str] = []
    general.write_json_field(value, start, end, parts)
    return narrow("".join(parts))
