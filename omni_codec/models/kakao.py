"""The Kakao payloads of ``POST /omni/1/advanced``: AlimTalk and ChinguTalk (SPEC section 4).

Both carry up to five buttons, and what a button needs depends on what it does: a
link button its URLs, an app button its schemes, a chatbot button its event. The
API says which kind a button is by its ``type``, so each kind is its own Struct and
a button is a tagged union of them: msgspec reads ``type`` to choose the Struct and
writes it back as the tag, so ``type`` is not a field of any button class. A button
without a ``type``, or with one the API does not define, is a ValidationError at
``$...buttons[i].type``. The tags are the members of :class:`KakaoAlimButtonType`
and :class:`KakaoChinguButtonType` (which a test keeps in step with the unions).

Field order is the XML child order.
"""

from __future__ import annotations

from typing import Annotated

import msgspec

from ._base import Int32, OmniStruct, xml_item
from .enums import OpenEnum, TimeUnit

__all__ = [
    "KakaoAlimAddChannelButton",
    "KakaoAlimAppLinkButton",
    "KakaoAlimBotKeywordButton",
    "KakaoAlimButton",
    "KakaoAlimButtonBase",
    "KakaoAlimButtonType",
    "KakaoAlimChatbotSwitchButton",
    "KakaoAlimData",
    "KakaoAlimDeliveryTrackingAlimButton",
    "KakaoAlimMessageDeliveryButton",
    "KakaoAlimUrlButton",
    "KakaoChinguAppLinkButton",
    "KakaoChinguBotKeywordButton",
    "KakaoChinguButton",
    "KakaoChinguButtonBase",
    "KakaoChinguButtonType",
    "KakaoChinguData",
    "KakaoChinguMessageDeliveryButton",
    "KakaoChinguUrlButton",
]

# A button's label: at most 28 characters, as Kakao shows them.
_ButtonText = Annotated[str, msgspec.Meta(min_length=1, max_length=28)]
# A button's link or app scheme.
_Link = Annotated[str, msgspec.Meta(min_length=1, max_length=500)]


class KakaoAlimButtonType(OpenEnum):
    """The kinds of AlimTalk button: the ``type`` tags of :data:`KakaoAlimButton`.

    Decoding a button never yields this enumeration (the tag picks the class); it
    names the kinds for code that lists or builds them.
    """

    URL = "URL"
    APP_LINK = "APP_LINK"
    DELIVERY_TRACKING = "DELIVERY_TRACKING"
    CHATBOT_SWITCH = "CHATBOT_SWITCH"
    MESSAGE_DELIVERY = "MESSAGE_DELIVERY"
    BOT_KEYWORD = "BOT_KEYWORD"
    ADD_CHANNEL = "ADD_CHANNEL"


class KakaoChinguButtonType(OpenEnum):
    """The kinds of ChinguTalk button: the ``type`` tags of :data:`KakaoChinguButton`."""

    URL = "URL"
    APP_LINK = "APP_LINK"
    BOT_KEYWORD = "BOT_KEYWORD"
    MESSAGE_DELIVERY = "MESSAGE_DELIVERY"


class KakaoAlimButtonBase(OmniStruct, tag_field="type", kw_only=True):
    """What every AlimTalk button has: its label. Not a button itself: a button is
    one of the kinds of :data:`KakaoAlimButton`, which ``type`` tells apart."""

    button_text: _ButtonText


class KakaoAlimUrlButton(KakaoAlimButtonBase, tag="URL", kw_only=True):
    """Opens a web page: one URL for phones, one for computers.

    ``buttonUrl`` is the older single URL, still accepted by the API. ``target``
    takes only ``out`` (open outside the Kakao app), so it is a pattern rather
    than an open enumeration: any other text is refused.
    """

    button_url: _Link | None = None
    button_url_mobile: _Link | None = None
    button_url_pc: _Link | None = None
    target: Annotated[str, msgspec.Meta(pattern=r"\Aout\Z")] | None = None


class KakaoAlimAppLinkButton(KakaoAlimButtonBase, tag="APP_LINK", kw_only=True):
    """Opens an app by its Android or iOS scheme, with web pages to fall back on."""

    android_scheme: _Link | None = None
    ios_scheme: _Link | None = None
    button_url_mobile: _Link | None = None
    button_url_pc: _Link | None = None


class KakaoAlimDeliveryTrackingAlimButton(KakaoAlimButtonBase, tag="DELIVERY_TRACKING", kw_only=True):
    """Shows the delivery tracking of the parcel the template names."""


