"""The error hierarchy (SPEC section 2).

Every exception that leaves an encode or decode call is one of these; foreign
exceptions (msgspec's, lxml's, the codec machinery's) are translated at the format
boundary. All of them are ``ValueError`` subclasses, so code that already treats bad
payloads as bad values keeps working.

A :class:`ValidationError` carries the failing location as a format-independent path
(``$.destinations[1].to.phoneNumber``) so that the same bad payload gets the same
path whether it arrived as JSON or as XML; XML input adds the source line.
"""

from __future__ import annotations

__all__ = [
    "CodecError",
    "DecodeError",
    "EncodeError",
    "MediaTypeError",
    "NotAcceptable",
    "UnsupportedMediaType",
    "ValidationError",
]


class CodecError(ValueError):
    """Base of every error raised by omni_codec."""


class DecodeError(CodecError):
    """Input that is not well-formed, uses a forbidden construct, or exceeds a limit."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        self.message = message
        self.line = line
        super().__init__(message if line is None else f"{message} (line {line})")


class ValidationError(DecodeError):
    """Well-formed input of the wrong shape, type or value, including XSD failures.

    ``path`` is the location in the wire form's JSON-style notation (``$`` is the
    document root); ``line`` is the source line for XML input, else ``None``.
    """

    def __init__(self, message: str, *, path: str = "$", line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        located = f"{message} - at `{path}`"
        CodecError.__init__(self, located if line is None else f"{located} (line {line})")


class EncodeError(CodecError):
    """A value that cannot be written, e.g. a character XML 1.0 cannot carry.

    ``path`` names the field in the same notation as :class:`ValidationError`.
    """

    def __init__(self, message: str, *, path: str = "$") -> None:
        self.message = message
        self.path = path
        super().__init__(f"{message} - at `{path}`")


class MediaTypeError(CodecError):
    """A media type the codec cannot read or write (see :mod:`omni_codec.media`)."""


class UnsupportedMediaType(MediaTypeError):
    """A body whose Content-Type is neither JSON nor XML: HTTP 415."""

    status = 415


class NotAcceptable(MediaTypeError):
    """An Accept header that admits neither JSON nor XML: HTTP 406."""

    status = 406
