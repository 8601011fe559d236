"""Reading a parsed XML tree into a typed value (SPEC section 5).

The tree is read into builtins (dicts keyed by wire name, lists, typed scalars) by
readers compiled once per Struct shape, then ``msgspec.convert`` builds the Structs,
so every constraint the models declare is checked exactly as for JSON, with the same
path in the error. Readers are tolerant as the wire is: children in any order,
unknown elements and attributes ignored unless ``strict``, and so are unknown
values of an enumeration (SPEC section 4); ``xsi:nil="true"`` is absent.
Tolerance never drops data (SPEC section 5): text other than whitespace
where only elements may stand, and a nil element with content, are errors, as
they are in the XSD; so is ``xsi:nil`` on an element the XSD does not make
nillable (a required field, a list item, the root, free-form JSON's vocabulary).

Both XML dialects of SPEC section 5 are read, in every mode: the source
document's form, and the OpenAPI description's examples' form. The root says
which (``__xml_root__`` or ``__xml_published_root__``,
:func:`~omni_codec._binding.published_document_of`) and decides how free-form
objects are read; list items may be named either way under either root, one
way per list.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

import msgspec
from lxml import etree

from .._binding import DocumentShape, Kind, StructShape, ValueShape, document_of, published_document_of
from .._paths import element_at, join, line_of, path_of, split
from .._scalars import (
    ScalarError,
    describe,
    parse_bool,
    parse_datetime,
    parse_decimal,
    parse_int,
    parse_json_number,
)
from .._hooks import dec_hook
from .._translate import validation_error
from ..errors import DecodeError, ValidationError
from ..limits import Limits
from .depth import depth_of, exceeds, typed_depth

__all__ = ["read"]

T = TypeVar("T")

XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
_HAS_ATTRIBUTES = etree.XPath("boolean(//@*)")


class _Problem(Exception):
    """Raised inside the readers; turned into a located error by :func:`read`."""

    def __init__(
        self,
        element: etree._Element,
        message: str,
        *,
        limit: bool = False,
        source: etree._Element | None = None,
    ) -> None:
        self.element = element  # where the problem is, for its path
        self.message = message
        self.limit = limit
        self.source = element if source is None else source  # for the line


class _Context:
    __slots__ = ("attributes", "limits", "per_key", "strict")

    def __init__(self, strict: bool, limits: Limits, attributes: bool, per_key: bool = False) -> None:
        self.strict = strict
        self.limits = limits
        self.attributes = attributes
        self.per_key = per_key  # free-form objects one element per key (the second dialect)


Reader = Callable[[etree._Element, _Context], Any]


def read(root: etree._Element, cls: type[T], *, strict: bool, limits: Limits) -> T:
    """Decode the document rooted at ``root`` as ``cls``."""
    document = _document(root, cls, limits)
    context = _Context(strict, limits, bool(_HAS_ATTRIBUTES(root)), document.published)
    try:
        if typed_depth(document.content) > limits.max_depth and exceeds(root, 1, limits.max_depth):
            raise _depth_problem(root, context)
        if context.attributes:
            _check_attributes(root, context, nillable=False)
        data = _struct_reader(document.content)(root, context)
    except _Problem as problem:
        where = line_of(problem.source)
        if problem.limit:
            raise DecodeError(problem.message, line=where) from None
        # Limits come before shape: a shape error may stand above a subtree that
        # was never visited (an element inside a leaf), and libxml2 before 2.13
        # parses huge trees to any depth.
        if exceeds(root, 1, limits.max_depth):
            raise limits.depth_error() from None
        path = join(path_of(problem.element, document))
        raise ValidationError(problem.message, path=path, line=where) from None
    if document.wrapper is not None:
        data = {document.wrapper.name: data}
    try:
        return msgspec.convert(data, cls, dec_hook=dec_hook)
    except msgspec.ValidationError as exc:
        error = validation_error(exc)
        line = line_of(element_at(root, split(error.path), document))
        raise ValidationError(error.message, path=error.path, line=line) from None


def _document(root: etree._Element, cls: type[Any], limits: Limits) -> DocumentShape:
    """The dialect ``root`` is in: the source document's form, or the second
    dialect whose root is the type's title in the OpenAPI description (SPEC 5)."""
    document = document_of(cls)
    if root.tag == document.root:
        return document
    published = published_document_of(cls)
    if published is not None and root.tag == published.root:
        return published
    if exceeds(root, 1, limits.max_depth):  # limits come before shape
        raise limits.depth_error()
    expected = f"<{document.root}>" + ("" if published is None else f" or <{published.root}>")
    raise ValidationError(f"Expected root element {expected}, got <{root.tag!s}>", line=line_of(root))


