"""The XSD and the decoder agree: what decodes is valid, what is valid decodes (SPEC 5).

Documents of every type are generated (:func:`omni_codec.strategies.from_type`),
encoded, then mutated the ways a careless or hostile producer would: text where
only elements may stand, ``xsi:nil`` with and without content, children reordered,
dropped and duplicated, scalars replaced by values in and out of their range,
comments and CDATA. For every such document that uses only known elements and
attributes, ``xml.validate`` and ``xml.decode`` (default mode) accept it or refuse
it together, and ``strict=True`` decodes it as the default mode does, but refuses
an unknown value of an enumeration (SPEC section 4), as the XSD does not; the one
exception is a rule the XSD cannot state, each listed in the README and named in
:data:`XSD_CANNOT_STATE`. Unknown elements are another matter: the XSD refuses
them, strict mode too, and the default mode ignores them, value for value.

The scalar properties check the two patterns the decoder and the XSD share
(datetimes, free-form numbers) on many more values than documents could.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from typing import Any

import msgspec
import pytest
from hypothesis import given, note
from hypothesis import strategies as st
from lxml import etree

import omni_codec
from omni_codec import CreateOrUpdateScenarioRequest, OmniAdvancedRequest, OmniSimpleRequest
from omni_codec._binding import FieldShape, Kind, ValueShape, innermost, reachable_shapes, shape_of
from omni_codec._paths import split
from omni_codec._schema.xsd import _element as xsd_element
from omni_codec._schema.xsd import _Needs as XsdNeeds
from omni_codec._scalars import format_datetime
from omni_codec.models import DOCUMENT_TYPES
from omni_codec.strategies import from_type, xml_text
from unknown_values import unknown_paths

XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
JSON_VOCABULARY = frozenset(("map", "array", "string", "number", "boolean", "null"))


def _reachable_values() -> Iterator[tuple[FieldShape, ValueShape]]:
    """Every field of every type reachable from a document type, with its value
    (a list's item for a list), each type once."""
    for shape in reachable_shapes(*(shape_of(cls) for cls in DOCUMENT_TYPES)):
        for field in shape.fields:
            yield field, innermost(field.value)


#: The wire names of the free-form fields (a name also used by a field of another
#: kind counts: it is only skipped more often).
FREE_FORM = frozenset(field.name for field, value in _reachable_values() if value.kind is Kind.JSON)


def _loosely_typed_names() -> frozenset[str]:
    """The wire names of fields that members of one polymorphic value type
    differently (an inbound result's ``message``): the XSD takes any content
    there (README, "Rules the XSD cannot state")."""
    names: set[str] = set()
    for _, value in _reachable_values():
        if value.kind is not Kind.UNION:
            continue
        forms: dict[str, set[str]] = {}
        for member in value.variants.values():
            for inner in member.fields:
                element = xsd_element(inner, XsdNeeds()).replace(' minOccurs="0" nillable="true"', "")
                forms.setdefault(inner.name, set()).add(element)
        names |= {name for name, found in forms.items() if len(found) > 1}
    return frozenset(names)


LOOSELY_TYPED = _loosely_typed_names()


# --- Rules the XSD cannot state (README, "Rules the XSD cannot state") --------------


def _phone_numbers_of_the_simple_request(cls: type[Any], error: omni_codec.ValidationError) -> bool:
    """Each destination of an OmniSimpleRequest has a phone number; ``To`` is shared
    with requests that address by e-mail alone, and both requests are <request>."""
    return cls is OmniSimpleRequest and re.fullmatch(
        r"\$\.destinations\[[0-9]+\]\.to\.phoneNumber", error.path or ""
    ) is not None


def _what_a_line_flex_box_holds(cls: type[Any], error: omni_codec.ValidationError) -> bool:
    """A box's layout decides which kinds of component it holds; the XSD cannot
    tie an element's content to a sibling's value."""
    return " box cannot hold " in error.message and re.search(
        r"\.contents\[[0-9]+\]\.type\Z", error.path or ""
    ) is not None


def _the_flow_of_a_scenario_request(cls: type[Any], error: omni_codec.ValidationError) -> bool:
    """A scenario request must say its flow; an answer's scenario need not, and
    both are <scenario>."""
    return cls is CreateOrUpdateScenarioRequest and (
        (error.path == "$" and "`flow`" in error.message) or error.path == "$.flow"
    )


def _which_fields_go_with_a_discriminator(cls: type[Any], error: omni_codec.ValidationError) -> bool:
    """A polymorphic value's XSD type allows every member's fields, requires only
    what all members require, and takes any content where members type a field
    differently: the member's own rules are decode's (its discriminator's values
    are the XSD's too)."""
    shape = shape_of(cls)
    names = [s for s in split(error.path or "$") if isinstance(s, str)]
    for index, name in enumerate(names):
        field = shape.by_name.get(name)
        if field is None:
            return False
        value = field.value
        while value.item is not None:
            value = value.item
        if value.kind is Kind.UNION:
            return names[index + 1 :] != [value.tag_field]
        if value.kind is not Kind.STRUCT:
            return False
        shape = value.struct
    return False


XSD_CANNOT_STATE: dict[str, Callable[[type[Any], omni_codec.ValidationError], bool]] = {
    "phone numbers of the simple request": _phone_numbers_of_the_simple_request,
    "what a Line Flex box holds": _what_a_line_flex_box_holds,
    "the flow of a scenario request": _the_flow_of_a_scenario_request,
    "which fields go with which discriminator": _which_fields_go_with_a_discriminator,
}


def _validates(data: bytes | str) -> bool:
    try:
        omni_codec.xml.validate(data)
    except omni_codec.ValidationError:
        return False
    return True


def _decode(data: bytes | str, cls: type[Any], strict: bool = False) -> Any:
    """The decoded value, or the ValidationError (any other error fails the test)."""
    try:
        return omni_codec.xml.decode(data, type=cls, strict=strict)
    except omni_codec.ValidationError as error:
        return error


def assert_agree(data: bytes | str, cls: type[Any]) -> None:
    """``validate`` and ``decode`` agree on ``data``, which has only known elements."""
    valid = _validates(data)
    decoded = _decode(data, cls)
    accepted = not isinstance(decoded, omni_codec.ValidationError)
    note(f"valid={valid} decoded={decoded!r}")
    if accepted:
        assert valid, f"decoded but not valid: {data!r}"
        strict = _decode(data, cls, strict=True)
        unknown = unknown_paths(decoded)
        if unknown:
            # Open enumerations (SPEC section 4): the XSD and the default mode take
            # any text there; strict takes the known values only.
            assert isinstance(strict, omni_codec.ValidationError), strict
            # (the first the reader meets: with reordered elements, not the first
            # in field order)
            assert strict.path in unknown and strict.message.startswith("Invalid enum value")
        else:
            assert strict == decoded  # known elements only
        return
    assert isinstance(decoded, omni_codec.ValidationError)
    assert isinstance(_decode(data, cls, strict=True), omni_codec.ValidationError)
    if valid:
        excused = [name for name, rule in XSD_CANNOT_STATE.items() if rule(cls, decoded)]
        assert excused, f"valid but refused ({decoded}): {data!r}"


# --- Mutations ---------------------------------------------------------------------

TEXTS = st.sampled_from(["x", "41793026727", " ", "\n\t ", " a ", "&", "0", "\u00a0"])
NIL_VALUES = st.sampled_from(["true", "false", "1", "0", " true ", "yes", ""])


@st.composite
def typos(draw: st.DrawFn, text: str, alphabet: str) -> str:
    """``text`` with up to two characters inserted, deleted or replaced: the edits
    that find a pattern engine's off-by-one (libxml2 took a five-digit year)."""
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["insert", "delete", "replace"]))
        char = draw(st.sampled_from(alphabet))
        text = text[:at] + (char if edit != "delete" else "") + text[at + (edit != "insert"):]
    return text


