"""Columns: every value of one field across a list's items, checked at once.

Both fast paths handle a list field by field: the reader converts the texts of
one field across all items (a *column*) in one call, the writer and the encoders'
fast check collect one field's strings and check their pattern once. This module
holds what they use for it: the pattern check of a column, and the tables that
convert a column of lexical forms (XML Schema's, as :mod:`omni_codec._scalars`
reads them) into values.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from ..._scalars import parse_int
from .source import Miss

__all__ = ["BOOLS", "INTS", "column_checker", "enum_table"]

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
    """``parse_int(text)`` (``None`` for an absent element), with the canonical
    spellings of small ints looked up."""

    def __missing__(self, text: str) -> int:
        return parse_int(text)


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


#: An int's text -> the int (the reader's column conversion).
INTS = _IntTable((str(i), i) for i in range(-128, 4096))
INTS[None] = None
#: A boolean's text (XML Schema's four spellings) -> the bool.
BOOLS = {"true": True, "1": True, "false": False, "0": False, None: None}


def enum_table(cls: type[Any], *, strict: bool) -> dict[Any, Any]:
    """The members of the enum ``cls`` by their wire text; another text is an
    unknown value of ``cls`` (an ``OpenEnum``), or, when ``strict``, a miss."""
    members = {m.value: m for m in cls if type(m.value) is str}
    table = _EnumTable(members) if strict else _OpenEnumTable(members, cls)
    table[None] = None
    return table
