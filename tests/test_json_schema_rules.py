"""The JSON Schemas take every constraint from the rules the encoders check
(``_checks.rule_of``), as the XSD does: a constraint declared on a model reaches
the schema in the rule's terms, whatever msgspec would have rendered."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec
import pytest

from omni_codec import _checks
from omni_codec._binding import Kind, ValueShape, shape_of
from omni_codec._checks import Rule, rule_of
from omni_codec._schema.json_schema import generate_json_schema
from omni_codec.models import OmniStruct, OpenEnum, xml_item


class Size(OpenEnum):
    SMALL = "S"
    LARGE = "L"


class Part(OmniStruct, kw_only=True):
    code: Annotated[str, msgspec.Meta(pattern=r"\A[A-Z]{2}\Z", min_length=2, max_length=2)]
    count: Annotated[int, msgspec.Meta(gt=0, lt=100, multiple_of=5)]
    size: Size | None = None


class Order(OmniStruct, kw_only=True):
    __xml_root__: ClassVar[str] = "order"

    parts: Annotated[list[Part], msgspec.Meta(min_length=1, max_length=4), xml_item("part")]
    note: Annotated[str, msgspec.Meta(max_length=10)] | None = None


def _part(schema: dict[str, object]) -> dict[str, dict[str, object]]:
    return schema["$defs"]["Part"]["properties"]  # type: ignore[index,no-any-return]


def test_a_models_constraints_reach_the_schema_as_the_rules_say() -> None:
    schema = generate_json_schema(Order)
    order = schema["$defs"]["Order"]
    assert order["required"] == ["parts"]
    assert order["properties"]["parts"]["minItems"] == 1
    assert order["properties"]["parts"]["maxItems"] == 4
    assert order["properties"]["note"]["anyOf"][0] == {"type": "string", "maxLength": 10}
    part = _part(schema)
    assert part["code"] == {"type": "string", "pattern": "^[A-Z]{2}$", "minLength": 2, "maxLength": 2}
    # The rule's inclusive bounds (gt=0 is 1, lt=100 is 99), not msgspec's exclusive ones.
    assert part["count"] == {"type": "integer", "minimum": 1, "maximum": 99, "multipleOf": 5}
    # The rule's known values, made open as every enumeration is (SPEC section 4).
    known, unknown = schema["$defs"]["Size"]["anyOf"]
    assert known == {"enum": ["L", "S"]}
    assert unknown["type"] == "string"
    assert schema["$defs"]["Part"]["required"] == ["code", "count"]


def test_the_schema_follows_the_rule_not_msgspecs_rendering(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule that says more than the Meta (here, a string length) is what the
    schema says: the rules are the source."""
    code = shape_of(Part).by_name["code"].value
    real = rule_of

    def stricter(value: ValueShape) -> Rule:
        rule = real(value)
        if value is code:
            return Rule(Kind.STRING, str, True, r"\A[A-Z]+\Z", 1, 8)
        return rule

    monkeypatch.setattr("omni_codec._schema.json_schema.rule_of", stricter)
    assert _part(generate_json_schema(Order))["code"] == {
        "type": "string", "pattern": "^[A-Z]+$", "minLength": 1, "maxLength": 8,
    }
    assert _checks.rule_of is real
