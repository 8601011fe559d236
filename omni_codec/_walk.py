"""Checks on decoded JSON that msgspec cannot make while decoding.

msgspec bounds nothing but its own recursion, and its Structs either reject unknown
keys always or never. The limits (SPEC section 6) are applied here, by walking only
the parts of a value the shape says can hold lists or free-form JSON: for most
types that is a length check or two; ``strict=True`` uses a shadow type.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

import msgspec

from ._binding import Kind, StructShape, ValueShape
from ._paths import join
from .limits import Limits

__all__ = ["check_limits", "limit_plan", "path_to", "strict_shadow"]

# (attribute, wire name, kind, shape of list items or nested struct)
_Step = tuple[str, str, Kind, ValueShape]


@cache
def _limit_plan(shape: StructShape) -> tuple[_Step, ...]:
    """The fields of ``shape`` under which a limit could be exceeded."""
    plan: list[_Step] = []
    for field in shape.fields:
        value = field.value
        if value.kind in (Kind.LIST, Kind.JSON):
            plan.append((field.attr, field.name, value.kind, value))
        elif value.kind is Kind.STRUCT and _limit_plan(value.struct):
            plan.append((field.attr, field.name, value.kind, value))
    return tuple(plan)


def limit_plan(shape: StructShape) -> tuple[_Step, ...]:
    """What :func:`check_limits` visits for ``shape``: empty when nothing can exceed."""
    return _limit_plan(shape)


def check_limits(value: Any, plan: tuple[_Step, ...], limits: Limits) -> None:
    """Apply ``limits`` to a decoded value along its shape's :func:`limit_plan`."""
    _check_struct(value, plan, limits, [], 1)


def _check_struct(
    value: Any, plan: tuple[_Step, ...], limits: Limits, path: list[str | int], depth: int
) -> None:
    for attr, name, kind, shape in plan:
        field_value = getattr(value, attr)
        if field_value is None:
            continue
        if kind is Kind.LIST:
            if len(field_value) > limits.max_list_items:
                raise limits.items_error(len(field_value), join([*path, name]))
            item = shape.item
            assert item is not None
            if item.kind is Kind.STRUCT and _limit_plan(item.struct):
                item_plan = _limit_plan(item.struct)
                for index, entry in enumerate(field_value):
                    _check_struct(entry, item_plan, limits, [*path, name, index], depth + 2)
        elif kind is Kind.JSON:
            _check_json(field_value, limits, [*path, name], depth + 1)
        else:
            _check_struct(field_value, _limit_plan(shape.struct), limits, [*path, name], depth + 1)


def _check_json(value: Any, limits: Limits, path: list[str | int], depth: int) -> None:
    if depth > limits.max_depth:
        raise limits.depth_error(path=join(path))
    if type(value) is dict:
        if len(value) > limits.max_list_items:
            raise limits.items_error(len(value), join(path))
        for key, child in value.items():
            _check_json(child, limits, [*path, key], depth + 1)
    elif type(value) is list:
        if len(value) > limits.max_list_items:
            raise limits.items_error(len(value), join(path))
        for index, child in enumerate(value):
            _check_json(child, limits, [*path, index], depth + 1)


@cache
def strict_shadow(shape: StructShape) -> type[msgspec.Struct]:
    """A Struct that mirrors ``shape`` but rejects unknown keys and unknown
    enumeration values, and reads no other value.

    ``strict=True`` decodes the document a second time into this shadow: msgspec then
    reports the first unknown key or enumeration value with its path, and leaves
    every other value unparsed (``msgspec.Raw``), so nothing the typed pass skipped
    can fail here.
    """
    fields = [(f.attr, _shadow_of(f.value), None) for f in shape.fields]
    return msgspec.defstruct(
        f"Strict{shape.name}",
        fields,
        rename={f.attr: f.name for f in shape.fields},
        forbid_unknown_fields=True,
    )


def _shadow_of(value: ValueShape) -> Any:
    if value.kind is Kind.STRUCT:
        return strict_shadow(value.struct) | None
    if value.kind is Kind.LIST:
        assert value.item is not None
        return list[_shadow_of(value.item)] | None  # type: ignore[misc]
    if value.kind is Kind.ENUM:
        # The known values only: strict rejects an unknown one (SPEC section 4),
        # with msgspec's message and path for an enum.
        return _LITERAL[value.enum_values] | None
    return msgspec.Raw


#: ``typing.Literal``, subscripted with values known only at run time.
_LITERAL: Any = Literal


def path_to(root: Any, target: Any) -> list[str | int] | None:
    """The path from ``root`` to the object ``target`` (by identity), if it is there.

    Only for error messages: the JSON encoder's hook sees the offending value but
    not where it is.
    """
    if root is target:
        return []
    if isinstance(root, msgspec.Struct):
        from ._binding import shape_of

        children: list[tuple[str | int, Any]] = [
            (f.name, getattr(root, f.attr)) for f in shape_of(type(root)).fields
        ]
    elif isinstance(root, dict):
        children = list(root.items())
    elif isinstance(root, (list, tuple)):
        children = list(enumerate(root))
    else:
        return None
    for segment, child in children:
        found = path_to(child, target)
        if found is not None:
            return [segment, *found]
    return None
