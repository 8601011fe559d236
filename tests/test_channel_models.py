"""The channel payloads of ``POST /omni/1/advanced`` as Infobip's OpenAPI description
has them today (SPEC section 4): its published examples decode and write back, and
its rules (required fields, lengths, patterns, open enumerations, decimals) hold in
both formats, each failure at the value's path.

The rules are checked at their edges (the longest accepted value and one longer),
through the public codecs: a request carries the value under test, as JSON and as
the XML the encoder writes for the same request.
"""

from __future__ import annotations

import copy
import typing
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import msgspec
import pytest

import omni_codec
from omni_codec import (
    Destination,
    InAppStyle,
    KakaoAlimButton,
    KakaoAlimButtonType,
    KakaoChinguButton,
    KakaoChinguButtonType,
    LanguageCode,
    OmniAdvancedRequest,
    To,
    TransliterationCode,
    WhatsAppData,
)

PUBLISHED = Path(__file__).parent / "published"
FORMATS = [omni_codec.json, omni_codec.xml]

#: Infobip's request examples of ``POST /omni/1/advanced``, by example name
#: (tests/published/README.md).
EXAMPLES: dict[str, Any] = msgspec.json.decode((PUBLISHED / "advanced-channel-examples.json").read_bytes())

#: Where the value under test goes in a request.
TOKEN = "TOKEN"
DESTINATIONS = [{"to": {"phoneNumber": "41793026731"}}]


def _request(fragment: dict[str, Any]) -> dict[str, Any]:
    return {"destinations": DESTINATIONS, **fragment}


def _documents(fragment: dict[str, Any], value: str, token: str = TOKEN) -> dict[ModuleType, bytes]:
    """The request ``fragment`` with ``value`` for its ``token``, in both formats.

    The XML is what the encoder writes for the request holding the token, with
    the token then replaced: so it can hold what no model value can.
    """
    data = msgspec.json.encode(_request(fragment))
    valid = omni_codec.json.decode(data, type=OmniAdvancedRequest)
    xml = omni_codec.xml.encode(valid)
    assert xml.count(token.encode()) == 1 and data.count(token.encode()) == 1
    escaped = value.replace("&", "&amp;").replace("<", "&lt;")
    return {
        omni_codec.json: data.replace(token.encode(), msgspec.json.encode(value)[1:-1]),
        omni_codec.xml: xml.replace(token.encode(), escaped.encode()),
    }


def _refused(fmt: ModuleType, data: bytes, path: str, strict: bool = False) -> str:
    with pytest.raises(omni_codec.ValidationError) as caught:
        fmt.decode(data, type=OmniAdvancedRequest, strict=strict)
    assert caught.value.path == path
    return caught.value.message


# --- The published examples ----------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXAMPLES))
@pytest.mark.parametrize("strict", [False, True])
def test_published_example_decodes_and_writes_back(name: str, strict: bool) -> None:
    data = msgspec.json.encode(EXAMPLES[name])
    value = omni_codec.json.decode(data, type=OmniAdvancedRequest, strict=strict)
    assert msgspec.json.decode(omni_codec.json.encode(value)) == EXAMPLES[name]
    assert omni_codec.xml.decode(omni_codec.xml.encode(value), type=OmniAdvancedRequest, strict=True) == value


def test_a_whatsapp_contact_card_is_read_into_its_parts() -> None:
    example = EXAMPLES["Send WhatsApp Contact message"]
    request = omni_codec.json.decode(msgspec.json.encode(example), type=OmniAdvancedRequest)
    assert request.whats_app is not None and request.whats_app.contacts is not None
    (card,) = request.whats_app.contacts
    published = example["whatsApp"]["contacts"][0]
    assert card.name.formatted_name == published["name"]["formattedName"]
    assert card.org is not None and card.org.company == published["org"]["company"]
    assert card.phones is not None and [p.wa_id for p in card.phones] == [p["waId"] for p in published["phones"]]
    assert card.addresses is not None and card.addresses[0].country_code == published["addresses"][0]["countryCode"]


def test_the_whatsapp_payload_and_channels_have_the_api_wire_names() -> None:
    request = OmniAdvancedRequest(
        destinations=[Destination(to=To(phone_number="41793026731"))],
        whats_app=WhatsAppData(preview_url=True, template_data=["a"]),
    )
    written = msgspec.json.decode(omni_codec.json.encode(request))
    assert written["whatsApp"] == {"templateData": ["a"], "previewUrl": True}


