"""The endpoint table picks body types by method and path."""

from __future__ import annotations

import pytest

from omni_codec import OmniAdvancedRequest, OmniResponse, OmniSimpleRequest, Scenario
from omni_codec.endpoints import ENDPOINTS, endpoint_for


@pytest.mark.parametrize(
    ("method", "path", "request_type", "response_type"),
    [
        ("POST", "/omni/1/text", OmniSimpleRequest, OmniResponse),
        ("post", "/omni/1/text?x=1", OmniSimpleRequest, OmniResponse),
        ("POST", "/omni/1/advanced", OmniAdvancedRequest, OmniResponse),
        ("PUT", "/omni/1/scenarios/AD9E01A5DC7BEE2C2B828D208182A611", Scenario, Scenario),
        ("GET", "/omni/1/scenarios/KEY/", None, Scenario),
    ],
)
def test_endpoint_for(method: str, path: str, request_type: type | None, response_type: type) -> None:
    endpoint = endpoint_for(method, path)
    assert endpoint is not None
    assert endpoint.request is request_type
    assert endpoint.response is response_type


@pytest.mark.parametrize(("method", "path"), [("GET", "/omni/1/text"), ("POST", "/omni/2/text"), ("GET", "/omni/1/scenarios/a/b")])
def test_unknown_endpoints(method: str, path: str) -> None:
    assert endpoint_for(method, path) is None


def test_every_endpoint_is_reachable_by_its_own_path() -> None:
    for endpoint in ENDPOINTS:
        assert endpoint_for(endpoint.method, endpoint.path.replace("{", "").replace("}", "")) == endpoint
