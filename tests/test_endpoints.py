"""The endpoint table picks body types by method, path and status, and query models.

The facts below were read from Infobip's OpenAPI description of OMNI (its
``paths`` and ``webhooks``: method, path, statuses) and from Infobip's Java API
client (the campaign calls); the table must hold every one of them.
"""

from __future__ import annotations

import pytest

from omni_codec import (
    ApiError,
    Campaign,
    CampaignsResponse,
    Destinations,
    OmniAdvancedRequest,
    OmniLogsResponse,
    OMNIReportsResponse,
    OmniResponse,
    OmniSimpleRequest,
    Scenario,
    ScenariosResponse,
)
from omni_codec._binding import document_of
from omni_codec.endpoints import DOCUMENT_TYPES, ENDPOINTS, Direction, Endpoint, endpoint_for
from omni_codec.models import (
    CampaignsQuery,
    CreateOrUpdateScenarioRequest,
    LogsQuery,
    OTTReportResponse,
    ReportsQuery,
    ScenariosQuery,
    SeenReports,
)

#: The description's calls: (method, path, success status, request, success body,
#: the 4xx/5xx statuses it lists, query model).
DESCRIBED_CALLS = [
    ("GET", "/omni/1/scenarios", 200, None, ScenariosResponse, {400, 401, 403, 409, 500}, ScenariosQuery),
    ("POST", "/omni/1/scenarios", 201, CreateOrUpdateScenarioRequest, Scenario, {400, 401, 403, 409, 429, 500}, None),
    ("GET", "/omni/1/scenarios/{scenarioKey}", 200, None, Scenario, {400, 401, 403, 404, 409, 500}, None),
    ("PUT", "/omni/1/scenarios/{scenarioKey}", 200, CreateOrUpdateScenarioRequest, Scenario, {400, 401, 403, 404, 409, 429, 500}, None),
    ("POST", "/omni/1/advanced", 200, OmniAdvancedRequest, OmniResponse, {400, 401, 403, 500}, None),
    ("GET", "/omni/1/reports", 200, None, OMNIReportsResponse, {400, 401, 403, 500}, ReportsQuery),
    ("GET", "/omni/1/logs", 200, None, OmniLogsResponse, {400, 401, 403, 429, 500}, LogsQuery),
]

#: The source document's call and the clients' campaign calls (no statuses listed
#: but the error body).
OTHER_CALLS = [
    ("POST", "/omni/1/text", None, OmniSimpleRequest, OmniResponse, None),
    ("GET", "/omni/1/campaigns", None, None, CampaignsResponse, CampaignsQuery),
    ("GET", "/omni/1/campaigns/{campaignKey}", None, None, Campaign, None),
    # "Add destinations": PUT, version 2 of the path, the campaign in answer.
    ("PUT", "/omni/2/campaigns/{campaignKey}/destinations", None, Destinations, Campaign, None),
]

#: The description's webhooks (the name it gives each), and the body each carries.
DESCRIBED_WEBHOOKS = {
    "receive-omni-failover-message-delivery-reports": OMNIReportsResponse,
    "receive-omni-failover-message-seen-reports": SeenReports,
    "receive-omni-failover-inbound-messages": OTTReportResponse,
}


def _row(method: str, path: str) -> Endpoint:
    rows = [e for e in ENDPOINTS if (e.method, e.path) == (method, path)]
    assert len(rows) == 1, (method, path)
    return rows[0]


@pytest.mark.parametrize(
    ("method", "path", "success", "request_type", "response_type", "errors", "query"), DESCRIBED_CALLS
)
def test_every_call_of_the_description(
    method: str, path: str, success: int, request_type: type | None, response_type: type,
    errors: set[int], query: type | None,
) -> None:
    endpoint = _row(method, path)
    assert endpoint.direction is Direction.CALL
    assert endpoint.request is request_type
    assert endpoint.success == success
    assert endpoint.response is response_type
    assert dict(endpoint.responses) == {success: response_type, **dict.fromkeys(errors, ApiError)}
    assert endpoint.query is query


