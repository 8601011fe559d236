"""Malformed input of every kind: only DecodeError comes out (SPEC section 2).

Regression cases for what the fuzzers found are kept here as plain examples, so
that they run deterministically on every change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import omni_codec
import omni_codec.models
from omni_codec import OmniResponse, OmniSimpleRequest

from ._support import VECTORS

ENTRY_POINTS: dict[str, Callable[[Any], Any]] = {
    "json-request": lambda d: omni_codec.json.decode(d, type=OmniSimpleRequest),
    "json-request-strict": lambda d: omni_codec.json.decode(d, type=OmniSimpleRequest, strict=True),
    "json-response": lambda d: omni_codec.json.decode(d, type=OmniResponse),
    "xml-request": lambda d: omni_codec.xml.decode(d, type=OmniSimpleRequest),
    "xml-request-strict": lambda d: omni_codec.xml.decode(d, type=OmniSimpleRequest, strict=True),
    "xml-response": lambda d: omni_codec.xml.decode(d, type=OmniResponse),
    "xml-validate": lambda d: omni_codec.xml.validate(d),
}
JSON_ENTRY_POINTS = sorted(k for k in ENTRY_POINTS if k.startswith("json"))
XML_ENTRY_POINTS = sorted(k for k in ENTRY_POINTS if k.startswith("xml"))

NOT_DOCUMENTS: dict[str, Any] = {
    "none": None,
    "int": 1,
    "float": 1.5,
    "list": [b"{}"],
    "dict": {"destinations": []},
    "object": object(),
    "empty-bytes": b"",
    "empty-str": "",
    "whitespace": b" \r\n\t",
    "utf8-bom-only": b"\xef\xbb\xbf",
    "bom-only-str": "\ufeff",
    "nul": b"\x00",
    "nul-str": "\x00",
    "lone-surrogate-str": "\ud800",
}


@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
@pytest.mark.parametrize("case", sorted(NOT_DOCUMENTS))
def test_not_a_document(case: str, entry: str) -> None:
    with pytest.raises(omni_codec.DecodeError):
        ENTRY_POINTS[entry](NOT_DOCUMENTS[case])


VALID_JSON = b'{"destinations":[{"to":{"phoneNumber":"41793026727"}}]'

# JSON text must be UTF-8 (RFC 8259 section 8.1); msgspec raises a bare
# UnicodeDecodeError when a string it has to build is not.
BAD_UTF8_JSON: dict[str, bytes] = {
    "in-a-known-string": VALID_JSON + b',"text":"caf\xe9"}',
    "truncated-sequence": VALID_JSON + b',"text":"\xc3"}',
    "overlong-encoding": VALID_JSON + b',"text":"\xc0\xaf"}',
    "encoded-surrogate": VALID_JSON + b',"text":"\xed\xa0\x80"}',
    "in-a-phone-number": b'{"destinations":[{"to":{"phoneNumber":"4\xff"}}]}',
    "in-an-unknown-value": VALID_JSON + b',"extra":"\xff"}',
    "in-an-unknown-key": VALID_JSON + b',"\xff":1}',
}


@pytest.mark.parametrize("entry", JSON_ENTRY_POINTS)
@pytest.mark.parametrize("case", sorted(BAD_UTF8_JSON))
def test_json_invalid_utf8(case: str, entry: str) -> None:
    with pytest.raises(omni_codec.DecodeError):
        ENTRY_POINTS[entry](BAD_UTF8_JSON[case])


# A str that holds a lone surrogate is not Unicode text at all; it cannot have come
# off the wire as UTF-8, but a caller can build one.
SURROGATE_STR_JSON: dict[str, str] = {
    "in-a-known-string": '{"destinations":[{"to":{"phoneNumber":"1"}}],"text":"a\ud800"}',
    "in-an-unknown-value": '{"destinations":[{"to":{"phoneNumber":"1"}}],"x":"\udc00"}',
    "outside-strings": '{"destinations":[{"to":{"phoneNumber":"1"}}]}\ud800',
}


@pytest.mark.parametrize("entry", JSON_ENTRY_POINTS)
@pytest.mark.parametrize("case", sorted(SURROGATE_STR_JSON))
def test_json_str_with_lone_surrogate(case: str, entry: str) -> None:
    with pytest.raises(omni_codec.DecodeError):
        ENTRY_POINTS[entry](SURROGATE_STR_JSON[case])


@pytest.mark.parametrize("entry", XML_ENTRY_POINTS)
def test_xml_str_with_lone_surrogate(entry: str) -> None:
    document = "<request><destinations><destination><to><phoneNumber>1</phoneNumber></to></destination></destinations><text>a\ud800</text></request>"
    with pytest.raises(omni_codec.DecodeError):
        ENTRY_POINTS[entry](document)


MALFORMED_XML: dict[str, bytes] = {
    "invalid-utf8": b"<request><text>\xff</text></request>",
    "truncated-utf8": b"<request><text>\xc3</text></request>",
    "unsupported-encoding": b'<?xml version="1.0" encoding="nonesuch"?><request/>',
    "declared-utf16-but-not": b'<?xml version="1.0" encoding="UTF-16"?><request/>',
    "nul-character": b"<request><text>\x00</text></request>",
    "form-feed": b"<request><text>\x0c</text></request>",
    "nul-reference": b"<request><text>&#0;</text></request>",
    "surrogate-reference": b"<request><text>&#xD800;</text></request>",
    "out-of-range-reference": b"<request><text>&#x110000;</text></request>",
    "undefined-entity": b"<request><text>&nbsp;</text></request>",
    "duplicate-attribute": b'<request a="1" a="2"/>',
    "undeclared-prefix": b"<x:request/>",
    "unclosed": b"<request>",
    "mismatched": b"<request></requests>",
    "two-roots": b"<request/><request/>",
    "text-after-root": b"<request/>junk",
    "xml-1.1-control-reference": b'<?xml version="1.1"?><request><text>&#1;</text></request>',
    "declaration-not-first": b' <?xml version="1.0"?><request/>',
    "published-malformed-example": (VECTORS / "simple-request.malformed.xml").read_bytes(),
}


@pytest.mark.parametrize("entry", XML_ENTRY_POINTS)
@pytest.mark.parametrize("case", sorted(MALFORMED_XML))
def test_malformed_xml(case: str, entry: str) -> None:
    with pytest.raises(omni_codec.DecodeError) as info:
        ENTRY_POINTS[entry](MALFORMED_XML[case])
    assert info.value.line is not None and info.value.line >= 1


@pytest.mark.parametrize("case", sorted(MALFORMED_XML))
def test_malformed_xml_message_is_one_line(case: str) -> None:
    """Error messages end up in logs and HTTP responses: one line each, with the
    location once, in the codec's own form."""
    with pytest.raises(omni_codec.DecodeError) as info:
        omni_codec.xml.decode(MALFORMED_XML[case], type=OmniSimpleRequest)
    message = str(info.value)
    assert "\n" not in message, repr(message)
    assert ", column " not in message, repr(message)


