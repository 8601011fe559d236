"""The format-independent location of a value: ``$.destinations[1].to.phoneNumber``.

msgspec reports JSON locations in this notation; the XML codec maps elements to the
same notation (and back, to find the source line of a location msgspec reported),
so a bad payload gets the same path in both formats (SPEC section 2).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from lxml import etree

from ._binding import DocumentShape, FieldShape, Kind, StructShape, ValueShape

__all__ = ["element_at", "join", "line_of", "path_of", "split"]


def line_of(element: etree._Element) -> int | None:
    """The source line of ``element`` (lxml's stubs type ``sourceline`` loosely)."""
    line: Any = element.sourceline
    return line if isinstance(line, int) else None

_SEGMENT = re.compile(r"\.([^.\[]+)|\[(\d+)\]|\[\.\.\.\]")


def join(segments: Iterable[str | int]) -> str:
    """``["destinations", 1, "to"]`` -> ``$.destinations[1].to``."""
    return "$" + "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in segments)


def split(path: str) -> list[str | int]:
    """The inverse of :func:`join` for the paths msgspec writes."""
    segments: list[str | int] = []
    for match in _SEGMENT.finditer(path, 1):
        name, index = match.groups()
        if name is not None:
            segments.append(name)
        elif index is not None:
            segments.append(int(index))
    return segments


def path_of(element: etree._Element, document: DocumentShape) -> list[str | int]:
    """The path segments of ``element`` in a ``document``.

    Free-form JSON content is addressed by its ``key`` attributes and positions,
    as the JSON form would address it; in the second dialect (SPEC section 5),
    by its element names, and a repeated name (an array) by its position among
    its namesakes. A list item is counted among the items named either way; an
    element in a list that is named as no item is addressed by the list's path.
    """
    chain = []
    node: etree._Element | None = element
    while node is not None:
        chain.append(node)
        node = node.getparent()
    chain.reverse()
    segments: list[str | int] = [document.wrapper.name] if document.wrapper else []
    struct: StructShape | None = document.content
    union: ValueShape | None = None  # a list's items' union, told per item
    item_name: tuple[str, ...] | None = None
    in_json = False
    for parent, node in zip(chain, chain[1:]):
        tag = node.tag if isinstance(node.tag, str) else "?"
        if item_name is not None:
            if tag not in item_name:
                break  # no item of the list: the list is where it stands
            segments.append(_position(parent, node, item_name))
            item_name = None
            if union is not None:
                struct, union = _member(union, node), None
                if struct is None:
                    segments.extend(_unresolved(chain, node))
                    break
            continue
        if struct is None and not in_json:
            in_json = True
            if not document.published:
                continue  # the <map> element that holds a free-form object
        if in_json and document.published:  # a member of an object written per key
            segments.append(tag)
            if sum(1 for sibling in parent if sibling.tag == tag) > 1:
                segments.append(_position(parent, node, (tag,)))
            continue
        if in_json:
            key = node.get("key")
            segments.append(key if key is not None else _position(parent, node, None))
            continue
        assert struct is not None
        field = struct.by_name.get(tag)
        segments.append(tag)
        if field is None:
            break
        item_name, struct, union = _enter(field)
        if union is not None and item_name is None:
            struct, union = _member(union, node), None
            if struct is None:
                segments.extend(_unresolved(chain, node))
                break
    return segments


def _unresolved(chain: list[etree._Element], node: etree._Element) -> list[str]:
    """Below a polymorphic object whose member is unknown, only its
    discriminator's element has a path (the error is about it)."""
    index = chain.index(node)
    below = chain[index + 1] if index + 1 < len(chain) else None
    return [] if below is None or not isinstance(below.tag, str) else [below.tag]


def _enter(field: FieldShape) -> tuple[tuple[str, ...] | None, StructShape | None, ValueShape | None]:
    """Into a field's element: the item names if a list (its own, and the
    field's, the second dialect's), the Struct if objects, the union if objects
    of several kinds (each element says its own)."""
    value = field.value
    item_name = (value.item_name, field.name) if value.kind is Kind.LIST and value.item_name else None
    if value.kind is Kind.LIST:
        assert value.item is not None
        value = value.item
    union = value if value.kind is Kind.UNION else None
    return item_name, value.struct if value.kind is Kind.STRUCT else None, union


def _member(union: ValueShape, node: etree._Element) -> StructShape | None:
    """The member of ``union`` that the element ``node`` holds, by its
    discriminator element; None when it has none the union knows."""
    for child in node:
        if child.tag == union.tag_field:
            return union.variants.get(child.text or "")
    return None


def _position(parent: etree._Element, node: etree._Element, tags: tuple[str, ...] | None) -> int:
    position = 0
    for sibling in parent:
        if sibling is node:
            return position
        if tags is None or sibling.tag in tags:
            position += 1
    return position


def element_at(
    root: etree._Element, segments: list[str | int], document: DocumentShape
) -> etree._Element:
    """The deepest element that exists along ``segments`` (for its source line)."""
    if document.wrapper is not None:
        segments = segments[1:]
    node = root
    struct: StructShape | None = document.content
    union: ValueShape | None = None
    item_name: tuple[str, ...] | None = None
    for segment in segments:
        if isinstance(segment, int):
            items = [child for child in node if item_name is None or child.tag in item_name]
            if segment >= len(items):
                return node
            node = items[segment]
            item_name = None
            if union is not None:
                struct, union = _member(union, node), None
            continue
        if struct is None:
            return node
        found = next((child for child in node if child.tag == segment), None)
        if found is None:
            return node
        node = found
        field = struct.by_name.get(segment)
        if field is None:
            return node
        item_name, struct, union = _enter(field)
        if union is not None and item_name is None:
            struct, union = _member(union, node), None
    return node
