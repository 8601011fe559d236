"""Writing a typed value as XML text (SPEC section 5).

Writers compiled once per Struct shape append escaped text to a list: building an
lxml tree only to serialise it would cost more than the document is worth. The
value is checked first, by the checks both encoders share (:mod:`omni_codec._checks`),
so that each document written decodes and is valid against the XSD: a wrong Python
type, a broken constraint, a naive datetime, a character XML 1.0 cannot carry are
:class:`~omni_codec.EncodeError` with the field's path, and the writers only format.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import msgspec
import msgspec.inspect as mi

from .._binding import Kind, StructShape, ValueShape, document_of
from .._checks import find_problem
from .._scalars import format_datetime, format_decimal
from ..errors import EncodeError
from .chars import NOT_XML_CHAR

__all__ = ["Unwritable", "escape_markup", "escape_text", "indent", "items_writer", "write", "write_json_field"]


class Unwritable(Exception):
    """A string :func:`escape_text` cannot write (the checks find it first, with
    its path; the fast writer, which has this writer escape its strings, hands
    the value back on it)."""

    def __init__(self, message: str) -> None:
        self.message = message


Parts = list[str]
Writer = Callable[[Any, str, str, Parts], None]


def write(value: msgspec.Struct, *, pretty: bool = False, declaration: bool = False) -> bytes:
    """The XML document for ``value``, as UTF-8 bytes."""
    # Every check the decoders make, with the path of the first value that
    # fails one (SPEC section 6); what follows only formats.
    problem = find_problem(value)
    if problem is not None:
        raise EncodeError(problem.message, path=problem.path)
    document = document_of(type(value))
    name = document.root
    parts: Parts = []
    content: Any = value
    if document.wrapper is not None:
        content = getattr(value, document.wrapper.attr)
    _root_writer(document.content)(content, f"<{name}>", f"</{name}>", parts)
    text = "".join(parts)
    if pretty:
        text = indent(text)
    if declaration:
        text = '<?xml version="1.0" encoding="UTF-8"?>\n' + text
    return text.encode("utf-8")


@cache
def _root_writer(shape: StructShape) -> Writer:
    return _value_writer(ValueShape(Kind.STRUCT, mi.type_info(shape.cls), struct_type=shape.cls))


def indent(text: str) -> str:
    """``text``, a document written by this module, indented for people."""
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
        raise Unwritable(
            f"Character U+{ord(bad.group()):04X} cannot be carried by XML 1.0"
        )
    return escape_markup(text)


#: What :func:`escape_markup` replaces, in the order it replaces it: "&" first,
#: so that no reference made is escaped again. "\r" would come back as "\n"
#: (XML 1.0 section 2.11): it is written as a reference so that strings keep
#: every character (SPEC section 5).
MARKUP_REFERENCES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;"))


def escape_markup(text: str) -> str:
    """``text`` with the characters that would be read as markup or changed by a
    parser written as references (:data:`MARKUP_REFERENCES`); ``text`` must hold
    only characters XML 1.0 allows (:func:`escape_text` checks it)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        "\r", "&#13;"
    )


def escape_attribute(text: str) -> str:
    # Attribute values are also normalised on reading (XML 1.0 section 3.3.3).
    return escape_text(text).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")


@cache
def _struct_writer(shape: StructShape) -> Callable[[Any, Parts], None]:
    fields: list[tuple[str, str, str, Writer]] | None = None

    # A tagged Struct's discriminator comes first, so that a reader knows the
    # kind of the object before its fields (SPEC section 5).
    tag = (
        f"<{shape.tag_field}>{escape_text(shape.tag)}</{shape.tag_field}>"
        if shape.tag_field is not None and shape.tag is not None
        else None
    )

    def write_struct(value: Any, parts: Parts) -> None:
        nonlocal fields
        if fields is None:  # made on first use: shapes may refer to each other
            fields = [
                (f.attr, f"<{f.name}>", f"</{f.name}>", _value_writer(f.value)) for f in shape.fields
            ]
        if tag is not None:
            parts.append(tag)
        for attr, start, end, write_field in fields:
            field_value = getattr(value, attr)
            if field_value is not None:
                write_field(field_value, start, end, parts)

    return write_struct