class KakaoAlimChatbotSwitchButton(KakaoAlimButtonBase, tag="CHATBOT_SWITCH", kw_only=True):
    """Hands the conversation to a chatbot, with the event and data it starts from."""

    chat_extra: Annotated[str, msgspec.Meta(min_length=0, max_length=50)]
    chat_event: Annotated[str, msgspec.Meta(min_length=0, max_length=50)]


class KakaoAlimMessageDeliveryButton(KakaoAlimButtonBase, tag="MESSAGE_DELIVERY", kw_only=True):
    """Sends the button's label back to the sender as a message."""


class KakaoAlimBotKeywordButton(KakaoAlimButtonBase, tag="BOT_KEYWORD", kw_only=True):
    """Sends the button's label to the sender's bot as a keyword."""


class KakaoAlimAddChannelButton(KakaoAlimButtonBase, tag="ADD_CHANNEL", kw_only=True):
    """Adds the sender's Kakao channel to the user's friends."""


#: An AlimTalk button, one kind per ``type`` (see :class:`KakaoAlimButtonType`).
KakaoAlimButton = (
    KakaoAlimUrlButton
    | KakaoAlimAppLinkButton
    | KakaoAlimDeliveryTrackingAlimButton
    | KakaoAlimChatbotSwitchButton
    | KakaoAlimMessageDeliveryButton
    | KakaoAlimBotKeywordButton
    | KakaoAlimAddChannelButton
)


class KakaoChinguButtonBase(OmniStruct, tag_field="type", kw_only=True):
    """What every ChinguTalk button has: its label. A button is one of the kinds
    of :data:`KakaoChinguButton`, which ``type`` tells apart."""

    button_text: _ButtonText


class KakaoChinguUrlButton(KakaoChinguButtonBase, tag="URL", kw_only=True):
    """Opens a web page."""

    button_url: _Link


class KakaoChinguAppLinkButton(KakaoChinguButtonBase, tag="APP_LINK", kw_only=True):
    """Opens an app: both schemes are needed, the user's phone picks one."""

    android_scheme: _Link
    ios_scheme: _Link


class KakaoChinguMessageDeliveryButton(KakaoChinguButtonBase, tag="MESSAGE_DELIVERY", kw_only=True):
    """Sends the button's label back to the sender as a message."""


class KakaoChinguBotKeywordButton(KakaoChinguButtonBase, tag="BOT_KEYWORD", kw_only=True):
    """Sends the button's label to the sender's bot as a keyword."""


#: A ChinguTalk button, one kind per ``type`` (see :class:`KakaoChinguButtonType`).
KakaoChinguButton = (
    KakaoChinguUrlButton
    | KakaoChinguAppLinkButton
    | KakaoChinguMessageDeliveryButton
    | KakaoChinguBotKeywordButton
)

# One to five buttons per message, in both payloads.
_Buttons = msgspec.Meta(min_length=1, max_length=5)


class KakaoAlimData(OmniStruct, kw_only=True):
    """The Kakao AlimTalk step's payload: a message filled into a template Kakao
    approved beforehand (``templateCode``), for notices such as an order's status.

    The fields every channel payload has come first, as in the other payloads.
    """

    text: Annotated[str, msgspec.Meta(min_length=1, max_length=1000)] | None = None
    validity_period: Int32 | None = None
    validity_period_time_unit: TimeUnit | None = None
    template_code: Annotated[str, msgspec.Meta(min_length=1, max_length=30)] | None = None
    buttons: Annotated[list[KakaoAlimButton], _Buttons, xml_item("button")] | None = None
    title: Annotated[str, msgspec.Meta(min_length=0, max_length=50)] | None = None
    group_key: str | None = None


class KakaoChinguData(OmniStruct, kw_only=True):
    """The Kakao ChinguTalk step's payload: a free message, to users who added the
    sender's channel, with an optional image (``imageLink`` opens when it is tapped).

    ``imageUrl`` is optional although Infobip's OpenAPI description lists it as
    required: its own text and button examples have no image.
    """

    text: str
    validity_period: Int32 | None = None
    validity_period_time_unit: TimeUnit | None = None
    buttons: Annotated[list[KakaoChinguButton], _Buttons, xml_item("button")] | None = None
    image_url: Annotated[str, msgspec.Meta(min_length=1, max_length=250)] | None = None
    image_link: Annotated[str, msgspec.Meta(min_length=1, max_length=250)] | None = None
    is_promotional: bool | None = None
