"""Errors: the same bad payload gets the same class and path in JSON and XML.

Each case is one payload written in both forms; XML adds the line of the element
the error is about (SPEC section 2).
"""

from __future__ import annotations

from typing import Any

import pytest

import omni_codec
from omni_codec import CodecError, DecodeError, OmniResponse, OmniSimpleRequest, ValidationError


def test_hierarchy() -> None:
    assert issubclass(CodecError, ValueError)
    assert issubclass(DecodeError, CodecError)
    assert issubclass(ValidationError, DecodeError)
    assert issubclass(omni_codec.EncodeError, CodecError)
    assert not issubclass(omni_codec.EncodeError, DecodeError)


REQUEST_HEAD = "<request>\n<destinations>\n<destination><to><phoneNumber>1</phoneNumber></to></destination>\n"

# (id, type, JSON, XML, path, XML line, words the message must contain)
CASES: list[tuple[str, type, str, str, str, int, str]] = [
    (
        "phone-not-digits", OmniSimpleRequest,
        '{"destinations":[{"to":{"phoneNumber":"1"}},{"to":{"phoneNumber":"+4179"}}]}',
        REQUEST_HEAD + "<destination>\n<to>\n<phoneNumber>+4179</phoneNumber></to></destination>\n</destinations></request>",
        "$.destinations[1].to.phoneNumber", 6, "regex",
    ),
    (
        "phone-missing", OmniSimpleRequest,
        '{"destinations":[{"to":{"phoneNumber":"1"}},{"to":{"emailAddress":"a@b.c"}}]}',
        REQUEST_HEAD + "<destination>\n<to>\n<emailAddress>a@b.c</emailAddress></to></destination>\n</destinations></request>",
        "$.destinations[1].to.phoneNumber", 5, "phoneNumber",
    ),
    (
        "to-missing", OmniSimpleRequest,
        '{"destinations":[{"to":{"phoneNumber":"1"}},{"messageId":"m"}]}',
        REQUEST_HEAD + "<destination>\n<messageId>m</messageId></destination>\n</destinations></request>",
        "$.destinations[1]", 4, "`to`",
    ),
    (
        "no-destinations", OmniSimpleRequest,
        '{"destinations":[],"text":"hi"}',
        "<request>\n<text>hi</text>\n<destinations/>\n</request>",
        "$.destinations", 3, "length >= 1",
    ),
    (
        "destinations-absent", OmniSimpleRequest,
        '{"text":"hi"}',
        "<request>\n<text>hi</text>\n</request>",
        "$", 1, "`destinations`",
    ),
    (
        "status-id-not-int", OmniResponse,
        '{"messages":[{"to":{},"status":{"groupId":1,"groupName":"P","id":"x","name":"N","description":"D"},"messageId":"m"}]}',
        "<omniResponse><messages>\n<message><to/><status>\n<groupId>1</groupId><groupName>P</groupName>\n"
        "<id>x</id><name>N</name><description>D</description></status><messageId>m</messageId></message>"
        "</messages></omniResponse>",
        "$.messages[0].status.id", 4, "int",
    ),
    (
        "group-id-out-of-range", OmniResponse,
        '{"messages":[{"to":{},"status":{"groupId":2147483648,"groupName":"P","id":1,"name":"N","description":"D"},"messageId":"m"}]}',
        "<omniResponse><messages>\n<message><to/><status>\n<groupId>2147483648</groupId><groupName>P</groupName>\n"
        "<id>1</id><name>N</name><description>D</description></status><messageId>m</messageId></message>"
        "</messages></omniResponse>",
        "$.messages[0].status.groupId", 3, "2147483647",
    ),
    (
        "text-not-a-string", OmniSimpleRequest,
        '{"destinations":[{"to":{"phoneNumber":"1"}}],"text":{"a":1}}',
        REQUEST_HEAD + "</destinations>\n<text><a>1</a></text></request>",
        "$.text", 5, "",
    ),
    (
        "message-id-missing", OmniResponse,
        '{"messages":[{"to":{},"status":{"groupId":1,"groupName":"P","id":1,"name":"N","description":"D"}}]}',
        "<omniResponse>\n<messages>\n<message><to/><status><groupId>1</groupId><groupName>P</groupName>"
        "<id>1</id><name>N</name><description>D</description></status></message>"
        "</messages></omniResponse>",
        "$.messages[0]", 3, "`messageId`",
    ),
]


