"""Open enumerations (SPEC section 4): a value the models do not know decodes in
the default mode and keeps its text through any round trip; ``strict=True``
rejects it with its path, in both formats; the XSD and the JSON Schemas say the
same as the default mode.

The property tests cover every enumeration of every type with generated unknown
values (the strategies draw them); these cases pin the behaviour on real
payloads and on the API of :class:`omni_codec.OpenEnum`.
"""

from __future__ import annotations

import copy
import enum
import io
import pickle
from pathlib import Path
from typing import Any, ClassVar

import msgspec
import pytest
import xmlschema

import omni_codec
from omni_codec import (
    FacebookDataType,
    Gender,
    LineDataType,
    OmniAdvancedRequest,
    OmniChannel,
    OMNIReportsResponse,
    OpenEnum,
    Scenario,
    TimeUnit,
)
from omni_codec._binding import shape_of
from omni_codec._xml import fast
from omni_codec.models import OmniStruct
from omni_codec.schemas import json_schema, xsd_path

PUBLISHED = Path(__file__).parent / "published"
GOLDEN = Path(__file__).parent / "golden"
FORMATS = [omni_codec.json, omni_codec.xml]

# Infobip's WhatsApp delivery report, with a channel the models do not know.
REPORT = (PUBLISHED / "delivery-reports-webhook.json").read_bytes().replace(b'"WHATSAPP"', b'"APPLE_MESSAGES"')


def _as_xml(data: bytes, cls: type[Any]) -> bytes:
    return omni_codec.xml.encode(omni_codec.json.decode(data, type=cls))


# --- The Python value ----------------------------------------------------------------


def test_an_unknown_value_is_an_instance_with_its_text() -> None:
    value = OmniChannel("APPLE_MESSAGES")
    assert isinstance(value, OmniChannel) and not value.known
    assert value.value == value.name == "APPLE_MESSAGES"
    assert repr(value) == "OmniChannel('APPLE_MESSAGES')"
    assert OmniChannel.SMS.known and repr(OmniChannel.SMS) == "<OmniChannel.SMS: 'SMS'>"


def test_a_known_text_is_always_its_member() -> None:
    for cls in (OmniChannel, TimeUnit, FacebookDataType, LineDataType, Gender):
        for member in cls:
            assert cls(member.value) is member
    assert len(OmniChannel("APPLE_MESSAGES").__class__.__members__) == len(list(OmniChannel))


def test_equality_is_exact() -> None:
    a, b = OmniChannel("RCS"), OmniChannel("RCS")
    assert a == b and hash(a) == hash(b) and a is not b
    assert a != OmniChannel("rcs") and a != OmniChannel.SMS and OmniChannel.SMS != a
    assert a != "RCS"  # not a str
    assert TimeUnit("RCS") != a  # another enumeration
    assert OmniChannel.SMS == OmniChannel.SMS and OmniChannel.SMS != OmniChannel.EMAIL
    assert {a: 1}[b] == 1


def test_unknown_values_pickle_and_copy_and_are_not_kept() -> None:
    value = OmniChannel("RCS")
    assert pickle.loads(pickle.dumps(value)) == value
    assert copy.deepcopy(value) == value and copy.copy(value) == value
    for index in range(100):
        OmniChannel(f"NEW_{index}")
    assert "NEW_1" not in OmniChannel._value2member_map_
    assert "RCS" not in OmniChannel.__members__ and len(list(OmniChannel)) == 12


@pytest.mark.parametrize("text", [5, None, b"SMS"])
def test_only_text_can_be_a_value(text: Any) -> None:
    with pytest.raises(ValueError):
        OmniChannel(text)


class Closed(enum.Enum):
    A = "A"


class Holder(OmniStruct, kw_only=True):
    __xml_root__: ClassVar[str] = "holder"
    closed: Closed | None = None


def test_a_closed_enumeration_is_refused_when_bound() -> None:
    with pytest.raises(TypeError, match=r"Holder\.closed: the enumeration Closed is closed.*OpenEnum"):
        shape_of(Holder)


# --- Decoding and round trips ----------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS, ids=["json", "xml"])
def test_an_unknown_channel_decodes_by_default_and_keeps_its_text(fmt: Any) -> None:
    data = REPORT if fmt is omni_codec.json else _as_xml(REPORT, OMNIReportsResponse)
    reports = fmt.decode(data, type=OMNIReportsResponse)
    channel = reports.results[0].channel
    assert channel == OmniChannel("APPLE_MESSAGES") and not channel.known
    # Every way out and back keeps the text.
    assert b'"channel":"APPLE_MESSAGES"' in omni_codec.json.encode(reports)
    assert b'"channel":"APPLE_MESSAGES"' in omni_codec.json.Encoder(check=False).encode(reports)
    assert b"<channel>APPLE_MESSAGES</channel>" in omni_codec.xml.encode(reports)
    assert b"<channel>APPLE_MESSAGES</channel>" in omni_codec.xml.encode(reports, pretty=True)
    through = omni_codec.json.decode(
        omni_codec.json.encode(omni_codec.xml.decode(omni_codec.xml.encode(reports), type=OMNIReportsResponse)),
        type=OMNIReportsResponse,
    )
    assert through == reports
    assert msgspec.json.decode(omni_codec.json.encode(through)) == msgspec.json.decode(REPORT)


