"""``GET /omni/1/reports`` and ``GET /omni/1/logs``: what became of sent messages.

A delivery report is final (the message was delivered or failed, with an error);
a log entry is the message as it stands, with its text and sender (SPEC section 4).
Both are priced and carry the same :class:`~omni_codec.models.messages.Status` as a
send response. Field order is the XML child order.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, ClassVar

import msgspec

from .._scalars import OmniDateTime
from ._base import Int32, OmniStruct, xml_item
from .enums import OmniChannel
from .messages import Status, _StatusFields

__all__ = [
    "ContactName",
    "DeliveryReport",
    "DeliveryReports",
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
    4); their XSD bounds hold in JSON too (``OmniStruct`` checks every decimal field,
    SPEC section 6).
    """

    price_per_message: Decimal | None = None
    price_per_lookup: Decimal | None = None
    currency: str | None = None


class Error(_StatusFields, kw_only=True):
    """Why a message failed; ``groupName`` ``OK`` and ``NO_ERROR`` when it did not.

    The fields of :class:`~omni_codec.models.messages.Status` but its ``action``;
    ``permanent`` says whether retrying can help.
    """

    permanent: bool | None = None


class ContactName(OmniStruct, kw_only=True):
    """Who the end user on a chat channel is, as the channel names them: a display
    name, a number, a user ID (and its parent's), a username.

    The API attaches it to delivery reports, seen reports and inbound WhatsApp
    messages. Its OpenAPI description defines this shape twice, under two
    titles (a ``Contact`` of the reports and a ``ContactName`` of the inbound
    messages); it is one type here, named after the second, because ``Contact``
    would not say which of the API's contacts it is (the inbound and the
    WhatsApp contact cards are others).
    """

    name: str | None = None
    phone_number: str | None = None
    user_id: str | None = None
    parent_user_id: str | None = None
    username: str | None = None


class _MessageRecord(OmniStruct, kw_only=True):
    """What a delivery report and a log entry both start with: which message, to
    whom. ``to`` is the address as sent: a number or an e-mail.

    Not a wire type of its own: :class:`OMNIReport` and :class:`OmniLog` inherit
    these fields first, so they come first in both's XML. The fields both have
    after those are not shared the same way, as a log entry puts its sender and
    text between them and the XML child order is the field order.
    """

    bulk_id: str | None = None
    message_id: str | None = None
    to: str | None = None


class OMNIReport(_MessageRecord, kw_only=True):
    """One delivery report: when it was sent and done, its price and outcome."""

    sent_at: OmniDateTime | None = None
    done_at: OmniDateTime | None = None
    message_count: Int32 | None = None
    mcc_mnc: str | None = None
    price: Price | None = None
    status: Status | None = None
    error: Error | None = None
    channel: OmniChannel | None = None
    # What the sender put in the request's `callbackData`, handed back with the
    # report; and who received it on a chat channel (the OpenAPI description).
    callback_data: str | None = None
    contact: ContactName | None = None


class OMNIReportsResponse(OmniStruct, kw_only=True):
    """``GET /omni/1/reports``, and the body of the delivery-report webhook (the
    reports pushed to the request's ``notifyUrl``): the reports.

    The OpenAPI description calls it ``DeliveryReports``, an alias here; the name
    of the API's older clients stays, as the root element does.
    """

    __xml_root__: ClassVar[str] = "omniReportsResponse"
    __xml_published_root__: ClassVar[str] = "DeliveryReports"  # the description's title (SPEC section 5)

    results: Annotated[list[OMNIReport], xml_item("result")]


#: The OpenAPI description's names of the delivery report and its list: the
#: same classes as :class:`OMNIReport` and :class:`OMNIReportsResponse`.
DeliveryReport = OMNIReport
DeliveryReports = OMNIReportsResponse


class OmniLog(_MessageRecord, kw_only=True):
    """One sent message as the logs show it, with its text and sender (``from``)."""

    from_: str | None = msgspec.field(default=None, name="from")
    text: str | None = None
    sent_at: OmniDateTime | None = None
    done_at: OmniDateTime | None = None
    message_count: Int32 | None = None
    mcc_mnc: str | None = None
    price: Price | None = None
    status: Status | None = None
    channel: OmniChannel | None = None


class OmniLogsResponse(OmniStruct, kw_only=True):
    """``GET /omni/1/logs``: the log entries matching the query."""

    __xml_root__: ClassVar[str] = "omniLogsResponse"
    __xml_published_root__: ClassVar[str] = "OmniLogsResponse"  # the description's title (SPEC section 5)

    results: Annotated[list[OmniLog], xml_item("result")]
