"""Columns: every value of one field across a list's items, checked at once.

Both fast paths handle a list field by field: the reader converts the texts of
one field across all items (a *column*) in one call, the writer and the encoders'
fast check collect one field's strings and check their pattern once. This module
holds what they use for it: the pattern check of a column, the tables that
convert a column of lexical forms (XML Schema's, as :mod:`omni_codec._scalars`
reads them) into values, and the conversions of columns of datetimes and
decimals, which check a whole column at once and convert it in C.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any, NamedTuple, cast

from ..._scalars import (
    DATETIME_FORM,
    DECIMAL_PLAIN_LIMIT,
    OmniDateTime,
    datetime_from_form,
    parse_datetime,
    parse_decimal,
    parse_int,
)
from .source import Miss

__all__ = ["BOOLS", "column_checker", "datetimes", "decimals", "enum_table", "int_table"]

# A string pattern that is one bracket expression repeated, anchored at both ends
# (``\\A[0-9]+\\Z``, the phone number): a column can be checked in one match.
_SIMPLE_PATTERN = re.compile(r"\\A(\[[^\[\]\\]*\])([+*]|\{[0-9]+(?:,[0-9]*)?\})\\Z")


@cache
def column_checker(pattern: str) -> Callable[[list[str]], bool]:
    """A function telling whether every string of a column matches ``pattern``
    (``re.search``, as msgspec and the general writer apply it); one per pattern."""
    simple = _SIMPLE_PATTERN.fullmatch(pattern)
    if simple is not None and simple.group(1) == "[0-9]" and simple.group(2) in "+*":
        # Digits (the phone number): ``bytes.isdigit`` is true of ASCII digits
        # only, and much faster than a match.
        some = simple.group(2) == "+"

        def check_digits(column: list[str]) -> bool:
            if some and "" in column:
                return False
            joined = "".join(column)
            return not joined or (joined.isascii() and joined.encode("ascii").isdigit())

        return check_digits
    if simple is not None and re.fullmatch(simple.group(1), "\0") is None:
        # The bracket expression cannot match NUL, so NUL separates the strings.
        every = re.compile(f"(?:{simple.group(1)}{simple.group(2)}\0)*").fullmatch

        def check_joined(column: list[str]) -> bool:
            if not column:
                return True
            joined = "\0".join(column) + "\0"
            # A NUL in a string would pass as a separator: then no string may have one.
            return joined.count("\0") == len(column) and every(joined) is not None

        return check_joined
    search = re.compile(pattern).search

    def check_each(column: list[str]) -> bool:
        return all(map(search, column))

    return check_each


class _IntTable(dict[Any, Any]):
    """``parse_int(text)`` (``None`` for an absent element) of an int from ``low``
    to ``high`` that is a multiple of ``step``, with the canonical spellings of
    the small ones looked up; another int is a miss (the general path reports it)."""

    __slots__ = ("_high", "_low", "_step")

    def __init__(self, low: int, high: int, step: int) -> None:
        super().__init__((str(i), i) for i in range(max(low, -128), min(high, 4095) + 1) if not i % step)
        self[None] = None
        self._low, self._high, self._step = low, high, step

    def __missing__(self, text: str) -> int:
        value = parse_int(text)
        if not self._low <= value <= self._high or value % self._step:
            raise Miss
        return value


class _EnumTable(dict[Any, Any]):
    """An enum's members by wire text (``None`` for an absent element); another
    text is a miss (the general path reports it)."""

    def __missing__(self, text: str) -> Any:
        raise Miss


class _OpenEnumTable(dict[Any, Any]):
    """An enum's members by wire text (``None`` for an absent element); another
    text is an unknown value of the enumeration (SPEC section 4)."""

    __slots__ = ("_unknown",)

    def __init__(self, members: dict[Any, Any], unknown: Any) -> None:
        super().__init__(members)
        self._unknown = unknown

    def __missing__(self, text: str) -> Any:
        return self._unknown(text)


@cache
def int_table(low: int, high: int, step: int = 1) -> Callable[[str | None], int | None]:
    """An int's text -> the int (the reader's column conversion), for the
    multiples of ``step`` from ``low`` to ``high``: the rule is checked as each
    text is converted, so a column needs no second pass for it."""
    return _IntTable(low, high, step).__getitem__


#: A boolean's text (XML Schema's four spellings) -> the bool.
BOOLS = {"true": True, "1": True, "false": False, "0": False, None: None}


def enum_table(cls: type[Any], *, strict: bool) -> dict[Any, Any]:
    """The members of the enum ``cls`` by their wire text; another text is an
    unknown value of ``cls`` (an ``OpenEnum``), or, when ``strict``, a miss."""
    members = {m.value: m for m in cls if type(m.value) is str}
    table = _EnumTable(members) if strict else _OpenEnumTable(members, cls)
    table[None] = None
    return table


# Datetimes and decimals: a column is checked by a comparison of bytes when its
# texts have one shape (below), else by one match of its texts joined by NUL
# (which no text of either form holds), and converted in C; a column that
# does not match, or that holds a value the conversion refuses, is converted
# text by text instead, by the functions the general reader uses, which
# convert the same texts to the same values and refuse (with the message) the
# others.
_DATETIMES = re.compile(f"(?:{DATETIME_FORM}\0)*")
# Decimals in the lexical space (xs:decimal) with at most as many digits on each
# side of the point as every decimal within the bounds may have: each is one
# ``check_decimal`` accepts, whatever its digits.
_DIGITS = f"[0-9]{{1,{DECIMAL_PLAIN_LIMIT}}}"
_DECIMALS = re.compile(
    f"(?:[+-]?(?:{_DIGITS}(?:\\.[0-9]{{0,{DECIMAL_PLAIN_LIMIT}}})?|\\.{_DIGITS})\0)*"
)


def _joined_match(pattern: re.Pattern[str], texts: list[str]) -> bool:
    """Whether every one of ``texts`` (no None) matches ``pattern``'s item."""
    joined = "\0".join(texts) + "\0"
    # A NUL in a text would pass as a separator: then the count differs.
    return joined.count("\0") == len(texts) and pattern.fullmatch(joined) is not None


