"""The query form (``bulkId=a&limit=10``): the GET endpoints' parameters as models.

The same surface as :mod:`omni_codec.json`: ``encode``, ``decode``, ``Encoder``,
``Decoder``, for the query models of :mod:`omni_codec.models.queries` (any model
whose fields are scalars or lists of scalars has a query form). A server checks a
request's query with ``decode(query, type=LogsQuery)``; a client builds one with
``encode(LogsQuery(...))``. The endpoint table says which model each GET takes
(:attr:`omni_codec.endpoints.Endpoint.query`).

The form is ``application/x-www-form-urlencoded`` as HTML and the WHATWG URL
standard read it, made exact where they are lenient, so that what is decoded is
what was meant:

* pairs are separated by ``&`` (empty pairs, as in ``a=1&&b=2``, carry nothing and
  are skipped); a pair without ``=`` is a parameter with an empty value;
* names and values are percent-decoded, ``+`` standing for a space; an escape that
  is not ``%`` and two hex digits, or bytes that are not UTF-8, are a
  :class:`~omni_codec.DecodeError` giving the column (where browsers would keep the
  text as it is, or put U+FFFD in its place, silently);
* a list field is one pair per item (``bulkId=a&bulkId=b``: ``style: form,
  explode: true`` in Infobip's OpenAPI description, and what its Java client
  sends); a comma is part of a value, not a separator, as an ID may hold one. Any
  other parameter given twice is a :class:`~omni_codec.ValidationError`, as
  keeping either value would drop the other;
* values are read as the XML form reads element text (:mod:`omni_codec._scalars`):
  ``true``/``false``/``1``/``0``, XML Schema integers, datetimes in the published
  form or RFC 3339. A datetime's offset sign ``+`` must be sent as ``%2B``: a bare
  ``+`` is a space, and the error says so;
* an empty value is the empty string, for a string, and an error for a number,
  a flag or a datetime, which have no empty form;
* unknown parameters are ignored, and ``strict=True`` rejects them, with
  unknown enumeration values (SPEC section 4), as the JSON and XML decoders do
  with unknown members and elements (SPEC section 5).

Errors are those of the other formats: a :class:`~omni_codec.ValidationError`
names the parameter as a path (``$.limit``, ``$.bulkId[1]``); nothing but a
:class:`~omni_codec.CodecError` escapes. The encoder checks the value first, as
the JSON encoder does, and writes the parameters in field order, every character
that is not unreserved (RFC 3986) or one of ``:/@,`` percent-encoded as UTF-8.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Generic, TypeVar, cast
from urllib.parse import quote, unquote_to_bytes

import msgspec

from ._binding import FieldShape, Kind, ValueShape, shape_of
from ._checks import fast_check, find_problem
from ._decoders import DecoderCache
from ._hooks import dec_hook
from ._scalars import (
    ScalarError,
    describe,
    format_datetime,
    format_decimal,
    parse_bool,
    parse_datetime,
    parse_decimal,
    parse_int,
)
from ._translate import validation_error
from ._xml.chars import NOT_XML_CHAR
from .errors import DecodeError, EncodeError, ValidationError
from .limits import DEFAULT_LIMITS, Limits

__all__ = ["Decoder", "Encoder", "decode", "encode"]

T = TypeVar("T")

#: ``%`` not followed by two hex digits.
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
#: What the encoder leaves as it is, beside RFC 3986's unreserved characters.
_SAFE = ":/@,"


# --- The plan of a type: each parameter's wire name, shape and readers ---------------


@dataclass(frozen=True, eq=False)
class _Parameter:
    field: FieldShape
    many: bool
    kind: Kind
    enum_values: frozenset[str] | None


@cache
def _plan(cls: type[msgspec.Struct]) -> dict[str, _Parameter]:
    """The parameters of ``cls`` by wire name; a ``TypeError`` naming the field
    for a type without a query form (a field holding objects or free-form JSON)."""
    plan = {}
    for field in shape_of(cls).fields:
        value, many = field.value, False
        if value.kind is Kind.LIST:
            assert value.item is not None
            value, many = value.item, True
        if value.kind not in _READERS:
            what = "a list of lists" if value.kind is Kind.LIST else f"a {value.kind.value} value"
            raise TypeError(f"{cls.__name__}.{field.attr}: {what} has no query form")
        plan[field.name] = _Parameter(field, many, value.kind, _known(value))
    return plan


def _known(value: ValueShape) -> frozenset[str] | None:
    return frozenset(value.enum_values) if value.kind is Kind.ENUM else None


def _text(text: str) -> str:
    return text


#: How each kind of value is read from its text (a ScalarError if it is not one).
_READERS: dict[Kind, Callable[[str], Any]] = {
    Kind.STRING: _text,
    Kind.ENUM: _text,  # msgspec makes the member, or an unknown value (SPEC 4)
    Kind.INT: parse_int,
    Kind.BOOL: parse_bool,
    Kind.DECIMAL: parse_decimal,
    Kind.DATETIME: parse_datetime,
}


# --- Decoding -------------------------------------------------------------------------


class Decoder(Generic[T]):
    """A reusable query decoder for one type: ``Decoder(LogsQuery).decode(qs)``.

    ``strict=True`` rejects unknown parameters and unknown enumeration values,
    with their path; ``limits`` bounds the input's size (``max_bytes``) and the
    items of a repeated parameter (``max_list_items``). A ``type`` that is not a
    model, or has no query form, is a ``TypeError``.
    """

    __slots__ = ("_limits", "_plan", "_strict", "type")

    def __init__(
        self, type: type[T], *, strict: bool = False, limits: Limits = DEFAULT_LIMITS
    ) -> None:
        self._plan = _plan(type)  # type: ignore[arg-type]  # a TypeError for a non-OMNI type
        if not isinstance(limits, Limits):
            raise TypeError(f"limits must be a Limits, got {limits!r}")
        self.type = type
        self._strict = strict
        self._limits = limits

    def __repr__(self) -> str:
        return f"omni_codec.query.Decoder({self.type.__name__}, strict={self._strict}, limits={self._limits!r})"

    def decode(self, query: str | bytes | bytearray | memoryview, /) -> T:
        """The value of ``type`` that ``query`` (the part of a URL after ``?``,
        as ``str`` or UTF-8 bytes) holds.

        Raises :class:`~omni_codec.DecodeError` for a query that is not
        well-formed (a bad escape, not UTF-8: with the column) or over a limit,
        and :class:`~omni_codec.ValidationError` for a parameter of the wrong
        type or value, given twice, or unknown under ``strict``.
        """
        text = _input(query, self._limits)
        values: dict[str, Any] = {}
        for name, raw, column in _pairs(text):
            parameter = self._plan.get(name)
            if parameter is None:
                if self._strict:
                    # msgspec's words for an unknown key (as strict JSON), the name
                    # cut short: messages never echo a payload.
                    shown = name if len(name) <= 60 else name[:57] + "..."
                    raise ValidationError(f"Object contains unknown field `{shown}`", path="$")
                continue
            path = f"$.{name}"
            if parameter.many:
                items = values.setdefault(name, [])
                if len(items) >= self._limits.max_list_items:
                    raise self._limits.items_error(len(items) + 1, path)
                path = f"{path}[{len(items)}]"
                items.append(self._read(parameter, raw, path))
            elif name in values:
                raise ValidationError(
                    "Parameter given more than once (only a list parameter may repeat)", path=path
                )
            else:
                values[name] = self._read(parameter, raw, path)
        try:
            value: T = msgspec.convert(values, self.type, dec_hook=dec_hook)
        except msgspec.ValidationError as exc:
            raise validation_error(exc) from None
        # What XML 1.0 cannot carry, the models do not hold (SPEC section 6).
        problem = find_problem(value)
        if problem is not None:
            raise ValidationError(problem.message, path=problem.path)
        return value

    def _read(self, parameter: _Parameter, raw: str, path: str) -> Any:
        try:
            value = _READERS[parameter.kind](raw)
        except ScalarError as exc:
            message = str(exc)
            if parameter.kind is Kind.DATETIME and " " in raw:
                message += " (a `+` in a query is a space: send an offset's `+` as `%2B`)"
            raise ValidationError(message, path=path) from None
        known = parameter.enum_values
        if self._strict and known is not None and value not in known:
            # msgspec's words for a value outside an enumeration (as strict JSON).
            raise ValidationError(f"Invalid enum value {describe(value)}", path=path)
        return value


def _input(query: str | bytes | bytearray | memoryview, limits: Limits) -> str:
    """The query as ``str``, its size checked against ``max_bytes``."""
    if isinstance(query, str):
        try:
            size = len(query.encode("utf-8"))
        except UnicodeEncodeError as exc:
            raise DecodeError(
                f"Query holds a lone surrogate {describe(query[exc.start])}", line=1, column=exc.start + 1
            ) from None
        limits.check_size(size)
        return query
    if not isinstance(query, (bytes, bytearray, memoryview)):
        raise DecodeError(f"A query is str or bytes, got {type(query).__name__}")
    data = bytes(query)
    limits.check_size(len(data))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        column = len(data[: exc.start].decode("utf-8")) + 1
        raise DecodeError("Query is not UTF-8", line=1, column=column) from None


def _pairs(text: str) -> list[tuple[str, str, int]]:
    """``(name, value, column)`` of each pair, percent-decoded."""
    out = []
    column = 1
    for pair in text.split("&"):
        if pair:
            name, equals, value = pair.partition("=")
            out.append((
                _unescape(name, column),
                _unescape(value, column + len(name) + len(equals)),
                column,
            ))
        column += len(pair) + 1
    return out


def _unescape(text: str, column: int) -> str:
    """Form decoding: ``+`` is a space; ``%XX`` a byte of the UTF-8 text."""
    text = text.replace("+", " ")
    if "%" not in text:
        return text
    bad = _BAD_ESCAPE.search(text)
    if bad is not None:
        escape = text[bad.start() : bad.start() + 3]
        raise DecodeError(
            f"Bad percent escape {describe(escape)}: `%` must start `%XX`, two hex digits",
            line=1,
            column=column + bad.start(),
        )
    data = unquote_to_bytes(text)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"Percent escapes of {describe(text)} are not UTF-8 (at byte {exc.start})",
            line=1,
            column=column,
        ) from None


_decoders: DecoderCache[Decoder[Any]] = DecoderCache(Decoder)


def decode(
    query: str | bytes | bytearray | memoryview,
    /,
    *,
    type: type[T],
    strict: bool = False,
    limits: Limits | None = None,
) -> T:
    """Decode the query string ``query`` (without its ``?``) as ``type``.

    ``strict=True`` rejects unknown parameters and enumeration values; see
    :class:`Decoder` for the errors. Raises :class:`TypeError` when ``type`` is
    not a model with a query form.
    """
    return _decoders.get(type, strict, limits).decode(query)  # type: ignore[no-any-return]


# --- Encoding -------------------------------------------------------------------------


def _write(kind: Kind, value: Any) -> str:
    if kind is Kind.BOOL:
        return "true" if value else "false"
    if kind is Kind.INT:
        return str(value)
    if kind is Kind.ENUM:
        return str(value.value)
    if kind is Kind.DATETIME:
        return format_datetime(value)
    if kind is Kind.DECIMAL:
        return format_decimal(value)
    return str(value)


def _quote(text: str) -> str:
    return quote(text, safe=_SAFE)


class Encoder:
    """A reusable query encoder: ``Encoder().encode(LogsQuery(limit=10))``.

    Every value is checked before it is written, as the JSON encoder checks it
    (SPEC section 6); ``check=False`` skips the checks for values known valid.
    """

    __slots__ = ("_check",)

    def __init__(self, *, check: bool = True) -> None:
        self._check = check

    def __repr__(self) -> str:
        return f"omni_codec.query.Encoder(check={self._check})"

    def encode(self, obj: Any, /) -> str:
        """``obj`` (a query model instance) as a query string, without ``?``.

        Raises :class:`~omni_codec.EncodeError`, naming the field, for a value
        that breaks a rule of its model, or a type without a query form.
        """
        if self._check and not fast_check(obj):
            self._raise_problem(obj)
        try:
            plan = _plan(cast("type[msgspec.Struct]", type(obj)))
        except TypeError as exc:
            raise EncodeError(f"No query form: {exc}") from None
        pairs = []
        try:
            for name, parameter in plan.items():
                value = getattr(obj, parameter.field.attr)
                if value is None:
                    continue
                key = _quote(name)
                for item in value if parameter.many else (value,):
                    text = _write(parameter.kind, item)
                    if self._check and NOT_XML_CHAR.search(text) is not None:
                        # The fast check leaves characters to its caller (SPEC 6).
                        self._raise_problem(obj)
                    pairs.append(f"{key}={_quote(text)}")
        except EncodeError:
            raise
        except (ScalarError, AttributeError, TypeError, ValueError) as exc:  # unchecked values
            raise EncodeError(f"Cannot encode as a query: {exc}") from None
        return "&".join(pairs)

    @staticmethod
    def _raise_problem(obj: Any) -> None:
        problem = find_problem(obj)
        if problem is not None:
            raise EncodeError(problem.message, path=problem.path)


_encoder = Encoder()


def encode(obj: Any, /) -> str:
    """``obj`` (a query model instance) as a query string; see :class:`Encoder`."""
    return _encoder.encode(obj)


def __dir__() -> list[str]:
    return sorted(__all__)
