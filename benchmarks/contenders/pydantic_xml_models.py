"""pydantic-xml: hand-written ``BaseXmlModel`` classes with ``element()`` and ``wrapped()``.

Each model names its tag; sub-models are elements by their own tag, lists of items
sit in a ``wrapped("messages", element(tag="message"))`` wrapper. pydantic-xml uses
lxml when it is installed, as it is here; ``to_xml(exclude_none=True)`` leaves absent
fields out, as the XML form does, and returns bytes. The models carry the same
constraints as omni_codec's.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field
from pydantic_xml import BaseXmlModel, element, wrapped

from ..data import DocType
from . import Codec, Contender
from ._wire import camel_keys

__all__ = ["contenders"]

Int32 = Annotated[int, Field(ge=-(2**31), le=2**31 - 1)]
PhoneNumber = Annotated[str, Field(pattern=r"^[0-9]+$")]


class To(BaseXmlModel, tag="to"):
    phone_number: PhoneNumber | None = element(tag="phoneNumber", default=None)
    email_address: str | None = element(tag="emailAddress", default=None)
    push_registration_id: str | None = element(tag="pushRegistrationId", default=None)
    facebook_user_key: str | None = element(tag="facebookUserKey", default=None)
    line_user_key: str | None = element(tag="lineUserKey", default=None)


class Destination(BaseXmlModel, tag="destination"):
    message_id: str | None = element(tag="messageId", default=None)
    to: To


class OmniSimpleRequest(BaseXmlModel, tag="request"):
    destinations: list[Destination] = wrapped(
        "destinations", element(tag="destination", min_length=1)
    )
    bulk_id: str | None = element(tag="bulkId", default=None)
    scenario_key: str | None = element(tag="scenarioKey", default=None)
    text: str | None = element(tag="text", default=None)
    mail_subject: str | None = element(tag="mailSubject", default=None)


class Status(BaseXmlModel, tag="status"):
    group_id: Int32 = element(tag="groupId")
    group_name: str = element(tag="groupName")
    id: Int32 = element(tag="id")
    name: str = element(tag="name")
    description: str = element(tag="description")
    action: str | None = element(tag="action", default=None)


class OmniResponseDetails(BaseXmlModel, tag="message"):
    to: To
    status: Status
    message_id: str = element(tag="messageId")


class OmniResponse(BaseXmlModel, tag="omniResponse"):
    bulk_id: str | None = element(tag="bulkId", default=None)
    messages: list[OmniResponseDetails] = wrapped("messages", element(tag="message"))


TYPES: dict[DocType, type[BaseXmlModel]] = {
    "response": OmniResponse,
    "request": OmniSimpleRequest,
}


def _encode(model: BaseXmlModel) -> bytes:
    out = model.to_xml(exclude_none=True)
    assert isinstance(out, bytes)  # the lxml backend's tostring returns bytes
    return out


def _to_wire(model: BaseXmlModel) -> Any:
    # Field names are the snake_case of the tags, so camel-casing the dump gives the wire.
    return camel_keys(model.model_dump(exclude_none=True))


def contenders() -> tuple[Contender]:
    return (
        Contender(
            key="pydantic-xml",
            label="pydantic-xml",
            role="peer",
            format="xml",
            codecs={
                doc_type: Codec(decode=cls.from_xml, encode=_encode, to_wire=_to_wire)
                for doc_type, cls in TYPES.items()
            },
            note="Model.from_xml / model.to_xml(exclude_none=True)",
        ),
    )