def test_published_malformed_example_names_its_line() -> None:
    with pytest.raises(omni_codec.DecodeError) as info:
        omni_codec.xml.decode(MALFORMED_XML["published-malformed-example"], type=OmniSimpleRequest)
    assert info.value.line == 14
    assert "line 14" in str(info.value)


# Non-models and ill-typed models on the encode side: EncodeError, nothing else.
NOT_MODELS: dict[str, Any] = {
    "none": None,
    "int": 1,
    "str": "s",
    "dict": {"destinations": []},
    "object": object(),
}


@pytest.mark.parametrize("case", sorted(NOT_MODELS))
def test_xml_encode_of_a_non_model(case: str) -> None:
    for pretty in (False, True):
        with pytest.raises(omni_codec.EncodeError):
            omni_codec.xml.encode(NOT_MODELS[case], pretty=pretty)


def test_json_encode_of_an_unencodable_object() -> None:
    with pytest.raises(omni_codec.EncodeError):
        omni_codec.json.encode(object())


# Strict mode looks for unknown keys in a second pass; that pass must not fail on
# values the first pass skipped (msgspec refuses numbers it cannot represent).
UNKNOWN_VALUES_STRICT: dict[str, bytes] = {
    "float-overflow": b"1e400",
    "negative-float-overflow": b"-1e400",
    "huge-integer": b"9" * 5000,
    "huge-integer-with-fraction": b"9" * 5000 + b".5",
    "nested": b'{"a":[1e400]}',
}


