"""Generating the XSD from the models (SPEC section 5).

The XSD is derived from the same shapes as the codec, so that it "describes exactly
this form": every document the encoder writes is valid, and every valid document
decodes. ``schemas/omni.xsd`` is this function's output, committed so that other
tools can use it; a test keeps the file current.

Choices, each following the decoder's tolerance:

* a Struct's children are an ``xs:all`` (any order, each at most once);
* an optional field may be absent or ``xsi:nil="true"`` (``nillable``);
* a list is a wrapper element holding zero or more items (``min_length`` becomes the
  items' ``minOccurs``), named in the singular or like the wrapper (the second
  dialect), one way per list: a choice of the two;
* a polymorphic value's element holds its discriminator (``<type>``) and the
  fields of every member (see :func:`_union_type`);
* the types that share the root ``<request>`` are merged for that root: the XSD
  cannot tell them apart, the type given to ``decode`` does. Each is also declared
  as a named type of its own;
* the second dialect's roots (``__xml_published_root__``, the OpenAPI
  description's titles) are global elements too, of the type itself (a wrapper's
  too: ``<ApiException>`` holds ``<requestError>``). Below them a free-form object
  is one element per key; XML Schema 1.0 cannot type an element of any name, so
  that content is a wildcard (``FreeFormObject``), and the types on the way to
  one are declared again with the suffix ``Published``. The decoder checks what
  the wildcard does not (README, "Rules the XSD cannot state").

Facets (patterns, lengths, bounds, list sizes) are read from the same
:func:`~omni_codec._checks.rule_of` description the encoders check, never from the
models again. A multiple-of rule has no XSD facet; like the simple request's
phone numbers, it is checked by ``decode``, not by the XSD.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

import msgspec

from .._binding import FieldShape, Kind, StructShape, ValueShape, document_of, published_document_of
from .._checks import rule_of
from .._scalars import (
    DATETIME_XSD_PATTERN,
    DECIMAL_MAGNITUDE_TEXT,
    DECIMAL_MAX_FRACTION_DIGITS,
    JSON_NUMBER_XSD_PATTERN,
)
from ..models import DOCUMENT_TYPES

__all__ = ["generate_xsd"]

_INT32 = (-(2**31), 2**31 - 1)

_HEADER = """\
<?xml version="1.0" encoding="UTF-8"?>
<!-- The XML form of the Infobip OMNI API v1, as read and written by omni_codec.
     Generated from the omni_codec models; do not edit by hand. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="unqualified">
"""

_JSON_TYPES = """\
  <!-- Free-form JSON: the W3C XPath 3.1 json-to-xml vocabulary, without its
       namespace. A field element holds one <map>; members of a map carry their
       name in a `key` attribute, members of an array do not. -->
  <xs:complexType name="JsonObject">
    <xs:sequence>
      <xs:element name="map" type="JsonMap">
        <xs:unique name="JsonObjectKeys"><xs:selector xpath="*"/><xs:field xpath="@key"/></xs:unique>
      </xs:element>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="JsonMap">
    <xs:choice minOccurs="0" maxOccurs="unbounded">
      <xs:element name="map" type="JsonKeyedMap">
        <xs:unique name="JsonMapKeys"><xs:selector xpath="*"/><xs:field xpath="@key"/></xs:unique>
      </xs:element>
      <xs:element name="array" type="JsonKeyedArray"/>
      <xs:element name="string" type="JsonKeyedString"/>
      <xs:element name="number" type="JsonKeyedNumber"/>
      <xs:element name="boolean" type="JsonKeyedBoolean"/>
      <xs:element name="null" type="JsonKeyedNull"/>
    </xs:choice>
  </xs:complexType>
  <xs:complexType name="JsonArray">
    <xs:choice minOccurs="0" maxOccurs="unbounded">
      <xs:element name="map" type="JsonMap">
        <xs:unique name="JsonItemKeys"><xs:selector xpath="*"/><xs:field xpath="@key"/></xs:unique>
      </xs:element>
      <xs:element name="array" type="JsonArray"/>
      <xs:element name="string" type="xs:string"/>
      <xs:element name="number" type="JsonNumber"/>
      <xs:element name="boolean" type="xs:boolean"/>
      <xs:element name="null" type="JsonNull"/>
    </xs:choice>
  </xs:complexType>
  <!-- A JSON number whose value is finite, in the forms JSON writers use (see the
       README): an integer, a fraction below 1e308, or one digit, a fraction and an
       exponent up to the largest double. -->
  <xs:simpleType name="JsonNumber">
    <xs:restriction base="xs:token">
      <xs:pattern value=@JSON_NUMBER@/>
    </xs:restriction>
  </xs:simpleType>
  <xs:complexType name="JsonNull"/>
  <xs:complexType name="JsonKeyedMap">
    <xs:complexContent>
      <xs:extension base="JsonMap"><xs:attribute name="key" type="xs:string" use="required"/></xs:extension>
    </xs:complexContent>
  </xs:complexType>
  <xs:complexType name="JsonKeyedArray">
    <xs:complexContent>
      <xs:extension base="JsonArray"><xs:attribute name="key" type="xs:string" use="required"/></xs:extension>
    </xs:complexContent>
  </xs:complexType>
  <xs:complexType name="JsonKeyedString">
    <xs:simpleContent>
      <xs:extension base="xs:string"><xs:attribute name="key" type="xs:string" use="required"/></xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="JsonKeyedNumber">
    <xs:simpleContent>
      <xs:extension base="JsonNumber"><xs:attribute name="key" type="xs:string" use="required"/></xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="JsonKeyedBoolean">
    <xs:simpleContent>
      <xs:extension base="xs:boolean"><xs:attribute name="key" type="xs:string" use="required"/></xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="JsonKeyedNull">
    <xs:attribute name="key" type="xs:string" use="required"/>
  </xs:complexType>
