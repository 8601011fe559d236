"""Safe parsing of untrusted XML into an lxml tree (SPEC section 6).

One parser configuration is used for every call: no DTD is loaded, no entity is
expanded, nothing is read from a file or the network, XInclude is never processed,
and a document that declares a DOCTYPE at all is refused, so that no DTD-based attack
(billion laughs, quadratic blowup, external entities, parameter entities) has
anything to work with. Comments and processing instructions are dropped while
parsing, which also joins the text they split (SPEC section 5).
"""

from __future__ import annotations

import re
import threading
from typing import Any

from lxml import etree

from .._input import xml_input
from ..errors import DecodeError
from ..limits import Limits

__all__ = ["parse"]

_local = threading.local()



class _RefuseAll(etree.Resolver):
    """Defence in depth: anything libxml2 asks to load resolves to nothing."""

    def resolve(self, system_url: str, public_id: str, context: Any = None) -> Any:
        return self.resolve_string("", context, base_url=None)


#: The one parser configuration, for every parse of untrusted input.
SAFE_OPTIONS: dict[str, Any] = dict(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    attribute_defaults=False,
    # A string of more than 10 MB is legal; max_bytes bounds what one document may
    # hold, and max_depth its nesting.
    huge_tree=True,
    remove_comments=True,
    remove_pis=True,
    strip_cdata=True,
    # Not ``collect_ids=False``: with lxml 6 / libxml2 2.14 that option makes
    # libxml2 load the external DTD subset (a file read). A test guards this.
)


def safe_parser(target: Any = None) -> etree.XMLParser:
    """A new parser with :data:`SAFE_OPTIONS` that resolves nothing (and ``target``)."""
    parser = etree.XMLParser(target=target, **SAFE_OPTIONS)
    parser.resolvers.add(_RefuseAll())
    return parser


def _parser() -> etree.XMLParser:
    # lxml parsers are not thread-safe; one per thread.
    parser: etree.XMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = safe_parser()
    return parser


def parse(data: bytes | bytearray | memoryview | str, limits: Limits) -> etree._Element:
    """Parse a whole document and return its root element.

    ``data`` may be what :func:`~omni_codec._input.xml_input` made of the input
    already: bytes pass it again for the cost of a length check.
    """
    raw = xml_input(data, limits)
    try:
        root = etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, limits, raw) from None
    except (ValueError, LookupError, MemoryError) as exc:  # e.g. an unknown encoding name
        raise DecodeError(f"Malformed XML: {exc}") from None
    docinfo: Any = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise DecodeError("DOCTYPE declarations are not allowed", line=1)
    return root


# libxml2's wording for a reference that is not one, said plainly.
_PLAIN_WORDS = {
    "xmlParseEntityRef: no name": "`&` that does not start a reference (write `&amp;` for `&`)",
    "xmlParseCharRef: invalid xmlChar value": "Character reference to a character XML 1.0 does not allow",
}


def _syntax_error(exc: etree.XMLSyntaxError, limits: Limits, raw: bytes) -> DecodeError:
    message = " ".join(str(exc.msg or exc).split())
    line = exc.lineno or (exc.position[0] if exc.position else None)
    if "Excessive depth" in message:
        return limits.depth_error(line=line)
    # libxml2 appends its own ", line N, column M"; the line goes in our own suffix.
    message = re.sub(r",? line \d+, column \d+$", "", message)
    if _declares_doctype(raw):
        # Whatever went wrong after it (an entity expanding too much, one that is
        # external...), the DOCTYPE is what is not allowed (SPEC section 6).
        return DecodeError(f"DOCTYPE and entity declarations are not allowed: {message[:300]}", line=line)
    for words, plain in _PLAIN_WORDS.items():
        if message.startswith(words):
            message = plain + message[len(words):]
    return DecodeError(f"Malformed XML: {message[:300]}", line=line)


class _Stop(Exception):
    """Ends the prolog scan of :func:`_declares_doctype`."""


class _Prolog:
    """A parser target that notes a DOCTYPE and stops at the root element."""

    def __init__(self) -> None:
        self.seen = False

    def doctype(self, name: Any, public_id: Any, system_url: Any) -> None:
        self.seen = True
        raise _Stop

    def start(self, tag: Any, attributes: Any) -> None:
        raise _Stop

    def close(self) -> None:
        return None


def _declares_doctype(raw: bytes) -> bool:
    """Whether ``raw`` has a document type declaration before its root element.

    Asked only of a document that failed to parse, so that only real DOCTYPE and
    entity declarations are reported as such, whatever the encoding: the same
    safe parser reads the prolog again, up to the root element at most.
    """
    prolog = _Prolog()
    try:
        etree.fromstring(raw, safe_parser(prolog))
    except _Stop:
        pass
    except (etree.XMLSyntaxError, ValueError, LookupError, MemoryError):
        pass  # the prolog itself is malformed: seen says whether a DOCTYPE began
    return prolog.seen