@st.composite
def datetime_texts(draw: st.DrawFn) -> str:
    """Datetimes with every field drawn around its range, valid ones, and typos."""
    return draw(typos(draw(_datetime_texts()), "0123456789-:.+TZ"))


@st.composite
def _datetime_texts(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        value = draw(st.datetimes(timezones=st.timezones()))
        if value.utcoffset() is not None and value.utcoffset().total_seconds() % 60 == 0:  # type: ignore[union-attr]
            return format_datetime(value)

    def field(low: int, high: int, width: int) -> str:
        return f"{draw(st.integers(low, high)):0{width}d}"

    text = f"{field(0, 9999, 4)}-{field(0, 13, 2)}-{field(0, 32, 2)}T{field(0, 25, 2)}:{field(0, 61, 2)}:{field(0, 61, 2)}"
    if draw(st.booleans()):
        text += "." + draw(st.text("0123456789", min_size=1, max_size=9))
    zone = draw(st.sampled_from(["Z", "+", "-"]))
    if zone != "Z":
        zone += field(0, 25, 2) + draw(st.sampled_from(["", ":"])) + field(0, 61, 2)
    return draw(st.sampled_from(["", " ", "\n"])) + text + zone


@st.composite
def number_texts(draw: st.DrawFn) -> str:
    """JSON-number-like texts around the double range and the lexical rules."""
    return draw(typos(draw(_number_texts()), "0123456789.eE+-"))


@st.composite
def _number_texts(draw: st.DrawFn) -> str:
    sign = draw(st.sampled_from(["", "-", "+"]))
    integer = draw(st.one_of(
        st.sampled_from(["0", "1", "01", "17", "1797693134862315807"]),
        st.integers(1, 450).map(lambda n: "1" + "0" * (n - 1)),
        st.integers(4295, 4305).map(lambda n: "9" * n),
        st.text("0123456789", min_size=1, max_size=30),
    ))
    fraction = draw(st.sampled_from(["", ".", ".5", ".7976931348623157", ".7976931348623158",
                                     ".79769313486231570000", ".0", "." + "0" * 320 + "1"]))
    exponent = draw(st.one_of(
        st.just(""),
        st.builds(lambda e, s, z, n: e + s + z + str(n), st.sampled_from("eE"),
                  st.sampled_from(["", "+", "-"]), st.sampled_from(["", "0", "000"]),
                  st.one_of(st.integers(0, 400), st.sampled_from([306, 307, 308, 309]))),
    ))
    return sign + integer + fraction + exponent


SCALARS = st.one_of(
    st.sampled_from([
        "", " ", "0", "-0", "+7", " 42 ", "2147483647", "2147483648", "-2147483648", "-2147483649",
        "0" * 5000 + "42", "9" * 25, "1.0", "1e3", ".5", "5.", "true", "false", "1", "TRUE", " false ",
        "0.0001000000", "1" * 101, "0." + "0" * 99 + "1", "0." + "0" * 100 + "1", "-1" + "0" * 100,
        "41793026727", "+41793026727", "4179 302", "\u0663", "SMS", "sms", " SMS", "WHATSAPP", "FEMALE",
    ]),
    datetime_texts(),
    number_texts(),
    st.integers().map(str),
    xml_text(max_size=5),
)


def _children(element: etree._Element) -> list[etree._Element]:
    return [child for child in element if isinstance(child.tag, str)]


def text_in_content(draw: st.DrawFn, root: etree._Element, element: etree._Element) -> None:
    children = _children(element)
    if children and draw(st.booleans()):
        child = draw(st.sampled_from(children))
        child.tail = (child.tail or "") + draw(TEXTS)
    else:
        element.text = draw(TEXTS) + (element.text or "")


def nil(draw: st.DrawFn, root: etree._Element, element: etree._Element) -> None:
    element.set(XSI_NIL, draw(NIL_VALUES))
    if draw(st.booleans()):
        empty(draw, root, element)


def empty(draw: st.DrawFn, root: etree._Element, element: etree._Element) -> None:
    element.text = None
    for child in list(element):
        element.remove(child)


def shuffle(draw: st.DrawFn, root: etree._Element, element: etree._Element) -> None:
    children = list(element)
    for child in children:
        element.remove(child)
    for child in draw(st.permutations(children)):
        element.append(child)


def drop(draw: st.DrawFn, root: etree._Element, element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def duplicate(draw: st.DrawFn, root: etree._Element, element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.insert(parent.index(element) + 1, copy.deepcopy(element))


def scalar(draw: st.DrawFn, root: etree._Element, element: etree._Element) -> None:
    if not len(element):
        text = draw(SCALARS)
        element.text = etree.CDATA(text) if draw(st.integers(0, 9)) == 0 and "]]>" not in text else text


def comment(draw: st.DrawFn, root: etree._Element, element: etree._Element) -> None:
    element.insert(draw(st.integers(0, len(element))), etree.Comment(" c "))


MUTATIONS: dict[str, Callable[[st.DrawFn, etree._Element, etree._Element], None]] = {
    "text in content": text_in_content,
    "xsi:nil": nil,
    "empty": empty,
    "shuffle": shuffle,
    "drop": drop,
    "duplicate": duplicate,
    "scalar": scalar,
    "comment": comment,
}


@st.composite
def encoded(draw: st.DrawFn) -> tuple[type[Any], Any, etree._Element]:
    cls = draw(st.sampled_from(DOCUMENT_TYPES))
    value = draw(from_type(cls, edge_cases=draw(st.booleans())))
    data = omni_codec.xml.encode(value, pretty=draw(st.booleans()))
    return cls, value, etree.fromstring(data)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[type[Any], bytes]:
    cls, _, root = draw(encoded())
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(sorted(MUTATIONS)))
        element = draw(st.sampled_from([e for e in root.iter() if isinstance(e.tag, str)]))
        note(f"{name} at <{element.tag}>")
        MUTATIONS[name](draw, root, element)
    return cls, etree.tostring(root)


# --- Properties --------------------------------------------------------------------


@given(mutated())
def test_validate_and_decode_agree_on_mutated_documents(case: tuple[type[Any], bytes]) -> None:
    cls, data = case
    assert_agree(data, cls)
    assert_agree(data.decode("utf-8"), cls)


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
@given(data=st.data())
def test_each_mutation_agrees(mutation: str, data: st.DataObject) -> None:
    """Every mutation on its own, so that none is drowned by the others."""
    cls, _, root = data.draw(encoded())
    element = data.draw(st.sampled_from([e for e in root.iter() if isinstance(e.tag, str)]))
    MUTATIONS[mutation](data.draw, root, element)
    assert_agree(etree.tostring(root), cls)


def _in_free_form(element: etree._Element) -> bool:
    skipped = FREE_FORM | LOOSELY_TYPED
    return any(node.tag in skipped for node in element.iterancestors()) or element.tag in skipped


@given(encoded(), st.data())
def test_unknown_elements_are_invalid_strict_errors_and_otherwise_ignored(
    case: tuple[type[Any], Any, etree._Element], data: st.DataObject
) -> None:
    cls, value, root = case
    # Where an unknown element is skipped: among a Struct's or a list's children.
    places = [root, *(e for e in root.iterdescendants() if len(e) and not _in_free_form(e))]
    element = data.draw(st.sampled_from(places))
    unknown = etree.Element(data.draw(st.sampled_from(["unknown", "x", "bulkIds", "Destination"])))
    unknown.text = data.draw(TEXTS)
    if data.draw(st.booleans()):
        etree.SubElement(unknown, "text").text = "nested"
    element.insert(data.draw(st.integers(0, len(element))), unknown)
    document = etree.tostring(root)
    assert not _validates(document)
    assert isinstance(_decode(document, cls, strict=True), omni_codec.ValidationError)
    assert _decode(document, cls) == value


# --- The shared patterns, value by value -------------------------------------------

DEST = "<destinations><destination><to><phoneNumber>41793026727</phoneNumber></to></destination></destinations>"


def _accepts(call: Callable[[], Any]) -> bool:
    try:
        call()
    except omni_codec.ValidationError:
        return False
    return True


@given(datetime_texts())
def test_the_xsd_accepts_exactly_the_datetimes_the_decoders_accept(text: str) -> None:
    document = f"<request>{DEST}<sendAt>{text}</sendAt></request>"
    body = msgspec.json.encode({"destinations": [{"to": {"phoneNumber": "1"}}], "sendAt": text})
    decodes = _accepts(lambda: omni_codec.xml.decode(document, type=OmniAdvancedRequest))
    assert _accepts(lambda: omni_codec.xml.validate(document)) == decodes
    assert _accepts(lambda: omni_codec.json.decode(body, type=OmniAdvancedRequest)) == decodes


@given(number_texts())
def test_the_xsd_accepts_exactly_the_free_form_numbers_the_decoder_accepts(text: str) -> None:
    document = f'<request>{DEST}<push><customPayload><map><number key="n">{text}</number></map></customPayload></push></request>'
    decoded = _decode(document.encode(), OmniAdvancedRequest)
    accepted = not isinstance(decoded, omni_codec.ValidationError)
    assert _accepts(lambda: omni_codec.xml.validate(document)) == accepted
    if accepted:
        # The value JSON gives the same digits, and it is finite (JSON has no infinity).
        number = decoded.push.custom_payload["n"]
        assert number == msgspec.json.decode(text.strip()) and abs(number) != float("inf")
