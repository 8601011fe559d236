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

from ..errors import DecodeError
from ..limits import Limits

__all__ = ["parse"]

_local = threading.local()

# An XML declaration at the start of a ``str`` document. Its encoding pseudo-attribute
# describes bytes this text no longer has, so it is replaced (SPEC section 5).
_STR_DECLARATION = re.compile(r"\A\ufeff?<\?xml\s[^>]*?\?>")


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


def to_bytes(data: bytes | bytearray | memoryview | str) -> bytes:
    """The document as bytes; ``str`` input is re-declared as UTF-8."""
    if isinstance(data, str):
        declaration = _STR_DECLARATION.match(data)
        if declaration is not None:
            newlines = declaration.group().count("\n")
            data = '<?xml version="1.0" encoding="UTF-8"?>' + "\n" * newlines + data[declaration.end():]
        try:
            return data.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise DecodeError(f"Input text is not valid Unicode: {exc.reason}") from None
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data)
    if isinstance(data, bytes):
        return data
    raise DecodeError(f"Expected bytes or str input, got {type(data).__name__}")


def parse(data: bytes | bytearray | memoryview | str, limits: Limits) -> etree._Element:
    """Parse a whole document and return its root element."""
    raw = to_bytes(data)
    limits.check_size(len(raw))
    try:
        root = etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, limits) from None
    except (ValueError, LookupError, MemoryError) as exc:  # e.g. an unknown encoding name
        raise DecodeError(f"Malformed XML: {exc}") from None
    docinfo: Any = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise DecodeError("DOCTYPE declarations are not allowed", line=1)
    return root


def _syntax_error(exc: etree.XMLSyntaxError, limits: Limits) -> DecodeError:
    message = " ".join(str(exc.msg or exc).split())
    line = exc.lineno or (exc.position[0] if exc.position else None)
    if "Excessive depth" in message:
        return limits.depth_error(line=line)
    # libxml2 appends its own ", line N, column M"; the line goes in our own suffix.
    message = re.sub(r",? line \d+, column \d+$", "", message)
    if "DOCTYPE" in message or "Entity" in message or "entity" in message:
        return DecodeError(f"DOCTYPE and entity declarations are not allowed: {message}", line=line)
    return DecodeError(f"Malformed XML: {message[:300]}", line=line)
