"""The wire description of every OMNI type, derived from the Structs.

This is the one place that knows how a Struct maps onto the wire. It reads each
Struct through ``msgspec.inspect`` (field order, wire names, types and their
constraints), with the two facts of the XML form the models declare beside them
(:mod:`omni_codec.models._base`): a list's item element name, on the list's type,
and a document's root element names, on its class (SPEC section 5). The XML
reader and writer, the encoders' checks, the XSD generator and the hypothesis
strategies all walk the :class:`StructShape` built here; none of them has per-type
code.

A type is bound whole, with every type reachable from it, the first time it is
asked for: a field without a wire form, a list without an item name or a
constraint the codec does not carry is a ``TypeError`` naming the model and the
field then, never an error in the middle of a decode or encode; so is a type used
as a document that declares no root.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import msgspec
import msgspec.inspect as mi

from ._scalars import OmniDateTime, describe

__all__ = [
    "DocumentShape",
    "document_of",
    "published_document_of",
    "FieldShape",
    "innermost",
    "Kind",
    "is_model",
    "StructShape",
    "ValueShape",
    "XML_ITEM",
    "reachable_shapes",
    "required_paths",
    "root_name",
    "shape_of",
]

#: The ``msgspec.Meta.extra`` key of a list's XML item name (``xml_item``).
XML_ITEM: str = "omni_codec.xml_item"


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
    #: One of several tagged Structs, told apart by a discriminator (``type``).
    UNION = "union"


@dataclass(frozen=True, eq=False)
class ValueShape:
    """The type of one value, with its constraints as msgspec reports them."""

    kind: Kind
    info: mi.Type
    item: ValueShape | None = None
    item_name: str | None = None
    struct_type: type[msgspec.Struct] | None = None
    #: A UNION's tagged Structs, in declaration order.
    variant_types: tuple[type[msgspec.Struct], ...] = ()

    @property
    def struct(self) -> StructShape:
        if self.struct_type is None:
            raise TypeError(f"a {self.kind.value} value has no fields")
        return _bound(self.struct_type)

    @property
    def variants(self) -> dict[str, StructShape]:
        """A UNION's members by their discriminator value (their tag)."""
        if self.kind is not Kind.UNION:
            raise TypeError(f"a {self.kind.value} value has no variants")
        shapes = [_bound(cls) for cls in self.variant_types]
        return {shape.tag: shape for shape in shapes if shape.tag is not None}

    @property
    def tag_field(self) -> str:
        """The wire name of a UNION's discriminator (the same in every member)."""
        if self.kind is not Kind.UNION:
            raise TypeError(f"a {self.kind.value} value has no discriminator")
        tag_field = _bound(self.variant_types[0]).tag_field
        assert tag_field is not None  # checked when bound
        return tag_field

    @property
    def enum_values(self) -> tuple[str, ...]:
        """The known values of an enumeration (its members' texts); any other
        text is an unknown value of it (SPEC section 4)."""
        if not isinstance(self.info, mi.EnumType):
            raise TypeError(f"a {self.kind.value} value has no members")
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
    #: A tagged Struct's discriminator: its wire name and this type's value. The
    #: discriminator is no field of the Struct; every format writes it first.
    tag_field: str | None = None
    tag: str | None = None

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
    #: True for the second dialect, the OpenAPI description's XML examples: its
    #: root is the type's title and holds the type's fields (a wrapper's too), and
    #: its free-form objects are one element per key (SPEC section 5).
    published: bool = False


def document_of(cls: type[msgspec.Struct]) -> DocumentShape:
    """The document form of a top-level type, as its class declares it (SPEC
    section 5): ``__xml_root__`` names the root element; ``__xml_wrapper__`` says
    that the type's one field is the root, as for the API error body.

    Raises ``TypeError`` naming the class when it declares no root, or declares a
    wrapper it is not.
    """
    shape = shape_of(cls)  # the fields first: their errors name the field
    return _document(cls, shape)


@cache
def _document(cls: type[msgspec.Struct], shape: StructShape) -> DocumentShape:
    root = cls.__dict__.get("__xml_root__")
    if not isinstance(root, str) or not root:
        raise TypeError(
            f"{cls.__name__} is not an XML document type: it declares no root element "
            "(`__xml_root__: ClassVar[str] = ...`, SPEC section 5)"
        )
    if not getattr(cls, "__xml_wrapper__", False):
        return DocumentShape(root, shape, None)
    if len(shape.fields) != 1 or shape.fields[0].value.kind is not Kind.STRUCT:
        raise TypeError(f"{cls.__name__}: a wrapper document has exactly one field, a Struct")
    (wrapper,) = shape.fields
    if wrapper.name != root:
        raise TypeError(
            f"{cls.__name__}.{wrapper.attr}: a wrapper's field is its root element "
            f"<{root}>, but its wire name is `{wrapper.name}`"
        )
    return DocumentShape(root, wrapper.value.struct, wrapper)


