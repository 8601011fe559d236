"""Tolerant decoding of messy but legitimate XML (SPEC section 5), and strict mode.

Every case states the document and the value it must decode to.
"""

from __future__ import annotations

import codecs
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import omni_codec
from omni_codec import Destination, OmniResponse, OmniResponseDetails, OmniSimpleRequest, Status, To

DEST = "<destinations><destination><to><phoneNumber>41793026727</phoneNumber></to></destination></destinations>"
XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
XSD = 'xmlns:xsd="http://www.w3.org/2001/XMLSchema"'


def request(**fields: Any) -> OmniSimpleRequest:
    fields.setdefault("destinations", [Destination(to=To(phone_number="41793026727"))])
    return OmniSimpleRequest(**fields)


def response(**status: Any) -> OmniResponse:
    values: dict[str, Any] = {
        "group_id": 0, "group_name": "ACCEPTED", "id": 0, "name": "N", "description": "D"
    }
    values.update(status)
    return OmniResponse(
        messages=[
            OmniResponseDetails(
                to=To(phone_number="41793026727"), status=Status(**values), message_id="m"
            )
        ]
    )


def text_case(inner: str, expected: str | None) -> tuple[str, OmniSimpleRequest]:
    """A request whose <text> element is ``inner`` (whole element, or "" for absent)."""
    return f"<request>{DEST}{inner}</request>", request(text=expected)