def _present(texts: list[str | None]) -> list[str]:
    """The texts that are not None (``texts`` itself when none is)."""
    if None in texts:
        return [text for text in texts if text is not None]
    return cast("list[str]", texts)


def _with_nones(texts: list[str | None], values: list[Any]) -> list[Any]:
    """``values`` (one per text that is not None) in the places of ``texts``."""
    if len(values) == len(texts):
        return values
    found = iter(values)
    return [None if text is None else next(found) for text in texts]


def datetimes(texts: list[str | None]) -> list[OmniDateTime | None]:
    """``parse_datetime`` of each text (``None`` for an absent element), which
    raises :class:`~omni_codec._scalars.ScalarError` for a text it refuses."""
    present = _present(texts)
    if datetime_from_form is not None and (
        _datetimes_of_one_shape(present) or _joined_match(_DATETIMES, present)
    ):
        try:
            values = _omni_datetimes(present)
        except ValueError:  # a day its month lacks, year 0000: reported below
            pass
        else:
            return _with_nones(texts, values)
    return [None if text is None else parse_datetime(text) for text in texts]


def decimals(texts: list[str | None]) -> list[Decimal | None]:
    """``parse_decimal`` of each text (``None`` for an absent element), which
    raises :class:`~omni_codec._scalars.ScalarError` for a text it refuses."""
    present = _present(texts)
    if _one_shape(_DECIMAL_SHAPE, present) is not None or _joined_match(_DECIMALS, present):
        # (``Decimal`` of a text is exact, whatever the context's precision.)
        return _with_nones(texts, list(map(Decimal, present)))
    return [None if text is None else parse_decimal(text) for text in texts]


# A column written by one producer mostly has one shape: the same digits,
# separators and offset form in every text (``2026-11-18T11:33:49.153+0000``,
# ``0.684``). Such a column is checked without a match per character: its texts,
# their digits made zeros, must be one shape of the form repeated, which a
# comparison of bytes tells. What a shape cannot tell, a digit's range, is
# either checked by the conversion or looked up a position at a time.
_ZEROS = bytes.maketrans(b"123456789", b"000000000")
_DATETIME_SHAPE = re.compile(rb"0000-00-00T00:00:00(?:\.0{1,6})?(?:Z|[+-]00:?(?P<minutes>0)0)")
# (The digits of :data:`_DECIMALS`.)
_ZEROS_WITHIN = f"0{{1,{DECIMAL_PLAIN_LIMIT}}}"
_DECIMAL_SHAPE = re.compile(
    f"[+-]?(?:{_ZEROS_WITHIN}(?:\\.0{{0,{DECIMAL_PLAIN_LIMIT}}})?|\\.{_ZEROS_WITHIN})".encode("ascii")
)


class _Shape(NamedTuple):
    raw: bytes  #: the texts' ASCII, joined by NUL
    match: re.Match[bytes]  #: the shape, matched in the first text
    width: int  #: the distance from a text to the next in ``raw``


def _one_shape(shape: re.Pattern[bytes], texts: list[str]) -> _Shape | None:
    """The one shape ``texts`` (at least one, no None) all have, if they have one
    that ``shape`` matches."""
    joined = "\0".join(texts)
    if not texts or not joined.isascii():
        return None
    raw = joined.encode("ascii")
    width = len(texts[0]) + 1
    match = shape.fullmatch(raw[:width - 1].translate(_ZEROS))
    # (No text holds a NUL: the shape has none, and the bytes hold one NUL less
    # than there are texts.)
    if match is None or (raw + b"\0").translate(_ZEROS) != (match.group() + b"\0") * len(texts):
        return None
    return _Shape(raw, match, width)


def _datetimes_of_one_shape(texts: list[str]) -> bool:
    """Whether ``texts`` all have one shape of :data:`DATETIME_FORM` and every
    range ``fromisoformat`` leaves unchecked is kept.

    It checks the month, the day of the month, the year (0001 on), the hour,
    minute and second, and an offset below 24 hours; not an offset's minutes,
    which it carries into the hours ("+0060"), nor, on a later Python, hour 24,
    which it may read as the next day's midnight.
    """
    one = _one_shape(_DATETIME_SHAPE, texts)
    if one is None or b"T24" in one.raw:
        return False
    minutes = one.match.start("minutes")
    return minutes < 0 or not one.raw[minutes::one.width].translate(None, b"012345")


# ``OmniDateTime.fromisoformat`` builds the subclass through its constructor, six
# times the cost of building a ``datetime``; a datetime's pickled state builds it
# directly. (Every text read has an offset, so the state is a pair.)
_state = operator.itemgetter(1)


def _omni_datetimes(texts: list[str]) -> list[OmniDateTime]:
    """``datetime_from_form`` of each text (the same values), made in C."""
    parsed = map(dt.datetime.fromisoformat, texts)
    return list(itertools.starmap(OmniDateTime, map(_state, map(dt.datetime.__reduce__, parsed))))