def _value_writer(value: ValueShape) -> Writer:
    kind = value.kind
    if kind is Kind.STRUCT:
        write_struct = _struct_writer(value.struct)

        def write_nested(item: Any, start: str, end: str, parts: Parts) -> None:
            parts.append(start)
            write_struct(item, parts)
            parts.append(end)

        return write_nested
    if kind is Kind.LIST:
        if value.item is None or value.item_name is None:  # never, for a bound LIST
            raise TypeError("a list without its item shape")
        return _list_writer(value.item_name, _value_writer(value.item))
    if kind is Kind.JSON:
        return write_json_field
    if kind is Kind.UNION:
        return union_writer(value)
    return _leaf_writer(value)


def union_writer(value: ValueShape) -> Writer:
    """The member's own writer, chosen by the value's class (checked before)."""
    writers: dict[type, Callable[[Any, Parts], None]] = {}

    def write_union(item: Any, start: str, end: str, parts: Parts) -> None:
        if not writers:  # made on first use: shapes may refer to each other
            writers.update({s.cls: _struct_writer(s) for s in value.variants.values()})
        parts.append(start)
        writers[type(item)](item, parts)
        parts.append(end)

    return write_union


def items_writer(value: ValueShape) -> Callable[[Any], str]:
    """The content of a list element of shape ``value``: its items, every string
    escaped by :func:`escape_text` (the fast writer's strings that need it are
    written by this)."""
    if value.kind is not Kind.LIST or value.item is None or value.item_name is None:
        raise TypeError(f"a {value.kind.value} value is not a list")
    write_list = _list_writer(value.item_name, _value_writer(value.item))

    def write_items(items: Any) -> str:
        parts: Parts = []
        write_list(items, "", "", parts)
        return "".join(parts)

    return write_items


def _list_writer(item_name: str, write_item: Writer) -> Writer:
    item_start, item_end = f"<{item_name}>", f"</{item_name}>"

    def write_list(items: Any, start: str, end: str, parts: Parts) -> None:
        parts.append(start)
        for item in items:
            write_item(item, item_start, item_end, parts)
        parts.append(end)

    return write_list


def _leaf_writer(value: ValueShape) -> Writer:
    format_text = _LEAF_FORMATTERS[value.kind]

    def write_leaf(item: Any, start: str, end: str, parts: Parts) -> None:
        parts.append(start + format_text(item) + end)

    return write_leaf


# The text of each kind of leaf, for a value that has passed its checks.
_LEAF_FORMATTERS: dict[Kind, Callable[[Any], str]] = {
    Kind.STRING: escape_text,
    Kind.INT: str,
    Kind.BOOL: lambda item: "true" if item else "false",
    Kind.DECIMAL: format_decimal,
    Kind.DATETIME: format_datetime,
    Kind.ENUM: lambda item: escape_text(item.value),
}


def write_json_field(item: Any, start: str, end: str, parts: Parts) -> None:
    parts.append(start)
    _write_json(item, "", parts)
    parts.append(end)


def _write_json(item: Any, key: str, parts: Parts) -> None:
    """One JSON value in the ``json-to-xml`` vocabulary (see the reader)."""
    item_type = type(item)
    if item_type is dict:
        parts.append(f"<map{key}>")
        for member, child in item.items():
            _write_json(child, f' key="{escape_attribute(member)}"', parts)
        parts.append("</map>")
    elif item_type is list:
        parts.append(f"<array{key}>")
        for child in item:
            _write_json(child, "", parts)
        parts.append("</array>")
    elif item_type is str:
        parts.append(f"<string{key}>{escape_text(item)}</string>")
    elif item_type is bool:
        parts.append(f"<boolean{key}>{'true' if item else 'false'}</boolean>")
    elif item is None:
        parts.append(f"<null{key}/>")
    else:  # int or finite float, as checked
        parts.append(f"<number{key}>{msgspec.json.encode(item).decode()}</number>")
