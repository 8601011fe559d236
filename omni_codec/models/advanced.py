"""``POST /omni/1/advanced``: one request, a payload per channel (SPEC section 4).

The advanced request sends through a scenario like the simple one, but gives each
channel of the scenario its own payload. Field order is the order SPEC section 4
lists the fields, which is the XML child order on encode.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

import msgspec

from .._scalars import OmniDateTime
from ._base import Int32, Int64, OmniStruct, xml_item
from .enums import FacebookDataType, OpenEnum, TimeUnit
from .kakao import KakaoAlimData, KakaoChinguData
from .line import LineData as LineData  # defined in .line, importable from here too
from .messages import Destination
from .whatsapp import WhatsAppData

__all__ = [
    "EmailData",
    "FacebookData",
    "InAppStyle",
    "IndiaDltOptions",
    "KoreaOptions",
    "Language",
    "LanguageCode",
    "NotificationOptions",
    "OmniAdvancedRequest",
    "ParsecoData",
    "PushData",
    "RegionalData",
    "SmsData",
    "TransliterationCode",
    "VKontakteData",
    "ViberData",
    "VoiceData",
]

#: A message text that must not be empty (the SMS, voice and e-mail payloads).
#: Infobip's OpenAPI description also gives ``maxLength`` 2147483647, Java's largest
#: ``int``: the default of the annotation that asks for one character, not a limit
#: of the API, so it is not carried (no document holds 2 GiB of text).
_Text = Annotated[str, msgspec.Meta(min_length=1)]


class _ChannelData(OmniStruct, kw_only=True):
    """What every channel payload has: its text and how long it stays deliverable.

    Not a wire type of its own; the channel payloads below inherit these fields
    first, so they come first in every payload's XML, as SPEC section 4 lists them.
    """

    text: str | None = None
    validity_period: Int32 | None = None
    validity_period_time_unit: TimeUnit | None = None


class TransliterationCode(OpenEnum):
    """How an SMS's characters are replaced by ones the GSM alphabet has, so that
    the message costs fewer parts: for all languages, or one alphabet's."""

    NONE = "NONE"
    ALL = "ALL"
    BALTIC = "BALTIC"
    CENTRAL_EUROPEAN = "CENTRAL_EUROPEAN"
    COLOMBIAN = "COLOMBIAN"
    CYRILLIC = "CYRILLIC"
    GREEK = "GREEK"
    NON_UNICODE = "NON_UNICODE"
    PORTUGUESE = "PORTUGUESE"
    SERBIAN_CYRILLIC = "SERBIAN_CYRILLIC"
    TURKISH = "TURKISH"
    BULGARIAN_CYRILLIC = "BULGARIAN_CYRILLIC"


class LanguageCode(OpenEnum):
    """The national language whose GSM shift tables an SMS is encoded with, or
    ``AUTODETECT`` to let the platform choose from the text."""

    NONE = "NONE"
    TR = "TR"
    ES = "ES"
    PT = "PT"
    AUTODETECT = "AUTODETECT"


class Language(OmniStruct, kw_only=True):
    """The national language tables an SMS is encoded with (the ``sms`` payload).

    ``singleShift`` and ``lockingShift`` come from the API's older clients (SPEC
    section 4); today's API takes ``languageCode`` alone.
    """

    single_shift: bool | None = None
    locking_shift: bool | None = None
    language_code: LanguageCode | None = None


class IndiaDltOptions(OmniStruct, kw_only=True):
    """What India's DLT registry asks of every commercial SMS: the registered
    sender (``principalEntityId``) and, if any, content template and telemarketer."""

    content_template_id: str | None = None
    principal_entity_id: str
    telemarketer_id: str | None = None


class KoreaOptions(OmniStruct, kw_only=True):
    """What an SMS to Korea may add: a title (long messages show it)."""

    title: Annotated[str, msgspec.Meta(min_length=0, max_length=66)] | None = None


class RegionalData(OmniStruct, kw_only=True):
    """What some countries' regulations ask of an SMS beyond its text."""

    india_dlt: IndiaDltOptions | None = None
    korea: KoreaOptions | None = None


class SmsData(_ChannelData, kw_only=True):
    """The SMS step's payload."""

    text: _Text | None = None
    transliteration: TransliterationCode | None = None
    language: Language | None = None
    regional: RegionalData | None = None


class ParsecoData(_ChannelData, kw_only=True):
    """The Parseco step's payload: only the fields every channel has."""


