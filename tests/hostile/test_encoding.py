"""Values XML 1.0 or the XSD cannot carry (SPEC section 6).

A character outside XML 1.0's ``Char`` production is an EncodeError naming the field
and the code point, in both formats, never dropped or replaced; JSON input holding
one is a ValidationError naming the field, as JSON accepts only what XML can carry.
An integer outside ``xs:int`` is a ValidationError on decode (JSON and XML alike)
and an EncodeError on encode.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import omni_codec
from omni_codec import (
    Destination,
    OmniAdvancedRequest,
    OmniResponse,
    OmniResponseDetails,
    OmniSimpleRequest,
    Status,
    To,
)

BAD_CHARACTERS = {
    "U+0000": "\x00",
    "U+0001": "\x01",
    "U+0008": "\x08",
    "U+000B": "\x0b",
    "U+000C": "\x0c",
    "U+000E": "\x0e",
    "U+001F": "\x1f",
    "U+D800": "\ud800",  # lone high surrogate
    "U+DFFF": "\udfff",  # lone low surrogate
    "U+FFFE": "\ufffe",
    "U+FFFF": "\uffff",
}


def _status(**overrides: Any) -> Status:
    values: dict[str, Any] = {
        "group_id": 0, "group_name": "A", "id": 0, "name": "N", "description": "D"
    }
    values.update(overrides)
    return Status(**values)


# Where the bad string goes: (builder, path of that field).
PLACES: dict[str, tuple[Callable[[str], Any], str]] = {
    "message-id": (
        lambda s: OmniSimpleRequest(destinations=[Destination(message_id=s, to=To(phone_number="1"))]),
        "$.destinations[0].messageId",
    ),
    "second-destination-email": (
        lambda s: OmniSimpleRequest(
            destinations=[
                Destination(to=To(phone_number="1")),
                Destination(to=To(phone_number="2", email_address=f"a{s}@example.com")),
            ]
        ),
        "$.destinations[1].to.emailAddress",
    ),
    "text": (
        lambda s: OmniSimpleRequest(destinations=[Destination(to=To(phone_number="1"))], text=f"hello {s} world"),
        "$.text",
    ),
    "bulk-id": (lambda s: OmniResponse(bulk_id=s + "x", messages=[]), "$.bulkId"),
    "status-description": (
        lambda s: OmniResponse(
            messages=[
                OmniResponseDetails(
                    to=To(phone_number="1"), status=_status(description=s), message_id="m"
                )
            ]
        ),
        "$.messages[0].status.description",
    ),
}


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("code_point", sorted(BAD_CHARACTERS))
def test_unwritable_character(code_point: str, place: str) -> None:
    build, path = PLACES[place]
    value = build(BAD_CHARACTERS[code_point])
    encoders: list[Callable[[Any], bytes]] = [
        omni_codec.xml.encode, lambda v: omni_codec.xml.encode(v, pretty=True), omni_codec.json.encode
    ]
    for encode in encoders:
        with pytest.raises(omni_codec.EncodeError) as info:
            encode(value)
        assert info.value.path == path
        assert f"`{path}`" in str(info.value)
        assert code_point in str(info.value)


def test_unwritable_character_first_of_several_is_named() -> None:
    value = OmniSimpleRequest(destinations=[Destination(to=To(phone_number="1"))], text="ok\x01\x00")
    with pytest.raises(omni_codec.EncodeError, match="U\\+0001"):
        omni_codec.xml.encode(value)


def _json_forms(char: str) -> list[str]:
    """Every way JSON text can hold ``char``: its ``\\u`` escape (either case),
    its short escape if it has one, and the character itself where JSON allows
    it raw (above U+001F)."""
    forms = ["\\u" + f"{ord(char):04x}", "\\u" + f"{ord(char):04X}"]
    forms += {"\b": ["\\b"], "\f": ["\\f"]}.get(char, [])
    if ord(char) > 0x1F and not 0xD800 <= ord(char) <= 0xDFFF:
        forms.append(char)
    return forms


# Where the character goes in JSON: (document around the marker @, path).
JSON_PLACES = {
    "string field": ('{"destinations":[{"to":{"phoneNumber":"1"}}],"text":"a@b"}', "$.text"),
    "list item": (
        '{"destinations":[{"to":{"phoneNumber":"1"}},{"messageId":"@","to":{"phoneNumber":"2"}}]}',
        "$.destinations[1].messageId",
    ),
    "free-form value": (
        '{"destinations":[{"to":{}}],"push":{"customPayload":{"k":[1,{"m":"x@"}]}}}',
        "$.push.customPayload.k[1].m",
    ),
    "free-form key": (
        '{"destinations":[{"to":{}}],"vKontakte":{"templateData":{"k":{"@":1}}}}',
        "$.vKontakte.templateData.k",
    ),
}


@pytest.mark.parametrize("place", sorted(JSON_PLACES))
@pytest.mark.parametrize("code_point", sorted(BAD_CHARACTERS))
def test_json_input_with_a_character_xml_cannot_carry_is_refused(code_point: str, place: str) -> None:
    """SPEC section 6: JSON accepts only what XML can carry. A lone surrogate
    escape is malformed JSON to msgspec; every other character is refused with
    the path of the string (or, for a key, of its object)."""
    template, path = JSON_PLACES[place]
    cls = OmniSimpleRequest if "destinations[1]" in path or path == "$.text" else OmniAdvancedRequest
    char = BAD_CHARACTERS[code_point]
    for form in _json_forms(char):
        document = template.replace("@", form)
        for data in (document, document.encode("utf-8")):
            with pytest.raises(omni_codec.DecodeError) as info:
                omni_codec.json.decode(data, type=cls)
            if 0xD800 <= ord(char) <= 0xDFFF:
                continue
            assert isinstance(info.value, omni_codec.ValidationError), str(info.value)
            assert info.value.path == path
            assert code_point in str(info.value)


def test_json_input_with_escapes_xml_can_carry_decodes() -> None:
    """What only looks like an escape of a bad character (an escaped backslash
    before ``b``, ``f`` or ``u``), and the escapes of allowed characters, decode."""
    text = r"tab\t nl\n cr\r quote\" slash\\b back\\f \\u0000 \u00e9 \ud83d\ude00 \uFFFD"
    document = '{"destinations":[{"to":{"phoneNumber":"1"}}],"text":"' + text + '"}'
    expected = 'tab\t nl\n cr\r quote" slash\\b back\\f \\u0000 \u00e9 \U0001f600 \ufffd'
    for data in (document, document.encode("utf-8")):
        value = omni_codec.json.decode(data, type=OmniSimpleRequest)
        assert value.text == expected
        assert omni_codec.xml.decode(omni_codec.xml.encode(value), type=OmniSimpleRequest) == value


# -- xs:int ----------------------------------------------------------------------------

IN_RANGE = [-(2**31), -1, 0, 2**31 - 1]
OUT_OF_RANGE = [-(2**31) - 1, 2**31, 2**32, 2**63, -(2**63) - 1, 10**30]


def _response_json(group_id: str) -> str:
    return (
        '{"messages":[{"to":{"phoneNumber":"1"},"status":{"groupId":' + group_id
        + ',"groupName":"A","id":0,"name":"N","description":"D"},"messageId":"m"}]}'
    )


def _response_xml(group_id: str) -> str:
    return (
        "<omniResponse><messages><message><to><phoneNumber>1</phoneNumber></to><status>"
        f"<groupId>{group_id}</groupId><groupName>A</groupName><id>0</id><name>N</name>"
        "<description>D</description></status><messageId>m</messageId></message></messages>"
        "</omniResponse>"
    )


def _response(group_id: int) -> OmniResponse:
    return OmniResponse(
        messages=[
            OmniResponseDetails(to=To(phone_number="1"), status=_status(group_id=group_id), message_id="m")
        ]
    )


PATH = "$.messages[0].status.groupId"


@pytest.mark.parametrize("number", IN_RANGE)
def test_int_in_range(number: int) -> None:
    value = _response(number)
    assert omni_codec.json.decode(_response_json(str(number)), type=OmniResponse) == value
    assert omni_codec.xml.decode(_response_xml(str(number)), type=OmniResponse) == value
    encoded = omni_codec.xml.encode(value)
    omni_codec.xml.validate(encoded)
    assert omni_codec.xml.decode(encoded, type=OmniResponse) == value


@pytest.mark.parametrize("number", OUT_OF_RANGE)
def test_int_out_of_range_json_decode(number: int) -> None:
    with pytest.raises(omni_codec.ValidationError) as info:
        omni_codec.json.decode(_response_json(str(number)), type=OmniResponse)
    assert info.value.path == PATH


@pytest.mark.parametrize("number", OUT_OF_RANGE)
def test_int_out_of_range_xml_decode(number: int) -> None:
    with pytest.raises(omni_codec.ValidationError) as info:
        omni_codec.xml.decode(_response_xml(str(number)), type=OmniResponse)
    assert info.value.path == PATH
    assert info.value.line == 1
    with pytest.raises(omni_codec.ValidationError) as info:
        omni_codec.xml.validate(_response_xml(str(number)))
    assert info.value.path == PATH


@pytest.mark.parametrize("number", OUT_OF_RANGE)
def test_int_out_of_range_xml_encode(number: int) -> None:
    value = _response(number)  # models do not check constraints on construction
    with pytest.raises(omni_codec.EncodeError) as info:
        omni_codec.xml.encode(value)
    assert info.value.path == PATH
    assert str(number) in str(info.value)


@pytest.mark.parametrize("digits", [20, 4300, 4301, 10_000, 100_000])
def test_int_with_very_many_digits_xml_decode(digits: int) -> None:
    """Python refuses int() of more than 4300 digits with a bare ValueError."""
    with pytest.raises(omni_codec.ValidationError) as info:
        omni_codec.xml.decode(_response_xml("9" * digits), type=OmniResponse)
    assert info.value.path == PATH


@pytest.mark.parametrize("digits", [20, 4300, 4301, 10_000, 100_000])
def test_int_with_very_many_digits_json_decode(digits: int) -> None:
    with pytest.raises(omni_codec.ValidationError) as info:
        omni_codec.json.decode(_response_json("9" * digits), type=OmniResponse)
    assert info.value.path == PATH


JUNK = "x" * 1_000_000
HUGE_VALUES: dict[str, Callable[[], Any]] = {
    "xml-int": lambda: omni_codec.xml.decode(_response_xml(JUNK), type=OmniResponse),
    "xml-int-validate": lambda: omni_codec.xml.validate(_response_xml(JUNK)),
    "json-int": lambda: omni_codec.json.decode(_response_json('"' + JUNK + '"'), type=OmniResponse),
    "xml-phone-number": lambda: omni_codec.xml.decode(
        "<request><destinations><destination><to><phoneNumber>" + JUNK
        + "</phoneNumber></to></destination></destinations></request>",
        type=OmniSimpleRequest,
    ),
    "json-phone-number": lambda: omni_codec.json.decode(
        '{"destinations":[{"to":{"phoneNumber":"' + JUNK + '"}}]}', type=OmniSimpleRequest
    ),
}


@pytest.mark.parametrize("case", sorted(HUGE_VALUES))
def test_error_message_does_not_echo_a_huge_value(case: str) -> None:
    """An error may quote the bad value for the reader, but a 1 MB value is not worth
    a 1 MB message (log flooding)."""
    with pytest.raises(omni_codec.ValidationError) as info:
        HUGE_VALUES[case]()
    assert len(str(info.value)) < 10_000
