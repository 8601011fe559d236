"""A decimal written as a JSON string is read as the XML form reads its text.

Decimals are JSON numbers on the wire; a string holding one is accepted too, but
only in ``xs:decimal``'s form (ASCII digits, an optional sign and point, no
exponent, no whitespace), so that JSON accepts no decimal text that XML refuses:
``Decimal()``, which msgspec reads strings with, would also take ``1_000``,
`` 1.5 `` and digits of any script. The rule is tried on every field of every
model that holds a decimal, written with any whitespace, with escapes and with
members the type does not know, which send the decoder down each of its routes.
"""

from __future__ import annotations

import json as stdlib_json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import omni_codec
from omni_codec import OmniAdvancedRequest, OMNIReportsResponse, OmniSimpleRequest, ValidationError
from omni_codec._binding import FieldShape, Kind, innermost, reachable_shapes, shape_of
from omni_codec.models import DOCUMENT_TYPES
from omni_codec.strategies import from_type

from json_trees import Members, Number, Verbatim, parse, write

#: ``xs:decimal``'s lexical space, from XML Schema 1.0 part 2, section 3.2.3.1.
XSD_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)", re.ASCII)

#: Every field of a model that holds a decimal, with its model.
DECIMAL_FIELDS = [
    pytest.param(shape.cls, field, id=f"{shape.name}.{field.name}")
    for shape in reachable_shapes(*(shape_of(cls) for cls in DOCUMENT_TYPES))
    for field in shape.fields
    if innermost(field.value).kind is Kind.DECIMAL
]

TEXTS = st.one_of(
    st.from_regex(r"[+-]?([0-9]{1,12}(\.[0-9]{0,12})?|\.[0-9]{1,12})", fullmatch=True),
    st.from_regex(r"[ \t\n+\-0-9._eE,\u0660-\u0669\uff10-\uff19]{0,10}", fullmatch=True),
    st.text(max_size=10),
    st.sampled_from(
        ["1_000", " 1.5 ", "1.5\n", "\u0661", "\uff11", "1e5", "1E-2", "NaN", "-Infinity", "0x1A", "1,5", "", ".", "+"]
    ),
)
NUMBERS = msgspec.json.Encoder(decimal_format="number")
SPACES = st.sampled_from(["", " ", "\n", "\r\n\t  "])


def escaped_first(text: str) -> str:
    """``text`` as a JSON string whose first character is a ``\\u`` escape."""
    if not text:
        return '""'
    code = ord(text[0])
    if code < 0x10000:
        escape = f"\\u{code:04x}"
    else:  # a surrogate pair, as JSON spells a character beyond the BMP
        code -= 0x10000
        escape = f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return '"' + escape + stdlib_json.dumps(text[1:], ensure_ascii=False)[1:]


def with_member(tree: Members, name: str, value: Any) -> None:
    for index, (known, _) in enumerate(tree):
        if known == name:
            tree[index] = (name, value)
            return
    tree.append((name, value))


@pytest.mark.parametrize("strict", [False, True], ids=["default", "strict"])
@pytest.mark.parametrize(("cls", "field"), DECIMAL_FIELDS)
@given(data=st.data())
def test_a_decimal_string_is_accepted_exactly_when_it_is_an_xsd_decimal(
    cls: type[msgspec.Struct], field: FieldShape, strict: bool, data: st.DataObject
) -> None:
    text = data.draw(TEXTS, label="text")
    encoded = omni_codec.json.encode(data.draw(from_type(cls), label="value"))
    if strict:
        try:
            omni_codec.json.decode(encoded, type=cls, strict=True)
        except ValidationError:
            assume(False)  # an unknown enumeration value, which strict refuses
    tree = parse(encoded)
    # What the document means with the same decimal as a number, where it has one.
    try:
        number = Decimal(text)
        with_member(tree, field.name, Number(NUMBERS.encode(number).decode()))
        meaning = omni_codec.json.decode(write(tree), type=cls, strict=strict)
    except (ArithmeticError, ValueError):  # (ValidationError included: out of a model's bounds)
        meaning = None
    if data.draw(st.booleans(), label="escape the string's first character"):
        with_member(tree, field.name, Verbatim(escaped_first(text)))
    else:
        with_member(tree, field.name, text)
    if not strict and data.draw(st.booleans(), label="add a member the type does not know"):
        tree.insert(0, ("unknownMember", Members([("a", [None, Number("1")])])))
    document = write(tree, space=data.draw(SPACES, label="space"))
    if XSD_DECIMAL.fullmatch(text):
        assume(meaning is not None)  # a rule of the model, not the text, refuses it
        decoded = omni_codec.json.decode(document.encode(), type=cls, strict=strict)
        assert decoded == meaning
        # Every digit, as XML keeps them (`0.50` is not `0.5`).
        assert getattr(decoded, field.attr).as_tuple() == Decimal(text).as_tuple()
    else:
        with pytest.raises(ValidationError) as caught:
            omni_codec.json.decode(document.encode(), type=cls, strict=strict)
        error = caught.value
        assert error.path == f"$.{field.name}"
        assert str(error).startswith("Expected `decimal`, got ")
        # At the string: its line and column, counted as an editor counts them.
        assert error.line is not None and error.column is not None
        assert document.split("\n")[error.line - 1][error.column - 1] == '"'


