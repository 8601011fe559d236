"""Infobip's own published payloads decode, strictly, to the values they state
(see tests/published/README.md for where each comes from).

These are the payloads that a closed channel enumeration, the scenario flag's
client-side name and a string LINE ``duration`` used to reject (SPEC section 4,
"Known corrections"). Each decodes in both modes and writes back the same JSON.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec
import pytest

import omni_codec
from omni_codec import (
    LineDataType,
    OmniAdvancedRequest,
    OmniChannel,
    OMNIReportsResponse,
    Scenario,
    ScenariosResponse,
)

PUBLISHED = Path(__file__).parent / "published"

JSON_CASES = [
    ("advanced-line-audio.json", OmniAdvancedRequest),
    ("advanced-line-video.json", OmniAdvancedRequest),
    ("delivery-reports-webhook.json", OMNIReportsResponse),
    ("scenario-whatsapp-sms.json", Scenario),
    ("scenarios-response.json", ScenariosResponse),
]


def read(name: str) -> bytes:
    return (PUBLISHED / name).read_bytes()


@pytest.mark.parametrize(("name", "cls"), JSON_CASES)
@pytest.mark.parametrize("strict", [False, True])
def test_published_json_decodes_and_writes_back(name: str, cls: type, strict: bool) -> None:
    value = omni_codec.json.decode(read(name), type=cls, strict=strict)
    written: Any = msgspec.json.decode(omni_codec.json.encode(value))
    assert written == msgspec.json.decode(read(name))
    # And through XML, unchanged.
    assert omni_codec.xml.decode(omni_codec.xml.encode(value), type=cls, strict=True) == value


@pytest.mark.parametrize(("name", "cls"), [("scenario-whatsapp-sms", Scenario), ("scenarios-response", ScenariosResponse)])
@pytest.mark.parametrize("strict", [False, True])
def test_published_xml_decodes_to_its_json_twin(name: str, cls: type, strict: bool) -> None:
    from_xml = omni_codec.xml.decode(read(f"{name}.xml"), type=cls, strict=strict)
    assert from_xml == omni_codec.json.decode(read(f"{name}.json"), type=cls)


def test_line_audio_duration_is_an_integer() -> None:
    request = omni_codec.json.decode(read("advanced-line-audio.json"), type=OmniAdvancedRequest)
    assert request.line is not None
    assert request.line.type is LineDataType.AUDIO
    assert request.line.duration == 4000 and type(request.line.duration) is int
    assert b"<duration>4000</duration>" in omni_codec.xml.encode(request)


@pytest.mark.parametrize("bad", [b'"4000"', b"4000.5", b"9223372036854775808"])
def test_line_duration_takes_only_a_64_bit_integer(bad: bytes) -> None:
    data = read("advanced-line-audio.json").replace(b"4000", bad, 1)
    with pytest.raises(omni_codec.ValidationError) as caught:
        omni_codec.json.decode(data, type=OmniAdvancedRequest)
    assert caught.value.path == "$.line.duration"


def test_whatsapp_delivery_report() -> None:
    reports = omni_codec.json.decode(read("delivery-reports-webhook.json"), type=OMNIReportsResponse)
    (report,) = reports.results
    assert report.channel is OmniChannel.WHATSAPP
    assert report.status is not None and report.status.name == "DELIVERED_TO_HANDSET"


def test_scenario_flag_is_default_on_the_wire() -> None:
    scenario = omni_codec.json.decode(read("scenario-whatsapp-sms.json"), type=Scenario)
    assert scenario.default_scenario is True
    assert scenario.flow is not None
    assert [step.channel for step in scenario.flow] == [OmniChannel.WHATSAPP, OmniChannel.SMS]
    assert b'"default":true' in omni_codec.json.encode(scenario)
    assert b"<default>true</default>" in omni_codec.xml.encode(scenario)
    assert b"defaultScenario" not in omni_codec.xml.encode(scenario)
    # Every scenario of the list keeps its flag: none is dropped as unknown.
    scenarios = omni_codec.json.decode(read("scenarios-response.json"), type=ScenariosResponse)
    assert [s.default_scenario for s in scenarios.scenarios] == [False, True]


@pytest.mark.parametrize("channel", ["WHATSAPP", "KAKAO_CHINGU", "KAKAO_ALIM"])
def test_channels_of_the_openapi_description(channel: str) -> None:
    assert OmniChannel(channel).value == channel
    data = read("scenario-whatsapp-sms.json").replace(b'"WHATSAPP"', f'"{channel}"'.encode())
    scenario = omni_codec.json.decode(data, type=Scenario, strict=True)
    assert scenario.flow is not None and scenario.flow[0].channel is OmniChannel[channel]
