"""The bodies of the webhooks the API calls (OpenAPI description, SPEC section 4):
seen reports and inbound messages, with their tagged unions.

Each is a document type, passed to the codecs explicitly here. Infobip's own
examples (tests/published/README.md) decode in both modes to the kinds their
tags name and write back the same JSON; every value the strategies build
round-trips through both formats and is valid against an XSD made for these
types; a missing or unknown tag, and a value outside the description's bounds,
is a ValidationError at its path, in JSON and in XML.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import msgspec
import pytest
import xmlschema
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from omni_codec import ValidationError, json, xml
from omni_codec._schema.xsd import generate_xsd
from omni_codec.models import (
    ButtonReplyContent,
    ContactName,
    FileMessage,
    Identity,
    InboundAudioMessage,
    InboundContactMessage,
    InboundDetailType,
    InboundDocumentMessage,
    InboundImageMessage,
    InboundLocationMessage,
    InboundMessageData,
    InboundPhoneType,
    InboundStickerMessage,
    InboundTextMessage,
    InboundUnsupportedMessage,
    InboundVideoMessage,
    InboundVoiceMessage,
    ListReplyContent,
    OrderContent,
    OTTReportResponse,
    PaymentAmount,
    PaymentConfirmationContent,
    PaymentCurrency,
    PaymentStatus,
    PaymentTransactionType,
    ProductItem,
    QuickReplyContent,
    Referral,
    ReferralMediaImage,
    ReferralMediaVideo,
    SeenReport,
    SeenReports,
    SimpleReport,
    SimpleReportMessage,
    TextMessage,
    ViberMoReport,
)
from omni_codec.strategies import from_type

PUBLISHED = Path(__file__).parent / "published"

WEBHOOK_BODIES = [SeenReports, OTTReportResponse]

XSD = generate_xsd(WEBHOOK_BODIES)
LXML_SCHEMA = etree.XMLSchema(etree.fromstring(XSD.encode()))
XMLSCHEMA = xmlschema.XMLSchema(XSD)


def read(name: str) -> bytes:
    return (PUBLISHED / name).read_bytes()


def without_nulls(value: Any) -> Any:
    """The JSON value with its null members left out: None is absence (SPEC 5),
    so the encoder leaves those members out."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def assert_valid(document: bytes) -> None:
    assert LXML_SCHEMA.validate(etree.fromstring(document)), LXML_SCHEMA.error_log
    assert XMLSCHEMA.is_valid(document.decode())


# --- Infobip's examples ---------------------------------------------------------------

# (file, the result's class, its message's class)
INBOUND_EXAMPLES = [
    ("inbound-whatsapp-text.json", InboundMessageData, InboundTextMessage),
    ("inbound-whatsapp-text-identity.json", InboundMessageData, InboundTextMessage),
    ("inbound-whatsapp-image.json", InboundMessageData, InboundImageMessage),
    ("inbound-whatsapp-sticker.json", InboundMessageData, InboundStickerMessage),
    ("inbound-whatsapp-audio.json", InboundMessageData, InboundAudioMessage),
    ("inbound-whatsapp-video.json", InboundMessageData, InboundVideoMessage),
    ("inbound-whatsapp-document.json", InboundMessageData, InboundDocumentMessage),
    ("inbound-whatsapp-location.json", InboundMessageData, InboundLocationMessage),
    ("inbound-whatsapp-voice.json", InboundMessageData, InboundVoiceMessage),
    ("inbound-whatsapp-contact.json", InboundMessageData, InboundContactMessage),
    ("inbound-viber-text.json", ViberMoReport, TextMessage),
    ("inbound-viber-file.json", ViberMoReport, FileMessage),
    ("inbound-facebook.json", SimpleReport, SimpleReportMessage),
]


