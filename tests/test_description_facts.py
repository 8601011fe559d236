"""Every fact of Infobip's OpenAPI description is matched by the models, or is a
listed deviation with its reason.

The facts are ``tests/published/description_facts.json`` (made by
``tools/extract_facts.py`` from the prose-free ``description_structure.json``
beside it; the first test checks it is current). ``tests/description_models.json``
says which model each described schema is (``"models"``: short schema key, the
hash's first 8 characters and the key's name, to a name in ``omni_codec.models``)
and lists the deliberate deviations (``"deviations"``: schema, property, what
differs, why). A schema used only as an ``allOf`` parent, or not used at all,
needs no model of its own: its properties are checked on the types that inherit
them.

What is compared, per property (the Struct's field with the property's wire name,
read through ``msgspec.inspect`` and the encoders' rules, ``_checks.rule_of``):
presence, the required flag, the value type and format (int32 and int64 are the
declared 32- and 64-bit bounds, date-time a datetime, number a Decimal), string
length and pattern, integer range, list length, enumeration values, the mapped
model of a ``$ref``, and for polymorphic types the tagged union: its tag field and
tags equal to the discriminator and its mapping. A discriminator is not a field:
it is the variant's tag. An enumeration that only names a union's kinds (or an
object whose only property is that kind, as the Flex ``Component``) maps to the
union alias, and its values must be the union's tags. A free-form object's
described value type is compared too.

The failure message lists every unmatched fact, grouped by schema. For a
checklist of them:

    .venv/bin/python tests/test_description_facts.py [SCHEMA-SUBSTRING ...]
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
import msgspec.inspect as mi
import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:  # tools/ is a source-checkout package, as in test_schema
    sys.path.insert(0, str(ROOT))

import omni_codec.models as models  # noqa: E402
from omni_codec._binding import Kind, ValueShape, shape_of  # noqa: E402
from omni_codec._checks import rule_of  # noqa: E402
from omni_codec._scalars import OmniDateTime  # noqa: E402
from omni_codec.models.enums import OpenEnum  # noqa: E402

PUBLISHED = HERE / "published"
FACTS_FILE = PUBLISHED / "description_facts.json"
MODELS_FILE = HERE / "description_models.json"

INT32 = (-(2**31), 2**31 - 1)
INT64 = (-(2**63), 2**63 - 1)


def load_facts() -> dict[str, Any]:
    return dict(json.loads(FACTS_FILE.read_text(encoding="utf-8")))


def load_models() -> dict[str, Any]:
    return dict(json.loads(MODELS_FILE.read_text(encoding="utf-8")))


def short(key: str) -> str:
    """``<hash>.<Name>`` as ``<first 8 of hash>.<Name>`` (an inline object keeps
    its ``/property`` suffix); keys without a hash are kept."""
    head, _, tail = key.partition("/")
    digest, dot, name = head.partition(".")
    out = f"{digest[:8]}.{name}" if dot else head
    return f"{out}/{tail}" if tail else out


# --- Matching -----------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One unmatched fact: the schema (short key), the property (``*`` for the
    schema itself) and what differs."""

    schema: str
    property: str
    message: str