@pytest.mark.parametrize("space", ["", "\n  "], ids=["compact", "pretty"])
@pytest.mark.parametrize("strict", [False, True], ids=["default", "strict"])
def test_a_price_deep_in_a_report_is_refused_at_its_path(strict: bool, space: str) -> None:
    text = (
        '{"results":[{"messageId":"a","price":{"pricePerMessage":0.01,"currency":"EUR"}},'
        '{"messageId":"b","price":{"pricePerMessage":"0.0100","currency":"EUR"}},'
        '{"messageId":"c","price":{"pricePerMessage":"1_000","currency":"EUR"}}]}'
    ).replace(",", "," + space)
    with pytest.raises(ValidationError, match=r"Expected `decimal`, got '1_000'") as caught:
        omni_codec.json.decode(text, type=OMNIReportsResponse, strict=strict)
    assert caught.value.path == "$.results[2].price.pricePerMessage"
    accepted = omni_codec.json.decode(text.replace('"1_000"', '"1000"'), type=OMNIReportsResponse, strict=strict)
    prices = [result.price.price_per_message for result in accepted.results]
    assert [str(price) for price in prices] == ["0.01", "0.0100", "1000"]


# The bounds the XSD sets on decimals hold for a string as for a number and for
# XML text; the JSON Schemas' pattern for a decimal string says the same.
_NINES = "9" * 100
BOUNDS = [
    (_NINES, True),
    ("-" + _NINES + ".5", True),
    ("000" + _NINES, True),
    ("0." + "0" * 99 + "1", True),
    ("0." + "0" * 99 + "1" + "000", True),
    ("1" + "0" * 100, False),
    ("0." + "0" * 100 + "1", False),
    ("1_000", False),
    (" 1", False),
    ("1e5", False),
]
JSON_SCHEMA = Path(__file__).parents[1] / "schemas" / "json" / "OMNIReportsResponse.schema.json"


@pytest.mark.parametrize(("text", "valid"), BOUNDS, ids=lambda v: str(v)[:12])
def test_the_decoders_and_the_json_schema_agree_on_a_decimal_string(text: str, valid: bool) -> None:
    def accepted(decode: Any, document: str) -> bool:
        try:
            decode(document, type=OMNIReportsResponse)
        except ValidationError:
            return False
        return True

    json_document = '{"results":[{"price":{"pricePerMessage":%s}}]}' % stdlib_json.dumps(text)
    xml_document = f"<omniReportsResponse><results><result><price><pricePerMessage>{text}</pricePerMessage></price></result></results></omniReportsResponse>"
    assert accepted(omni_codec.json.decode, json_document) is valid
    # XML's whitespace facet collapses the spaces JSON keeps.
    assert accepted(omni_codec.xml.decode, xml_document) is (valid or text.strip() != text)
    schema = stdlib_json.loads(JSON_SCHEMA.read_text(encoding="utf-8"))
    choices = schema["$defs"]["Price"]["properties"]["pricePerMessage"]["anyOf"][0]["anyOf"]
    (string,) = [choice for choice in choices if choice["type"] == "string"]
    # An ECMA-262 pattern, searched for; `$` ends the text there, as `\Z` does here.
    pattern = re.compile(string["pattern"].replace("$", r"\Z"))
    assert (pattern.search(text) is not None) is valid


def test_a_free_form_member_named_like_a_decimal_field_keeps_its_string() -> None:
    # The decoder looks for decimal fields' names to decide whether to read the
    # document again; a free-form object may use those names for anything.
    text = (
        '{"scenarioKey": "K", "destinations": [{"to": {"phoneNumber": "1"}}],\n'
        ' "push": {"text": "hi", "customPayload": {"latitude": "north", "n": {"longitude" : "1_000"}}},\n'
        ' "whatsApp": {"latitude": 45.5, "longitude": "16.0"}}'
    )
    value = omni_codec.json.decode(text, type=OmniAdvancedRequest)
    assert value.push is not None and value.whats_app is not None
    assert value.push.custom_payload == {"latitude": "north", "n": {"longitude": "1_000"}}
    assert (value.whats_app.latitude, value.whats_app.longitude) == (Decimal("45.5"), Decimal("16.0"))
    with pytest.raises(ValidationError, match=r"Expected `decimal`, got '16,0'") as caught:
        omni_codec.json.decode(text.replace('"16.0"', '"16,0"'), type=OmniAdvancedRequest)
    assert caught.value.path == "$.whatsApp.longitude"
    assert (caught.value.line, caught.value.column) == (3, text.split("\n")[2].index('"16.0"') + 1)


@pytest.mark.parametrize("strict", [False, True], ids=["default", "strict"])
def test_a_string_field_that_breaks_its_pattern_is_not_called_a_decimal(strict: bool) -> None:
    # Only a decimal's errors are restated as a decimal's: a phone number that is
    # not digits keeps msgspec's pattern message.
    text = b'{"destinations":[{"to":{"phoneNumber":"abc"}}],"text":"x"}'
    with pytest.raises(ValidationError) as caught:
        omni_codec.json.decode(text, type=OmniSimpleRequest, strict=strict)
    assert caught.value.path == "$.destinations[0].to.phoneNumber"
    assert "decimal" not in str(caught.value)
    assert "[0-9]" in str(caught.value)
