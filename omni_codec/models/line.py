"""The LINE channel's payload of ``POST /omni/1/advanced``, and its Flex messages.

A LINE message is text, an image, a video, an audio clip, a sticker or a Flex
message (``type`` ``FLEX``): a layout of boxes, texts, images and buttons, in one
bubble or in a carousel of bubbles. The Flex types are polymorphic (SPEC section 4),
so they are tagged unions told apart by their ``type``: a container is a bubble or
a carousel, a component one of eight kinds, a button's action one of three.

A box is polymorphic twice in Infobip's OpenAPI description: by ``type`` (it is
the ``BOX`` component) and by ``layout`` (a baseline box holds other kinds of
components than a horizontal or vertical one). A value has one discriminator
only, so :class:`BoxComponent` is one type with a required ``layout``, and which
kinds its ``contents`` may hold is checked when it is made or decoded.

Field order follows the description (a variant's inherited fields first), which
is the XML child order on encode.
"""

from __future__ import annotations

from typing import Annotated, get_args

import msgspec

from ..errors import ValidationError
from ._base import Int32, Int64, OmniStruct, xml_item
from .enums import LineDataType, OpenEnum, TimeUnit

__all__ = [
    "ActionType",
    "Alignment",
    "AspectMode",
    "BaselineComponent",
    "BlockComponentStyle",
    "BoxComponent",
    "BoxLayout",
    "BubbleFlexContainer",
    "ButtonAction",
    "ButtonComponent",
    "CarouselFlexContainer",
    "Component",
    "ComponentStyle",
    "ComponentType",
    "ContainerType",
    "Direction",
    "FillerComponent",
    "FlexContainer",
    "Gravity",
    "Height",
    "HorizontalVerticalComponent",
    "IconComponent",
    "ImageComponent",
    "ImageSize",
    "LineData",
    "MessageButtonAction",
    "PostbackButtonAction",
    "SeparatorComponent",
    "Size",
    "SpacerComponent",
    "Spacing",
    "Style",
    "TextComponent",
    "UriButtonAction",
    "Weight",
]


# --- Enumerations -------------------------------------------------------------


class ContainerType(OpenEnum):
    """The kinds of Flex container: the ``type`` tags of :data:`FlexContainer`."""

    BUBBLE = "BUBBLE"
    CAROUSEL = "CAROUSEL"


class ComponentType(OpenEnum):
    """The kinds of Flex component: the ``type`` tags of :data:`Component`."""

    BOX = "BOX"
    BUTTON = "BUTTON"
    FILLER = "FILLER"
    ICON = "ICON"
    IMAGE = "IMAGE"
    SEPARATOR = "SEPARATOR"
    SPACER = "SPACER"
    TEXT = "TEXT"


class ActionType(OpenEnum):
    """What tapping a Flex element does: the ``type`` tags of :data:`ButtonAction`."""

    POSTBACK = "POSTBACK"
    URI = "URI"
    MESSAGE = "MESSAGE"


class BoxLayout(OpenEnum):
    """How a box places its contents: side by side, stacked, or on one baseline."""

    HORIZONTAL = "HORIZONTAL"
    VERTICAL = "VERTICAL"
    BASELINE = "BASELINE"


class Direction(OpenEnum):
    """The text direction of a bubble, which orders its horizontal boxes."""

    LEFT_TO_RIGHT = "LEFT_TO_RIGHT"
    RIGHT_TO_LEFT = "RIGHT_TO_LEFT"


class Alignment(OpenEnum):
    """Horizontal placement of a text or image in its space."""

    START = "START"
    END = "END"
    CENTER = "CENTER"


class Gravity(OpenEnum):
    """Vertical placement of a component in its space."""

    TOP = "TOP"
    BOTTOM = "BOTTOM"
    CENTER = "CENTER"


class AspectMode(OpenEnum):
    """Whether an image fills its area (cropped) or fits in it whole."""

    COVER = "COVER"
    FIT = "FIT"


class Height(OpenEnum):
    """The height of a button."""

    SM = "SM"
    MD = "MD"


class Style(OpenEnum):
    """How a button looks."""

    LINK = "LINK"
    PRIMARY = "PRIMARY"
    SECONDARY = "SECONDARY"


class Weight(OpenEnum):
    """The weight of a text's font."""

    BOLD = "BOLD"
    REGULAR = "REGULAR"


class Spacing(OpenEnum):
    """A gap: between a box's contents, before a component, or a spacer's size."""

    XS = "XS"
    SM = "SM"
    MD = "MD"
    LG = "LG"
    XL = "XL"
    XXL = "XXL"
    NONE = "NONE"