class Matcher:
    """Compares the facts with the classes a name table gives for them.

    ``resolve`` gives the model (a Struct class, an OpenEnum class or a union
    alias) for a full schema key, or None when there is none.
    """

    def __init__(self, facts: dict[str, Any], names: dict[str, str], resolve: Any) -> None:
        self.schemas = {row["schema"]: row for row in facts["schemas"]}
        self.properties: dict[str, list[dict[str, Any]]] = {}
        for row in facts["properties"]:
            self.properties.setdefault(row["schema"], []).append(row)
        self.names = names
        self.resolve = resolve

    def needs_model(self, key: str) -> bool:
        used = set(self.schemas[key].get("used_as", ()))
        return bool(used - {"parent"}) or short(key) in self.names

    def problems(self) -> list[Problem]:
        out: list[Problem] = []
        for key in sorted(self.schemas):
            if self.needs_model(key):
                out.extend(self.schema_problems(key))
        return out

    def schema_problems(self, key: str) -> list[Problem]:
        row, name = self.schemas[key], short(key)
        wanted = self.names.get(name)
        if wanted is None:
            return [Problem(name, "*", f"no entry in {MODELS_FILE.name} (which model is it?)")]
        model = self.resolve(key)
        if model is None:
            count = len(self.properties.get(key, []))
            what = f"{row['kind']}, {count} properties" if count else row["kind"]
            return [Problem(name, "*", f"no model `{wanted}` in omni_codec.models ({what})")]
        if row["kind"] == "enum":
            if _union_members(model):
                return [Problem(name, "*", m) for m in self.tag_enum_problems(model, row["enum"])]
            return [Problem(name, "*", m) for m in self.enum_problems(model, row["enum"])]
        if row["kind"] == "polymorphic":
            return [Problem(name, "*", m) for m in self.union_problems(model, row["discriminator"])]
        if _union_members(model):
            return self.tagged_object_problems(key, model)
        if not _is_struct(model):
            return [Problem(name, "*", f"`{wanted}` is not a Struct class")]
        return self.struct_problems(key, model)

    # - enumerations and unions

    @staticmethod
    def enum_problems(model: Any, values: list[str]) -> list[str]:
        if not (isinstance(model, type) and issubclass(model, OpenEnum)):
            return [f"`{_name(model)}` is not an OpenEnum (values {values})"]
        known = {member.value for member in model}
        out = []
        if set(values) - known:
            out.append(f"{_name(model)} lacks the values {sorted(set(values) - known)}")
        if known - set(values):
            out.append(f"{_name(model)} has values the description does not: {sorted(known - set(values))}")
        return out

    @staticmethod
    def tag_enum_problems(model: Any, values: list[str]) -> list[str]:
        """An enumeration that only names the kinds of a polymorphic value has no
        class of its own: its values are the tags of the union that uses it."""
        members = _union_members(model)
        if not members or not all(_is_struct(m) for m in members):
            return [f"`{_name(model)}` is neither an OpenEnum nor a union of tagged Structs (values {values})"]
        tags = {str(m.__struct_config__.tag) for m in members}
        out = []
        if set(values) - tags:
            out.append(f"{_name(model)} has no variant tagged {sorted(set(values) - tags)}")
        if tags - set(values):
            out.append(f"{_name(model)} has variants the enumeration does not name: {sorted(tags - set(values))}")
        return out

    def tagged_object_problems(self, key: str, model: Any) -> list[Problem]:
        """An object schema whose subtypes are told apart elsewhere (its only
        property is their kind, as the Flex ``Component``) may be a union alias:
        the property is the union's tag field and its values are the tags."""
        name = short(key)
        members = _union_members(model)
        if not members or not all(_is_struct(m) for m in members):
            return [Problem(name, "*", f"`{_name(model)}` is neither a Struct class nor a union of tagged Structs")]
        out = []
        for fact in self.properties.get(key, []):
            wire = fact["wire_name"]
            fields = {m.__struct_config__.tag_field for m in members}
            if fields != {wire} or "enum" not in fact:
                out.append(Problem(name, wire, (
                    f"the union {_name(model)} has only its tag field {sorted(map(str, fields))}; "
                    f"`{wire}` is not an enumeration of its tags"
                )))
                continue
            out.extend(Problem(name, wire, m) for m in self.tag_enum_problems(model, fact["enum"]))
        return out

    def union_problems(self, model: Any, disc: dict[str, Any]) -> list[str]:
        members = _union_members(model)
        if not members or not all(_is_struct(m) for m in members):
            return [f"`{_name(model)}` is not a union of tagged Structs (tags {sorted(disc['mapping'])})"]
        out = []
        tags: dict[str, type] = {}
        for member in members:
            config = member.__struct_config__
            if config.tag_field != disc["property"]:
                out.append(f"{member.__name__}: tag field `{config.tag_field}`, described `{disc['property']}`")
            tags[str(config.tag)] = member
        if set(tags) != set(disc["mapping"]):
            out.append(f"tags {sorted(tags)}, described {sorted(disc['mapping'])}")
        for tag, target in sorted(disc["mapping"].items()):
            expected = self.resolve(target)
            if tag in tags and expected is not None and tags[tag] is not expected:
                out.append(f"tag {tag}: {tags[tag].__name__}, described {short(target)} = {_name(expected)}")
        return out

    # - objects

    def struct_problems(self, key: str, model: type[msgspec.Struct]) -> list[Problem]:
        name = short(key)
        info = mi.type_info(model)
        assert isinstance(info, mi.StructType)
        fields = {f.encode_name: f for f in info.fields}
        config = model.__struct_config__
        out: list[Problem] = []
        described = set()
        for fact in self.properties.get(key, []):
            wire = fact["wire_name"]
            described.add(wire)
            if "discriminator_tags" in fact:
                if config.tag_field != wire or str(config.tag) not in fact["discriminator_tags"]:
                    out.append(Problem(name, wire, (
                        f"a discriminator ({fact['discriminator_tags']}): {model.__name__} should be tagged "
                        f"`{wire}`; it is tagged {config.tag_field!r}={config.tag!r}"
                    )))
                continue
            if wire not in fields:
                out.append(Problem(name, wire, f"{model.__name__} has no field with the wire name `{wire}`"))
                continue
            f = fields[wire]
            if f.required != fact["required"]:
                said = "required" if fact["required"] else "optional"
                out.append(Problem(name, wire, f"{model.__name__}.{f.name}: described {said}, the field is not"))
            for message in self.value_problems(fact, f.type):
                out.append(Problem(name, wire, f"{model.__name__}.{f.name}: {message}"))
        for wire in sorted(set(fields) - described):
            out.append(Problem(name, wire, f"{model.__name__} has a field `{wire}` the description does not"))
        return out

    def value_problems(self, fact: dict[str, Any], info: mi.Type) -> list[str]:
        info = _optional(info)
        kind = fact["type"]
        if "enum" in fact:
            if not isinstance(info, mi.EnumType):
                return [f"described an enumeration {fact['enum']}, the field is {_show(info)}"]
            expected = self.resolve(fact["ref"]) if "ref" in fact else None
            if expected is None:  # inline, or its model is missing (said at its schema)
                return self.enum_problems(info.cls, fact["enum"])
            if info.cls is not expected:
                return [f"described {short(fact['ref'])} = {_name(expected)}, the field is {info.cls.__name__}"]
            return []
        if kind == "array":
            if not isinstance(info, mi.ListType):
                return [f"described a list, the field is {_show(info)}"]
            out = []
            if fact.get("min_items") != info.min_length or fact.get("max_items") != info.max_length:
                out.append(
                    f"list length: described {fact.get('min_items')}..{fact.get('max_items')}, "
                    f"the field {info.min_length}..{info.max_length}"
                )
            return out + [f"item: {m}" for m in self.value_problems(fact["items"], info.item_type)]
        if kind == "object" and fact.get("free_form"):
            if not (isinstance(info, mi.DictType) and isinstance(info.key_type, mi.StrType)):
                return [f"described a free-form object, the field is {_show(info)}"]
            values = fact.get("values")
            if isinstance(values, dict) and not values.get("free_form"):
                if isinstance(info.value_type, mi.AnyType):
                    return [f"described a map of {values.get('type')}, the field's values are any"]
                return [f"values: {m}" for m in self.value_problems({**values, "required": False}, info.value_type)]
            return []
        if kind == "object":
            return self.ref_problems(fact, info)
        if kind == "string":
            return self.string_problems(fact, info)
        if kind == "integer":
            return self.int_problems(fact, info)
        if kind == "number":
            if not isinstance(info, mi.DecimalType):
                return [f"described a number ({fact.get('format', 'no format')}), the field is {_show(info)}"]
            return []
        if kind == "boolean":
            return [] if isinstance(info, mi.BoolType) else [f"described a boolean, the field is {_show(info)}"]
        return [f"described type {kind!r} is not compared"]

    def ref_problems(self, fact: dict[str, Any], info: mi.Type) -> list[str]:
        ref = fact["ref"]
        expected = self.resolve(ref)
        if expected is None:
            return [f"described {short(ref)}, which has no model yet"]
        if fact.get("polymorphic") or _union_members(expected):
            got = {t.cls for t in info.types if isinstance(t, mi.StructType)} if isinstance(info, mi.UnionType) else set()
            if not got or got != set(_union_members(expected)):
                return [f"described the union {short(ref)} = {_name(expected)}, the field is {_show(info)}"]
            return []
        if not (isinstance(info, mi.StructType) and info.cls is expected):
            return [f"described {short(ref)} = {_name(expected)}, the field is {_show(info)}"]
        return []

    @staticmethod
    def string_problems(fact: dict[str, Any], info: mi.Type) -> list[str]:
        fmt = fact.get("format")
        if fmt == "date-time":
            if isinstance(info, mi.DateTimeType) or (isinstance(info, mi.CustomType) and issubclass(info.cls, OmniDateTime)):
                return []
            return [f"described a date-time, the field is {_show(info)}"]
        if not isinstance(info, mi.StrType):
            return [f"described a string{f' ({fmt})' if fmt else ''}, the field is {_show(info)}"]
        rule = rule_of(ValueShape(Kind.STRING, info))
        out = []
        for fact_name, got in (("min_length", rule.min_length), ("max_length", rule.max_length)):
            want = fact.get(fact_name)
            if want != got and not _no_limit(fact_name, want, got):
                out.append(f"{fact_name}: described {want}, the field {got}")
        if fact.get("pattern") != rule.pattern:
            out.append(f"pattern: described {fact.get('pattern')!r}, the field {rule.pattern!r}")
        return out

    @staticmethod
    def int_problems(fact: dict[str, Any], info: mi.Type) -> list[str]:
        if not isinstance(info, mi.IntType):
            return [f"described an integer ({fact.get('format', 'no format')}), the field is {_show(info)}"]
        rule = rule_of(ValueShape(Kind.INT, info))
        low, high = {"int32": INT32, "int64": INT64}.get(fact.get("format", ""), INT64)
        if "minimum" in fact:
            low = fact["minimum"] + (1 if fact.get("exclusive_minimum") is True else 0)
        if "maximum" in fact:
            high = fact["maximum"] - (1 if fact.get("exclusive_maximum") is True else 0)
        if (rule.low, rule.high) != (low, high):
            what = fact.get("format") or "integer"
            return [f"range: described {low}..{high} ({what}), the field {rule.low}..{rule.high}"]
        return []


