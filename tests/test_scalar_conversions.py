"""The quick ways of reading and writing datetimes and decimals agree with the
field-by-field ways they stand in for.

``parse_datetime`` reads the common forms in C (``fromisoformat``, where the
Python version reads them), the reader converts whole columns of datetimes and
decimals at once, and ``check_decimal``, ``format_decimal`` and
``format_datetime`` answer the common case from ``str`` or tables. Each is
compared here with the implementation it replaced, kept below as the reference:
the same values (type, fields, offset) for every text accepted, the same
refusal (and message) for every text refused.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from omni_codec._scalars import (
    DATETIME_XSD_PATTERN,
    DECIMAL_MAX_FRACTION_DIGITS,
    DECIMAL_MAX_INTEGER_DIGITS,
    OmniDateTime,
    ScalarError,
    _datetime_problem,
    check_decimal,
    format_datetime,
    format_decimal,
    parse_datetime,
    parse_decimal,
)
from omni_codec._xml.fast.columns import datetimes, decimals
from omni_codec.errors import ValidationError
from omni_codec.models import Price

# --- The reference implementations (as they were before the quick paths) ---------

_XS_SPACE = " \t\n\r"
_DATETIME = re.compile(DATETIME_XSD_PATTERN)


def reference_parse_datetime(text: str) -> OmniDateTime:
    value = text.strip(_XS_SPACE)
    if _DATETIME.fullmatch(value) is None:
        raise ScalarError(_datetime_problem(value, text))
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


def reference_check_decimal(value: Decimal) -> None:
    if not value.is_finite():
        raise ScalarError(f"Expected a finite decimal, got {value}")
    if value.is_zero():
        return
    if value.adjusted() >= DECIMAL_MAX_INTEGER_DIGITS:
        raise ScalarError("too large")
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if exponent >= -DECIMAL_MAX_FRACTION_DIGITS:
        return
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    if -(exponent + trailing_zeros) > DECIMAL_MAX_FRACTION_DIGITS:
        raise ScalarError("too many fraction digits")


def reference_format_decimal(value: Decimal) -> str:
    if not value.is_finite():
        raise ScalarError("not finite")
    if value.is_zero():
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)
        return format(value.copy_abs(), "f") if exponent >= -DECIMAL_MAX_FRACTION_DIGITS else "0"
    reference_check_decimal(value)
    return format(value, "f")


def reference_format_datetime(value: dt.datetime) -> str:
    offset = value.utcoffset()
    if offset is None:
        raise ScalarError("naive")
    seconds = int(offset.total_seconds())
    if seconds % 60 or offset.microseconds:
        raise ScalarError("not whole minutes")
    sign = "-" if seconds < 0 else "+"
    hours, minutes = divmod(abs(seconds) // 60, 60)
    suffix = f"{sign}{hours:02d}{minutes:02d}"
    if value.microsecond % 1000 == 0:
        return dt.datetime.isoformat(value, timespec="milliseconds")[:23] + suffix
    return dt.datetime.isoformat(value, timespec="microseconds")[:26] + suffix


# --- Helpers ------------------------------------------------------------------------


def outcome(function: Any, argument: Any) -> tuple[str, Any]:
    """What ``function(argument)`` gives: its value, or its refusal's message."""
    try:
        return ("value", function(argument))
    except ScalarError as exc:
        return ("refused", str(exc))


def same_datetime(a: Any, b: Any) -> bool:
    """Identical: the type, every field, the offset and its tzinfo."""
    if a is None or b is None:
        return a is b
    return (
        type(a) is type(b)
        and a.replace(tzinfo=None) == b.replace(tzinfo=None)
        and a.fold == b.fold
        and a.utcoffset() == b.utcoffset()
        and a.tzinfo == b.tzinfo
        and a.tzname() == b.tzname()
    )


def assert_same_parse(text: str) -> None:
    (kind, value), (wanted_kind, wanted) = outcome(parse_datetime, text), outcome(
        reference_parse_datetime, text
    )
    assert kind == wanted_kind, (text, value, wanted)
    if kind == "refused":
        assert value == wanted  # the same message
    else:
        assert same_datetime(value, wanted), (text, value, wanted)


