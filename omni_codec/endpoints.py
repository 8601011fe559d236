"""The OMNI endpoints and webhooks, and the types of their bodies and queries.

A server routing ``POST /omni/1/text`` picks the request type here; a client picks
the response type for the status it got, and the query model of a GET; the
command line's ``--endpoint`` does the same. Every call that fails answers with
an :class:`~omni_codec.ApiError` body (SPEC section 4).

Sources, row by row:

* the calls and webhooks of Infobip's OpenAPI description of OMNI (SPEC section
  4): method, path, the status codes it lists, each 2xx body and the error body
  of each 4xx/5xx it lists;
* ``POST /omni/1/text``, the source document's call (its 401 is the error body);
* the campaign calls, as Infobip's Java API client (``infobip-api-java-client``,
  classes ``GetCampaigns``, ``GetCampaignDetails``, ``AddDestination``) publishes
  them: destinations are added with ``PUT`` on version **2** of the path, and the
  answer is the campaign. Its Python client has the same calls.

A webhook is a call Infobip makes to the user's server (``direction`` is
:attr:`Direction.WEBHOOK`): its "path" is the name the description gives it,
since the URL is the user's own (``notifyUrl``); the body is the webhook's
``request``, and the user's server answers 200 without a body.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .models import (
    ApiError,
    Campaign,
    CampaignsQuery,
    CampaignsResponse,
    CreateOrUpdateScenarioRequest,
    Destinations,
    LogsQuery,
    OmniAdvancedRequest,
    OmniLogsResponse,
    OMNIReportsResponse,
    OmniResponse,
    OmniSimpleRequest,
    OmniStruct,
    OTTReportResponse,
    ReportsQuery,
    Scenario,
    ScenariosQuery,
    ScenariosResponse,
    SeenReports,
)

__all__ = ["DOCUMENT_TYPES", "ENDPOINTS", "Direction", "Endpoint", "endpoint_for"]


class Direction(enum.Enum):
    """Who calls whom."""

    #: The user calls Infobip's API.
    CALL = "call"
    #: Infobip calls the user's server (a report or an inbound message).
    WEBHOOK = "webhook"


Body = type[OmniStruct] | None


@dataclass(frozen=True)
class Endpoint:
    """One method and path: its request body type (None: no body), the body
    type of each status it answers (None: no body), and its query model.

    ``response`` is the body of its success (the one 2xx status), as a client
    expects it; ``responses[status]`` the body of any status, error bodies
    included.
    """

    method: str
    path: str
    request: Body
    responses: Mapping[int, Body]
    query: type[OmniStruct] | None = None
    direction: Direction = Direction.CALL
    #: The one 2xx status of ``responses`` (set from it).
    _success: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        successes = [status for status in self.responses if 200 <= status < 300]
        if len(successes) != 1:
            raise TypeError(f"{self.method} {self.path}: one 2xx status, got {successes}")
        object.__setattr__(self, "_success", successes[0])
        object.__setattr__(self, "responses", MappingProxyType(dict(self.responses)))

    @property
    def success(self) -> int:
        """The status of a successful answer (200, or 201 for a creation)."""
        return self._success

    @property
    def response(self) -> Body:
        """The body type of a successful answer (None: no body)."""
        return self.responses[self._success]


def _call(
    method: str,
    path: str,
    request: Body,
    response: Body,
    errors: tuple[int, ...],
    *,
    success: int = 200,
    query: type[OmniStruct] | None = None,
) -> Endpoint:
    """A call to the API: ``response`` for ``success``, the error body for each
    of ``errors`` (the 4xx/5xx statuses its source lists)."""
    responses: dict[int, Body] = {success: response}
    responses.update(dict.fromkeys(errors, ApiError))
    return Endpoint(method, path, request, responses, query)


def _webhook(name: str, body: type[OmniStruct]) -> Endpoint:
    """A call Infobip makes to the user's server, named as the description names
    it; the user's server answers 200 without a body."""
    return Endpoint("POST", name, body, {200: None}, direction=Direction.WEBHOOK)


