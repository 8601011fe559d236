"""Polymorphic values (SPEC section 4): tagged Structs told apart by a discriminator.

The API's polymorphic types (Kakao buttons, Line Flex components, inbound
messages...) are msgspec tagged unions. These tests use a small family of their
own, which holds itself as the Line Flex box does, so that the rules are tested
apart from any one API type: in JSON msgspec reads and writes the discriminator;
in XML it is a child element like any other, written first and read wherever
it stands; the XSD and the strategies follow from the same binding.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

import msgspec
import pytest
import xmlschema
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from omni_codec import EncodeError, ValidationError, json, xml
from omni_codec._schema.json_schema import generate_json_schema
from omni_codec._schema.xsd import generate_xsd
from omni_codec._xml import writer
from omni_codec._xml.fast import writer as fast_writer
from omni_codec.errors import CodecError, DecodeError
from omni_codec.limits import Limits
from omni_codec.models import Int32, OmniStruct, xml_item
from omni_codec.strategies import from_type


class Part(OmniStruct, tag_field="type", kw_only=True):
    """What every member shares."""

    flex: Int32 | None = None


class TextPart(Part, tag="TEXT", kw_only=True):
    text: Annotated[str, msgspec.Meta(max_length=20)]


class BoxPart(Part, tag="BOX", kw_only=True):
    # Members may give one field name different types: `text` is a number here.
    contents: Annotated[list[TextPart | BoxPart], xml_item("content")]
    text: Int32 | None = None


class PartsDocument(OmniStruct, kw_only=True):
    __xml_root__: ClassVar[str] = "parts"

    items: Annotated[list[TextPart | BoxPart], xml_item("item")] | None = None
    one: TextPart | BoxPart | None = None
    only_text: TextPart | None = None  # one tagged member alone still carries its tag


XSD = generate_xsd([PartsDocument])
LXML_SCHEMA = etree.XMLSchema(etree.fromstring(XSD.encode()))
XMLSCHEMA = xmlschema.XMLSchema(XSD)

VALUE = PartsDocument(
    items=[
        TextPart(text="a & b"),
        BoxPart(flex=2, text=7, contents=[TextPart(text="x"), BoxPart(contents=[])]),
    ],
    one=TextPart(flex=1, text="o"),
    only_text=TextPart(text="s"),
)


def _xml_valid(document: bytes) -> bool:
    by_lxml = LXML_SCHEMA.validate(etree.fromstring(document))
    assert XMLSCHEMA.is_valid(document.decode()) == by_lxml, document
    return by_lxml


@given(value=from_type(PartsDocument, edge_cases=True))
def test_every_value_round_trips_in_both_formats_and_both_modes(value: PartsDocument) -> None:
    document = xml.encode(value)
    text = json.encode(value)
    for strict in (False, True):
        assert xml.decode(document, type=PartsDocument, strict=strict) == value
        assert json.decode(text, type=PartsDocument, strict=strict) == value
    assert _xml_valid(document)


@given(value=from_type(PartsDocument))
def test_the_fast_writer_writes_the_general_writers_bytes(value: PartsDocument) -> None:
    assert fast_writer.write(value) == writer.write(value)


def test_the_discriminator_is_written_first_in_each_format() -> None:
    document = etree.fromstring(xml.encode(VALUE))
    for element in document.iter("item", "one", "only_text", "onlyText", "content"):
        assert element[0].tag == "type"
    assert [e.text for e in document.iter("type")] == ["TEXT", "BOX", "TEXT", "BOX", "TEXT", "TEXT"]
    assert json.encode(VALUE.one).startswith(b'{"type":"TEXT",')


def test_the_discriminator_is_read_wherever_it_stands() -> None:
    document = b"<parts><one><text>o</text><flex>1</flex><type>TEXT</type></one></parts>"
    assert xml.decode(document, type=PartsDocument, strict=True).one == TextPart(flex=1, text="o")
    assert _xml_valid(document)


_MISSING = "Object missing required field `type`"


@pytest.mark.parametrize(
    ("document", "json_text", "message", "path"),
    [
        ("<parts><one><text>o</text></one></parts>", '{"one":{"text":"o"}}', _MISSING, "$.one"),
        (
            "<parts><one><type>LINK</type><text>o</text></one></parts>",
            '{"one":{"type":"LINK","text":"o"}}',
            "Invalid value 'LINK'",
            "$.one.type",
        ),
        (
            "<parts><items><item><type>TEXT</type><text>a</text></item><item><text>b</text></item></items></parts>",
            '{"items":[{"type":"TEXT","text":"a"},{"text":"b"}]}',
            _MISSING,
            "$.items[1]",
        ),
        (
            "<parts><items><item><type>BOX</type><contents><content><type>box</type></content>"
            "</contents></item></items></parts>",
            '{"items":[{"type":"BOX","contents":[{"type":"box"}]}]}',
            "Invalid value 'box'",
            "$.items[0].contents[0].type",
        ),
        (
            "<parts><onlyText><type>BOX</type><contents/></onlyText></parts>",
            '{"onlyText":{"type":"BOX","contents":[]}}',
            "Invalid value 'BOX'",
            "$.onlyText.type",
        ),
    ],
)
def test_a_missing_or_unknown_discriminator_is_an_error_at_its_path(
    document: str, json_text: str, message: str, path: str
) -> None:
    for strict in (False, True):
        with pytest.raises(ValidationError) as from_xml:
            xml.decode(document, type=PartsDocument, strict=strict)
        assert (from_xml.value.message, from_xml.value.path, from_xml.value.line) == (message, path, 1)
        with pytest.raises(ValidationError) as from_json:
            json.decode(json_text, type=PartsDocument, strict=strict)
        assert (from_json.value.message, from_json.value.path) == (message, path)
    assert not _xml_valid(document.encode())


def test_where_only_one_member_can_stand_its_discriminator_may_be_left_out() -> None:
    """As msgspec reads a tagged Struct that is no union's member in JSON."""
    expected = PartsDocument(only_text=TextPart(text="s"))
    document = "<parts><onlyText><text>s</text></onlyText></parts>"
    assert xml.decode(document, type=PartsDocument, strict=True) == expected
    assert json.decode('{"onlyText":{"text":"s"}}', type=PartsDocument, strict=True) == expected
    assert _xml_valid(document.encode())


