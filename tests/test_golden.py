"""Golden files for every type family, written by hand (see tests/golden/README.md).

Each pair is checked in both directions: both files decode (strictly) to the same
value, and that value encodes to each file again: to the JSON's data and to the
XML byte for byte (the XML files are pretty-printed as ``pretty=True`` writes).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import msgspec
import pytest
import xmlschema

import omni_codec
from omni_codec import (
    ApiError,
    CampaignsResponse,
    Destinations,
    OmniAdvancedRequest,
    OmniLogsResponse,
    OMNIReportsResponse,
    Scenario,
    ScenariosResponse,
)
from omni_codec.schemas import xsd_path as schema_path

GOLDEN = Path(__file__).parent / "golden"

PAIRS = [
    ("advanced-request", OmniAdvancedRequest),
    ("advanced-request-line-flex", OmniAdvancedRequest),
    ("scenarios-response", ScenariosResponse),
    ("scenario", Scenario),
    ("reports-response", OMNIReportsResponse),
    ("logs-response", OmniLogsResponse),
    ("campaigns-response", CampaignsResponse),
    ("campaign-destinations", Destinations),
    ("api-error", ApiError),
]
CASES = [pytest.param(name, cls, id=name) for name, cls in PAIRS]


def read(name: str) -> bytes:
    return (GOLDEN / name).read_bytes()


@pytest.mark.parametrize(("name", "cls"), CASES)
def test_json_and_xml_decode_to_the_same_value(name: str, cls: type) -> None:
    from_json = omni_codec.json.decode(read(f"{name}.json"), type=cls, strict=True)
    from_xml = omni_codec.xml.decode(read(f"{name}.xml"), type=cls, strict=True)
    assert from_json == from_xml


@pytest.mark.parametrize(("name", "cls"), CASES)
def test_value_encodes_to_the_golden_json(name: str, cls: type) -> None:
    value = omni_codec.xml.decode(read(f"{name}.xml"), type=cls)
    written = omni_codec.json.encode(value)
    assert msgspec.json.decode(written) == msgspec.json.decode(read(f"{name}.json"))
    # Same key order, and prices with the same digits: the golden file minified
    # with its numbers read as decimals.
    golden = msgspec.json.Decoder(float_hook=Decimal).decode(read(f"{name}.json"))
    assert written == msgspec.json.Encoder(decimal_format="number").encode(golden)


@pytest.mark.parametrize(("name", "cls"), CASES)
def test_value_encodes_to_the_golden_xml(name: str, cls: type) -> None:
    value = omni_codec.json.decode(read(f"{name}.json"), type=cls)
    assert omni_codec.xml.encode(value, pretty=True) == read(f"{name}.xml").rstrip(b"\n")


@pytest.mark.parametrize(("name", "cls"), CASES)
def test_golden_xml_is_valid_for_both_schema_processors(name: str, cls: type) -> None:
    omni_codec.xml.validate(read(f"{name}.xml"))
    xmlschema.XMLSchema(str(schema_path())).validate(str(GOLDEN / f"{name}.xml"))


def test_prices_keep_their_digits() -> None:
    report = omni_codec.xml.decode(read("reports-response.xml"), type=OMNIReportsResponse)
    price = report.results[0].price
    assert price is not None and str(price.price_per_message) == "0.0001000000"
    assert b"0.0001000000" in omni_codec.json.encode(report)
    assert b"<pricePerMessage>0.0001000000</pricePerMessage>" in omni_codec.xml.encode(report)


def test_datetimes_keep_the_published_form() -> None:
    report = omni_codec.json.decode(read("reports-response.json"), type=OMNIReportsResponse)
    assert report.results[0].sent_at is not None
    assert report.results[0].sent_at.isoformat() == "2015-06-04T13:01:52.933000+00:00"
    assert b'"sentAt":"2015-06-04T13:01:52.933+0000"' in omni_codec.json.encode(report)


def test_unknown_channel_is_ignored_by_default_and_rejected_when_strict() -> None:
    data = read("advanced-request-unknown-channel.json")
    request = omni_codec.json.decode(data, type=OmniAdvancedRequest)
    assert request.sms is not None and request.sms.text == "Your order A-1001 has shipped."
    assert request.line is not None and request.line.sticker_id == "52002734"
    with pytest.raises(omni_codec.ValidationError) as caught:
        omni_codec.json.decode(data, type=OmniAdvancedRequest, strict=True)
    assert caught.value.path == "$" and "`rcs`" in str(caught.value)
    # The same request in XML, with the unknown channel as an element.
    xml = omni_codec.xml.encode(request).replace(
        b"<sms>", b"<rcs><text>hi</text><templateData><x/></templateData></rcs><sms>"
    )
    assert omni_codec.xml.decode(xml, type=OmniAdvancedRequest) == request
    with pytest.raises(omni_codec.ValidationError) as caught:
        omni_codec.xml.decode(xml, type=OmniAdvancedRequest, strict=True)
    assert caught.value.path == "$" and "`rcs`" in str(caught.value)


def test_delivery_report_as_the_documentation_prints_it() -> None:
    reports = omni_codec.json.decode(read("reports-infobip-doc.json"), type=OMNIReportsResponse)
    (report,) = reports.results
    assert report.to == "385981178"
    assert report.price is not None and str(report.price.price_per_message) == "0.01"
    assert report.sent_at is not None and report.sent_at.utcoffset() is not None
    assert report.channel is not None
    back = omni_codec.xml.decode(omni_codec.xml.encode(reports), type=OMNIReportsResponse)
    assert back == reports
