"""xmltodict: untyped ``parse`` / ``unparse`` (expat), the quick way many start with.

``force_list`` names the list items so that a list of one stays a list, which is how
xmltodict is meant to be used for lists; values stay strings (no validation, no
types). The encoder unparses the dict that ``parse`` returned, without an XML
declaration, and encodes the ``str`` to UTF-8 bytes.
"""

from __future__ import annotations

from typing import Any

import xmltodict

from ..data import DOC_TYPES, ITEM_NAMES, ROOTS, DocType
from . import Codec, Contender
from ._wire import xmltodict_to_wire

__all__ = ["contenders"]

_FORCE_LIST = tuple(ITEM_NAMES.values())


def _decode(data: bytes) -> Any:
    return xmltodict.parse(data, force_list=_FORCE_LIST)


def _encode(value: Any) -> bytes:
    text: str = xmltodict.unparse(value, full_document=False)
    return text.encode()


def _codec(doc_type: DocType) -> Codec:
    root = ROOTS[doc_type]
    return Codec(
        decode=_decode,
        encode=_encode,
        to_wire=lambda value: xmltodict_to_wire(value[root]),
    )


def contenders() -> tuple[Contender]:
    return (
        Contender(
            key="xmltodict",
            label="xmltodict",
            role="peer",
            format="xml",
            codecs={doc_type: _codec(doc_type) for doc_type in DOC_TYPES},
            note="xmltodict.parse(force_list=items) / unparse(full_document=False).encode()",
        ),
    )
