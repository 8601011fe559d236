"""JSON Schema (2020-12) for every document type, generated from the models.

msgspec writes the schemas; three things are adjusted so that each schema accepts
exactly what the JSON decoder accepts, and the descriptions are made plain text:

* patterns are written for Python (``\\A...\\Z``, since ``$`` would allow a trailing
  newline) and become ECMA-262 patterns (``^...$``, where ``$`` does not);
* datetimes (``OmniDateTime``) are strings in the published or RFC 3339 form;
* decimals are written as JSON numbers (prices keep their digits) and are also
  accepted as strings;
* what msgspec releases write differently is normalised (the order of ``anyOf``
  members);
* descriptions (the models' docstrings) are normalised here rather than taken as
  msgspec hands them over: msgspec releases and Python versions differ in how they
  strip a docstring's indentation (Python 3.13 strips it when compiling), and the
  committed files must be the same whatever generated them. Sphinx roles become
  plain names, since the schemas' readers are not Sphinx.
"""

from __future__ import annotations

import inspect
import json
import re
from typing import Any

import msgspec

from .._scalars import DATETIME_XSD_PATTERN, OmniDateTime
from ..models import DOCUMENT_TYPES
from .open_enums import open_enumerations

__all__ = ["generate_json_schema", "json_schema_files"]

_DECIMAL = {"type": "string", "format": "decimal"}
_NULL = {"type": "null"}
#: ``:class:`~omni_codec.models.messages.Status``` and ``:func:`f``` (Sphinx roles).
_SPHINX_ROLE = re.compile(r":[a-z]+:`(~?)([^`]+)`")


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
    schema = open_enumerations(msgspec.json.schema(cls, schema_hook=_schema_hook))
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return _adjust(schema)  # type: ignore[no-any-return]


def plain_description(docstring: str) -> str:
    """A docstring as schema text: no indentation, one line per paragraph, no
    Sphinx markup (``:class:`~a.B``` is `` `B` ``, ````x```` is `` `x` ``)."""
    text = _SPHINX_ROLE.sub(
        lambda m: "`" + (m.group(2).rsplit(".", 1)[-1] if m.group(1) else m.group(2)) + "`",
        inspect.cleandoc(docstring),
    ).replace("``", "`")
    paragraphs = re.split(r"\n\s*\n", text)
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _adjust(node: Any) -> Any:
    if isinstance(node, dict):
        if node == _DECIMAL:
            return {"anyOf": [{"type": "number"}, {"type": "string", "format": "decimal"}]}
        out = {
            key: plain_description(value) if key == "description" and isinstance(value, str)
            else _adjust(value)
            for key, value in node.items()
        }
        if isinstance(out.get("anyOf"), list):
            # msgspec releases list ``X | None``'s members in either order; the
            # order means nothing to a validator, so null is put last for all.
            out["anyOf"] = sorted(out["anyOf"], key=lambda member: member == _NULL)
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
