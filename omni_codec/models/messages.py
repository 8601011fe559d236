"""The types of the source document, "OMNI: Send simple message" (SPEC section 3).

Field order is the order of the source document's examples, which is the XML child
order on encode.
"""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from ._base import Int32, OmniStruct, PhoneNumber, xml_item

__all__ = [
    "Destination",
    "OmniResponse",
    "OmniResponseDetails",
    "OmniSimpleRequest",
    "Status",
    "To",
]


class To(OmniStruct, kw_only=True):
    """A destination address.

    Every address is optional here because other OMNI requests may address a
    destination by e-mail, push registration, WhatsApp user ID or a chat user key
    alone; :class:`OmniSimpleRequest` adds the rule that its destinations have a
    phone number. ``facebookUserKey`` and ``lineUserKey`` come from the API's older
    clients (SPEC section 4) and stay, after the OpenAPI description's four.
    """

    phone_number: PhoneNumber | None = None
    email_address: str | None = None
    push_registration_id: str | None = None
    # A WhatsApp user can be addressed by an ID instead of a number (the OpenAPI
    # description's `To`); the wire name is what camel-casing gives.
    whats_app_user_id: str | None = None
    facebook_user_key: str | None = None
    line_user_key: str | None = None


class Destination(OmniStruct, kw_only=True):
    """One recipient of a request, optionally with the message ID to use for it."""

    message_id: str | None = None
    to: To


class OmniSimpleRequest(OmniStruct, kw_only=True):
    """``POST /omni/1/text``: one text to one or more destinations."""

    __xml_root__: ClassVar[str] = "request"  # as in the source document (SPEC section 5)
    # "phoneNumber required" (the source document's parameter list) applies to this
    # request only; it cannot be a type constraint on the shared ``To``.
    __required_paths__: ClassVar[tuple[str, ...]] = ("destinations.to.phone_number",)

    destinations: Annotated[list[Destination], msgspec.Meta(min_length=1), xml_item("destination")]
    bulk_id: str | None = None
    scenario_key: str | None = None
    text: str | None = None
    mail_subject: str | None = None


class _StatusFields(OmniStruct, kw_only=True):
    """What a status and an error both say: a group and a code, each with a name,
    and a description; all required.

    Not a wire type of its own: :class:`Status` and
    :class:`~omni_codec.models.reports.Error` inherit these fields first, so they
    come first in both's XML, as the API writes them.
    """

    group_id: Int32
    group_name: str
    id: Int32
    name: str
    description: str


class Status(_StatusFields, kw_only=True):
    """A message status; unknown group IDs and names decode as they are (SPEC 3)."""

    action: str | None = None


class OmniResponseDetails(OmniStruct, kw_only=True):
    """The outcome for one destination of a request."""

    to: To
    status: Status
    message_id: str


class OmniResponse(OmniStruct, kw_only=True):
    """The answer to a send request: one entry per message."""

    __xml_root__: ClassVar[str] = "omniResponse"
    __xml_published_root__: ClassVar[str] = "OmniResponse"  # the description's title (SPEC section 5)

    bulk_id: str | None = None
    messages: Annotated[list[OmniResponseDetails], xml_item("message")]
