"""``/omni/1/campaigns``: campaigns and the destinations added to them.

Field order is the order SPEC section 4 lists the fields, the XML child order.
"""

from __future__ import annotations

from typing import Annotated, ClassVar

from ._base import Int32, OmniStruct, xml_item
from .enums import Gender

__all__ = ["Campaign", "CampaignDestination", "CampaignsResponse", "Destinations"]


class Campaign(OmniStruct, kw_only=True):
    """A campaign, named by its key: the answer of ``GET /omni/1/campaigns/{key}``
    and of adding destinations to it (as Infobip's API clients publish them)."""

    __xml_root__: ClassVar[str] = "campaign"

    key: str | None = None
    name: str | None = None


class CampaignsResponse(OmniStruct, kw_only=True):
    """``GET /omni/1/campaigns``: the account's campaigns and how many there are."""

    __xml_root__: ClassVar[str] = "campaignsResponse"

    campaigns: Annotated[list[Campaign], xml_item("campaign")]
    campaign_count: Int32 | None = None


class CampaignDestination(OmniStruct, kw_only=True):
    """A person a campaign reaches, with the details its messages may use.

    Not :class:`~omni_codec.models.messages.Destination`: a campaign keeps contact
    details (``gsm``, ``email``...), not a send request's ``to``. ``birthday`` is a
    string as published, not a date.
    """

    first_name: str | None = None
    last_name: str | None = None
    middle_name: str | None = None
    gsm: str | None = None
    landline: str | None = None
    email: str | None = None
    address: str | None = None
    city: str | None = None
    country: str | None = None
    gender: Gender | None = None
    birthday: str | None = None


class Destinations(OmniStruct, kw_only=True):
    """The body that adds destinations to a campaign (``/omni/1/campaigns``).

    Its root element and its list are both ``destinations`` (SPEC section 5).
    """

    __xml_root__: ClassVar[str] = "destinations"

    destinations: Annotated[list[CampaignDestination], xml_item("destination")]
