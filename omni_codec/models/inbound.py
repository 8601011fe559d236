"""The inbound-message webhook: what end users send back, pushed to the
receiving server as a list of ``results``.

Each result is a :data:`MoReport`, whose ``integrationType`` says which channel
it came from and so what its ``message`` holds: a WhatsApp result carries an
:data:`InboundMessage` (text, media, location, contact cards, button and list
replies, payments, orders), a Viber one a :data:`MoMessage` (text or file), a
Facebook one a text. Both are tagged unions: the tag (``integrationType``,
``type``) is written by msgspec, not held as a field, and a missing or unknown
tag is a ValidationError at its path (OpenAPI description, SPEC section 4).

The WhatsApp contact cards here are the inbound family (``InboundContact``...),
apart from the contacts a sender puts in an outbound WhatsApp message. Field
order is the XML child order.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, ClassVar

import msgspec

from .._scalars import OmniDateTime
from ._base import Int32, OmniStruct, xml_item
from .enums import OpenEnum
from .reports import ContactName, Price

__all__ = [
    "ButtonReplyContent",
    "Context",
    "FileMessage",
    "Identity",
    "InboundAddress",
    "InboundAudioMessage",
    "InboundContact",
    "InboundContactMessage",
    "InboundDetailType",
    "InboundDocumentMessage",
    "InboundEmail",
    "InboundImageMessage",
    "InboundLocationMessage",
    "InboundMessage",
    "InboundMessageData",
    "InboundName",
    "InboundOrganization",
    "InboundPhone",
    "InboundPhoneType",
    "InboundStickerMessage",
    "InboundTextMessage",
    "InboundUnsupportedMessage",
    "InboundUrl",
    "InboundVideoMessage",
    "InboundVoiceMessage",
    "ListReplyContent",
    "MoMessage",
    "MoReport",
    "OTTReportResponse",
    "OrderContent",
    "PaymentAmount",
    "PaymentConfirmationContent",
    "PaymentCurrency",
    "PaymentStatus",
    "PaymentTransactionType",
    "ProductItem",
    "QuickReplyContent",
    "Referral",
    "ReferralMedia",
    "ReferralMediaImage",
    "ReferralMediaVideo",
    "ReferralSourceType",
    "ReferredProduct",
    "SimpleReport",
    "SimpleReportMessage",
    "SimpleReportMessageType",
    "TextMessage",
    "ViberMoReport",
]

#: An integer the OpenAPI description gives no format but a minimum of 1 (a
#: quantity, an amount): a Java ``Long``, so XML Schema's ``xs:long`` range.
_PositiveInt = Annotated[int, msgspec.Meta(ge=1, le=2**63 - 1)]


# -- Enumerations (open on decode, SPEC section 4) --------------------------------


class InboundDetailType(OpenEnum):
    """Whether a contact card's address, e-mail or web site is a home or work one."""

    HOME = "HOME"
    WORK = "WORK"


class InboundPhoneType(OpenEnum):
    """What kind of number a contact card's phone is."""

    CELL = "CELL"
    MAIN = "MAIN"
    IPHONE = "IPHONE"
    HOME = "HOME"
    WORK = "WORK"


class ReferralSourceType(OpenEnum):
    """What the user clicked to start the chat: an advertisement or a post."""

    AD = "AD"
    POST = "POST"
    UNKNOWN = "UNKNOWN"


class PaymentStatus(OpenEnum):
    """Where a WhatsApp payment stands."""

    PENDING = "PENDING"
    FAILED = "FAILED"
    SUCCESS = "SUCCESS"
    CANCELED = "CANCELED"
    UNKNOWN = "UNKNOWN"


class PaymentCurrency(OpenEnum):
    """The currency of a WhatsApp payment (the markets that have payments)."""

    INR = "INR"
    BRL = "BRL"
    UNKNOWN = "UNKNOWN"


class PaymentTransactionType(OpenEnum):
    """How a WhatsApp payment was made (UPI in India, BR in Brazil)."""

    UPI = "UPI"
    BR = "BR"
    UNKNOWN = "UNKNOWN"


