"""What an encoder writes, the decoders accept (SPEC section 6), proved by breaking rules.

For every field of every document type (and of a model holding every kind of
constraint), values that break each of its rules are derived from the same rules
the encoders check (``omni_codec._checks.rule_of``): a value just outside each
bound, a string that does not match its pattern or is too short or too long, an
empty list where one item is needed, a wrong type, ``None`` in a required field
(the simple request's phone numbers included), a naive datetime, a decimal
outside the XSD's bounds, a character XML 1.0 cannot carry, free-form JSON that
is not JSON. Both encoders must refuse each with an EncodeError naming the
field's path, the fast XML writer must hand it to the general one, and where the
same value written unchecked is a different JSON document, the JSON decoder must
refuse that document at the same path: the encoders check what the decoders check.
"""

from __future__ import annotations

import datetime as dt
import enum
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, ClassVar

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import omni_codec
from omni_codec import EncodeError, ValidationError, json, xml
from omni_codec._binding import Kind, StructShape, ValueShape, required_paths, shape_of
from omni_codec._checks import Rule, fast_check, find_problem, rule_of
from omni_codec._paths import join
from omni_codec._scalars import OmniDateTime
from omni_codec._xml.fast import writer as fast_writer
from omni_codec.models import DOCUMENT_TYPES, Int32, OmniStruct, OpenEnum, PhoneNumber, PushData, xml_item
from omni_codec.strategies import _LEAVES, from_type

# --- A model with every kind of value and constraint ---------------------------------


class Tint(OpenEnum):
    RED = "RED"
    BLUE = "BLUE"


class Leg(OmniStruct, kw_only=True):
    at: OmniDateTime
    tint: Tint | None = None


class Stop(OmniStruct, kw_only=True):
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=8)]
    flow: Annotated[list[Leg], msgspec.Meta(max_length=3), xml_item("step")] | None = None


class Constrained(OmniStruct, kw_only=True):
    __xml_root__: ClassVar[str] = "constrained"

    code: Annotated[str, msgspec.Meta(pattern=r"\A[A-Z]{2,4}\Z")]
    phone_number: PhoneNumber | None = None
    count: Int32 | None = None
    step: Annotated[int, msgspec.Meta(gt=-10, lt=1000, multiple_of=5)] | None = None
    small: Annotated[int, msgspec.Meta(ge=0, le=9)]
    enabled: bool | None = None
    price: Decimal | None = None
    sent_at: OmniDateTime | None = None
    tint: Tint
    custom_payload: dict[str, Any] | None = None
    results: Annotated[list[Stop], msgspec.Meta(min_length=1, max_length=4), xml_item("result")]


TYPES = [*DOCUMENT_TYPES, Constrained]
TYPE_IDS = [cls.__name__ for cls in TYPES]


# --- Breaking values, from the rules ---------------------------------------------------


@dataclass(frozen=True, eq=False, repr=False)  # (hashed by identity: some values cannot be hashed)
class Break:
    """A value for a field that breaks one of its rules.

    ``below`` continues the field's path to where the problem is. ``json_refused``
    says that the same value written by ``json.Encoder(check=False)`` is a JSON
    document the decoder must refuse there too (not so for a wrong Python type
    with the same JSON form, such as an enum's text for the enum).
    """

    what: str
    value: Any
    below: tuple[str | int, ...] = ()
    json_refused: bool = True
    character: bool = False  # left by the fast check to its caller's bulk search

    def __repr__(self) -> str:
        # Named by what it breaks: the value itself may have no repr (an int too long
        # to print), and a failing example must still be reported.
        return f"Break({self.what!r}, below={self.below!r})"


class Text(str):
    """A str subclass: not a value any decoder produces."""


