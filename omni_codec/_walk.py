"""Checks on decoded JSON that msgspec cannot make while decoding.

msgspec bounds nothing but its own recursion. The limits (SPEC section 6) are
applied here, by walking only the parts of a value the shape says can hold lists or
free-form JSON: for most types that is a length check or two.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import msgspec

from ._binding import Kind, StructShape, ValueShape
from ._paths import join
from .limits import Limits

__all__ = ["check_limits", "limit_plan", "path_to"]

# (attribute, wire name, kind, shape of list items or nested struct)
_Step = tuple[str, str, Kind, ValueShape]


@cache
def _limit_plan(shape: StructShape) -> tuple[_Step, ...]:
    """The fields of ``shape`` under which a limit could be exceeded."""
    return _plan(shape, frozenset())


def _plan(shape: StructShape, visiting: frozenset[StructShape]) -> tuple[_Step, ...]:
    if shape in visiting:  # a type inside itself: its fields are planned already
        return ()
    inside = visiting | {shape}
    plan: list[_Step] = []
    for field in shape.fields:
        value = field.value
        if value.kind in (Kind.LIST, Kind.JSON, Kind.UNION):
            plan.append((field.attr, field.name, value.kind, value))
        elif value.kind is Kind.STRUCT and _plan(value.struct, inside):
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
    if depth > limits.max_depth:  # only a type that holds itself gets here
        raise limits.depth_error(path=join(path))
    for attr, name, kind, shape in plan:
        field_value = getattr(value, attr)
        if field_value is None:
            continue
        if kind is Kind.LIST:
            if len(field_value) > limits.max_list_items:
                raise limits.items_error(len(field_value), join([*path, name]))
            item = shape.item
            assert item is not None
            if item.kind is Kind.UNION:
                for index, entry in enumerate(field_value):
                    _check_member(entry, limits, [*path, name, index], depth + 2)
            elif item.kind is Kind.STRUCT and _limit_plan(item.struct):
                item_plan = _limit_plan(item.struct)
                for index, entry in enumerate(field_value):
                    _check_struct(entry, item_plan, limits, [*path, name, index], depth + 2)
        elif kind is Kind.JSON:
            _check_json(field_value, limits, [*path, name], depth + 1)
        elif kind is Kind.UNION:
            _check_member(field_value, limits, [*path, name], depth + 1)
        else:
            _check_struct(field_value, _limit_plan(shape.struct), limits, [*path, name], depth + 1)


def _check_member(value: Any, limits: Limits, path: list[str | int], depth: int) -> None:
    """One value of a polymorphic type, along the plan of its own member."""
    from ._binding import shape_of

    _check_struct(value, _limit_plan(shape_of(type(value))), limits, path, depth)


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