def _no_limit(name: str, described: int | None, declared: int | None) -> bool:
    """A described bound that bounds nothing: a minimum length of 0, or a maximum
    length of 2**31 - 1 (the describing side's largest int; no body is that long,
    see omni_codec.limits), matches a field without that bound."""
    if declared is not None:
        return False
    return described == (0 if name == "min_length" else INT32[1])


def _is_struct(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, msgspec.Struct)


def _union_members(value: Any) -> tuple[Any, ...]:
    if isinstance(value, types.UnionType) or typing.get_origin(value) is typing.Union:
        return typing.get_args(value)
    return ()


def _optional(info: mi.Type) -> mi.Type:
    """The value type of a field: ``X | None`` is how an optional field is spelled."""
    while isinstance(info, mi.Metadata):
        info = info.type
    if isinstance(info, mi.UnionType):
        others = [t for t in info.types if not isinstance(t, mi.NoneType)]
        if len(others) == 1:
            return _optional(others[0])
        return mi.UnionType(tuple(others))
    return info


def _name(value: Any) -> str:
    return getattr(value, "__name__", None) or repr(value)


def _show(info: mi.Type) -> str:
    if isinstance(info, (mi.StructType, mi.EnumType, mi.CustomType)):
        return info.cls.__name__
    if isinstance(info, mi.ListType):
        return f"list[{_show(_optional(info.item_type))}]"
    if isinstance(info, mi.UnionType):
        return " | ".join(_show(t) for t in info.types)
    return type(info).__name__.removesuffix("Type").lower()


