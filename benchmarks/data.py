"""Seeded OMNI documents: the same bytes for every contender.

The documents are built here as plain wire values (dicts keyed by wire name, as JSON
has them) and written to JSON with msgspec and to XML with lxml directly, not with
omni_codec: the library under test must not make its own input. The wire value is
also the reference that every contender's decoded value is compared with.

Items come from one random stream per document type, so the document of N items is
the first N items of every larger one: the per-message costs at different N are
measured on the same messages. Field order is the order of SPEC section 3, the
order of the API page's examples.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from typing import Any, Literal

import msgspec
from lxml import etree

__all__ = [
    "DOC_TYPES",
    "INT_FIELDS",
    "ITEM_NAMES",
    "ROOTS",
    "SEED",
    "DocType",
    "Document",
    "Format",
    "document",
    "max_document_bytes",
]

SEED = 1729
#: No item of either document type takes 512 bytes in either format (the longest, a
#: response message with an e-mail address and an action, is under 400 bytes of XML);
#: ``document`` checks it.
_MAX_ITEM_BYTES = 512
_MAX_HEADER_BYTES = 1024

DocType = Literal["response", "request"]
Format = Literal["json", "xml"]
DOC_TYPES: tuple[DocType, ...] = ("response", "request")

#: Root element of each document type (SPEC section 5).
ROOTS: dict[DocType, str] = {"response": "omniResponse", "request": "request"}
#: List wrapper -> item element (SPEC section 5).
ITEM_NAMES: dict[str, str] = {"messages": "message", "destinations": "destination"}
#: The wire names whose values are integers (``Status.groupId`` and ``Status.id``);
#: everything else in these two types is a string.
INT_FIELDS = frozenset({"groupId", "id"})

_COUNTRY_CODES = ("1", "33", "34", "39", "41", "44", "49", "55", "61", "81", "91", "385", "971")
_FIRST = ("ana", "ivan", "marta", "luka", "sara", "petar", "eva", "noah", "mia", "leon", "zoe")
_LAST = ("horvat", "kovac", "novak", "mueller", "rossi", "smith", "garcia", "tanaka", "silva")
_DOMAINS = ("example.com", "example.org", "mail.example.net", "example.co.uk")

# (groupId, groupName, id, name, description, action) in the style of the API's status
# table, weighted so that most messages are accepted or pending, as in a send response.
_STATUSES: tuple[tuple[tuple[int, str, int, str, str, str | None], int], ...] = (
    ((0, "ACCEPTED", 0, "MESSAGE_ACCEPTED", "Message accepted", None), 50),
    ((1, "PENDING", 7, "PENDING_ENROUTE", "Message sent to next instance", None), 20),
    ((1, "PENDING", 26, "PENDING_ACCEPTED", "Message accepted, pending for delivery", None), 10),
    ((3, "DELIVERED", 5, "DELIVERED_TO_HANDSET", "Message delivered to handset", None), 10),
    ((2, "UNDELIVERABLE", 9, "UNDELIVERABLE_NOT_DELIVERED", "Message sent not delivered", None), 4),
    ((4, "EXPIRED", 15, "EXPIRED_EXPIRED", "Message expired", None), 3),
    ((5, "REJECTED", 6, "REJECTED_NETWORK", "Network is forbidden", "Contact account manager"), 3),
)
_STATUS_VALUES = tuple(status for status, _ in _STATUSES)
_STATUS_WEIGHTS = tuple(weight for _, weight in _STATUSES)

# Request text with characters XML must escape and one outside ASCII, so that every
# contender's escaping and UTF-8 handling is on the measured path.
_TEXT = (
    "Your code is 482913 \u2013 valid for 10 minutes. "
    "Questions? Reply HELP & we'll call <you> back."
)
_SUBJECT = "Your verification code \u2713"


@dataclass(frozen=True)
class Document:
    """One document of ``n`` items in both formats, with its wire value."""

    doc_type: DocType
    n: int
    wire: dict[str, Any]
    json: bytes
    xml: bytes

    def payload(self, fmt: Format) -> bytes:
        return self.json if fmt == "json" else self.xml


def document(doc_type: DocType, n: int, seed: int = SEED) -> Document:
    """The seeded document of ``doc_type`` with ``n`` messages or destinations."""
    header = random.Random(f"{seed}/{doc_type}/header")
    items = random.Random(f"{seed}/{doc_type}/items")
    wire = _response(header, items, n) if doc_type == "response" else _request(header, items, n)
    doc = Document(doc_type, n, wire, msgspec.json.encode(wire), _to_xml(ROOTS[doc_type], wire))
    assert max(len(doc.json), len(doc.xml)) <= max_document_bytes(n)
    return doc


def max_document_bytes(n: int) -> int:
    """An upper bound of the size of a document of ``n`` items, in either format.

    Known without building the document, so that decoding limits can be set for a
    run before its largest documents exist.
    """
    return _MAX_HEADER_BYTES + _MAX_ITEM_BYTES * n


def _response(header: random.Random, items: random.Random, n: int) -> dict[str, Any]:
    wire: dict[str, Any] = {}
    if n > 1:  # "received only when a message is sent to more than one destination"
        wire["bulkId"] = f"BULK-{header.getrandbits(64):016x}"
    wire["messages"] = [_response_details(items) for _ in range(n)]
    return wire


def _response_details(rng: random.Random) -> dict[str, Any]:
    group_id, group_name, status_id, name, description, action = rng.choices(
        _STATUS_VALUES, weights=_STATUS_WEIGHTS
    )[0]
    status: dict[str, Any] = {
        "groupId": group_id,
        "groupName": group_name,
        "id": status_id,
        "name": name,
        "description": description,
    }
    if action is not None:
        status["action"] = action
    return {
        "to": _to(rng, email_share=0.3),
        "status": status,
        "messageId": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
    }


def _request(header: random.Random, items: random.Random, n: int) -> dict[str, Any]:
    destinations = [_destination(items, index) for index in range(n)]
    return {
        "destinations": destinations,
        "bulkId": f"BULK-{header.getrandbits(64):016x}",
        "scenarioKey": f"{header.getrandbits(128):032X}",
        "text": _TEXT,
        "mailSubject": _SUBJECT,
    }


def _destination(rng: random.Random, index: int) -> dict[str, Any]:
    destination: dict[str, Any] = {}
    if rng.random() < 0.5:
        destination["messageId"] = f"MSG-{index:07d}-{rng.getrandbits(32):08x}"
    destination["to"] = _to(rng, email_share=0.4)
    return destination


def _to(rng: random.Random, *, email_share: float) -> dict[str, str]:
    to = {"phoneNumber": f"{rng.choice(_COUNTRY_CODES)}{rng.randrange(10**8, 10**10)}"}
    if rng.random() < email_share:
        tag = "+news" if rng.random() < 0.1 else ""
        to["emailAddress"] = (
            f"{rng.choice(_FIRST)}.{rng.choice(_LAST)}{rng.randrange(100)}{tag}@{rng.choice(_DOMAINS)}"
        )
    return to


def _to_xml(root_name: str, wire: dict[str, Any]) -> bytes:
    """The XML form of SPEC section 5: UTF-8, no declaration, no whitespace."""
    root = etree.Element(root_name)
    _fill(root, wire)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=False)


def _fill(parent: etree._Element, mapping: dict[str, Any]) -> None:
    for key, value in mapping.items():
        child = etree.SubElement(parent, key)
        if isinstance(value, dict):
            _fill(child, value)
        elif isinstance(value, list):
            for item in value:
                _fill(etree.SubElement(child, ITEM_NAMES[key]), item)
        else:
            child.text = str(value)
