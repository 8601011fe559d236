"""Open enumerations in the JSON Schemas (SPEC section 4).

msgspec describes an enumeration as a closed ``enum``; the decoder's default mode
takes any string there, an unknown value of the enumeration. Each enumeration's
definition becomes ``anyOf`` its known values and any string, so the schemas
accept what the default mode accepts and still list the known values; strict
decoding, which takes the known values only, is stricter than the schema there,
as it is than the XSD.
"""

from __future__ import annotations

from typing import Any

__all__ = ["open_enumerations"]

_UNKNOWN = {
    "type": "string",
    "description": "A value the models do not know: decoded in the default mode, "
    "kept as its text, refused by strict decoding.",
}


def open_enumerations(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` (msgspec's) with every enumeration definition made open."""
    definitions = schema.get("$defs", {})
    for name, definition in definitions.items():
        if isinstance(definition, dict) and "enum" in definition:
            known = definition.pop("enum")
            definition["anyOf"] = [{"enum": known}, dict(_UNKNOWN)]
            definitions[name] = definition
    return schema
