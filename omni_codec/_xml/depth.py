"""The nesting limit for XML without a cost on the common path (SPEC section 6).

The reader visits only the elements the type describes, whose nesting the type
fixes (:func:`typed_depth`). What it does not visit is either skipped (an unknown
element) or an error (an element inside a leaf). So the limit is checked where it
can be exceeded: once for the whole tree when the type itself nests deeper than the
limit allows, and for each skipped subtree (rare), each by one XPath evaluated in C.
Free-form JSON values are read element by element and count their own depth.
libxml2 refuses more than 256 levels by itself.
"""

from __future__ import annotations

from functools import cache

from lxml import etree

from .._binding import Kind, StructShape, ValueShape

__all__ = ["depth_of", "exceeds", "typed_depth"]


@cache
def _deeper_than(levels: int) -> etree.XPath:
    """True when the context element has descendants ``levels`` + 1 levels down."""
    return etree.XPath("boolean(" + "/".join(["*"] * (levels + 1)) + ")")


def depth_of(element: etree._Element) -> int:
    """The depth of ``element``, the root being 1."""
    depth = 0
    node: etree._Element | None = element
    while node is not None:
        depth += 1
        node = node.getparent()
    return depth


def exceeds(element: etree._Element, depth: int, max_depth: int) -> bool:
    """Whether the subtree of ``element`` (at ``depth``) goes beyond ``max_depth``."""
    if depth > max_depth:
        return True
    return bool(_deeper_than(max_depth - depth)(element))


@cache
def typed_depth(shape: StructShape) -> int:
    """The deepest element a document of ``shape`` can have, free-form JSON aside."""
    return 1 + max((_value_depth(f.value) for f in shape.fields), default=0)


def _value_depth(value: ValueShape) -> int:
    if value.kind is Kind.STRUCT:
        return typed_depth(value.struct)
    if value.kind is Kind.LIST:
        assert value.item is not None
        return 1 + _value_depth(value.item)
    return 1
