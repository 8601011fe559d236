"""A fast path for encoding XML (SPEC section 5).

The general writer (:mod:`.writer`) calls a closure per value and appends each
piece to a list, which is what makes it precise (every error carries the field's
path) and slow. This module writes the same bytes with code generated once per
document type from the wire description (:func:`~omni_codec._binding.shape_of`),
never written per type: one function per list, whose loop body reads, checks and
formats a whole item, nested Structs included, into one f-string.

Each value gets the checks of the general writer (exact types, string patterns,
the int range, finite decimals, aware datetimes), and the strings of an item are
checked together with one regular expression search for anything that needs an
escape or cannot be written at all; an item that has any is written again with
every string escaped by the general writer's own function. Anything else the
general writer would treat in its own way (a value of the wrong type, ``None`` in
a required field, a character XML cannot carry, any error) makes :func:`write`
return ``None``, and the caller runs the general writer, which then writes the
same document or raises the precise error.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import msgspec
import msgspec.inspect as mi

from .._binding import DocumentShape, Kind, StructShape, ValueShape, document_of
from .._scalars import format_datetime, format_decimal
from .codegen import SourceBuilder
from .fast_reader import column_checker
from .writer import _indent, _write_json_field, escape_text

__all__ = ["write"]


class _Miss(Exception):
    """The value is not one the fast path writes."""


# What escape_text would change or refuse: markup characters, "\r" (written as a
# reference) and the characters outside XML 1.0's Char production.
_NEEDS_CARE = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]").search

_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
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
        text = write_root(value)
        if pretty:
            text = _indent(text)
        if declaration:
            text = _DECLARATION + text
        return text.encode("utf-8")
    except Exception:  # anything unexpected: the general path decides
        return None


_Writer = Callable[[Any], str]
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
    """Writes the Python source of one document type's writer."""

    def __init__(self, cls: type[msgspec.Struct], document: DocumentShape) -> None:
        self.cls = cls
        self.document = document
        super().__init__({
            "_Miss": _Miss,
            "_care": _NEEDS_CARE,
            "_escape": escape_text,
            "_isinstance": isinstance,
            "_type": type,
            "_str": str,
            "_int": int,
            "_list": list,
            "_Decimal": Decimal,
            "_datetime": dt.datetime,
            "_decimal_text": format_decimal,
            "_datetime_text": format_datetime,
            "_json": _json,
            "_join": "".join,
            "_map": map,
        })
        self.lists: dict[tuple[int, str], str] = {}

    def build(self) -> _Writer:
        document = self.document
        shape, tag = document.content, document.root
        careful = self._unit_function(shape, tag, escape=True)
        lines: list[str] = [f"if _type(v) is not {self.constant('_Struct', self.cls)}: raise _Miss"]
        if document.wrapper is not None:
            # The document type holds the root element's Struct (the API error).
            lines.append(f"v = v.{document.wrapper.attr}")
        lines.append(f"if _type(v) is not {self.constant('_Struct', shape.cls)}: raise _Miss")
        texts: list[str] = []
        fragment = self._struct(shape, "v", lines, texts, None, escape=False)
        lines.extend(self._care(texts, f"return {careful}(v)"))
        lines.append(f"return {self._document(tag, fragment)}")
        function = self._function("_write_root", lines)
        writer: _Writer = self.compile(f"<omni_codec fast writer for {tag}>", function)
        return writer

    def _function(self, prefix: str, lines: list[str], parameter: str = "v") -> str:
        name = self.name(prefix)
        body = "".join(f"    {line}\n" for line in lines)
        self.functions.append(f"def {name}({parameter}):\n{body}")
        return name

    def _care(self, texts: list[str], then: str) -> list[str]:
        """Escape every string when any needs it (or cannot be written)."""
        if not texts:
            return []
        joined = "".join(f"{{{t}}}" for t in texts)
        return [f'if _care(f"{joined}") is not None: {then}']

    def _unit_function(self, shape: StructShape, tag: str, *, escape: bool) -> str:
        """A function that writes one Struct value as element ``tag``."""
        lines: list[str] = []
        fragment = self._struct(shape, "v", lines, [], None, escape=escape)
        lines.append(f"return {self._document(tag, fragment)}")
        return self._function("_write_careful", lines)

    @staticmethod
    def _document_fragment(fragment: str) -> str:
        """An f-string for ``fragment``, with its lists joined inline."""
        pieces = fragment.split(_LIST)
        inline = "".join(
            f"{{_join({piece})}}" if index % 2 else piece for index, piece in enumerate(pieces)
        )
        return f'f"{inline}"'

    @staticmethod
    def _document(tag: str, fragment: str) -> str:
        """The expression joining element ``tag`` with content ``fragment``.

        A list's items (marked by _LIST) are joined with the rest at once, so
        that the text of a long list is not copied into the document again.
        """
        pieces = f"<{tag}>{fragment}</{tag}>".split(_LIST)
        if len(pieces) == 1:
            return f'f"{pieces[0]}"'
        parts = [
            f"*{piece}" if index % 2 else f'f"{piece}"' for index, piece in enumerate(pieces)
        ]
        return f"_join([{', '.join(parts)}])"

    # A Struct's fields: statements into ``lines``, the strings to check into
    # ``texts``; the return value is the f-string fragment of its children.

    def _struct(
        self, shape: StructShape, var: str, lines: list[str], texts: list[str],
        columns: dict[str, str] | None, *, escape: bool,
    ) -> str:
        fragment = ""
        for field in shape.fields:
            a = self.name("a")
            lines.append(f"{a} = {var}.{field.attr}")
            fragment += self._field(
                field.name, field.required, field.value, a, lines, texts, columns, escape
            )
        return fragment

    def _field(
        self, name: str, required: bool, value: ValueShape, a: str,
        lines: list[str], texts: list[str], columns: dict[str, str] | None, escape: bool,
    ) -> str:
        """Statements that check ``a`` and the fragment that writes it.

        The general writer writes nothing for ``None``, required or not; a
        required field that is ``None`` is left to it.
        """
        start, end = f"<{name}>", f"</{name}>"
        kind = value.kind
        if kind is Kind.STRUCT:
            cls = self.constant("_Struct", value.struct_type)
            if required:
                lines.append(f"if _type({a}) is not {cls}: raise _Miss")
                fragment = self._struct(value.struct, a, lines, texts, columns, escape=escape)
                return start + fragment + end
            piece, check = self.name("p"), self.name("k")
            inner: list[str] = [f"if _type({a}) is not {cls}: raise _Miss"]
            inner_texts: list[str] = []
            fragment = self._struct(value.struct, a, inner, inner_texts, columns, escape=escape)
            inner.append(f"{piece} = {self._document_fragment(start + fragment + end)}")
            joined = "".join(f"{{{t}}}" for t in inner_texts)
            inner.append(f'{check} = f"{joined}"')
            lines.append(f"if {a} is None:")
            lines.append(f'    {piece} = {check} = ""')
            lines.append("else:")
            lines.extend(f"    {line}" for line in inner)
            texts.append(check)
            return f"{{{piece}}}"
        if kind is Kind.LIST:
            assert value.item is not None and value.item_name is not None
            write_list = self._list(value.item, value.item_name)
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
            lines.append(f"else: {piece} = _json({a}, {start!r}, {end!r})")
            return f"{{{piece}}}"
        # A leaf: ``t`` is its text; strings and enum values are checked (and
        # escaped in the careful variant), the other kinds need no escape.
        t = self.name("t")
        statements = self._leaf(value, a, t, columns, escape)
        if required:  # ``None`` fails the type check
            lines.extend(statements)
            if kind in (Kind.STRING, Kind.ENUM):
                texts.append(t)
            return f"{start}{{{t}}}{end}"
        piece = self.name("p")
        lines.append(f"if {a} is None:")
        lines.append(f'    {piece} = {t} = ""')
        lines.append("else:")
        lines.extend(f"    {line}" for line in statements)
        lines.append(f'    {piece} = f"{start}{{{t}}}{end}"')
        if kind in (Kind.STRING, Kind.ENUM):
            texts.append(t)
        return f"{{{piece}}}"

    def _leaf(
        self, value: ValueShape, a: str, t: str, columns: dict[str, str] | None, escape: bool
    ) -> list[str]:
        """Statements that check ``a`` (not ``None``) as the general writer does
        and set ``t`` to its text.

        With ``columns``, a string's pattern is checked once for all the items of
        a list: the string is appended to a list, which ``columns`` maps to the
        function that checks it.
        """
        kind, info = value.kind, value.info
        if kind is Kind.STRING:
            assert isinstance(info, mi.StrType)
            lines = [f"if _type({a}) is not _str: raise _Miss"]
            if info.pattern is not None and columns is not None:
                column = self.name("column")
                columns[column] = self.constant("_pattern", column_checker(info.pattern))
                lines.append(f"{column}_append({a})")
            elif info.pattern is not None:
                search = self.constant("_pattern", re.compile(info.pattern).search)
                lines.append(f"if {search}({a}) is None: raise _Miss")
            lines.append(f"{t} = _escape({a})" if escape else f"{t} = {a}")
            return lines
        if kind is Kind.ENUM:
            assert isinstance(info, mi.EnumType)
            enum_cls = self.constant("_Enum", info.cls)
            return [
                f"if not _isinstance({a}, {enum_cls}): raise _Miss",
                f"{t} = {a}.value",
                f"if _type({t}) is not _str: raise _Miss",
                *([f"{t} = _escape({t})"] if escape else []),
            ]
        if kind is Kind.INT:
            assert isinstance(info, mi.IntType)
            low = info.ge if info.ge is not None else -(2**63)
            high = info.le if info.le is not None else 2**63 - 1
            return [
                f"if _type({a}) is not _int or not {low} <= {a} <= {high}: raise _Miss",
                f"{t} = {a}",
            ]
        if kind is Kind.BOOL:
            return [
                f"if {a} is True: {t} = 'true'",
                f"elif {a} is False: {t} = 'false'",
                "else: raise _Miss",
            ]
        if kind is Kind.DECIMAL:
            return [
                f"if not _isinstance({a}, _Decimal): raise _Miss",
                f"{t} = _decimal_text({a})",
            ]
        if kind is Kind.DATETIME:
            return [
                f"if not _isinstance({a}, _datetime): raise _Miss",
                f"{t} = _datetime_text({a})",
            ]
        raise AssertionError(kind)

    def _list(self, item: ValueShape, item_name: str) -> str:
        """A function that writes a list's items (the content of its element).

        The strings of all the items are checked at the end, in one search; if
        any needs an escape, the items are written again by the careful variant.
        """
        key = (id(item), item_name)
        if key in self.lists:
            return self.lists[key]
        start, end = f"<{item_name}>", f"</{item_name}>"
        body: list[str] = []
        texts: list[str] = []
        columns: dict[str, str] = {}
        if item.kind is Kind.STRUCT:
            assert item.struct_type is not None
            cls = self.constant("_Struct", item.struct_type)
            careful = self._unit_function(item.struct, item_name, escape=True)
            body.append(f"if _type(v) is not {cls}: raise _Miss")
            fragment = self._struct(item.struct, "v", body, texts, columns, escape=False)
            if texts:
                body.append(f'note(f"{"".join(f"{{{t}}}" for t in texts)}")')
            body.append(f"append({self._document_fragment(start + fragment + end)})")
            after = [f"if not {check}({column}): raise _Miss" for column, check in columns.items()]
            if texts:
                after.append(
                    f'if _care(_join(notes)) is not None: return _list(_map({careful}, items))'
                )
        else:
            # Items that are not Structs: each written by the field code,
            # escaping every string (lists of leaves are rare).
            fragment = self._field(item_name, True, item, "v", body, texts, None, True)
            body.append(f"append({self._document_fragment(fragment)})")
            after = []
        lines = [
            "if _type(items) is not _list: raise _Miss",
            "out = []",
            "append = out.append",
            *(["notes = []", "note = notes.append"] if texts else []),
            *(f"{column} = []; {column}_append = {column}.append" for column in columns),
            "for v in items:",
            *(f"    {line}" for line in body),
            *after,
            "return out",
        ]
        function = self._function("_write_list", lines, parameter="items")
        self.lists[key] = function
        return function


def _json(value: Any, start: str, end: str) -> str:
    """A free-form JSON field, written by the general writer's own code."""
    parts: list[str] = []
    _write_json_field(value, start, end, parts)
    return "".join(parts)
