"""What every value must satisfy to be written: the encoders' checks (SPEC section 6).

"What an encoder writes, the decoders accept." Every constraint a decoder checks
is described here once per value shape, as a :class:`Rule` read from the wire
description (:mod:`omni_codec._binding`, which reads the models through
``msgspec.inspect``): the Python type, string patterns and lengths, integer bounds
and steps, list lengths, enumeration values (open: an unknown value is one
too, SPEC section 4), finite decimals within the XSD's
bounds, aware datetimes, free-form JSON values, required fields, the characters
XML 1.0 can carry, and the rules a model checks in ``__post_init__`` (among them
its ``__required_paths__``: the simple request's phone numbers), which are run
again as the decoders run them.

Three readers of the same rules:

* :func:`find_problem`, the precise check: closures compiled once per shape that
  find the first problem and its path. The general XML writer runs it before it
  writes; the JSON encoder runs it when the fast check fails; the JSON decoder
  runs it on a decoded value whose input held an escape that could stand for a
  character XML cannot carry (SPEC section 6: JSON accepts what XML can carry).
* :func:`fast_check`, generated once per document type from the same rules (one
  function per list, whose loop checks a whole item inline), which answers only
  yes or no; characters are left to the caller, who can look for them in bulk.
* :meth:`Rule.tests`, the source of the same tests for other generated code: the
  fast XML writer inlines them, so that it never writes what the general writer
  refuses.

Other consumers read the :class:`Rule` of a shape (:func:`rule_of`) rather than
the models again: the fast XML reader's column checks, the XSD generator's facets, the JSON
Schemas' keywords and the hypothesis strategies. (The decoders' own checks are
msgspec's, of the same ``Meta``.) A constraint outside
what a Rule says is refused when the type is bound (:mod:`omni_codec._binding`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

import msgspec
import msgspec.inspect as mi

from ._binding import Kind, StructShape, ValueShape, is_model, shape_of
from ._paths import join, split
from ._scalars import ScalarError, check_decimal, describe, format_datetime
from ._xml.chars import NOT_XML_CHAR
from ._xml.fast.columns import column_checker
from ._xml.fast.source import Source, any_of
from .errors import ValidationError

__all__ = ["Problem", "Rule", "code_rule", "fast_check", "find_problem", "model_rule", "rule_of"]

#: What the writers accept for an ``int`` without declared bounds.
INT64 = (-(2**63), 2**63 - 1)
#: Nesting of a free-form JSON value beyond which it is not written: far beyond
#: what any decoder's ``max_depth`` lets in, short of Python's recursion limit.
JSON_MAX_DEPTH = 512
#: The longest integer of free-form JSON, in characters (its sign included):
#: what msgspec reads as an int (Python's conversion limit), and the XSD's
#: ``JsonNumber`` takes.
JSON_INT_CHARACTERS = 4300
JSON_INT_RANGE = (-(10 ** (JSON_INT_CHARACTERS - 1)) + 1, 10**JSON_INT_CHARACTERS - 1)


class Problem(Exception):
    """The first thing wrong with a value, and where (raised inside the checks;
    the path is built while unwinding, innermost segment first)."""

    def __init__(self, message: str, segments: list[str | int] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.segments: list[str | int] = segments or []

    @property
    def path(self) -> str:
        return join(reversed(self.segments))


# --- The description ----------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Rule:
    """The checks of one value shape.

    ``python`` is the type a value must have: exactly (``str``, ``int``,
    ``bool``, ``list``, ``dict``, a Struct), or as an instance (``Decimal``,
    ``datetime``, an enum), as ``exact`` says. Integer bounds are inclusive
    (``gt=0`` is ``low=1``); an integer without declared bounds has the 64-bit
    range the writers accept.
    """

    kind: Kind
    python: type
    exact: bool
    pattern: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    low: int | None = None
    high: int | None = None
    multiple_of: int | None = None

    @property
    def expected(self) -> str:
        """The type's name as error messages give it."""
        return f"`{self.python.__name__}`"

    def tests(
        self,
        var: str,
        constant: Callable[[str, Any], str],
        *,
        pattern: bool = True,
        bounds: bool = True,
        problem: bool = True,
    ) -> list[str]:
        """Python expressions, each true when the value named ``var`` (not
        ``None``) breaks this rule; ``constant`` names the objects they use.

        For the leaves and lists; a Struct's fields are the caller's to walk.
        ``pattern=False`` leaves a string's pattern to the caller (who may check
        a column of strings at once, see :func:`~omni_codec._xml.fast.columns.column_checker`);
        ``bounds=False`` leaves an integer's ``low`` and ``high`` to the caller;
        ``problem=False`` leaves a decimal's or a datetime's own check to the
        caller (whose formatting refuses the same values: the check *is* the
        formatting, see :func:`_datetime_problem`).
        """
        python = constant(f"_{self.python.__name__}", self.python)
        if self.exact:
            out = [f"type({var}) is not {python}"]
        else:
            out = [f"not isinstance({var}, {python})"]
        if self.kind is Kind.STRING and self.pattern is not None and pattern:
            out.append(f"{constant('_search', re.compile(self.pattern).search)}({var}) is None")
        if self.min_length is not None:
            out.append(f"len({var}) < {self.min_length}")
        if self.max_length is not None:
            out.append(f"len({var}) > {self.max_length}")
        if self.low is not None and self.high is not None and bounds:
            out.append(f"not {self.low} <= {var} <= {self.high}")
        if self.multiple_of is not None:
            out.append(f"{var} % {self.multiple_of}")
        if self.kind in _LEAF_PROBLEMS and (problem or self.kind is Kind.JSON):
            out.append(f"{constant(f'_{self.kind.value}_problem', _LEAF_PROBLEMS[self.kind])}({var}) is not None")
        return out


