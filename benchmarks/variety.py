"""Documents by content class and by shape: the realistic documents, not only the regular one.

The main run (:mod:`benchmarks.data`) measures one document per type, written the
way the encoder writes it. Real traffic is not that regular: texts carry markup
characters, quotes, emoji and line breaks, and producers add declarations in other
encodings, namespace declarations, ``xsi:nil``, comments and their own element order.
This module builds, for four document types, one document per *content class* (what
the free texts hold) and one per *shape* (how the same content is laid out as XML),
from seeded wire values written with lxml, never with omni_codec.

Every document of a type holds the same content in every shape, so each shape's
decode must give exactly the value of the compact document (``benchmarks.cliffs``
checks it before timing).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

import msgspec
from lxml import etree

__all__ = [
    "CLASSES",
    "SHAPES",
    "TYPES",
    "VarietyType",
    "content_document",
    "shape_document",
]

VarietyType = Literal["response", "request", "advanced", "report"]
TYPES: tuple[VarietyType, ...] = ("response", "request", "advanced", "report")

#: Root element and list items of each type (SPEC section 5), and the type names the
#: OpenAPI description's XML examples use as roots.
_ROOTS: dict[VarietyType, str] = {
    "response": "omniResponse",
    "request": "request",
    "advanced": "request",
    "report": "omniReportsResponse",
}
_OPENAPI_ROOTS: dict[VarietyType, str] = {
    "response": "OmniResponse",
    "request": "OmniSimpleRequest",
    "advanced": "OmniAdvancedRequest",
    "report": "DeliveryReports",
}
#: Decimals as JSON numbers, with every digit (a Decimal's text), as the API writes prices.
_JSON = msgspec.json.Encoder(decimal_format="number")
_ITEMS = {"messages": "message", "destinations": "destination", "results": "result"}
_XSI = "http://www.w3.org/2001/XMLSchema-instance"

# --- content classes: what a free text holds -------------------------------------

#: Each class is a few texts of its kind, about as long as a status description or
#: a short message; an item takes one of them by the seeded stream.
_TEXTS: dict[str, tuple[str, ...]] = {
    "ascii": (
        "Message delivered to handset",
        "Your code is 482913, valid for 10 minutes.",
        "Network is forbidden for this account",
    ),
    "latin1": (
        "Nachricht zugestellt, prüfen Sie Ihr Gerät",
        "Message livré à l'appareil, señor Muñoz",
        "Código válido por 10 minutos: ¿ayuda? ©",
    ),
    "cjk": (
        "メッセージは端末に配信されました",
        "您的验证码是482913，十分钟内有效",
        "메시지가 전달되었습니다",
    ),
    "emoji": (
        "Delivered \U0001f4f1\u2705 thanks \U0001f389",
        "Your code \U0001f511 482913 \U0001f642",
        "\U0001f680 Sale ends tonight \U0001f525\U0001f525",
    ),
    "escape": (
        "Reply \"HELP\" & we'll call <you> back",
        "a < b && c > d: 'quoted' \"text\"",
        "<b>Bold</b> & <i>'italic'</i>",
    ),
    "crlf": (
        "Line one\r\nLine two\r\nLine three",
        "Dear customer,\r\nyour code is 482913.\r\n",
        "Old Mac text\rsecond line\r",
    ),
    "tabs": (
        "code\t482913\tvalid\t10 min",
        "\tindented\ttext",
        "name:\tvalue\t\tend",
    ),
}
#: A realistic mix: mostly plain ASCII, the other classes in smaller shares.
_MIX: tuple[tuple[str, int], ...] = (
    ("ascii", 55), ("latin1", 12), ("escape", 12), ("emoji", 8), ("cjk", 5), ("crlf", 5),
    ("tabs", 3),
)
CLASSES: tuple[str, ...] = (*_TEXTS, "mix")


def _text(rng: random.Random, content: str) -> str:
    if content == "mix":
        content = rng.choices([c for c, _ in _MIX], weights=[w for _, w in _MIX])[0]
    return rng.choice(_TEXTS[content])


# --- wire values ---------------------------------------------------------------------


def _phone(rng: random.Random) -> str:
    return f"{rng.choice(('1', '33', '44', '49', '385', '81'))}{rng.randrange(10**8, 10**10)}"


def _datetime(rng: random.Random) -> str:
    return f"2026-11-{rng.randrange(1, 29):02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}.{rng.randrange(1000):03d}+0000"


def _status(rng: random.Random, content: str) -> dict[str, Any]:
    group_id, group_name, status_id, name = rng.choice((
        (0, "ACCEPTED", 0, "MESSAGE_ACCEPTED"),
        (1, "PENDING", 7, "PENDING_ENROUTE"),
        (3, "DELIVERED", 5, "DELIVERED_TO_HANDSET"),
        (5, "REJECTED", 6, "REJECTED_NETWORK"),
    ))
    status = {"groupId": group_id, "groupName": group_name, "id": status_id, "name": name,
              "description": _text(rng, content)}
    if rng.random() < 0.2:
        status["action"] = _text(rng, content)
    return status


def _response(rng: random.Random, n: int, content: str) -> dict[str, Any]:
    messages = []
    for _ in range(n):
        to: dict[str, Any] = {"phoneNumber": _phone(rng)}
        if rng.random() < 0.3:
            to["emailAddress"] = f"user{rng.randrange(10**6)}@example.com"
        messages.append({
            "to": to,
            "status": _status(rng, content),
            "messageId": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        })
    return {"bulkId": f"BULK-{rng.getrandbits(64):016x}", "messages": messages}


def _destinations(rng: random.Random, n: int) -> list[dict[str, Any]]:
    out = []
    for index in range(n):
        destination: dict[str, Any] = {}
        if rng.random() < 0.5:
            destination["messageId"] = f"MSG-{index:07d}-{rng.getrandbits(32):08x}"
        to: dict[str, Any] = {"phoneNumber": _phone(rng)}
        if rng.random() < 0.4:
            to["emailAddress"] = f"user{rng.randrange(10**6)}@example.org"
        destination["to"] = to
        out.append(destination)
    return out


def _request(rng: random.Random, n: int, content: str) -> dict[str, Any]:
    return {
        "destinations": _destinations(rng, n),
        "bulkId": f"BULK-{rng.getrandbits(64):016x}",
        "scenarioKey": f"{rng.getrandbits(128):032X}",
        "text": _text(rng, content),
        "mailSubject": _text(rng, content),
    }


def _advanced(rng: random.Random, n: int, content: str) -> dict[str, Any]:
    """An advanced request over several channels: SMS, WhatsApp, Viber, voice and e-mail."""
    return {
        "destinations": _destinations(rng, n),
        "bulkId": f"BULK-{rng.getrandbits(64):016x}",
        "scenarioKey": f"{rng.getrandbits(128):032X}",
        "sms": {"text": _text(rng, content), "validityPeriod": 2,
                "validityPeriodTimeUnit": "HOURS"},
        "whatsApp": {"text": _text(rng, content)[:4096], "previewUrl": False},
        "viber": {"text": _text(rng, content), "validityPeriod": 15,
                  "imageURL": "https://example.com/offer.png", "buttonText": _text(rng, content)[:30],
                  "buttonURL": "https://example.com/offer", "isPromotional": True},
        "voice": {"text": _text(rng, content), "language": "en"},
        "email": {"text": _text(rng, content), "subject": _text(rng, content)},
        "notify": True,
        "notifyUrl": "https://example.com/reports",
        "notifyContentType": "application/json",
        "callbackData": _text(rng, content),
        "sendAt": _datetime(rng),
    }


def _report(rng: random.Random, n: int, content: str) -> dict[str, Any]:
    """A delivery report (``OMNIReportsResponse``) of ``n`` results."""
    results = []
    for _ in range(n):
        result: dict[str, Any] = {
            "bulkId": f"BULK-{rng.getrandbits(32):08x}",
            "messageId": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "to": _phone(rng),
            "sentAt": _datetime(rng),
            "doneAt": _datetime(rng),
            "messageCount": rng.randrange(1, 4),
            "mccMnc": f"{rng.randrange(200, 800)}{rng.randrange(1, 99):02d}",
            # A JSON number, as Infobip's own reports write it (a string holding
            # a decimal is read too, and checked a second time).
            "price": {"pricePerMessage": Decimal(f"{rng.randrange(1, 900) / 1000:.3f}"),
                      "currency": "EUR"},
            "status": _status(rng, content),
            "error": {"groupId": 0, "groupName": "OK", "id": 0, "name": "NO_ERROR",
                      "description": _text(rng, content), "permanent": False},
            "channel": rng.choice(("SMS", "VIBER", "EMAIL", "VOICE")),
        }
        results.append(result)
    return {"results": results}


_BUILDERS: dict[VarietyType, Callable[[random.Random, int, str], dict[str, Any]]] = {
    "response": _response,
    "request": _request,
    "advanced": _advanced,
    "report": _report,
}


@dataclass(frozen=True)
class Variant:
    """One document of one type: its wire value, JSON and XML (``None``: no XML)."""

    doc_type: VarietyType
    n: int
    label: str
    wire: dict[str, Any]
    json: bytes
    xml: bytes


def _wire(doc_type: VarietyType, n: int, content: str, seed: int) -> dict[str, Any]:
    return _BUILDERS[doc_type](random.Random(f"{seed}/{doc_type}/{content}"), n, content)


def content_document(doc_type: VarietyType, n: int, content: str, seed: int) -> Variant:
    """The compact document of ``doc_type`` whose free texts are of class ``content``."""
    wire = _wire(doc_type, n, content, seed)
    root = _tree(_ROOTS[doc_type], wire, _ITEMS)
    return Variant(doc_type, n, content, wire, _JSON.encode(wire), _utf8(root))


# --- shapes: the same content laid out as other producers lay it out -------------------


def _utf8(root: etree._Element) -> bytes:
    """The document in UTF-8 without a declaration, as the encoder writes it."""
    return etree.tostring(root, encoding="UTF-8", xml_declaration=False)


def _tree(root_name: str, wire: dict[str, Any], items: dict[str, str]) -> etree._Element:
    root = etree.Element(root_name)
    _fill(root, wire, items)
    return root


def _fill(parent: etree._Element, mapping: dict[str, Any], items: dict[str, str]) -> None:
    for key, value in mapping.items():
        child = etree.SubElement(parent, key)
        if isinstance(value, dict):
            _fill(child, value, items)
        elif isinstance(value, list):
            for item in value:
                _fill(etree.SubElement(child, items[key]), item, items)
        elif isinstance(value, bool):
            child.text = "true" if value else "false"
        else:
            child.text = str(value)


def _items(root: etree._Element) -> list[etree._Element]:
    """The elements of the document's big list (every item of every list)."""
    return [item for wrapper in root for item in wrapper if wrapper.tag in _ITEMS]


