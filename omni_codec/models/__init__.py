"""Typed models of every OMNI type: msgspec Structs, one module per API area."""

from ._base import Int32, OmniStruct, PhoneNumber
from .messages import (
    Destination,
    OmniResponse,
    OmniResponseDetails,
    OmniSimpleRequest,
    Status,
    To,
)

#: The types that are whole documents (request and response bodies), in the order
#: the XSD declares their root elements.
DOCUMENT_TYPES: tuple[type[OmniStruct], ...] = (OmniSimpleRequest, OmniResponse)

__all__ = [
    "DOCUMENT_TYPES",
    "Destination",
    "Int32",
    "OmniResponse",
    "OmniResponseDetails",
    "OmniSimpleRequest",
    "OmniStruct",
    "PhoneNumber",
    "Status",
    "To",
]