@cache
def rule_of(value: ValueShape) -> Rule:
    """The rule of a value shape, derived once from its ``msgspec.inspect`` info."""
    kind, info = value.kind, value.info
    if kind is Kind.STRING:
        assert isinstance(info, mi.StrType)  # what _binding makes a STRING of
        return Rule(kind, str, True, info.pattern, info.min_length, info.max_length)
    if kind is Kind.INT:
        assert isinstance(info, mi.IntType)
        low = info.ge if info.ge is not None else None if info.gt is None else info.gt + 1
        high = info.le if info.le is not None else None if info.lt is None else info.lt - 1
        low, high = INT64[0] if low is None else low, INT64[1] if high is None else high
        return Rule(kind, int, True, low=low, high=high, multiple_of=info.multiple_of)
    if kind is Kind.LIST:
        assert isinstance(info, mi.ListType)
        return Rule(kind, list, True, min_length=info.min_length, max_length=info.max_length)
    if kind is Kind.STRUCT:
        assert value.struct_type is not None
        return Rule(kind, value.struct_type, True)
    if kind is Kind.UNION:  # the member's own rule decides; see _union_checker
        return Rule(kind, msgspec.Struct, False)
    if kind is Kind.ENUM:
        assert isinstance(info, mi.EnumType)
        return Rule(kind, info.cls, False)
    return Rule(kind, *_PYTHON[kind])


_PYTHON: dict[Kind, tuple[type, bool]] = {
    Kind.BOOL: (bool, True),
    Kind.DECIMAL: (Decimal, False),
    Kind.DATETIME: (dt.datetime, False),
    Kind.JSON: (dict, True),
}


def _decimal_problem(value: Decimal) -> str | None:
    # The XSD's bounds, as the decoders apply them (models/reports.py, _scalars).
    try:
        check_decimal(value)
    except ScalarError as exc:
        return str(exc)
    return None


def _datetime_problem(value: dt.datetime) -> str | None:
    # Aware, with a whole-minute offset: what the published form can say (SPEC 4).
    try:
        format_datetime(value)
    except ScalarError as exc:
        return str(exc)
    return None


def _json_problem(value: dict[str, Any]) -> str | None:
    try:
        _check_json(value, 0, False)
    except Problem as problem:
        return problem.message
    return None


#: The checks of a leaf beyond its type, each giving a message or None.
_LEAF_PROBLEMS: dict[Kind, Callable[[Any], str | None]] = {
    Kind.DECIMAL: _decimal_problem,
    Kind.DATETIME: _datetime_problem,
    Kind.JSON: _json_problem,
}


def model_rule(cls: type[msgspec.Struct]) -> Callable[[Any], ValidationError | None] | None:
    """The rules ``cls`` checks in code (its ``__post_init__``), if any, as a
    function giving the error (its path relative to the value) or None.

    msgspec runs ``__post_init__`` on every decode; running it on encode checks
    the same rules (the simple request's phone numbers, the price bounds). It
    only ever sees values whose fields have passed their own checks.
    """
    post_init = getattr(cls, "__post_init__", None)
    return None if post_init is None else _error_of(post_init)


