"""The OMNI API's enumerations (SPEC section 4).

Each member's value is its name, which is the wire text in JSON and XML alike. The
sets are those published by Infobip's own API clients; a value outside them is a
ValidationError, because the API rejects it.
"""

from __future__ import annotations

import enum

__all__ = ["FacebookDataType", "Gender", "LineDataType", "OmniChannel", "TimeUnit"]


class OmniChannel(enum.Enum):
    """A channel a scenario step, a delivery report or a log entry refers to.

    The channels of Infobip's OpenAPI description of OMNI, plus ``PARSECO`` and
    ``FACEBOOK``, which its older clients publish (SPEC section 4).
    """

    SMS = "SMS"
    EMAIL = "EMAIL"
    VOICE = "VOICE"
    PARSECO = "PARSECO"
    PUSH = "PUSH"
    VIBER = "VIBER"
    FACEBOOK = "FACEBOOK"
    LINE = "LINE"
    VKONTAKTE = "VKONTAKTE"
    KAKAO_CHINGU = "KAKAO_CHINGU"
    KAKAO_ALIM = "KAKAO_ALIM"
    WHATSAPP = "WHATSAPP"


class TimeUnit(enum.Enum):
    """The unit of a channel payload's ``validityPeriod`` (``POST /omni/1/advanced``).

    The names are those of Java's ``java.util.concurrent.TimeUnit``, which the API's
    clients send as they are.
    """

    NANOSECONDS = "NANOSECONDS"
    MICROSECONDS = "MICROSECONDS"
    MILLISECONDS = "MILLISECONDS"
    SECONDS = "SECONDS"
    MINUTES = "MINUTES"
    HOURS = "HOURS"
    DAYS = "DAYS"


class FacebookDataType(enum.Enum):
    """What a Facebook Messenger message carries (``POST /omni/1/advanced``)."""

    TEXT = "TEXT"
    IMAGE = "IMAGE"
    AUDIO = "AUDIO"
    VIDEO = "VIDEO"
    FILE = "FILE"


class LineDataType(enum.Enum):
    """What a LINE message carries (``POST /omni/1/advanced``)."""

    TEXT = "TEXT"
    IMAGE = "IMAGE"
    VIDEO = "VIDEO"
    AUDIO = "AUDIO"
    STICKER = "STICKER"


class Gender(enum.Enum):
    """A campaign destination's gender (``/omni/1/campaigns``)."""

    FEMALE = "FEMALE"
    MALE = "MALE"