# (document, expected value); the type is the expected value's type.
CASES: dict[str, tuple[str, Any]] = {
    # -- order ------------------------------------------------------------------
    "root-children-reversed": (
        "<request><mailSubject>s</mailSubject><text>t</text><scenarioKey>k</scenarioKey>"
        f"<bulkId>b</bulkId>{DEST}</request>",
        request(mail_subject="s", text="t", scenario_key="k", bulk_id="b"),
    ),
    "to-children-reversed": (
        "<request><destinations><destination><to><emailAddress>e@example.com</emailAddress>"
        "<phoneNumber>41793026727</phoneNumber></to><messageId>m</messageId></destination>"
        "</destinations></request>",
        request(
            destinations=[
                Destination(
                    message_id="m", to=To(phone_number="41793026727", email_address="e@example.com")
                )
            ]
        ),
    ),
    "status-children-reversed": (
        "<omniResponse><messages><message><messageId>m</messageId><status>"
        "<description>D</description><name>N</name><id>0</id><groupName>ACCEPTED</groupName>"
        "<groupId>0</groupId></status><to><phoneNumber>41793026727</phoneNumber></to>"
        "</message></messages></omniResponse>",
        response(),
    ),
    # -- whitespace between elements ----------------------------------------------
    "whitespace-between-elements": (
        "<request>\n\t<destinations> \r\n <destination>\n<to>\t<phoneNumber>41793026727"
        "</phoneNumber>\n</to>  </destination>\n</destinations>\n  <text>t</text>\r\n</request>\n",
        request(text="t"),
    ),
    "whitespace-around-int": (
        "<omniResponse><messages><message><to><phoneNumber>41793026727</phoneNumber></to>"
        "<status><groupId>\n\t 3 \r\n</groupId><groupName>ACCEPTED</groupName><id> 0</id>"
        "<name>N</name><description>D</description></status><messageId>m</messageId>"
        "</message></messages></omniResponse>",
        response(group_id=3),
    ),
    # -- comments, processing instructions, CDATA ---------------------------------
    "comments-and-pis-everywhere": (
        '<?xml version="1.0"?><!-- before --><?pi before?><request><!-- c --><?pi x?>'
        "<destinations><!-- c --><destination><?pi?><to><phoneNumber>41793026727</phoneNumber>"
        "<!-- c --></to></destination><?pi?></destinations><text>t</text><!-- c --></request>"
        "<!-- after --><?pi after?>",
        request(text="t"),
    ),
    "text-split-by-comment": text_case("<text>ab<!-- comment -->cd</text>", "abcd"),
    "text-split-by-pi": text_case("<text>ab<?pi data?>cd</text>", "abcd"),
    "text-split-by-comments-keeps-spaces": text_case("<text> a <!--x--> b <!--y--> </text>", " a  b  "),
    "int-split-by-comment": (
        "<omniResponse><messages><message><to><phoneNumber>41793026727</phoneNumber></to>"
        "<status><groupId>1<!-- c -->2</groupId><groupName>ACCEPTED</groupName><id>0</id>"
        "<name>N</name><description>D</description></status><messageId>m</messageId>"
        "</message></messages></omniResponse>",
        response(group_id=12),
    ),
    "cdata": text_case("<text><![CDATA[<b>bold</b> & more]]></text>", "<b>bold</b> & more"),
    "cdata-mixed-with-text-and-references": text_case(
        "<text>a<![CDATA[<]]>&amp;<![CDATA[]]>b<![CDATA[]]]]><![CDATA[>]]></text>", "a<&b]]>"
    ),
    "cdata-whitespace-only": text_case("<text><![CDATA[ \t\n ]]></text>", " \t\n "),
    "cdata-int": (
        "<omniResponse><messages><message><to><phoneNumber>41793026727</phoneNumber></to>"
        "<status><groupId><![CDATA[ 5 ]]></groupId><groupName>ACCEPTED</groupName><id>0</id>"
        "<name>N</name><description>D</description></status><messageId>m</messageId>"
        "</message></messages></omniResponse>",
        response(group_id=5),
    ),
    # -- string leaves keep every character ---------------------------------------
    "leading-and-trailing-spaces": text_case("<text>  padded  </text>", "  padded  "),
    "tabs-and-newlines": text_case("<text>\ta\n\tb\n</text>", "\ta\n\tb\n"),
    "spaces-only": text_case("<text>   </text>", "   "),
    "newline-only": text_case("<text>\n</text>", "\n"),
    "cr-as-reference": text_case("<text>a&#13;b&#13;&#10;c&#xD;</text>", "a\rb\r\nc\r"),
    "literal-crlf-is-a-newline": text_case("<text>a\r\nb\rc</text>", "a\nb\nc"),  # XML 1.0 2.11
    "character-references": text_case("<text>&#233;&#x20AC;&#x1F600;&lt;&gt;&amp;&quot;&apos;</text>", "\u00e9\u20ac\U0001f600<>&\"'"),
    # -- empty and absent ---------------------------------------------------------
    "empty-element-self-closing": text_case("<text/>", ""),
    "empty-element-open-close": text_case("<text></text>", ""),
    "empty-element-comment-only": text_case("<text><!-- nothing --></text>", ""),
    "absent-element": text_case("", None),
    # -- xsi:nil ------------------------------------------------------------------
    "xsi-nil-declared-on-root": (
        f"<request {XSI}>{DEST}<text xsi:nil=\"true\"/><bulkId xsi:nil=\"true\"></bulkId></request>",
        request(text=None, bulk_id=None),
    ),
    "xsi-nil-declared-on-element": text_case(f'<text {XSI} xsi:nil="true"/>', None),
    "xsi-nil-other-prefix": text_case(
        '<text xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:nil="true"/>', None
    ),
    "xsi-nil-one": text_case(f'<text {XSI} xsi:nil="1"/>', None),
    "xsi-nil-false-keeps-value": text_case(f'<text {XSI} xsi:nil="false">t</text>', "t"),
    "xsi-nil-on-an-optional-struct-field": (
        f"<request {XSI}><destinations><destination><messageId xsi:nil=\"true\"/><to>"
        "<phoneNumber>41793026727</phoneNumber><emailAddress xsi:nil=\"true\"/></to>"
        "</destination></destinations></request>",
        request(),
    ),
    # -- .NET and Jackson style roots ---------------------------------------------
    "dotnet-namespace-declarations": (
        f'<?xml version="1.0" encoding="utf-8"?>\r\n<request {XSI} {XSD}>\r\n  {DEST}\r\n'
        "  <text>t</text>\r\n</request>",
        request(text="t"),
    ),
    "dotnet-response": (
        f'<?xml version="1.0" encoding="utf-8"?><omniResponse {XSD} {XSI}><bulkId xsi:nil="true"/>'
        "<messages><message><to><phoneNumber>41793026727</phoneNumber></to><status><groupId>0"
        "</groupId><groupName>ACCEPTED</groupName><id>0</id><name>N</name><description>D"
        "</description><action xsi:nil=\"true\"/></status><messageId>m</messageId></message>"
        "</messages></omniResponse>",
        response(),
    ),
    "unused-namespace-declarations": (
        f'<request xmlns:a="urn:a" xmlns:b="urn:b">{DEST}<text xmlns:c="urn:c">t</text></request>',
        request(text="t"),
    ),
}


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_tolerated(case: str, strict: bool) -> None:
    document, expected = CASES[case]
    for data in (document, document.encode("utf-8")):
        assert omni_codec.xml.decode(data, type=type(expected), strict=strict) == expected