# --- Coordinates: decimals, every digit kept ---------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS, ids=["json", "xml"])
@pytest.mark.parametrize(
    "fragment",
    [
        {"whatsApp": {"latitude": TOKEN}},
        {"whatsApp": {"longitude": TOKEN}},
        {"whatsApp": {"mediaTemplateData": {"body": {"placeholders": []}, "header": {"latitude": TOKEN}}}},
    ],
    ids=["latitude", "longitude", "header"],
)
def test_coordinates_keep_their_digits(fmt: ModuleType, fragment: dict[str, Any]) -> None:
    # A JSON number, not a string: the TOKEN's quotes go with it.
    data = msgspec.json.encode(_request(fragment)).replace(b'"TOKEN"', b"45.7933370")
    value = omni_codec.json.decode(data, type=OmniAdvancedRequest)
    again = fmt.decode(fmt.encode(value), type=OmniAdvancedRequest)
    assert again == value
    assert b"45.7933370" in fmt.encode(again)


@pytest.mark.parametrize("number", [b"1e999999999", b"1e-200"])
def test_a_coordinate_xml_cannot_write_is_refused(number: bytes) -> None:
    data = msgspec.json.encode(_request({"whatsApp": {"longitude": TOKEN}})).replace(b'"TOKEN"', number)
    _refused(omni_codec.json, data, "$.whatsApp.longitude")


def test_a_coordinate_is_a_decimal() -> None:
    data = msgspec.json.encode(EXAMPLES["Send WhatsApp Location message"])
    request = omni_codec.json.decode(data, type=OmniAdvancedRequest)
    assert request.whats_app is not None
    assert request.whats_app.latitude == Decimal("45.793337")
    assert type(request.whats_app.latitude) is Decimal


# --- Lengths and patterns --------------------------------------------------------------

# (fragment holding the TOKEN, path of the value, shortest, longest accepted length)
LENGTHS = [
    ({"sms": {"text": TOKEN}}, "$.sms.text", 1, None),
    ({"voice": {"text": TOKEN}}, "$.voice.text", 1, None),
    ({"email": {"text": TOKEN}}, "$.email.text", 1, None),
    ({"push": {"text": TOKEN}}, "$.push.text", 1, 2000),
    ({"sms": {"regional": {"korea": {"title": TOKEN}}}}, "$.sms.regional.korea.title", 0, 66),
    ({"viber": {"imageURL": TOKEN}}, "$.viber.imageURL", 0, 1000),
    ({"viber": {"fileName": TOKEN}}, "$.viber.fileName", 0, 25),
    ({"viber": {"buttonText": TOKEN}}, "$.viber.buttonText", 0, 30),
    ({"viber": {"buttonURL": TOKEN}}, "$.viber.buttonURL", 0, 1000),
    ({"viber": {"trackingData": TOKEN}}, "$.viber.trackingData", 0, 100),
    ({"whatsApp": {"fileUrl": TOKEN}}, "$.whatsApp.fileUrl", 0, 2048),
    ({"whatsApp": {"imageUrl": TOKEN}}, "$.whatsApp.imageUrl", 0, 2048),
    ({"whatsApp": {"audioUrl": TOKEN}}, "$.whatsApp.audioUrl", 0, 2048),
    ({"whatsApp": {"videoUrl": TOKEN}}, "$.whatsApp.videoUrl", 0, 2048),
    ({"whatsApp": {"locationName": TOKEN}}, "$.whatsApp.locationName", 0, 1000),
    ({"whatsApp": {"address": TOKEN}}, "$.whatsApp.address", 0, 1000),
    (
        {"whatsApp": {"mediaTemplateData": {"body": {"placeholders": []}, "buttons": [{"urlPlaceholder": TOKEN}]}}},
        "$.whatsApp.mediaTemplateData.buttons[0].urlPlaceholder",
        0,
        1500,
    ),
    (
        {"whatsApp": {"mediaTemplateData": {"body": {"placeholders": []}, "buttons": [{"quickReplyPayload": TOKEN}]}}},
        "$.whatsApp.mediaTemplateData.buttons[0].quickReplyPayload",
        0,
        128,
    ),
    ({"callbackData": TOKEN}, "$.callbackData", 0, 4000),
    ({"kakaoAlim": {"text": TOKEN}}, "$.kakaoAlim.text", 1, 1000),
    ({"kakaoAlim": {"templateCode": TOKEN}}, "$.kakaoAlim.templateCode", 1, 30),
    ({"kakaoAlim": {"title": TOKEN}}, "$.kakaoAlim.title", 0, 50),
    (
        {"kakaoAlim": {"buttons": [{"type": "URL", "buttonText": TOKEN}]}},
        "$.kakaoAlim.buttons[0].buttonText",
        1,
        28,
    ),
    (
        {"kakaoAlim": {"buttons": [{"type": "APP_LINK", "buttonText": "b", "buttonUrlPc": TOKEN}]}},
        "$.kakaoAlim.buttons[0].buttonUrlPc",
        1,
        500,
    ),
    (
        {"kakaoAlim": {"buttons": [{"type": "CHATBOT_SWITCH", "buttonText": "b", "chatExtra": TOKEN, "chatEvent": "e"}]}},
        "$.kakaoAlim.buttons[0].chatExtra",
        0,
        50,
    ),
    ({"kakaoChingu": {"text": "t", "imageUrl": TOKEN}}, "$.kakaoChingu.imageUrl", 1, 250),
    ({"kakaoChingu": {"text": "t", "imageLink": TOKEN}}, "$.kakaoChingu.imageLink", 1, 250),
    (
        {"kakaoChingu": {"text": "t", "buttons": [{"type": "APP_LINK", "buttonText": "b", "androidScheme": TOKEN, "iosScheme": "i"}]}},
        "$.kakaoChingu.buttons[0].androidScheme",
        1,
        500,
    ),
]


