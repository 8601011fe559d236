"""The LINE payload and its Flex messages (omni_codec.models.line).

The facts tested here are those of Infobip's OpenAPI description (its Line Flex
schemas): which ``type`` tags each polymorphic family has, which component kinds a
box of each layout may hold, the bounds of the fields; and the library's rules for
polymorphic values (SPEC section 4): a missing or unknown discriminator is a
ValidationError at its path, in JSON and XML alike.
"""

from __future__ import annotations

import json as stdlib_json
from pathlib import Path
from typing import Any, get_args

import msgspec
import pytest
import xmlschema
from hypothesis import given

import omni_codec
from omni_codec import ValidationError
from omni_codec.models import (
    ActionType,
    BaselineComponent,
    BoxComponent,
    BoxLayout,
    BubbleFlexContainer,
    ButtonAction,
    ButtonComponent,
    CarouselFlexContainer,
    Component,
    ComponentStyle,
    ComponentType,
    ContainerType,
    Destination,
    Direction,
    FillerComponent,
    FlexContainer,
    HorizontalVerticalComponent,
    IconComponent,
    ImageComponent,
    LineData,
    LineDataType,
    OmniAdvancedRequest,
    PostbackButtonAction,
    SeparatorComponent,
    SpacerComponent,
    Spacing,
    TextComponent,
    To,
    UriButtonAction,
)
from omni_codec.strategies import from_type

ROOT = Path(__file__).parents[1]
PUBLISHED = ROOT / "tests" / "published"
XSD = xmlschema.XMLSchema(str(ROOT / "schemas" / "omni.xsd"))

#: The description's discriminator mappings (the tags each family is told apart by).
HORIZONTAL_VERTICAL_KINDS = {"BOX", "BUTTON", "FILLER", "IMAGE", "TEXT", "SEPARATOR", "SPACER"}
BASELINE_KINDS = {"FILLER", "TEXT", "ICON", "SPACER"}
ALLOWED = {"HORIZONTAL": HORIZONTAL_VERTICAL_KINDS, "VERTICAL": HORIZONTAL_VERTICAL_KINDS, "BASELINE": BASELINE_KINDS}

#: One small, valid component of every kind, as JSON.
COMPONENTS: dict[str, dict[str, Any]] = {
    "BOX": {"type": "BOX", "layout": "VERTICAL", "contents": [{"type": "TEXT", "text": "inner"}]},
    "BUTTON": {"type": "BUTTON", "action": {"type": "MESSAGE", "label": "Yes", "text": "yes"}},
    "FILLER": {"type": "FILLER"},
    "ICON": {"type": "ICON", "url": "https://example.com/star.png"},
    "IMAGE": {"type": "IMAGE", "url": "https://example.com/a.png", "size": "FULL"},
    "SEPARATOR": {"type": "SEPARATOR", "color": "#000000"},
    "SPACER": {"type": "SPACER", "size": "XL"},
    "TEXT": {"type": "TEXT", "text": "Hello", "maxLines": 2},
}


def tags(union: Any) -> set[str]:
    return {member.__struct_config__.tag for member in get_args(union)}


def advanced(line: dict[str, Any]) -> bytes:
    return stdlib_json.dumps({"destinations": [{"to": {"phoneNumber": "41793026731"}}], "line": line}).encode()


def flex(body: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "FLEX",
        "altText": "A menu",
        "contents": {"type": "BUBBLE", "direction": "LEFT_TO_RIGHT", "body": body},
    }


def as_xml(document: bytes) -> bytes:
    """The source-document XML form of a JSON advanced request, written by the codec."""
    return omni_codec.xml.encode(omni_codec.json.decode(document, type=OmniAdvancedRequest))


# --- The published Line examples -------------------------------------------------

PUBLISHED_LINE = {
    "advanced-line-text.json": LineDataType.TEXT,
    "advanced-line-image.json": LineDataType.IMAGE,
    "advanced-line-audio.json": LineDataType.AUDIO,
    "advanced-line-video.json": LineDataType.VIDEO,
    "advanced-line-sticker.json": LineDataType.STICKER,
}


@pytest.mark.parametrize(("name", "kind"), PUBLISHED_LINE.items())
def test_every_published_line_example_decodes_strictly_and_writes_back(name: str, kind: LineDataType) -> None:
    data = (PUBLISHED / name).read_bytes()
    request = omni_codec.json.decode(data, type=OmniAdvancedRequest, strict=True)
    assert request.line is not None and request.line.type is kind
    assert msgspec.json.decode(omni_codec.json.encode(request)) == msgspec.json.decode(data)
    document = omni_codec.xml.encode(request)
    XSD.validate(document.decode())
    assert omni_codec.xml.decode(document, type=OmniAdvancedRequest, strict=True) == request