@pytest.mark.parametrize("case", sorted(CASES))
def test_tolerated_documents_are_valid(case: str) -> None:
    """Everything tolerated here is also valid against the XSD (SPEC 5: 'every valid
    document decodes', and these are all documents the XSD describes)."""
    omni_codec.xml.validate(CASES[case][0])


# -- encodings ----------------------------------------------------------------------

TEXT = "caf\u00e9 \u00e0 la cr\u00e8me"  # representable in ISO-8859-1
BODY = f"<request>{DEST}<text>{TEXT}</text></request>"
DECL = '<?xml version="1.0" encoding="{}"?>\n'

BYTE_CASES: dict[str, bytes] = {
    "utf-8": BODY.encode("utf-8"),
    "utf-8-declared": (DECL.format("UTF-8") + BODY).encode("utf-8"),
    "utf-8-bom": codecs.BOM_UTF8 + BODY.encode("utf-8"),
    "utf-8-bom-declared": codecs.BOM_UTF8 + (DECL.format("UTF-8") + BODY).encode("utf-8"),
    "utf-16-bom": (DECL.format("UTF-16") + BODY).encode("utf-16"),
    "utf-16-le-bom": codecs.BOM_UTF16_LE + (DECL.format("UTF-16") + BODY).encode("utf-16-le"),
    "utf-16-be-bom": codecs.BOM_UTF16_BE + (DECL.format("UTF-16") + BODY).encode("utf-16-be"),
    "utf-16-bom-undeclared": BODY.encode("utf-16"),
    "iso-8859-1": (DECL.format("ISO-8859-1") + BODY).encode("latin-1"),
    "iso-8859-1-lowercase": (DECL.format("iso-8859-1") + BODY).encode("latin-1"),
    "latin1-alias": (DECL.format("latin1") + BODY).encode("latin-1"),
    "windows-1252": (DECL.format("windows-1252") + BODY).encode("cp1252"),
}


@pytest.mark.parametrize("case", sorted(BYTE_CASES))
def test_bytes_in_declared_encoding(case: str) -> None:
    data = BYTE_CASES[case]
    assert omni_codec.xml.decode(data, type=OmniSimpleRequest) == request(text=TEXT)
    omni_codec.xml.validate(data)


STR_CASES: dict[str, str] = {
    "no-declaration": BODY,
    "utf-8-declaration": DECL.format("UTF-8") + BODY,
    "iso-8859-1-declaration": DECL.format("ISO-8859-1") + BODY,
    "utf-16-declaration": DECL.format("UTF-16") + BODY,
    "declaration-without-encoding": '<?xml version="1.0"?>' + BODY,
    "declaration-single-quotes-standalone": "<?xml version='1.0' encoding='ISO-8859-1' standalone='yes'?>" + BODY,
    "bom-and-declaration": "\ufeff" + DECL.format("ISO-8859-1") + BODY,
}


@pytest.mark.parametrize("case", sorted(STR_CASES))
def test_str_input(case: str) -> None:
    """A str is already text: its declaration's encoding is not applied again."""
    data = STR_CASES[case]
    assert omni_codec.xml.decode(data, type=OmniSimpleRequest) == request(text=TEXT)
    omni_codec.xml.validate(data)


def test_str_with_latin1_declaration_keeps_characters_latin1_lacks() -> None:
    text = "\u20ac \u65e5\u672c \U0001f600"
    data = DECL.format("ISO-8859-1") + f"<request>{DEST}<text>{text}</text></request>"
    assert omni_codec.xml.decode(data, type=OmniSimpleRequest).text == text


def test_str_declaration_keeps_line_numbers() -> None:
    data = DECL.format("ISO-8859-1") + f"<request>\n{DEST}\n<text>t</tex>\n</request>"
    with pytest.raises(omni_codec.DecodeError) as info:
        omni_codec.xml.decode(data, type=OmniSimpleRequest)
    assert info.value.line == 4


# -- unknown elements and attributes ------------------------------------------------