def code_rule(cls: type[msgspec.Struct]) -> Callable[[Any], ValidationError | None] | None:
    """What :func:`model_rule` checks but the datetime and decimal fields: for
    a caller that checks each of those fields itself (the fast XML writer
    formats them, which refuses what ``__post_init__`` would).

    An OMNI model's ``__post_init__`` (see ``OmniStruct``) converts plain
    datetimes, checks the decimals' bounds and then runs the model's own rules,
    its ``__omni_rule__``; only those are left here, which spares a call per
    item of a list of models that have none (the delivery reports). The
    conversion changes nothing that is written: every datetime is formatted
    alike. A Struct that is no ``OmniStruct`` keeps its whole ``__post_init__``.
    """
    if not hasattr(cls, "__omni_rule__"):
        return model_rule(cls)
    rule: Callable[[Any], None] | None = cls.__omni_rule__
    return None if rule is None else _error_of(rule)


def _error_of(rule: Callable[[Any], None]) -> Callable[[Any], ValidationError | None]:
    """``rule`` as a function giving the error it raises, or None."""

    def broken(value: Any) -> ValidationError | None:
        try:
            rule(value)
        except ValidationError as exc:
            return exc
        return None

    return broken


# --- The precise check --------------------------------------------------------------


def find_problem(value: Any) -> Problem | None:
    """The first problem of the model value ``value``, with its path, or None;
    the characters XML 1.0 cannot carry included."""
    cls = type(value)
    if not is_model(cls):
        return Problem(f"Expected an OMNI model instance, got {describe(value)}")
    try:
        check = _struct_checker(shape_of(cls))
    except TypeError as exc:
        return Problem(f"{cls.__name__} is not an OMNI type: {exc}")
    try:
        check(value)
    except Problem as problem:
        return problem
    except RecursionError:
        return Problem("Value nested too deeply to be written")
    return None


Check = Callable[[Any], None]


@cache
def _struct_checker(shape: StructShape) -> Check:
    fields: list[tuple[str, str, bool, Check]] | None = None
    rule = model_rule(shape.cls)
    cls = shape.cls

    def check_struct(value: Any) -> None:
        nonlocal fields
        if type(value) is not cls:
            raise Problem(f"Expected `{cls.__name__}`, got {describe(value)}")
        if fields is None:  # made on first use: shapes may refer to each other
            fields = [(f.attr, f.name, f.required, _checker(f.value)) for f in shape.fields]
        for attr, name, required, check in fields:
            item = getattr(value, attr)
            if item is None:
                if required:
                    raise Problem(f"Required field `{name}` is None", [name])
                continue
            try:
                check(item)
            except Problem as problem:
                problem.segments.append(name)
                raise
        if rule is not None:
            broken = rule(value)
            if broken is not None:
                raise Problem(broken.message, list(reversed(split(broken.path))))

    return check_struct


@cache
def _checker(value: ValueShape) -> Check:
    rule = rule_of(value)
    if value.kind is Kind.STRUCT:
        return _struct_checker(value.struct)
    if value.kind is Kind.LIST:
        assert value.item is not None  # a LIST always has an item shape
        return _list_checker(rule, _checker(value.item))
    if value.kind is Kind.UNION:
        return _union_checker(value)
    if value.kind is Kind.JSON:

        def check_json_field(item: Any) -> None:
            if type(item) is not dict:
                raise Problem(f"Expected a JSON object (`dict`), got {describe(item)}")
            _check_json(item, 0, True)

        return check_json_field
    problem_of = _leaf_problem(rule)

    def check_leaf(item: Any) -> None:
        message = problem_of(item)
        if message is not None:
            raise Problem(message)

    return check_leaf


def _union_checker(value: ValueShape) -> Check:
    """A polymorphic value is one of its members, checked as that member."""
    checkers: dict[type, Check] = {}

    def check_union(item: Any) -> None:
        if not checkers:  # made on first use: shapes may refer to each other
            checkers.update({s.cls: _struct_checker(s) for s in value.variants.values()})
        check = checkers.get(type(item))
        if check is None:
            names = ", ".join(f"`{cls.__name__}`" for cls in checkers)
            raise Problem(f"Expected one of {names}, got {describe(item)}")
        check(item)

    return check_union


def safe_check(value: ValueShape) -> Callable[[Any], bool]:
    """Whether a value of shape ``value`` passes the precise check: for the fast
    paths, which hand a polymorphic value to the general code."""
    check = _checker(value)

    def passes(item: Any) -> bool:
        try:
            check(item)
        except Problem:
            return False
        return True

    return passes


