"""omni_codec: the Infobip OMNI API v1 wire format, JSON and XML.

Typed models (msgspec Structs) for every OMNI type, and paired codecs:
:mod:`omni_codec.json` and :mod:`omni_codec.xml`, each with ``encode``, ``decode``,
``Encoder`` and ``Decoder``; ``omni_codec.xml.validate`` checks a document against
the XSD. :mod:`omni_codec.query` reads and writes the GET endpoints' query
strings with the same surface. :mod:`omni_codec.schemas` gives the shipped XSD and JSON Schemas. Every
error is an :class:`omni_codec.CodecError`.
"""

from . import json, media, query, schemas, xml
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
# The models, as each module of the models package lists them (star imports of
# modules with a literal __all__: the form type checkers follow for re-exports).
from . import models as _models
from .models import DOCUMENT_TYPES
from .models.advanced import *  # noqa: F403
from .models.api_errors import *  # noqa: F403
from .models.campaigns import *  # noqa: F403
from .models.enums import *  # noqa: F403
from .models.line import *  # noqa: F403
from .models.inbound import *  # noqa: F403
from .models.kakao import *  # noqa: F403
from .models.messages import *  # noqa: F403
from .models.queries import *  # noqa: F403
from .models.reports import *  # noqa: F403
from .models.scenarios import *  # noqa: F403
from .models.seen import *  # noqa: F403
from .models.whatsapp import *  # noqa: F403

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
    "query",
    "schemas",
    "xml",
]
# Every model and DOCUMENT_TYPES, but the building blocks of new models.
__all__ += [name for name in _models.__all__ if name not in _models._base.__all__]


def __dir__() -> list[str]:
    return sorted(__all__)