@pytest.mark.parametrize("fmt", FORMATS, ids=["json", "xml"])
@pytest.mark.parametrize(("fragment", "path", "shortest", "longest"), LENGTHS, ids=[c[1] for c in LENGTHS])
def test_a_length_is_checked_at_both_ends(
    fmt: ModuleType, fragment: dict[str, Any], path: str, shortest: int, longest: int | None
) -> None:
    if shortest > 0:
        _refused(fmt, _documents(fragment, "é" * (shortest - 1))[fmt], path)
    fmt.decode(_documents(fragment, "é" * shortest)[fmt], type=OmniAdvancedRequest)
    if longest is not None:
        # Characters, not bytes: é is two bytes in UTF-8.
        fmt.decode(_documents(fragment, "é" * longest)[fmt], type=OmniAdvancedRequest)
        _refused(fmt, _documents(fragment, "é" * (longest + 1))[fmt], path)


@pytest.mark.parametrize("fmt", FORMATS, ids=["json", "xml"])
@pytest.mark.parametrize(
    ("url", "accepted"),
    [
        ("https://example.com/a.pdf", True),
        ("http://example.com/a.pdf", True),
        ("https://", True),
        ("ftp://example.com/a.pdf", False),
        ("HTTPS://example.com/a.pdf", False),
        (" https://example.com/a.pdf", False),
        ("https://example.com/a.pdf\n", False),
        ("example.com/a.pdf", False),
    ],
)
def test_a_viber_file_is_an_http_url(fmt: ModuleType, url: str, accepted: bool) -> None:
    token = "https://example.com/TOKEN"
    data = _documents({"viber": {"fileUrl": token}}, url, token)[fmt]
    if accepted:
        request = fmt.decode(data, type=OmniAdvancedRequest)
        assert request.viber is not None and request.viber.file_url == url
    else:
        _refused(fmt, data, "$.viber.fileUrl")


# --- Required fields ---------------------------------------------------------------------

