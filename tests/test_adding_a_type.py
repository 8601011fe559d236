"""Adding a type is declaring it: a model with its binding is all the codec needs.

A channel payload the shipped models do not have, with a list field, is declared
here the way a model module declares one (fields, constraints, the list's item
name, the document's root) and nothing else is written for it: both formats round-
trip it, an XSD generated for it validates what the encoder writes, the strategies
build its values, and the fast XML paths take it.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

import msgspec
import pytest
from hypothesis import given, settings
from lxml import etree

from omni_codec import json, xml
from omni_codec._schema import generate_xsd
from omni_codec._scalars import OmniDateTime
from omni_codec._xml import fast
from omni_codec._xml.fast import reader as fast_reader
from omni_codec._xml.fast import writer as fast_writer
from omni_codec.errors import EncodeError
from omni_codec.limits import DEFAULT_LIMITS
from omni_codec.models import Destination, OmniAdvancedRequest, OmniStruct, To, xml_item
from omni_codec.models.advanced import _ChannelData
from omni_codec.strategies import from_type


class Button(OmniStruct, kw_only=True):
    """A reply button of the new channel's message."""

    title: Annotated[str, msgspec.Meta(min_length=1, max_length=20)]
    payload: str | None = None


class ChatAppData(_ChannelData, kw_only=True):
    """The new channel's payload: the shared channel fields, then its own."""

    header: str | None = None
    buttons: Annotated[list[Button], msgspec.Meta(max_length=3), xml_item("button")] | None = None
    expires_at: OmniDateTime | None = None


class ChatAppRequest(OmniAdvancedRequest, kw_only=True):
    """The advanced request with the new channel's payload."""

    __xml_root__: ClassVar[str] = "request"

    chat_app: ChatAppData | None = None


VALUE = ChatAppRequest(
    destinations=[Destination(to=To(phone_number="41793026727"))],
    chat_app=ChatAppData(
        text="Hi & <welcome>",
        header="h",
        buttons=[Button(title="Yes", payload="y"), Button(title="No")],
        expires_at=dt.datetime(2026, 1, 2, 3, 4, 5, 6000, tzinfo=dt.timezone.utc),  # plain
    ),
)

#: The XSD generated for the new type alone, as the regenerate command would.
SCHEMA = etree.XMLSchema(etree.fromstring(generate_xsd([ChatAppRequest]).encode("utf-8")))


def test_the_new_payload_round_trips_in_both_formats() -> None:
    data = json.encode(VALUE)
    assert b'"chatApp":{"text":"Hi & <welcome>","header":"h","buttons":[{"title":"Yes"' in data
    assert b'"expiresAt":"2026-01-02T03:04:05.006+0000"' in data  # the datetime policy held
    assert json.decode(data, type=ChatAppRequest) == VALUE
    document = xml.encode(VALUE)
    assert b"<buttons><button><title>Yes</title><payload>y</payload></button><button>" in document
    assert xml.decode(document, type=ChatAppRequest) == VALUE
    assert xml.decode(xml.encode(VALUE, pretty=True), type=ChatAppRequest) == VALUE


def test_the_new_payload_is_valid_against_an_xsd_generated_for_it() -> None:
    schema = SCHEMA
    assert schema.validate(etree.fromstring(xml.encode(VALUE))), schema.error_log
    too_many = xml.encode(VALUE).replace(b"<buttons>", b"<buttons>" + b"<button><title>x</title></button>" * 3)
    assert not schema.validate(etree.fromstring(too_many))


def test_its_constraints_hold_in_every_format() -> None:
    wrong = ChatAppRequest(
        destinations=VALUE.destinations, chat_app=ChatAppData(buttons=[Button(title="")])
    )
    for encode in (json.encode, xml.encode):
        with pytest.raises(EncodeError, match=r"\$\.chatApp\.buttons\[0\]\.title"):
            encode(wrong)


def test_the_fast_paths_take_it() -> None:
    before = dict(fast.misses)
    for pretty in (False, True):
        document = fast_writer.write(VALUE, pretty=pretty)
        assert document is not None and document == xml.encode(VALUE, pretty=pretty)
        assert fast_reader.read(document, ChatAppRequest, DEFAULT_LIMITS) == VALUE
        assert xml.decode(document, type=ChatAppRequest) == VALUE
    assert dict(fast.misses) == before  # neither xml.encode nor xml.decode handed it on
    assert "def _read_button(" in fast.source_of(ChatAppRequest, "reader")
    assert "def _write_button(" in fast.source_of(ChatAppRequest, "writer")


@settings(max_examples=30, deadline=None)
@given(from_type(ChatAppRequest))
def test_any_value_of_it_round_trips_and_is_valid(value: ChatAppRequest) -> None:
    document = xml.encode(value)
    assert xml.decode(document, type=ChatAppRequest) == value
    assert json.decode(json.encode(value), type=ChatAppRequest) == value
    assert SCHEMA.validate(etree.fromstring(document)), SCHEMA.error_log
