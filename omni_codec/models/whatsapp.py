"""The WhatsApp payload of ``POST /omni/1/advanced`` (SPEC section 4).

One payload type holds every kind of WhatsApp message: which fields are set says
which kind it is (a free text, a template filled with ``templateData``, a media
template, an image, a document, a location, contact cards...). The API publishes
no ``type`` to tell them apart, so they stay one Struct.

The contact card types share their names with the inbound message family's, so
they are prefixed ``WhatsApp`` here. Field order is the XML child order.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import msgspec

from .._scalars import ScalarError, check_decimal
from ..errors import ValidationError
from ._base import Int32, OmniStruct, xml_item
from .enums import TimeUnit

__all__ = [
    "MediaTemplateBodyContent",
    "MediaTemplateButtonContent",
    "MediaTemplateData",
    "MediaTemplateHeaderContent",
    "WhatsAppAddress",
    "WhatsAppContact",
    "WhatsAppData",
    "WhatsAppEmail",
    "WhatsAppName",
    "WhatsAppOrganization",
    "WhatsAppPhone",
    "WhatsAppUrl",
]

# A media file's address, as long as WhatsApp takes it.
_MediaUrl = Annotated[str, msgspec.Meta(min_length=0, max_length=2048)]


def _check_coordinates(value: object, names: tuple[str, ...]) -> None:
    """Refuse a coordinate the XML form cannot carry (``NaN``, too many digits).

    msgspec accepts any ``Decimal``; the XSD's decimal bounds apply here so that
    JSON accepts what XML can write, as for prices (SPEC section 6). The ranges
    of latitude and longitude (±90, ±180) are the API's to check: the codec
    carries no bounds on decimals.
    """
    for name in names:
        coordinate = getattr(value, name)
        if coordinate is not None:
            try:
                check_decimal(coordinate)
            except ScalarError as exc:
                raise ValidationError(str(exc), path=f"$.{name}") from None


class MediaTemplateHeaderContent(OmniStruct, kw_only=True):
    """The header of a media template: one of a text placeholder, a document, an
    image, a video or a location, as the template was approved with.

    Every field is optional although Infobip's OpenAPI description lists all of
    them as required: a header is of one kind, and the description's own examples
    give only ``imageUrl``.
    """

    text_placeholder: str | None = None
    document_url: str | None = None
    document_filename: str | None = None
    image_url: str | None = None
    video_url: str | None = None
    latitude: Decimal | None = None
    longitude: Decimal | None = None

    def __post_init__(self) -> None:
        _check_coordinates(self, ("latitude", "longitude"))


class MediaTemplateBodyContent(OmniStruct, kw_only=True):
    """The values of a media template's body placeholders, in order."""

    placeholders: Annotated[list[str], xml_item("placeholder")]


class MediaTemplateButtonContent(OmniStruct, kw_only=True):
    """A media template button's value: the end of a link button's URL, or what a
    quick reply button sends back."""

    url_placeholder: Annotated[str, msgspec.Meta(min_length=0, max_length=1500)] | None = None
    quick_reply_payload: Annotated[str, msgspec.Meta(min_length=0, max_length=128)] | None = None


class MediaTemplateData(OmniStruct, kw_only=True):
    """What fills a media template: its header, body and buttons."""

    header: MediaTemplateHeaderContent | None = None
    body: MediaTemplateBodyContent
    buttons: Annotated[list[MediaTemplateButtonContent], xml_item("button")] | None = None


class WhatsAppAddress(OmniStruct, kw_only=True):
    """A postal address of a contact card; ``type`` is free text (``HOME``, ``WORK``)."""

    street: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    country: str | None = None
    country_code: str | None = None
    type: str | None = None


class WhatsAppEmail(OmniStruct, kw_only=True):
    """An e-mail address of a contact card."""

    email: str | None = None
    type: str | None = None


class WhatsAppName(OmniStruct, kw_only=True):
    """A contact card's name: WhatsApp shows ``formattedName``, and needs a first name."""

    first_name: str
    last_name: str | None = None
    middle_name: str | None = None
    name_suffix: str | None = None
    name_prefix: str | None = None
    formatted_name: str


class WhatsAppOrganization(OmniStruct, kw_only=True):
    """Where a contact works."""

    company: str | None = None
    department: str | None = None
    title: str | None = None


class WhatsAppPhone(OmniStruct, kw_only=True):
    """A phone number of a contact card; ``waId`` is its WhatsApp ID, if it has one."""

    phone: str | None = None
    type: str | None = None
    wa_id: str | None = None


class WhatsAppUrl(OmniStruct, kw_only=True):
    """A web address of a contact card."""

    url: str | None = None
    type: str | None = None


class WhatsAppContact(OmniStruct, kw_only=True):
    """A contact card sent in a WhatsApp message; only its name is needed.

    ``birthday`` is a date (``2016-01-01``) that the API passes on as text.
    """

    addresses: Annotated[list[WhatsAppAddress], xml_item("address")] | None = None
    birthday: str | None = None
    emails: Annotated[list[WhatsAppEmail], xml_item("email")] | None = None
    name: WhatsAppName
    org: WhatsAppOrganization | None = None
    phones: Annotated[list[WhatsAppPhone], xml_item("phone")] | None = None
    urls: Annotated[list[WhatsAppUrl], xml_item("url")] | None = None


class WhatsAppData(OmniStruct, kw_only=True):
    """The WhatsApp step's payload.

    The fields every channel payload has come first. A template message names
    the template (``templateNamespace``, ``templateName``, ``language``) and fills
    it with ``templateData`` or, for a media template, ``mediaTemplateData``; the
    other kinds set their own fields. ``text`` is the message or a media caption.

    ``text`` and ``mediaTemplateData`` are optional although Infobip's OpenAPI
    description lists them as required: no message has both, and the
    description's own examples leave out one or the other (or both).
    ``longitude`` and ``latitude`` are decimals, so that every digit sent survives.
    """

    text: str | None = None
    validity_period: Int32 | None = None
    validity_period_time_unit: TimeUnit | None = None
    template_namespace: str | None = None
    template_name: str | None = None
    # Each item is one value; "data" reads as a singular too, and the item name
    # is then the one the description's XML examples use.
    template_data: Annotated[list[str], xml_item("templateData")] | None = None
    media_template_data: MediaTemplateData | None = None
    language: str | None = None
    file_url: _MediaUrl | None = None
    image_url: _MediaUrl | None = None
    audio_url: _MediaUrl | None = None
    video_url: _MediaUrl | None = None
    location_name: Annotated[str, msgspec.Meta(min_length=0, max_length=1000)] | None = None
    address: Annotated[str, msgspec.Meta(min_length=0, max_length=1000)] | None = None
    longitude: Decimal | None = None
    latitude: Decimal | None = None
    preview_url: bool | None = None
    contacts: Annotated[list[WhatsAppContact], xml_item("contact")] | None = None

    def __post_init__(self) -> None:
        _check_coordinates(self, ("longitude", "latitude"))
