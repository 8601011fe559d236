"""The OMNI v1 endpoints and the types of their bodies.

A server routing ``POST /omni/1/text`` picks the request type here; a client picks
the response type; the command line's ``--endpoint`` does the same. Any failed call
answers with an :class:`~omni_codec.ApiError` body instead (SPEC section 4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import (
    ApiError,
    CampaignsResponse,
    Destinations,
    OmniAdvancedRequest,
    OmniLogsResponse,
    OMNIReportsResponse,
    OmniResponse,
    OmniSimpleRequest,
    OmniStruct,
    Scenario,
    ScenariosResponse,
)

__all__ = ["DOCUMENT_TYPES", "ENDPOINTS", "Endpoint", "endpoint_for"]


@dataclass(frozen=True)
class Endpoint:
    """One method and path: the type of its request body (None: no body) and answer."""

    method: str
    path: str
    request: type[OmniStruct] | None
    response: type[OmniStruct] | None


ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint("POST", "/omni/1/text", OmniSimpleRequest, OmniResponse),
    Endpoint("POST", "/omni/1/advanced", OmniAdvancedRequest, OmniResponse),
    Endpoint("GET", "/omni/1/scenarios", None, ScenariosResponse),
    Endpoint("POST", "/omni/1/scenarios", Scenario, Scenario),
    Endpoint("GET", "/omni/1/scenarios/{key}", None, Scenario),
    Endpoint("PUT", "/omni/1/scenarios/{key}", Scenario, Scenario),
    Endpoint("GET", "/omni/1/reports", None, OMNIReportsResponse),
    Endpoint("GET", "/omni/1/logs", None, OmniLogsResponse),
    Endpoint("GET", "/omni/1/campaigns", None, CampaignsResponse),
    Endpoint("POST", "/omni/1/campaigns/{campaignKey}/destinations", Destinations, None),
)

#: The types that are whole documents (request and response bodies): every body of
#: an endpoint, in the order of the table, then the error body any call may answer.
#: The XSD declares their root elements in this order.
DOCUMENT_TYPES: tuple[type[OmniStruct], ...] = (
    *dict.fromkeys(
        body for endpoint in ENDPOINTS for body in (endpoint.request, endpoint.response)
        if body is not None
    ),
    ApiError,
)


def _pattern(path: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + r"/?")


_PATTERNS = [(endpoint, _pattern(endpoint.path)) for endpoint in ENDPOINTS]


def endpoint_for(method: str, path: str) -> Endpoint | None:
    """The endpoint for a request line, e.g. ``("POST", "/omni/1/text?x=1")``.

    ``method`` is matched case-insensitively; ``path`` may carry a query and path
    parameters (``/omni/1/scenarios/ABC``). Returns the :class:`Endpoint`, or None
    for a call that is not an OMNI v1 endpoint. Raises nothing.
    """
    path = path.split("?", 1)[0]
    for endpoint, pattern in _PATTERNS:
        if endpoint.method == method.upper() and pattern.fullmatch(path):
            return endpoint
    return None


def __dir__() -> list[str]:
    return sorted(__all__)
