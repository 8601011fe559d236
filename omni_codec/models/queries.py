"""The query parameters of the GET endpoints, as models (``omni_codec.query``).

A server checks a request's query with ``omni_codec.query.decode(qs, type=...)``;
a client builds one with ``omni_codec.query.encode(value)``. The parameters, their
types, bounds and enumerations are those of Infobip's OpenAPI description of OMNI
(scenarios, reports, logs) and, for campaigns, of Infobip's Java API client
(``GetCampaigns``: ``limit`` and ``page``). Field order is the order the
description lists the parameters, which is the order :func:`omni_codec.query.encode`
writes them. Every parameter is optional there, so every field is.

A list field is a parameter the description declares as an array (``style: form``,
``explode: true``): one ``key=value`` pair per item, as the Java client's
``String[]`` parameters send them. Its ``xml_item`` names nothing on the wire of a
query; every list of a model needs one (SPEC section 5) for the JSON and XML
forms of the model.
"""

from __future__ import annotations

from typing import Annotated

import msgspec

from .._scalars import OmniDateTime
from ._base import OmniStruct, xml_item
from .enums import OmniChannel, OpenEnum

__all__ = ["CampaignsQuery", "GeneralStatus", "LogsQuery", "ReportsQuery", "ScenariosQuery"]

_INT32_MIN, _INT32_MAX = -(2**31), 2**31 - 1

#: ``format: int32, minimum: 0`` (scenarios' ``limit`` and ``page``).
_Count = Annotated[int, msgspec.Meta(ge=0, le=_INT32_MAX)]
#: ``format: int32, maximum: 1000`` (reports' and logs' ``limit``; the description
#: gives no minimum, so the int32 one stands).
_Limit = Annotated[int, msgspec.Meta(ge=_INT32_MIN, le=1000)]
#: A repeated parameter holds at least one value: no pair says "none" (an empty
#: list would be written as nothing, which reads back as absent).
_AT_LEAST_ONE = msgspec.Meta(min_length=1)
#: ``format: int32`` without bounds (the campaigns' ``limit`` and ``page``).
_Int32 = Annotated[int, msgspec.Meta(ge=_INT32_MIN, le=_INT32_MAX)]


class GeneralStatus(OpenEnum):
    """A message's status group, the logs' ``generalStatus`` filter (the
    description's ``IpCoreGeneralStatus``; the group names of SPEC section 3)."""

    ACCEPTED = "ACCEPTED"
    PENDING = "PENDING"
    UNDELIVERABLE = "UNDELIVERABLE"
    DELIVERED = "DELIVERED"
    EXPIRED = "EXPIRED"
    REJECTED = "REJECTED"


class ScenariosQuery(OmniStruct, kw_only=True):
    """``GET /omni/1/scenarios``: the default scenario only, and paging
    (the API's defaults: ``limit`` 100, ``page`` 0)."""

    is_default: bool | None = None
    limit: _Count | None = None
    page: _Count | None = None


class ReportsQuery(OmniStruct, kw_only=True):
    """``GET /omni/1/reports``: which delivery reports to fetch (``limit``: the
    API's default 50, at most 1000)."""

    bulk_id: str | None = None
    message_id: str | None = None
    limit: _Limit | None = None
    channel: OmniChannel | None = None


class LogsQuery(OmniStruct, kw_only=True):
    """``GET /omni/1/logs``: which message logs to fetch.

    ``bulkId`` and ``messageId`` may be repeated, one value each; ``sentSince``
    and ``sentUntil`` are datetimes in the published form (SPEC section 4).
    """

    from_: str | None = msgspec.field(default=None, name="from")
    to: str | None = None
    bulk_id: Annotated[list[str], xml_item("bulkId"), _AT_LEAST_ONE] | None = None
    message_id: Annotated[list[str], xml_item("messageId"), _AT_LEAST_ONE] | None = None
    general_status: GeneralStatus | None = None
    channel: OmniChannel | None = None
    sent_since: OmniDateTime | None = None
    sent_until: OmniDateTime | None = None
    limit: _Limit | None = None
    mcc: str | None = None
    mnc: str | None = None


class CampaignsQuery(OmniStruct, kw_only=True):
    """``GET /omni/1/campaigns`` (as Infobip's API clients publish it): paging."""

    limit: _Int32 | None = None
    page: _Int32 | None = None
