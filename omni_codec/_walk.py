"""Checks on decoded JSON that msgspec cannot make while decoding.

msgspec bounds nothing but its own recursion, and its Structs either reject unknown
keys always or never. The limits (SPEC section 6) are applied here, by walking only
the parts of a value the shape says can hold lists or free-form JSON: for most
types that is a length check or two; ``strict=True`` uses a shadow type.
"""

from __future__ import annotations

import sys
import threading
import types
import typing
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


def strict_shadow(shape: StructShape) -> type[msgspec.Struct]:
    """A Struct that mirrors ``shape`` but rejects unknown keys and unknown
    enumeration values, and reads no other value.

    ``strict=True`` decodes the document a second time into this shadow: msgspec then
    reports the first unknown key or enumeration value with its path, and leaves
    every other value unparsed (``msgspec.Raw``), so nothing the typed pass skipped
    can fail here. Polymorphic values get shadows of their members, with the
    same discriminator.
    """
    with _shadow_lock:
        return _shadow(shape)


_shadow_lock = threading.RLock()
#: The shadows, in a module of their own: a type that holds itself (a Line Flex
#: box holds boxes) refers to its shadow by name, which msgspec resolves there.
_shadows = types.ModuleType("omni_codec._strict_shadows")
sys.modules[_shadows.__name__] = _shadows
_shadow_names: dict[StructShape, str] = {}
_names_of_classes: dict[type[msgspec.Struct], str] = {}


def _shadow(shape: StructShape) -> type[msgspec.Struct]:
    name = _shadow_names.get(shape)
    if name is not None:
        return getattr(_shadows, name)  # type: ignore[no-any-return]
    name = _shadow_names[shape] = f"Strict{shape.name}_{len(_shadow_names)}"
    # The class is named before its fields are made, so that a field that
    # leads back to it names it as a string, resolved when first used.
    try:
        fields = [(f.attr, _shadow_of(f.value), None) for f in shape.fields]
    except BaseException:
        del _shadow_names[shape]
        raise
    options: dict[str, Any] = {}
    if shape.tag_field is not None:
        options = {"tag_field": shape.tag_field, "tag": shape.tag}
    cls = msgspec.defstruct(
        f"Strict{shape.name}",
        fields,
        rename={f.attr: f.name for f in shape.fields},
        forbid_unknown_fields=True,
        module=_shadows.__name__,
        **options,
    )
    setattr(_shadows, name, cls)
    _names_of_classes[cls] = name
    return cls


def _shadow_type(shape: StructShape) -> Any:
    name = _shadow_names.get(shape)
    if name is not None and not hasattr(_shadows, name):
        return name  # being made: a forward reference
    return _shadow(shape)


def _shadow_of(value: ValueShape) -> Any:
    if value.kind is Kind.STRUCT:
        return _optional(_shadow_type(value.struct))
    if value.kind is Kind.UNION:
        members = [_shadow_type(s) for s in value.variants.values()]
        if any(isinstance(m, str) for m in members):
            names = [m if isinstance(m, str) else _names_of_classes[m] for m in members]
            return " | ".join([*names, "None"])
        optional = tuple(members) + (None,)
        return typing.Union[optional]
    if value.kind is Kind.LIST:
        assert value.item is not None
        item = _shadow_of(value.item)
        if isinstance(item, str):
            return f"list[{item}] | None"
        return list[item] | None  # type: ignore[valid-type]
    if value.kind is Kind.ENUM:
        # The known values only: strict rejects an unknown one (SPEC section 4),
        # with msgspec's message and path for an enum.
        return _LITERAL[value.enum_values] | None
    return msgspec.Raw


#: ``typing.Literal``, subscripted with values known only at run time.
_LITERAL: Any = Literal


def _optional(member: Any) -> Any:
    return f"{member} | None" if isinstance(member, str) else member | None


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
