"""Scalar values in their wire text: XML Schema lexical rules and the published formats.

The XML reader parses leaf text here and the XML writer formats it here; the JSON
codec uses the datetime functions through msgspec's hooks. Each parser raises
:class:`ScalarError` with a message only; the caller knows the location.

* int, bool, decimal: XML Schema 1.0 part 2 lexical spaces (``xs:int``,
  ``xs:boolean``, ``xs:decimal``) with their ``collapse`` whitespace facet: surrounding
  whitespace is ignored (SPEC section 5).
* datetime: the API publishes ``2015-06-04T13:01:52.933+0000`` (milliseconds, offset
  without a colon). RFC 3339 forms (``Z``, ``+00:00``) are read too. A datetime is
  written in the published form, with six fraction digits instead of three when its
  microseconds are not whole milliseconds, so that no precision is lost (SPEC 4).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

__all__ = [
    "OmniDateTime",
    "ScalarError",
    "check_decimal",
    "describe",
    "format_datetime",
    "format_decimal",
    "parse_bool",
    "parse_datetime",
    "parse_decimal",
    "parse_int",
]

# XML Schema's whitespace characters (the ``collapse`` facet strips only these).
_XS_SPACE = " \t\n\r"
_INT = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_DATETIME = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})"
    r"(?:\.([0-9]+))?(Z|[+-][0-9]{2}:?[0-9]{2})"
)
#: The datetime forms as an XML Schema pattern, for the XSD (kept beside the regex
#: above so the two cannot drift apart unnoticed; a test checks they agree).
DATETIME_XSD_PATTERN = (
    "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}"
    "(\\.[0-9]+)?(Z|[+\\-][0-9]{2}:?[0-9]{2})"
)


def describe(value: object) -> str:
    """A short rendering of an offending value: error messages never echo a payload."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class ScalarError(ValueError):
    """A leaf's text is not in its type's lexical space."""


class OmniDateTime(dt.datetime):
    """A timezone-aware datetime that the JSON encoder writes in the published form.

    msgspec writes plain ``datetime`` values itself, in RFC 3339; this subclass is
    handed to the codec's hook instead, which writes ``...T13:01:52.933+0000``. It is
    what decoding produces; models convert plain datetimes given to them.
    """

    @classmethod
    def coerce(cls, value: dt.datetime) -> OmniDateTime:
        if isinstance(value, cls):
            return value
        return cls(
            value.year, value.month, value.day, value.hour, value.minute, value.second,
            value.microsecond, value.tzinfo, fold=value.fold,
        )


def parse_int(text: str) -> int:
    value = text.strip(_XS_SPACE)
    if not _INT.fullmatch(value):
        raise ScalarError(f"Expected `int`, got {describe(text)}")
    if len(value.lstrip("+-").lstrip("0")) > 19:
        # Beyond any bound a model uses, and int() refuses very long digit strings.
        raise ScalarError(f"Expected `int` within 64 bits, got {describe(text)}")
    return int(value)


def parse_bool(text: str) -> bool:
    value = text.strip(_XS_SPACE)
    if value in ("true", "1"):
        return True
    if value in ("false", "0"):
        return False
    raise ScalarError(f"Expected `bool` (true, false, 1 or 0), got {describe(text)}")


def parse_decimal(text: str) -> Decimal:
    value = text.strip(_XS_SPACE)
    if not _DECIMAL.fullmatch(value):
        raise ScalarError(f"Expected `decimal`, got {describe(text)}")
    number = Decimal(value)
    check_decimal(number)
    return number


#: Decimal bounds, the same as the XSD's ``Decimal`` type: prices need a dozen
#: digits; the bounds keep a 20-byte payload such as ``1e-999999999`` from being
#: written out as a billion zeros (SPEC section 6).
DECIMAL_MAX_FRACTION_DIGITS = 100
#: Digits before the point: the magnitude stays below ``1E+100``.
DECIMAL_MAX_INTEGER_DIGITS = 100


def check_decimal(value: Decimal) -> None:
    """Refuse a decimal outside what the XSD accepts (and the writer can write)."""
    if not value.is_finite():
        raise ScalarError(f"Expected a finite decimal, got {value}")
    if value.is_zero():
        return
    # From the digits alone: arithmetic would round to the context's precision or
    # overflow its exponent range.
    if value.adjusted() >= DECIMAL_MAX_INTEGER_DIGITS:
        raise ScalarError(
            f"Decimal {describe(value)} is not below 1E+{DECIMAL_MAX_INTEGER_DIGITS} in magnitude"
        )
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    if -(exponent + trailing_zeros) > DECIMAL_MAX_FRACTION_DIGITS:
        raise ScalarError(f"Decimal {describe(value)} has more than 100 fraction digits")


def format_decimal(value: Decimal) -> str:
    """Plain notation with every digit kept: ``0.0001000000`` stays as it is."""
    if not value.is_finite():
        raise ScalarError(f"{value} cannot be written as a decimal")
    if value.is_zero():
        # msgspec reads the JSON number -0 as 0: zero is written unsigned so that
        # both forms give the same value back; its digits only as far as the bound.
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)
        return format(value.copy_abs(), "f") if exponent >= -DECIMAL_MAX_FRACTION_DIGITS else "0"
    check_decimal(value)
    return format(value, "f")


def parse_datetime(text: str) -> OmniDateTime:
    match = _DATETIME.fullmatch(text.strip(_XS_SPACE))
    if match is None:
        raise ScalarError(
            f"Expected a datetime like `2015-06-04T13:01:52.933+0000`, got {describe(text)}"
        )
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    micro = 0
    if fraction:
        if len(fraction) > 6 and fraction[6:].strip("0"):
            raise ScalarError(f"Datetime {describe(text)} is more precise than microseconds")
        micro = int(fraction[:6].ljust(6, "0"))
    if offset == "Z":
        tz = dt.timezone.utc
    else:
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        minutes = int(digits[:2]) * 60 + int(digits[2:])
        if minutes >= 24 * 60:
            raise ScalarError(f"Datetime {describe(text)} has an offset out of range")
        tz = dt.timezone(sign * dt.timedelta(minutes=minutes))
    try:
        return OmniDateTime(
            int(year), int(month), int(day), int(hour), int(minute), int(second), micro, tz
        )
    except ValueError as exc:
        raise ScalarError(f"Datetime {describe(text)} is not a valid date and time: {exc}") from None


def format_datetime(value: dt.datetime) -> str:
    offset = value.utcoffset()
    if offset is None:
        raise ScalarError("A naive datetime has no offset and cannot be written")
    seconds = int(offset.total_seconds())
    if seconds % 60 or offset.microseconds:
        raise ScalarError(f"Offset {offset} is not a whole number of minutes")
    sign = "-" if seconds < 0 else "+"
    hours, minutes = divmod(abs(seconds) // 60, 60)
    micro = value.microsecond
    fraction = f"{micro // 1000:03d}" if micro % 1000 == 0 else f"{micro:06d}"
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:"
        f"{value.minute:02d}:{value.second:02d}.{fraction}{sign}{hours:02d}{minutes:02d}"
    )
