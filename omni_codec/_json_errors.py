"""JSON decode errors that say what is wrong once, and where.

msgspec reports malformed JSON as ``JSON is malformed: invalid character (byte 19)``;
the codec reports it as ``Malformed JSON: invalid character (line 2, column 7)``,
with ``line`` and ``column`` on the error, counted as an editor counts them (from 1,
the column in characters). The byte offset is turned into a position only when
there is an error, so decoding valid input costs nothing here.

A model's rule that a field is required although its type allows ``None`` (the
simple request's ``phoneNumber``) cannot tell an absent member from a ``null`` one;
:func:`null_where_required` looks at the input again, on the error path only, so
that ``"phoneNumber": null`` is reported as null rather than as missing.
"""

from __future__ import annotations

import re
from typing import Any

import msgspec

from ._paths import join, split
from ._scalars import describe, is_decimal_text
from .errors import DecodeError, ValidationError

__all__ = [
    "UTF8_BOM",
    "locate",
    "malformed",
    "misspelled_decimal",
    "not_unicode",
    "null_where_required",
    "position",
    "repeated_member_error",
]

#: The UTF-8 byte order mark, accepted (and skipped) at the start of JSON bytes,
#: as the XML parser accepts it.
UTF8_BOM = b"\xef\xbb\xbf"

_MALFORMED = re.compile(r"\A(?:JSON is malformed: )?(?P<what>.*?)(?: \(byte (?P<byte>\d+)\))?\Z", re.DOTALL)
_MISSING = re.compile(r"\AObject missing required field `(?P<name>[^`]*)`\Z")
#: The messages of the typed pass that are about a decimal: a text ``Decimal()``
#: refuses (msgspec's), ``NaN``, an infinity or a value out of the XSD's bounds
#: (the models' checks).
_DECIMAL_ERRORS = ("Invalid decimal string", "Expected a finite decimal", "Decimal ")
#: A shadow's message for a text the pattern of the XSD's form refuses: in a shadow,
#: only a decimal has a pattern (``_json_shadows``); in the typed pass, any string
#: field may.
_SHADOW_DECIMAL_ERRORS = (*_DECIMAL_ERRORS, "Expected `str` matching regex ")


def position(data: bytes, offset: int) -> tuple[int, int]:
    """The line and column (from 1; the column in characters) of byte ``offset``."""
    offset = max(0, min(offset, len(data)))
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[start:offset].decode("utf-8", "replace")) + 1
    return line, column


