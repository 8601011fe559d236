"""JSON Schema (2020-12) for every document type, generated from the models.

msgspec writes the structure (``$defs`` per Struct and enum, ``$ref``, titles,
descriptions, defaults); every constraint is then set from the rules the
encoders check (:func:`omni_codec._checks.rule_of`), the one description of
the checks that the XSD generator reads too, walking the binding
(:mod:`omni_codec._binding`) beside msgspec's output: string patterns and
lengths, integer bounds and steps, list lengths, enum members, the decimal and
datetime forms and the required fields. msgspec's own rendering of a
constraint is never kept. Beyond that, each schema is made to accept exactly
what the JSON decoder accepts, and the descriptions are made plain text:

* patterns are written for Python (``\\A...\\Z``, since ``$`` would allow a trailing
  newline) and become ECMA-262 patterns (``^...$``, where ``$`` does not);
* datetimes (``OmniDateTime``) are strings in the published or RFC 3339 form;
* decimals are written as JSON numbers (prices keep their digits) and are also
  accepted as strings in the XSD's form and bounds;
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
import msgspec.inspect as mi

from .._binding import Kind, StructShape, ValueShape, shape_of
from .._checks import rule_of
from .._scalars import (
    DATETIME_XSD_PATTERN,
    DECIMAL_MAGNITUDE_TEXT,
    DECIMAL_MAX_FRACTION_DIGITS,
    DECIMAL_TEXT,
    OmniDateTime,
)
from ..models import DOCUMENT_TYPES
from .open_enums import open_enumerations

__all__ = ["generate_json_schema", "json_schema_files"]

_DECIMAL = {"type": "string", "format": "decimal"}
#: A decimal written as a string, as the JSON decoder reads it: ``xs:decimal``'s
#: lexical form, with the XSD's magnitude bound and at most 100 fraction digits
#: before the last that is not zero.
_DECIMAL_STRING = {
    "type": "string",
    "format": "decimal",
    "pattern": (
        f"^(?={DECIMAL_MAGNITUDE_TEXT}$)(?![^.]*\\.[0-9]{{{DECIMAL_MAX_FRACTION_DIGITS},}}[1-9])"
        f"{DECIMAL_TEXT}$"
    ),
}
_NULL = {"type": "null"}
#: ``:class:`~omni_codec.models.messages.Status``` and ``:func:`f``` (Sphinx roles).
_SPHINX_ROLE = re.compile(r":[a-z]+:`(~?)([^`]+)`")


#: The constraint keywords, all of them set from the rules (:func:`_constrain`).
_CONSTRAINTS = (
    "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
    "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "enum", "format",
)


def _datetime_form() -> dict[str, Any]:
    # The published or RFC 3339 form, surrounded by XML whitespace as the
    # decoders allow (SPEC section 4).
    return {
        "type": "string",
        "pattern": f"^[ \\t\\n\\r]*{DATETIME_XSD_PATTERN}[ \\t\\n\\r]*$",
        "examples": ["2015-06-04T13:01:52.933+0000"],
    }


def _schema_hook(cls: type) -> dict[str, Any]:
    if cls is OmniDateTime:  # msgspec asks; the form is set by _constrain
        return {"type": "string"}
    raise NotImplementedError(cls)


def generate_json_schema(cls: type[msgspec.Struct]) -> dict[str, Any]:
    """The JSON Schema of one document type."""
    schema = msgspec.json.schema(cls, schema_hook=_schema_hook)
    _constrain_struct(shape_of(cls), schema.get("$defs", {}), set())
    # After the rules have set each enumeration's known values: each becomes
    # "known values or any string", as the default mode decodes (SPEC section 4).
    schema = open_enumerations(schema)
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return _adjust(schema)  # type: ignore[no-any-return]


def _constrain_struct(shape: StructShape, defs: dict[str, Any], done: set[type]) -> None:
    """Sets the constraints of ``shape``'s definition, and of every definition
    it refers to, from the rules; ``required`` from the binding."""
    if shape.cls in done:
        return
    done.add(shape.cls)
    definition = defs[shape.name]
    properties = definition["properties"]
    for field in shape.fields:
        _constrain(properties[field.name], field.value, defs, done)
    required = [field.name for field in shape.fields if field.required]
    if shape.tag_field is not None:  # msgspec's discriminator, first as on the wire
        required.insert(0, shape.tag_field)
    if required or "required" in definition:  # msgspec's place for it, [] kept
        definition["required"] = required


def _constrain(node: dict[str, Any], value: ValueShape, defs: dict[str, Any], done: set[type]) -> None:
    """Sets the constraint keywords of the value ``node`` from its rule."""
    if value.kind is Kind.UNION:  # msgspec writes the members and the discriminator
        for variant in value.variants.values():
            _constrain_struct(variant, defs, done)
        return
    members = node.get("anyOf")
    if isinstance(members, list) and _NULL in members:  # ``X | None``: X is constrained
        for member in members:
            if member != _NULL:
                _constrain(member, value, defs, done)
        return
    rule = rule_of(value)
    if value.kind is Kind.STRUCT:
        _constrain_struct(value.struct, defs, done)
        return
    if value.kind is Kind.ENUM:
        target = defs[node["$ref"].rsplit("/", 1)[-1]] if "$ref" in node else node
        target["enum"] = sorted(value.enum_values)  # msgspec's order
        return
    for keyword in _CONSTRAINTS:
        node.pop(keyword, None)
    if value.kind is Kind.STRING:
        _set(node, pattern=rule.pattern, minLength=rule.min_length, maxLength=rule.max_length)
    elif value.kind is Kind.INT:
        # A bound the model declares is said (as the rule's inclusive one); the
        # 64-bit range the writers hold an undeclared int to is not.
        info = value.info
        assert isinstance(info, mi.IntType)  # an INT shape always has IntType info
        _set(
            node,
            minimum=None if info.ge is None and info.gt is None else rule.low,
            maximum=None if info.le is None and info.lt is None else rule.high,
            multipleOf=rule.multiple_of,
        )
    elif value.kind is Kind.LIST:
        assert value.item is not None  # a LIST always has an item shape
        _set(node, minItems=rule.min_length, maxItems=rule.max_length)
        _constrain(node["items"], value.item, defs, done)
    elif value.kind is Kind.DECIMAL:
        node.clear()
        node.update(_DECIMAL)
    elif value.kind is Kind.DATETIME:
        node.clear()
        node.update(_datetime_form())


def _set(node: dict[str, Any], **keywords: Any) -> None:
    node.update((key, value) for key, value in keywords.items() if value is not None)


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
            return {"anyOf": [{"type": "number"}, dict(_DECIMAL_STRING)]}
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
