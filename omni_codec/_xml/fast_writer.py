"""A fast path for encoding XML (SPEC section 5).

The general writer (:mod:`.writer`) calls a closure per value and appends each
piece to a list, which is what makes it precise (every error carries the field's
path) and slow. This module writes the same bytes with code generated once per
document type from the wire description (:func:`~omni_codec._binding.shape_of`),
never written per type: one function per list, whose loop body reads, checks and
formats a whole item, nested Structs included, into one f-string.

Each value gets the checks the general writer makes, inlined from the same rules
(:meth:`omni_codec._checks.Rule.tests`: exact types, string patterns and lengths,
integer bounds, list lengths, decimals within the XSD's bounds, aware datetimes,
free-form JSON, the rules a model checks in ``__post_init__``), so that it never
writes what the general writer refuses. The strings are checked for
anything that needs an escape or cannot be written at all once, after the loop:
each string is noted in a list as it is written, and the list's UTF-8 bytes are
looked through in one ``bytes.translate`` (a table lookup a byte, several times
faster than a regular expression over the text). A list with such a string is
written again with every string escaped by the general writer's own function.
String patterns are checked in the same way, on the column of one field's values.
Anything else the general writer would treat in its own way (a value of the
wrong type, ``None`` in a required field, a character XML cannot carry, any
error) makes :func:`write` return ``None``, and the caller runs the general
writer, which then writes the same document or raises the precise error.

The document is written as a few ``str`` pieces (the root's text and the text of
its list), each encoded to UTF-8 on its own: a list of ASCII items then stays an
ASCII string, which encodes with a copy, even when the root has a text that is
not ASCII.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import msgspec

from .._binding import DocumentShape, Kind, StructShape, ValueShape, document_of
from .._checks import model_rule, pattern_checker, rule_of
from .._scalars import format_datetime, format_decimal
from .chars import CONTROL_BYTES, has_marked, has_noncharacter, marking_table
from .codegen import SourceBuilder
from .writer import _indent, _write_json_field, escape_text

__all__ = ["write"]


class _Miss(Exception):
    """The value is not one the fast path writes."""


# The bytes of UTF-8 text that escape_text would change or refuse: the markup
# characters, "\r" (written as a reference) and the control characters outside
# XML 1.0's Char production.
_CARE_TABLE = marking_table(CONTROL_BYTES | frozenset(b"&<>\r"))


def _needs_care(texts: list[str]) -> bool:
    """Whether any of ``texts`` has a character escape_text changes or refuses."""
    if not texts:
        return False
    try:
        raw = "".join(texts).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return True
    return has_marked(raw, _CARE_TABLE) or has_noncharacter(raw)


class _IntTexts(dict[int, str]):
    """The text of each ``int`` within bounds: the small ones are looked up,
    the others formatted; one outside the bounds is a miss."""

    def __init__(self, low: int, high: int) -> None:
        super().__init__((i, str(i)) for i in range(max(low, -128), min(high, 4095) + 1))
        self.low, self.high = low, high

    def __missing__(self, value: int) -> str:
        if not self.low <= value <= self.high:
            raise _Miss
        return str(value)


_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
# Marks, in a generated f-string, a required list whose items are joined in.
_LIST = "\x00"


def write(value: Any, *, pretty: bool = False, declaration: bool = False) -> bytes | None:
    """The bytes ``writer.write`` returns for the same arguments, or ``None``.

    ``None`` means the general writer must run (and then gives the result or
    the error).
    """
    try:
        write_root = _writers.get(type(value))
        if write_root is None:
            write_root = _writer(type(value))
            if write_root is None:
                return None
        pieces = write_root(value)
        if pretty:
            pieces = [_indent("".join(pieces))]
        data = b"".join([piece.encode("utf-8") for piece in pieces])
        return _DECLARATION + data if declaration else data
    except Exception:  # anything unexpected: the general path decides
        return None


_Writer = Callable[[Any], list[str]]
_writers: dict[type[Any], _Writer] = {}
_unsupported: set[type[Any]] = set()
_lock = threading.Lock()


def _writer(cls: type[Any]) -> _Writer | None:
    if cls in _unsupported or not (isinstance(cls, type) and issubclass(cls, msgspec.Struct)):
        return None
    with _lock:
        if cls not in _writers:
            try:
                _writers[cls] = _Generator(cls, document_of(cls)).build()
            except (TypeError, KeyError, AssertionError, ValueError, SyntaxError, RecursionError):
                _unsupported.add(cls)
                return None
        return _writers[cls]


class _Generator(SourceBuilder):
    """Writes the Python source of one document type's writer.

    Every generated function that writes strings keeps ``notes``, the strings
    it has written unescaped, and checks them before it returns. The careful
    variants (``escape=True``) escape each string instead.
    """

    def __init__(self, cls: type[msgspec.Struct], document: DocumentShape) -> None:
        self.cls = cls
        self.document = document
        super().__init__({
            "_Miss": _Miss,
            "_needs_care": _needs_care,
            "_escape": escape_text,
            "_type": type,
            "_list": list,
            "_decimal_text": format_decimal,
            "_datetime_text": format_datetime,
            "_json": _json,
            "_join": "".join,
            "_map": map,
        })
        self.lists: dict[tuple[int, str], str] = {}
        self.int_texts: dict[tuple[int, int], str] = {}

    def build(self) -> _Writer:
        document = self.document
        shape, tag = document.content, document.root
        careful = self._root_function(shape, tag, None, escape=True)
        writer: _Writer = self.compile(
            f"<omni_codec fast writer for {tag}>",
            self._root_function(shape, tag, careful, escape=False),
        )
        return writer

    def _root_function(
        self, shape: StructShape, tag: str, careful: str | None, *, escape: bool
    ) -> str:
        """The function that writes the document as a list of ``str`` pieces."""
        lines: list[str] = [f"if _type(v) is not {self.constant('_Struct', self.cls)}: raise _Miss"]
        var = "v"
        if self.document.wrapper is not None:
            # The document type holds the root element's Struct (the API error).
            var = "r"
            lines.append(f"r = v.{self.document.wrapper.attr}")
            lines.append(f"if _type(r) is not {self.constant('_Struct', shape.cls)}: raise _Miss")
        fragment = self._struct(shape, var, lines, None, escape=escape)
        if careful is not None:
            lines.append(f"if _needs_care(notes): return {careful}(v)")
        pieces = f"<{tag}>{fragment}</{tag}>".split(_LIST)
        parts = [f"_join({piece})" if index % 2 else f'f"{piece}"' for index, piece in enumerate(pieces)]
        lines.append(f"return [{', '.join(parts)}]")
        return self._function("_write_root" if careful else "_write_careful", lines, escape=escape)

    def _function(
        self, prefix: str, lines: list[str], *, escape: bool, parameter: str = "v",
        head: tuple[str, ...] = (),
    ) -> str:
        name = self.name(prefix)
        notes = () if escape else ("notes = []", "note = notes.append")
        body = "".join(f"    {line}\n" for line in (*head, *notes, *lines))
        self.functions.append(f"def {name}({parameter}):\n{body}")
        return name

    @staticmethod
    def _inline(fragment: str) -> str:
        """An f-string for ``fragment``, with its lists joined inline."""
        pieces = fragment.split(_LIST)
        inline = "".join(
            f"{{_join({piece})}}" if index % 2 else piece for index, piece in enumerate(pieces)
        )
        return f'f"{inline}"'

    # A Struct's fields: statements into ``lines``; the return value is the
    # f-string fragment of its children.

    def _struct(
        self, shape: StructShape, var: str, lines: list[str], columns: dict[str, str] | None,
        *, escape: bool,
    ) -> str:
        fragment = ""
        for field in shape.fields:
            a = self.name("a")
            lines.append(f"{a} = {var}.{field.attr}")
            fragment += self._field(field.name, field.required, field.value, a, lines, columns, escape)
        rule = model_rule(shape.cls)
        if rule is not None:  # the rules the model checks in code, as on decode
            lines.append(f"if {self.constant('_rule', rule)}({var}) is not None: raise _Miss")
        return fragment

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
            assert value.item is not None and value.item_name is not None
            write_list = self._list(value.item, value.item_name)
            tests = " or ".join(rule_of(value).tests(a, self.share))
            if not required:
                tests = f"{a} is not None and ({tests})"
            lines.append(f"if {tests}: raise _Miss")
            if required:
                return f"{start}{_LIST}{write_list}({a}){_LIST}{end}"
            piece = self.name("p")
            lines.append(
                f'{piece} = "" if {a} is None else f"{start}{{_join({write_list}({a}))}}{end}"'
            )
            return f"{{{piece}}}"
        if kind is Kind.JSON:
            piece = self.name("p")
            condition = f"if {a} is None: raise _Miss" if required else f'if {a} is None: {piece} = ""'
            lines.append(condition)
            lines.append(f"elif {' or '.join(rule_of(value).tests(a, self.share))}: raise _Miss")
            lines.append(f"else: {piece} = _json({a}, {start!r}, {end!r})")
            return f"{{{piece}}}"
        inner: list[str] = []
        if kind is Kind.STRUCT:
            inner.append(f"if {' or '.join(rule_of(value).tests(a, self.share))}: raise _Miss")
            content = start + self._struct(value.struct, a, inner, columns, escape=escape) + end
        else:
            content = f"{start}{{{self._leaf(value, a, inner, columns, escape)}}}{end}"
        if required:  # ``None`` fails the type check
            lines.extend(inner)
            return content
        piece = self.name("p")
        lines.append(f"if {a} is None:")
        lines.append(f'    {piece} = ""')
        lines.append("else:")
        lines.extend(f"    {line}" for line in inner)
        lines.append(f"    {piece} = {self._inline(content)}")
        return f"{{{piece}}}"

    def _leaf(
        self, value: ValueShape, a: str, lines: list[str], columns: dict[str, str] | None,
        escape: bool,
    ) -> str:
        """Statements that check ``a`` (not ``None``) by its rule, as the general
        writer does; returns the expression of its text.

        A string is noted for the check after the loop (or escaped, in the
        careful variant). With ``columns``, a string's pattern is checked once
        for all the items of a list: the string is appended to a column, which
        ``columns`` maps to the function that checks it (and which is checked
        for care too).
        """
        kind, rule = value.kind, rule_of(value)
        # The checks of the general writer, from the same rules; a string's
        # pattern is checked on its column when there is one.
        column = columns is not None and rule.pattern is not None
        # An int's text is looked up in a table of the values within its
        # bounds (_IntTexts), which refuses the others.
        tests = rule.tests(a, self.share, pattern=not column, bounds=kind is not Kind.INT)
        lines.append(f"if {' or '.join(tests)}: raise _Miss")
        if kind is Kind.STRING:
            if column:
                assert columns is not None and rule.pattern is not None
                name = self.name("column")
                columns[name] = self.constant("_pattern", pattern_checker(rule.pattern))
                lines.append(f"{name}_append({a})")
            elif not escape:
                lines.append(f"note({a})")
            return f"_escape({a})" if escape else a
        if kind is Kind.ENUM:
            t = self.name("t")
            lines.append(f"{t} = {a}.value")  # a str: _binding refuses other enums
            if not escape:
                lines.append(f"note({t})")
            return f"_escape({t})" if escape else t
        if kind is Kind.INT:
            assert rule.low is not None and rule.high is not None  # always set for ints
            bounds = (rule.low, rule.high)
            if bounds not in self.int_texts:
                self.int_texts[bounds] = self.constant("_ints", _IntTexts(*bounds))
            return f"{self.int_texts[bounds]}[{a}]"
        t = self.name("t")
        if kind is Kind.BOOL:
            lines.append(f"{t} = 'true' if {a} else 'false'")
        elif kind is Kind.DECIMAL:
            lines.append(f"{t} = _decimal_text({a})")
        elif kind is Kind.DATETIME:
            lines.append(f"{t} = _datetime_text({a})")
        else:
            raise AssertionError(kind)  # every leaf kind is above
        return t

    def _unit_function(self, shape: StructShape, tag: str) -> str:
        """The careful function that writes one Struct value as element ``tag``."""
        lines: list[str] = []
        fragment = self._struct(shape, "v", lines, None, escape=True)
        lines.append(f"return {self._inline(f'<{tag}>{fragment}</{tag}>')}")
        return self._function("_write_careful", lines, escape=True)

    def _list(self, item: ValueShape, item_name: str) -> str:
        """A function that writes a list's items (the content of its element).

        The strings of all the items are checked at the end; if any needs an
        escape, the items are written again by the careful variant.
        """
        key = (id(item), item_name)
        if key in self.lists:
            return self.lists[key]
        start, end = f"<{item_name}>", f"</{item_name}>"
        body: list[str] = []
        columns: dict[str, str] = {}
        if item.kind is Kind.STRUCT:
            careful = self._unit_function(item.struct, item_name)
            body.append(f"if {' or '.join(rule_of(item).tests('v', self.share))}: raise _Miss")
            fragment = self._struct(item.struct, "v", body, columns, escape=False)
            body.append(f"append({self._inline(start + fragment + end)})")
            after = [f"if not {check}({column}): raise _Miss" for column, check in columns.items()]
            cared = " or ".join(f"_needs_care({column})" for column in ("notes", *columns))
            after.append(f"if {cared}: return _list(_map({careful}, items))")
            escape = False
        else:
            # Items that are not Structs: each written by the field code,
            # escaping every string (lists of leaves are rare).
            fragment = self._field(item_name, True, item, "v", body, None, True)
            body.append(f"append({self._inline(fragment)})")
            after = []
            escape = True
        lines = [
            *(f"{column} = []; {column}_append = {column}.append" for column in columns),
            "for v in items:",
            *(f"    {line}" for line in body),
            *after,
            "return out",
        ]
        head = ("if _type(items) is not _list: raise _Miss", "out = []", "append = out.append")
        function = self._function(
            "_write_list", lines, escape=escape, parameter="items", head=head
        )
        self.lists[key] = function
        return function


def _json(value: Any, start: str, end: str) -> str:
    """A free-form JSON field, written by the general writer's own code."""
    parts: list[str] = []
    _write_json_field(value, start, end, parts)
    return "".join(parts)