# --- Datetime texts: valid, and near-valid in every field ---------------------------


def _digits(low: int, high: int, width: int) -> st.SearchStrategy[str]:
    return st.integers(low, high).map(lambda n: f"{n:0{width}d}")


_fraction = st.one_of(
    st.just(""),
    # 1-9 digits, trailing zeros often (a seventh digit is refused unless zero).
    st.builds(
        lambda digits, zeros: "." + digits + "0" * zeros,
        st.text("0123456789", min_size=1, max_size=9),
        st.integers(0, 4),
    ),
    st.sampled_from([".", ".0000000", ".1234567", ".9999990"]),
)
_offset = st.one_of(
    st.sampled_from(["Z", "z", "+00:00", "-00:00", "+0000", "-0000", "+24:00", "+2400",
                     "+23:59", "-23:59", "+05:30", "+0530", "+00:60", "+05", "+5:30", ""]),
    st.builds(
        lambda sign, hh, mm, colon: f"{sign}{hh}{colon}{mm}",
        st.sampled_from("+-"), _digits(0, 25, 2), _digits(0, 61, 2), st.sampled_from([":", ""]),
    ),
)
_space = st.text(" \t\n\r\x0b\xa0", max_size=2)
datetime_texts = st.builds(
    lambda before, y, mo, d, sep, h, mi, s, fraction, offset, after: (
        f"{before}{y}-{mo}-{d}{sep}{h}:{mi}:{s}{fraction}{offset}{after}"
    ),
    _space,
    st.one_of(_digits(0, 9999, 4), st.sampled_from(["0000", "2000", "1900", "2024", "2023", "12345", "999"])),
    _digits(0, 13, 2),
    st.one_of(_digits(0, 32, 2), st.sampled_from(["28", "29", "30", "31"])),
    st.sampled_from(["T", "T", "T", "t", " "]),
    _digits(0, 25, 2),
    _digits(0, 60, 2),
    _digits(0, 61, 2),
    _fraction,
    _offset,
    _space,
)

EDGE_TEXTS = [
    "2015-06-04T13:01:52.933+0000",
    "2015-06-04T13:01:52.933+00:00",
    "2015-06-04T13:01:52Z",
    "2015-06-04T13:01:52.9Z",
    "2015-06-04T13:01:52.123456789Z",
    "2015-06-04T13:01:52.123456000Z",
    "2015-06-04T13:01:52.000000000-00:00",
    "2024-02-29T00:00:00Z",
    "2023-02-29T00:00:00Z",
    "2000-02-29T00:00:00Z",
    "1900-02-29T00:00:00Z",
    "2015-04-31T00:00:00Z",
    "0000-01-01T00:00:00Z",
    "0001-01-01T00:00:00+0000",
    "9999-12-31T23:59:59.999999+2359",
    "2015-06-04T24:00:00Z",
    "2015-06-04T23:59:60Z",
    "2015-06-04T13:01:52+2400",
    "2015-06-04T13:01:52+0060",
    " \t2015-06-04T13:01:52.933+0000\r\n",
    "\xa02015-06-04T13:01:52.933+0000",
    "2015-06-04t13:01:52Z",
    "2015-06-04 13:01:52Z",
    "2015-06-04T13:01:52",
    "2015-06-04T13:01:52.Z",
    "2015-06-04T13:01Z",
    "20150604T130152Z",
    "2015-06-04T13:01:52,933Z",
    "2015-06-04T13:01:52.933+05",
    "",
]


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_parse_datetime_agrees_on_edge_texts(text: str) -> None:
    assert_same_parse(text)


@given(datetime_texts)
@example("2015-06-04T13:01:52.933+0000")
def test_parse_datetime_agrees_with_the_field_by_field_reading(text: str) -> None:
    assert_same_parse(text)


@given(st.text("0123456789-:T.Z+ ", max_size=32))
def test_parse_datetime_agrees_on_any_text_of_its_characters(text: str) -> None:
    assert_same_parse(text)


