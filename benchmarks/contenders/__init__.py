"""The contenders: one module per library, each describing itself as :class:`Contender`.

A contender offers, per document type, a ``decode`` (wire bytes to its own value), an
``encode`` (that value back to wire bytes) and a ``to_wire`` that turns its value into
the plain wire value of :mod:`benchmarks.data`. ``to_wire`` is used only to verify,
before timing, that the contender read the same content; it is never timed.

Roles: the ``subject`` is omni_codec; a ``variant`` is omni_codec with an option
that trades a guarantee for speed (the JSON encoder without its checks), timed only
for the operations the option changes; a ``floor`` is the least work its format can
cost (lxml parsing or serialising alone, bare msgspec); a ``peer`` is another library
a user could pick for the same job.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..data import DocType, Format

__all__ = ["Codec", "Contender", "Operation", "Role", "load"]

Role = Literal["subject", "variant", "floor", "peer"]
Operation = Literal["decode", "encode"]


@dataclass(frozen=True)
class Codec:
    """What a contender does with one document type."""

    decode: Callable[[bytes], Any]
    encode: Callable[[Any], bytes]
    to_wire: Callable[[Any], Any]


@dataclass(frozen=True)
class Contender:
    """One library (or floor) in one format."""

    key: str
    label: str
    role: Role
    format: Format
    codecs: Mapping[DocType, Codec]
    #: What exactly is timed, when the name alone does not say it.
    note: str = ""
    #: The operations timed (a variant's decode is the subject's).
    operations: tuple[Operation, ...] = ("decode", "encode")


def load(*, max_items: int, max_bytes: int) -> list[Contender]:
    """Every contender, subject first, then floors, then peers, per format.

    ``max_items`` and ``max_bytes`` are the largest list and document of the run, so
    that omni_codec's decoding limits can be raised when a run goes past them.
    """
    try:
        from . import (
            lxml_floor,
            msgspec_bare,
            omni,
            pydantic_json,
            pydantic_xml_models,
            xmltodict_c,
            xsdata_models,
        )
    except ImportError as exc:
        raise SystemExit(
            f"A benchmark dependency is missing ({exc.name}); "
            "install the extra: pip install -e '.[bench]'"
        ) from None
    return [
        *omni.contenders(max_items=max_items, max_bytes=max_bytes),
        *msgspec_bare.contenders(),
        *lxml_floor.contenders(),
        *pydantic_json.contenders(),
        *xsdata_models.contenders(),
        *pydantic_xml_models.contenders(),
        *xmltodict_c.contenders(),
    ]