def _leaves(element: etree._Element) -> list[etree._Element]:
    return [e for e in element.iter() if len(e) == 0 and e.text]


def _pretty(space: str, newline: str = "\n") -> Callable[[etree._Element], bytes]:
    def shape(root: etree._Element) -> bytes:
        etree.indent(root, space=space)
        return _utf8(root).replace(b">\n", b">" + newline.encode())

    return shape


def _declared(encoding: str) -> Callable[[etree._Element], bytes]:
    def shape(root: etree._Element) -> bytes:
        return etree.tostring(root, encoding=encoding, xml_declaration=True)

    return shape


def _comments(root: etree._Element) -> bytes:
    """A comment and a processing instruction in every item (as audit tools add)."""
    for item in _items(root):
        item.insert(0, etree.Comment(" checked "))
        item.append(etree.ProcessingInstruction("audit", "pass"))
    return _utf8(root)


def _cdata(root: etree._Element) -> bytes:
    """Every text of every item as a CDATA section (as some producers write text)."""
    for item in _items(root):
        for leaf in _leaves(item):
            if "\r" not in leaf.text:  # a CR in a CDATA section is read as a LF
                leaf.text = etree.CDATA(leaf.text)
    return _utf8(root)


def _namespaced(root: etree._Element) -> etree._Element:
    """``root`` again with the namespace declarations .NET and JAXB write on it."""
    out = etree.Element(root.tag, nsmap={"xsi": _XSI, "xsd": "http://www.w3.org/2001/XMLSchema"})
    out.set(f"{{{_XSI}}}noNamespaceSchemaLocation", "omni.xsd")
    out.text = root.text
    out.extend(list(root))
    return out