class SimpleReportMessageType(OpenEnum):
    """What a Facebook Messenger message received holds: text only, so far."""

    TEXT = "TEXT"


# -- Contact cards a WhatsApp user sends --------------------------------------------


class InboundAddress(OmniStruct, kw_only=True):
    """A postal address on a contact card."""

    street: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    country: str | None = None
    country_code: str | None = None
    type: InboundDetailType | None = None


class InboundEmail(OmniStruct, kw_only=True):
    """An e-mail address on a contact card."""

    email: str | None = None
    type: InboundDetailType | None = None


class InboundName(OmniStruct, kw_only=True):
    """The name on a contact card, in parts and as displayed."""

    first_name: str | None = None
    formatted_name: str | None = None
    last_name: str | None = None
    middle_name: str | None = None
    name_suffix: str | None = None
    name_prefix: str | None = None


class InboundOrganization(OmniStruct, kw_only=True):
    """Where the person on a contact card works."""

    company: str | None = None
    department: str | None = None
    title: str | None = None


class InboundPhone(OmniStruct, kw_only=True):
    """A phone number on a contact card; ``waId`` is its WhatsApp ID, if it has one."""

    phone: str | None = None
    wa_id: str | None = None
    type: InboundPhoneType | None = None


class InboundUrl(OmniStruct, kw_only=True):
    """A web site on a contact card."""

    url: str | None = None
    type: InboundDetailType | None = None


class InboundContact(OmniStruct, kw_only=True):
    """One contact card a WhatsApp user shared."""

    addresses: Annotated[list[InboundAddress], xml_item("address")] | None = None
    birthday: OmniDateTime | None = None
    emails: Annotated[list[InboundEmail], xml_item("email")] | None = None
    name: InboundName | None = None
    org: InboundOrganization | None = None
    phones: Annotated[list[InboundPhone], xml_item("phone")] | None = None
    urls: Annotated[list[InboundUrl], xml_item("url")] | None = None


# -- What a WhatsApp message may refer to -------------------------------------------


class ReferredProduct(OmniStruct, kw_only=True):
    """The catalogue product a user's message is about."""

    catalog_id: str | None = None
    product_retailer_id: str | None = None


class Context(OmniStruct, kw_only=True):
    """What the user replied to: a message (by ID and sender) or a product."""

    id: str | None = None
    from_: str | None = msgspec.field(default=None, name="from")
    referred_product: ReferredProduct | None = None


class Identity(OmniStruct, kw_only=True):
    """A change of the user's identity key (a new phone, say), so that a sender
    who cares can check it before trusting the message."""

    acknowledged: bool | None = None
    hash: str | None = None
    created_at: OmniDateTime | None = None


class _ReferralMedia(OmniStruct, tag_field="type", kw_only=True):
    """The tagged base of :data:`ReferralMedia`; not a wire type of its own."""


class ReferralMediaImage(_ReferralMedia, tag="IMAGE", kw_only=True):
    """The image of the advertisement or post that started the chat."""

    url: str | None = None


class ReferralMediaVideo(_ReferralMedia, tag="VIDEO", kw_only=True):
    """The video of the advertisement or post that started the chat."""

    url: str | None = None


#: The media of a referral, by its ``type``.
ReferralMedia = ReferralMediaImage | ReferralMediaVideo


class Referral(OmniStruct, kw_only=True):
    """The advertisement or post a user clicked to start the chat."""

    source_type: ReferralSourceType | None = None
    source_id: str | None = None
    source_url: str | None = None
    headline: str | None = None
    body: str | None = None
    ctwa_click_id: str | None = None
    referral_media: ReferralMedia | None = None


class ProductItem(OmniStruct, kw_only=True):
    """One line of an order: a product, its unit price and how many."""

    currency: str
    item_price: Decimal
    product_retailer_id: str
    quantity: _PositiveInt


class PaymentAmount(OmniStruct, kw_only=True):
    """An amount as an integer and a power of ten to divide it by: ``value``
    12345 with ``offset`` 100 is 123.45 (so no binary fraction creeps in)."""

    value: _PositiveInt
    offset: _PositiveInt