@pytest.mark.parametrize(
    ("document", "path"),
    [
        ("<parts><one><type>TEXT</type><type>TEXT</type><text>o</text></one></parts>", "$.one.type"),
        ("<parts><one><type><b/></type><text>o</text></one></parts>", "$.one.type"),
        ("<parts><one><type>TEXT</type><text>o</text><contents/></one></parts>", "$.one"),
        ("<parts><one><type>TEXT</type><text>twenty-one characters</text></one></parts>", "$.one.text"),
        (
            '<parts xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<one><type xsi:nil="true"/><text>o</text></one></parts>',
            "$.one.type",
        ),
    ],
)
def test_a_member_is_read_by_its_own_rules(document: str, path: str) -> None:
    """The discriminator picks the member; the other children are that member's
    fields (an unknown one is refused in strict mode, as for any object)."""
    with pytest.raises(ValidationError) as error:
        xml.decode(document, type=PartsDocument, strict=True)
    assert error.value.path == path


def test_a_member_of_the_wrong_type_is_refused_on_encode() -> None:
    wrong: Any = PartsDocument(one=TextPart(text="o"))
    wrong.one = PartsDocument()
    for encode in (xml.encode, json.encode):
        with pytest.raises(EncodeError) as error:
            encode(wrong)
        assert error.value.path == "$.one"
        assert "Expected one of `TextPart`, `BoxPart`" in error.value.message


def _boxes(depth: int) -> str:
    inner = "<type>TEXT</type><text>x</text>"
    for _ in range(depth):
        inner = f"<type>BOX</type><contents><content>{inner}</content></contents>"
    return f"<parts><one>{inner}</one></parts>"


def test_a_type_that_holds_itself_keeps_within_the_depth_limit() -> None:
    limits = Limits(max_depth=12)
    assert xml.decode(_boxes(4), type=PartsDocument, limits=limits).one is not None
    with pytest.raises(DecodeError, match="max_depth"):
        xml.decode(_boxes(25), type=PartsDocument, limits=limits)
    value = xml.decode(_boxes(25), type=PartsDocument)
    with pytest.raises(CodecError, match="max_depth"):
        json.decode(json.encode(value), type=PartsDocument, limits=limits)


def test_lists_inside_members_keep_within_the_item_limit() -> None:
    limits = Limits(max_list_items=3)
    value = PartsDocument(one=BoxPart(contents=[TextPart(text=str(i)) for i in range(4)]))
    for decode, data in ((xml.decode, xml.encode(value)), (json.decode, json.encode(value))):
        with pytest.raises(CodecError) as error:
            decode(data, type=PartsDocument, limits=limits)
        assert "max_list_items" in str(error.value)


def test_the_json_schema_says_the_discriminator_of_each_member() -> None:
    definitions = generate_json_schema(PartsDocument)["$defs"]
    for name, tag in (("TextPart", "TEXT"), ("BoxPart", "BOX")):
        definition = definitions[name]
        assert definition["required"][0] == "type"
        assert definition["properties"]["type"] == {"enum": [tag]}
    assert definitions["TextPart"]["properties"]["text"]["maxLength"] == 20


@given(tag=st.text(min_size=1, max_size=8).filter(lambda t: t not in ("TEXT", "BOX")))
def test_the_xsd_takes_only_the_known_discriminators(tag: str) -> None:
    escaped = tag.replace("&", "&amp;").replace("<", "&lt;")
    try:
        document = f"<parts><one><type>{escaped}</type><text>o</text></one></parts>".encode()
        etree.fromstring(document)
    except (etree.XMLSyntaxError, ValueError):
        return  # not XML at all
    assert not _xml_valid(document)