def test_sticker_ids_stay_strings() -> None:
    request = omni_codec.json.decode((PUBLISHED / "advanced-line-sticker.json").read_bytes(), type=OmniAdvancedRequest)
    assert request.line is not None
    assert (request.line.package_id, request.line.sticker_id) == ("1", "1")
    with pytest.raises(ValidationError) as caught:
        omni_codec.json.decode(advanced({"type": "STICKER", "packageId": 1}), type=OmniAdvancedRequest)
    assert caught.value.path == "$.line.packageId"


def test_line_data_is_where_it_was() -> None:
    assert omni_codec.LineData is omni_codec.models.LineData is omni_codec.models.advanced.LineData is LineData
    assert LineDataType("FLEX") is LineDataType.FLEX


# --- The families and their tags -------------------------------------------------


@pytest.mark.parametrize(
    ("union", "enumeration"),
    [(FlexContainer, ContainerType), (Component, ComponentType), (ButtonAction, ActionType)],
)
def test_each_family_is_told_apart_by_its_enumerations_values(union: Any, enumeration: Any) -> None:
    assert tags(union) == {member.value for member in enumeration}


def test_the_component_unions_are_the_descriptions_mappings() -> None:
    assert tags(HorizontalVerticalComponent) == HORIZONTAL_VERTICAL_KINDS
    assert tags(BaselineComponent) == BASELINE_KINDS
    # A kind that belongs to both families is one class.
    shared = set(get_args(HorizontalVerticalComponent)) & set(get_args(BaselineComponent))
    assert shared == {FillerComponent, TextComponent, SpacerComponent}


@pytest.mark.parametrize("kind", sorted(COMPONENTS))
def test_every_component_kind_round_trips_in_both_formats(kind: str) -> None:
    layout = "BASELINE" if kind in BASELINE_KINDS - HORIZONTAL_VERTICAL_KINDS else "HORIZONTAL"
    data = advanced(flex({"type": "BOX", "layout": layout, "contents": [COMPONENTS[kind]]}))
    request = omni_codec.json.decode(data, type=OmniAdvancedRequest, strict=True)
    assert request.line is not None and isinstance(request.line.contents, BubbleFlexContainer)
    body = request.line.contents.body
    assert body is not None
    (item,) = body.contents
    assert type(item).__struct_config__.tag == kind
    assert msgspec.json.decode(omni_codec.json.encode(request)) == msgspec.json.decode(data)
    document = omni_codec.xml.encode(request)
    XSD.validate(document.decode())
    assert omni_codec.xml.decode(document, type=OmniAdvancedRequest, strict=True) == request


def test_a_carousel_holds_bubbles_with_their_styles() -> None:
    bubble = BubbleFlexContainer(
        direction=Direction.RIGHT_TO_LEFT,
        hero=ImageComponent(url="https://example.com/a.png", action=UriButtonAction(label="Open", uri="https://x.y")),
        footer=BoxComponent(
            layout=BoxLayout.HORIZONTAL,
            spacing=Spacing.SM,
            contents=[
                ButtonComponent(action=PostbackButtonAction(label="Buy", data="id=1", display_text="Buy it")),
                SeparatorComponent(),
            ],
        ),
        styles=ComponentStyle(),
    )
    line = LineData(type=LineDataType.FLEX, alt_text="Offers", contents=CarouselFlexContainer(contents=[bubble, bubble]))
    request = OmniAdvancedRequest(destinations=[Destination(to=To(phone_number="41793026731"))], line=line)
    written = msgspec.json.decode(omni_codec.json.encode(request))
    carousel = written["line"]["contents"]
    assert carousel["type"] == "CAROUSEL"
    assert [b["type"] for b in carousel["contents"]] == ["BUBBLE", "BUBBLE"]
    assert carousel["contents"][0]["footer"]["contents"][0]["action"] == {
        "type": "POSTBACK",
        "label": "Buy",
        "data": "id=1",
        "displayText": "Buy it",
    }
    document = omni_codec.xml.encode(request)
    XSD.validate(document.decode())
    for strict in (False, True):
        assert omni_codec.json.decode(omni_codec.json.encode(request), type=OmniAdvancedRequest, strict=strict) == request
        assert omni_codec.xml.decode(document, type=OmniAdvancedRequest, strict=strict) == request


def test_a_box_in_a_bubbles_block_may_leave_out_its_type() -> None:
    """A bubble's header, body and footer are boxes by their type alone."""
    body: dict[str, Any] = {"layout": "VERTICAL", "contents": []}
    request = omni_codec.json.decode(advanced(flex(body)), type=OmniAdvancedRequest, strict=True)
    assert request.line is not None and isinstance(request.line.contents, BubbleFlexContainer)
    assert request.line.contents.body == BoxComponent(layout=BoxLayout.VERTICAL, contents=[])
    assert b'"body":{"type":"BOX","layout":"VERTICAL"' in omni_codec.json.encode(request)


