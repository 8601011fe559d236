"""The source document's examples (SPEC section 8), copied into tests/vectors/.

The JSON and XML of each example must decode to equal values; encoding the JSON
example's value to XML must give the XML example, ignoring insignificant
whitespace; the malformed request as published must be a DecodeError with its line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import omni_codec
from omni_codec import (
    DecodeError,
    Destination,
    OmniResponse,
    OmniResponseDetails,
    OmniSimpleRequest,
    Status,
    To,
)

VECTORS = Path(__file__).parent / "vectors"

EXAMPLES = [
    pytest.param("simple-request", OmniSimpleRequest, id="simple-request"),
    pytest.param("omni-response", OmniResponse, id="omni-response"),
]


def read(name: str) -> bytes:
    return (VECTORS / name).read_bytes()


def canonical(xml: bytes) -> bytes:
    """The document with whitespace-only text between elements removed."""
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.tostring(etree.fromstring(xml, parser), method="c14n")


@pytest.mark.parametrize(("name", "cls"), EXAMPLES)
def test_json_and_xml_examples_decode_to_equal_values(name: str, cls: type) -> None:
    from_json = omni_codec.json.decode(read(f"{name}.json"), type=cls)
    from_xml = omni_codec.xml.decode(read(f"{name}.xml"), type=cls)
    assert from_json == from_xml


@pytest.mark.parametrize(("name", "cls"), EXAMPLES)
def test_json_example_encodes_to_the_xml_example(name: str, cls: type) -> None:
    value = omni_codec.json.decode(read(f"{name}.json"), type=cls)
    assert canonical(omni_codec.xml.encode(value)) == canonical(read(f"{name}.xml"))
    assert canonical(omni_codec.xml.encode(value, pretty=True)) == canonical(read(f"{name}.xml"))


@pytest.mark.parametrize(("name", "cls"), EXAMPLES)
def test_xml_examples_are_valid_against_the_xsd(name: str, cls: type) -> None:
    omni_codec.xml.validate(read(f"{name}.xml"))


@pytest.mark.parametrize(("name", "cls"), EXAMPLES)
def test_xml_example_encodes_to_the_json_example(name: str, cls: type) -> None:
    value = omni_codec.xml.decode(read(f"{name}.xml"), type=cls)
    assert omni_codec.json.decode(omni_codec.json.encode(value), type=cls) == value
    assert omni_codec.json.encode(value) == omni_codec.json.encode(
        omni_codec.json.decode(read(f"{name}.json"), type=cls)
    )


def test_simple_request_example_has_the_published_values() -> None:
    # Written out by hand from the source document's request example.
    assert omni_codec.json.decode(read("simple-request.json"), type=OmniSimpleRequest) == (
        OmniSimpleRequest(
            destinations=[
                Destination(
                    message_id="MESSAGE-ID-123-xyz",
                    to=To(phone_number="41793026727", email_address="email@example.com"),
                ),
                Destination(to=To(phone_number="41793026731")),
            ],
            bulk_id="Bulk-ID-12xyz",
            scenario_key="AD9E01A5DC7BEE2C2B828D208182A611",
            text="Failover text",
            mail_subject="Email subject",
        )
    )


def test_response_example_has_the_published_values() -> None:
    accepted = Status(
        group_id=0, group_name="ACCEPTED", id=0, name="MESSAGE_ACCEPTED",
        description="Message accepted",
    )
    assert omni_codec.xml.decode(read("omni-response.xml"), type=OmniResponse) == OmniResponse(
        bulk_id="Bulk-ID-12xyz",
        messages=[
            OmniResponseDetails(
                to=To(phone_number="41793026727", email_address="email@example.com"),
                status=accepted,
                message_id="MESSAGE-ID-123-xyz",
            ),
            OmniResponseDetails(
                to=To(phone_number="41793026731"),
                status=accepted,
                message_id="9304a5a3ab19-1ca1-be74-76ad87651ed25f35",
            ),
        ],
    )


def test_malformed_request_as_published_is_a_decode_error_with_its_line() -> None:
    # The published example closes its second <destination> with </destinations>
    # on line 14 of the file.
    data = read("simple-request.malformed.xml")
    with pytest.raises(DecodeError) as caught:
        omni_codec.xml.decode(data, type=OmniSimpleRequest)
    assert not isinstance(caught.value, omni_codec.ValidationError)
    assert caught.value.line == 14
    assert "line 14" in str(caught.value)
    with pytest.raises(DecodeError):
        omni_codec.xml.validate(data)


def test_malformed_request_differs_from_the_corrected_one_only_in_that_tag() -> None:
    malformed = read("simple-request.malformed.xml").splitlines()
    corrected = read("simple-request.xml").splitlines()
    differing = [i + 1 for i, (a, b) in enumerate(zip(malformed, corrected)) if a != b]
    assert differing == [14]
    assert malformed[13].strip() == b"</destinations>"
    assert corrected[13].strip() == b"</destination>"