# --- The models of this checkout -----------------------------------------------------


def model_names() -> dict[str, str]:
    return dict(load_models()["models"])


def resolver(names: dict[str, str]) -> Any:
    full = {short(row["schema"]): row["schema"] for row in load_facts()["schemas"]}
    by_key = {full[s]: n for s, n in names.items() if s in full}

    def resolve(key: str) -> Any:
        name = by_key.get(key)
        return None if name is None else getattr(models, name, None)

    return resolve


def current_problems() -> list[Problem]:
    names = model_names()
    return Matcher(load_facts(), names, resolver(names)).problems()


def deviations() -> list[dict[str, str]]:
    return list(load_models()["deviations"])


def unexcused(problems: Iterable[Problem]) -> list[Problem]:
    excused = {(d["schema"], d["property"]) for d in deviations()}
    return [p for p in problems if (p.schema, p.property) not in excused]


def report(problems: list[Problem], checklist: bool = False) -> str:
    """Problems grouped by schema, with a count per schema."""
    groups: dict[str, list[Problem]] = {}
    for p in problems:
        groups.setdefault(p.schema, []).append(p)
    lines = [f"{len(problems)} unmatched facts in {len(groups)} schemas:"]
    for schema in sorted(groups):
        lines.append(f"{schema} ({len(groups[schema])}):")
        mark = "  - [ ] " if checklist else "    "
        lines.extend(f"{mark}{p.property}: {p.message}" for p in groups[schema])
    return "\n".join(lines)