class DayAhead(dt.tzinfo):
    """A time zone whose offset ``datetime`` refuses (a day or more)."""

    def utcoffset(self, when: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(days=1)

    def dst(self, when: dt.datetime | None) -> None:
        return None

    def tzname(self, when: dt.datetime | None) -> str:
        return "ahead"


class Other(OmniStruct, kw_only=True):
    """A Struct of no OMNI field."""


BAD_CHARACTERS = ["\x00", "\x08", "\x0b", "\x0c", "\x1f", "\ud800", "\udfff", "\ufffe", "\uffff"]


def breaks(value: ValueShape, current: Any, required: bool) -> Iterator[Break]:
    """Every way derived from ``value``'s rule to break a field that holds ``current``."""
    rule = rule_of(value)
    if required:
        yield Break("None in a required field", None)
    yield from _wrong_types(rule)
    if rule.kind is Kind.STRING:
        yield from _string_breaks(rule)
    elif rule.kind is Kind.INT:
        assert rule.low is not None and rule.high is not None
        yield Break("below the lower bound", rule.low - 1)
        yield Break("above the upper bound", rule.high + 1)
        # Past Python's int-to-text limit: the message must not print it.
        yield Break("an int of 4,401 digits", 10**4400)
        yield Break("a negative int of 4,401 digits", -(10**4400))
        if rule.multiple_of is not None:
            off = next(n for n in range(rule.low, rule.high + 1) if n % rule.multiple_of)
            yield Break("not a multiple", off)
    elif rule.kind is Kind.LIST:
        items = list(current or [])
        if rule.min_length:
            yield Break("too few items", items[: rule.min_length - 1])
        if rule.max_length is not None and items:
            yield Break("too many items", items + [items[0]] * (rule.max_length + 1 - len(items)))
        assert value.item is not None
        for wrong in (None, 5):
            yield Break(f"a list item {wrong!r}", [wrong, *items[1:]], (0,))
    elif rule.kind is Kind.DECIMAL:
        for number in ("NaN", "-Infinity", "1E+100", "-1E+100", "1E-101"):
            # A plain Decimal field is only bounded by the XML decoder (and the
            # XSD); prices are bounded in JSON too (Price.__post_init__).
            yield Break(f"decimal {number}", Decimal(number), json_refused=False)
    elif rule.kind is Kind.DATETIME:
        yield Break("naive datetime", dt.datetime(2015, 6, 4, 13, 1, 52))
        seconds = dt.timezone(dt.timedelta(hours=1, seconds=30))
        yield Break("offset with seconds", dt.datetime(2015, 6, 4, tzinfo=seconds), json_refused=False)
        yield Break("an offset out of range", dt.datetime(2015, 6, 4, tzinfo=DayAhead()), json_refused=False)
    elif rule.kind is Kind.JSON:
        yield Break("a non-str key", {1: 2}, json_refused=False)  # msgspec writes it as "1"
        yield Break("a non-JSON value", {"a": [1, {1j}]}, ("a", 1), json_refused=False)
        yield Break("a tuple", {"a": (1, 2)}, ("a",), json_refused=False)
        yield Break("NaN", {"a": float("nan")}, ("a",), json_refused=False)
        yield Break("infinity", {"a": {"b": float("-inf")}}, ("a", "b"), json_refused=False)
        # msgspec reads an integer of at most 4,300 characters, the sign included.
        yield Break("an int of 4,301 digits", {"a": 10**4300}, ("a",), json_refused=False)
        yield Break("a negative int of 4,300 digits", {"a": [-(10**4299)]}, ("a", 0), json_refused=False)
        for char in BAD_CHARACTERS:
            surrogate = 0xD800 <= ord(char) <= 0xDFFF
            yield Break(f"U+{ord(char):04X} in a key", {"k": {f"x{char}": 1}}, ("k",), not surrogate, True)
            yield Break(f"U+{ord(char):04X} in a value", {"k": [f"x{char}"]}, ("k", 0), not surrogate, True)


def _wrong_types(rule: Rule) -> Iterator[Break]:
    """Values of another Python type; ``json_refused`` where their JSON differs."""
    wrong: dict[Kind, list[tuple[Any, bool]]] = {
        Kind.STRING: [(5, True), (Text("x"), False), (b"x", False)],
        Kind.INT: [("1", True), (True, True), (1.0, True)],
        Kind.BOOL: [(1, True), ("true", True)],
        Kind.DECIMAL: [(1.5, False), ("1.5", False)],
        Kind.DATETIME: [("2015-06-04T13:01:52.933+0000", False), (dt.date(2015, 6, 4), True)],
        Kind.ENUM: [(next(iter(rule.python)).value if issubclass(rule.python, enum.Enum) else 0, False)],
        Kind.LIST: [((), False), ("x", True)],
        Kind.STRUCT: [(Other(), False), (5, True)],
        Kind.UNION: [(Other(), False), (5, True)],
        Kind.JSON: [([], True), ("{}", True)],
    }
    for value, refused in wrong[rule.kind]:
        yield Break(f"a {type(value).__name__} for {rule.expected}", value, json_refused=refused)


def _string_breaks(rule: Rule) -> Iterator[Break]:
    if rule.pattern is not None:
        import re

        search = re.compile(rule.pattern).search
        candidate = next(s for s in ("", "x", "+41 79", "1\n", "a b", "\u0661") if search(s) is None)
        yield Break("not matching the pattern", candidate)
    if rule.min_length:
        yield Break("too short", "A" * (rule.min_length - 1))
    if rule.max_length is not None:
        yield Break("too long", "A" * (rule.max_length + 1))
    for char in BAD_CHARACTERS:
        # A lone surrogate cannot even be written as JSON unchecked.
        surrogate = 0xD800 <= ord(char) <= 0xDFFF
        # With a pattern, the fast check refuses it for the pattern already.
        character = rule.pattern is None
        yield Break(f"U+{ord(char):04X}", f"1{char}", json_refused=not surrogate, character=character)


# --- Where a value can be broken ------------------------------------------------------


@dataclass(frozen=True)
class Site:
    """A field of a Struct inside a document: the Struct, its field, the path."""

    holder: msgspec.Struct
    attr: str
    value: ValueShape
    required: bool
    path: tuple[str | int, ...]
    #: Inside a member of a polymorphic value, whose fast check is the precise
    #: one (characters included).
    polymorphic: bool = False


def sites(value: msgspec.Struct, required_paths: frozenset[tuple[str, ...]]) -> list[Site]:
    """Every field of every Struct in ``value``. A field named by
    the model's ``__required_paths__`` counts as required."""
    found: list[Site] = []

    def walk(struct: Any, path: tuple[str | int, ...], attrs: tuple[str, ...], inside: bool) -> None:
        shape: StructShape = shape_of(type(struct))
        for field in shape.fields:
            required = field.required or (*attrs, field.attr) in required_paths
            found.append(Site(struct, field.attr, field.value, required, (*path, field.name), inside))
            child = getattr(struct, field.attr)
            item_shape = field.value.item if field.value.kind is Kind.LIST else field.value
            below = inside or (item_shape is not None and item_shape.kind is Kind.UNION)
            if isinstance(child, msgspec.Struct):
                walk(child, (*path, field.name), (*attrs, field.attr), below)
            elif isinstance(child, list):
                for index, item in enumerate(child):
                    if isinstance(item, msgspec.Struct):
                        walk(item, (*path, field.name, index), (*attrs, field.attr), below)

    walk(value, (), (), False)
    return found


UNCHECKED = json.Encoder(check=False)
ENCODERS: list[tuple[str, Callable[[Any], bytes]]] = [
    ("json", json.encode),
    ("xml", xml.encode),
    ("xml pretty", lambda v: xml.encode(v, pretty=True)),
]


def assert_refused(document: msgspec.Struct, site: Site, brk: Break) -> None:
    """Break ``site`` of ``document`` with ``brk``, check every refusal, restore."""
    expected = join((*site.path, *brk.below))
    original = getattr(site.holder, site.attr)
    setattr(site.holder, site.attr, brk.value)
    try:
        label = f"{brk.what} at {expected}"
        for name, encode in ENCODERS:
            with pytest.raises(EncodeError) as info:
                encode(document)
            assert info.value.path == expected, f"{name}, {label}: {info.value}"
        assert fast_writer.write(document) is None, label
        assert fast_check(document) is (brk.character and not site.polymorphic), label
        if brk.json_refused:
            try:
                data = UNCHECKED.encode(document)
            except EncodeError:
                return  # not writable as JSON even unchecked
            with pytest.raises(ValidationError) as refused:
                json.decode(data, type=type(document))
            assert refused.value.path == expected, f"json decode, {label}: {refused.value}"
    finally:
        setattr(site.holder, site.attr, original)


# --- Documents with every field present ---------------------------------------------


def full_values(cls: type[msgspec.Struct]) -> st.SearchStrategy[Any]:
    """Valid values of ``cls`` with every optional field and list item present,
    so that every field of the type can be broken (``from_type`` leaves fields
    out at random)."""
    return _full_struct(shape_of(cls))


_FULL: dict[type, st.SearchStrategy[Any]] = {}  # one strategy per type: types may hold themselves


def _full_struct(shape: StructShape) -> st.SearchStrategy[Any]:
    if shape.cls not in _FULL:
        _FULL[shape.cls] = st.deferred(lambda: _full_fields(shape))
    return _FULL[shape.cls]


def _full_fields(shape: StructShape) -> st.SearchStrategy[Any]:
    fields = {f.attr: _full(f.value) for f in shape.fields}

    def build(values: dict[str, Any]) -> Any:
        try:
            return shape.cls(**values)
        except ValidationError:  # refused by the model's own rule: drawn again
            return None

    return st.fixed_dictionaries(fields).map(build).filter(lambda value: value is not None)


def _full(value: ValueShape) -> st.SearchStrategy[Any]:
    if value.kind is Kind.STRUCT:
        return _full_struct(value.struct)
    if value.kind is Kind.UNION:
        return st.one_of([_full_struct(m) for m in value.variants.values()])
    if value.kind is Kind.LIST:
        assert value.item is not None
        rule = rule_of(value)
        size = max(1, rule.min_length or 0)
        return st.lists(_full(value.item), min_size=size, max_size=size)
    return _LEAVES[value.kind](rule_of(value), False)


# --- The properties ------------------------------------------------------------------


@pytest.mark.parametrize("cls", TYPES, ids=TYPE_IDS)
@settings(max_examples=5)
@given(data=st.data())
def test_every_rule_of_every_field_is_checked_by_both_encoders(
    cls: type[msgspec.Struct], data: st.DataObject
) -> None:
    document = data.draw(full_values(cls), label="document")
    paths = frozenset(required_paths(cls))
    checked = 0
    for site in sites(document, paths):
        for brk in breaks(site.value, getattr(site.holder, site.attr), site.required):
            assert_refused(document, site, brk)
            checked += 1
    assert checked
    # Restored: the document is valid again, and written.
    assert find_problem(document) is None
    assert json.decode(json.encode(document), type=cls) == document
    assert xml.decode(xml.encode(document), type=cls) == document


@pytest.mark.parametrize("cls", TYPES, ids=TYPE_IDS)
@given(data=st.data())
def test_any_broken_rule_of_any_value_is_refused(cls: type[msgspec.Struct], data: st.DataObject) -> None:
    """The same, on the values users' property tests see (``from_type``)."""
    document = data.draw(from_type(cls, edge_cases=data.draw(st.booleans(), label="edge")))
    site = data.draw(st.sampled_from(sites(document, frozenset(required_paths(cls)))))
    choices = list(breaks(site.value, getattr(site.holder, site.attr), site.required))
    assert_refused(document, site, data.draw(st.sampled_from(choices), label="break"))


@pytest.mark.parametrize("cls", TYPES, ids=TYPE_IDS)
@given(data=st.data())
def test_valid_values_pass_every_check(cls: type[msgspec.Struct], data: st.DataObject) -> None:
    """What the strategies build passes both checks, so both encoders write it."""
    value = data.draw(from_type(cls, edge_cases=data.draw(st.booleans(), label="edge")))
    assert fast_check(value)
    assert find_problem(value) is None
    assert json.encode(value) == UNCHECKED.encode(value)
    xml.encode(value)


# --- The simple request, as the issue found it -----------------------------------------


def _request(*phones: Any) -> omni_codec.OmniSimpleRequest:
    request = omni_codec.OmniSimpleRequest(
        destinations=[omni_codec.Destination(to=omni_codec.To(phone_number="1"))]
    )
    request.destinations = [omni_codec.Destination(to=omni_codec.To(phone_number=p)) for p in phones]
    return request


@pytest.mark.parametrize(
    ("request_", "path"),
    [
        (_request(), "$.destinations"),
        (_request(41793026727), "$.destinations[0].to.phoneNumber"),
        (_request("+41 79"), "$.destinations[0].to.phoneNumber"),
        (_request("1", None), "$.destinations[1].to.phoneNumber"),
    ],
    ids=["no destination", "int phone", "formatted phone", "no phone"],
)
def test_the_simple_request_is_checked_in_both_formats(request_: Any, path: str) -> None:
    for _, encode in ENCODERS:
        with pytest.raises(EncodeError) as info:
            encode(request_)
        assert info.value.path == path


def test_unchecked_json_writes_what_it_is_given() -> None:
    """``check=False`` is for values known valid: it checks nothing."""
    assert UNCHECKED.encode(_request("+41 79")) == b'{"destinations":[{"to":{"phoneNumber":"+41 79"}}]}'
    with pytest.raises(EncodeError, match="phoneNumber"):
        json.Encoder(check=True).encode(_request("+41 79"))


def test_encoding_what_is_not_a_model_is_an_encode_error() -> None:
    for value in (5, {"destinations": []}, "text", None, [omni_codec.To()]):
        for _, encode in ENCODERS:
            with pytest.raises(EncodeError, match="OMNI model"):
                encode(value)


# --- Misuse: type=, Limits, bindings ---------------------------------------------------


NOT_MODELS: list[Any] = [dict, int, "OmniSimpleRequest", omni_codec.To(), None, [1], list[int]]


@pytest.mark.parametrize("cls", NOT_MODELS, ids=repr)
def test_type_must_be_an_omni_model(cls: Any) -> None:
    calls: list[Callable[[], Any]] = [
        lambda: json.decode(b"{}", type=cls),
        lambda: json.Decoder(cls),
        lambda: xml.decode(b"<x/>", type=cls),
        lambda: xml.Decoder(cls),
        lambda: omni_codec.media.decode_body(b"{}", "application/json", type=cls),
    ]
    for call in calls:
        with pytest.raises(TypeError, match="type must be an OMNI model"):
            call()


def test_argument_checks_hold_under_python_O() -> None:
    """Argument checks are real checks, not ``assert``s that ``-O`` removes."""
    script = (
        "import omni_codec\n"
        "for call in (lambda: omni_codec.json.decode(b'{}', type=dict),\n"
        "             lambda: omni_codec.xml.decode(b'<x/>', type=int),\n"
        "             lambda: omni_codec.Limits(max_bytes=None)):\n"
        "    try:\n"
        "        call()\n"
        "    except TypeError:\n"
        "        pass\n"
        "    else:\n"
        "        raise SystemExit('accepted')\n"
    )
    result = subprocess.run([sys.executable, "-O", "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", ["max_bytes", "max_depth", "max_list_items"])
@pytest.mark.parametrize(
    ("value", "error"),
    [
        (None, TypeError), (True, TypeError), (1.5, TypeError), ("10", TypeError),
        (0, ValueError), (-1, ValueError),
    ],
    ids=["None", "bool", "float", "str", "zero", "negative"],
)
def test_limits_are_checked_when_made(name: str, value: Any, error: type[Exception]) -> None:
    with pytest.raises(error, match=f"Limits.{name} must be a positive int"):
        omni_codec.Limits(**{name: value})


def test_a_limits_argument_must_be_limits() -> None:
    for decoder in (json.Decoder, xml.Decoder):
        with pytest.raises(TypeError, match="limits must be a Limits"):
            decoder(omni_codec.OmniResponse, limits={"max_bytes": 10})  # type: ignore[arg-type]


class Basket(OmniStruct, kw_only=True):
    apples: list[str] | None = None  # a list no item name is known for


class Shop(OmniStruct, kw_only=True):
    basket: Basket | None = None


def test_a_list_without_an_item_name_fails_when_the_type_is_bound() -> None:
    for bind in (
        lambda: shape_of(Shop),  # the unknown list is one level down
        lambda: json.Decoder(Shop),
        lambda: xml.Decoder(Shop),
    ):
        with pytest.raises(TypeError, match=r"Basket\.apples: the list `apples` has no XML item name"):
            bind()
    with pytest.raises(EncodeError, match="Basket.apples"):
        xml.encode(Shop(basket=Basket(apples=["a"])))


def test_a_model_without_a_root_is_no_xml_document() -> None:
    # The root element is declared on the class, never guessed from its name.
    class SomeRequest(OmniStruct, kw_only=True):
        text: str | None = None

    with pytest.raises(TypeError, match=r"SomeRequest is not an XML document type: it declares no root"):
        xml.Decoder(SomeRequest)
    with pytest.raises(EncodeError, match=r"SomeRequest is not an XML document type"):
        xml.encode(SomeRequest(text="a"))
    value = SomeRequest(text="a")
    assert json.decode(json.encode(value), type=SomeRequest) == value  # JSON needs no root


def test_an_item_name_on_a_value_that_is_no_list_is_refused() -> None:
    class Odd(OmniStruct, kw_only=True):
        name: Annotated[str, xml_item("names")]

    with pytest.raises(TypeError, match=r"Odd\.name: an XML item name is declared on a value that is not a list"):
        json.Decoder(Odd)


class ArrayLike(OmniStruct, kw_only=True, array_like=True):
    name: str | None = None




@pytest.mark.parametrize(
    ("annotation", "words"),
    [
        (Annotated[dict[str, Any], msgspec.Meta(min_length=1)], "takes no constraints"),
        (dict[int, Any], "no wire form"),
        (int | str, "a union other than `X | None`"),
        (Annotated[dt.datetime, msgspec.Meta(tz=False)], "naive"),
        (float, "no wire form"),
        (ArrayLike, "an array-like Struct has no XML form"),
        (Annotated[list[str], msgspec.Meta(extra={"xml_items": "s"})], r"unknown `Meta\(extra=...\)` keys"),
    ],
    ids=[
            "sized JSON", "int keys", "union", "naive datetime", "float", "array-like", "misspelt item name",
        ],
)
def test_what_the_codec_cannot_carry_is_refused_when_bound(annotation: Any, words: str) -> None:
    model = msgspec.defstruct("Odd", [("odd", annotation)], bases=(OmniStruct,), kw_only=True)
    with pytest.raises(TypeError, match=f"Odd.odd: .*{words}"):
        shape_of(model)


# --- The datetime policy: in the base, for every model -----------------------------------


class Stamped(OmniStruct, kw_only=True):
    __xml_root__: ClassVar[str] = "stamped"

    at: OmniDateTime | None = None


class Checked(Stamped, kw_only=True):
    """A model with a rule of its own and a datetime inherited."""

    __xml_root__: ClassVar[str] = "checked"

    note: str | None = None

    def __post_init__(self) -> None:
        if self.note == "bad":
            raise ValueError("bad note")


def test_a_plain_datetime_is_written_in_the_published_form_by_any_model() -> None:
    # No model declares anything for this (SPEC section 4: ``...933+0000``).
    moment = dt.datetime(2015, 6, 4, 13, 1, 52, 933000, tzinfo=dt.timezone.utc)
    for value in (Stamped(at=moment), Checked(at=moment, note="n")):
        assert type(value.at) is OmniDateTime
        assert b'"at":"2015-06-04T13:01:52.933+0000"' in json.encode(value)
        assert b"<at>2015-06-04T13:01:52.933+0000</at>" in xml.encode(value)
        assert b"933000Z" not in json.Encoder(check=False).encode(value)
    with pytest.raises(ValueError, match="bad note"):  # the model's own rule still runs
        Checked(at=moment, note="bad")


# --- Values no rule of a field describes ----------------------------------------------


def _boxes(depth: int) -> omni_codec.OmniAdvancedRequest:
    """An advanced request whose Line Flex bubble holds ``depth`` boxes, each in
    the one before (the box is the model that may hold itself)."""
    from omni_codec.models import (
        BoxComponent, BoxLayout, BubbleFlexContainer, Direction, LineData, LineDataType, TextComponent,
    )

    box = BoxComponent(layout=BoxLayout.VERTICAL, contents=[TextComponent(text="hi")])
    for _ in range(depth - 1):
        box = BoxComponent(layout=BoxLayout.VERTICAL, contents=[box])
    line = LineData(type=LineDataType.FLEX, alt_text="a", contents=BubbleFlexContainer(direction=Direction.LEFT_TO_RIGHT, body=box))
    return omni_codec.OmniAdvancedRequest(
        destinations=[omni_codec.Destination(to=omni_codec.To(phone_number="41793026727"))], line=line
    )


ALL_ENCODERS = [*ENCODERS, ("json unchecked", UNCHECKED.encode)]


@pytest.mark.parametrize("how", ["nested past the stack", "holding itself"])
@pytest.mark.parametrize("name, encode", ALL_ENCODERS, ids=[name for name, _ in ALL_ENCODERS])
def test_a_value_too_deep_to_write_is_an_encode_error(how: str, name: str, encode: Callable[[Any], bytes]) -> None:
    # (Deeper than any interpreter lets Python code or msgspec's C code nest.)
    value = _boxes(50_000 if how == "nested past the stack" else 1)
    if how == "holding itself":
        body = value.line.contents.body  # type: ignore[union-attr]
        body.contents.append(body)
    with pytest.raises(EncodeError, match="nested too deeply"):
        encode(value)


def test_a_value_nested_as_deep_as_a_decoder_allows_is_written() -> None:
    # The root, destinations' siblings... the boxes start at depth 5.
    value = _boxes(40)
    limits = omni_codec.Limits(max_depth=100)
    assert json.decode(json.encode(value), type=type(value), limits=limits) == value
    assert xml.decode(xml.encode(value), type=type(value), limits=limits) == value


@pytest.mark.parametrize("number", [10**4300 - 1, -(10**4299) + 1, 0, -1], ids=["4300 digits", "-4299 digits", "0", "-1"])
def test_free_form_integers_as_long_as_json_readers_take_are_written(number: int) -> None:
    document = omni_codec.OmniAdvancedRequest(
        destinations=[omni_codec.Destination(to=omni_codec.To(phone_number="41793026727"))],
        push=PushData(custom_payload={"n": number, "in": [number]}),
    )
    for codec in (json, xml):
        data = codec.encode(document)
        assert codec.decode(data, type=omni_codec.OmniAdvancedRequest, strict=True) == document
    xml.validate(xml.encode(document))
