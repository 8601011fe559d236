"""omni_codec: the Infobip OMNI API v1 wire format, JSON and XML.

Typed models (msgspec Structs) for every OMNI type, and paired codecs:
:mod:`omni_codec.json` and :mod:`omni_codec.xml`, each with ``encode``, ``decode``,
``Encoder`` and ``Decoder``; ``omni_codec.xml.validate`` checks a document against
the XSD. :mod:`omni_codec.schemas` gives the shipped XSD and JSON Schemas. Every
error is an :class:`omni_codec.CodecError`.
"""

from . import json, media, schemas, xml
from .errors import (
    CodecError,
    DecodeError,
    EncodeError,
    MediaTypeError,
    NotAcceptable,
    UnsupportedMediaType,
    ValidationError,
)
from .limits import DEFAULT_LIMITS, Limits
from .models import *  # noqa: F403  (the models' __all__ is the public list)
from .models import __all__ as _model_names

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_LIMITS",
    "CodecError",
    "DecodeError",
    "EncodeError",
    "Limits",
    "MediaTypeError",
    "NotAcceptable",
    "UnsupportedMediaType",
    "ValidationError",
    "json",
    "media",
    "schemas",
    "xml",
    *(name for name in _model_names if name not in ("Int32", "OmniStruct", "PhoneNumber")),
]


def __dir__() -> list[str]:
    return sorted(__all__)