# --- Tests -----------------------------------------------------------------------------


def test_the_facts_table_is_current() -> None:
    from tools.extract_facts import facts_of

    structure = json.loads((PUBLISHED / "description_structure.json").read_text(encoding="utf-8"))
    assert facts_of(structure) == load_facts(), "run `python -m tools.extract_facts <description>`"


def test_the_facts_hold_no_prose() -> None:
    allowed = {
        "schema", "title", "property", "wire_name", "type", "format", "required", "enum",
        "ref", "ref_title", "items", "values", "free_form", "polymorphic", "kind", "tags",
        "discriminator", "discriminator_tags", "discriminator_of", "used_as", "pattern",
        "min_length", "max_length", "minimum", "maximum", "min_items", "max_items", "unique_items",
    }

    def keys(row: Any) -> set[str]:
        if not isinstance(row, dict):
            return set()
        out = set(row)
        for k in ("items", "values"):
            out |= keys(row.get(k))
        return out

    table = load_facts()
    found = set().union(*(keys(r) for r in table["schemas"] + table["properties"]))
    assert found <= allowed, sorted(found - allowed)


def test_the_name_table_names_every_needed_schema() -> None:
    facts = load_facts()
    names = model_names()
    known = {short(r["schema"]) for r in facts["schemas"]}
    assert not set(names) - known, f"entries for schemas the description lacks: {sorted(set(names) - known)}"
    matcher = Matcher(facts, names, lambda key: None)
    needed = {short(k) for k in matcher.schemas if matcher.needs_model(k)}
    assert needed <= set(names), f"no entry for: {sorted(needed - set(names))}"


def test_every_fact_is_matched_by_the_models_or_a_listed_deviation() -> None:
    problems = unexcused(current_problems())
    if problems:
        pytest.fail(report(problems), pytrace=False)


def test_every_listed_deviation_still_differs_and_says_why() -> None:
    problems = {(p.schema, p.property) for p in current_problems()}
    stale = []
    for d in deviations():
        assert set(d) == {"schema", "property", "differs", "reason"}, d
        assert d["reason"].strip() and d["differs"].strip(), d
        if (d["schema"], d["property"]) not in problems:
            stale.append(f"{d['schema']} {d['property']}: {d['differs']}")
    assert not stale, "deviations that no longer differ (remove them):\n" + "\n".join(stale)