def published_document_of(cls: type[msgspec.Struct]) -> DocumentShape | None:
    """The second dialect's document form of a top-level type (SPEC section 5):
    the root its class declares as ``__xml_published_root__``, the title of the
    type in the OpenAPI description, holding the type's own fields; ``None`` when
    it declares none (a type the description does not have).

    Raises ``TypeError`` naming the class when that root is not a non-empty
    name other than ``__xml_root__``.
    """
    source = document_of(cls)
    return _published(cls, source.root)


@cache
def _published(cls: type[msgspec.Struct], source_root: str) -> DocumentShape | None:
    root = cls.__dict__.get("__xml_published_root__")
    if root is None:
        return None
    if not isinstance(root, str) or not root or root == source_root:
        raise TypeError(
            f"{cls.__name__}.__xml_published_root__: the second dialect's root, a "
            f"non-empty name other than <{source_root}> (SPEC section 5)"
        )
    return DocumentShape(root, shape_of(cls), None, published=True)


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


def innermost(value: ValueShape) -> ValueShape:
    """What a value holds under its lists: a list's item, a list of lists' item..."""
    while value.kind is Kind.LIST and value.item is not None:
        value = value.item
    return value


def reachable_shapes(*roots: StructShape) -> Iterator[StructShape]:
    """Every Struct type a value of ``roots`` may hold, ``roots`` first, each once:
    through fields, list items and the members of polymorphic values.

    The walks over the type graph (which discriminators a value may leave out,
    which types hold decimals; the tests' tours of every type) are this one.
    """
    seen: set[type[msgspec.Struct]] = set()
    pending = list(reversed(roots))
    while pending:
        shape = pending.pop()
        if shape.cls in seen:
            continue
        seen.add(shape.cls)
        yield shape
        found: list[StructShape] = []
        for field_shape in shape.fields:
            value = innermost(field_shape.value)
            if value.kind is Kind.STRUCT:
                found.append(value.struct)
            elif value.kind is Kind.UNION:
                found.extend(_bound(cls) for cls in value.variant_types)
        pending.extend(reversed(found))


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
            pending.extend(value.variant_types)
    known = {**_shapes, **bound}
    paths = {current: _required_paths(shape, known) for current, shape in bound.items()}
    _shapes.update(bound)  # only a type bound whole is kept
    _required.update(paths)
    return _shapes[cls]


#: Each bound type's ``__required_paths__``, checked: see :func:`required_paths`.
_required: dict[type[msgspec.Struct], tuple[tuple[str, ...], ...]] = {}


def required_paths(cls: type[msgspec.Struct]) -> tuple[tuple[str, ...], ...]:
    """The fields a model requires below it although their type allows None.

    A model declares them as ``__required_paths__``, dotted Python attribute
    names from the model (``"destinations.to.phone_number"``): a list is
    transparent, the rest of the path applying to every item, and a path stops
    where an optional Struct on it is absent. The rule is for a field whose type
    is shared with types where it is optional (SPEC section 3: the simple
    request's phone numbers); the model's ``__post_init__`` checks it (see
    :mod:`omni_codec.models._base`), the strategies satisfy it. A path naming a
    field that does not exist, or continuing below a leaf, is a ``TypeError``
    naming the model when it is first bound.
    """
    shape_of(cls)
    return _required[cls]


def _required_paths(
    shape: StructShape, known: dict[type[msgspec.Struct], StructShape]
) -> tuple[tuple[str, ...], ...]:
    declared = shape.cls.__dict__.get("__required_paths__", ())
    if isinstance(declared, str) or not all(isinstance(p, str) for p in declared):
        raise TypeError(f"{shape.name}.__required_paths__: a tuple of dotted attribute paths")
    out = []
    for dotted in declared:
        path = tuple(dotted.split("."))
        current: StructShape | None = shape
        for depth, attr in enumerate(path):
            fields = {f.attr: f for f in current.fields} if current is not None else {}
            if attr not in fields:
                where = current.name if current is not None else "a leaf value"
                raise TypeError(
                    f"{shape.name}.__required_paths__: `{dotted}` names `{attr}`, "
                    f"which {where} does not have"
                )
            value = fields[attr].value
            while value.item is not None:
                value = value.item
            last = depth == len(path) - 1
            current = None if last or value.struct_type is None else known[value.struct_type]
        out.append(path)
    return tuple(out)


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
    if info.array_like:
        raise TypeError(f"{cls.__name__}: an array-like Struct has no XML form")
    if info.tag is not None and not isinstance(info.tag, str):
        raise TypeError(f"{cls.__name__}: a discriminator value must be a str, got {info.tag!r}")
    if info.tag_field is not None and info.tag_field in {f.name for f in fields}:
        raise TypeError(f"{cls.__name__}: the discriminator `{info.tag_field}` is also a field")
    return StructShape(cls, fields, {f.name: f for f in fields}, info.tag_field, info.tag)