# (a request fragment with every required field, the path of the object, the
# wire name of a required member of it)
REQUIRED = [
    ({"sms": {"regional": {"indiaDlt": {"principalEntityId": TOKEN}}}}, "$.sms.regional.indiaDlt", "principalEntityId"),
    ({"whatsApp": {"mediaTemplateData": {"body": {"placeholders": [TOKEN]}}}}, "$.whatsApp.mediaTemplateData", "body"),
    ({"whatsApp": {"mediaTemplateData": {"body": {"placeholders": [TOKEN]}}}}, "$.whatsApp.mediaTemplateData.body", "placeholders"),
    (
        {"whatsApp": {"contacts": [{"name": {"firstName": TOKEN, "formattedName": "Ana"}}]}},
        "$.whatsApp.contacts[0]",
        "name",
    ),
    (
        {"whatsApp": {"contacts": [{"name": {"firstName": TOKEN, "formattedName": "Ana"}}]}},
        "$.whatsApp.contacts[0].name",
        "firstName",
    ),
    (
        {"whatsApp": {"contacts": [{"name": {"firstName": "Ana", "formattedName": TOKEN}}]}},
        "$.whatsApp.contacts[0].name",
        "formattedName",
    ),
    ({"kakaoChingu": {"text": TOKEN}}, "$.kakaoChingu", "text"),
    ({"kakaoChingu": {"text": "t", "buttons": [{"type": "URL", "buttonText": "b", "buttonUrl": TOKEN}]}}, "$.kakaoChingu.buttons[0]", "buttonUrl"),
    (
        {"kakaoChingu": {"text": "t", "buttons": [{"type": "APP_LINK", "buttonText": "b", "androidScheme": "a", "iosScheme": TOKEN}]}},
        "$.kakaoChingu.buttons[0]",
        "iosScheme",
    ),
    (
        {"kakaoAlim": {"buttons": [{"type": "CHATBOT_SWITCH", "buttonText": "b", "chatExtra": "x", "chatEvent": TOKEN}]}},
        "$.kakaoAlim.buttons[0]",
        "chatEvent",
    ),
    ({"kakaoAlim": {"buttons": [{"type": "BOT_KEYWORD", "buttonText": TOKEN}]}}, "$.kakaoAlim.buttons[0]", "buttonText"),
]


def _without(fragment: dict[str, Any], path: str, key: str) -> dict[str, Any]:
    """``fragment`` with the member ``key`` of the object at ``path`` removed."""
    out = copy.deepcopy(fragment)
    node: Any = out
    for step in path[2:].replace("[", ".[").split("."):
        node = node[int(step[1:-1])] if step.startswith("[") else node[step]
    del node[key]
    return out


@pytest.mark.parametrize(("fragment", "path", "key"), REQUIRED, ids=[f"{c[1]}.{c[2]}" for c in REQUIRED])
def test_a_required_field_is_required_in_json(fragment: dict[str, Any], path: str, key: str) -> None:
    _documents(fragment, "x")  # complete, it decodes
    data = msgspec.json.encode(_request(_without(fragment, path, key)))
    assert f"`{key}`" in _refused(omni_codec.json, data, path)


@pytest.mark.parametrize(("fragment", "path", "key"), REQUIRED, ids=[f"{c[1]}.{c[2]}" for c in REQUIRED])
def test_a_required_field_is_required_in_xml(fragment: dict[str, Any], path: str, key: str) -> None:
    xml = _documents(fragment, "x")[omni_codec.xml]
    start, end = xml.index(f"<{key}>".encode()), xml.index(f"</{key}>".encode()) + len(key) + 3
    assert f"`{key}`" in _refused(omni_codec.xml, xml[:start] + xml[end:], path)


def test_whatsapp_texts_media_headers_and_chingu_images_need_not_be_given() -> None:
    # Infobip's OpenAPI description lists them as required; its own examples leave
    # them out (a template message has no text, a header holds one kind of media,
    # a ChinguTalk message may be text alone).
    for name in ("Send WhatsApp template message", "Send WhatsApp media template message"):
        request = omni_codec.json.decode(msgspec.json.encode(EXAMPLES[name]), type=OmniAdvancedRequest, strict=True)
        assert request.whats_app is not None and request.whats_app.text is None
        assert request.whats_app.template_name is not None
    assert request.whats_app is not None
    media = request.whats_app.media_template_data
    assert media is not None and media.header is not None
    assert media.header.image_url is not None and media.header.video_url is None
    data = msgspec.json.encode(EXAMPLES["Send Kakao ChinguTalk text message"])
    chingu = omni_codec.json.decode(data, type=OmniAdvancedRequest, strict=True).kakao_chingu
    assert chingu is not None and chingu.image_url is None