# --- A box's contents follow its layout -----------------------------------------

LAYOUT_CASES = [(layout, kind) for layout in ALLOWED for kind in sorted(COMPONENTS)]


@pytest.mark.parametrize(("layout", "kind"), LAYOUT_CASES)
def test_a_box_holds_what_its_layout_allows_in_every_form(layout: str, kind: str) -> None:
    body = {"type": "BOX", "layout": layout, "contents": [COMPONENTS["FILLER"], COMPONENTS[kind]]}
    data = advanced(flex(body))
    item = msgspec.json.decode(msgspec.json.encode(COMPONENTS[kind]), type=Component)
    if kind in ALLOWED[layout]:
        for strict in (False, True):
            omni_codec.json.decode(data, type=OmniAdvancedRequest, strict=strict)
        BoxComponent(layout=BoxLayout(layout), contents=[item])
        return
    where = "$.line.contents.body.contents[1].type"
    for strict in (False, True):
        with pytest.raises(ValidationError) as caught:
            omni_codec.json.decode(data, type=OmniAdvancedRequest, strict=strict)
        assert caught.value.path == where
        assert layout in caught.value.message and kind in caught.value.message
    # The same document in XML: written with a layout the library does not know
    # (which it does not check), then given the layout under test.
    unchecked = advanced(flex({**body, "layout": "GRID"}))
    document = as_xml(unchecked).replace(b"<layout>GRID</layout>", f"<layout>{layout}</layout>".encode())
    for strict in (False, True):
        with pytest.raises(ValidationError) as caught:
            omni_codec.xml.decode(document, type=OmniAdvancedRequest, strict=strict)
        assert caught.value.path == where
    # And made in code.
    with pytest.raises(ValidationError) as caught:
        BoxComponent(layout=BoxLayout(layout), contents=[FillerComponent(), item])
    assert caught.value.path == "$.contents[1].type"


def test_a_box_inside_a_box_is_checked_by_its_own_layout() -> None:
    inner = {"type": "BOX", "layout": "BASELINE", "contents": [COMPONENTS["ICON"], COMPONENTS["SEPARATOR"]]}
    data = advanced(flex({"type": "BOX", "layout": "VERTICAL", "contents": [COMPONENTS["TEXT"], inner]}))
    with pytest.raises(ValidationError) as caught:
        omni_codec.json.decode(data, type=OmniAdvancedRequest)
    assert caught.value.path == "$.line.contents.body.contents[1].contents[1].type"


def test_a_layout_unknown_to_the_library_holds_any_kind_unless_strict() -> None:
    body = {"type": "BOX", "layout": "GRID", "contents": [COMPONENTS[kind] for kind in sorted(COMPONENTS)]}
    data = advanced(flex(body))
    request = omni_codec.json.decode(data, type=OmniAdvancedRequest)
    assert msgspec.json.decode(omni_codec.json.encode(request)) == msgspec.json.decode(data)
    assert omni_codec.xml.decode(omni_codec.xml.encode(request), type=OmniAdvancedRequest) == request
    with pytest.raises(ValidationError) as caught:
        omni_codec.json.decode(data, type=OmniAdvancedRequest, strict=True)
    assert caught.value.path == "$.line.contents.body.layout"


@given(box=from_type(BoxComponent))
def test_generated_boxes_hold_what_their_layout_allows(box: BoxComponent) -> None:
    allowed = ALLOWED.get(box.layout.value)
    if allowed is not None:
        assert {type(item).__struct_config__.tag for item in box.contents} <= allowed
    assert omni_codec.json.decode(omni_codec.json.encode(box), type=BoxComponent) == box


# --- Discriminators and bounds ---------------------------------------------------

BUBBLE_WITH = {"type": "BUBBLE", "direction": "LEFT_TO_RIGHT"}