# -- The WhatsApp message, by its `type` --------------------------------------------


class _InboundMessage(OmniStruct, tag_field="type", kw_only=True):
    """What every kind of :data:`InboundMessage` may carry; not a wire type of
    its own (its ``type`` says which kind a message is)."""

    context: Context | None = None
    identity: Identity | None = None
    referral: Referral | None = None


class _InboundMedia(_InboundMessage, kw_only=True):
    """A media file the user sent: a link to fetch it from, and its caption."""

    caption: str | None = None
    url: str | None = None


class InboundTextMessage(_InboundMessage, tag="TEXT", kw_only=True):
    """A text the user wrote."""

    text: str | None = None


class InboundImageMessage(_InboundMedia, tag="IMAGE", kw_only=True):
    """An image the user sent."""


class InboundDocumentMessage(_InboundMedia, tag="DOCUMENT", kw_only=True):
    """A document the user sent."""


class InboundVideoMessage(_InboundMedia, tag="VIDEO", kw_only=True):
    """A video the user sent."""


class InboundVoiceMessage(_InboundMedia, tag="VOICE", kw_only=True):
    """A voice note the user recorded."""


class InboundAudioMessage(_InboundMedia, tag="AUDIO", kw_only=True):
    """An audio file the user sent."""


class InboundStickerMessage(_InboundMessage, tag="STICKER", kw_only=True):
    """A sticker the user sent: a link to fetch it from."""

    url: str | None = None


class InboundLocationMessage(_InboundMessage, tag="LOCATION", kw_only=True):
    """A place the user shared; its coordinates are decimals so that every digit
    sent survives (SPEC section 4)."""

    longitude: Decimal
    latitude: Decimal
    name: str | None = None
    address: str | None = None
    url: str | None = None


class InboundContactMessage(_InboundMessage, tag="CONTACT", kw_only=True):
    """Contact cards the user shared."""

    contacts: Annotated[list[InboundContact], xml_item("contact")] | None = None


class QuickReplyContent(_InboundMessage, tag="BUTTON", kw_only=True):
    """The user tapped a quick-reply button of a template message: its text and
    the payload the sender gave it."""

    text: Annotated[str, msgspec.Meta(max_length=20)]
    payload: Annotated[str, msgspec.Meta(max_length=128)]


class ButtonReplyContent(_InboundMessage, tag="INTERACTIVE_BUTTON_REPLY", kw_only=True):
    """The user tapped a reply button of an interactive message."""

    id: Annotated[str, msgspec.Meta(max_length=256)]
    title: Annotated[str, msgspec.Meta(max_length=20)]


class ListReplyContent(_InboundMessage, tag="INTERACTIVE_LIST_REPLY", kw_only=True):
    """The user chose a row of an interactive list message."""

    id: Annotated[str, msgspec.Meta(max_length=200)]
    title: Annotated[str, msgspec.Meta(max_length=24)]
    description: Annotated[str, msgspec.Meta(max_length=72)] | None = None


class PaymentConfirmationContent(_InboundMessage, tag="INTERACTIVE_PAYMENT_CONFIRMATION", kw_only=True):
    """What became of a payment the user was asked for."""

    reference_id: Annotated[str, msgspec.Meta(min_length=1)]
    payment_id: Annotated[str, msgspec.Meta(min_length=1)]
    status: PaymentStatus
    currency: PaymentCurrency
    total_amount: PaymentAmount
    transaction_id: Annotated[str, msgspec.Meta(min_length=1)]
    transaction_type: PaymentTransactionType


class OrderContent(_InboundMessage, tag="ORDER", kw_only=True):
    """An order the user placed from a catalogue: at least one product."""

    catalog_id: str
    text: str | None = None
    product_items: Annotated[list[ProductItem], msgspec.Meta(min_length=1), xml_item("productItem")]


