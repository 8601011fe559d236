"""omni_codec: the Infobip OMNI API v1 wire format, JSON and XML.

Typed models (msgspec Structs) for every OMNI type, and paired codecs:
:mod:`omni_codec.json` and :mod:`omni_codec.xml`, each with ``encode``, ``decode``,
``Encoder`` and ``Decoder``; ``omni_codec.xml.validate`` checks a document against
the XSD. Every error is an :class:`omni_codec.CodecError`.
"""

from . import json, xml
from .errors import CodecError, DecodeError, EncodeError, ValidationError
from .limits import DEFAULT_LIMITS, Limits
from .models import (
    Destination,
    OmniResponse,
    OmniResponseDetails,
    OmniSimpleRequest,
    Status,
    To,
)

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_LIMITS",
    "CodecError",
    "DecodeError",
    "Destination",
    "EncodeError",
    "Limits",
    "OmniResponse",
    "OmniResponseDetails",
    "OmniSimpleRequest",
    "Status",
    "To",
    "ValidationError",
    "json",
    "xml",
]


def __dir__() -> list[str]:
    return sorted(__all__)