# --- Open enumerations -----------------------------------------------------------------

ENUMS = [
    ({"sms": {"transliteration": TOKEN}}, "$.sms.transliteration", TransliterationCode),
    ({"sms": {"language": {"languageCode": TOKEN}}}, "$.sms.language.languageCode", LanguageCode),
    ({"push": {"notificationOptions": {"inAppStyle": TOKEN}}}, "$.push.notificationOptions.inAppStyle", InAppStyle),
]


def _at(value: Any, path: str) -> Any:
    """The value at the wire ``path`` (members only) below ``value``."""
    for name in path[2:].split("."):
        (attr,) = [f.name for f in msgspec.structs.fields(value) if f.encode_name == name]
        value = getattr(value, attr)
    return value


@pytest.mark.parametrize("fmt", FORMATS, ids=["json", "xml"])
@pytest.mark.parametrize(("fragment", "path", "enum"), ENUMS, ids=[c[1] for c in ENUMS])
def test_every_published_value_decodes_to_its_member(
    fmt: ModuleType, fragment: dict[str, Any], path: str, enum: Any
) -> None:
    for member in enum:
        request = fmt.decode(_documents(fragment, member.value)[fmt], type=OmniAdvancedRequest, strict=True)
        assert _at(request, path) is member


@pytest.mark.parametrize("fmt", FORMATS, ids=["json", "xml"])
@pytest.mark.parametrize(("fragment", "path", "enum"), ENUMS, ids=[c[1] for c in ENUMS])
def test_an_unknown_value_is_kept_or_refused_when_strict(
    fmt: ModuleType, fragment: dict[str, Any], path: str, enum: Any
) -> None:
    data = _documents(fragment, "KLINGON")[fmt]
    request = fmt.decode(data, type=OmniAdvancedRequest)
    assert _at(request, path) == enum("KLINGON") and not _at(request, path).known
    assert fmt.decode(fmt.encode(request), type=OmniAdvancedRequest) == request
    _refused(fmt, data, path, strict=True)


# --- Kakao buttons: tagged unions ---------------------------------------------------------

#: (channel key, union, tag enumeration, members every kind of button needs but its type)
BUTTON_UNIONS = [
    ("kakaoAlim", KakaoAlimButton, KakaoAlimButtonType, {"buttonText": "b", "chatExtra": "x", "chatEvent": "e"}),
    ("kakaoChingu", KakaoChinguButton, KakaoChinguButtonType, {"buttonText": "b", "buttonUrl": "u", "androidScheme": "a", "iosScheme": "i"}),
]


def _kinds(union: Any) -> dict[str, type[msgspec.Struct]]:
    return {kind.__struct_config__.tag: kind for kind in typing.get_args(union)}


def _buttons_request(channel: str, buttons: list[dict[str, Any]]) -> dict[str, Any]:
    return _request({channel: {"text": "t", "buttons": buttons}})


@pytest.mark.parametrize(("channel", "union", "tags", "needed"), BUTTON_UNIONS, ids=[c[0] for c in BUTTON_UNIONS])
def test_the_button_kinds_are_the_published_types(channel: str, union: Any, tags: Any, needed: dict[str, str]) -> None:
    assert set(_kinds(union)) == {tag.value for tag in tags}
    for kind in _kinds(union).values():
        # ``type`` is the tag msgspec reads and writes, not a field.
        assert kind.__struct_config__.tag_field == "type"
        assert "type" not in {f.encode_name for f in msgspec.structs.fields(kind)}


@pytest.mark.parametrize("fmt", FORMATS, ids=["json", "xml"])
@pytest.mark.parametrize(("channel", "union", "tags", "needed"), BUTTON_UNIONS, ids=[c[0] for c in BUTTON_UNIONS])
def test_each_button_decodes_to_its_kind_and_keeps_it(
    fmt: ModuleType, channel: str, union: Any, tags: Any, needed: dict[str, str]
) -> None:
    for tag, kind in _kinds(union).items():
        members = {f.encode_name for f in msgspec.structs.fields(kind)}
        button = {"type": tag, **{k: v for k, v in needed.items() if k in members}}
        # Behind another kind, so that the reader cannot take the first for all.
        other = {"type": "BOT_KEYWORD", "buttonText": "k"}
        data = msgspec.json.encode(_buttons_request(channel, [other, button]))
        value = omni_codec.json.decode(data, type=OmniAdvancedRequest)
        again = fmt.decode(fmt.encode(value), type=OmniAdvancedRequest, strict=True)
        assert again == value
        decoded = getattr(again, "kakao_alim" if channel == "kakaoAlim" else "kakao_chingu").buttons
        assert type(decoded[1]) is kind
        written = msgspec.json.decode(omni_codec.json.encode(again))[channel]["buttons"]
        assert written[1] == button