class InboundUnsupportedMessage(_InboundMessage, tag="UNSUPPORTED", kw_only=True):
    """A message of a kind the API does not pass on (its ``type`` is
    ``UNSUPPORTED``): only what every message may carry.

    The OpenAPI description lists ``UNSUPPORTED`` among the types but maps no
    schema to it; without this class such a message, which the API says it may
    send, would be refused as an unknown kind.
    """


#: A WhatsApp message received, by its ``type``.
InboundMessage = (
    InboundTextMessage
    | InboundImageMessage
    | InboundDocumentMessage
    | InboundStickerMessage
    | InboundLocationMessage
    | InboundContactMessage
    | InboundVideoMessage
    | InboundVoiceMessage
    | InboundAudioMessage
    | QuickReplyContent
    | ButtonReplyContent
    | ListReplyContent
    | PaymentConfirmationContent
    | OrderContent
    | InboundUnsupportedMessage
)


# -- The Viber message, by its `type` ------------------------------------------------


class _MoMessage(OmniStruct, tag_field="type", kw_only=True):
    """The tagged base of :data:`MoMessage`; not a wire type of its own."""


class TextMessage(_MoMessage, tag="TEXT", kw_only=True):
    """A text a Viber user wrote; ``trackingData`` is what the sender attached
    to the message it answers."""

    text: str | None = None
    tracking_data: str | None = None
    paired_message_id: str | None = None


class FileMessage(_MoMessage, tag="FILE", kw_only=True):
    """A file a Viber user sent: a link to fetch it from, and its name."""

    url: str | None = None
    file_name: str | None = None
    tracking_data: str | None = None
    paired_message_id: str | None = None


#: A Viber message received, by its ``type``.
MoMessage = TextMessage | FileMessage


class SimpleReportMessage(OmniStruct, kw_only=True):
    """A Facebook Messenger message received: a text (its ``type`` is a field,
    not a tag: the description gives this message one kind only)."""

    type: SimpleReportMessageType | None = None
    text: str | None = None


# -- One result, by its `integrationType` -------------------------------------------


class _MoReport(OmniStruct, tag_field="integrationType", kw_only=True):
    """Who sent what to whom and when, and what receiving it cost: the start of
    every :data:`MoReport`; not a wire type of its own.

    ``pairedMessageId`` is the message this one answers, ``callbackData`` what
    the sender attached to that message.
    """

    from_: str | None = msgspec.field(default=None, name="from")
    to: str | None = None
    received_at: OmniDateTime | None = None
    message_id: str | None = None
    paired_message_id: str | None = None
    callback_data: str | None = None
    price: Price | None = None


class InboundMessageData(_MoReport, tag="WHATSAPP", kw_only=True):
    """A WhatsApp message received, with who sent it.

    Two departures from the OpenAPI description, both for its own examples,
    which must decode strictly: ``pairedMessageId`` and ``callbackData``, which
    it gives the Viber and Facebook results only, are fields here too (its
    WhatsApp examples carry them); and ``identity`` also stands here, beside the
    one of ``message``, where its example of an identity change puts it.
    """

    message: InboundMessage | None = None
    contact: ContactName | None = None
    identity: Identity | None = None


class ViberMoReport(_MoReport, tag="VIBER", kw_only=True):
    """A Viber message received."""

    message: MoMessage | None = None


class SimpleReport(_MoReport, tag="FACEBOOK", kw_only=True):
    """A Facebook Messenger message received."""

    message: SimpleReportMessage | None = None


#: One message received, by the ``integrationType`` (channel) it came through.
MoReport = InboundMessageData | ViberMoReport | SimpleReport


class OTTReportResponse(OmniStruct, kw_only=True):
    """The body of the inbound-message webhook: the messages received, and how
    many more are waiting to be pushed.

    The OpenAPI description shows this body in JSON only; its XML root follows
    the rule every other body follows (SPEC section 5): the type's name in
    lowerCamelCase, ``<ottReportResponse>`` (also the description's own key for
    the type), holding ``<results><result>`` as the other report lists do.
    """

    __xml_root__: ClassVar[str] = "ottReportResponse"

    results: Annotated[list[MoReport], xml_item("result")] | None = None
    message_count: Int32 | None = None
    pending_message_count: Int32 | None = None