@given(st.lists(st.one_of(st.none(), datetime_texts, st.sampled_from(EDGE_TEXTS)), max_size=8))
def test_a_datetime_column_is_each_text_parsed(texts: list[str | None]) -> None:
    assert_same_datetime_column(texts)


@st.composite
def datetime_columns_of_one_shape(draw: st.DrawFn) -> list[str | None]:
    """Datetimes of one producer: one shape (fraction digits, offset form), the
    fields in range but, often, one field of one text (each field as often as
    the others); sometimes one character of a text changed."""
    fraction_digits = draw(st.integers(0, 8))
    offset = draw(st.sampled_from(["Z", "+hhmm", "-hh:mm", "+hh:mm"]))
    # The range of each field, in the order of the text.
    fields = {"year": range(1, 10000), "month": range(1, 13), "day": range(1, 29), "hour": range(24),
              "minute": range(60), "second": range(60), "zone hours": range(24), "zone minutes": range(60)}
    fractions = st.text("0123456789", min_size=fraction_digits, max_size=fraction_digits)
    column: list[str | None] = []
    drawn: dict[int, tuple[list[int], str]] = {}  # the fields and fraction of each text
    for index in range(draw(st.integers(1, 12))):
        if draw(st.integers(0, 5)) == 0:
            column.append(None)
            continue
        values = [draw(st.sampled_from(valid)) for valid in fields.values()]
        fraction = "." + draw(fractions) if fraction_digits else ""
        drawn[index] = values, fraction
        column.append(_datetime_text(values, fraction, offset))
    written = list(drawn)
    out_of_range = draw(st.booleans())  # one field of one text
    if written and out_of_range:
        where = draw(st.sampled_from(written))
        field = draw(st.sampled_from(range(len(fields) if offset != "Z" else 6)))
        valid = list(fields.values())[field]
        values, fraction = drawn[where]
        values[field] = draw(st.integers(0, 9999 if field == 0 else 99).filter(lambda v: v not in valid))
        column[where] = _datetime_text(values, fraction, offset)
    changed = draw(st.integers(0, 4)) == 0  # one character of a text
    if written and changed:
        where = draw(st.sampled_from(written))
        text = column[where]
        assert text is not None
        at = draw(st.integers(0, len(text) - 1))
        column[where] = text[:at] + draw(st.sampled_from(["\0", "a", "T", "5", " "])) + text[at + 1:]
    return column


def _datetime_text(values: list[int], fraction: str, offset: str) -> str:
    year, month, day, hour, minute, second, zone_hours, zone_minutes = values
    zone = offset.replace("hh", f"{zone_hours:02d}").replace("mm", f"{zone_minutes:02d}")
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}{fraction}{zone}"


@given(datetime_columns_of_one_shape())
@example(["2026-11-18T11:33:49.153+0060", "2026-11-18T11:33:49.153+0000"])
@example(["2026-11-18T11:33:49.153+0000", "2026-11-18T24:00:00.000+0000"])
@example(["2026-11-18T11:33:49.153+0000", "2026-11-18T11:33:49.153+0000\x002026-11-18T11:33:49.153+0000"])
def test_a_datetime_column_of_one_shape_is_each_text_parsed(texts: list[str | None]) -> None:
    assert_same_datetime_column(texts)


# Each field at and beyond the ends of its range, in one text of a column whose
# other texts are valid and of the same shape (a whole column is read at once).
_FIELD_EDGES = [
    ("year", 0, 4, ["0000", "0001", "9999"]),
    ("month", 5, 7, ["00", "01", "12", "13", "19", "99"]),
    ("day", 8, 10, ["00", "01", "28", "31", "32", "39", "99"]),
    ("hour", 11, 13, ["00", "23", "24", "29", "99"]),
    ("minute", 14, 16, ["00", "59", "60", "99"]),
    ("second", 17, 19, ["00", "59", "60", "99"]),
    ("fraction", 20, 23, ["000", "001", "010", "100", "999"]),
    ("offset hours", 24, 26, ["00", "23", "24", "99"]),
    ("offset minutes", 26, 28, ["00", "59", "60", "99"]),
]
# The last day of each month, and one more, in a leap year, a common year, and
# the centuries (1900 and 2200 are no leap years, 2000 is).
_MONTH_ENDS = [
    f"{year}-{month:02d}-{day:02d}"
    for year in ("2024", "2025", "1900", "2000", "2200")
    for month in range(1, 13)
    for day in (28, 29, 30, 31, 32)
]