def _list_checker(rule: Rule, check_item: Check) -> Check:
    def check_list(items: Any) -> None:
        if type(items) is not list:
            raise Problem(f"Expected `list`, got {describe(items)}")
        if rule.min_length is not None and len(items) < rule.min_length:
            raise Problem(f"Expected a list of at least {_items(rule.min_length)}, got {len(items)}")
        if rule.max_length is not None and len(items) > rule.max_length:
            raise Problem(f"Expected a list of at most {_items(rule.max_length)}, got {len(items)}")
        for index, item in enumerate(items):
            try:
                if item is None:
                    raise Problem("A list item cannot be None")
                check_item(item)
            except Problem as problem:
                problem.segments.append(index)
                raise

    return check_list


def _items(count: int) -> str:
    return "1 item" if count == 1 else f"{count} items"


def _leaf_problem(rule: Rule) -> Callable[[Any], str | None]:
    """The message for what is wrong with a leaf value (not None), or None."""
    kind, python = rule.kind, rule.python
    search = re.compile(rule.pattern).search if rule.pattern is not None else None
    extra = _LEAF_PROBLEMS.get(kind)

    def problem(item: Any) -> str | None:
        if (type(item) is not python) if rule.exact else not isinstance(item, python):
            return f"Expected {rule.expected}, got {describe(item)}"
        if kind is Kind.STRING:
            if search is not None and search(item) is None:
                return f"Expected `str` matching `{rule.pattern}`, got {describe(item)}"
            if rule.min_length is not None and len(item) < rule.min_length:
                return f"Expected `str` of at least {rule.min_length} characters, got {describe(item)}"
            if rule.max_length is not None and len(item) > rule.max_length:
                return f"Expected `str` of at most {rule.max_length} characters, got {describe(item)}"
            return _char_problem(item)
        elif kind is Kind.ENUM:
            # A member's text is known to be fine; an unknown value's is any text.
            return None if item.known else _char_problem(item.value)
        elif kind is Kind.INT:
            assert rule.low is not None and rule.high is not None  # always set for ints
            if not rule.low <= item <= rule.high:
                return f"{describe(item)} is outside the range {rule.low}..{rule.high}"
            if rule.multiple_of is not None and item % rule.multiple_of:
                return f"Expected a multiple of {rule.multiple_of}, got {describe(item)}"
        elif extra is not None:
            return extra(item)
        return None

    return problem


def _char_problem(text: str) -> str | None:
    # Characters outside XML 1.0's Char production cannot be carried, escaped or
    # not (SPEC section 6); JSON must not carry them either.
    bad = NOT_XML_CHAR.search(text)
    if bad is None:
        return None
    return f"Character U+{ord(bad.group()):04X} cannot be carried by XML 1.0"


def _check_json(item: Any, depth: int, chars: bool) -> None:
    """A free-form JSON value: what the JSON and XML forms can both carry (its
    characters too, with ``chars``)."""
    if depth > JSON_MAX_DEPTH:
        raise Problem(f"JSON value nested deeper than {JSON_MAX_DEPTH} levels")
    item_type = type(item)
    if item_type is dict:
        for key, child in item.items():
            # A key that cannot be written is reported at its object.
            if type(key) is not str:
                raise Problem(f"JSON object keys must be `str`, got {describe(key)}")
            if chars:
                message = _char_problem(key)
                if message is not None:
                    raise Problem(f"Key {describe(key)}: {message}")
            try:
                _check_json(child, depth + 1, chars)
            except Problem as problem:
                problem.segments.append(key)
                raise
    elif item_type is list:
        index = 0
        try:
            for index, child in enumerate(item):  # noqa: B007 (index used on error)
                _check_json(child, depth + 1, chars)
        except Problem as problem:
            problem.segments.append(index)
            raise
    elif item_type is str:
        if chars:
            message = _char_problem(item)
            if message is not None:
                raise Problem(message)
    elif item_type is float:
        if not math.isfinite(item):
            raise Problem(f"{item} is not a JSON number")
    elif item_type is int and not JSON_INT_RANGE[0] <= item <= JSON_INT_RANGE[1]:
        raise Problem(
            f"Expected a JSON integer of at most {JSON_INT_CHARACTERS} characters"
            f" (the sign included), got {describe(item)}"
        )
    elif item is not None and item_type is not bool and item_type is not int:
        raise Problem(f"{describe(item)} is not a JSON value")


