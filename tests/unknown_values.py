"""Where a value holds unknown values of an open enumeration (SPEC section 4).

The strategies sometimes generate them; ``strict=True`` decoding refuses the first
one in document order (field order, the order both encoders write), at its path.
"""

from __future__ import annotations

from typing import Any

import msgspec

from omni_codec._binding import shape_of
from omni_codec._paths import join
from omni_codec.models import OpenEnum


def unknown_paths(value: Any, path: tuple[str | int, ...] = ()) -> list[str]:
    """The paths of the unknown enumeration values in ``value``, in field order."""
    if isinstance(value, OpenEnum):
        return [] if value.known else [join(path)]
    if isinstance(value, msgspec.Struct):
        return [
            found
            for field in shape_of(type(value)).fields
            for found in unknown_paths(getattr(value, field.attr), (*path, field.name))
        ]
    if isinstance(value, list):
        return [found for index, item in enumerate(value) for found in unknown_paths(item, (*path, index))]
    return []
