"""Foreign exceptions translated into the error hierarchy, at the format boundary.

msgspec ends every validation message with ``- at `$.path```; the path is taken
from there so that JSON and XML input report the same location. A rule a model
checks itself (``__post_init__``) raises omni_codec's own ValidationError, which
msgspec wraps; its path is relative to the model and is joined to msgspec's.
"""

from __future__ import annotations

import re

import msgspec

from .errors import ValidationError

__all__ = ["validation_error"]

_LOCATED = re.compile(r"\A(?P<message>.*?)(?: - at `(?P<path>\$[^`]*)`)?\Z", re.DOTALL)


def validation_error(exc: msgspec.ValidationError) -> ValidationError:
    cause = exc.__cause__
    if isinstance(cause, ValidationError):
        outer = _LOCATED.match(str(exc)[len(str(cause)):])
        prefix = outer.group("path") if outer and outer.group("path") else "$"
        return ValidationError(cause.message, path=prefix + cause.path[1:])
    match = _LOCATED.match(str(exc))
    assert match is not None
    return ValidationError(match.group("message"), path=match.group("path") or "$")