@pytest.mark.parametrize(("field", "start", "stop", "values"), _FIELD_EDGES, ids=[e[0] for e in _FIELD_EDGES])
def test_a_datetime_column_reads_each_field_at_the_ends_of_its_range(
    field: str, start: int, stop: int, values: list[str]
) -> None:
    valid = "2026-11-18T11:33:49.153+0100"
    for value in values:
        text = valid[:start] + value + valid[stop:]
        assert_same_datetime_column([valid, text, None, valid])
        assert_same_datetime_column([text])


@pytest.mark.parametrize("offset", ["Z", "+0000", "-05:30", "+1400"])
def test_a_datetime_column_reads_the_last_days_of_every_month(offset: str) -> None:
    for date in _MONTH_ENDS:
        text = f"{date}T23:59:59{offset}"
        assert_same_datetime_column([f"2026-01-01T00:00:00{offset}", text])


@given(
    st.lists(
        st.tuples(
            st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31)),
            st.sampled_from(["Z", "+0000", "-0800", "+0530", "+1400"]),
        ),
        min_size=60, max_size=300,
    )
)
@example([(dt.datetime(1999, 12, 1) + dt.timedelta(hours=37 * i, seconds=i, milliseconds=7 * i), "+0530")
          for i in range(200)])
@example([(dt.datetime(2024, 2, 1) + dt.timedelta(hours=11 * i, milliseconds=i), ["+0000", "-0800", "+1400"][i % 3])
          for i in range(129)])
def test_a_long_datetime_column_of_one_shape_is_each_text_parsed(values: list[tuple[dt.datetime, str]]) -> None:
    """Columns longer than a slice of a document's items, with offsets that
    differ from text to text (of one shape, or of several)."""
    assert_same_datetime_column([f"{d:%Y-%m-%dT%H:%M:%S}.{d.microsecond // 1000:03d}{offset}" for d, offset in values])


def assert_same_datetime_column(texts: list[str | None]) -> None:
    wanted = outcome(lambda column: [None if t is None else reference_parse_datetime(t) for t in column], texts)
    got = outcome(datetimes, texts)
    assert got[0] == wanted[0], (texts, got, wanted)
    assert got[0] == "value" or got == wanted  # the first refused text's message
    if got[0] == "value":
        assert len(got[1]) == len(wanted[1])
        assert all(same_datetime(a, b) for a, b in zip(got[1], wanted[1])), (texts, got, wanted)


@given(st.lists(st.sampled_from(["2015-06-04T13:01:52.933+0000", "2016-02-29T00:00:00Z"]), min_size=1, max_size=4))
def test_a_nul_in_a_text_is_not_taken_for_a_separator(texts: list[str]) -> None:
    joined = "\0".join(texts)
    assert outcome(datetimes, [joined])[0] == outcome(reference_parse_datetime, joined)[0] == (
        "value" if len(texts) == 1 else "refused"
    )


# A column whose joined texts do not match is read text by text; the match that
# says so must fail in one pass, however many fraction digits the texts carry (a
# pattern that can split ``000000000`` between its parts in several ways tries
# every split of every text before it fails). Run apart, so that a regression
# fails the test instead of hanging the suite.
_LONG_COLUMN = """
from omni_codec._xml.fast.columns import datetimes
texts = ["2020-01-01T00:00:00.000000000+0000"] * 60 + ["2020-01-01T00:00:00.000000000+00:0x"]
try:
    datetimes(texts)
except Exception as error:
    print(type(error).__name__)
"""