def _check_attributes(
    element: etree._Element, context: _Context, *, nillable: bool, known: str | None = None
) -> bool:
    """Whether ``element`` is nil; in strict mode, any other attribute but ``known``
    is an error.

    ``xsi:nil`` may only stand on a ``nillable`` element (an optional field), as
    the XSD says; a nil element must be empty, not even whitespace in it (XML
    Schema part 1, Validation Rule: Element Locally Valid (Element), 3.2).
    """
    nil = element.get(XSI_NIL)
    if context.strict:
        for name in element.keys():
            if name != XSI_NIL and name != known:
                raise _Problem(element, f"Unknown attribute `{name!s}`")
    if nil is None:
        return False
    if not nillable:
        raise _Problem(element, f"Element <{element.tag!s}> cannot be nil: it is not optional (xsi:nil)")
    try:
        is_nil = parse_bool(nil)
    except ScalarError as exc:
        raise _Problem(element, f"xsi:nil: {exc}") from None
    if is_nil and (element.text is not None or len(element)):
        raise _Problem(element, f'Element <{element.tag!s}> is nil (xsi:nil="true") but has content')
    return is_nil


def _blank(text: str) -> bool:
    """Whether ``text`` is XML whitespace only. (An ASCII character ``isspace`` takes
    that XML's S does not, such as a form feed, cannot be in XML text at all.)"""
    return not text or (text.isspace() and text.isascii())  # "": an empty CDATA section


def _misplaced_text(element: etree._Element, text: str, child: etree._Element | None = None) -> _Problem:
    return _Problem(element, f"Text {describe(text)} where only elements may stand", source=child)


def _check_element_only(element: etree._Element) -> None:
    """Refuse text other than whitespace in ``element``, whose content is elements
    only (a Struct, a list, free-form JSON's maps and arrays): dropping it would
    lose data silently (SPEC section 5). The Struct and list readers make the same
    checks in their own loops."""
    text = element.text
    if text is not None and not _blank(text):
        raise _misplaced_text(element, text)
    for child in element:
        tail = child.tail
        if tail is not None and not _blank(tail):
            raise _misplaced_text(element, tail, child)


@cache
def _struct_reader(shape: StructShape) -> Reader:
    table: dict[str, Reader] = {}
    optional = frozenset(f.name for f in shape.fields if not f.required)

    def read_struct(element: etree._Element, context: _Context) -> dict[str, Any]:
        if not table:  # filled on first use: shapes may refer to each other
            table.update({f.name: _value_reader(f.value, f.name) for f in shape.fields})
            if shape.tag_field is not None:  # kept, for msgspec to tell the member
                table[shape.tag_field] = _read_tag
        text = element.text
        if text is not None and not _blank(text):
            raise _misplaced_text(element, text)
        out: dict[str, Any] = {}
        for child in element:
            tail = child.tail
            if tail is not None and not _blank(tail):
                raise _misplaced_text(element, tail, child)
            tag = child.tag
            reader = table.get(tag)
            if reader is None:
                if context.strict:
                    # Located at the object, as msgspec locates an unknown key.
                    raise _Problem(element, f"Object contains unknown field `{tag!s}`", source=child)
                if len(child):
                    _check_skipped(child, context)
                continue
            if tag in out:
                raise _Problem(child, f"Element <{tag}> appears more than once")
            if (
                context.attributes
                and child.attrib
                and _check_attributes(child, context, nillable=tag in optional)
            ):
                out[tag] = None
                continue
            out[tag] = reader(child, context)
        return out

    return read_struct


