"""Bare msgspec on equivalent Structs: the JSON floor.

The Structs declare the same fields, wire names and type constraints as omni_codec's
models (digits-only phone numbers, 32-bit ints, at least one destination), so the
ratio omni_codec / bare msgspec is the cost of what omni_codec adds around msgspec:
its input checks, limits and error translation, and the request's phone-number rule.
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
import msgspec.inspect

import omni_codec

from ..data import DocType
from . import Codec, Contender

__all__ = ["contenders"]

Int32 = Annotated[int, msgspec.Meta(ge=-(2**31), le=2**31 - 1)]
PhoneNumber = Annotated[str, msgspec.Meta(pattern=r"\A[0-9]+\Z")]


class To(msgspec.Struct, rename="camel", omit_defaults=True, kw_only=True):
    phone_number: PhoneNumber | None = None
    email_address: str | None = None
    push_registration_id: str | None = None
    facebook_user_key: str | None = None
    line_user_key: str | None = None


class Destination(msgspec.Struct, rename="camel", omit_defaults=True, kw_only=True):
    message_id: str | None = None
    to: To


class OmniSimpleRequest(msgspec.Struct, rename="camel", omit_defaults=True, kw_only=True):
    destinations: Annotated[list[Destination], msgspec.Meta(min_length=1)]
    bulk_id: str | None = None
    scenario_key: str | None = None
    text: str | None = None
    mail_subject: str | None = None


class Status(msgspec.Struct, rename="camel", omit_defaults=True, kw_only=True):
    group_id: Int32
    group_name: str
    id: Int32
    name: str
    description: str
    action: str | None = None


class OmniResponseDetails(msgspec.Struct, rename="camel", omit_defaults=True, kw_only=True):
    to: To
    status: Status
    message_id: str


class OmniResponse(msgspec.Struct, rename="camel", omit_defaults=True, kw_only=True):
    bulk_id: str | None = None
    messages: list[OmniResponseDetails]


TYPES: dict[DocType, type[Any]] = {"response": OmniResponse, "request": OmniSimpleRequest}


def _same_fields(bare: type[Any], model: type[Any]) -> None:
    """Fail unless ``bare`` declares the wire fields of ``model``, nested ones too."""
    bare_info, model_info = msgspec.inspect.type_info(bare), msgspec.inspect.type_info(model)
    assert isinstance(bare_info, msgspec.inspect.StructType)
    assert isinstance(model_info, msgspec.inspect.StructType)
    names = [f.encode_name for f in bare_info.fields]
    assert names == [f.encode_name for f in model_info.fields], (bare, names)
    for bare_field, model_field in zip(bare_info.fields, model_info.fields, strict=True):
        inner = [_struct_in(bare_field.type), _struct_in(model_field.type)]
        if inner[0] is not None and inner[1] is not None:
            _same_fields(inner[0], inner[1])


def _struct_in(info: msgspec.inspect.Type) -> type[Any] | None:
    if isinstance(info, msgspec.inspect.StructType):
        return info.cls
    if isinstance(info, msgspec.inspect.ListType):
        return _struct_in(info.item_type)
    if isinstance(info, msgspec.inspect.UnionType):
        found = [_struct_in(t) for t in info.types]
        return next((cls for cls in found if cls is not None), None)
    return None


def contenders() -> tuple[Contender]:
    # The floor must be the same types, field for field, or the ratio measures
    # something else.
    _same_fields(OmniSimpleRequest, omni_codec.OmniSimpleRequest)
    _same_fields(OmniResponse, omni_codec.OmniResponse)
    encoder = msgspec.json.Encoder()
    return (
        Contender(
            key="msgspec",
            label="msgspec",
            role="floor",
            format="json",
            codecs={
                doc_type: Codec(
                    decode=msgspec.json.Decoder(cls).decode,
                    encode=encoder.encode,
                    to_wire=msgspec.to_builtins,
                )
                for doc_type, cls in TYPES.items()
            },
            note="msgspec.json.Decoder/Encoder on equivalent Structs",
        ),
    )