def test_a_column_with_long_fractions_that_does_not_match_is_refused() -> None:
    result = subprocess.run([sys.executable, "-c", _LONG_COLUMN], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ScalarError"


# --- Decimals ------------------------------------------------------------------------

_decimal_digits = st.one_of(st.text("0123456789", min_size=1, max_size=6), st.integers(95, 105).flatmap(
    lambda n: st.builds(lambda head, zeros: head + "0" * zeros, st.text("0123456789", min_size=1, max_size=3),
                        st.just(n))
))
decimal_texts = st.one_of(
    st.builds(
        lambda sign, whole, point, fraction: f"{sign}{whole}{point}{fraction}",
        st.sampled_from(["", "+", "-"]),
        st.one_of(st.just(""), _decimal_digits),
        st.sampled_from([".", "", "."]),
        st.one_of(st.just(""), _decimal_digits),
    ),
    st.sampled_from(["NaN", "Infinity", "1E5", "1e-5", " 1.5", "1_000", "-0", "-0.000", "", "."]),
)


def decimal_values() -> st.SearchStrategy[Decimal]:
    """Decimals of every form: plain and scientific, near both bounds, zeros
    with any exponent, not finite."""
    return st.one_of(
        st.decimals(allow_nan=True, allow_infinity=True),
        st.builds(
            lambda sign, digits, exponent: Decimal((sign, tuple(int(d) for d in digits), exponent)),
            st.integers(0, 1),
            st.text("0123456789", min_size=1, max_size=110),
            st.integers(-220, 120),
        ),
        st.sampled_from([Decimal("NaN"), Decimal("-sNaN"), Decimal("-Infinity"), Decimal("-0"),
                         Decimal("-0.000"), Decimal("0E-200"), Decimal("0E+200"),
                         Decimal("1E+99"), Decimal("1E+100"), Decimal("9" * 100), Decimal("9" * 101),
                         Decimal("0." + "0" * 99 + "1"), Decimal("0." + "0" * 100 + "1"),
                         Decimal("1." + "0" * 150), Decimal("0.0001000000")]),
    )


class _Price(Decimal):
    """A subclass: answered by the general code, which reads no ``str``."""

    def __str__(self) -> str:
        return "0"


@given(decimal_values())
def test_check_decimal_accepts_and_refuses_as_before(value: Decimal) -> None:
    assert outcome(check_decimal, value)[0] == outcome(reference_check_decimal, value)[0]
    sub = _Price(value)
    assert outcome(check_decimal, sub)[0] == outcome(reference_check_decimal, sub)[0]


@given(decimal_values())
def test_a_models_decimal_is_refused_where_check_decimal_refuses_it(value: Decimal) -> None:
    """A model's ``__post_init__`` asks the common decimal's test directly: it
    accepts and refuses what ``check_decimal`` does, a subclass's too, with its
    path."""
    for number in (value, _Price(value)):
        refused = outcome(check_decimal, number)[0] == "refused"
        try:
            Price(price_per_lookup=number)
        except ValidationError as exc:
            assert refused
            assert exc.path == "$.pricePerLookup"
        else:
            assert not refused


@given(decimal_values())
def test_format_decimal_writes_as_before(value: Decimal) -> None:
    assert outcome(format_decimal, value)[0] == outcome(reference_format_decimal, value)[0]
    if outcome(format_decimal, value)[0] == "value":
        assert format_decimal(value) == reference_format_decimal(value)
        sub = _Price(value)
        assert format_decimal(sub) == reference_format_decimal(sub)


def reference_parse_decimal(text: str) -> Decimal:
    value = text.strip(_XS_SPACE)
    if not re.fullmatch(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)", value):
        raise ScalarError("not a decimal")
    number = Decimal(value)
    reference_check_decimal(number)
    return number


@given(st.lists(st.one_of(st.none(), decimal_texts), max_size=8))
def test_a_decimal_column_is_each_text_parsed(texts: list[str | None]) -> None:
    assert_same_decimal_column(texts)


@st.composite
def decimal_columns_of_one_shape(draw: st.DrawFn) -> list[str | None]:
    """Decimals of one producer: one shape (sign, digits each side of the
    point), any digits; sometimes one character of a text changed."""
    sign = draw(st.sampled_from(["", "", "-", "+"]))
    whole = draw(st.one_of(st.integers(0, 4), st.integers(99, 102)))
    point = draw(st.booleans())
    fraction = draw(st.one_of(st.integers(0, 4), st.integers(99, 102))) if point else 0
    texts = st.builds(
        lambda w, f: f"{sign}{w}{'.' if point else ''}{f}",
        st.text("0123456789", min_size=whole, max_size=whole),
        st.text("0123456789", min_size=fraction, max_size=fraction),
    )
    column = draw(st.lists(st.one_of(texts, texts, texts, st.none()), min_size=1, max_size=12))
    if draw(st.integers(0, 4)) == 0:
        where = draw(st.integers(0, len(column) - 1))
        text = column[where]
        if text:
            at = draw(st.integers(0, len(text) - 1))
            column[where] = text[:at] + draw(st.sampled_from(["\0", "E", ".", "5", " ", "-"])) + text[at + 1:]
    return column


@given(decimal_columns_of_one_shape())
@example(["0.5", "0.5\x000.5"])
def test_a_decimal_column_of_one_shape_is_each_text_parsed(texts: list[str | None]) -> None:
    assert_same_decimal_column(texts)


def assert_same_decimal_column(texts: list[str | None]) -> None:
    wanted = outcome(lambda column: [None if t is None else reference_parse_decimal(t) for t in column], texts)
    got = outcome(decimals, texts)
    assert got[0] == wanted[0], (texts, got, wanted)
    if got[0] == "value":
        # The same digits and exponent, not only the same value.
        assert [None if d is None else d.as_tuple() for d in got[1]] == [
            None if d is None else d.as_tuple() for d in wanted[1]
        ]
        assert all(type(d) is Decimal for d in got[1] if d is not None)
    assert outcome(lambda column: [None if t is None else parse_decimal(t) for t in column], texts)[0] == wanted[0]


# --- Writing datetimes ---------------------------------------------------------------

_zones = st.one_of(
    st.none(),
    st.just(dt.timezone.utc),
    st.builds(dt.timezone, st.timedeltas(min_value=-dt.timedelta(hours=23, minutes=59),
                                         max_value=dt.timedelta(hours=23, minutes=59))),
    st.builds(lambda minutes, name: dt.timezone(dt.timedelta(minutes=minutes), name),
              st.integers(-1439, 1439), st.text("ABC", min_size=1, max_size=3)),
    st.timezones(),
)


@given(
    st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31), timezones=_zones),
    st.sampled_from([OmniDateTime.coerce, lambda value: value]),
    st.booleans(),
)
def test_format_datetime_writes_as_before(value: dt.datetime, kind: Any, whole_milliseconds: bool) -> None:
    if whole_milliseconds:
        value = value.replace(microsecond=value.microsecond // 1000 * 1000)
    if value.tzinfo is not None and value.utcoffset() is None:
        return
    value = kind(value) if value.tzinfo is not None else value
    # Twice: the second finds its offset's text already known.
    for _ in range(2):
        got, wanted = outcome(format_datetime, value), outcome(reference_format_datetime, value)
        assert got[0] == wanted[0] and (got[0] == "refused" or got == wanted), (value, got, wanted)


class _Shifted(dt.datetime):
    """A subclass that says its own offset: written as it says."""

    def utcoffset(self) -> dt.timedelta:
        return dt.timedelta(hours=1)


@pytest.mark.parametrize("first", [True, False])
def test_a_datetime_subclass_is_written_by_its_own_offset(first: bool) -> None:
    shifted = _Shifted(2015, 6, 4, 13, 1, 52, 933000, dt.timezone.utc)
    plain = dt.datetime(2015, 6, 4, 13, 1, 52, 933000, dt.timezone.utc)
    # Whichever is written first, neither takes the other's offset.
    for _ in range(2):
        for value in (shifted, plain) if first else (plain, shifted):
            assert format_datetime(value) == reference_format_datetime(value)
    assert format_datetime(shifted).endswith("+0100") and format_datetime(plain).endswith("+0000")