class Size(OpenEnum):
    """The size of a text or an icon."""

    XXS = "XXS"
    XS = "XS"
    SM = "SM"
    MD = "MD"
    LG = "LG"
    XL = "XL"
    XXL = "XXL"
    XXXL = "XXXL"
    XXXXL = "XXXXL"
    XXXXXL = "XXXXXL"


class ImageSize(OpenEnum):
    """The width of an image: the sizes of :class:`Size`, and the full width."""

    XXS = "XXS"
    XS = "XS"
    SM = "SM"
    MD = "MD"
    LG = "LG"
    XL = "XL"
    XXL = "XXL"
    XXXL = "XXXL"
    XXXXL = "XXXXL"
    XXXXXL = "XXXXXL"
    FULL = "FULL"


#: A component's share of its box's free space (the description bounds it to 0-10).
_Flex = Annotated[int, msgspec.Meta(ge=0, le=10)]


# --- Actions ------------------------------------------------------------------


class _ButtonActionBase(OmniStruct, tag_field="type", kw_only=True):
    """What every action has: the label shown for it (all three kinds require one)."""

    label: Annotated[str, msgspec.Meta(max_length=20)]


class PostbackButtonAction(_ButtonActionBase, tag="POSTBACK", kw_only=True):
    """Sends ``data`` back to the sender's webhook, showing ``displayText`` in the chat."""

    data: Annotated[str, msgspec.Meta(max_length=300)]
    display_text: Annotated[str, msgspec.Meta(max_length=300)]


class UriButtonAction(_ButtonActionBase, tag="URI", kw_only=True):
    """Opens ``uri``."""

    uri: Annotated[str, msgspec.Meta(max_length=1000)]


class MessageButtonAction(_ButtonActionBase, tag="MESSAGE", kw_only=True):
    """Sends ``text`` as the user's own message."""

    text: Annotated[str, msgspec.Meta(max_length=300)]


#: What tapping a box, image, text or button does, told apart by ``type``.
ButtonAction = PostbackButtonAction | UriButtonAction | MessageButtonAction


# --- Components ---------------------------------------------------------------


class _FlexComponent(OmniStruct, tag_field="type", kw_only=True):
    """Base of the Flex components, told apart by ``type`` (:class:`ComponentType`).

    The kinds share no field; each is one class, whichever unions it belongs to.
    """


class BoxComponent(_FlexComponent, tag="BOX", kw_only=True):
    """A box: lays out other components, side by side, stacked or on a baseline.

    ``contents`` may hold any kind of component as far as the type says; which
    kinds a box really may hold depends on its ``layout`` (a baseline box only
    fillers, texts, icons and spacers; a horizontal or vertical box anything but
    icons), so it is checked here, for boxes made in code and decoded alike. A
    layout this library does not know (an open enumeration's unknown value) is
    not checked: the API may allow more there.
    """

    layout: BoxLayout
    flex: _Flex | None = None
    spacing: Spacing | None = None
    margin: Spacing | None = None
    action: ButtonAction | None = None
    contents: Annotated[list[Component], xml_item("content")]

    def __post_init__(self) -> None:
        allowed = _ALLOWED_BY_LAYOUT.get(self.layout)
        if allowed is None:
            return
        for index, item in enumerate(self.contents):
            if not isinstance(item, allowed):
                kind = type(item).__struct_config__.tag
                kinds = ", ".join(str(member.__struct_config__.tag) for member in allowed)
                raise ValidationError(
                    f"A {self.layout.value} box cannot hold {kind} components; it holds {kinds}",
                    path=f"$.contents[{index}].type",
                )


class ButtonComponent(_FlexComponent, tag="BUTTON", kw_only=True):
    """A button, doing its ``action`` when tapped."""

    action: ButtonAction
    flex: _Flex | None = None
    margin: Spacing | None = None
    height: Height | None = None
    style: Style | None = None
    color: str | None = None
    gravity: Gravity | None = None


class FillerComponent(_FlexComponent, tag="FILLER", kw_only=True):
    """Empty space that takes the free space of its box."""


class IconComponent(_FlexComponent, tag="ICON", kw_only=True):
    """A small image beside a text on a baseline."""

    url: str
    margin: Spacing | None = None
    size: Size | None = None
    aspect_ratio: str | None = None


class ImageComponent(_FlexComponent, tag="IMAGE", kw_only=True):
    """An image; also a bubble's ``hero``, the image at its top."""

    url: str
    flex: _Flex | None = None
    margin: Spacing | None = None
    align: Alignment | None = None
    gravity: Gravity | None = None
    size: ImageSize | None = None
    aspect_ratio: str | None = None
    aspect_mode: AspectMode | None = None
    background_color: str | None = None
    action: ButtonAction | None = None