# --- The fast check -----------------------------------------------------------------


def fast_check(value: Any) -> bool:
    """Whether ``value`` passes every check but the characters', answered by
    code generated for its type; ``False`` also for anything it does not know
    (then :func:`find_problem` says what is wrong, if anything)."""
    check = _fast.get(type(value))
    if check is None:
        check = _fast_checker(type(value))
    try:
        return check(value)
    except RecursionError:  # a value that holds itself, or nests past the stack
        return False


_fast: dict[type[Any], Callable[[Any], bool]] = {}
_lock = threading.Lock()


def _refuse(value: Any) -> bool:
    return False


def _fast_checker(cls: type[Any]) -> Callable[[Any], bool]:
    if not is_model(cls):
        return _refuse
    with _lock:
        if cls not in _fast:
            try:
                shape = shape_of(cls)
            except TypeError:  # not an OMNI type: find_problem says so
                return _refuse
            _fast[cls] = _Generator(shape).build()
        return _fast[cls]


class _Generator(Source):
    """Writes the fast check of one type: its fields inline, one function per
    list, a string pattern checked on the column of all a list's items."""

    def __init__(self, shape: StructShape) -> None:
        super().__init__({}, locals=("v", "items"))
        self.shape = shape
        self.lists: dict[int, str] = {}

    def build(self) -> Callable[[Any], bool]:
        lines: list[str] = []
        self._struct(self.shape, "v", lines, None)
        name = self._function(f"_check_{self.shape.name}", "v", lines)
        check: Callable[[Any], bool] = self.compile(
            f"<omni_codec fast check of {self.shape.cls.__qualname__}>", name
        )
        return check

    def _function(self, wanted: str, parameter: str, lines: list[str]) -> str:
        return self.function(wanted, parameter, [*lines, "return True"])

    def _struct(
        self, shape: StructShape, var: str, lines: list[str], columns: dict[str, str] | None
    ) -> None:
        lines.append(f"if type({var}) is not {self.constant('_' + shape.name, shape.cls)}: return False")
        for field in shape.fields:
            a = self.name(f"f_{field.attr}")
            lines.append(f"{a} = {var}.{field.attr}")
            inner: list[str] = []
            self._value(field.value, a, inner, columns)
            if field.required:  # None fails the type test
                lines.extend(inner)
            elif len(inner) == 1 and inner[0].startswith("if "):
                lines.append(f"if {a} is not None and ({inner[0][3:-len(': return False')]}): return False")
            else:
                lines.append(f"if {a} is not None:")
                lines.extend(f"    {line}" for line in inner)
        rule = model_rule(shape.cls)
        if rule is not None:
            lines.append(f"if {self.constant('_rule_of_' + shape.name, rule)}({var}) is not None: return False")

    def _value(
        self, value: ValueShape, a: str, lines: list[str], columns: dict[str, str] | None
    ) -> None:
        if value.kind is Kind.STRUCT:
            self._struct(value.struct, a, lines, columns)
            return
        if value.kind is Kind.UNION:  # the precise check: member types nest
            lines.append(f"if not {self.constant('_passes', safe_check(value))}({a}): return False")
            return
        rule = rule_of(value)
        column = columns is not None and rule.kind is Kind.STRING and rule.pattern is not None
        tests = rule.tests(a, self.constant, pattern=not column)
        lines.append(f"if {any_of(tests)}: return False")
        if column:
            assert columns is not None and rule.pattern is not None
            name = self.name(f"column_{a}")
            columns[name] = self.constant("_matches", column_checker(rule.pattern))
            lines.append(f"{name}_append({a})")
        if value.kind is Kind.LIST:
            assert value.item is not None
            lines.append(f"if not {self._list(value.item)}({a}): return False")

    def _list(self, item: ValueShape) -> str:
        """The function that checks a list's items (its type and length are
        checked where it is a field)."""
        if id(item) in self.lists:
            return self.lists[id(item)]
        columns: dict[str, str] = {}
        body: list[str] = []
        self._value(item, "v", body, columns)  # None fails the type test
        lines = [
            *(f"{c} = []; {c}_append = {c}.append" for c in columns),
            "for v in items:",
            *(f"    {line}" for line in body),
            *(f"if not {check}({c}): return False" for c, check in columns.items()),
        ]
        wanted = f"_check_{item.struct.name}_items" if item.kind is Kind.STRUCT else "_check_items"
        name = self.lists[id(item)] = self._function(wanted, "items", lines)
        return name
