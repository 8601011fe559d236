"""The seen-report webhook: the API tells the sender's server that a message was
read, on the channels that say so (WhatsApp, Viber...).

It is pushed like a delivery report, as a list of ``results``, and says when the
message was sent and when it was seen. Field order is the XML child order.
"""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from .._scalars import OmniDateTime
from ._base import OmniStruct, xml_item
from .reports import ContactName

__all__ = ["SeenReport", "SeenReports"]


class SeenReport(OmniStruct, kw_only=True):
    """One message that its recipient has seen.

    ``sendAt`` (so spelled on the wire) is when the message was sent; ``from`` is
    the sender, hence the attribute ``from_``.
    """

    message_id: str | None = None
    from_: str | None = msgspec.field(default=None, name="from")
    to: str | None = None
    send_at: OmniDateTime | None = None
    seen_at: OmniDateTime | None = None
    contact: ContactName | None = None


class SeenReports(OmniStruct, kw_only=True):
    """The body of the seen-report webhook: the reports.

    The OpenAPI description shows this body in JSON only; its XML root follows
    the rule every other body follows (SPEC section 5): the type's name in
    lowerCamelCase, ``<seenReports>``, holding ``<results><result>`` as the
    delivery reports do.
    """

    __xml_root__: ClassVar[str] = "seenReports"
    __xml_published_root__: ClassVar[str] = "SeenReports"  # the description's title (SPEC section 5)

    results: Annotated[list[SeenReport], xml_item("result")] | None = None