class SeparatorComponent(_FlexComponent, tag="SEPARATOR", kw_only=True):
    """A line between the components before and after it."""

    margin: Spacing | None = None
    color: str | None = None


class SpacerComponent(_FlexComponent, tag="SPACER", kw_only=True):
    """A fixed gap; its ``size`` is a spacing, not a text size."""

    size: Spacing | None = None


class TextComponent(_FlexComponent, tag="TEXT", kw_only=True):
    """A text."""

    text: str
    flex: _Flex | None = None
    margin: Spacing | None = None
    size: Size | None = None
    align: Alignment | None = None
    gravity: Gravity | None = None
    wrap: bool | None = None
    max_lines: Annotated[int, msgspec.Meta(ge=0, le=2**31 - 1)] | None = None
    color: str | None = None
    weight: Weight | None = None
    action: ButtonAction | None = None


#: What a horizontal or vertical box holds.
HorizontalVerticalComponent = (
    BoxComponent
    | ButtonComponent
    | FillerComponent
    | ImageComponent
    | TextComponent
    | SeparatorComponent
    | SpacerComponent
)

#: What a baseline box holds.
BaselineComponent = FillerComponent | TextComponent | IconComponent | SpacerComponent

#: Any Flex component: what a box's ``contents`` may hold before its layout is known.
Component = (
    BoxComponent
    | ButtonComponent
    | FillerComponent
    | IconComponent
    | ImageComponent
    | SeparatorComponent
    | SpacerComponent
    | TextComponent
)

#: The component classes a box of each known layout may hold.
_ALLOWED_BY_LAYOUT: dict[BoxLayout, tuple[type[_FlexComponent], ...]] = {
    BoxLayout.HORIZONTAL: get_args(HorizontalVerticalComponent),
    BoxLayout.VERTICAL: get_args(HorizontalVerticalComponent),
    BoxLayout.BASELINE: get_args(BaselineComponent),
}


# --- Containers ---------------------------------------------------------------


class BlockComponentStyle(OmniStruct, kw_only=True):
    """How one block of a bubble (header, hero, body or footer) looks."""

    background_color: str | None = None
    separator: bool | None = None
    separator_color: str | None = None


class ComponentStyle(OmniStruct, kw_only=True):
    """The styles of a bubble's blocks."""

    header: BlockComponentStyle | None = None
    hero: BlockComponentStyle | None = None
    body: BlockComponentStyle | None = None
    footer: BlockComponentStyle | None = None


class _FlexContainerBase(OmniStruct, tag_field="type", kw_only=True):
    """Base of the Flex containers, told apart by ``type`` (:class:`ContainerType`)."""


class BubbleFlexContainer(_FlexContainerBase, tag="BUBBLE", kw_only=True):
    """One message bubble: a header box, a hero image, a body box and a footer box."""

    direction: Direction
    header: BoxComponent | None = None
    hero: ImageComponent | None = None
    body: BoxComponent | None = None
    footer: BoxComponent | None = None
    styles: ComponentStyle | None = None


class CarouselFlexContainer(_FlexContainerBase, tag="CAROUSEL", kw_only=True):
    """Bubbles the user scrolls through sideways."""

    contents: Annotated[list[BubbleFlexContainer], xml_item("content")] | None = None


#: A Flex message's content: one bubble or a carousel, told apart by ``type``.
FlexContainer = BubbleFlexContainer | CarouselFlexContainer


# --- The payload --------------------------------------------------------------


class LineData(OmniStruct, kw_only=True):
    """The LINE step's payload; which fields it needs depends on ``type``.

    Text needs ``text``; an image ``url`` and ``thumbnailUrl``; audio and video
    ``url`` (and ``duration``, an integer, 64-bit in Infobip's description); a
    sticker ``packageId`` and ``stickerId`` (strings as published, not numbers); a
    Flex message ``altText`` (shown where Flex is not) and ``contents``. So every
    field is optional here, although the description lists most as required.
    """

    # The fields every channel payload starts with (advanced._ChannelData), declared
    # here as that module imports this one.
    text: str | None = None
    validity_period: Int32 | None = None
    validity_period_time_unit: TimeUnit | None = None
    type: LineDataType | None = None
    url: Annotated[str, msgspec.Meta(max_length=1000)] | None = None
    thumbnail_url: Annotated[str, msgspec.Meta(max_length=1000)] | None = None
    duration: Int64 | None = None
    package_id: str | None = None
    sticker_id: str | None = None
    alt_text: Annotated[str, msgspec.Meta(max_length=400)] | None = None
    contents: FlexContainer | None = None