def test_every_mapped_model_binds() -> None:
    """Each Struct the description maps to has a wire form in every format."""
    resolve = resolver(model_names())
    failures = []
    for row in load_facts()["schemas"]:
        model = resolve(row["schema"])
        for cls in (model,) if _is_struct(model) else _union_members(model):
            try:
                shape_of(cls)
            except TypeError as exc:
                failures.append(f"{short(row['schema'])} = {_name(cls)}: {exc}")
    assert not failures, "\n".join(sorted(set(failures)))


# - The matcher itself, against small models made here: it finds what differs.


class _Colour(OpenEnum):
    RED = "RED"
    BLUE = "BLUE"


class _Leaf(msgspec.Struct, rename="camel", kw_only=True):
    count: typing.Annotated[int, msgspec.Meta(ge=-(2**31), le=2**31 - 1)]
    name: typing.Annotated[str, msgspec.Meta(min_length=1, max_length=5)] | None = None
    when: dt.datetime | None = None
    colour: _Colour | None = None


class _Tagged(msgspec.Struct, tag_field="type", tag="A", kw_only=True):
    leaf: _Leaf | None = None


class _OtherTagged(msgspec.Struct, tag_field="type", tag="B", kw_only=True):
    pass


_TOY_FACTS: dict[str, Any] = {
    "schemas": [
        {"schema": "h.Leaf", "title": "Leaf", "kind": "object", "used_as": ["value"]},
        {"schema": "h.Colour", "title": "Colour", "kind": "enum", "enum": ["RED", "GREEN"], "used_as": ["value"]},
        {"schema": "h.Any", "title": "Any", "kind": "polymorphic", "used_as": ["value"],
         "discriminator": {"property": "type", "mapping": {"A": "h.A", "B": "h.B"}}},
        {"schema": "h.A", "title": "A", "kind": "object", "used_as": ["variant"]},
    ],
    "properties": [
        {"schema": "h.Leaf", "property": "count", "wire_name": "count", "type": "integer",
         "format": "int64", "required": True},
        {"schema": "h.Leaf", "property": "name", "wire_name": "name", "type": "string",
         "required": False, "min_length": 1, "max_length": 6},
        {"schema": "h.Leaf", "property": "when", "wire_name": "when", "type": "string",
         "format": "date-time", "required": True},
        {"schema": "h.Leaf", "property": "colour", "wire_name": "colour", "type": "string",
         "enum": ["RED", "GREEN"], "ref": "h.Colour", "required": False},
        {"schema": "h.Leaf", "property": "size", "wire_name": "size", "type": "integer", "required": False},
        {"schema": "h.A", "property": "type", "wire_name": "type", "type": "string",
         "required": False, "discriminator_tags": ["A"]},
        {"schema": "h.A", "property": "leaf", "wire_name": "leaf", "type": "object",
         "ref": "h.Leaf", "required": False},
    ],
}


def _toy(models_by_key: dict[str, Any]) -> list[Problem]:
    names = {k: _name(v) for k, v in models_by_key.items()}
    return Matcher(_TOY_FACTS, names, models_by_key.get).problems()


def test_the_matcher_reports_each_difference_at_its_property() -> None:
    problems = _toy({
        "h.Leaf": _Leaf, "h.Colour": _Colour, "h.Any": _Tagged | _OtherTagged, "h.A": _Tagged,
    })
    found = {(p.schema, p.property) for p in problems}
    assert found == {
        ("h.Leaf", "count"),  # int64 described, int32 bounds declared
        ("h.Leaf", "name"),  # max_length 6 described, 5 declared
        ("h.Leaf", "when"),  # required described
        ("h.Leaf", "size"),  # no such field
        ("h.Colour", "*"),  # GREEN missing, BLUE extra
    }, report(problems)
    colour = [p.message for p in problems if p.schema == "h.Colour"]
    assert any("GREEN" in m for m in colour) and any("BLUE" in m for m in colour)


def test_the_matcher_checks_unions_and_missing_models() -> None:
    problems = _toy({"h.Leaf": _Leaf, "h.Colour": _Colour, "h.Any": _Tagged, "h.A": None})
    by_schema = {p.schema: p.message for p in problems}
    assert "not a union of tagged Structs" in by_schema["h.Any"]
    assert "no model `None`" in by_schema["h.A"] or "no model" in by_schema["h.A"]