@pytest.mark.parametrize(
    ("cls", "json_text", "xml_text", "path", "line", "words"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_same_path_in_both_formats(
    cls: type, json_text: str, xml_text: str, path: str, line: int, words: str
) -> None:
    with pytest.raises(ValidationError) as from_json:
        omni_codec.json.decode(json_text, type=cls)
    with pytest.raises(ValidationError) as from_xml:
        omni_codec.xml.decode(xml_text, type=cls)
    for error in (from_json.value, from_xml.value):
        assert error.path == path
        assert f"`{path}`" in str(error)
        assert words in str(error)
    assert from_json.value.line is None
    assert from_xml.value.line == line
    assert f"(line {line})" in str(from_xml.value)


def test_xsd_failure_names_path_and_line() -> None:
    xml_text = CASES[0][3]
    with pytest.raises(ValidationError) as caught:
        omni_codec.xml.validate(xml_text)
    assert caught.value.path == "$.destinations[1].to.phoneNumber"
    assert caught.value.line == 6


def test_wrong_root_element() -> None:
    with pytest.raises(ValidationError) as caught:
        omni_codec.xml.decode(b"<omniResponse><messages/></omniResponse>", type=OmniSimpleRequest)
    assert "<request>" in str(caught.value)
    assert caught.value.path == "$"


@pytest.mark.parametrize(
    "data",
    [b"", b"{", b"nul", b"\xff\xfe", b'{"destinations": [}'],
)
def test_malformed_json_is_a_decode_error(data: bytes) -> None:
    with pytest.raises(DecodeError) as caught:
        omni_codec.json.decode(data, type=OmniSimpleRequest)
    assert not isinstance(caught.value, ValidationError)


@pytest.mark.parametrize(
    "data", [b"", b"<", b"<request>", b"<request></response>", b"\x00\x01", b"<a>&undefined;</a>"]
)
def test_malformed_xml_is_a_decode_error(data: bytes) -> None:
    with pytest.raises(DecodeError) as caught:
        omni_codec.xml.decode(data, type=OmniSimpleRequest)
    assert not isinstance(caught.value, ValidationError)


@pytest.mark.parametrize("fmt", [omni_codec.json, omni_codec.xml], ids=["json", "xml"])
@pytest.mark.parametrize("data", [None, 42, object(), ["<request/>"]])
def test_non_bytes_input_is_a_decode_error(fmt: Any, data: Any) -> None:
    with pytest.raises(DecodeError):
        fmt.decode(data, type=OmniSimpleRequest)


@pytest.mark.parametrize("value", [None, 42, "text", {"destinations": []}, object()])
def test_xml_encoding_a_non_model_is_an_encode_error(value: Any) -> None:
    # XML has no form for a value without a root type; JSON writes builtins as
    # msgspec does, but nothing that is not JSON.
    with pytest.raises(omni_codec.EncodeError):
        omni_codec.xml.encode(value)


@pytest.mark.parametrize("value", [object(), {1j: 2}, [object()], {"a": 1j}])
def test_json_encoding_a_non_json_value_is_an_encode_error(value: Any) -> None:
    with pytest.raises(omni_codec.EncodeError):
        omni_codec.json.encode(value)


def test_encode_error_names_the_field() -> None:
    request = OmniSimpleRequest(
        destinations=[omni_codec.Destination(to=omni_codec.To(phone_number="1"))], text="a\x00b"
    )
    with pytest.raises(omni_codec.EncodeError) as caught:
        omni_codec.xml.encode(request)
    assert caught.value.path == "$.text"
    assert "U+0000" in str(caught.value)


@pytest.mark.parametrize("fmt", [omni_codec.json, omni_codec.xml], ids=["json", "xml"])
def test_naive_datetime_is_an_encode_error_naming_the_field(fmt: Any) -> None:
    import datetime as dt

    reports = omni_codec.OMNIReportsResponse(
        results=[omni_codec.OMNIReport(), omni_codec.OMNIReport(sent_at=dt.datetime(2015, 6, 4, 13, 1, 52))]
    )
    with pytest.raises(omni_codec.EncodeError) as caught:
        fmt.encode(reports)
    assert caught.value.path == "$.results[1].sentAt"
    assert "naive" in str(caught.value)