def _namespaces(root: etree._Element) -> bytes:
    return _utf8(_namespaced(root))


def _nil(root: etree._Element) -> bytes:
    """``xsi:nil="true"`` on an absent optional element of every item (as .NET writes
    a null), with the namespace declarations on the root."""
    root = _namespaced(root)
    for item in _items(root):
        for parent, name in (("to", "emailAddress"), ("status", "action")):
            child = item.find(parent)
            if child is not None and len(child) and child.find(name) is None:
                etree.SubElement(child, name).set(f"{{{_XSI}}}nil", "true")
    return _utf8(root)


def _reordered(root: etree._Element) -> bytes:
    """The children of every item in reverse order (as a producer sorting by name)."""
    for item in _items(root):
        item[:] = list(reversed(item))
    return _utf8(root)


def _unknown(root: etree._Element) -> bytes:
    """One element the type does not have in every item (a newer API version's)."""
    for item in _items(root):
        etree.SubElement(item, "trackingRef").text = "T-1"
    return _utf8(root)


def _openapi(root: etree._Element) -> bytes:
    """The OpenAPI examples' dialect: the root named after the type, list items named
    like their wrapper."""
    for wrapper in root.iter(*_ITEMS):
        for item in wrapper:
            if item.tag == _ITEMS[wrapper.tag]:
                item.tag = wrapper.tag
    return _utf8(root)


_SHAPES: dict[str, Callable[[etree._Element], bytes]] = {
    "compact": _utf8,
    "pretty spaces": _pretty("  "),
    "pretty tabs": _pretty("\t"),
    "pretty CR LF": _pretty("  ", "\r\n"),
    "declaration UTF-8": _declared("UTF-8"),
    "declaration ISO-8859-1": _declared("ISO-8859-1"),
    "declaration UTF-16": _declared("UTF-16"),
    "comments and PIs": _comments,
    "CDATA": _cdata,
    "namespaces and xsi:": _namespaces,
    "xsi:nil": _nil,
    "reordered children": _reordered,
    "unknown elements": _unknown,
    "OpenAPI dialect": _openapi,
}
SHAPES: tuple[str, ...] = tuple(_SHAPES)


def shape_document(doc_type: VarietyType, n: int, shape: str, seed: int) -> Variant:
    """The document of ``doc_type`` with the realistic mix of texts, laid out as ``shape``."""
    wire = _wire(doc_type, n, "mix", seed)
    root_name = _OPENAPI_ROOTS[doc_type] if shape == "OpenAPI dialect" else _ROOTS[doc_type]
    root = _tree(root_name, wire, _ITEMS)
    return Variant(doc_type, n, shape, wire, _JSON.encode(wire), _SHAPES[shape](root))
