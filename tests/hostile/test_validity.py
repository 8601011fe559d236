"""What the decoders accept is valid, and nothing is dropped on the way (SPEC 5, 6).

Each case is a document the XSD refuses; the decoder must refuse it too, in the
default mode and in strict mode, with the path and line of the offending element,
rather than read it into a value that lost part of it. The counterparts that must
be accepted (whitespace between elements, empty nil elements...) are in
``test_tolerance.py``; ``test_agreement.py`` proves the rule on generated documents.
"""

from __future__ import annotations

from typing import Any

import msgspec
import pytest

import omni_codec
from omni_codec import OmniAdvancedRequest, OmniResponse, OmniSimpleRequest

XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
DEST = "<destinations><destination><to><phoneNumber>41793026727</phoneNumber></to></destination></destinations>"
STATUS = (
    "<status><groupId>0</groupId><groupName>ACCEPTED</groupName><id>0</id><name>N</name>"
    "<description>D</description></status>"
)


def response(to: str = "<to><phoneNumber>41793026727</phoneNumber></to>", status: str = STATUS,
             message_id: str = "<messageId>m</messageId>", root: str = "omniResponse") -> str:
    return f"<{root}>\n<messages>\n<message>\n{to}\n{status}\n{message_id}\n</message>\n</messages>\n</{root}>"


def push(payload: str) -> str:
    return f"<request>{DEST}\n<push><customPayload>{payload}</customPayload></push></request>"


