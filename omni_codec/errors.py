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
    """Input that is not well-formed, uses a forbidden construct, or exceeds a limit.

    ``message`` is the description alone; ``line`` and ``column`` (both counted
    from 1, the column in characters) locate the problem in the input when it is
    known: XML input gives the line, malformed JSON the line and column.
    ``str(err)`` is the message followed by the location, e.g.
    ``Malformed JSON: invalid character (line 3, column 17)``.
    """

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None) -> None:
        self.message = message
        self.line = line
        self.column = column
        super().__init__(message + _where(line, column))


class ValidationError(DecodeError):
    """Well-formed input of the wrong shape, type or value, including XSD failures.

    ``path`` is the location in the wire form's JSON-style notation (``$`` is the
    document root); ``line`` is the source line for XML input, else ``None``;
    ``column`` is ``None`` unless a caller located the value more precisely.
    ``errors`` lists every error found when the check collects them all
    (``omni_codec.xml.validate(..., all_errors=True)``); otherwise it holds this
    error alone.
    """

    _others: tuple[ValidationError, ...] = ()

    def __init__(
        self, message: str, *, path: str = "$", line: int | None = None, column: int | None = None
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        CodecError.__init__(self, f"{message} - at `{path}`" + _where(line, column))

    @property
    def errors(self) -> tuple[ValidationError, ...]:
        """This error, then any others found in the same input."""
        return (self, *self._others)


def _where(line: int | None, column: int | None) -> str:
    if line is None:
        return ""
    return f" (line {line})" if column is None else f" (line {line}, column {column})"


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


def __dir__() -> list[str]:
    return sorted(__all__)