"""


_FREE_FORM_TYPE = """\
  <!-- Free-form JSON in the second dialect (below a root such as
       <OmniAdvancedRequest>): one element per key, whose text is a string, whose
       elements are an object, a repeated name an array, xsi:nil="true" null.
       XML Schema 1.0 cannot give a type to an element of any name, so only the
       element-only content is checked here; the decoder checks the rest. -->
  <xs:complexType name="FreeFormObject">
    <xs:sequence>
      <xs:any namespace="##local" processContents="skip" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>
"""


def generate_xsd(types: Iterable[type[msgspec.Struct]] = DOCUMENT_TYPES) -> str:
    """The XSD text for the document types ``types`` (by default, every one)."""
    types = tuple(types)
    roots: dict[str, list[StructShape]] = {}
    published: dict[str, list[StructShape]] = {}
    for cls in types:
        document = document_of(cls)
        roots.setdefault(document.root, []).append(document.content)
        second = published_document_of(cls)
        if second is not None:
            published.setdefault(second.root, []).append(second.content)
    clash = set(roots) & set(published)
    if clash:
        raise TypeError(f"root elements declared in both dialects: {sorted(clash)}")
    out = [_HEADER]
    for name, shapes in roots.items():
        type_name = shapes[0].name if len(shapes) == 1 else _merged_name(name, shapes)
        out.append(f'  <xs:element name="{name}" type="{type_name}"/>\n')
    for name, shapes in published.items():
        type_name = _struct_name(shapes[0], True) if len(shapes) == 1 else _merged_published_name(name, shapes)
        out.append(f'  <xs:element name="{name}" type="{type_name}"/>\n')
    emitted: set[str] = set()
    needs = _Needs()
    for name, shapes in roots.items():
        if len(shapes) == 1:
            _emit_struct(shapes[0], out, emitted, needs)
        else:
            emitted.add(_merged_name(name, shapes))  # (a second-dialect root may share it)
            out.append(_complex_type(_merged_name(name, shapes), _merge(shapes), needs))
            for shape in shapes:  # each type on its own too, for tools that pick one
                _emit_struct(shape, out, emitted, needs)
    for name, shapes in published.items():
        if len(shapes) > 1 and _merged_published_name(name, shapes) not in emitted:
            merged = _merged_published_name(name, shapes)
            emitted.add(merged)
            out.append(_complex_type(merged, _merge(shapes), needs, published=True))
        for shape in shapes:
            _emit_struct(shape, out, emitted, needs, published=True)
    if needs.decimal:
        out.append(
            '  <xs:simpleType name="Decimal">\n    <xs:restriction base="xs:decimal">'
            f'<xs:fractionDigits value="{DECIMAL_MAX_FRACTION_DIGITS}"/>'
            f"<xs:pattern value={quoteattr(DECIMAL_MAGNITUDE_TEXT)}/>"
            "</xs:restriction>\n  </xs:simpleType>\n"
        )
    if needs.datetime:
        out.append(
            '  <xs:simpleType name="DateTime">\n'
            f'    <xs:restriction base="xs:token"><xs:pattern value={quoteattr(DATETIME_XSD_PATTERN)}/></xs:restriction>\n'
            "  </xs:simpleType>\n"
        )
    for enum_name, values in sorted(needs.enums.items()):
        out.append(_open_enumeration(enum_name, values))
    if needs.json:
        out.append(_JSON_TYPES.replace("@JSON_NUMBER@", quoteattr(JSON_NUMBER_XSD_PATTERN)))
    if needs.free_form:
        out.append(_FREE_FORM_TYPE)
    out.append("</xs:schema>\n")
    return "".join(out)


class _Needs:
    """Named simple types the emitted complex types refer to."""

    def __init__(self) -> None:
        self.datetime = False
        self.decimal = False
        self.json = False
        self.free_form = False
        self.enums: dict[str, tuple[str, ...]] = {}


def _merged_name(root: str, shapes: list[StructShape]) -> str:
    """The type of a root several types share: the root's name capitalised,
    unless one of those types has that name (``<scenario>``: ``Scenario`` and
    the request that creates one)."""
    name = root[0].upper() + root[1:]
    return f"{name}Document" if any(s.name == name for s in shapes) else name


def _merged_published_name(root: str, shapes: list[StructShape]) -> str:
    """The type of a second-dialect root several types share (``<Scenario>``: a
    scenario and the request that creates one); the same as their source root's
    merged type unless one holds a free-form object."""
    name = _merged_name(root[0].lower() + root[1:], shapes)
    return name + "Published" if any(_holds_free_form(s) for s in shapes) else name


def _merge(shapes: list[StructShape]) -> list[FieldShape]:
    """The union of several types' fields; required only where all require it."""
    merged: dict[str, FieldShape] = {}
    for shape in shapes:
        for field in shape.fields:
            if field.name not in merged:
                required = all(
                    s.by_name.get(field.name) is not None and s.by_name[field.name].required
                    for s in shapes
                )
                merged[field.name] = FieldShape(field.attr, field.name, required, field.value)
    return list(merged.values())