@pytest.mark.parametrize(("method", "path", "_", "request_type", "response_type", "query"), OTHER_CALLS)
def test_the_calls_beyond_the_description(
    method: str, path: str, _: None, request_type: type | None, response_type: type, query: type | None
) -> None:
    endpoint = _row(method, path)
    assert (endpoint.request, endpoint.response, endpoint.query) == (request_type, response_type, query)
    errors = [status for status in endpoint.responses if status >= 400]
    assert errors and all(endpoint.responses[status] is ApiError for status in errors)


def test_nothing_else_is_in_the_table() -> None:
    listed = {(m, p) for m, p, *_ in DESCRIBED_CALLS} | {(m, p) for m, p, *_ in OTHER_CALLS}
    listed |= {("POST", name) for name in DESCRIBED_WEBHOOKS}
    assert {(e.method, e.path) for e in ENDPOINTS} == listed
    assert len(ENDPOINTS) == len(listed)


def test_webhooks_are_calls_to_the_users_server() -> None:
    webhooks = {e.path: e for e in ENDPOINTS if e.direction is Direction.WEBHOOK}
    assert set(webhooks) == set(DESCRIBED_WEBHOOKS)
    for name, body in DESCRIBED_WEBHOOKS.items():
        endpoint = webhooks[name]
        assert (endpoint.method, endpoint.request, endpoint.response, dict(endpoint.responses)) == (
            "POST", body, None, {200: None}
        )
        assert endpoint_for("post", name) is endpoint
        assert endpoint_for("POST", "/" + name) is None


@pytest.mark.parametrize(
    ("method", "path", "request_type", "response_type"),
    [
        ("POST", "/omni/1/text", OmniSimpleRequest, OmniResponse),
        ("post", "/omni/1/text?x=1", OmniSimpleRequest, OmniResponse),
        ("POST", "/omni/1/advanced", OmniAdvancedRequest, OmniResponse),
        ("PUT", "/omni/1/scenarios/AD9E01A5DC7BEE2C2B828D208182A611", CreateOrUpdateScenarioRequest, Scenario),
        ("GET", "/omni/1/scenarios/KEY/", None, Scenario),
        ("GET", "/omni/1/logs?bulkId=a&bulkId=b", None, OmniLogsResponse),
        ("PUT", "/omni/2/campaigns/C1/destinations", Destinations, Campaign),
    ],
)
def test_endpoint_for(method: str, path: str, request_type: type | None, response_type: type) -> None:
    endpoint = endpoint_for(method, path)
    assert endpoint is not None
    assert endpoint.request is request_type
    assert endpoint.response is response_type


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/omni/1/text"),
        ("POST", "/omni/2/text"),
        ("GET", "/omni/1/scenarios/a/b"),
        # What the table once said of adding destinations; the clients say PUT, v2.
        ("POST", "/omni/1/campaigns/C1/destinations"),
        ("PUT", "/omni/1/campaigns/C1/destinations"),
        ("GET", "receive-omni-failover-message-seen-reports"),
    ],
)
def test_unknown_endpoints(method: str, path: str) -> None:
    assert endpoint_for(method, path) is None


@pytest.mark.parametrize(("method", "path"), [(None, "/omni/1/text"), ("POST", None), ("POST", b"/omni/1/text"), (b"POST", "/x")])
def test_a_method_or_path_that_is_no_str_is_a_type_error(method: object, path: object) -> None:
    with pytest.raises(TypeError, match="must be str"):
        endpoint_for(method, path)  # type: ignore[arg-type]


def test_every_endpoint_is_reachable_by_its_own_path() -> None:
    for endpoint in ENDPOINTS:
        assert endpoint_for(endpoint.method, endpoint.path.replace("{", "").replace("}", "")) == endpoint


def test_the_document_types_are_every_body_then_the_error_body() -> None:
    bodies = {
        body for e in ENDPOINTS for body in (e.request, *e.responses.values()) if body is not None
    }
    assert set(DOCUMENT_TYPES) == bodies
    assert len(DOCUMENT_TYPES) == len(bodies)
    assert DOCUMENT_TYPES[-1] is ApiError
    for cls in DOCUMENT_TYPES:
        document_of(cls)  # each declares its root element


def test_a_row_has_one_success_status() -> None:
    with pytest.raises(TypeError, match="one 2xx"):
        Endpoint("GET", "/x", None, {200: None, 201: None})
    with pytest.raises(TypeError, match="one 2xx"):
        Endpoint("GET", "/x", None, {400: ApiError})
