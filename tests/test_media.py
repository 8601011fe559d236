"""Content negotiation: bodies by Content-Type, answers by Accept (with q-values)."""

from __future__ import annotations

from pathlib import Path

import pytest

import omni_codec
from omni_codec import NotAcceptable, OmniSimpleRequest, UnsupportedMediaType
from omni_codec.media import decode_body, encode_body, negotiate

VECTORS = Path(__file__).parent / "vectors"
REQUEST = omni_codec.json.decode((VECTORS / "simple-request.json").read_bytes(), type=OmniSimpleRequest)


@pytest.mark.parametrize(
    ("content_type", "file"),
    [
        ("application/json", "simple-request.json"),
        ("application/json; charset=UTF-8", "simple-request.json"),
        ("application/vnd.example+json", "simple-request.json"),
        ("application/xml", "simple-request.xml"),
        ("text/xml; charset=utf-8", "simple-request.xml"),
        ("Application/XML", "simple-request.xml"),
        ("application/soap+xml", "simple-request.xml"),
    ],
)
def test_decode_body_by_content_type(content_type: str, file: str) -> None:
    body = (VECTORS / file).read_bytes()
    assert decode_body(body, content_type, type=OmniSimpleRequest) == REQUEST


def test_xml_charset_parameter_overrides_the_declaration() -> None:
    # RFC 7303 section 3: the HTTP charset wins over the document's declaration.
    body = '<?xml version="1.0" encoding="UTF-8"?><request><destinations><destination><to><phoneNumber>1</phoneNumber></to></destination></destinations><text>Grüße</text></request>'
    decoded = decode_body(body.encode("iso-8859-1"), "application/xml; charset=ISO-8859-1", type=OmniSimpleRequest)
    assert decoded.text == "Grüße"


def test_json_in_another_charset_is_transcoded() -> None:
    body = '{"destinations":[{"to":{"phoneNumber":"1"}}],"text":"Grüße"}'.encode("utf-16")
    assert decode_body(body, "application/json; charset=utf-16", type=OmniSimpleRequest).text == "Grüße"


@pytest.mark.parametrize("content_type", [None, "", "text/plain", "application/octet-stream", "multipart/form-data"])
def test_unsupported_media_type(content_type: str | None) -> None:
    with pytest.raises(UnsupportedMediaType) as caught:
        decode_body(b"{}", content_type, type=OmniSimpleRequest)
    assert caught.value.status == 415
    assert isinstance(caught.value, omni_codec.CodecError)


def test_unknown_charset_is_unsupported() -> None:
    with pytest.raises(UnsupportedMediaType):
        decode_body(b"{}", "application/json; charset=x-unknown", type=OmniSimpleRequest)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "application/json"),
        ("", "application/json"),
        ("*/*", "application/json"),
        ("application/xml", "application/xml"),
        ("text/xml", "text/xml"),
        ("application/*", "application/json"),
        ("text/*", "text/xml"),
        ("application/json;q=0.5, application/xml", "application/xml"),
        ("application/xml;q=0.9, application/json;q=0.8", "application/xml"),
        ("*/*;q=0.1, application/xml", "application/xml"),
        ("application/json;q=0, */*", "application/xml"),
        ("text/html, application/xml;q=0.9, */*;q=0.8", "application/xml"),
    ],
)
def test_negotiate(accept: str | None, expected: str) -> None:
    assert negotiate(accept) == expected


@pytest.mark.parametrize("accept", ["image/png", "text/html", "application/json;q=0, application/xml;q=0, text/xml;q=0"])
def test_not_acceptable(accept: str) -> None:
    with pytest.raises(NotAcceptable) as caught:
        encode_body(REQUEST, accept)
    assert caught.value.status == 406


def test_encode_body_returns_bytes_and_content_type() -> None:
    body, content_type = encode_body(REQUEST, "application/xml")
    assert content_type == "application/xml; charset=utf-8"
    assert omni_codec.xml.decode(body, type=OmniSimpleRequest) == REQUEST
    body, content_type = encode_body(REQUEST, "application/json")
    assert content_type == "application/json"
    assert omni_codec.json.decode(body, type=OmniSimpleRequest) == REQUEST


# A charset that names one of Python's codecs that are not text encodings (bytes to
# bytes, or str to str) cannot be a body's charset: 415, as an unknown name is.
@pytest.mark.parametrize("charset", ["base64", "rot13", "zlib", "bz2", "hex", "uu", "quopri", '"base64"', "BASE64"])
@pytest.mark.parametrize("media_type", ["application/json", "application/xml"])
def test_a_codec_that_is_not_a_text_encoding_is_unsupported(media_type: str, charset: str) -> None:
    with pytest.raises(UnsupportedMediaType) as caught:
        decode_body(b"{}", f"{media_type}; charset={charset}", type=OmniSimpleRequest)
    assert caught.value.status == 415


# A text encoding that cannot decode the body: a DecodeError (400), whatever way the
# codec says so (idna raises a plain UnicodeError).
@pytest.mark.parametrize(("charset", "body"), [("idna", b"\xff" * 70), ("undefined", b"{}"), ("utf-16", b"{"), ("ascii", b"\xff")])
@pytest.mark.parametrize("media_type", ["application/json", "application/xml"])
def test_a_body_its_charset_cannot_decode_is_a_decode_error(media_type: str, charset: str, body: bytes) -> None:
    with pytest.raises(omni_codec.DecodeError) as caught:
        decode_body(body, f"{media_type}; charset={charset}", type=OmniSimpleRequest)
    assert not isinstance(caught.value, UnsupportedMediaType)
