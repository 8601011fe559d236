"""Scalar values in their wire text: XML Schema lexical rules and the published formats.

The XML reader parses leaf text here and the XML writer formats it here; the JSON
codec uses the datetime functions through msgspec's hooks. Each parser raises
:class:`ScalarError` with a message only; the caller knows the location.

* int, bool, decimal: XML Schema 1.0 part 2 lexical spaces (``xs:int``,
  ``xs:boolean``, ``xs:decimal``) with their ``collapse`` whitespace facet: surrounding
  whitespace is ignored (SPEC section 5).
* number (in free-form JSON): JSON's grammar (RFC 8259 section 6), in the forms
  whose value is finite, stated as one pattern for the reader and the XSD.
* datetime: the API publishes ``2015-06-04T13:01:52.933+0000`` (milliseconds, offset
  without a colon). RFC 3339 forms (``Z``, ``+00:00``) are read too. A datetime is
  written in the published form, with six fraction digits instead of three when its
  microseconds are not whole milliseconds, so that no precision is lost (SPEC 4).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

import msgspec

from ._remembered import Remembered

__all__ = [
    "DATETIME_FORM",
    "DAY_TEXTS",
    "DECIMAL_MAGNITUDE_TEXT",
    "DECIMAL_PLAIN_LIMIT",
    "DECIMAL_TEXT",
    "is_decimal_text",
    "OmniDateTime",
    "ScalarError",
    "THREE_DIGITS",
    "TIMEZONE_TEXTS",
    "TWO_DIGITS",
    "check_decimal",
    "datetime_from_form",
    "describe",
    "format_datetime",
    "format_decimal",
    "parse_bool",
    "parse_datetime",
    "parse_decimal",
    "parse_int",
    "parse_json_number",
    "plain_decimal_text",
]

# XML Schema's whitespace characters (the ``collapse`` facet strips only these).
_XS_SPACE = " \t\n\r"
_INT = re.compile(r"[+-]?[0-9]+")
#: ``xs:decimal``'s lexical space (without the surrounding whitespace XML collapses):
#: ASCII digits, no exponent. A JSON string that holds a decimal is held to it too.
DECIMAL_TEXT = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
_DECIMAL = re.compile(DECIMAL_TEXT)


def is_decimal_text(text: str) -> bool:
    """Whether ``text`` is in ``xs:decimal``'s lexical space, as it is (no
    surrounding whitespace): the form a JSON string holding a decimal must have."""
    return _DECIMAL.fullmatch(text) is not None


# The datetime forms, as one pattern that is both a Python regex and an XML Schema
# pattern (the XSD's ``DateTime`` type and the JSON Schemas use it as it is), so
# that the schemas accept exactly what :func:`parse_datetime` accepts: RFC 3339
# section 5.6 ranges (months 01-12, the days of each month, leap years included,
# hours 00-23, minutes and seconds 00-59, offsets up to 23:59), years from 0001
# (Python's ``datetime``), at most six fraction digits unless the rest are zeros
# (microseconds), the offset with or without its colon (the published form has
# none). A leap second (``:60``) has no ``datetime`` and is refused.
# No counted repetition ({n}): libxml2's pattern automaton gets them wrong inside
# alternatives (it took a five-digit year for one of these four).
_YEAR = "([0-9][0-9][0-9][1-9]|[0-9][0-9][1-9]0|[0-9][1-9]00|[1-9]000)"
# Divisible by 4 and not by 100, or by 400 (year 0000 is not a year here).
_LEAP_YEAR = "([0-9][0-9](0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)"
_DATE = (
    f"({_YEAR}-(0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])"
    f"|{_YEAR}-(0[469]|11)-(0[1-9]|[12][0-9]|30)"
    f"|{_YEAR}-02-(0[1-9]|1[0-9]|2[0-8])"
    f"|{_LEAP_YEAR}-02-29)"
)
_TIME = "([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]([0-9]([0-9]([0-9]([0-9][0-9]?)?)?)?)?0*)?"
_OFFSET = "(Z|[+\\-]([01][0-9]|2[0-3]):?[0-5][0-9])"
#: The datetime forms as an XML Schema pattern (and a Python regex: the two
#: languages agree on every construct used). No alternative at the top level, so
#: that it can be embedded between anchors.
DATETIME_XSD_PATTERN = f"{_DATE}T{_TIME}{_OFFSET}"
_DATETIME = re.compile(DATETIME_XSD_PATTERN)
# The shape alone, to say which field is out of range when the pattern fails.
_DATETIME_SHAPE = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})"
    r"(?:\.([0-9]+))?(Z|[+-]([0-9]{2}):?([0-9]{2}))"
)
#: The datetime forms with the range of every field checked but the day's within
#: its month and the year 0000, which ``datetime`` refuses itself: the texts
#: :data:`datetime_from_form` is given. (Counted repetitions are fine here: this
#: pattern is Python's alone, never the XSD's.) A text matches it in one way
#: only (the fraction's two forms have different lengths, and no digit may
#: follow either), so that a column of texts joined into one match fails in
#: one pass: with ``[0-9]{1,6}0*`` a run of zeros splits in several ways, and a
#: failing match tries every split of every text, exponential in their number.
DATETIME_FORM = (
    "[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
    "T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?:[0-9]{1,5}|[0-9]{6}0*)(?![0-9]))?"
    "(?:Z|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9])"
)
_DATETIME_FORM = re.compile(DATETIME_FORM)


def _datetime_from_form() -> Callable[[str], OmniDateTime] | None:
    """``OmniDateTime.fromisoformat`` where it reads every text of
    :data:`DATETIME_FORM` (Python 3.11 and later: ``Z``, an offset without its
    colon, any number of fraction digits), else None."""
    if sys.version_info < (3, 11):
        return None
    from_form: Callable[[str], OmniDateTime] = OmniDateTime.fromisoformat
    return from_form


def _fraction_at_most(digits: str) -> str:
    """A pattern for the digit strings ``f`` with ``0.f <= 0.digits``."""
    first, rest = digits[0], digits[1:]
    assert first != "0", "every digit of the bound is non-zero"
    smaller = "" if first == "1" else f"[0-{int(first) - 1}][0-9]*|"
    if not rest:
        return f"({smaller}{first}0*)"
    return f"({smaller}{first}{_fraction_at_most(rest)}?)"


# A number of a free-form JSON value in XML. msgspec reads an integer of any length
# up to 4,300 digits (Python's conversion limit) as an int, and anything with a
# fraction or an exponent as a double, refusing what overflows ("1e400": JSON has
# no infinity). Whether a double overflows depends on the digits and the exponent
# together, which no pattern can weigh in general, so the XML form takes the
# JSON numbers in the forms every JSON writer uses, where a pattern can: an
# integer; a fraction with at most 308 integer digits (below 1e308); or scientific
# notation with one digit before the point and an exponent up to 307, or 308 up to
# 1.7976931348623157 (the largest double). msgspec writes every finite double in
# one of these forms. The XSD's ``JsonNumber`` is this pattern (SPEC section 5).
_LARGEST_DOUBLE_FRACTION = "7976931348623157"
# (The counted repetitions below each open an alternative, where libxml2 reads
# them as Python does; tests compare the two on this pattern.)
JSON_NUMBER_XSD_PATTERN = (
    # msgspec reads an integer of at most 4,300 characters, its sign included.
    "[1-9][0-9]{4299}"
    "|-?(0|[1-9][0-9]{0,4298}"
    "|(0|[1-9][0-9]{0,307})\\.[0-9]+"
    # (The exponent's digits without {n}: see _YEAR.)
    "|[0-9](\\.[0-9]+)?[eE](-[0-9]+|\\+?0*([0-9]|[0-9][0-9]|[12][0-9][0-9]|30[0-7]))"
    f"|(0(\\.[0-9]+)?|1(\\.{_fraction_at_most(_LARGEST_DOUBLE_FRACTION)})?)[eE]\\+?0*308)"
)
_JSON_NUMBER = re.compile(JSON_NUMBER_XSD_PATTERN)


def parse_json_number(text: str) -> int | float:
    """A number of free-form JSON in XML: an int or a finite float, as JSON gives."""
    value = text.strip(_XS_SPACE)
    if _JSON_NUMBER.fullmatch(value) is None:
        raise ScalarError(
            f"Expected a JSON number (finite; an exponent only after one digit), got {describe(text)}"
        )
    number: int | float = msgspec.json.decode(value)  # JSON's own reading of the digits
    return number


_DIGITS_PER_BIT = math.log10(2)


def describe(value: object) -> str:
    """A short rendering of an offending value: error messages never echo a payload."""
    if type(value) is int and not -(10**57) < value < 10**57:
        # (``repr`` of an int past Python's conversion limit raises; and only
        # its size says anything here.)
        digits = int(abs(value).bit_length() * _DIGITS_PER_BIT) + 1
        return f"{'a negative' if value < 0 else 'an'} integer of about {digits} digits"
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

    # No instance dictionary: a delivery report has two datetimes, and one with
    # a dictionary takes 88 bytes instead of 64.
    __slots__ = ()

    @classmethod
    def coerce(cls, value: dt.datetime) -> OmniDateTime:
        if isinstance(value, cls):
            return value
        return cls(
            value.year, value.month, value.day, value.hour, value.minute, value.second,
            value.microsecond, value.tzinfo, fold=value.fold,
        )


#: Reads a text of :data:`DATETIME_FORM` as :func:`parse_datetime` does, where
#: this Python's ``fromisoformat`` can (None: field by field, on Python 3.10).
datetime_from_form = _datetime_from_form()


def parse_int(text: str) -> int:
    value = text.strip(_XS_SPACE)
    if not _INT.fullmatch(value):
        raise ScalarError(f"Expected `int`, got {describe(text)}")
    # Leading zeros are valid (XML Schema's lexical space) and may be many: only
    # the significant digits are converted, as int() refuses very long strings.
    digits = value.lstrip("+-").lstrip("0")
    if len(digits) > 19:
        # Beyond any bound a model uses (64 bits at most).
        raise ScalarError(f"Expected `int` within 64 bits, got {describe(text)}")
    number = int(digits or "0")
    return -number if value[0] == "-" else number


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


#: The magnitude bound ``|value| < 1E+100`` said on the lexical form: at most 100
#: significant digits before the point. The same text is an XML Schema, ECMA-262
#: and Python pattern (the XSD states the bound so: libxml2 before 2.11, lxml 5.0,
#: refuses a 101-digit bound as an ``xs:decimal``).
DECIMAL_MAGNITUDE_TEXT = f"[+\\-]?0*([1-9][0-9]{{0,{DECIMAL_MAX_INTEGER_DIGITS - 1}}})?(\\.[0-9]*)?"


#: The longest plain-notation text (``str`` of a ``Decimal`` without an exponent)
#: that is within both bounds whatever its digits: it has at most this many
#: digits before the point and after it.
DECIMAL_PLAIN_LIMIT = min(DECIMAL_MAX_INTEGER_DIGITS, DECIMAL_MAX_FRACTION_DIGITS)


def plain_decimal_text(value: Decimal) -> str | None:
    """``str(value)`` when it is plain notation short enough to be within both
    bounds whatever its digits, else None: the common case, told from the text
    (a quarter of the cost of ``as_tuple``), since without an exponent a text
    has no more digits on either side of the point than it has characters."""
    if type(value) is not Decimal or not value.is_finite():
        return None
    text = str(value)
    return text if len(text) <= DECIMAL_PLAIN_LIMIT and "E" not in text else None


def check_decimal(value: Decimal) -> None:
    """Refuse a decimal outside what the XSD accepts (and the writer can write)."""
    if plain_decimal_text(value) is None:
        _check_decimal_digits(value)


def _check_decimal_digits(value: Decimal) -> None:
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
    if exponent >= -DECIMAL_MAX_FRACTION_DIGITS:  # (the usual case: no digit to count)
        return
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    if -(exponent + trailing_zeros) > DECIMAL_MAX_FRACTION_DIGITS:
        raise ScalarError(f"Decimal {describe(value)} has more than 100 fraction digits")


def format_decimal(value: Decimal) -> str:
    """Plain notation with every digit kept: ``0.0001000000`` stays as it is."""
    text = plain_decimal_text(value)
    if text is not None and (text[0] != "-" or not value.is_zero()):
        # Within the bounds: what ``format(value, "f")`` writes, but for a
        # negative zero. (The fast XML writer writes the case of a text that
        # starts with a digit inline.)
        return text
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
    value = text.strip(_XS_SPACE)
    if datetime_from_form is not None and _DATETIME_FORM.fullmatch(value) is not None:
        # The common case, made in C: the same value for every text both read
        # (tests compare the two); a day the month lacks, or year 0000, is a
        # ValueError, reported below.
        try:
            return datetime_from_form(value)
        except ValueError:
            pass
    return _datetime_of(value, text)


def _datetime_of(value: str, text: str) -> OmniDateTime:
    """The datetime of the stripped ``value`` (``text`` as given), field by field."""
    if _DATETIME.fullmatch(value) is None:
        raise ScalarError(_datetime_problem(value, text))
    # The pattern fixes where each field is: YYYY-MM-DDThh:mm:ss[.f...](Z|+hh[:]mm).
    if value[-1] == "Z":
        tz = dt.timezone.utc
        fraction = value[20:-1]
    else:
        offset = value[-6:].replace(":", "") if value[-3] == ":" else value[-5:]
        fraction = value[20 : len(value) - (6 if value[-3] == ":" else 5)]
        minutes = int(offset[1:3]) * 60 + int(offset[3:])
        tz = dt.timezone(dt.timedelta(minutes=-minutes if offset[0] == "-" else minutes))
    micro = int(fraction[:6].ljust(6, "0")) if fraction else 0
    return OmniDateTime(
        int(value[0:4]), int(value[5:7]), int(value[8:10]), int(value[11:13]),
        int(value[14:16]), int(value[17:19]), micro, tz,
    )


def _datetime_problem(value: str, text: str) -> str:
    """What is wrong with ``value``, which the datetime pattern refused."""
    shape = _DATETIME_SHAPE.fullmatch(value)
    if shape is None:
        return f"Expected a datetime like `2015-06-04T13:01:52.933+0000`, got {describe(text)}"
    year, month, day, hour, minute, second, fraction, _, tz_hour, tz_minute = shape.groups()
    if fraction and fraction[6:].strip("0"):
        return f"Datetime {describe(text)} is more precise than microseconds"
    ranges = [("hour", hour, 23), ("minute", minute, 59), ("second", second, 59)]
    if tz_hour is not None:
        ranges += [("offset hour", tz_hour, 23), ("offset minute", tz_minute, 59)]
    for name, digits, top in ranges:
        if int(digits) > top:
            return f"Datetime {describe(text)} has {name} {digits}, not 00-{top:02d}"
    # RFC 3339 section 5.7: the month, and the day within that month's days.
    return f"Datetime {describe(text)} has no such date {year}-{month}-{day}"


#: The text of each whole-minute UTC offset met so far (fewer than 2,880 exist).
_OFFSET_TEXTS: dict[dt.timedelta, str] = {}
#: The same, by the fixed-offset ``timezone`` that has it (equal timezones have
#: equal offsets, whatever their names).
TIMEZONE_TEXTS: dict[dt.tzinfo, str] = {}
TWO_DIGITS = tuple(f"{n:02d}" for n in range(100))
THREE_DIGITS = tuple(f"{n:03d}" for n in range(1000))


def _day_text(ordinal: int) -> str:
    """``YYYY-MM-DDT`` of the day ``ordinal``."""
    day = dt.date.fromordinal(ordinal)
    return f"{day.year:04d}-{TWO_DIGITS[day.month]}-{TWO_DIGITS[day.day]}T"


# The datetimes of one document mostly fall on a few days: the date's three
# fields are then one lookup.
DAY_TEXTS = Remembered(_day_text)


def format_datetime(value: dt.datetime) -> str:
    tz = value.tzinfo
    # (A subclass of datetime may say another offset than its tzinfo's.)
    plain = type(value) is OmniDateTime or type(value) is dt.datetime
    fixed = tz if plain and type(tz) is dt.timezone else None
    if fixed is not None:
        suffix = TIMEZONE_TEXTS.get(fixed)
        microsecond = value.microsecond
        if suffix is not None and not microsecond % 1000:
            # The common case, as isoformat writes it (in half its time): a
            # fixed offset seen before, whole milliseconds. (The fast XML
            # writer writes this branch inline, from the same tables.)
            return (
                f"{DAY_TEXTS[value.toordinal()]}"
                f"{TWO_DIGITS[value.hour]}:{TWO_DIGITS[value.minute]}:{TWO_DIGITS[value.second]}"
                f".{THREE_DIGITS[microsecond // 1000]}{suffix}"
            )
    try:
        offset = value.utcoffset()
    except Exception as exc:  # the tzinfo's own code, or datetime's check of its answer
        raise ScalarError(f"The datetime's offset cannot be read: {exc}") from None
    if offset is None:
        raise ScalarError("A naive datetime has no offset and cannot be written")
    suffix = _OFFSET_TEXTS.get(offset)
    if suffix is None:
        seconds = int(offset.total_seconds())
        if seconds % 60 or offset.microseconds:
            raise ScalarError(f"Offset {offset} is not a whole number of minutes")
        sign = "-" if seconds < 0 else "+"
        hours, minutes = divmod(abs(seconds) // 60, 60)
        suffix = _OFFSET_TEXTS[offset] = f"{sign}{hours:02d}{minutes:02d}"
    if fixed is not None:
        TIMEZONE_TEXTS[fixed] = suffix
    # The date and time as isoformat writes them (the year in four digits),
    # without its offset: milliseconds unless that would lose a digit.
    if value.microsecond % 1000 == 0:
        return dt.datetime.isoformat(value, timespec="milliseconds")[:23] + suffix
    return dt.datetime.isoformat(value, timespec="microseconds")[:26] + suffix
