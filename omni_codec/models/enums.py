"""The OMNI API's enumerations (SPEC section 4), open on decode.

Each member's value is its name, which is the wire text in JSON and XML alike. The
members are the values Infobip's OpenAPI description of OMNI and its API clients
publish. The API keeps adding values (a new channel, say), so every enumeration is
an :class:`OpenEnum`: a value the models do not know decodes in the default mode
as an *unknown value* of the enumeration, which keeps its text through any round
trip; ``strict=True`` rejects it with its path.
"""

from __future__ import annotations

import enum
from typing import Any

__all__ = [
    "FacebookDataType",
    "Gender",
    "LineDataType",
    "OmniChannel",
    "OpenEnum",
    "TimeUnit",
]


class OpenEnum(enum.Enum):
    """An enumeration that holds any text, known or not (SPEC section 4).

    The members are the known values. Calling the class with another ``str``
    (``OmniChannel("RCS")``), as the decoders do for a value they do not know,
    gives an *unknown value*: an instance of the same class whose ``value`` (and
    ``name``) is that text and whose :attr:`known` is false. So a field keeps its
    type (``OmniChannel | None``), and code that handles the known members needs
    a default branch for the rest, as a client of a growing API does.

    Unknown values compare by their text (``OmniChannel("RCS") ==
    OmniChannel("RCS")``, never equal to a member or to a plain ``str``), hash
    alike, pickle and copy; they are not kept by the class, so decoding any
    number of them holds no memory. A known value's text is always its member:
    ``OmniChannel("SMS") is OmniChannel.SMS``.

    Why not ``OmniChannel | str``: msgspec cannot decode a union of an enum and
    another string type, and a decode hook for every value would slow every
    decode; msgspec calls :meth:`_missing_` only for a value it does not know.
    """

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if type(value) is not str:
            return None  # not a wire text: the usual ValueError
        unknown = object.__new__(cls)
        unknown._value_ = value
        unknown._name_ = value
        return unknown

    @property
    def known(self) -> bool:
        """Whether this is one of the members, not a value the models do not know."""
        return type(self)._value2member_map_.get(self._value_) is self

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        # Members are unique (one per text); only unknown values need the text.
        if isinstance(other, OpenEnum) and type(other) is type(self):
            return bool(self._value_ == other._value_)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._value_)

    def __repr__(self) -> str:
        if self.known:
            return super().__repr__()
        return f"{type(self).__name__}({self._value_!r})"


class OmniChannel(OpenEnum):
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


class TimeUnit(OpenEnum):
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


class FacebookDataType(OpenEnum):
    """What a Facebook Messenger message carries (``POST /omni/1/advanced``)."""

    TEXT = "TEXT"
    IMAGE = "IMAGE"
    AUDIO = "AUDIO"
    VIDEO = "VIDEO"
    FILE = "FILE"


class LineDataType(OpenEnum):
    """What a LINE message carries (``POST /omni/1/advanced``); ``FLEX`` is a Flex
    message (see :mod:`omni_codec.models.line`)."""

    TEXT = "TEXT"
    IMAGE = "IMAGE"
    VIDEO = "VIDEO"
    AUDIO = "AUDIO"
    STICKER = "STICKER"
    FLEX = "FLEX"


class Gender(OpenEnum):
    """A campaign destination's gender (``/omni/1/campaigns``)."""

    FEMALE = "FEMALE"
    MALE = "MALE"
