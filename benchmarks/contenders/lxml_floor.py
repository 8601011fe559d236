"""The XML floors: lxml parsing alone and serialising a prebuilt tree alone.

No XML codec built on lxml can decode faster than ``etree.fromstring`` of the same
bytes, nor encode faster than ``etree.tostring`` of a tree that already exists: these
are the work libxml2 does before (or after) any binding starts. The "value" of this
contender is the parsed tree, and its encoder serialises that same tree.
"""

from __future__ import annotations

from lxml import etree

from ..data import DOC_TYPES
from . import Codec, Contender
from ._wire import element_to_wire

__all__ = ["contenders"]


def contenders() -> tuple[Contender]:
    # The lxml functions themselves, not wrappers: a floor carries no overhead of ours.
    codec = Codec(decode=etree.fromstring, encode=etree.tostring, to_wire=element_to_wire)
    return (
        Contender(
            key="lxml",
            label="lxml floor",
            role="floor",
            format="xml",
            codecs={doc_type: codec for doc_type in DOC_TYPES},
            note="decode = etree.fromstring(bytes); encode = etree.tostring(prebuilt tree)",
        ),
    )
