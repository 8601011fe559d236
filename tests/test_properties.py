"""The invariants of SPEC section 7, proved with hypothesis for every OMNI type.

For every type T and every value x that :func:`omni_codec.strategies.from_type`
builds: JSON and XML round trips give x back, every document the XML encoder
writes is valid against the XSD (checked by lxml through ``xml.validate`` and by
xmlschema, an independent XSD processor), JSON -> XML -> JSON is the identity, and
``strict=True`` decoding accepts everything the encoders write.

The types are found, not listed: every document type in ``DOCUMENT_TYPES`` and
every Struct reachable from them, so a new model is tested as soon as it is
declared. The XML properties apply to document types only (a nested type has no
root element of its own); the JSON round trip applies to all.

Equality of models is ``==``, which is too forgiving for a codec: ``True == 1``,
``0.0 == -0.0``, ``Decimal("1.0") == Decimal("1.00")`` and two datetimes at the same
instant with different offsets all compare equal. :func:`assert_same` also checks
types, float signs, decimal digits and offsets.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from decimal import Decimal
from types import ModuleType
from typing import Annotated, Any, ClassVar

import msgspec
import pytest
import xmlschema
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from omni_codec import ValidationError, json, xml
from omni_codec._binding import Kind, reachable_shapes, shape_of
from omni_codec._scalars import OmniDateTime
from omni_codec.schemas import xsd_path as schema_path
from omni_codec.models import DOCUMENT_TYPES, Int32, OmniStruct, OpenEnum, PhoneNumber, xml_item
from omni_codec.strategies import (
    REQUIRED_PATHS,
    from_type,
    json_objects,
    json_values,
    xml_text,
)
from unknown_values import unknown_paths

# --- The types under test ----------------------------------------------------------


#: Every Struct type a document may hold, the members of polymorphic values included.
ALL_TYPES = [shape.cls for shape in reachable_shapes(*(shape_of(cls) for cls in DOCUMENT_TYPES))]
DOCUMENTS = [pytest.param(cls, id=cls.__name__) for cls in DOCUMENT_TYPES]
EVERY_STRUCT = [pytest.param(cls, id=cls.__name__) for cls in ALL_TYPES]
EDGE = [pytest.param(False, id="typical"), pytest.param(True, id="edge")]


@pytest.fixture(scope="module")
def xsd() -> xmlschema.XMLSchema:
    """The shipped XSD, loaded once by an XSD processor independent of lxml."""
    return xmlschema.XMLSchema(str(schema_path()))


# --- A stricter equality -----------------------------------------------------------


def assert_same(actual: Any, expected: Any, path: str = "$") -> None:
    """``actual == expected`` and nothing the wire carries was changed on the way.

    Decimals are compared in plain notation, the form ``xs:decimal`` (and so the
    XML form) has: ``0.0001000000`` must keep its trailing zeros, while ``1E+3``
    can only come back from XML as ``1000``, the same value and digits.
    """
    assert actual == expected, f"{path}: {actual!r} != {expected!r}"
    assert type(actual) is type(expected), f"{path}: {type(actual)} is not {type(expected)}"
    if isinstance(expected, msgspec.Struct):
        for name in expected.__struct_fields__:
            assert_same(getattr(actual, name), getattr(expected, name), f"{path}.{name}")
    elif isinstance(expected, list):
        for index, (a, e) in enumerate(zip(actual, expected)):
            assert_same(a, e, f"{path}[{index}]")
    elif isinstance(expected, dict):
        assert list(actual) == list(expected), f"{path}: key order changed"
        for key in expected:
            assert_same(actual[key], expected[key], f"{path}[{key!r}]")
    elif isinstance(expected, float):
        assert repr(actual) == repr(expected), f"{path}: {actual!r} is not {expected!r}"
    elif isinstance(expected, Decimal):
        if expected.is_zero():
            # msgspec reads the JSON number ``-0`` as ``Decimal("0")`` (it goes
            # through an int), and ``-0E+1`` is ``-0`` in plain notation; the sign
            # of a zero price carries nothing.
            actual, expected = abs(actual), abs(expected)
        assert format(actual, "f") == format(expected, "f"), f"{path}: {actual!r} is not {expected!r}"
    elif isinstance(expected, dt.datetime):
        assert actual.utcoffset() == expected.utcoffset(), f"{path}: offset of {actual!r}"


# --- Round trips -------------------------------------------------------------------


@pytest.mark.parametrize("edge_cases", EDGE)
@pytest.mark.parametrize("cls", EVERY_STRUCT)
@given(data=st.data())
def test_json_round_trip(cls: type[msgspec.Struct], edge_cases: bool, data: st.DataObject) -> None:
    value = data.draw(from_type(cls, edge_cases=edge_cases), label="value")
    encoded = json.encode(value)
    assert_same(json.decode(encoded, type=cls), value)
    assert_same(json.decode(encoded.decode("utf-8"), type=cls), value)
    assert_strict_decoding(json, encoded, cls, value)


@pytest.mark.parametrize("edge_cases", EDGE)
@pytest.mark.parametrize("cls", DOCUMENTS)
@given(data=st.data())
def test_xml_round_trip(cls: type[msgspec.Struct], edge_cases: bool, data: st.DataObject) -> None:
    value = data.draw(from_type(cls, edge_cases=edge_cases), label="value")
    assert_same(xml.decode(xml.encode(value), type=cls), value)
    assert_same(xml.decode(xml.encode(value, pretty=True), type=cls), value)
    assert_same(xml.decode(xml.encode(value, declaration=True), type=cls), value)


@pytest.mark.parametrize("edge_cases", EDGE)
@pytest.mark.parametrize("cls", DOCUMENTS)
@given(data=st.data())
def test_encoded_xml_is_valid_against_the_xsd(
    cls: type[msgspec.Struct], edge_cases: bool, data: st.DataObject, xsd: xmlschema.XMLSchema
) -> None:
    value = data.draw(from_type(cls, edge_cases=edge_cases), label="value")
    for document in (xml.encode(value), xml.encode(value, pretty=True)):
        xml.validate(document)
        errors = [str(e) for e in xsd.iter_errors(io.BytesIO(document))]
        assert not errors, errors[0]


@pytest.mark.parametrize("edge_cases", EDGE)
@pytest.mark.parametrize("cls", DOCUMENTS)
@given(data=st.data())
def test_json_to_xml_to_json_is_the_identity(
    cls: type[msgspec.Struct], edge_cases: bool, data: st.DataObject
) -> None:
    value = data.draw(from_type(cls, edge_cases=edge_cases), label="value")
    from_json = json.decode(json.encode(value), type=cls)
    through_xml = xml.decode(xml.encode(from_json), type=cls)
    back = json.decode(json.encode(through_xml), type=cls)
    assert_same(back, value)
    assert_same(back, from_json)


@pytest.mark.parametrize("cls", DOCUMENTS)
@given(data=st.data())
def test_strict_decoding_accepts_what_the_encoder_writes(
    cls: type[msgspec.Struct], fmt: ModuleType, data: st.DataObject
) -> None:
    value = data.draw(from_type(cls, edge_cases=data.draw(st.booleans(), label="edge")))
    assert_strict_decoding(fmt, fmt.encode(value), cls, value)


def assert_strict_decoding(fmt: ModuleType, encoded: bytes, cls: type[Any], value: Any) -> None:
    """``strict=True`` decodes what the encoder wrote back to ``value``, unless
    ``value`` holds an unknown enumeration value: then it refuses the first, at
    its path (SPEC section 4), which the default mode decodes (the round trips)."""
    paths = unknown_paths(value)
    if not paths:
        assert_same(fmt.decode(encoded, type=cls, strict=True), value)
        return
    with pytest.raises(ValidationError) as caught:
        fmt.decode(encoded, type=cls, strict=True)
    assert caught.value.path == paths[0]
    assert caught.value.message.startswith("Invalid enum value")


# --- Every kind of value ------------------------------------------------------------
#
# The source document's types hold only strings, ints and lists; the rest of the
# OMNI family adds datetimes, decimals, enums, booleans and free-form JSON (SPEC
# section 4). This model holds one of each, so that the strategies and both codecs'
# handling of every kind are exercised whatever models exist yet. It is not an
# OMNI type and has no place in the XSD, so only the round trips apply.


class Channel(OpenEnum):
    SMS = "SMS"
    EMAIL = "EMAIL"
    VKONTAKTE = "VKONTAKTE"


class Entry(OmniStruct, kw_only=True):
    name: str
    at: OmniDateTime | None = None


class EveryKind(OmniStruct, kw_only=True):
    __xml_root__: ClassVar[str] = "everyKind"

    text: str | None = None
    phone_number: PhoneNumber | None = None
    count: Int32 | None = None
    step: Annotated[int, msgspec.Meta(gt=-10, lt=1000, multiple_of=5)] | None = None
    code: Annotated[str, msgspec.Meta(min_length=2, max_length=4)] | None = None
    enabled: bool | None = None
    price: Decimal | None = None
    sent_at: OmniDateTime | None = None
    channel: Channel | None = None
    custom_payload: dict[str, Any] | None = None
    results: Annotated[list[Entry], xml_item("result")] | None = None


@pytest.mark.parametrize("edge_cases", EDGE)
@given(data=st.data())
def test_every_kind_of_value_round_trips(edge_cases: bool, data: st.DataObject) -> None:
    value = data.draw(from_type(EveryKind, edge_cases=edge_cases), label="value")
    from_json = json.decode(json.encode(value), type=EveryKind)
    assert_same(from_json, value)
    assert_strict_decoding(json, json.encode(value), EveryKind, value)
    from_xml = xml.decode(xml.encode(value), type=EveryKind)
    assert_same(from_xml, value)
    assert_strict_decoding(xml, xml.encode(value), EveryKind, value)
    assert_same(xml.decode(xml.encode(value, pretty=True), type=EveryKind), value)
    assert_same(json.decode(json.encode(from_xml), type=EveryKind), value)


# --- The strategies reach what they promise -----------------------------------------
#
# A round trip proves nothing about values the strategies never build. These
# checks fail if a strategy stops producing one of the awkward cases. They run
# the generate phase only (no shrinking: there is nothing to shrink) and count
# which cases were seen.

Condition = Callable[[Any], bool]

_GENERATE_ONLY = settings(
    max_examples=500, database=None, derandomize=True, phases=[Phase.generate], suppress_health_check=list(HealthCheck)
)


def _cases_seen(strategy: st.SearchStrategy[Any], cases: dict[str, Condition]) -> set[str]:
    seen: set[str] = set()

    @_GENERATE_ONLY
    @given(strategy)
    def observe(value: Any) -> None:
        seen.update(name for name, condition in cases.items() if condition(value))

    observe()
    return seen


TEXT_CASES: dict[str, Condition] = {
    "carriage return": lambda s: "\r" in s,
    "tab and newline": lambda s: "\t" in s and "\n" in s,
    "non-ASCII": lambda s: any(0x80 <= ord(c) <= 0xFFFF for c in s),
    "astral": lambda s: any(ord(c) > 0xFFFF for c in s),
    "empty": lambda s: s == "",
    "whitespace-only": lambda s: s != "" and s.strip() == "",
    "CDATA end": lambda s: "]]>" in s,
    "ampersand": lambda s: "&" in s,
    "long": lambda s: len(s) >= 200,
}


def test_edge_case_text_reaches_every_case() -> None:
    assert _cases_seen(xml_text(edge_cases=True), TEXT_CASES) == set(TEXT_CASES)


def test_text_is_always_xml_safe() -> None:
    @_GENERATE_ONLY
    @given(xml_text(edge_cases=True))
    def check(text: str) -> None:
        for char in text:
            code = ord(char)
            assert code >= 0x20 or code in (0x9, 0xA, 0xD), hex(code)
            assert not 0xD800 <= code <= 0xDFFF and code not in (0xFFFE, 0xFFFF), hex(code)

    check()


def _offset(v: EveryKind) -> dt.timedelta:
    offset = None if v.sent_at is None else v.sent_at.utcoffset()
    return dt.timedelta(0) if offset is None else offset


def _exponent(v: EveryKind) -> int:
    return 0 if v.price is None else int(v.price.as_tuple().exponent)


VALUE_CASES: dict[str, Condition] = {
    "sub-millisecond": lambda v: v.sent_at is not None and v.sent_at.microsecond % 1000 != 0,
    "whole millisecond": lambda v: v.sent_at is not None and v.sent_at.microsecond % 1000 == 0,
    "offset not in hours": lambda v: _offset(v) % dt.timedelta(hours=1) != dt.timedelta(0),
    "negative offset": lambda v: _offset(v) < dt.timedelta(0),
    "trailing zeros": lambda v: _exponent(v) < -2 and str(v.price).endswith("00"),
    "positive exponent": lambda v: _exponent(v) > 0,
    "empty list": lambda v: v.results == [],
    "many items": lambda v: v.results is not None and len(v.results) >= 20,
    "int bound": lambda v: v.count in (-(2**31), 2**31 - 1),
    "exclusive bound": lambda v: v.step == -5,
    "string length bound": lambda v: v.code is not None and len(v.code) in (2, 4),
    "nested JSON": lambda v: any(
        isinstance(x, (dict, list)) and x for x in (v.custom_payload or {}).values()
    ),
    "known enumeration value": lambda v: v.channel is not None and v.channel.known,
    "unknown enumeration value": lambda v: v.channel is not None and not v.channel.known,
}


def test_edge_case_values_reach_every_case() -> None:
    seen = _cases_seen(from_type(EveryKind, edge_cases=True), VALUE_CASES)
    assert seen == set(VALUE_CASES)


def _is(kind: type) -> Condition:
    return lambda v: type(v) is kind


def _values_in(value: Any) -> list[Any]:
    """``value`` and every value nested in it."""
    inner = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return [value, *(v for item in inner for v in _values_in(item))]


def _anywhere(condition: Condition) -> Condition:
    return lambda v: any(map(condition, _values_in(v)))


def test_json_values_reach_every_kind() -> None:
    kinds: dict[str, Condition] = {
        "null": _is(type(None)), "bool": _is(bool), "int": _is(int), "float": _is(float),
        "str": _is(str), "list": _is(list), "dict": _is(dict),
        "big int": lambda v: type(v) is int and abs(v) > 2**53,
        "negative zero": lambda v: type(v) is float and v == 0 and str(v) == "-0.0",
        "nested": lambda v: isinstance(v, (list, dict)) and len(_values_in(v)) > len(v) + 1,
    }
    cases = {name: _anywhere(condition) for name, condition in kinds.items()}
    assert _cases_seen(json_values(), cases) == set(kinds)


def test_required_paths_are_honoured() -> None:
    """Every rule of the table holds in every generated value (else __post_init__
    would have raised while building it); here: the table names real fields."""
    for cls, paths in REQUIRED_PATHS.items():
        for path in paths:
            shape = shape_of(cls)
            for attr in path[:-1]:
                value = {f.attr: f for f in shape.fields}[attr].value
                while value.kind is Kind.LIST:
                    assert value.item is not None
                    value = value.item
                assert value.kind is Kind.STRUCT
                shape = value.struct
            assert path[-1] in {f.attr for f in shape.fields}


def test_from_type_rejects_what_is_not_a_model() -> None:
    with pytest.raises(TypeError):
        from_type(dict)
