"""The JSON form (``application/json``): msgspec, with the codec's errors and limits.

The same surface as ``msgspec.json`` and :mod:`omni_codec.xml`: ``encode``,
``decode``, ``Encoder``, ``Decoder``. Decoding validates every rule the models
declare; ``strict=True`` also rejects keys the type does not know.

``strict`` here means "reject unknown fields", as in :mod:`omni_codec.xml`. It is
not msgspec's ``strict``, which turns off lax type conversion: omni_codec never
converts types laxly (``"1"`` is not an int), whatever ``strict`` says.

Input is UTF-8 JSON (RFC 8259) as bytes, or ``str``; a leading UTF-8 byte order
mark is skipped, as XML parsers skip it. Malformed input is a
:class:`~omni_codec.DecodeError` with ``line`` and ``column``.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

import msgspec

from ._binding import shape_of
from ._checks import fast_check, find_problem
from ._decoders import DecoderCache
from ._hooks import UnwritableValue, dec_hook, enc_hook
from ._input import json_input
from ._json_duplicates import check_members
from ._json_errors import malformed, misspelled_decimal, not_unicode, null_where_required, repeated_member_error
from ._json_shadows import DecimalFields, decimal_text_shadow, strict_shadow
from ._paths import join
from ._translate import validation_error
from ._utf8 import check_utf8
from ._walk import check_limits, limit_plan, path_to
from ._xml.chars import has_noncharacter_text, json_has_escape, json_may_hold_non_char
from .errors import CodecError, DecodeError, EncodeError, ValidationError
from .limits import DEFAULT_LIMITS, Limits

__all__ = ["Decoder", "Encoder", "decode", "encode"]

T = TypeVar("T")


class Encoder:
    """A reusable JSON encoder, as ``msgspec.json.Encoder``: ``Encoder().encode(obj)``.

    The output is compact UTF-8 JSON with the wire (camelCase) names, fields that
    are ``None`` left out, datetimes in the published form and prices as JSON
    numbers with every digit.

    Every value is checked before it is written, as the XML encoder checks it, so
    that what is written decodes (SPEC section 6): a value that breaks a rule of
    its model is an :class:`~omni_codec.EncodeError` naming the field.
    ``check=False`` skips the checks, for values already known to be valid (decoded
    by omni_codec, or checked once before): it writes at msgspec's own speed, and
    writes a value that breaks a rule as it is.
    """

    __slots__ = ("_check", "_encoder")

    def __init__(self, *, check: bool = True) -> None:
        self._check = check
        # Prices are JSON numbers with every digit kept (SPEC section 4).
        self._encoder = msgspec.json.Encoder(enc_hook=enc_hook, decimal_format="number")

    def __repr__(self) -> str:
        return f"omni_codec.json.Encoder(check={self._check})"

    def encode(self, obj: Any, /) -> bytes:
        """``obj`` (a model instance) as UTF-8 JSON bytes.

        Raises :class:`~omni_codec.EncodeError`, naming the field, for a value that
        breaks a rule of its model or cannot be written (e.g. a naive datetime, or
        an object of no OMNI type).
        """
        check = self._check
        if check and not fast_check(obj):
            _raise_problem(obj)
        try:
            data = self._encoder.encode(obj)
        except UnwritableValue as exc:
            path = join(path_to(obj, exc.value) or [])
            raise EncodeError(exc.message, path=path) from None
        except CodecError:
            raise
        except (TypeError, ValueError, OverflowError, RecursionError) as exc:
            _raise_problem(obj)  # the field, when the checks can name it
            raise EncodeError(f"Cannot encode as JSON: {exc}") from None
        # Characters are looked for in the output, at C speed, not string by string.
        if check and json_may_hold_non_char(data):
            _raise_problem(obj)
        return data


def _raise_problem(obj: Any) -> None:
    problem = find_problem(obj)
    if problem is not None:
        raise EncodeError(problem.message, path=problem.path)


class Decoder(Generic[T]):
    """A reusable JSON decoder for one type: ``Decoder(OmniResponse).decode(data)``.

    ``type`` is the model class to decode into (one of the document types, or any
    model). ``strict=True`` rejects members the type does not know, with their
    path (msgspec's ``strict`` means something else; see the module). ``limits``
    bounds what one document may cost (SPEC section 6).
    """

    __slots__ = ("_decimals", "_decoder", "_limits", "_plan", "_strict", "type")

    def __init__(
        self, type: type[T], *, strict: bool = False, limits: Limits = DEFAULT_LIMITS
    ) -> None:
        shape = shape_of(type)  # type: ignore[arg-type]  # a TypeError for a non-OMNI type
        if not isinstance(limits, Limits):
            raise TypeError(f"limits must be a Limits, got {limits!r}")
        self.type = type
        self._strict = strict
        self._limits = limits
        self._decoder = msgspec.json.Decoder(type, dec_hook=dec_hook)
        self._plan = limit_plan(shape)
        self._decimals = DecimalFields(shape)

    def __repr__(self) -> str:
        return f"omni_codec.json.Decoder({self.type.__name__}, strict={self._strict}, limits={self._limits!r})"

    def decode(self, data: bytes | bytearray | memoryview | str, /) -> T:
        """The value of ``type`` that the JSON document ``data`` holds.

        ``data`` is UTF-8 bytes (a bytes-like object) or ``str``. Returns an
        instance of ``type``. Raises :class:`~omni_codec.DecodeError` for input
        that is not JSON (with ``line`` and ``column``) or exceeds a limit, and
        :class:`~omni_codec.ValidationError` for JSON of the wrong shape, type or
        value (with the ``path`` of the value).
        """
        limits = self._limits
        data = json_input(data, limits)
        try:
            if isinstance(data, str):
                noncharacter = has_noncharacter_text(data)
            else:
                # RFC 8259: JSON text is UTF-8. msgspec checks the strings it reads,
                # not the members it skips; this checks all of it.
                noncharacter = check_utf8(data)
            value = self._decoder.decode(data)
        except msgspec.ValidationError as exc:
            raise misspelled_decimal(null_where_required(validation_error(exc), data), data) from None
        except msgspec.DecodeError as exc:
            raise malformed(exc, data) from None
        except RecursionError:
            raise limits.depth_error() from None
        except UnicodeError as exc:
            raise not_unicode(exc, data) from None
        if self._plan:
            check_limits(value, self._plan, limits)
        escaped = json_has_escape(data)
        same_text = self._refuse_repeated_members(data, value, escaped)
        if noncharacter or escaped:
            # SPEC section 6: JSON accepts only what XML can carry.
            problem = find_problem(value)
            if problem is not None:
                raise ValidationError(problem.message, path=problem.path)
        if self._strict:
            # The strict shadow checks the decimals written as strings too.
            self._read_again(data, strict_shadow)
        elif self._decimals.names and not same_text and (escaped or self._decimals.may_hold_text(data)):
            self._read_again(data, decimal_text_shadow)
        return value

    def _refuse_repeated_members(self, data: bytes | str, value: Any, escaped: bool) -> bool:
        """Refuse a member named twice; True when ``data`` is its re-encoding."""
        try:
            found = check_members(data, value, escaped=escaped)
        except RecursionError:
            raise self._limits.depth_error() from None
        except ValueError as exc:  # msgspec read what the standard library's parser cannot
            raise DecodeError(f"Malformed JSON: {exc}") from None
        if found.repeat is not None:
            raise repeated_member_error(data, found.repeat)
        return found.same_text

    def _read_again(self, data: bytes | str, shadows: Any) -> None:
        """Decode ``data`` into the type's shadow (see ``_json_shadows``)."""
        try:
            msgspec.json.decode(data, type=shadows(shape_of(self.type)))  # type: ignore[arg-type]
        except msgspec.ValidationError as exc:
            raise misspelled_decimal(validation_error(exc), data, shadow=True) from None
        except msgspec.DecodeError as exc:  # not after the typed pass
            raise malformed(exc, data) from None
        except RecursionError:
            raise self._limits.depth_error() from None


_encoder = Encoder()
_decoders: DecoderCache[Decoder[Any]] = DecoderCache(Decoder)


def encode(obj: Any, /) -> bytes:
    """``obj`` (a model instance) as compact UTF-8 JSON bytes.

    Raises :class:`~omni_codec.EncodeError` for a value that cannot be written;
    see :class:`Encoder`.
    """
    return _encoder.encode(obj)


def decode(
    data: bytes | bytearray | memoryview | str,
    /,
    *,
    type: type[T],
    strict: bool = False,
    limits: Limits | None = None,
) -> T:
    """Decode the JSON document ``data`` (bytes or ``str``) as ``type``.

    ``strict=True`` rejects unknown members; ``limits`` defaults to
    :data:`~omni_codec.DEFAULT_LIMITS`. Returns an instance of ``type``. Raises
    :class:`~omni_codec.DecodeError` for malformed JSON (with ``line`` and
    ``column``) or a limit exceeded, :class:`~omni_codec.ValidationError` (with
    ``path``) for a wrong shape, type or value, and :class:`TypeError` when
    ``type`` is not an OMNI model. For repeated calls, a :class:`Decoder` keeps
    the set-up.
    """
    return _decoders.get(type, strict, limits).decode(data)  # type: ignore[no-any-return]


def __dir__() -> list[str]:
    return sorted(__all__)