# The 4xx/5xx statuses each call's source lists (every one with the error body).
_SEND = (400, 401, 403, 500)
_SCENARIOS = (400, 401, 403, 409, 500)
_SCENARIO = (400, 401, 403, 404, 409, 500)
_CREATE = (400, 401, 403, 409, 429, 500)
_UPDATE = (400, 401, 403, 404, 409, 429, 500)
_LOGS = (400, 401, 403, 429, 500)
#: The source document and the clients name only the error body, no statuses.
_ANY_ERROR = (400, 401, 403, 404, 429, 500)

ENDPOINTS: tuple[Endpoint, ...] = (
    _call("POST", "/omni/1/text", OmniSimpleRequest, OmniResponse, _ANY_ERROR),
    _call("POST", "/omni/1/advanced", OmniAdvancedRequest, OmniResponse, _SEND),
    _call("GET", "/omni/1/scenarios", None, ScenariosResponse, _SCENARIOS, query=ScenariosQuery),
    # A scenario's request body is the fields of Scenario a client may set.
    _call("POST", "/omni/1/scenarios", CreateOrUpdateScenarioRequest, Scenario, _CREATE, success=201),
    _call("GET", "/omni/1/scenarios/{scenarioKey}", None, Scenario, _SCENARIO),
    _call("PUT", "/omni/1/scenarios/{scenarioKey}", CreateOrUpdateScenarioRequest, Scenario, _UPDATE),
    _call("GET", "/omni/1/reports", None, OMNIReportsResponse, _SEND, query=ReportsQuery),
    _call("GET", "/omni/1/logs", None, OmniLogsResponse, _LOGS, query=LogsQuery),
    _call("GET", "/omni/1/campaigns", None, CampaignsResponse, _ANY_ERROR, query=CampaignsQuery),
    _call("GET", "/omni/1/campaigns/{campaignKey}", None, Campaign, _ANY_ERROR),
    _call("PUT", "/omni/2/campaigns/{campaignKey}/destinations", Destinations, Campaign, _ANY_ERROR),
    _webhook("receive-omni-failover-message-delivery-reports", OMNIReportsResponse),
    _webhook("receive-omni-failover-message-seen-reports", SeenReports),
    _webhook("receive-omni-failover-inbound-messages", OTTReportResponse),
)

#: The types that are whole documents (request and response bodies): every body of
#: an endpoint, in the order of the table, then the error body any call may answer.
#: The XSD declares their root elements in this order.
DOCUMENT_TYPES: tuple[type[OmniStruct], ...] = (
    *dict.fromkeys(
        body
        for endpoint in ENDPOINTS
        for body in (endpoint.request, *endpoint.responses.values())
        if body is not None and body is not ApiError
    ),
    ApiError,
)


def _pattern(endpoint: Endpoint) -> re.Pattern[str]:
    if endpoint.direction is Direction.WEBHOOK:
        return re.compile(re.escape(endpoint.path))  # a name, matched as it is
    return re.compile(re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(endpoint.path)) + r"/?")


_PATTERNS = [(endpoint, _pattern(endpoint)) for endpoint in ENDPOINTS]


def endpoint_for(method: str, path: str) -> Endpoint | None:
    """The endpoint for a request line, e.g. ``("POST", "/omni/1/text?x=1")``.

    ``method`` is matched case-insensitively; ``path`` may carry a query and path
    parameters (``/omni/1/scenarios/ABC``); a webhook is found by its name
    (``("POST", "receive-omni-failover-message-delivery-reports")``). Returns the
    :class:`Endpoint`, or None for a call that is not an OMNI endpoint. Raises
    TypeError only for a ``method`` or ``path`` that is not a ``str``.
    """
    if not isinstance(method, str) or not isinstance(path, str):
        raise TypeError(f"method and path must be str, got {type(method).__name__} and {type(path).__name__}")
    path = path.split("?", 1)[0]
    for endpoint, pattern in _PATTERNS:
        if endpoint.method == method.upper() and pattern.fullmatch(path):
            return endpoint
    return None


def __dir__() -> list[str]:
    return sorted(__all__)
