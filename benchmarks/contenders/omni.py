"""omni_codec itself, the subject, through its reusable Encoder and Decoder objects.

The decoders use the default :class:`~omni_codec.Limits` (100,000 list items, 64 MiB),
which the benchmark's largest documents fit; a run with larger documents raises only the
limits it needs, and the contender's note says so in the report. The encoders check
every value, as by default; the variant ``omni_codec check=False`` is the JSON encoder
without its checks, for values known to be valid, so that the table shows both costs.
"""

from __future__ import annotations

from typing import Any

import msgspec

import omni_codec
from omni_codec import DEFAULT_LIMITS, Limits, OmniResponse, OmniSimpleRequest

from ..data import DocType
from . import Codec, Contender

__all__ = ["TYPES", "contenders"]

TYPES: dict[DocType, type[Any]] = {"response": OmniResponse, "request": OmniSimpleRequest}


def _limits(max_items: int, max_bytes: int) -> tuple[Limits, str]:
    if max_items <= DEFAULT_LIMITS.max_list_items and max_bytes <= DEFAULT_LIMITS.max_bytes:
        return DEFAULT_LIMITS, "default limits"
    limits = Limits(
        max_bytes=max(max_bytes, DEFAULT_LIMITS.max_bytes),
        max_list_items=max(max_items, DEFAULT_LIMITS.max_list_items),
    )
    return limits, (
        f"limits raised to max_list_items={limits.max_list_items}, max_bytes={limits.max_bytes}"
    )


def contenders(*, max_items: int, max_bytes: int) -> tuple[Contender, Contender, Contender]:
    limits, note = _limits(max_items, max_bytes)
    json_encoder = omni_codec.json.Encoder()
    unchecked_json_encoder = omni_codec.json.Encoder(check=False)
    xml_encoder = omni_codec.xml.Encoder()

    def codecs(module: Any, encoder: Any) -> dict[DocType, Codec]:
        return {
            doc_type: Codec(
                decode=module.Decoder(cls, limits=limits).decode,
                encode=encoder.encode,
                to_wire=msgspec.to_builtins,
            )
            for doc_type, cls in TYPES.items()
        }

    return (
        Contender(
            key="omni-json",
            label="omni_codec",
            role="subject",
            format="json",
            codecs=codecs(omni_codec.json, json_encoder),
            note=note,
        ),
        Contender(
            key="omni-json-unchecked",
            label="omni_codec check=False",
            role="variant",
            format="json",
            codecs=codecs(omni_codec.json, unchecked_json_encoder),
            note="json.Encoder(check=False): encode only, the checks skipped",
            operations=("encode",),
        ),
        Contender(
            key="omni-xml",
            label="omni_codec",
            role="subject",
            format="xml",
            codecs=codecs(omni_codec.xml, xml_encoder),
            note=note,
        ),
    )
