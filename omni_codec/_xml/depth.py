"""The nesting limit for XML without a cost on the common path (SPEC section 6).

The reader visits only the elements the type describes, whose nesting the type
fixes (:func:`typed_depth`). What it does not visit is either skipped (an unknown
element) or an error (an element inside a leaf). So the limit is checked where it
can be exceeded: once for the whole tree when the type itself nests deeper than the
limit allows, and for each skipped subtree (rare), each by XPath evaluated in C.
Free-form JSON values are read element by element and count their own depth.
libxml2 has a nesting limit of its own (2048 levels with the parser options used
here, in libxml2 2.14; none in some older releases), so any ``max_depth`` may be
set and is checked: an XPath of more steps than libxml2 evaluates (it recurses
per step, up to 5000) is never built; deeper limits are checked in stages.
"""

from __future__ import annotations

from functools import cache

from lxml import etree

from .._binding import Kind, StructShape, ValueShape

__all__ = ["depth_of", "exceeds", "typed_depth"]


#: The most steps one XPath here has: well within libxml2's XPath recursion limit.
_STAGE = 1000


@cache
def _deeper_than(levels: int) -> etree.XPath:
    """True when the context element has descendants ``levels`` + 1 levels down."""
    assert levels < _STAGE
    return etree.XPath("boolean(" + "/".join(["*"] * (levels + 1)) + ")")


#: The descendants exactly ``_STAGE`` levels below the context element.
_STAGE_DOWN = etree.XPath("/".join(["*"] * _STAGE))


def _elements(found: object) -> list[etree._Element]:
    assert isinstance(found, list)  # a node-set: elements only, as the path selects
    return found


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
    levels = max_depth - depth
    frontier = [element]
    while levels >= _STAGE:  # a limit deeper than one XPath goes: in stages
        frontier = [below for node in frontier for below in _elements(_STAGE_DOWN(node))]
        if not frontier:
            return False
        levels -= _STAGE
    deeper = _deeper_than(levels)
    return any(deeper(node) for node in frontier)


#: The depth of a type that contains itself (a Line Flex box holds boxes):
#: unbounded, so a document of it is always checked against the limit.
UNBOUNDED = 2**62


@cache
def typed_depth(shape: StructShape, *, without_unions: bool = False) -> int:
    """The deepest element a document of ``shape`` can have, free-form JSON aside;
    ``without_unions``: of the documents that hold no polymorphic value (the only
    ones the fast reader takes), which is bounded even where a type holds itself
    through a union (a Line Flex box holds boxes)."""
    return _struct_depth(shape, frozenset(), without_unions)


def _struct_depth(shape: StructShape, visiting: frozenset[StructShape], flat: bool = False) -> int:
    if shape in visiting:
        return UNBOUNDED
    inside = visiting | {shape}
    children = [_value_depth(f.value, inside, flat) for f in shape.fields]
    if shape.tag_field is not None:  # the discriminator's element
        children.append(1)
    return min(UNBOUNDED, 1 + max(children, default=0))


def _value_depth(value: ValueShape, visiting: frozenset[StructShape], flat: bool) -> int:
    if value.kind is Kind.STRUCT:
        return _struct_depth(value.struct, visiting, flat)
    if value.kind is Kind.UNION:
        if flat:  # its element: never matched by the fast reader
            return 1
        return max(_struct_depth(s, visiting) for s in value.variants.values())
    if value.kind is Kind.LIST:
        assert value.item is not None
        return min(UNBOUNDED, 1 + _value_depth(value.item, visiting, flat))
    return 1