@pytest.mark.parametrize(("name", "result_cls", "message_cls"), INBOUND_EXAMPLES)
@pytest.mark.parametrize("strict", [False, True])
def test_inbound_examples_decode_to_the_kinds_their_tags_name(
    name: str, result_cls: type, message_cls: type, strict: bool
) -> None:
    body = json.decode(read(name), type=OTTReportResponse, strict=strict)
    assert body.results is not None
    (result,) = body.results
    assert type(result) is result_cls
    assert type(result.message) is message_cls
    # Every member written back, the tags included, nothing added.
    assert msgspec.json.decode(json.encode(body)) == without_nulls(msgspec.json.decode(read(name)))
    document = xml.encode(body)
    assert_valid(document)
    assert xml.decode(document, type=OTTReportResponse, strict=True) == body


def test_seen_reports_example() -> None:
    body = json.decode(read("seen-reports-webhook.json"), type=SeenReports, strict=True)
    assert body.results is not None
    (report,) = body.results
    assert report.send_at is not None and report.seen_at is not None
    assert (report.seen_at - report.send_at).total_seconds() == pytest.approx(12.458)
    assert msgspec.json.decode(json.encode(body)) == msgspec.json.decode(read("seen-reports-webhook.json"))
    document = xml.encode(body)
    assert_valid(document)
    assert document.startswith(b"<seenReports><results><result><messageId>")
    assert xml.decode(document, type=SeenReports, strict=True) == body


def test_the_identity_of_the_example_stands_beside_the_message() -> None:
    # The description's example of an identity change puts it on the result.
    body = json.decode(read("inbound-whatsapp-text-identity.json"), type=OTTReportResponse, strict=True)
    assert body.results is not None
    (result,) = body.results
    assert isinstance(result, InboundMessageData)
    assert result.identity is not None and result.identity.created_at is not None
    assert result.identity == Identity(acknowledged=True, hash="eU2Fdi4EMUw=", created_at=result.identity.created_at)
    assert result.identity.created_at.isoformat() == "2020-01-01T00:00:00+00:00"
    assert result.contact == ContactName(name="Frank")


def test_location_coordinates_keep_every_digit() -> None:
    body = json.decode(read("inbound-whatsapp-location.json"), type=OTTReportResponse)
    assert body.results is not None
    message = body.results[0].message
    assert isinstance(message, InboundLocationMessage)
    assert message.longitude == Decimal("-73.985655555556")
    assert b"<latitude>40.748433333333</latitude>" in xml.encode(body)


def test_contact_cards_of_the_example() -> None:
    body = json.decode(read("inbound-whatsapp-contact.json"), type=OTTReportResponse)
    assert body.results is not None
    message = body.results[0].message
    assert isinstance(message, InboundContactMessage) and message.contacts is not None
    (card,) = message.contacts
    assert card.name is not None and card.name.formatted_name == "Frank Bipper"
    assert card.phones is not None and card.phones[0].type is InboundPhoneType.CELL
    assert card.phones[0].wa_id == "385918889999"
    # Items are named in the singular (SPEC section 5).
    assert b"<contacts><contact><name>" in xml.encode(body)
    assert b"<phones><phone><phone>+385 91 888 9999</phone>" in xml.encode(body)


# --- Every kind, every value ------------------------------------------------------------

WHATSAPP_KINDS = {
    "TEXT": InboundTextMessage(text="hi"),
    "IMAGE": InboundImageMessage(url="u", caption="c"),
    "DOCUMENT": InboundDocumentMessage(url="u"),
    "STICKER": InboundStickerMessage(url="u"),
    "LOCATION": InboundLocationMessage(longitude=Decimal("1.5"), latitude=Decimal("-2")),
    "CONTACT": InboundContactMessage(contacts=[]),
    "VIDEO": InboundVideoMessage(),
    "VOICE": InboundVoiceMessage(),
    "AUDIO": InboundAudioMessage(),
    "BUTTON": QuickReplyContent(text="Yes", payload="p"),
    "INTERACTIVE_BUTTON_REPLY": ButtonReplyContent(id="1", title="One"),
    "INTERACTIVE_LIST_REPLY": ListReplyContent(id="1", title="Row", description="d"),
    "INTERACTIVE_PAYMENT_CONFIRMATION": PaymentConfirmationContent(
        reference_id="r",
        payment_id="p",
        status=PaymentStatus.SUCCESS,
        currency=PaymentCurrency.INR,
        total_amount=PaymentAmount(value=12345, offset=100),
        transaction_id="t",
        transaction_type=PaymentTransactionType.UPI,
    ),
    "ORDER": OrderContent(
        catalog_id="c",
        product_items=[ProductItem(currency="EUR", item_price=Decimal("9.99"), product_retailer_id="p", quantity=2)],
    ),
    "UNSUPPORTED": InboundUnsupportedMessage(),
}


