"""Typed models of every OMNI type: msgspec Structs, one module per API area.

Each module's ``__all__`` lists its models; this package's public list is theirs,
so a model is listed once, where it is defined.
"""

from . import (
    _base, advanced, api_errors, campaigns, enums, inbound, kakao, line, messages, queries, reports,
    scenarios, seen, whatsapp,
)
from ._base import *  # noqa: F403
from .advanced import *  # noqa: F403
from .api_errors import *  # noqa: F403
from .campaigns import *  # noqa: F403
from .enums import *  # noqa: F403
from .inbound import *  # noqa: F403
from .kakao import *  # noqa: F403
from .line import *  # noqa: F403
from .messages import *  # noqa: F403
from .queries import *  # noqa: F403
from .reports import *  # noqa: F403
from .scenarios import *  # noqa: F403
from .seen import *  # noqa: F403
from .whatsapp import *  # noqa: F403

# The document types follow from the endpoint table (what each call sends and
# answers) and the error body: they are listed there, not here.
from ..endpoints import DOCUMENT_TYPES  # noqa: E402  (needs the models above)

# (Extended one module at a time: the form type checkers follow for re-exports.)
__all__ = ["DOCUMENT_TYPES"]
__all__ += _base.__all__
__all__ += advanced.__all__
__all__ += api_errors.__all__
__all__ += campaigns.__all__
__all__ += enums.__all__
__all__ += inbound.__all__
__all__ += kakao.__all__
__all__ += line.__all__
__all__ += messages.__all__
__all__ += queries.__all__
__all__ += reports.__all__
__all__ += scenarios.__all__
__all__ += seen.__all__
__all__ += whatsapp.__all__


def __dir__() -> list[str]:
    return sorted(__all__)