class ViberData(_ChannelData, kw_only=True):
    """The Viber step's payload; the API spells ``imageURL`` and ``buttonURL`` so.

    A message carries a text, an image, a file (``fileUrl``, shown as
    ``fileName``) or a text with a button. ``trackingData`` comes back in the
    delivery report; ``forcePrimaryDevice`` delivers to the user's phone only.
    """

    image_url: Annotated[str, msgspec.Meta(min_length=0, max_length=1000)] | None = msgspec.field(
        default=None, name="imageURL"
    )
    file_name: Annotated[str, msgspec.Meta(min_length=0, max_length=25)] | None = None
    file_type: str | None = None
    # ``^(https?)://.*$`` in the description: an http(s) URL, on one line. The
    # line breaks are spelled out: Python's ``.`` takes a CR, the XSD's does not.
    file_url: Annotated[str, msgspec.Meta(pattern=r"\A(https?)://[^\r\n]*\Z")] | None = None
    button_text: Annotated[str, msgspec.Meta(min_length=0, max_length=30)] | None = None
    button_url: Annotated[str, msgspec.Meta(min_length=0, max_length=1000)] | None = msgspec.field(
        default=None, name="buttonURL"
    )
    tracking_data: Annotated[str, msgspec.Meta(min_length=0, max_length=100)] | None = None
    is_promotional: bool | None = None
    force_primary_device: bool | None = None


class VoiceData(_ChannelData, kw_only=True):
    """The voice step's payload; ``language`` is the text-to-speech language code."""

    text: _Text | None = None
    language: str | None = None


class EmailData(_ChannelData, kw_only=True):
    """The e-mail step's payload."""

    text: _Text | None = None
    subject: str | None = None


class InAppStyle(OpenEnum):
    """How an application shows a push message while it is open."""

    BANNER = "BANNER"
    MODAL = "MODAL"


class NotificationOptions(OmniStruct, kw_only=True):
    """How a mobile device presents a push notification.

    ``inAppStyle`` is how the open application shows it, ``webViewUrl`` a page
    it opens, ``inboxTopic`` the application inbox topic it is filed under;
    a silent notification (``isSilent``) is not shown at all.
    """

    vibration_enabled: bool | None = None
    sound_enabled: bool | None = None
    sound_name: str | None = None
    badge: Int32 | None = None
    content_url: str | None = None
    category: str | None = None
    in_app_style: InAppStyle | None = None
    title: str | None = None
    is_silent: bool | None = None
    web_view_url: str | None = None
    inbox_topic: str | None = None


class PushData(_ChannelData, kw_only=True):
    """The push step's payload.

    ``customPayload`` is handed to the application as it is, so any JSON object is
    allowed (SPEC section 5 gives its XML form). The subscriptions narrow the
    devices reached to those of people or devices subscribed to the named
    topics; the API takes each name once.
    """

    text: Annotated[str, msgspec.Meta(min_length=1, max_length=2000)] | None = None
    custom_payload: dict[str, Any] | None = None
    notification_options: NotificationOptions | None = None
    target_only_primary_devices: bool | None = None
    include_notifications_disabled_devices: bool | None = None
    person_subscriptions: Annotated[list[str], xml_item("personSubscription")] | None = None
    device_subscriptions: Annotated[list[str], xml_item("deviceSubscription")] | None = None


class FacebookData(_ChannelData, kw_only=True):
    """The Facebook Messenger step's payload; ``url`` locates a media message's file."""

    type: FacebookDataType | None = None
    url: str | None = None


class VKontakteData(_ChannelData, kw_only=True):
    """The VKontakte step's payload: a template, filled with free-form JSON data."""

    template_name: str | None = None
    template_data: dict[str, Any] | None = None


class OmniAdvancedRequest(OmniStruct, kw_only=True):
    """``POST /omni/1/advanced``: a message per channel, to one or more destinations.

    Unlike :class:`~omni_codec.models.messages.OmniSimpleRequest`, a destination may
    be addressed by any of its channels' addresses (an e-mail address, a push
    registration ID...), so no address is required here.

    ``parseco`` and ``facebook`` are the older clients' channels (SPEC section 4);
    today's API adds WhatsApp and Kakao.
    """

    __xml_root__: ClassVar[str] = "request"  # as every request (SPEC section 5)
    __xml_published_root__: ClassVar[str] = "OmniAdvancedRequest"  # the description's title (SPEC section 5)

    destinations: Annotated[list[Destination], msgspec.Meta(min_length=1), xml_item("destination")]
    bulk_id: str | None = None
    scenario_key: str | None = None
    sms: SmsData | None = None
    parseco: ParsecoData | None = None
    whats_app: WhatsAppData | None = None
    viber: ViberData | None = None
    voice: VoiceData | None = None
    email: EmailData | None = None
    push: PushData | None = None
    facebook: FacebookData | None = None
    line: LineData | None = None
    kakao_chingu: KakaoChinguData | None = None
    kakao_alim: KakaoAlimData | None = None
    v_kontakte: VKontakteData | None = None
    notify: bool | None = None
    intermediate_report: bool | None = None
    notify_url: str | None = None
    notify_content_type: str | None = None
    callback_data: Annotated[str, msgspec.Meta(min_length=0, max_length=4000)] | None = None
    send_at: OmniDateTime | None = None