def _holds_free_form(shape: StructShape, seen: frozenset[type[msgspec.Struct]] = frozenset()) -> bool:
    """Whether a free-form object is reachable from ``shape``: its types differ
    under the second dialect's roots."""
    if shape.cls in seen:
        return False
    for field in shape.fields:
        value = field.value
        while value.item is not None:
            value = value.item
        if value.kind is Kind.JSON:
            return True
        if value.kind is Kind.STRUCT and _holds_free_form(value.struct, seen | {shape.cls}):
            return True
        if value.kind is Kind.UNION and any(
            _holds_free_form(member, seen | {shape.cls}) for member in value.variants.values()
        ):
            return True
    return False


def _struct_name(shape: StructShape, published: bool) -> str:
    """A Struct's type name; ``published``: below a second-dialect root, where a
    type that holds a free-form object has its own declaration."""
    return shape.name + "Published" if published and _holds_free_form(shape) else shape.name


def _emit_struct(
    shape: StructShape, out: list[str], emitted: set[str], needs: _Needs, *, published: bool = False
) -> None:
    name = _struct_name(shape, published)
    if name in emitted:
        return
    emitted.add(name)
    tags = None if shape.tag_field is None or shape.tag is None else (shape.tag_field, (shape.tag,))
    out.append(_complex_type(name, list(shape.fields), needs, tags, published=published))
    for field in shape.fields:
        _emit_nested(field.value, out, emitted, needs, published)


def _emit_nested(value: ValueShape, out: list[str], emitted: set[str], needs: _Needs, published: bool) -> None:
    if value.kind is Kind.LIST:
        assert value.item is not None
        value = value.item
    if value.kind is Kind.STRUCT:
        _emit_struct(value.struct, out, emitted, needs, published=published)
    if value.kind is Kind.UNION:
        members = list(value.variants.values())
        name = _union_name(value, published)
        if len(members) > 1 and name not in emitted:
            emitted.add(name)
            out.append(_union_type(name, value, needs, published))
        for member in members:  # each member on its own too, for tools that pick one
            _emit_struct(member, out, emitted, needs, published=published)


