"""JSON Schema (2020-12) for every document type, generated from the models.

msgspec writes the schemas; three things are adjusted so that each schema accepts
exactly what the JSON decoder accepts:

* patterns are written for Python (``\\A...\\Z``, since ``$`` would allow a trailing
  newline) and become ECMA-262 patterns (``^...$``, where ``$`` does not);
* datetimes (``OmniDateTime``) are strings in the published or RFC 3339 form;
* decimals are written as JSON numbers (prices keep their digits) and are also
  accepted as strings.
"""

from __future__ import annotations

import json
from typing import Any

import msgspec

from .._scalars import DATETIME_XSD_PATTERN, OmniDateTime
from ..models import DOCUMENT_TYPES

__all__ = ["generate_json_schema", "json_schema_files"]

_DECIMAL = {"type": "string", "format": "decimal"}


def _schema_hook(cls: type) -> dict[str, Any]:
    if cls is OmniDateTime:
        return {
            "type": "string",
            "pattern": f"^[ \\t\\n\\r]*{DATETIME_XSD_PATTERN}[ \\t\\n\\r]*$",
            "examples": ["2015-06-04T13:01:52.933+0000"],
        }
    raise NotImplementedError(cls)


def generate_json_schema(cls: type) -> dict[str, Any]:
    """The JSON Schema of one document type."""
    schema = msgspec.json.schema(cls, schema_hook=_schema_hook)
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return _adjust(schema)  # type: ignore[no-any-return]


def _adjust(node: Any) -> Any:
    if isinstance(node, dict):
        if node == _DECIMAL:
            return {"anyOf": [{"type": "number"}, {"type": "string", "format": "decimal"}]}
        out = {key: _adjust(value) for key, value in node.items()}
        pattern = out.get("pattern")
        if isinstance(pattern, str) and pattern.startswith("\\A") and pattern.endswith("\\Z"):
            out["pattern"] = "^" + pattern[2:-2] + "$"
        return out
    if isinstance(node, list):
        return [_adjust(item) for item in node]
    return node


def json_schema_files() -> dict[str, str]:
    """File name -> text, for ``schemas/json/``."""
    return {
        f"{cls.__name__}.schema.json": json.dumps(generate_json_schema(cls), indent=2, ensure_ascii=False) + "\n"
        for cls in DOCUMENT_TYPES
    }