def test_the_matcher_wants_a_variants_discriminator_as_its_tag() -> None:
    class Untagged(msgspec.Struct, kw_only=True):
        leaf: _Leaf | None = None

    problems = _toy({"h.Leaf": _Leaf, "h.Colour": _Colour, "h.Any": _Tagged | _OtherTagged, "h.A": Untagged})
    assert [(p.schema, p.property) for p in problems if p.schema == "h.A"] == [("h.A", "type")]


def test_the_report_groups_every_problem_by_schema() -> None:
    problems = [Problem("b.X", "p", "one"), Problem("a.Y", "*", "two"), Problem("b.X", "q", "three")]
    text = report(problems)
    assert text.index("a.Y (1)") < text.index("b.X (2)")
    assert all(m in text for m in ("one", "two", "three"))


def test_the_matcher_wants_a_polymorphic_value_as_the_whole_union() -> None:
    class Holder(msgspec.Struct, kw_only=True):
        one: _Tagged | _OtherTagged | None = None
        many: list[_Tagged] | None = None  # one variant only: not the described union

    facts = {
        "schemas": _TOY_FACTS["schemas"] + [{"schema": "h.Holder", "kind": "object", "used_as": ["body"]}],
        "properties": _TOY_FACTS["properties"] + [
            {"schema": "h.Holder", "property": p, "wire_name": p, "required": False, **value}
            for p, value in (
                ("one", {"type": "object", "ref": "h.Any", "polymorphic": True}),
                ("many", {"type": "array", "items": {"type": "object", "ref": "h.Any", "polymorphic": True}}),
            )
        ],
    }
    table = {"h.Leaf": _Leaf, "h.Colour": _Colour, "h.Any": _Tagged | _OtherTagged, "h.A": _Tagged, "h.Holder": Holder}
    problems = Matcher(facts, {k: _name(v) for k, v in table.items()}, table.get).problems()
    assert [(p.schema, p.property) for p in problems if p.schema == "h.Holder"] == [("h.Holder", "many")]


def test_the_matcher_takes_a_kind_enumeration_or_kind_object_as_the_unions_tags() -> None:
    """An enumeration of a union's kinds, or an object whose only property is that
    kind, maps to the union alias: its values must be the tags, no more, no less."""
    kinds = {"schema": "h.Kind", "kind": "enum", "enum": ["A", "B"], "used_as": ["value"]}
    base = {"schema": "h.Base", "kind": "object", "used_as": ["value"]}
    base_type = {"schema": "h.Base", "property": "type", "wire_name": "type", "type": "string",
                 "enum": ["A", "B", "C"], "required": False}
    facts = {"schemas": [kinds, base], "properties": [base_type]}
    union = _Tagged | _OtherTagged
    table = {"h.Kind": union, "h.Base": union}
    problems = Matcher(facts, {k: "U" for k in table}, table.get).problems()
    assert [(p.schema, p.property) for p in problems] == [("h.Base", "type")], report(problems)
    assert "['C']" in problems[0].message
    one = {"h.Kind": _Tagged, "h.Base": _Tagged}  # a lone Struct is no union: the usual checks
    found = {(p.schema, p.property) for p in Matcher(facts, {k: "T" for k in one}, one.get).problems()}
    assert ("h.Kind", "*") in found


@pytest.mark.parametrize("key", ["e204fb2d.Foo", "ApiException", "46339420.SimpleReport/message"])
def test_short_keys_keep_the_name(key: str) -> None:
    digest = "e204fb2d0d1568cbfe90b245006e95aab18e580484154f085b8348d2e991bc11"
    full = key.replace("e204fb2d", digest)
    assert short(full) == key


def main(argv: list[str]) -> int:
    """Print the unmatched facts (not excused by a deviation) as a checklist;
    arguments keep only the schemas whose short key contains one of them."""
    problems = unexcused(current_problems())
    if argv:
        problems = [p for p in problems if any(a.lower() in p.schema.lower() for a in argv)]
    print(report(problems, checklist=True))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
