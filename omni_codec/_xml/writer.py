"""Writing a typed value as XML text (SPEC section 5).

Writers compiled once per Struct shape append escaped text to a list: building an
lxml tree only to serialise it would cost more than the document is worth. Every
value is checked on the way, so that each document written is valid against the
XSD: a wrong Python type, an int outside ``xs:int``, a naive datetime, a character
XML 1.0 cannot carry are :class:`~omni_codec.EncodeError` with the field's path.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any

import msgspec
import msgspec.inspect as mi

from .._binding import Kind, StructShape, ValueShape, document_of
from .._paths import join
from .._scalars import ScalarError, describe, format_datetime, format_decimal
from ..errors import EncodeError
from .chars import NOT_XML_CHAR

__all__ = ["write"]

_JSON_MAX_DEPTH = 512


class _Unwritable(Exception):
    """Raised inside the writers; its path is filled in while unwinding."""

    def __init__(self, message: str) -> None:
        self.message = message
        self.segments: list[str | int] = []


Parts = list[str]
Writer = Callable[[Any, str, str, Parts], None]


def write(value: msgspec.Struct, *, pretty: bool = False, declaration: bool = False) -> bytes:
    """The XML document for ``value``, as UTF-8 bytes."""
    cls = type(value)
    if not isinstance(value, msgspec.Struct):
        raise EncodeError(f"Expected an OMNI model instance, got {describe(value)}")
    try:
        document = document_of(cls)
    except (TypeError, KeyError):
        raise EncodeError(f"{cls.__name__} is not an OMNI type") from None
    name = document.root
    parts: Parts = []
    try:
        content: Any = value
        if document.wrapper is not None:
            content = getattr(value, document.wrapper.attr)
        _root_writer(document.content)(content, f"<{name}>", f"</{name}>", parts)
    except _Unwritable as problem:
        if document.wrapper is not None:
            problem.segments.append(document.wrapper.name)
        raise EncodeError(problem.message, path=join(reversed(problem.segments))) from None
    text = "".join(parts)
    if pretty:
        text = _indent(text)
    if declaration:
        text = '<?xml version="1.0" encoding="UTF-8"?>\n' + text
    return text.encode("utf-8")


@cache
def _root_writer(shape: StructShape) -> Writer:
    return _value_writer(ValueShape(Kind.STRUCT, mi.type_info(shape.cls), struct_type=shape.cls))


def _indent(text: str) -> str:
    from lxml import etree

    from .parser import parse
    from ..limits import Limits

    root = parse(text, Limits(max_bytes=len(text) * 4 + 1, max_depth=2**31, max_list_items=2**62))
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="unicode")


def escape_text(text: str) -> str:
    # Characters outside XML 1.0's Char production cannot be carried, escaped
    # or not (SPEC section 6).
    bad = NOT_XML_CHAR.search(text)
    if bad is not None:
        raise _Unwritable(
            f"Character U+{ord(bad.group()):04X} cannot be carried by XML 1.0"
        )
    # "\r" would come back as "\n" (XML 1.0 section 2.11): it is written as a
    # reference so that strings keep every character (SPEC section 5).
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        "\r", "&#13;"
    )


def escape_attribute(text: str) -> str:
    # Attribute values are also normalised on reading (XML 1.0 section 3.3.3).
    return escape_text(text).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")


@cache
def _struct_writer(shape: StructShape) -> Callable[[Any, Parts], None]:
    fields: list[tuple[str, str, str, str, Writer]] = []

    def write_struct(value: Any, parts: Parts) -> None:
        if not fields:  # filled on first use: shapes may refer to each other
            fields.extend(
                (f.attr, f.name, f"<{f.name}>", f"</{f.name}>", _value_writer(f.value))
                for f in shape.fields
            )
        name = ""
        try:
            for attr, name, start, end, write_field in fields:
                field_value = getattr(value, attr)
                if field_value is not None:
                    write_field(field_value, start, end, parts)
        except _Unwritable as problem:
            problem.segments.append(name)
            raise

    return write_struct


def _value_writer(value: ValueShape) -> Writer:
    kind = value.kind
    if kind is Kind.STRUCT:
        cls = value.struct_type
        write_struct = _struct_writer(value.struct)

        def write_nested(item: Any, start: str, end: str, parts: Parts) -> None:
            if type(item) is not cls:
                raise _Unwritable(f"Expected `{cls.__name__}`, got {describe(item)}")  # type: ignore[union-attr]
            parts.append(start)
            write_struct(item, parts)
            parts.append(end)

        return write_nested
    if kind is Kind.LIST:
        assert value.item is not None
        return _list_writer(value.item_name or "", _value_writer(value.item))
    if kind is Kind.JSON:
        return _write_json_field
    return _leaf_writer(value)


def _list_writer(item_name: str, write_item: Writer) -> Writer:
    item_start, item_end = f"<{item_name}>", f"</{item_name}>"

    def write_list(items: Any, start: str, end: str, parts: Parts) -> None:
        if type(items) is not list:
            raise _Unwritable(f"Expected `list`, got {describe(items)}")
        parts.append(start)
        index = 0
        try:
            for index, item in enumerate(items):  # noqa: B007 (index used on error)
                write_item(item, item_start, item_end, parts)
        except _Unwritable as problem:
            problem.segments.append(index)
            raise
        parts.append(end)

    return write_list


def _leaf_writer(value: ValueShape) -> Writer:
    format_text = _leaf_formatter(value)

    def write_leaf(item: Any, start: str, end: str, parts: Parts) -> None:
        parts.append(start + format_text(item) + end)

    return write_leaf


def _leaf_formatter(value: ValueShape) -> Callable[[Any], str]:
    kind, info = value.kind, value.info
    if kind is Kind.STRING:
        assert isinstance(info, mi.StrType)
        pattern = re.compile(info.pattern) if info.pattern else None

        def format_string(item: Any) -> str:
            if type(item) is not str:
                raise _Unwritable(f"Expected `str`, got {describe(item)}")
            if pattern is not None and pattern.search(item) is None:
                raise _Unwritable(f"{describe(item)} does not match `{info.pattern}`")
            return escape_text(item)

        return format_string
    if kind is Kind.INT:
        assert isinstance(info, mi.IntType)
        low = info.ge if info.ge is not None else -(2**63)
        high = info.le if info.le is not None else 2**63 - 1

        def format_int(item: Any) -> str:
            if type(item) is not int:
                raise _Unwritable(f"Expected `int`, got {describe(item)}")
            if not low <= item <= high:
                raise _Unwritable(f"{item} is outside the range {low}..{high}")
            return str(item)

        return format_int
    if kind is Kind.BOOL:

        def format_bool(item: Any) -> str:
            if type(item) is not bool:
                raise _Unwritable(f"Expected `bool`, got {describe(item)}")
            return "true" if item else "false"

        return format_bool
    if kind is Kind.DECIMAL:

        def format_dec(item: Any) -> str:
            if not isinstance(item, Decimal):
                raise _Unwritable(f"Expected `Decimal`, got {describe(item)}")
            try:
                return format_decimal(item)
            except ScalarError as exc:
                raise _Unwritable(str(exc)) from None

        return format_dec
    if kind is Kind.DATETIME:

        def format_dt(item: Any) -> str:
            if not isinstance(item, dt.datetime):
                raise _Unwritable(f"Expected `datetime`, got {describe(item)}")
            try:
                return format_datetime(item)
            except ScalarError as exc:
                raise _Unwritable(str(exc)) from None

        return format_dt
    if kind is Kind.ENUM:
        assert isinstance(info, mi.EnumType)
        enum_cls: type[enum.Enum] = info.cls

        def format_enum(item: Any) -> str:
            if not isinstance(item, enum_cls):
                raise _Unwritable(f"Expected `{enum_cls.__name__}`, got {describe(item)}")
            return escape_text(item.value)

        return format_enum
    raise AssertionError(kind)


def _write_json_field(item: Any, start: str, end: str, parts: Parts) -> None:
    if type(item) is not dict:
        raise _Unwritable(f"Expected a JSON object (`dict`), got {describe(item)}")
    parts.append(start)
    _write_json(item, "", parts, 0)
    parts.append(end)


def _write_json(item: Any, key: str, parts: Parts, depth: int) -> None:
    """One JSON value in the ``json-to-xml`` vocabulary (see the reader)."""
    if depth > _JSON_MAX_DEPTH:
        raise _Unwritable(f"JSON value nested deeper than {_JSON_MAX_DEPTH} levels")
    item_type = type(item)
    if item_type is dict:
        parts.append(f"<map{key}>")
        member = ""
        try:
            for member, child in item.items():
                if type(member) is not str:
                    raise _Unwritable(f"JSON object keys must be `str`, got {describe(member)}")
                _write_json(child, f' key="{escape_attribute(member)}"', parts, depth + 1)
        except _Unwritable as problem:
            problem.segments.append(member)
            raise
        parts.append("</map>")
    elif item_type is list:
        parts.append(f"<array{key}>")
        index = 0
        try:
            for index, child in enumerate(item):  # noqa: B007
                _write_json(child, "", parts, depth + 1)
        except _Unwritable as problem:
            problem.segments.append(index)
            raise
        parts.append("</array>")
    elif item_type is str:
        parts.append(f"<string{key}>{escape_text(item)}</string>")
    elif item_type is bool:
        parts.append(f"<boolean{key}>{'true' if item else 'false'}</boolean>")
    elif item_type is int or (item_type is float and math.isfinite(item)):
        parts.append(f"<number{key}>{msgspec.json.encode(item).decode()}</number>")
    elif item is None:
        parts.append(f"<null{key}/>")
    else:
        raise _Unwritable(f"{describe(item)} is not a JSON value")