def malformed(exc: msgspec.DecodeError, data: bytes | bytearray | memoryview | str) -> DecodeError:
    """msgspec's syntax error as a :class:`DecodeError` with line and column."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    if not raw.strip():
        return DecodeError("Malformed JSON: no document (the input is empty)")
    match = _MALFORMED.match(str(exc))
    assert match is not None  # the pattern matches any text
    what, offset = match.group("what"), match.group("byte")
    if offset is None and what == "Input data was truncated":
        what, offset = "the input ends inside the document", str(len(raw.rstrip()))
    if offset is None:
        return DecodeError(f"Malformed JSON: {what}")
    at = int(offset)
    if what == "trailing characters":
        at -= 1  # msgspec gives the offset just after the first trailing byte
    line, column = position(raw, at)
    return DecodeError(f"Malformed JSON: {what}", line=line, column=column)


def not_unicode(exc: UnicodeError, data: bytes | str) -> DecodeError:
    """Input that is not UTF-8 (or a ``str`` with lone surrogates), located."""
    reason = getattr(exc, "reason", str(exc))
    start = getattr(exc, "start", None)
    if isinstance(data, bytes) and isinstance(start, int):
        line, column = position(data, start)
        return DecodeError(f"Malformed JSON: not UTF-8 ({reason})", line=line, column=column)
    return DecodeError(f"Malformed JSON: not valid Unicode ({reason})")


def null_where_required(error: ValidationError, data: bytes | str) -> ValidationError:
    """``error`` restated when the "missing" field is present as ``null``."""
    missing = _MISSING.match(error.message)
    if missing is None:
        return error
    try:
        value: Any = msgspec.json.decode(data)
    except (msgspec.DecodeError, RecursionError):
        return error
    for segment in split(error.path):
        if isinstance(segment, int):
            if not isinstance(value, list) or segment >= len(value):
                return error
        elif not isinstance(value, dict) or segment not in value:
            return error
        value = value[segment]
    if value is not None:
        return error
    return ValidationError(
        f"Required field `{missing.group('name')}` is null; expected a value", path=error.path
    )


def misspelled_decimal(error: ValidationError, data: bytes | str, *, shadow: bool = False) -> ValidationError:
    """``error`` restated, as the XML decoder says it, when it is about a decimal
    written as a string not in the XSD's form: with the text and where it is. (A
    text in that form keeps the error about its value.) ``shadow`` says that a
    shadow type (``_json_shadows``), not the typed pass, reported ``error``."""
    if not error.message.startswith(_SHADOW_DECIMAL_ERRORS if shadow else _DECIMAL_ERRORS) or error.path is None:
        return error
    text = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
    offset = locate(text, error.path)
    token = None if offset is None else _TOKEN.match(text, offset)
    if token is None or not token.group().startswith(b'"'):
        return error
    try:
        written = msgspec.json.decode(token.group())
    except msgspec.DecodeError:  # (not a token the typed pass read: leave the error as it is)
        return error
    if not isinstance(written, str) or is_decimal_text(written):
        return error
    line, column = position(text, offset)  # type: ignore[arg-type]  # (not None with a token)
    return ValidationError(f"Expected `decimal`, got {describe(written)}", path=error.path, line=line, column=column)


# One JSON token: a string, a structural character, or a run of anything else (a
# number or a literal). Whitespace between tokens is passed over by finditer.
_TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*"|[{}\[\],:]|[^\s{}\[\],:"]+', re.DOTALL)


def locate(data: bytes, path: str) -> int | None:
    """The byte offset of the value at ``path`` in the JSON text ``data``.

    Where the path leads to a member that is absent, the offset of the object that
    lacks it. ``None`` when the text cannot be followed (it is not well-formed
    there). For error messages only: this reads the text in Python, token by token.
    """
    tokens = _TOKEN.finditer(data)
    try:
        token = next(tokens)
        for segment in split(path):
            found = _descend(tokens, token, segment)
            if found is None:
                return token.start()
            token = found
        return token.start()
    except (StopIteration, ValueError):
        return None


def repeated_member_error(data: bytes | str, segments: list[str | int]) -> ValidationError:
    """The error for the member at ``segments`` whose name its object gave before,
    with the line and column of the second name (the path alone names both)."""
    text = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
    *parent, name = segments
    line = column = None
    offset = _second_name(text, parent, name)
    if offset is not None:
        line, column = position(text, offset)
    return ValidationError(
        f"Member `{name}` appears more than once in its object", path=join(segments), line=line, column=column
    )


def _second_name(data: bytes, parent: list[str | int], name: str | int) -> int | None:
    tokens = _TOKEN.finditer(data)
    try:
        token = next(tokens)
        for segment in parent:
            found = _descend(tokens, token, segment)
            if found is None:
                return None
            token = found
        if token.group() != b"{":
            return None
        seen = False
        while True:
            key = next(tokens)
            if key.group() == b"}" or next(tokens).group() != b":":
                return None
            if msgspec.json.decode(key.group()) == name:
                if seen:
                    return key.start()
                seen = True
            _skip(tokens, next(tokens))
            if next(tokens).group() == b"}":
                return None
    except (StopIteration, ValueError, msgspec.DecodeError):
        return None


def _descend(tokens: Any, token: re.Match[bytes], segment: str | int) -> re.Match[bytes] | None:
    """The value at ``segment`` of the object or array that ``token`` opens, or None
    where it has none; ValueError where ``token`` opens no container of that kind."""
    opening = token.group()
    if isinstance(segment, int) and opening == b"[":
        return _enter_array(tokens, segment)
    if isinstance(segment, str) and opening == b"{":
        return _enter_object(tokens, segment)
    raise ValueError("not the container the path expects")


def _enter_object(tokens: Any, name: str) -> re.Match[bytes] | None:
    while True:
        key = next(tokens)
        if key.group() == b"}":
            return None
        if next(tokens).group() != b":":
            raise ValueError("expected ':'")
        value = next(tokens)
        if msgspec.json.decode(key.group()) == name:
            return value  # type: ignore[no-any-return]
        _skip(tokens, value)
        if next(tokens).group() == b"}":
            return None


def _enter_array(tokens: Any, index: int) -> re.Match[bytes] | None:
    position = 0
    while True:
        value = next(tokens)
        if value.group() == b"]":
            return None
        if position == index:
            return value  # type: ignore[no-any-return]
        _skip(tokens, value)
        position += 1
        if next(tokens).group() == b"]":
            return None


def _skip(tokens: Any, value: re.Match[bytes]) -> None:
    if value.group() not in (b"{", b"["):
        return
    depth = 1
    for token in tokens:
        text = token.group()
        if text in (b"{", b"["):
            depth += 1
        elif text in (b"}", b"]"):
            depth -= 1
            if not depth:
                return
    raise ValueError("unterminated")