def _value_reader(value: ValueShape, name: str) -> Reader:
    """The reader of a value whose element is ``name`` (a list's items may be
    named like it, in the second dialect)."""
    kind = value.kind
    if kind is Kind.STRUCT:
        return _struct_reader(value.struct)
    if kind is Kind.LIST:
        assert value.item is not None and value.item_name is not None
        return _list_reader(value.item_name, name, _value_reader(value.item, value.item_name))
    if kind is Kind.JSON:
        return _read_json_field
    if kind is Kind.UNION:
        return _union_reader(value)
    parse = _LEAF_PARSERS[kind]
    # An enumeration is open on decode; strict takes only its known values (SPEC 4).
    known = frozenset(value.enum_values) if kind is Kind.ENUM else None

    def read_leaf(element: etree._Element, context: _Context) -> Any:
        if len(element):
            raise _Problem(element, f"Expected text, found element <{element[0].tag}>")
        text = element.text
        if parse is None:
            text = "" if text is None else text
            if known is not None and context.strict and text not in known:
                raise _Problem(element, f"Invalid enum value {text!r}")  # msgspec's words
            return text
        try:
            return parse("" if text is None else text)
        except ScalarError as exc:
            raise _Problem(element, str(exc)) from None

    return read_leaf


def _union_reader(value: ValueShape) -> Reader:
    """A polymorphic object: its discriminator element, wherever it stands among
    the children, says which member's fields the others are (SPEC section 4). A
    missing or unknown discriminator is an error at its path, with msgspec's
    words for the same JSON."""
    tag_field = value.tag_field
    readers: dict[str, Reader] = {}

    def read_union(element: etree._Element, context: _Context) -> Any:
        if not readers:  # filled on first use: shapes may refer to each other
            readers.update({tag: _struct_reader(shape) for tag, shape in value.variants.items()})
        for child in element:
            if child.tag == tag_field:
                tag = _read_tag(child, context)
                reader = readers.get(tag)
                if reader is None:
                    raise _Problem(child, f"Invalid value {tag!r}")
                return reader(element, context)
        if len(readers) == 1:  # a field of one member's type: the tag may be left out
            (reader,) = readers.values()
            return reader(element, context)
        raise _Problem(element, f"Object missing required field `{tag_field}`")

    return read_union


def _read_tag(element: etree._Element, context: _Context) -> str:
    if len(element):
        raise _Problem(element, f"Expected text, found element <{element[0].tag}>")
    if element.attrib:
        _check_attributes(element, context, nillable=False)
    return element.text or ""


_LEAF_PARSERS: dict[Kind, Callable[[str], Any] | None] = {
    Kind.STRING: None,
    Kind.ENUM: None,
    Kind.INT: parse_int,
    Kind.BOOL: parse_bool,
    Kind.DECIMAL: parse_decimal,
    Kind.DATETIME: parse_datetime,
}


def _list_reader(item_name: str, wrapper: str, read_item: Reader) -> Reader:
    """Items are named ``item_name`` (the source document's form) or like their
    ``wrapper`` (the second dialect), one way in one list: a list that mixes them
    is an error, as in the XSD's choice (SPEC section 5)."""
    other = wrapper if wrapper != item_name else item_name
    names = f"<{item_name}>" if other == item_name else f"<{item_name}> or <{other}>"

    def read_list(element: etree._Element, context: _Context) -> list[Any]:
        text = element.text
        if text is not None and not _blank(text):
            raise _misplaced_text(element, text)
        items = []
        named: str | None = None
        for child in element:
            tail = child.tail
            if tail is not None and not _blank(tail):
                raise _misplaced_text(element, tail, child)
            tag = child.tag
            if tag != item_name and tag != other:
                if context.strict:
                    raise _Problem(
                        element, f"Unknown element <{tag!s}> in a list of {names}", source=child
                    )
                if len(child):
                    _check_skipped(child, context)
                continue
            if named is None:
                named = tag
            elif tag != named:
                raise _Problem(
                    child,
                    f"List items named both <{named}> and <{tag}>: one list names its items one way",
                )
            if context.attributes and child.attrib:
                _check_attributes(child, context, nillable=False)
            items.append(read_item(child, context))
        if len(items) > context.limits.max_list_items:
            raise _Problem(element, context.limits.items_error(len(items)).message, limit=True)
        return items

    return read_list


# Free-form JSON values (customPayload, templateData) in the W3C XPath 3.1
# ``json-to-xml`` vocabulary, without its namespace: the field element holds one
# <map>; see the README's "XML form" section and the XSD.


def _read_json_field(element: etree._Element, context: _Context) -> Any:
    if context.per_key:
        return _read_keyed(element, context, depth_of(element))
    _check_element_only(element)
    children = [child for child in element]
    if len(children) != 1 or children[0].tag != "map":
        raise _Problem(element, "Expected exactly one <map> element holding a JSON object")
    return _read_json(children[0], context, depth_of(element) + 1)