def _whatsapp(message: Any) -> OTTReportResponse:
    return OTTReportResponse(results=[InboundMessageData(from_="385919998888", message=message)])


@pytest.mark.parametrize("tag", list(WHATSAPP_KINDS))
def test_each_whatsapp_kind_is_written_with_its_tag(tag: str) -> None:
    body = _whatsapp(WHATSAPP_KINDS[tag])
    written = msgspec.json.decode(json.encode(body))
    assert written["results"][0]["integrationType"] == "WHATSAPP"
    assert written["results"][0]["message"]["type"] == tag
    assert json.decode(json.encode(body), type=OTTReportResponse, strict=True) == body
    document = xml.encode(body)
    assert f"<message><type>{tag}</type>".encode() in document
    assert_valid(document)
    assert xml.decode(document, type=OTTReportResponse, strict=True) == body


def test_referral_media_is_told_apart_by_its_type() -> None:
    for media in (ReferralMediaImage(url="i"), ReferralMediaVideo(url="v")):
        body = _whatsapp(InboundTextMessage(text="hi", referral=Referral(headline="h", referral_media=media)))
        for codec in (json, xml):
            back = codec.decode(codec.encode(body), type=OTTReportResponse, strict=True)
            assert back == body
            assert back.results is not None
            message = back.results[0].message
            assert isinstance(message, InboundTextMessage) and message.referral is not None
            assert type(message.referral.referral_media) is type(media)


@pytest.mark.parametrize("cls", WEBHOOK_BODIES)
@given(data=st.data())
def test_every_value_round_trips(cls: type[msgspec.Struct], data: st.DataObject) -> None:
    value = data.draw(from_type(cls, edge_cases=True))
    assert json.decode(json.encode(value), type=cls) == value
    document = xml.encode(value)
    assert_valid(document)
    assert xml.decode(document, type=cls) == value


# --- What is refused, and where -------------------------------------------------------

TEXT_RESULT = '{"results":[{"integrationType":"WHATSAPP","from":"1","message":{"type":"TEXT","text":"hi"}}]}'
TEXT_RESULT_XML = (
    "<ottReportResponse><results><result><integrationType>WHATSAPP</integrationType><from>1</from>"
    "<message><type>TEXT</type><text>hi</text></message></result></results></ottReportResponse>"
)


# (JSON edit, XML edit, message, path): a missing tag is a missing field of its
# object, an unknown one a wrong value of the tag.
TAG_CASES = [
    (
        ('"integrationType":"WHATSAPP",', ""),
        ("<integrationType>WHATSAPP</integrationType>", ""),
        "Object missing required field `integrationType`",
        "$.results[0]",
    ),
    (('"WHATSAPP"', '"TELEGRAM"'), (">WHATSAPP<", ">TELEGRAM<"), "Invalid value 'TELEGRAM'", "$.results[0].integrationType"),
    (
        ('"type":"TEXT",', ""),
        ("<type>TEXT</type>", ""),
        "Object missing required field `type`",
        "$.results[0].message",
    ),
    (('"TEXT"', '"POLL"'), (">TEXT<", ">POLL<"), "Invalid value 'POLL'", "$.results[0].message.type"),
]


