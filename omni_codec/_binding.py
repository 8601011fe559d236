"""The wire description of every OMNI type, derived from the Structs.

This is the one place that knows how a Struct maps onto the wire. It reads each
Struct through ``msgspec.inspect`` (field order, wire names, types and their
constraints) and adds the two facts the Structs cannot say: the element name of a
list's items and the name of a document's root element (SPEC section 5). The XML
reader and writer, the encoders' checks, the XSD generator and the hypothesis
strategies all walk the :class:`StructShape` built here; none of them has per-type
code.

A type is bound whole, with every type reachable from it, the first time it is
asked for: a field without a wire form, a list without an item name or a
constraint the codec does not carry is a ``TypeError`` naming the model and the
field then, never an error in the middle of a decode or encode.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import msgspec
import msgspec.inspect as mi

from ._scalars import OmniDateTime, describe

__all__ = [
    "ITEM_NAMES",
    "DocumentShape",
    "document_of",
    "FieldShape",
    "Kind",
    "is_model",
    "StructShape",
    "ValueShape",
    "root_name",
    "shape_of",
]

#: List wrapper name -> item element name, "named in the singular" (SPEC section 5).
ITEM_NAMES: dict[str, str] = {
    "destinations": "destination",
    "messages": "message",
    "results": "result",
    "scenarios": "scenario",
    "flow": "step",
    "campaigns": "campaign",
}


class Kind(enum.Enum):
    """What a value is on the wire; it decides how XML text is read and written."""

    STRING = "string"
    INT = "int"
    BOOL = "bool"
    DECIMAL = "decimal"
    DATETIME = "datetime"
    ENUM = "enum"
    STRUCT = "struct"
    LIST = "list"
    JSON = "json"


@dataclass(frozen=True, eq=False)
class ValueShape:
    """The type of one value, with its constraints as msgspec reports them."""

    kind: Kind
    info: mi.Type
    item: ValueShape | None = None
    item_name: str | None = None
    struct_type: type[msgspec.Struct] | None = None

    @property
    def struct(self) -> StructShape:
        assert self.struct_type is not None  # only asked of Kind.STRUCT
        return _bound(self.struct_type)

    @property
    def enum_values(self) -> tuple[str, ...]:
        assert isinstance(self.info, mi.EnumType)
        return tuple(member.value for member in self.info.cls)


@dataclass(frozen=True, eq=False)
class FieldShape:
    """One field: Python attribute, wire name (JSON key and XML element name)."""

    attr: str
    name: str
    required: bool
    value: ValueShape


@dataclass(frozen=True, eq=False)
class StructShape:
    """A Struct type as the wire sees it: its fields in wire order."""

    cls: type[msgspec.Struct]
    fields: tuple[FieldShape, ...]
    by_name: dict[str, FieldShape] = field(repr=False)

    @property
    def name(self) -> str:
        return self.cls.__name__


@dataclass(frozen=True, eq=False)
class DocumentShape:
    """A top-level type as an XML document: its root element and what that holds.

    ``wrapper`` is set for a type whose JSON form is an object with one key holding
    an object, such as the API error body ``{"requestError": {...}}``: in XML that
    key is the root element (``<requestError>``), as XML has a root where JSON has
    a wrapper object.
    """

    root: str
    content: StructShape
    wrapper: FieldShape | None


@cache
def document_of(cls: type[msgspec.Struct]) -> DocumentShape:
    """The document form of a top-level type (SPEC section 5).

    Requests are ``<request>`` as in the source document; every other type is its
    name in lowerCamelCase, a leading acronym lowered whole
    (``OMNIReportsResponse`` is ``omniReportsResponse``), unless it is a wrapper.
    """
    shape = shape_of(cls)
    if len(shape.fields) == 1 and shape.fields[0].value.kind is Kind.STRUCT:
        (wrapper,) = shape.fields
        return DocumentShape(wrapper.name, wrapper.value.struct, wrapper)
    name = cls.__name__
    if name.endswith("Request"):
        return DocumentShape("request", shape, None)
    root = re.sub(r"^[A-Z]+(?=[A-Z][a-z]|$)|^[A-Z]", lambda m: m.group().lower(), name)
    return DocumentShape(root, shape, None)


def root_name(cls: type[msgspec.Struct]) -> str:
    """The root element name of a top-level type."""
    return document_of(cls).root


def is_model(cls: object) -> bool:
    """Whether ``cls`` is a Struct class, which is what every OMNI model is."""
    return isinstance(cls, type) and issubclass(cls, msgspec.Struct)


def shape_of(cls: type[msgspec.Struct]) -> StructShape:
    """The wire description of a Struct type (computed once per type).

    ``cls`` is what users pass as ``type=``: anything but a Struct class is a
    ``TypeError`` that says what it must be.
    """
    if not is_model(cls):
        raise TypeError(
            "type must be an OMNI model, a msgspec.Struct class such as "
            f"OmniSimpleRequest; got {_describe_type(cls)}"
        )
    return _bound(cls)


def _describe_type(value: object) -> str:
    if isinstance(value, type):
        return f"the class {value.__module__}.{value.__qualname__}"
    return f"{describe(value)} (a {type(value).__name__}, not a class)"


_shapes: dict[type[msgspec.Struct], StructShape] = {}


@cache
def _bound(cls: type[msgspec.Struct]) -> StructShape:
    """Bind ``cls`` and every Struct reachable from it, so that a problem anywhere
    in the type shows now, when it is first used."""
    bound: dict[type[msgspec.Struct], StructShape] = {}
    pending = [cls]
    while pending:
        current = pending.pop()
        if current in bound or current in _shapes:
            continue
        shape = bound[current] = _struct_shape(current)
        for field in shape.fields:
            value = field.value
            while value.item is not None:
                value = value.item
            if value.struct_type is not None:
                pending.append(value.struct_type)
    _shapes.update(bound)  # only a type bound whole is kept
    return _shapes[cls]


def _struct_shape(cls: type[msgspec.Struct]) -> StructShape:
    info = mi.type_info(cls)
    if not isinstance(info, mi.StructType):  # a Struct class always gives a StructType
        raise TypeError(f"{cls.__name__} has no wire form")
    fields = tuple(
        FieldShape(
            f.name, f.encode_name, f.required,
            _value_shape(f.type, f"{cls.__name__}.{f.name}", f.encode_name),
        )
        for f in info.fields
    )
    return StructShape(cls, fields, {f.name: f for f in fields})


def _value_shape(info: mi.Type, where: str, name: str) -> ValueShape:
    """The shape of the field ``where`` (``Model.attribute``), wire name ``name``."""
    if isinstance(info, mi.UnionType):
        # ``X | None`` is how an optional field is spelled; None is the absent
        # element, so only X has a wire shape.
        others = [t for t in info.types if not isinstance(t, mi.NoneType)]
        if len(others) != 1:
            raise TypeError(f"{where}: a union other than `X | None` has no wire form")
        (info,) = others
    if isinstance(info, mi.StrType):
        return ValueShape(Kind.STRING, info)
    if isinstance(info, mi.BoolType):
        return ValueShape(Kind.BOOL, info)
    if isinstance(info, mi.IntType):
        return ValueShape(Kind.INT, info)
    if isinstance(info, mi.DecimalType):
        return ValueShape(Kind.DECIMAL, info)
    if isinstance(info, mi.CustomType) and issubclass(info.cls, OmniDateTime):
        return ValueShape(Kind.DATETIME, info)
    if isinstance(info, mi.DateTimeType):
        if info.tz is False:
            # A naive datetime has no wire form (SPEC section 4: offsets always).
            raise TypeError(f"{where}: a datetime constrained to be naive (tz=False) cannot be written")
        return ValueShape(Kind.DATETIME, info)
    if isinstance(info, mi.EnumType):
        if not all(type(member.value) is str for member in info.cls):
            raise TypeError(f"{where}: the members of {info.cls.__name__} need `str` values, their wire text")
        return ValueShape(Kind.ENUM, info)
    if isinstance(info, mi.StructType):
        return ValueShape(Kind.STRUCT, info, struct_type=info.cls)
    if isinstance(info, mi.ListType):
        item_name = ITEM_NAMES.get(name)
        if item_name is None:
            raise TypeError(
                f"{where}: the list `{name}` has no XML item name; add "
                f"`{name}` to omni_codec._binding.ITEM_NAMES (SPEC section 5)"
            )
        return ValueShape(
            Kind.LIST, info, item=_value_shape(info.item_type, where, name), item_name=item_name
        )
    if (
        isinstance(info, mi.DictType)
        and isinstance(info.key_type, mi.StrType)
        and isinstance(info.value_type, mi.AnyType)
    ):
        key = info.key_type
        constraints = (key.pattern, key.min_length, key.max_length, info.min_length, info.max_length)
        if any(c is not None for c in constraints):
            raise TypeError(f"{where}: a free-form JSON object takes no constraints")
        return ValueShape(Kind.JSON, info)
    raise TypeError(f"{where}: no wire form for {info!r}")
