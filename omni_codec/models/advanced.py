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
from .enums import FacebookDataType, TimeUnit
from .line import LineData as LineData  # defined in .line, importable from here too
from .messages import Destination

__all__ = [
    "EmailData",
    "FacebookData",
    "Language",
    "NotificationOptions",
    "OmniAdvancedRequest",
    "ParsecoData",
    "PushData",
    "SmsData",
    "VKontakteData",
    "ViberData",
    "VoiceData",
]


class _ChannelData(OmniStruct, kw_only=True):
    """What every channel payload has: its text and how long it stays deliverable.

    Not a wire type of its own; the channel payloads below inherit these fields
    first, so they come first in every payload's XML, as SPEC section 4 lists them.
    """

    text: str | None = None
    validity_period: Int32 | None = None
    validity_period_time_unit: TimeUnit | None = None


class Language(OmniStruct, kw_only=True):
    """The national language tables an SMS is encoded with (the ``sms`` payload)."""

    single_shift: bool | None = None
    locking_shift: bool | None = None
    language_code: str | None = None


class SmsData(_ChannelData, kw_only=True):
    """The SMS step's payload."""

    transliteration: str | None = None
    language: Language | None = None


class ParsecoData(_ChannelData, kw_only=True):
    """The Parseco step's payload: only the fields every channel has."""


class ViberData(_ChannelData, kw_only=True):
    """The Viber step's payload; the API spells ``imageURL`` and ``buttonURL`` so."""

    image_url: str | None = msgspec.field(default=None, name="imageURL")
    button_text: str | None = None
    button_url: str | None = msgspec.field(default=None, name="buttonURL")
    is_promotional: bool | None = None


class VoiceData(_ChannelData, kw_only=True):
    """The voice step's payload; ``language`` is the text-to-speech language code."""

    language: str | None = None


class EmailData(_ChannelData, kw_only=True):
    """The e-mail step's payload."""

    subject: str | None = None


class NotificationOptions(OmniStruct, kw_only=True):
    """How a mobile device presents a push notification."""

    vibration_enabled: bool | None = None
    sound_enabled: bool | None = None
    sound_name: str | None = None
    badge: Int32 | None = None
    content_url: str | None = None
    category: str | None = None


class PushData(_ChannelData, kw_only=True):
    """The push step's payload.

    ``customPayload`` is handed to the application as it is, so any JSON object is
    allowed (SPEC section 5 gives its XML form).
    """

    custom_payload: dict[str, Any] | None = None
    notification_options: NotificationOptions | None = None


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
    """

    __xml_root__: ClassVar[str] = "request"  # as every request (SPEC section 5)
    __xml_published_root__: ClassVar[str] = "OmniAdvancedRequest"  # the description's title (SPEC section 5)

    destinations: Annotated[list[Destination], msgspec.Meta(min_length=1), xml_item("destination")]
    bulk_id: str | None = None
    scenario_key: str | None = None
    sms: SmsData | None = None
    parseco: ParsecoData | None = None
    viber: ViberData | None = None
    voice: VoiceData | None = None
    email: EmailData | None = None
    push: PushData | None = None
    facebook: FacebookData | None = None
    line: LineData | None = None
    v_kontakte: VKontakteData | None = None
    notify: bool | None = None
    intermediate_report: bool | None = None
    notify_url: str | None = None
    notify_content_type: str | None = None
    callback_data: str | None = None
    send_at: OmniDateTime | None = None
