"""Hypothesis strategies for every OMNI type, derived from the models.

For users' own property tests (and ours, SPEC section 7)::

    from hypothesis import given
    from omni_codec import OmniSimpleRequest
    from omni_codec.strategies import from_type

    @given(from_type(OmniSimpleRequest))
    def test_my_service_accepts_any_request(request): ...

Every strategy is built by walking the wire description of the Structs
(:func:`omni_codec._binding.shape_of`) and the rules the encoders check on it
(:func:`omni_codec._checks.rule_of`: string patterns and lengths, integer bounds,
list lengths, enum members), so a new model is covered as soon as it is declared,
and what is generated is what the encoders accept: nothing here names
an OMNI type. Fields a model requires although their type allows None (its
``__required_paths__``) are generated present.

What is generated is *everything the codec promises to carry*, not only what the
API usually sees: any text XML 1.0 can carry (whitespace, markup characters,
non-ASCII and astral characters), datetimes with any whole-minute offset and
sub-millisecond precision, decimals with any exponent and trailing zeros, and
arbitrary JSON in free-form objects. ``edge_cases=True`` shifts the weight further
towards the values that break codecs.

Hypothesis is a test dependency only: ``import omni_codec`` never imports this
module; importing it requires ``hypothesis`` (the ``strategies`` extra).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import cache
from typing import Any, TypeVar, cast

import msgspec
import msgspec.inspect as mi
try:
    from hypothesis import strategies as st
    from hypothesis.strategies import SearchStrategy
except ImportError as exc:  # tests/test_packaging.py runs this without hypothesis
    raise ImportError(
        "omni_codec.strategies needs hypothesis, which omni_codec installs with its "
        "`strategies` extra: pip install 'omni_codec[strategies]' "
        "(from a checkout: pip install '.[strategies]')",
        name=exc.name,
    ) from exc

from ._binding import Kind, StructShape, ValueShape, required_paths, shape_of
from ._checks import Rule, rule_of
from ._scalars import OmniDateTime
from .errors import ValidationError
from .models import DOCUMENT_TYPES

__all__ = [
    "REQUIRED_PATHS",
    "documents",
    "from_type",
    "json_objects",
    "json_values",
    "xml_text",
]

T = TypeVar("T")

#: Fields that must be present although their type allows None, per document
#: type that has any: each model's ``__required_paths__`` as the binding reads it
#: (:func:`omni_codec._binding.required_paths`), as tuples of attribute names. The
#: strategies read the binding itself, for any model; this is for reading.
REQUIRED_PATHS: Mapping[type[msgspec.Struct], tuple[tuple[str, ...], ...]] = {
    cls: required_paths(cls) for cls in DOCUMENT_TYPES if required_paths(cls)
}

# Characters outside XML 1.0's ``Char`` production (section 2.2): the codec must
# refuse them (SPEC section 6), so values meant to round-trip never hold them.
# Surrogates are excluded by category.
_NOT_XML = "".join(
    chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)
)
_XML_CHARACTERS = st.characters(exclude_categories=["Cs"], exclude_characters=_NOT_XML)
_NON_ASCII = st.characters(
    min_codepoint=0x80, exclude_categories=["Cs"], exclude_characters=_NOT_XML
)
_ASTRAL = st.characters(min_codepoint=0x10000, exclude_categories=["Cs"])
# XML's own whitespace (section 2.3) plus a few characters that are whitespace
# to Python or to people but not to XML: the codec must keep all of them.
_WHITESPACE = " \t\n\r\u00a0\u2028\u3000"
# Fragments that mean something to an XML writer or reader: escaping must keep
# them text, and ``\r`` must not come back as ``\n`` (XML 1.0 section 2.11).
_MARKUP = ("<", ">", "&", "&amp;", "&#13;", "]]>", "<![CDATA[", "<!--", "-->", "<?x?>",
           '"', "'", "\r\n", "\r", "\n", "\t", " ", "a", "\U0001f600")

_LONG_TEXT = (200, 600)  # long enough to cross any small buffer, short enough to stay fast
_SHORT_LIST = 3  # list size cap by default: nested lists multiply
_MANY_ITEMS = (20, 40)
_INT64 = (-(2**63), 2**63 - 1)  # what the writers accept for an unbounded int

_OMIT: Any = object()  # a field left to its default
_REFUSED: Any = object()  # field values the model's own rule refuses


def from_type(cls: type[T], *, edge_cases: bool = False) -> SearchStrategy[T]:
    """A strategy for values of the OMNI model ``cls`` that the codec can write.

    Every value satisfies the model's declared constraints, the rules of its
    ``__required_paths__`` and those it checks in code (its ``__post_init__``), so ``json.encode`` and, for document types,
    ``xml.encode`` accept it. An enumeration sometimes holds an unknown value
    (SPEC section 4), which the default mode decodes and ``strict=True`` refuses.
    ``edge_cases=True`` favours long, empty,
    whitespace-only and non-ASCII strings, empty and long lists, and bounds of
    numeric ranges. Raises :class:`TypeError` for a class that is not a model.
    """
    if not (isinstance(cls, type) and issubclass(cls, msgspec.Struct)):
        raise TypeError(f"{cls!r} is not an OMNI model (a msgspec.Struct)")
    required = frozenset(required_paths(cls))
    return cast(SearchStrategy[T], _struct(cls, required, edge_cases))


def documents(*, edge_cases: bool = False) -> SearchStrategy[msgspec.Struct]:
    """Any whole document (request or response body) of any OMNI document type."""
    return st.one_of([from_type(cls, edge_cases=edge_cases) for cls in DOCUMENT_TYPES])


def xml_text(
    *, min_size: int = 0, max_size: int | None = None, edge_cases: bool = False
) -> SearchStrategy[str]:
    """Strings of any characters XML 1.0 can carry, ``\\t``, ``\\n`` and ``\\r`` included.

    The default alphabet is all of Unicode but the characters XML 1.0 forbids
    (U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, U+FFFE, U+FFFF, surrogates), which
    the codec must refuse rather than carry (SPEC section 6).
    """
    plain = st.text(_XML_CHARACTERS, min_size=min_size, max_size=max_size)
    if not edge_cases:
        return plain
    top = math.inf if max_size is None else max_size
    options: list[SearchStrategy[str]] = [plain]
    # Each kind of awkward string within its own size range, clipped to the
    # caller's bounds; a kind that cannot meet them is left out.
    for alphabet, (low, high) in (
        (_XML_CHARACTERS, (0, 0)),  # the empty string
        (st.sampled_from(_WHITESPACE), (1, 20)),
        (_NON_ASCII, (1, 20)),
        (_ASTRAL, (1, 5)),
        (_XML_CHARACTERS, _LONG_TEXT),
    ):
        lo, hi = max(low, min_size), min(high, top)
        if lo <= hi:
            options.append(st.text(alphabet, min_size=lo, max_size=int(hi)))
    markup = st.lists(st.sampled_from(_MARKUP), min_size=1, max_size=12).map("".join)
    if min_size or max_size is not None:
        markup = markup.filter(lambda s: min_size <= len(s) <= top)
    options.append(markup)
    return st.one_of(options)


def json_values(*, edge_cases: bool = False) -> SearchStrategy[Any]:
    """Any JSON value: null, booleans, numbers, XML-safe strings, arrays, objects.

    Integers stay within 64 bits (what msgspec reads back as ``int``); floats are
    finite (JSON has no NaN or infinity). Free-form objects must survive
    JSON -> XML -> JSON losslessly (SPEC section 5), so nothing is left out for
    being awkward: ``-0.0``, ``1e300``, ``True`` beside ``1``, empty keys.
    """
    text = xml_text(edge_cases=edge_cases)
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(*_INT64),
        # Where a float would lose digits, and the ends of the 64-bit range.
        st.sampled_from((2**53 + 1, -(2**53) - 1, 2**63 - 1, -(2**63), -0.0, 1e300)),
        st.floats(allow_nan=False, allow_infinity=False),
        text,
    )
    size = 8 if edge_cases else 4
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=size), st.dictionaries(text, inner, max_size=size)
        ),
        max_leaves=40 if edge_cases else 10,
    )


def json_objects(*, edge_cases: bool = False) -> SearchStrategy[dict[str, Any]]:
    """Free-form JSON objects (``dict[str, Any]`` fields such as a push payload)."""
    return st.dictionaries(
        xml_text(edge_cases=edge_cases), json_values(edge_cases=edge_cases), max_size=6
    )


# --- Structs ----------------------------------------------------------------------

Paths = frozenset[tuple[str, ...]]


@cache
def _struct(cls: type[msgspec.Struct], required: Paths, edge: bool) -> SearchStrategy[Any]:
    # Deferred so that types referring to each other do not recurse while the
    # strategy is built; cached so that each (type, rules) pair is built once.
    return st.deferred(lambda: _build_struct(shape_of(cls), required, edge))


def _build_struct(shape: StructShape, required: Paths, edge: bool) -> SearchStrategy[Any]:
    unknown = {path[0] for path in required} - {f.attr for f in shape.fields}
    if unknown:
        raise ValueError(f"required paths name fields {sorted(unknown)} unknown to {shape.name}")
    fields: dict[str, SearchStrategy[Any]] = {}
    for field in shape.fields:
        below = frozenset(p[1:] for p in required if p[0] == field.attr)
        forced = () in below
        value = _value(field.value, below - {()}, edge)
        # A field that may be left out is sometimes left out: to its default, as
        # a user would leave it, rather than set to None explicitly.
        fields[field.attr] = value if field.required or forced else st.just(_OMIT) | value
    cls = shape.cls

    def build(values: dict[str, Any]) -> Any:
        return cls(**{k: v for k, v in values.items() if v is not _OMIT})

    if getattr(cls, "__omni_rule__", None) is None:
        return st.fixed_dictionaries(fields).map(build)

    # The model checks a rule in code (its ``__post_init__``, e.g. which kinds of
    # component a Line Flex box of a given layout holds): a combination of field
    # values it refuses is drawn again rather than built.
    def build_checked(values: dict[str, Any]) -> Any:
        try:
            return build(values)
        except ValidationError:
            return _REFUSED

    return st.fixed_dictionaries(fields).map(build_checked).filter(lambda value: value is not _REFUSED)


def _value(value: ValueShape, required: Paths, edge: bool) -> SearchStrategy[Any]:
    kind, rule = value.kind, rule_of(value)
    if kind is Kind.STRUCT:
        return _struct(rule.python, required, edge)
    if kind is Kind.UNION:
        if required:
            raise ValueError(f"a required path continues below a polymorphic value: {sorted(required)}")
        return st.one_of([_struct(member, frozenset(), edge) for member in value.variant_types])
    if kind is Kind.LIST:
        assert value.item is not None  # a LIST always has an item shape
        return _list(_value(value.item, required, edge), rule, edge)
    if required:
        raise ValueError(f"a required path continues below a {kind.value} value: {sorted(required)}")
    return _LEAVES[kind](rule, edge)


def _list(item: SearchStrategy[Any], rule: Rule, edge: bool) -> SearchStrategy[Any]:
    lo = rule.min_length or 0
    hi = math.inf if rule.max_length is None else rule.max_length
    default = st.lists(item, min_size=lo, max_size=int(min(hi, max(lo, _SHORT_LIST))))
    if not edge:
        return default
    options = [default]
    if lo == 0:
        options.append(st.just([]))
    many_lo, many_hi = max(lo, _MANY_ITEMS[0]), min(hi, _MANY_ITEMS[1])
    if many_lo <= many_hi:
        options.append(st.lists(item, min_size=many_lo, max_size=int(max(many_lo, many_hi))))
    return st.one_of(options)


# --- Leaves -----------------------------------------------------------------------


def _string(rule: Rule, edge: bool) -> SearchStrategy[str]:
    lo, hi = rule.min_length or 0, rule.max_length
    if rule.pattern is None:
        return xml_text(min_size=lo, max_size=hi, edge_cases=edge)
    # A patterned string (``\A[0-9]+\Z`` for phone numbers) is drawn from its
    # pattern, over the XML-safe alphabet: a pattern class such as ``\d`` or ``.``
    # must not yield a character the codec has to refuse.
    strategy = st.from_regex(rule.pattern, fullmatch=True, alphabet=_XML_CHARACTERS)
    if lo or hi is not None:
        top = math.inf if hi is None else hi
        strategy = strategy.filter(lambda s: lo <= len(s) <= top)
    return strategy


def _integer(rule: Rule, edge: bool) -> SearchStrategy[int]:
    assert rule.low is not None and rule.high is not None  # always set for ints
    lo, hi = rule.low, rule.high
    step = rule.multiple_of or 1
    # Multiples of ``step`` in [lo, hi] are step * k for k in [ceil(lo/step), floor(hi/step)].
    k_lo, k_hi = -(-lo // step), hi // step
    if k_lo > k_hi:
        raise ValueError(f"no integer satisfies {rule!r}")
    values = st.integers(k_lo, k_hi).map(lambda k: k * step)
    if not edge:
        return values
    notable = sorted({k for k in (k_lo, k_lo + 1, -1, 0, 1, k_hi - 1, k_hi) if k_lo <= k <= k_hi})
    return st.sampled_from([k * step for k in notable]) | values


def _boolean(rule: Rule, edge: bool) -> SearchStrategy[bool]:
    return st.booleans()


def _decimal(rule: Rule, edge: bool) -> SearchStrategy[Decimal]:
    # Built from (sign, coefficient, exponent) rather than from floats: prices
    # such as ``0.0001000000`` carry trailing zeros that are part of the value's
    # wire form (SPEC section 4), and positive exponents (``1E+3``) exist too.
    # Only finite decimals: NaN and infinity have no JSON or ``xs:decimal`` form.
    digits, exponent = ((10**40, (-60, 30)) if edge else (10**20, (-20, 8)))
    coefficient = st.one_of(st.integers(0, 999), st.integers(0, digits))
    trailing_zeros = st.integers(0, 12)

    def build(sign: int, coef: int, exp: int, zeros: int) -> Decimal:
        return Decimal((sign, tuple(int(d) for d in str(coef * 10**zeros)), exp - zeros))

    return st.builds(build, st.sampled_from((0, 1)), coefficient, st.integers(*exponent), trailing_zeros)


# The datetimes the published form can write: four-digit years and offsets of
# whole minutes within a day (``+HHMM``, SPEC section 4).
_MIN_DT = dt.datetime(1, 1, 2)  # a day inside the range: offsets must not overflow
_MAX_DT = dt.datetime(9999, 12, 30, 23, 59, 59, 999999)
_MAX_OFFSET = 24 * 60 - 1


def _datetime(rule: Rule, edge: bool) -> SearchStrategy[dt.datetime]:
    # Aware, whole minutes: what the rule asks (_binding refuses a naive-only field).
    minutes = st.integers(-_MAX_OFFSET, _MAX_OFFSET)
    if edge:
        minutes = st.sampled_from((0, -_MAX_OFFSET, _MAX_OFFSET, -1, 1, 330, 345, -570)) | minutes
    naive = st.datetimes(min_value=_MIN_DT, max_value=_MAX_DT)
    # Whole milliseconds (the published three fraction digits) and finer values
    # (which must not be rounded away) both occur.
    naive = naive.map(lambda d: d.replace(microsecond=d.microsecond // 1000 * 1000)) | naive
    if edge:
        naive = st.sampled_from((_MIN_DT, _MAX_DT, dt.datetime(2016, 2, 29, 23, 59, 59))) | naive

    def build(value: dt.datetime, offset: int) -> dt.datetime:
        tz = dt.timezone(dt.timedelta(minutes=offset))
        return OmniDateTime.coerce(value.replace(tzinfo=tz))

    return st.builds(build, naive, minutes)


def _enum(rule: Rule, edge: bool) -> SearchStrategy[Any]:
    # Enumerations are open (SPEC section 4): besides the members, sometimes an
    # unknown value, any text, which the default mode decodes and strict refuses.
    members: list[Any] = list(rule.python)  # type: ignore[call-overload]  # an Enum class
    texts = frozenset(member.value for member in members)
    unknown = xml_text(max_size=20, edge_cases=edge).filter(lambda text: text not in texts)
    return st.sampled_from(members) | unknown.map(rule.python)


def _json_object(rule: Rule, edge: bool) -> SearchStrategy[dict[str, Any]]:
    return json_objects(edge_cases=edge)


_LEAVES: dict[Kind, Callable[[Rule, bool], SearchStrategy[Any]]] = {
    Kind.STRING: _string,
    Kind.INT: _integer,
    Kind.BOOL: _boolean,
    Kind.DECIMAL: _decimal,
    Kind.DATETIME: _datetime,
    Kind.ENUM: _enum,
    Kind.JSON: _json_object,
}


def __dir__() -> list[str]:
    return sorted(__all__)