# (document, type, path of the error, line of the error)
REFUSED: dict[str, tuple[str, type[Any], str, int]] = {
    # -- text where only elements may stand (the example: a phone number
    # written straight into <to>) -------------------------------------------------
    "text-in-a-struct": (response(to="<to>41793026727</to>"), OmniResponse, "$.messages[0].to", 4),
    "text-after-a-child": (
        response(to="<to><phoneNumber>41793026727</phoneNumber>tail</to>"), OmniResponse,
        "$.messages[0].to", 4,
    ),
    "text-in-the-root": (f"<request>{DEST}text</request>", OmniSimpleRequest, "$", 1),
    "text-in-a-list-wrapper": (
        "<request><destinations>41793026727<destination><to><phoneNumber>1</phoneNumber></to>"
        "</destination></destinations></request>", OmniSimpleRequest, "$.destinations", 1,
    ),
    "cdata-in-a-struct": (response(to="<to><![CDATA[41793026727]]></to>"), OmniResponse, "$.messages[0].to", 4),
    "text-split-by-a-comment-in-a-struct": (
        response(to="<to> <!-- c -->x<phoneNumber>1</phoneNumber></to>"), OmniResponse, "$.messages[0].to", 4,
    ),
    "non-xml-space-in-a-struct": (response(to="<to>\u00a0<phoneNumber>1</phoneNumber></to>"), OmniResponse, "$.messages[0].to", 4),
    "text-beside-the-free-form-map": (push("{}<map/>"), OmniAdvancedRequest, "$.push.customPayload", 2),
    "text-in-a-map": (push('<map>x<string key="a">v</string></map>'), OmniAdvancedRequest, "$.push.customPayload", 2),
    "text-in-an-array": (push('<map><array key="a"><null/>x</array></map>'), OmniAdvancedRequest, "$.push.customPayload.a", 2),
    "space-in-null": (push('<map><null key="a"> </null></map>'), OmniAdvancedRequest, "$.push.customPayload.a", 2),
    "empty-cdata-in-null": (push('<map><null key="a"><![CDATA[]]></null></map>'), OmniAdvancedRequest, "$.push.customPayload.a", 2),
    # -- xsi:nil -------------------------------------------------------------------
    "nil-with-text": (f'<request {XSI}>{DEST}<text xsi:nil="true">hi</text></request>', OmniSimpleRequest, "$.text", 1),
    "nil-with-whitespace": (f'<request {XSI}>{DEST}<text xsi:nil="true"> </text></request>', OmniSimpleRequest, "$.text", 1),
    "nil-with-empty-cdata": (f'<request {XSI}>{DEST}<text xsi:nil="true"><![CDATA[]]></text></request>', OmniSimpleRequest, "$.text", 1),
    "nil-with-children": (
        f'<request {XSI}>{DEST}\n<sms xsi:nil="1"><text>t</text></sms></request>', OmniAdvancedRequest, "$.sms", 2,
    ),
    "nil-true-on-a-required-field": (
        response(message_id=f'<messageId {XSI} xsi:nil="true"/>'), OmniResponse, "$.messages[0].messageId", 6,
    ),
    "nil-false-on-a-required-field": (
        response(message_id=f'<messageId {XSI} xsi:nil="false">m</messageId>'), OmniResponse,
        "$.messages[0].messageId", 6,
    ),
    "nil-on-a-list-item": (
        f'<request {XSI}><destinations><destination xsi:nil="false"><to><phoneNumber>1</phoneNumber></to>'
        "</destination></destinations></request>", OmniSimpleRequest, "$.destinations[0]", 1,
    ),
    "nil-on-the-root": (f'<request {XSI} xsi:nil="false">{DEST}</request>', OmniSimpleRequest, "$", 1),
    "nil-in-free-form": (push(f'<map {XSI}><null key="a" xsi:nil="true"/></map>'), OmniAdvancedRequest, "$.push.customPayload.a", 2),
    "nil-not-a-boolean": (f'<request {XSI}>{DEST}<text xsi:nil="yes"/></request>', OmniSimpleRequest, "$.text", 1),
    # -- datetimes outside RFC 3339's ranges (section 5.6, 5.7) ----------------------
    **{
        f"datetime-{name}": (
            f"<request>{DEST}\n<sendAt>{text}</sendAt></request>", OmniAdvancedRequest, "$.sendAt", 2,
        )
        for name, text in {
            "offset-minutes-99": "2015-06-04T13:01:52.933+0099",
            "offset-minutes-60": "2015-06-04T13:01:52.933+05:60",
            "offset-hours-24": "2015-06-04T13:01:52.933-2400",
            "hour-24": "2015-06-04T24:00:00Z",
            "minute-60": "2015-06-04T13:60:00Z",
            "second-60": "2015-06-04T13:01:60Z",
            "month-13": "2015-13-04T13:01:52Z",
            "month-00": "2015-00-04T13:01:52Z",
            "day-00": "2015-06-00T13:01:52Z",
            "june-31": "2015-06-31T13:01:52Z",
            "february-29-of-1900": "1900-02-29T13:01:52Z",
            "february-30-of-2000": "2000-02-30T13:01:52Z",
            "year-0000": "0000-01-01T00:00:00Z",
            "seven-fraction-digits": "2015-06-04T13:01:52.1234567Z",
        }.items()
    },
    # -- free-form numbers that are not finite doubles ------------------------------
    **{
        f"number-{name}": (push(f'<map><number key="n">{text}</number></map>'), OmniAdvancedRequest, "$.push.customPayload.n", 2)
        for name, text in {
            "1e400": "1e400",
            "above-the-largest-double": "1.8e308",
            "just-above-the-largest-double": "1.7976931348623158e308",
            "a-fraction-of-309-digits": "1" * 309 + ".5",
            "two-digits-before-an-exponent": "12e5",
            "an-integer-of-4301-digits": "1" * 4301,
            "leading-zero": "01",
        }.items()
    },
}


@pytest.mark.parametrize("strict", [False, True], ids=["default", "strict"])
@pytest.mark.parametrize("case", sorted(REFUSED))
def test_decode_refuses_what_the_xsd_refuses(case: str, strict: bool) -> None:
    document, cls, path, line = REFUSED[case]
    with pytest.raises(omni_codec.ValidationError):
        omni_codec.xml.validate(document)
    for data in (document, document.encode("utf-8")):
        with pytest.raises(omni_codec.ValidationError) as info:
            omni_codec.xml.decode(data, type=cls, strict=strict)
        assert (info.value.path, info.value.line) == (path, line), str(info.value)