@pytest.mark.parametrize(("json_edit", "xml_edit", "message", "path"), TAG_CASES)
@pytest.mark.parametrize("strict", [False, True])
def test_a_missing_or_unknown_tag_is_refused_at_its_path(
    json_edit: tuple[str, str], xml_edit: tuple[str, str], message: str, path: str, strict: bool
) -> None:
    with pytest.raises(ValidationError) as caught:
        json.decode(TEXT_RESULT.replace(*json_edit), type=OTTReportResponse, strict=strict)
    assert (caught.value.message, caught.value.path) == (message, path)
    with pytest.raises(ValidationError) as caught:
        xml.decode(TEXT_RESULT_XML.replace(*xml_edit), type=OTTReportResponse, strict=strict)
    assert (caught.value.message, caught.value.path) == (message, path)
    if "integrationType" in path or "integrationType" in message:
        # (The XSD's type of a result merges its members' fields, and each member's
        # `message` has its own type, so only the result's own tag is said there.)
        assert not LXML_SCHEMA.validate(etree.fromstring(TEXT_RESULT_XML.replace(*xml_edit).encode()))


@pytest.mark.parametrize(
    ("message", "path"),
    [
        ('{"type":"BUTTON","text":"' + "x" * 21 + '","payload":"p"}', "$.results[0].message.text"),
        ('{"type":"BUTTON","text":"x"}', "$.results[0].message"),  # no payload
        ('{"type":"LOCATION","latitude":1}', "$.results[0].message"),  # no longitude
        ('{"type":"LOCATION","latitude":1,"longitude":1e999999}', "$.results[0].message.longitude"),
        ('{"type":"ORDER","catalogId":"c","productItems":[]}', "$.results[0].message.productItems"),
        (
            '{"type":"ORDER","catalogId":"c","productItems":'
            '[{"currency":"EUR","itemPrice":1,"productRetailerId":"p","quantity":0}]}',
            "$.results[0].message.productItems[0].quantity",
        ),
        (
            '{"type":"INTERACTIVE_PAYMENT_CONFIRMATION","referenceId":"","paymentId":"p","status":"SUCCESS",'
            '"currency":"INR","totalAmount":{"value":1,"offset":1},"transactionId":"t","transactionType":"UPI"}',
            "$.results[0].message.referenceId",
        ),
    ],
)
def test_the_description_s_bounds_are_checked_at_their_path(message: str, path: str) -> None:
    document = '{"results":[{"integrationType":"WHATSAPP","message":' + message + "}]}"
    with pytest.raises(ValidationError) as caught:
        json.decode(document, type=OTTReportResponse)
    assert caught.value.path == path, caught.value


def test_unknown_values_of_open_enumerations_survive() -> None:
    body = _whatsapp(InboundContactMessage(contacts=[]))
    document = json.encode(body).replace(b'"contacts":[]', b'"contacts":[{"emails":[{"type":"OTHER"}]}]')
    decoded = json.decode(document, type=OTTReportResponse)
    assert decoded.results is not None
    message = decoded.results[0].message
    assert isinstance(message, InboundContactMessage) and message.contacts is not None
    assert message.contacts[0].emails is not None
    kind = message.contacts[0].emails[0].type
    assert isinstance(kind, InboundDetailType) and not kind.known and kind.value == "OTHER"
    assert json.decode(json.encode(decoded), type=OTTReportResponse) == decoded
    with pytest.raises(ValidationError) as caught:
        json.decode(document, type=OTTReportResponse, strict=True)
    assert caught.value.path == "$.results[0].message.contacts[0].emails[0].type"


def test_seen_report_fields_have_the_published_wire_names() -> None:
    report = SeenReport(message_id="m", from_="a", to="b", contact=ContactName(user_id="u", parent_user_id="p"))
    written = msgspec.json.decode(json.encode(SeenReports(results=[report])))
    assert written == {
        "results": [{"messageId": "m", "from": "a", "to": "b", "contact": {"userId": "u", "parentUserId": "p"}}]
    }