def _depth_problem(element: etree._Element, context: _Context) -> _Problem:
    return _Problem(element, context.limits.depth_error().message, limit=True)


def _check_skipped(element: etree._Element, context: _Context) -> None:
    """A skipped subtree is never read, but must still keep within ``max_depth``."""
    if exceeds(element, depth_of(element), context.limits.max_depth):
        raise _depth_problem(element, context)


def _read_json(element: etree._Element, context: _Context, depth: int, key: str | None = None) -> Any:
    """One value of free-form JSON; ``key`` is the attribute its element may carry
    (a member of a map has ``key``, an item of an array or the top map has none)."""
    if depth > context.limits.max_depth:
        raise _depth_problem(element, context)
    if element.attrib and (context.strict or XSI_NIL in element.attrib):
        _check_attributes(element, context, nillable=False, known=key)
    tag = element.tag
    if tag == "map" or tag == "array":
        _check_element_only(element)
        if len(element) > context.limits.max_list_items:  # as for the same JSON
            kind, members = ("object", "members") if tag == "map" else ("array", "items")
            raise _Problem(
                element,
                f"JSON {kind} has {len(element)} {members}, over the limit "
                f"max_list_items={context.limits.max_list_items}",
                limit=True,
            )
    if tag == "map":
        out: dict[str, Any] = {}
        for child in element:
            name = child.get("key")
            if name is None:
                raise _Problem(child, "A member of a JSON <map> needs a `key` attribute")
            if name in out:
                raise _Problem(child, f"Key {describe(name)} appears more than once")
            out[name] = _read_json(child, context, depth + 1, "key")
        return out
    if tag == "array":
        return [_read_json(child, context, depth + 1) for child in element]
    if len(element):
        raise _Problem(element, f"Expected text, found element <{element[0].tag}>")
    text = element.text or ""
    if tag == "string":
        return text
    if tag == "number":
        try:
            return parse_json_number(text)
        except ScalarError as exc:
            raise _Problem(element, str(exc)) from None
    if tag == "boolean":
        try:
            return parse_bool(text)
        except ScalarError as exc:
            raise _Problem(element, str(exc)) from None
    if tag == "null":
        if element.text is not None:  # the XSD's empty content: not even whitespace or <![CDATA[]]>
            raise _Problem(element, "A <null> element must be empty")
        return None
    raise _Problem(element, f"Unknown JSON element <{tag}>")


# Free-form objects in the second dialect (SPEC section 5), one element per key as
# the OpenAPI description's examples write them (``<customPayload><deepLink>...``).
# The form carries no types, so none is guessed: an element with text only (or
# empty) is a string, an element with elements is an object, the same name
# repeated is an array of those values in order, ``xsi:nil="true"`` is null. Text
# beside elements is an error, as anywhere element-only.


def _read_keyed(element: etree._Element, context: _Context, depth: int) -> dict[str, Any]:
    """The object written as the elements of ``element``, one per key."""
    if depth > context.limits.max_depth:
        raise _depth_problem(element, context)
    _check_element_only(element)
    if len(element) > context.limits.max_list_items:  # as for the same JSON
        raise _Problem(
            element,
            f"JSON object has {len(element)} members, over the limit "
            f"max_list_items={context.limits.max_list_items}",
            limit=True,
        )
    out: dict[str, Any] = {}
    arrays: set[str] = set()
    for child in element:
        key = child.tag
        if not isinstance(key, str) or key[0] == "{":
            raise _Problem(element, f"A free-form key element cannot be in a namespace: <{key!s}>", source=child)
        if "key" in child.attrib:
            # The source form's <map> vocabulary: read per key, its names would
            # silently become keys and its keys be lost.
            raise _Problem(
                child,
                "A `key` attribute: below the second dialect's root a free-form object "
                "is one element per key, not the source form's <map> (SPEC section 5)",
            )
        if child.attrib and _check_attributes(child, context, nillable=True):
            value: Any = None
        elif len(child):
            value = _read_keyed(child, context, depth + 1)
        else:
            value = child.text or ""
        if key not in out:
            out[key] = value
        elif key in arrays:
            out[key].append(value)
        else:
            out[key] = [out[key], value]
            arrays.add(key)
    return out
