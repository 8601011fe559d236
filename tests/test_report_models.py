"""Responses, reports, logs, scenarios and the error body as the OpenAPI
description has them (SPEC section 4): the fields it added to the older family,
its required flags, and its names for our types.

Each field is checked on the wire, in both formats: its wire name, that it
survives a round trip, and what is refused, with its path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import given
from lxml import etree

import omni_codec
from omni_codec import ValidationError, json, xml
from omni_codec._schema.xsd import generate_xsd
from omni_codec.models import (
    ApiError,
    ContactName,
    CreateOrUpdateScenarioRequest,
    OMNIReport,
    OMNIReportsResponse,
    OmniChannel,
    OmniResponse,
    OmniResponseDetails,
    RequestError,
    Scenario,
    ServiceException,
    Status,
    Step,
    To,
)
from omni_codec.strategies import from_type

PUBLISHED = Path(__file__).parent / "published"
CODECS = [json, xml]


def _round_trip(value: Any, codec: Any = json) -> Any:
    return codec.decode(codec.encode(value), type=type(value), strict=True)


# --- Names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("description_name", "ours"),
    [
        ("DeliveryReports", "OMNIReportsResponse"),
        ("DeliveryReport", "OMNIReport"),
        ("ApiException", "ApiError"),
        ("ApiRequestError", "RequestError"),
        ("ApiRequestErrorDetails", "ServiceException"),
    ],
)
def test_the_description_s_names_are_today_s_types(description_name: str, ours: str) -> None:
    assert getattr(omni_codec, description_name) is getattr(omni_codec, ours)
    assert getattr(omni_codec.models, description_name) is getattr(omni_codec.models, ours)


# --- Addresses and responses ----------------------------------------------------------


@pytest.mark.parametrize("codec", CODECS)
def test_a_whatsapp_user_id_addresses_a_destination(codec: Any) -> None:
    response = OmniResponse(
        messages=[
            OmniResponseDetails(
                to=To(whats_app_user_id="wa-1"),
                status=Status(group_id=1, group_name="PENDING", id=7, name="PENDING_ENROUTE", description="d"),
                message_id="m",
            )
        ]
    )
    assert b'"to":{"whatsAppUserId":"wa-1"}' in json.encode(response)
    assert b"<to><whatsAppUserId>wa-1</whatsAppUserId></to>" in xml.encode(response)
    assert _round_trip(response, codec) == response


# --- Delivery reports ---------------------------------------------------------------


REPORT = OMNIReport(
    message_id="m",
    channel=OmniChannel.WHATSAPP,
    callback_data='{"order": 12}',
    contact=ContactName(name="Frank", phone_number="385919998888", user_id="u", parent_user_id="p", username="f"),
)


def test_a_report_hands_back_the_callback_data_and_the_contact() -> None:
    written = msgspec.json.decode(json.encode(OMNIReportsResponse(results=[REPORT])))
    (report,) = written["results"]
    assert report["callbackData"] == '{"order": 12}'
    assert report["contact"] == {
        "name": "Frank",
        "phoneNumber": "385919998888",
        "userId": "u",
        "parentUserId": "p",
        "username": "f",
    }
    document = xml.encode(OMNIReportsResponse(results=[REPORT]))
    assert b'<channel>WHATSAPP</channel><callbackData>{"order": 12}</callbackData>' in document
    assert b"<contact><name>Frank</name><phoneNumber>385919998888</phoneNumber>" in document
    for codec in CODECS:
        assert _round_trip(OMNIReportsResponse(results=[REPORT]), codec) == OMNIReportsResponse(results=[REPORT])
    assert xml.validate(document) is None


def test_the_published_delivery_report_webhook_decodes_strictly() -> None:
    body = json.decode((PUBLISHED / "delivery-reports-webhook.json").read_bytes(), type=OMNIReportsResponse, strict=True)
    assert body.results[0].channel is OmniChannel.WHATSAPP


# --- Scenarios ----------------------------------------------------------------------


@pytest.mark.parametrize("codec", CODECS)
@pytest.mark.parametrize("cls", [Scenario, CreateOrUpdateScenarioRequest])
def test_a_step_needs_its_channel(codec: Any, cls: type) -> None:
    if codec is json:
        document: Any = '{"name":"n","flow":[{"from":"InfoSMS","channel":"SMS"},{"from":"Viber"}]}'
    else:
        document = (
            "<scenario><name>n</name><flow><step><from>InfoSMS</from><channel>SMS</channel></step>"
            "<step><from>Viber</from></step></flow></scenario>"
        )
    with pytest.raises(ValidationError) as caught:
        codec.decode(document, type=cls)
    assert caught.value.path == "$.flow[1]"
    assert "channel" in caught.value.message


@pytest.mark.parametrize("codec", CODECS)
def test_a_scenario_request_needs_its_flow_where_a_scenario_does_not(codec: Any) -> None:
    document: Any = '{"name":"n","default":true}' if codec is json else "<scenario><name>n</name><default>true</default></scenario>"
    assert codec.decode(document, type=Scenario) == Scenario(name="n", default_scenario=True)
    with pytest.raises(ValidationError) as caught:
        codec.decode(document, type=CreateOrUpdateScenarioRequest)
    assert caught.value.path == "$"
    assert "flow" in caught.value.message


@pytest.mark.parametrize("strict", [False, True])
def test_the_published_scenario_request_decodes_in_both_formats(strict: bool) -> None:
    from_json = json.decode(
        (PUBLISHED / "scenario-request-whatsapp-sms.json").read_bytes(), type=CreateOrUpdateScenarioRequest, strict=strict
    )
    from_xml = xml.decode(
        (PUBLISHED / "scenario-request-whatsapp-sms.xml").read_bytes(), type=CreateOrUpdateScenarioRequest, strict=strict
    )
    assert from_json == from_xml
    assert [step.channel for step in from_json.flow] == [OmniChannel.WHATSAPP, OmniChannel.SMS]
    assert from_json.default_scenario is True
    assert msgspec.json.decode(json.encode(from_json)) == msgspec.json.decode(
        (PUBLISHED / "scenario-request-whatsapp-sms.json").read_bytes()
    )
    assert xml.encode(from_json).startswith(b"<scenario><name>")


def test_a_scenario_key_is_text() -> None:
    # 32 hex digits, as every key the API shows: more than 64 bits.
    scenario = json.decode((PUBLISHED / "scenario-whatsapp-sms.json").read_bytes(), type=Scenario)
    assert scenario.key == "48F081B992190D591A44B54F7AE2D843"
    with pytest.raises(ValidationError) as caught:
        json.decode('{"key":48}', type=Scenario)
    assert caught.value.path == "$.key"


SCENARIO_REQUEST_XSD = etree.XMLSchema(etree.fromstring(generate_xsd([CreateOrUpdateScenarioRequest]).encode()))


@given(value=from_type(CreateOrUpdateScenarioRequest, edge_cases=True))
def test_every_scenario_request_round_trips(value: CreateOrUpdateScenarioRequest) -> None:
    assert json.decode(json.encode(value), type=CreateOrUpdateScenarioRequest) == value
    document = xml.encode(value)
    assert SCENARIO_REQUEST_XSD.validate(etree.fromstring(document)), SCENARIO_REQUEST_XSD.error_log
    assert xml.decode(document, type=CreateOrUpdateScenarioRequest) == value


# --- The error body -----------------------------------------------------------------

VALIDATION_ERRORS = {"destinations[0].to": ["must not be null"], "sms.text": ["must not be blank", "too long"]}


@pytest.mark.parametrize("codec", CODECS)
def test_validation_errors_name_each_field_with_its_messages(codec: Any) -> None:
    body = ApiError(
        request_error=RequestError(
            service_exception=ServiceException(
                message_id="BAD_REQUEST", text="Bad request", validation_errors=VALIDATION_ERRORS
            )
        )
    )
    written = msgspec.json.decode(json.encode(body))
    assert written["requestError"]["serviceException"]["validationErrors"] == VALIDATION_ERRORS
    assert _round_trip(body, codec) == body
    assert xml.validate(xml.encode(body)) is None


def test_the_error_body_without_validation_errors_is_unchanged() -> None:
    document = b'{"requestError":{"serviceException":{"messageId":"UNAUTHORIZED","text":"Invalid login details"}}}'
    body = json.decode(document, type=ApiError, strict=True)
    assert body.request_error.service_exception.validation_errors is None
    assert json.encode(body) == document


# --- Enumerations -------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["SMS", "EMAIL", "VOICE", "PUSH", "VIBER", "LINE", "VKONTAKTE", "KAKAO_CHINGU", "KAKAO_ALIM", "WHATSAPP"]
)
def test_every_channel_of_the_description_is_known(name: str) -> None:
    assert OmniChannel(name).known
    assert json.decode(f'{{"channel":"{name}"}}', type=Step, strict=True).channel is OmniChannel(name)