def _union_name(value: ValueShape, published: bool = False) -> str:
    """The XSD type name of a polymorphic value: the name its models give the
    union (``KakaoAlimButton = KakaoAlimUrlButton | ...``), else its members'
    names joined (``Published`` below a second-dialect root, as for a Struct,
    when a member holds a free-form object)."""
    members = value.variant_types
    if len(members) == 1:
        return _struct_name(value.variants[next(iter(value.variants))], published)
    if published and any(_holds_free_form(m) for m in value.variants.values()):
        return _union_name(value) + "Published"
    wanted = set(members)
    for cls in members:
        module = sys.modules.get(cls.__module__)
        for name, alias in sorted(vars(module).items() if module is not None else ()):
            if isinstance(alias, types.UnionType) and set(alias.__args__) == wanted and not name.startswith("_"):
                return name
    return "Or".join(m.__name__ for m in members)


def _union_type(name: str, value: ValueShape, needs: _Needs, published: bool = False) -> str:
    """Every member's fields, with the discriminator naming any member.

    XSD 1.0 cannot tie the other children to the discriminator's value (an
    ``xs:alternative`` is XSD 1.1, which libxml2 does not read): a field is
    required here only where every member requires it, and a field that members
    give different types takes any content; ``decode`` checks the member's own
    rules (the README lists this among the rules the XSD cannot state)."""
    members = list(value.variants.values())
    rendered: dict[str, list[str]] = {}
    for member in members:
        for field in member.fields:
            required = all(
                m.by_name.get(field.name) is not None and m.by_name[field.name].required for m in members
            )
            element = _element(FieldShape(field.attr, field.name, required, field.value), needs, published)
            rendered.setdefault(field.name, []).append(element)
    lines = [f'  <xs:complexType name="{name}">\n    <xs:all>\n', _tag_element(value.tag_field, tuple(value.variants))]
    for field_name, elements in rendered.items():
        if len(set(elements)) == 1:
            lines.append(elements[0])
        else:
            optional = "" if all('minOccurs="0"' not in e for e in elements) else ' minOccurs="0" nillable="true"'
            lines.append(f'      <xs:element name="{field_name}"{optional} type="xs:anyType"/>\n')
    lines.append("    </xs:all>\n  </xs:complexType>\n")
    return "".join(lines)


def _tag_element(tag_field: str, tags: tuple[str, ...]) -> str:
    """The discriminator: one of the members' values (an unknown one is refused,
    SPEC section 4); required where it chooses among members. A member's own
    type, used where only that member can stand, may leave it out, as msgspec
    reads the same JSON."""
    values = "".join(f"<xs:enumeration value={quoteattr(t)}/>" for t in tags)
    occurs = ' minOccurs="0"' if len(tags) == 1 else ""
    return (
        f'      <xs:element name="{tag_field}"{occurs}>\n        <xs:simpleType>'
        f'<xs:restriction base="xs:string">{values}</xs:restriction></xs:simpleType>\n      </xs:element>\n'
    )


def _complex_type(
    name: str, fields: list[FieldShape], needs: _Needs, tags: tuple[str, tuple[str, ...]] | None = None,
    *, published: bool = False,
) -> str:
    lines = [f'  <xs:complexType name="{name}">\n    <xs:all>\n']
    if tags is not None:
        lines.append(_tag_element(*tags))
    for field in fields:
        lines.append(_element(field, needs, published))
    lines.append("    </xs:all>\n  </xs:complexType>\n")
    return "".join(lines)


def _element(field: FieldShape, needs: _Needs, published: bool = False) -> str:
    occurs = "" if field.required else ' minOccurs="0" nillable="true"'
    head = f'      <xs:element name="{field.name}"{occurs}'
    value = field.value
    if value.kind is Kind.LIST and value.item is not None:
        rule = rule_of(value)
        low = rule.min_length or 0
        high = "unbounded" if rule.max_length is None else str(rule.max_length)
        item = _type_ref(value.item, needs, published)
        # The items are named in the singular or like the wrapper (the second
        # dialect), one way per list, as the decoder reads them (SPEC section 5).
        names = dict.fromkeys((value.item_name, field.name))
        items = "".join(
            f'<xs:element name="{name}"{item} minOccurs="{low}" maxOccurs="{high}"/>' for name in names
        )
        return (
            f"{head}>\n        <xs:complexType><xs:choice>{items}"
            "</xs:choice></xs:complexType>\n      </xs:element>\n"
        )
    restriction = _restriction(value)
    if restriction:
        return f"{head}>\n        <xs:simpleType>{restriction}</xs:simpleType>\n      </xs:element>\n"
    return f"{head}{_type_ref(value, needs, published)}/>\n"