# (document, type, path of the unknown thing in strict mode)
UNKNOWN: dict[str, tuple[str, type, str]] = {
    "root-child": (f"<request>{DEST}<priority>1</priority></request>", OmniSimpleRequest, "$"),
    "nested-child": (
        "<request><destinations><destination><to><phoneNumber>41793026727</phoneNumber>"
        "<fax>1</fax></to></destination></destinations></request>",
        OmniSimpleRequest,
        "$.destinations[0].to",
    ),
    "second-item-child": (
        "<request><destinations><destination><to><phoneNumber>41793026727</phoneNumber></to>"
        "</destination><destination><to><phoneNumber>41793026727</phoneNumber></to><x/>"
        "</destination></destinations></request>",
        OmniSimpleRequest,
        "$.destinations[1]",
    ),
    "deep-unknown-structure": (
        f"<request>{DEST}<extra><a><b>1</b></a></extra></request>", OmniSimpleRequest, "$"
    ),
    "status-child": (
        "<omniResponse><messages><message><to><phoneNumber>41793026727</phoneNumber></to>"
        "<status><groupId>0</groupId><groupName>ACCEPTED</groupName><id>0</id><name>N</name>"
        "<description>D</description><extra/></status><messageId>m</messageId></message>"
        "</messages></omniResponse>",
        OmniResponse,
        "$.messages[0].status",
    ),
}
UNKNOWN_ATTRIBUTES: dict[str, tuple[str, type, str]] = {
    "on-root": (f'<request version="2">{DEST}</request>', OmniSimpleRequest, "$"),
    "on-leaf": (f'<request>{DEST}<text lang="en">t</text></request>', OmniSimpleRequest, "$.text"),
    "on-nested": (
        '<request><destinations><destination><to kind="mobile"><phoneNumber>41793026727'
        "</phoneNumber></to></destination></destinations></request>",
        OmniSimpleRequest,
        "$.destinations[0].to",
    ),
    "on-list-item": (
        '<request><destinations><destination id="1"><to><phoneNumber>41793026727'
        "</phoneNumber></to></destination></destinations></request>",
        OmniSimpleRequest,
        "$.destinations[0]",
    ),
    "namespaced": (
        f'<request xmlns:x="urn:x" x:flag="1">{DEST}</request>', OmniSimpleRequest, "$"
    ),
    "xsi-type": (f'<request {XSI}>{DEST}<text xsi:type="xsd:string">t</text></request>', OmniSimpleRequest, "$.text"),
}


@pytest.mark.parametrize("case", sorted(UNKNOWN_ATTRIBUTES))
def test_unknown_attribute_ignored_then_rejected(case: str) -> None:
    document, cls, path = UNKNOWN_ATTRIBUTES[case]
    value: Any = omni_codec.xml.decode(document, type=cls)
    assert value.destinations[0].to.phone_number == "41793026727"
    with pytest.raises(omni_codec.ValidationError) as info:
        omni_codec.xml.decode(document, type=cls, strict=True)
    assert info.value.path == path
    assert f"`{path}`" in str(info.value)


@pytest.mark.parametrize("case", sorted(UNKNOWN))
def test_unknown_element_ignored_then_rejected(case: str) -> None:
    document, cls, container = UNKNOWN[case]
    value: Any = omni_codec.xml.decode(document, type=cls)
    expected = response() if cls is OmniResponse else None
    if expected is not None:
        assert value == expected
    else:
        assert all(d.to.phone_number == "41793026727" for d in value.destinations)
    with pytest.raises(omni_codec.ValidationError) as info:
        omni_codec.xml.decode(document, type=cls, strict=True)
    assert info.value.path.startswith(container), info.value.path
    assert info.value.line == 1


JSON_UNKNOWN: dict[str, tuple[str, type, str, str]] = {
    # (document, type, unknown key, path of the object holding it)
    "root": ('{"destinations":[{"to":{"phoneNumber":"1"}}],"priority":1}', OmniSimpleRequest, "priority", "$"),
    "to": ('{"destinations":[{"to":{"phoneNumber":"1","fax":"2"}}]}', OmniSimpleRequest, "fax", "$.destinations[0].to"),
    "second-destination": (
        '{"destinations":[{"to":{"phoneNumber":"1"}},{"to":{"phoneNumber":"1"},"x":null}]}',
        OmniSimpleRequest,
        "x",
        "$.destinations[1]",
    ),
    "status": (
        '{"messages":[{"to":{"phoneNumber":"1"},"status":{"groupId":0,"groupName":"A","id":0,'
        '"name":"N","description":"D","extra":{}},"messageId":"m"}]}',
        OmniResponse,
        "extra",
        "$.messages[0].status",
    ),
    "snake-case-name": ('{"destinations":[{"to":{"phone_number":"1","phoneNumber":"1"}}]}', OmniSimpleRequest, "phone_number", "$.destinations[0].to"),
}