def _value_shape(info: mi.Type, where: str, name: str) -> ValueShape:
    """The shape of the field ``where`` (``Model.attribute``), wire name ``name``."""
    info, item_name = _declared(info, where)
    if item_name is not None and not _is_list(info):
        raise TypeError(f"{where}: an XML item name is declared on a value that is not a list")
    if isinstance(info, mi.UnionType):
        # ``X | None`` is how an optional field is spelled; None is the absent
        # element, so only X has a wire shape.
        others = [t for t in info.types if not isinstance(t, mi.NoneType)]
        if len(others) > 1:
            return _union_shape(others, where)
        (info,) = others
        info, declared = _declared(info, where)
        item_name = item_name or declared
    _refuse_unknown_constraints(info, where)
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
        from .models.enums import OpenEnum  # (the models import this module)

        if not issubclass(info.cls, OpenEnum):
            # One behaviour for every enumeration: open on decode (SPEC section 4).
            raise TypeError(
                f"{where}: the enumeration {info.cls.__name__} is closed; the API's "
                "enumerations are open on decode (SPEC section 4): derive it from "
                "omni_codec.models.OpenEnum"
            )
        if not all(type(member.value) is str for member in info.cls):
            raise TypeError(f"{where}: the members of {info.cls.__name__} need `str` values, their wire text")
        return ValueShape(Kind.ENUM, info)
    if isinstance(info, mi.StructType):
        if info.array_like:
            raise TypeError(f"{where}: an array-like Struct has no XML form")
        if info.tag is not None:  # a tagged Struct always carries its tag
            return _union_shape([info], where)
        return ValueShape(Kind.STRUCT, info, struct_type=info.cls)
    if isinstance(info, mi.ListType):
        if item_name is None:
            raise TypeError(
                f"{where}: the list `{name}` has no XML item name; declare it on the "
                f'field: `Annotated[list[...], xml_item("...")]` (SPEC section 5)'
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


def _union_shape(members: list[mi.Type], where: str) -> ValueShape:
    """A polymorphic value: tagged Structs sharing one discriminator, each with
    its own value of it (SPEC section 4). msgspec decodes and encodes such a
    union itself in JSON; in XML the discriminator is a child element like any
    other, which the readers look at first."""
    if not all(isinstance(m, mi.StructType) and m.tag is not None for m in members):
        raise TypeError(
            f"{where}: a union other than `X | None` has no wire form unless its "
            "members are tagged Structs (`tag_field=..., tag=...`)"
        )
    structs = [m for m in members if isinstance(m, mi.StructType)]
    tag_fields = {m.tag_field for m in structs}
    if len(tag_fields) != 1:
        raise TypeError(f"{where}: the members of a union have different discriminators {sorted(map(str, tag_fields))}")
    tags = [m.tag for m in structs]
    if len(set(tags)) != len(tags):
        raise TypeError(f"{where}: two members of a union have the same discriminator value")
    info = structs[0] if len(structs) == 1 else mi.UnionType(tuple(structs))
    return ValueShape(Kind.UNION, info, variant_types=tuple(m.cls for m in structs))


def _declared(info: mi.Type, where: str) -> tuple[mi.Type, str | None]:
    """``info`` without its ``msgspec.Meta(extra=...)`` wrapper, and the XML item
    name declared there, if any; any other ``extra`` is refused, as the codec
    would not carry it."""
    if not isinstance(info, mi.Metadata):
        return info, None
    extra = dict(info.extra or {})
    item_name = extra.pop(XML_ITEM, None)
    if extra:
        raise TypeError(f"{where}: unknown `Meta(extra=...)` keys {sorted(extra)}")
    if item_name is not None and (not isinstance(item_name, str) or not item_name):
        raise TypeError(f"{where}: an XML item name must be a non-empty str")
    inner, more = _declared(info.type, where)
    return inner, item_name or more


def _is_list(info: mi.Type) -> bool:
    if isinstance(info, mi.UnionType):
        return any(isinstance(t, mi.ListType) for t in info.types)
    return isinstance(info, mi.ListType)


#: The constraints of each ``msgspec.inspect`` type the codec carries in every
#: format (the rules of :mod:`omni_codec._checks`, the XSD's facets, the fast
#: paths' checks). A constraint outside these is refused when the type is bound,
#: rather than honoured by some readers and not others.
_CARRIED: dict[type[mi.Type], frozenset[str]] = {
    mi.StrType: frozenset({"min_length", "max_length", "pattern"}),
    mi.IntType: frozenset({"gt", "ge", "lt", "le", "multiple_of"}),
    mi.ListType: frozenset({"item_type", "min_length", "max_length"}),
    mi.DateTimeType: frozenset({"tz"}),
    mi.StructType: frozenset({"cls", "fields", "tag_field", "tag", "array_like", "forbid_unknown_fields"}),
    mi.EnumType: frozenset({"cls"}),
    mi.DictType: frozenset({"key_type", "value_type", "min_length", "max_length"}),
    mi.CustomType: frozenset({"cls"}),
}


def _refuse_unknown_constraints(info: mi.Type, where: str) -> None:
    carried = _CARRIED.get(type(info), frozenset())
    for name in type(info).__struct_fields__:
        if name not in carried and getattr(info, name) is not None:
            raise TypeError(f"{where}: the constraint `{name}` is not carried by the codec")