@pytest.mark.parametrize("fmt", FORMATS, ids=["json", "xml"])
def test_strict_rejects_an_unknown_value_with_its_path(fmt: Any) -> None:
    data = REPORT if fmt is omni_codec.json else _as_xml(REPORT, OMNIReportsResponse)
    with pytest.raises(omni_codec.ValidationError) as caught:
        fmt.decode(data, type=OMNIReportsResponse, strict=True)
    assert caught.value.path == "$.results[0].channel"
    assert "Invalid enum value 'APPLE_MESSAGES'" in str(caught.value)
    if fmt is omni_codec.xml:
        assert caught.value.line is not None


def test_strict_path_of_a_nested_unknown_value() -> None:
    scenario = (PUBLISHED / "scenario-whatsapp-sms.json").read_bytes().replace(b'"SMS"', b'"RCS"')
    for data, fmt in ((scenario, omni_codec.json), (_as_xml(scenario, Scenario), omni_codec.xml)):
        assert fmt.decode(data, type=Scenario).flow[1].channel == OmniChannel("RCS")  # type: ignore[index]
        with pytest.raises(omni_codec.ValidationError) as caught:
            fmt.decode(data, type=Scenario, strict=True)
        assert caught.value.path == "$.flow[1].channel"


def test_the_golden_request_with_unknown_values_everywhere() -> None:
    # The golden request of an unknown channel (a key), with unknown values of
    # the LINE type and a time unit too: the key is ignored, the values kept.
    data = (
        (GOLDEN / "advanced-request-unknown-channel.json").read_bytes()
        .replace(b'"STICKER"', b'"IMAGEMAP"', 1)
    )
    request = omni_codec.json.decode(data, type=OmniAdvancedRequest)
    assert request.line is not None and request.line.type == LineDataType("IMAGEMAP")
    again = omni_codec.xml.decode(omni_codec.xml.encode(request), type=OmniAdvancedRequest)
    assert again == request and again.line is not None and again.line.type.value == "IMAGEMAP"  # type: ignore[union-attr]
    without_key = msgspec.json.encode({k: v for k, v in msgspec.json.decode(data).items() if k != "rcs"})
    with pytest.raises(omni_codec.ValidationError) as caught:
        omni_codec.json.decode(without_key, type=OmniAdvancedRequest, strict=True)
    assert caught.value.path == "$.line.type"


def test_the_fast_paths_take_unknown_values() -> None:
    reports = omni_codec.json.decode(REPORT, type=OMNIReportsResponse)
    before = fast.misses.copy()
    document = omni_codec.xml.encode(reports)
    assert omni_codec.xml.decode(document, type=OMNIReportsResponse) == reports
    assert fast.misses == before  # neither path handed the document on
    with pytest.raises(omni_codec.ValidationError):
        omni_codec.xml.decode(document, type=OMNIReportsResponse, strict=True)
    assert fast.misses["read"] == before["read"] + 1  # strict: the general path says where


@pytest.mark.parametrize("text", ["", " SMS", "sms", "A & B <c>", "\u00e9\U0001f600", "\r\n\t"])
def test_any_text_survives(text: str) -> None:
    reports = omni_codec.json.decode(REPORT, type=OMNIReportsResponse)
    reports.results[0].channel = OmniChannel(text)
    for fmt in FORMATS:
        back = fmt.decode(fmt.encode(reports), type=OMNIReportsResponse)
        assert back.results[0].channel == OmniChannel(text)
        assert back.results[0].channel.value == text  # type: ignore[union-attr]


def test_text_xml_cannot_carry_is_refused_in_json_too() -> None:
    data = REPORT.replace(b'"APPLE_MESSAGES"', b'"A\\u0001"')
    with pytest.raises(omni_codec.ValidationError) as caught:
        omni_codec.json.decode(data, type=OMNIReportsResponse)
    assert caught.value.path == "$.results[0].channel"
    reports = omni_codec.json.decode(REPORT, type=OMNIReportsResponse)
    reports.results[0].channel = OmniChannel("A\x01")
    for fmt in FORMATS:
        with pytest.raises(omni_codec.EncodeError) as refused:
            fmt.encode(reports)
        assert refused.value.path == "$.results[0].channel"


# --- The schemas say what the default mode does -----------------------------------------


def test_the_xsd_accepts_unknown_values_and_names_the_known_ones() -> None:
    document = _as_xml(REPORT, OMNIReportsResponse)
    omni_codec.xml.validate(document)
    schema = xmlschema.XMLSchema(str(xsd_path()))
    assert schema.is_valid(io.BytesIO(document))
    known = schema.types["OmniChannelKnown"]
    assert sorted(known.enumeration) == sorted(member.value for member in OmniChannel)


def test_the_json_schema_accepts_unknown_values_and_lists_the_known_ones() -> None:
    schema = json_schema(OMNIReportsResponse)
    channel = schema["$defs"]["OmniChannel"]
    (known,) = [option["enum"] for option in channel["anyOf"] if "enum" in option]
    assert sorted(known) == sorted(member.value for member in OmniChannel)
    assert {"type": "string"}.items() <= next(o for o in channel["anyOf"] if "type" in o).items()


def test_open_enum_is_public() -> None:
    assert omni_codec.OpenEnum is OpenEnum
    assert all(issubclass(cls, OpenEnum) for cls in (OmniChannel, TimeUnit, FacebookDataType, LineDataType, Gender))