@pytest.mark.parametrize("case", sorted(UNKNOWN_VALUES_STRICT))
def test_json_strict_unknown_key_with_unrepresentable_number(case: str) -> None:
    document = VALID_JSON + b',"extra":' + UNKNOWN_VALUES_STRICT[case] + b"}"
    value = omni_codec.json.decode(document, type=OmniSimpleRequest)  # ignored
    assert value.destinations[0].to.phone_number == "41793026727"
    with pytest.raises(omni_codec.ValidationError) as info:
        omni_codec.json.decode(document, type=OmniSimpleRequest, strict=True)
    assert "extra" in str(info.value)
    assert info.value.path == "$"


# -- the rest of the OMNI family (found by fuzzing every document type) --------------

OMNIReportsResponse: Any = getattr(omni_codec.models, "OMNIReportsResponse", None)
needs_reports = pytest.mark.skipif(OMNIReportsResponse is None, reason="no OMNIReportsResponse")


@needs_reports
@pytest.mark.parametrize("value", ["1", "1.0", "true", "{}", "[]", '["2015-06-04T13:01:52.933+0000"]'])
@pytest.mark.parametrize("field", ["sentAt", "doneAt"])
def test_json_datetime_of_the_wrong_type(field: str, value: str) -> None:
    """A datetime is a JSON string; anything else is a ValidationError with its path
    (the decoding hook must not let its own NotImplementedError escape)."""
    document = '{"results":[{"%s":%s}]}' % (field, value)
    with pytest.raises(omni_codec.ValidationError) as info:
        omni_codec.json.decode(document, type=OMNIReportsResponse)
    assert info.value.path == f"$.results[0].{field}"


@needs_reports
@pytest.mark.parametrize("number", ["1e10000000", "1e-10000000", "-9.9e10000000"])
def test_json_decimal_exponent_does_not_amplify(number: str) -> None:
    """SPEC 6: what the JSON decoder accepts, the XML encoder can write. A price
    such as 1e10000000 is 10 bytes of JSON but ten million digits in plain XML
    notation (1e999999999 takes seconds and gigabytes; more is a MemoryError):
    it must be refused, on decode (ValidationError) or on encode (EncodeError)."""
    document = '{"results":[{"price":{"pricePerMessage":%s}}]}' % number
    try:
        value = omni_codec.json.decode(document, type=OMNIReportsResponse)
    except omni_codec.ValidationError as exc:
        assert exc.path == "$.results[0].price.pricePerMessage"
        return
    try:
        encoded = omni_codec.xml.encode(value)
    except omni_codec.EncodeError as exc:
        assert exc.path == "$.results[0].price.pricePerMessage"
        return
    assert len(encoded) < 100_000, f"{len(document)} bytes of JSON became {len(encoded)} bytes of XML"