def _type_ref(value: ValueShape, needs: _Needs, published: bool = False) -> str:
    kind = value.kind
    if kind is Kind.STRUCT:
        return f' type="{_struct_name(value.struct, published)}"'
    if kind is Kind.UNION:
        return f' type="{_union_name(value, published)}"'
    if kind is Kind.ENUM:
        name = rule_of(value).python.__name__
        needs.enums[name] = value.enum_values
        return f' type="{name}"'
    if kind is Kind.DATETIME:
        needs.datetime = True
        return ' type="DateTime"'
    if kind is Kind.JSON and published:
        needs.free_form = True
        return ' type="FreeFormObject"'
    if kind is Kind.JSON:
        needs.json = True
        return ' type="JsonObject"'
    if kind is Kind.DECIMAL:
        needs.decimal = True
        return ' type="Decimal"'
    if kind is Kind.INT:
        return ' type="xs:int"'  # other ranges get a restriction (see _restriction)
    return {Kind.STRING: ' type="xs:string"', Kind.BOOL: ' type="xs:boolean"'}[kind]


def _restriction(value: ValueShape) -> str:
    """An inline restriction for a constrained string or a non-``xs:int`` integer."""
    rule = rule_of(value)
    facets = []
    if rule.kind is Kind.STRING:
        if rule.pattern:
            facets.append(f"<xs:pattern value={quoteattr(_xsd_pattern(rule.pattern))}/>")
        if rule.min_length is not None:
            facets.append(f'<xs:minLength value="{rule.min_length}"/>')
        if rule.max_length is not None:
            facets.append(f'<xs:maxLength value="{rule.max_length}"/>')
        base = "xs:string"
    elif rule.kind is Kind.INT:
        if (rule.low, rule.high) == _INT32:
            return ""
        base = "xs:integer"
        facets.append(f'<xs:minInclusive value="{rule.low}"/>')
        facets.append(f'<xs:maxInclusive value="{rule.high}"/>')
    else:
        return ""
    if not facets:
        return ""
    return f'<xs:restriction base="{base}">{"".join(facets)}</xs:restriction>'


def _xsd_pattern(pattern: str) -> str:
    """A model pattern, anchored ``\\A...\\Z`` for Python, as an XSD pattern.

    XSD patterns are implicitly anchored; the models only use the common subset of
    both regex languages inside the anchors.
    """
    if not (pattern.startswith("\\A") and pattern.endswith("\\Z")):
        raise ValueError(f"model pattern {pattern!r} must be anchored with \\A and \\Z")
    if _has_bare_dot(pattern):
        # Python's ``.`` takes a CR, XSD's takes neither CR nor LF: spelled out
        # (``[^\r\n]``), the pattern means the same in both.
        raise ValueError(f"model pattern {pattern!r} uses `.`, which XSD reads differently: write [^\\r\\n]")
    return pattern[2:-2]


def _has_bare_dot(pattern: str) -> bool:
    """Whether ``pattern`` has a ``.`` outside a character class and not escaped."""
    escaped = in_class = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "." and not in_class:
            return True
    return False


def _open_enumeration(name: str, values: tuple[str, ...]) -> str:
    """An enumeration as the decoder's default mode reads it (SPEC section 4): a
    union of its known values (the type ``<name>Known``) and any other string,
    an unknown value. ``strict=True`` takes the known values only, which is
    stricter than this type; the known type says which they are."""
    known = f"{name}Known"
    documentation = (
        f"An open enumeration: a value of {known}, or any other string, which is an "
        "unknown value (decoded in the default mode, kept as its text; refused by "
        "strict decoding)."
    )
    return (
        f'  <xs:simpleType name="{name}">\n'
        f"    <xs:annotation><xs:documentation>{escape(documentation)}</xs:documentation></xs:annotation>\n"
        f'    <xs:union memberTypes="{known} xs:string"/>\n'
        "  </xs:simpleType>\n"
        f'  <xs:simpleType name="{known}">\n    <xs:restriction base="xs:string">\n'
        + "".join(f"      <xs:enumeration value={quoteattr(v)}/>\n" for v in values)
        + "    </xs:restriction>\n  </xs:simpleType>\n"
    )