@pytest.mark.parametrize("fmt", FORMATS, ids=["json", "xml"])
@pytest.mark.parametrize("channel", ["kakaoAlim", "kakaoChingu"])
@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("kind", [None, "HOLOGRAM", "message_delivery", ""])
def test_a_button_without_a_known_type_is_refused_at_its_path(
    fmt: ModuleType, channel: str, strict: bool, kind: str | None
) -> None:
    # Button kinds are not an open enumeration: the type says which fields to read.
    buttons = [{"type": "BOT_KEYWORD", "buttonText": "a"}, {"type": "MESSAGE_DELIVERY", "buttonText": "b"}]
    valid = msgspec.json.encode(_buttons_request(channel, buttons))
    if fmt is omni_codec.json:
        data = valid.replace(b'"type":"MESSAGE_DELIVERY",', b"" if kind is None else f'"type":"{kind}",'.encode())
    else:
        xml = omni_codec.xml.encode(omni_codec.json.decode(valid, type=OmniAdvancedRequest))
        data = xml.replace(b"<type>MESSAGE_DELIVERY</type>", b"" if kind is None else f"<type>{kind}</type>".encode())
    assert data != valid
    if kind is None:
        assert "`type`" in _refused(fmt, data, f"$.{channel}.buttons[1]", strict)
    else:
        _refused(fmt, data, f"$.{channel}.buttons[1].type", strict)


@pytest.mark.parametrize("fmt", FORMATS, ids=["json", "xml"])
@pytest.mark.parametrize("channel", ["kakaoAlim", "kakaoChingu"])
def test_one_to_five_buttons(fmt: ModuleType, channel: str) -> None:
    button = {"type": "BOT_KEYWORD", "buttonText": "b"}
    for count in (1, 5):
        data = msgspec.json.encode(_buttons_request(channel, [button] * count))
        value = omni_codec.json.decode(data, type=OmniAdvancedRequest)
        assert fmt.decode(fmt.encode(value), type=OmniAdvancedRequest) == value
    six = msgspec.json.encode(_buttons_request(channel, [button] * 6))
    _refused(omni_codec.json, six, f"$.{channel}.buttons")
    _refused(omni_codec.json, msgspec.json.encode(_buttons_request(channel, [])), f"$.{channel}.buttons")
    if fmt is omni_codec.xml:
        five = omni_codec.xml.encode(omni_codec.json.decode(msgspec.json.encode(_buttons_request(channel, [button] * 5)), type=OmniAdvancedRequest))
        one = five[five.index(b"<button>") : five.index(b"</button>") + len(b"</button>")]
        _refused(fmt, five.replace(one, one + one, 1), f"$.{channel}.buttons")


@pytest.mark.parametrize("fmt", FORMATS, ids=["json", "xml"])
@pytest.mark.parametrize(("target", "accepted"), [("out", True), ("in", False), ("OUT", False), ("out ", False)])
def test_an_alimtalk_link_opens_only_outside(fmt: ModuleType, target: str, accepted: bool) -> None:
    fragment = {"kakaoAlim": {"buttons": [{"type": "URL", "buttonText": "b", "target": "out"}]}}
    json_doc = msgspec.json.encode(_request(fragment)).replace(b'"out"', msgspec.json.encode(target))
    value = omni_codec.json.decode(msgspec.json.encode(_request(fragment)), type=OmniAdvancedRequest)
    xml_doc = omni_codec.xml.encode(value).replace(b"<target>out</target>", f"<target>{target}</target>".encode())
    doc = json_doc if fmt is omni_codec.json else xml_doc
    if accepted:
        fmt.decode(doc, type=OmniAdvancedRequest, strict=True)
    else:
        _refused(fmt, doc, "$.kakaoAlim.buttons[0].target")