@pytest.mark.parametrize("case", sorted(JSON_UNKNOWN))
def test_json_unknown_key_ignored_then_rejected(case: str) -> None:
    document, cls, key, path = JSON_UNKNOWN[case]
    omni_codec.json.decode(document, type=cls)
    with pytest.raises(omni_codec.ValidationError) as info:
        omni_codec.json.decode(document, type=cls, strict=True)
    assert info.value.path == path
    assert key in str(info.value) and f"`{path}`" in str(info.value)


@pytest.mark.parametrize("case", ["to", "second-destination", "status", "root"])
def test_unknown_member_has_the_same_path_in_both_formats(case: str) -> None:
    """SPEC 2: the same bad payload gets the same path, JSON or XML."""
    document, cls, _, _ = JSON_UNKNOWN[case]
    xml = omni_codec.xml.encode(omni_codec.json.decode(document, type=cls))
    with pytest.raises(omni_codec.ValidationError) as json_error:
        omni_codec.json.decode(document, type=cls, strict=True)
    # The same unknown member, in the same object, in the XML form.
    xml_document = _with_unknown_xml_member(xml.decode(), case)
    with pytest.raises(omni_codec.ValidationError) as xml_error:
        omni_codec.xml.decode(xml_document, type=cls, strict=True)
    assert xml_error.value.path == json_error.value.path


def _with_unknown_xml_member(xml: str, case: str) -> str:
    if case == "to":
        return xml.replace("</to>", "<fax>2</fax></to>", 1)
    if case == "second-destination":
        head, _, tail = xml.rpartition("</destination>")
        return head + "<x/></destination>" + tail
    if case == "status":
        return xml.replace("</status>", "<extra/></status>", 1)
    if case == "root":
        return xml.replace("</request>", "<priority>1</priority></request>")
    raise AssertionError(case)


# -- every character XML 1.0 allows survives ----------------------------------------

XML_CHAR_SAMPLES = {
    "tab-newline-cr": "\t\n\r",
    "crlf": "\r\n",
    "ascii-markup": "<>&\"' ]]> <!-- --> <?pi?> <![CDATA[x]]> &amp;",
    "space-only": " ",
    "delete-and-c1": "\x7f\x80\x85\x9f",
    "latin-1": "\u00a0\u00e9\u00ff",
    "line-separators": "\u2028\u2029",
    "bmp-top-before-surrogates": "\ud7ff",
    "private-use-start": "\ue000",
    "bom-character": "\ufeff",
    "replacement-character": "\ufffd",
    "supplementary": "\U00010000\U0001f600",
    "last-code-point": "\U0010ffff",
}


@pytest.mark.parametrize("sample", sorted(XML_CHAR_SAMPLES))
def test_xml_character_class_round_trips(sample: str) -> None:
    s = XML_CHAR_SAMPLES[sample]
    value = request(
        destinations=[Destination(message_id=s, to=To(phone_number="1", email_address=s))],
        bulk_id=s,
        scenario_key=s,
        text=f" {s} ",
        mail_subject=s * 3,
    )
    for pretty in (False, True):
        encoded = omni_codec.xml.encode(value, pretty=pretty)
        omni_codec.xml.validate(encoded)
        assert omni_codec.xml.decode(encoded, type=OmniSimpleRequest, strict=True) == value
    assert omni_codec.json.decode(omni_codec.json.encode(value), type=OmniSimpleRequest) == value


XML_CHARS = st.one_of(
    st.sampled_from("\t\n\r"),
    st.characters(min_codepoint=0x20, max_codepoint=0xD7FF),
    st.characters(min_codepoint=0xE000, max_codepoint=0xFFFD),
    st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF),
)


@given(st.text(XML_CHARS))
def test_any_xml_string_round_trips(s: str) -> None:
    value = request(
        destinations=[Destination(message_id=s, to=To(phone_number="1"))], text=s
    )
    encoded = omni_codec.xml.encode(value)
    assert omni_codec.xml.decode(encoded, type=OmniSimpleRequest) == value
    assert omni_codec.xml.decode(encoded.decode("utf-8"), type=OmniSimpleRequest) == value
    omni_codec.xml.validate(encoded)