@needs_reports
@pytest.mark.parametrize("text", ["0001-01-01T00:00:00Z", "0215-06-04T13:01:52.933+0000", "0999-12-31T23:59:59.999-2359"])
def test_datetime_with_a_small_year_round_trips(text: str) -> None:
    """Whatever decodes must encode (SPEC 6 and 7): a year below 1000 is written with
    four digits, as it was read, not refused."""
    json_document = '{"results":[{"sentAt":"%s"}]}' % text
    xml_document = f"<omniReportsResponse><results><result><sentAt>{text}</sentAt></result></results></omniReportsResponse>"
    for value in (
        omni_codec.json.decode(json_document, type=OMNIReportsResponse),
        omni_codec.xml.decode(xml_document, type=OMNIReportsResponse),
    ):
        assert omni_codec.json.decode(omni_codec.json.encode(value), type=OMNIReportsResponse) == value
        encoded = omni_codec.xml.encode(value)
        omni_codec.xml.validate(encoded)
        assert omni_codec.xml.decode(encoded, type=OMNIReportsResponse) == value


# -- the XML declaration of a str ---------------------------------------------------
#
# A str has no bytes for its declaration's encoding to describe, but the rest of the
# declaration is XML's to check (section 2.8): each of these is refused as text
# exactly as it is as bytes.

BAD_DECLARATIONS = {
    "version-2.0": '<?xml version="2.0"?>',
    "no-version": '<?xml encoding="UTF-8"?>',
    "encoding-before-version": '<?xml encoding="UTF-8" version="1.0"?>',
    "bad-standalone": '<?xml version="1.0" standalone="maybe"?>',
    "standalone-before-encoding": '<?xml version="1.0" standalone="yes" encoding="UTF-8"?>',
    "empty-encoding": '<?xml version="1.0" encoding=""?>',
    "malformed-encoding-name": '<?xml version="1.0" encoding="8-bit"?>',
    "unknown-encoding": '<?xml version="1.0" encoding="nonesuch"?>',
    "codec-not-a-text-encoding": '<?xml version="1.0" encoding="base64"?>',
    "mismatched-quotes": '<?xml version="1.0" encoding="UTF-8\'?>',
    "unknown-pseudo-attribute": '<?xml version="1.0" charset="UTF-8"?>',
    "unterminated": '<?xml version="1.0" ',
    "no-space-before-encoding": '<?xml version="1.0"encoding="UTF-8"?>',
}
GOOD_BODY = "<request><destinations><destination><to><phoneNumber>1</phoneNumber></to></destination></destinations></request>"


@pytest.mark.parametrize("entry", XML_ENTRY_POINTS)
@pytest.mark.parametrize("case", sorted(BAD_DECLARATIONS))
def test_a_malformed_declaration_is_refused_as_str_and_as_bytes(case: str, entry: str) -> None:
    document = BAD_DECLARATIONS[case] + GOOD_BODY
    messages = []
    for data in (document.encode("utf-8"), document, "\ufeff" + document):
        with pytest.raises(omni_codec.DecodeError) as info:
            ENTRY_POINTS[entry](data)
        assert not isinstance(info.value, omni_codec.ValidationError)  # not well-formed
        messages.append(str(info.value))
    assert messages[0] == messages[1] == messages[2]


# -- messages say what is wrong -------------------------------------------------------

REFERENCE_ERRORS = {
    "bare-ampersand": ("<request><text>a & b</text></request>", "`&`"),
    "ampersand-at-the-end": ("<request><text>a &</text></request>", "`&`"),
    "undefined-entity": ("<request><text>&nbsp;</text></request>", "nbsp"),
    "reference-without-semicolon": ("<request><text>&amp</text></request>", "EntityRef"),
}


@pytest.mark.parametrize("case", sorted(REFERENCE_ERRORS))
def test_a_bad_reference_is_not_called_a_doctype(case: str) -> None:
    """Only a real DOCTYPE is reported as one; a stray & is said to be a stray &."""
    document, named = REFERENCE_ERRORS[case]
    for data in (document, document.encode("utf-8"), document.encode("utf-16")):
        with pytest.raises(omni_codec.DecodeError) as info:
            omni_codec.xml.decode(data, type=OmniSimpleRequest)
        assert "DOCTYPE" not in str(info.value), str(info.value)
        assert named in str(info.value), str(info.value)
