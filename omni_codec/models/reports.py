"""``GET /omni/1/reports`` and ``GET /omni/1/logs``: what became of sent messages.

A delivery report is final (the message was delivered or failed, with an error);
a log entry is the message as it stands, with its text and sender (SPEC section 4).
Both are priced and carry the same :class:`~omni_codec.models.messages.Status` as a
send response. Field order is the XML child order.
"""

from __future__ import annotations

from decimal import Decimal

import msgspec

from .._scalars import OmniDateTime, ScalarError, check_decimal
from ..errors import ValidationError
from ._base import Int32, OmniStruct
from ._datetimes import coerce_datetimes
from .enums import OmniChannel
from .messages import Status

__all__ = [
    "Error",
    "OMNIReport",
    "OMNIReportsResponse",
    "OmniLog",
    "OmniLogsResponse",
    "Price",
]


class Price(OmniStruct, kw_only=True):
    """What a message cost, e.g. ``0.0001000000`` ``EUR``.

    The amounts are decimals so that every published digit survives (SPEC section
    4). msgspec accepts any ``Decimal`` (``NaN``, ``1e-999999999``); the XSD's bounds
    are applied here so that JSON accepts what XML can carry (SPEC section 6).
    """

    price_per_message: Decimal | None = None
    price_per_lookup: Decimal | None = None
    currency: str | None = None

    def __post_init__(self) -> None:
        amounts = (
            (self.price_per_message, "pricePerMessage"),
            (self.price_per_lookup, "pricePerLookup"),
        )
        for value, name in amounts:
            if value is not None:
                try:
                    check_decimal(value)
                except ScalarError as exc:
                    raise ValidationError(str(exc), path=f"$.{name}") from None


class Error(OmniStruct, kw_only=True):
    """Why a message failed; ``groupName`` ``OK`` and ``NO_ERROR`` when it did not.

    Required like :class:`~omni_codec.models.messages.Status`'s fields, which it
    mirrors; ``permanent`` says whether retrying can help.
    """

    group_id: Int32
    group_name: str
    id: Int32
    name: str
    description: str
    permanent: bool | None = None


class OMNIReport(OmniStruct, kw_only=True):
    """One delivery report. ``to`` is the address as sent: a number or an e-mail."""

    bulk_id: str | None = None
    message_id: str | None = None
    to: str | None = None
    sent_at: OmniDateTime | None = None
    done_at: OmniDateTime | None = None
    message_count: Int32 | None = None
    mcc_mnc: str | None = None
    price: Price | None = None
    status: Status | None = None
    error: Error | None = None
    channel: OmniChannel | None = None

    def __post_init__(self) -> None:
        coerce_datetimes(self, "sent_at", "done_at")


class OMNIReportsResponse(OmniStruct, kw_only=True):
    """``GET /omni/1/reports`` (or a report pushed to ``notifyUrl``): the reports."""

    results: list[OMNIReport]


class OmniLog(OmniStruct, kw_only=True):
    """One sent message as the logs show it, with its text and sender (``from``)."""

    bulk_id: str | None = None
    message_id: str | None = None
    to: str | None = None
    from_: str | None = msgspec.field(default=None, name="from")
    text: str | None = None
    sent_at: OmniDateTime | None = None
    done_at: OmniDateTime | None = None
    message_count: Int32 | None = None
    mcc_mnc: str | None = None
    price: Price | None = None
    status: Status | None = None
    channel: OmniChannel | None = None

    def __post_init__(self) -> None:
        coerce_datetimes(self, "sent_at", "done_at")


class OmniLogsResponse(OmniStruct, kw_only=True):
    """``GET /omni/1/logs``: the log entries matching the query."""

    results: list[OmniLog]
