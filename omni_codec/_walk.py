"""Checks on decoded JSON that msgspec cannot make while decoding.

msgspec bounds nothing but its own recursion, and its Structs either reject unknown
keys always or never. The limits (SPEC section 6) and ``strict=True`` are applied
here, by walking only the parts of a value the shape says can hold lists, free-form
JSON or objects: for most types that is a length check or two.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import msgspec

from ._binding import Kind, StructShape, ValueShape
from ._paths import join
from .errors import DecodeError
from .limits import Limits

__all__ = ["check_limits", "path_to", "unknown_json_key"]

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


def check_limits(value: Any, limits: Limits) -> None:
    _check_struct(value, _limit_plan_for(value), limits, [], 1)


def _limit_plan_for(value: Any) -> tuple[_Step, ...]:
    from ._binding import shape_of

    return _limit_plan(shape_of(type(value)))  # type: ignore[arg-type]


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
        raise DecodeError(
            f"Nesting at `{join(path)}` exceeds the limit max_depth={limits.max_depth}"
        )
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


def unknown_json_key(data: Any, shape: StructShape) -> tuple[str, str] | None:
    """The first key of ``data`` that ``shape`` does not know, with its path."""
    return _unknown_in_struct(data, shape, [])


def _unknown_in_struct(data: Any, shape: StructShape, path: list[str | int]) -> tuple[str, str] | None:
    if type(data) is not dict:
        return None
    for key, child in data.items():
        field = shape.by_name.get(key)
        if field is None:
            return key, join(path)
        found = _unknown_in_value(child, field.value, [*path, key])
        if found is not None:
            return found
    return None


def _unknown_in_value(data: Any, value: ValueShape, path: list[str | int]) -> tuple[str, str] | None:
    if value.kind is Kind.STRUCT:
        return _unknown_in_struct(data, value.struct, path)
    if value.kind is Kind.LIST and type(data) is list:
        assert value.item is not None
        for index, item in enumerate(data):
            found = _unknown_in_value(item, value.item, [*path, index])
            if found is not None:
                return found
    return None


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
