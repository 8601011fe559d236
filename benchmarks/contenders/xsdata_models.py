"""xsdata: hand-written dataclasses with xsdata field metadata, as its generator writes them.

Each field says its element name and kind in ``metadata``; lists use xsdata's
``wrapper`` for the ``<messages>``/``<destinations>`` element around the items. One
``XmlContext`` is shared by the parser and the serializer so that the models are
inspected once, as the xsdata documentation advises. The parser is xsdata's default
(lxml events); ``render`` returns ``str``, which the encoder encodes to UTF-8 bytes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from xsdata.formats.dataclass.context import XmlContext
from xsdata.formats.dataclass.parsers import XmlParser
from xsdata.formats.dataclass.serializers import XmlSerializer
from xsdata.formats.dataclass.serializers.config import SerializerConfig

from ..data import DocType
from . import Codec, Contender

__all__ = ["contenders"]


@dataclass(kw_only=True)
class To:
    class Meta:
        name = "to"

    phone_number: str | None = field(
        default=None,
        metadata={"name": "phoneNumber", "type": "Element", "pattern": r"[0-9]+"},
    )
    email_address: str | None = field(
        default=None,
        metadata={"name": "emailAddress", "type": "Element"},
    )
    push_registration_id: str | None = field(
        default=None,
        metadata={"name": "pushRegistrationId", "type": "Element"},
    )
    facebook_user_key: str | None = field(
        default=None,
        metadata={"name": "facebookUserKey", "type": "Element"},
    )
    line_user_key: str | None = field(
        default=None,
        metadata={"name": "lineUserKey", "type": "Element"},
    )


@dataclass(kw_only=True)
class Destination:
    class Meta:
        name = "destination"

    message_id: str | None = field(
        default=None,
        metadata={"name": "messageId", "type": "Element"},
    )
    to: To = field(
        metadata={"name": "to", "type": "Element", "required": True},
    )


@dataclass(kw_only=True)
class OmniSimpleRequest:
    class Meta:
        name = "request"

    destinations: list[Destination] = field(
        default_factory=list,
        metadata={
            "wrapper": "destinations",
            "name": "destination",
            "type": "Element",
            "min_occurs": 1,
        },
    )
    bulk_id: str | None = field(default=None, metadata={"name": "bulkId", "type": "Element"})
    scenario_key: str | None = field(
        default=None, metadata={"name": "scenarioKey", "type": "Element"}
    )
    text: str | None = field(default=None, metadata={"name": "text", "type": "Element"})
    mail_subject: str | None = field(
        default=None, metadata={"name": "mailSubject", "type": "Element"}
    )


@dataclass(kw_only=True)
class Status:
    class Meta:
        name = "status"

    group_id: int = field(metadata={"name": "groupId", "type": "Element", "required": True})
    group_name: str = field(metadata={"name": "groupName", "type": "Element", "required": True})
    id: int = field(metadata={"name": "id", "type": "Element", "required": True})
    name: str = field(metadata={"name": "name", "type": "Element", "required": True})
    description: str = field(metadata={"name": "description", "type": "Element", "required": True})
    action: str | None = field(default=None, metadata={"name": "action", "type": "Element"})


@dataclass(kw_only=True)
class OmniResponseDetails:
    class Meta:
        name = "message"

    to: To = field(metadata={"name": "to", "type": "Element", "required": True})
    status: Status = field(metadata={"name": "status", "type": "Element", "required": True})
    message_id: str = field(metadata={"name": "messageId", "type": "Element", "required": True})


@dataclass(kw_only=True)
class OmniResponse:
    class Meta:
        name = "omniResponse"

    bulk_id: str | None = field(default=None, metadata={"name": "bulkId", "type": "Element"})
    messages: list[OmniResponseDetails] = field(
        default_factory=list,
        metadata={"wrapper": "messages", "name": "message", "type": "Element", "min_occurs": 1},
    )


TYPES: dict[DocType, type[Any]] = {"response": OmniResponse, "request": OmniSimpleRequest}


def _to_wire(value: Any) -> Any:
    """A model as a wire value, read through the same field metadata xsdata uses."""
    if isinstance(value, list):
        return [_to_wire(item) for item in value]
    if not dataclasses.is_dataclass(value):
        return value
    wire: dict[str, Any] = {}
    for f in dataclasses.fields(value):
        item = getattr(value, f.name)
        if item is not None:
            wire[f.metadata.get("wrapper", f.metadata["name"])] = _to_wire(item)
    return wire


def contenders() -> tuple[Contender]:
    context = XmlContext()
    parser = XmlParser(context=context)
    serializer = XmlSerializer(context=context, config=SerializerConfig(xml_declaration=False))

    def codec(cls: type[Any]) -> Codec:
        def decode(data: bytes) -> Any:
            return parser.from_bytes(data, cls)

        def encode(value: Any) -> bytes:
            return serializer.render(value).encode()

        return Codec(decode=decode, encode=encode, to_wire=_to_wire)

    return (
        Contender(
            key="xsdata",
            label="xsdata",
            role="peer",
            format="xml",
            codecs={doc_type: codec(cls) for doc_type, cls in TYPES.items()},
            note="XmlParser().from_bytes / XmlSerializer().render().encode()",
        ),
    )