MESSAGES = {
    "text-in-a-struct": "Text '41793026727' where only elements may stand",
    "nil-with-text": 'is nil (xsi:nil="true") but has content',
    "nil-false-on-a-required-field": "cannot be nil",
    "datetime-offset-minutes-99": "offset minute 99",
    "datetime-hour-24": "hour 24",
    "datetime-june-31": "no such date 2015-06-31",
    "number-1e400": "Expected a JSON number",
}


@pytest.mark.parametrize("case", sorted(MESSAGES))
def test_the_message_says_what_is_wrong(case: str) -> None:
    document, cls, _, _ = REFUSED[case]
    with pytest.raises(omni_codec.ValidationError, match=MESSAGES[case].replace("(", r"\(").replace(")", r"\)")):
        omni_codec.xml.decode(document, type=cls)


# The same datetimes in JSON: one parser for both formats.
@pytest.mark.parametrize("case", sorted(c for c in REFUSED if c.startswith("datetime-")))
def test_json_refuses_the_same_datetimes(case: str) -> None:
    text = REFUSED[case][0].split("<sendAt>")[1].split("</sendAt>")[0]
    body = msgspec.json.encode({"destinations": [{"to": {"phoneNumber": "1"}}], "sendAt": text})
    with pytest.raises(omni_codec.ValidationError) as info:
        omni_codec.json.decode(body, type=OmniAdvancedRequest)
    assert info.value.path == "$.sendAt"


ACCEPTED: dict[str, tuple[str, type[Any], Any]] = {
    # (document, type, what one field of the value must be) -- all valid too
    "leap-day": (f"<request>{DEST}<sendAt>2000-02-29T23:59:59.999999+23:59</sendAt></request>", OmniAdvancedRequest, 2000),
    "trailing-fraction-zeros": (f"<request>{DEST}<sendAt>2016-02-29T00:00:00.1234560000Z</sendAt></request>", OmniAdvancedRequest, 2016),
    "largest-double": (push('<map><number key="n">1.7976931348623157e308</number></map>'), OmniAdvancedRequest, 1.7976931348623157e308),
    "4300-digit-integer": (push(f'<map><number key="n">{"1" * 4300}</number></map>'), OmniAdvancedRequest, int("1" * 4300)),
    "tiny-double": (push('<map><number key="n">-5e-324</number></map>'), OmniAdvancedRequest, -5e-324),
    "nil-false-on-an-optional-field": (f'<request {XSI}>{DEST}<text xsi:nil="false">t</text></request>', OmniSimpleRequest, "t"),
    "nil-with-a-comment": (f'<request {XSI}>{DEST}<text xsi:nil="true"><!-- c --></text></request>', OmniSimpleRequest, None),
    "empty-cdata-in-element-only-content": (f"<request>{DEST}<![CDATA[]]><text>t</text><![CDATA[ ]]></request>", OmniSimpleRequest, "t"),
}


def _field(value: Any) -> Any:
    if isinstance(value, OmniSimpleRequest):
        return value.text
    if value.send_at is not None:
        return value.send_at.year
    return value.push.custom_payload["n"]


@pytest.mark.parametrize("case", sorted(ACCEPTED))
def test_valid_documents_decode(case: str) -> None:
    document, cls, expected = ACCEPTED[case]
    omni_codec.xml.validate(document)
    assert _field(omni_codec.xml.decode(document, type=cls)) == expected


# -- integers: leading zeros are XML Schema's lexical space ---------------------------

@pytest.mark.parametrize("zeros", [1, 19, 4300, 4301, 100_000])
@pytest.mark.parametrize("sign", ["", "+", "-"])
def test_integers_with_many_leading_zeros(zeros: int, sign: str) -> None:
    text = f"{sign}{'0' * zeros}42"
    expected = -42 if sign == "-" else 42
    regular = response(status=STATUS.replace("<groupId>0</groupId>", f"<groupId>{text}</groupId>"))
    general = regular.replace("<message>", "<message><!-- the tree walk -->")
    for document in (regular, general, regular.encode()):
        assert omni_codec.xml.decode(document, type=OmniResponse).messages[0].status.group_id == expected
    omni_codec.xml.validate(regular)