@pytest.mark.parametrize(
    ("line", "message", "path"),
    [
        ({"type": "FLEX", "contents": {"direction": "LEFT_TO_RIGHT"}}, "missing required field `type`", "$.line.contents"),
        ({"type": "FLEX", "contents": {"type": "SLIDESHOW"}}, "Invalid value 'SLIDESHOW'", "$.line.contents.type"),
        (flex({"layout": "VERTICAL", "contents": [{"text": "no kind"}]}), "missing required field `type`", "$.line.contents.body.contents[0]"),
        (flex({"layout": "VERTICAL", "contents": [{"type": "VIDEO"}]}), "Invalid value 'VIDEO'", "$.line.contents.body.contents[0].type"),
        (
            flex({"layout": "VERTICAL", "action": {"label": "x", "uri": "y"}, "contents": []}),
            "missing required field `type`",
            "$.line.contents.body.action",
        ),
        (
            flex({"layout": "VERTICAL", "action": {"type": "CALL", "label": "x"}, "contents": []}),
            "Invalid value 'CALL'",
            "$.line.contents.body.action.type",
        ),
    ],
)
def test_a_missing_or_unknown_discriminator_is_refused_at_its_path(line: dict[str, Any], message: str, path: str) -> None:
    for strict in (False, True):
        with pytest.raises(ValidationError) as caught:
            omni_codec.json.decode(advanced(line), type=OmniAdvancedRequest, strict=strict)
        assert message in caught.value.message
        assert caught.value.path == path


def test_the_discriminator_is_an_element_in_xml() -> None:
    data = advanced(flex({"type": "BOX", "layout": "VERTICAL", "contents": [COMPONENTS["TEXT"]]}))
    document = as_xml(data)
    assert b"<content><type>TEXT</type><text>Hello</text>" in document
    without = document.replace(b"<content><type>TEXT</type>", b"<content>")
    with pytest.raises(ValidationError) as caught:
        omni_codec.xml.decode(without, type=OmniAdvancedRequest)
    assert caught.value.path == "$.line.contents.body.contents[0]"
    assert not XSD.is_valid(without.decode())


@pytest.mark.parametrize(
    ("line", "path"),
    [
        ({"type": "FLEX", "altText": "x" * 401}, "$.line.altText"),
        ({"type": "IMAGE", "url": "u" * 1001}, "$.line.url"),
        ({"type": "VIDEO", "thumbnailUrl": "u" * 1001}, "$.line.thumbnailUrl"),
        (flex({"layout": "VERTICAL", "flex": 11, "contents": []}), "$.line.contents.body.flex"),
        (flex({"layout": "VERTICAL", "flex": -1, "contents": []}), "$.line.contents.body.flex"),
        (flex({"layout": "VERTICAL", "contents": [{"type": "TEXT", "text": "t", "maxLines": -1}]}), "$.line.contents.body.contents[0].maxLines"),
        (
            flex({"layout": "VERTICAL", "contents": [{"type": "BUTTON", "action": {"type": "URI", "label": "l" * 21, "uri": "u"}}]}),
            "$.line.contents.body.contents[0].action.label",
        ),
        (
            flex({"layout": "VERTICAL", "contents": [{"type": "BUTTON", "action": {"type": "MESSAGE", "label": "l", "text": "t" * 301}}]}),
            "$.line.contents.body.contents[0].action.text",
        ),
        (
            flex({"layout": "VERTICAL", "contents": [{"type": "BUTTON", "action": {"type": "POSTBACK", "label": "l", "data": "d"}}]}),
            "$.line.contents.body.contents[0].action",
        ),
        ({"type": "FLEX", "contents": {"type": "BUBBLE"}}, "$.line.contents"),
        (flex({"contents": []}), "$.line.contents.body"),
    ],
)
def test_bounds_and_required_fields_of_the_description(line: dict[str, Any], path: str) -> None:
    data = advanced(line)
    with pytest.raises(ValidationError) as caught:
        omni_codec.json.decode(data, type=OmniAdvancedRequest)
    assert caught.value.path == path


@pytest.mark.parametrize(
    ("line", "path"),
    [
        (flex({"layout": "VERTICAL", "flex": 10, "contents": []}), ("contents", "body", "flex")),
        (flex({"layout": "VERTICAL", "flex": 0, "contents": []}), ("contents", "body", "flex")),
        ({"type": "FLEX", "altText": "x" * 400}, ("altText",)),
    ],
)
def test_values_at_the_bounds_are_taken(line: dict[str, Any], path: tuple[str, ...]) -> None:
    data = advanced(line)
    request = omni_codec.json.decode(data, type=OmniAdvancedRequest, strict=True)
    written: Any = msgspec.json.decode(omni_codec.json.encode(request))["line"]
    expected: Any = line
    for key in path:
        written, expected = written[key], expected[key]
    assert written == expected


def test_the_xsd_cannot_say_what_a_box_holds() -> None:
    """README, "Rules the XSD cannot state": the box's layout is checked by decode."""
    body = {"type": "BOX", "layout": "GRID", "contents": [COMPONENTS["BUTTON"]]}
    document = as_xml(advanced(flex(body))).replace(b"<layout>GRID</layout>", b"<layout>BASELINE</layout>")
    assert XSD.is_valid(document.decode())
    omni_codec.xml.validate(document)
    with pytest.raises(ValidationError):
        omni_codec.xml.decode(document, type=OmniAdvancedRequest)
