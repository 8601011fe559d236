"""pydantic v2 (JSON): BaseModels with camelCase aliases, the idiomatic way.

``model_validate_json`` parses and validates in pydantic-core (Rust);
``model_dump_json(by_alias=True, exclude_none=True)`` writes the wire form. It returns
``str``, so the encoder also encodes it to UTF-8 bytes, as a service must before
sending it. The models carry the same constraints as omni_codec's.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

from ..data import DocType
from . import Codec, Contender

__all__ = ["contenders"]

Int32 = Annotated[int, Field(ge=-(2**31), le=2**31 - 1)]
PhoneNumber = Annotated[str, Field(pattern=r"^[0-9]+$")]


class _Model(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)


class To(_Model):
    phone_number: PhoneNumber | None = None
    email_address: str | None = None
    push_registration_id: str | None = None
    facebook_user_key: str | None = None
    line_user_key: str | None = None


class Destination(_Model):
    message_id: str | None = None
    to: To


class OmniSimpleRequest(_Model):
    destinations: Annotated[list[Destination], Field(min_length=1)]
    bulk_id: str | None = None
    scenario_key: str | None = None
    text: str | None = None
    mail_subject: str | None = None


class Status(_Model):
    group_id: Int32
    group_name: str
    id: Int32
    name: str
    description: str
    action: str | None = None


class OmniResponseDetails(_Model):
    to: To
    status: Status
    message_id: str


class OmniResponse(_Model):
    bulk_id: str | None = None
    messages: list[OmniResponseDetails]


TYPES: dict[DocType, type[_Model]] = {"response": OmniResponse, "request": OmniSimpleRequest}


def _encode(model: _Model) -> bytes:
    return model.model_dump_json(by_alias=True, exclude_none=True).encode()


def _to_wire(model: _Model) -> Any:
    return model.model_dump(by_alias=True, exclude_none=True)


def contenders() -> tuple[Contender]:
    return (
        Contender(
            key="pydantic",
            label="pydantic",
            role="peer",
            format="json",
            codecs={
                doc_type: Codec(decode=cls.model_validate_json, encode=_encode, to_wire=_to_wire)
                for doc_type, cls in TYPES.items()
            },
            note="model_validate_json / model_dump_json(by_alias=True, exclude_none=True).encode()",
        ),
    )
