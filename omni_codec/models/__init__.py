"""Typed models of every OMNI type: msgspec Structs, one module per API area."""

from ._base import Int32, OmniStruct, PhoneNumber
from .advanced import (
    EmailData,
    FacebookData,
    Language,
    LineData,
    NotificationOptions,
    OmniAdvancedRequest,
    ParsecoData,
    PushData,
    SmsData,
    ViberData,
    VKontakteData,
    VoiceData,
)
from .api_errors import ApiError, RequestError, ServiceException
from .campaigns import Campaign, CampaignDestination, CampaignsResponse, Destinations
from .enums import FacebookDataType, Gender, LineDataType, OmniChannel, TimeUnit
from .messages import (
    Destination,
    OmniResponse,
    OmniResponseDetails,
    OmniSimpleRequest,
    Status,
    To,
)
from .reports import Error, OmniLog, OmniLogsResponse, OMNIReport, OMNIReportsResponse, Price
from .scenarios import Scenario, ScenariosResponse, Step

#: The types that are whole documents (request and response bodies), in the order
#: the XSD declares their root elements.
DOCUMENT_TYPES: tuple[type[OmniStruct], ...] = (
    OmniSimpleRequest,
    OmniResponse,
    OmniAdvancedRequest,
    ScenariosResponse,
    Scenario,
    OMNIReportsResponse,
    OmniLogsResponse,
    CampaignsResponse,
    Destinations,
    ApiError,
)

__all__ = [
    "DOCUMENT_TYPES",
    "ApiError",
    "Campaign",
    "CampaignDestination",
    "CampaignsResponse",
    "Destination",
    "Destinations",
    "EmailData",
    "Error",
    "FacebookData",
    "FacebookDataType",
    "Gender",
    "Int32",
    "Language",
    "LineData",
    "LineDataType",
    "NotificationOptions",
    "OMNIReport",
    "OMNIReportsResponse",
    "OmniAdvancedRequest",
    "OmniChannel",
    "OmniLog",
    "OmniLogsResponse",
    "OmniResponse",
    "OmniResponseDetails",
    "OmniSimpleRequest",
    "OmniStruct",
    "ParsecoData",
    "PhoneNumber",
    "Price",
    "PushData",
    "RequestError",
    "Scenario",
    "ScenariosResponse",
    "ServiceException",
    "SmsData",
    "Status",
    "Step",
    "TimeUnit",
    "To",
    "VKontakteData",
    "ViberData",
    "VoiceData",
]


def __dir__() -> list[str]:
    return sorted(__all__)
