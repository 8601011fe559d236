"""Validation of an XML document against the shipped XSD (SPEC section 2).

The document is parsed with the same safe parser as ``decode``; the XSD is the
file in ``schemas/`` (inside the installed package, or beside it in a source
checkout), loaded once. A failure is a ValidationError with the format-independent
path of the offending element and its line.
"""

from __future__ import annotations

import threading
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from lxml import etree

from .._binding import document_of
from .._paths import join, path_of
from .._xml.depth import exceeds
from .._xml.parser import parse
from ..errors import ValidationError
from ..limits import DEFAULT_LIMITS, Limits
from ..models import DOCUMENT_TYPES

__all__ = ["schema_path", "validate"]

SCHEMA_FILE = "omni.xsd"
_lock = threading.Lock()


def schema_path() -> Path:
    """Where the XSD is: packaged with the wheel, or in the checkout's ``schemas/``."""
    packaged = resources.files("omni_codec") / "schemas" / SCHEMA_FILE
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "schemas" / SCHEMA_FILE


@cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(schema_path())))


def validate(data: bytes | bytearray | memoryview | str, /, *, limits: Limits | None = None) -> None:
    """Check ``data`` against the XSD; raise :class:`ValidationError` if it fails."""
    limits = limits or DEFAULT_LIMITS
    root = parse(data, limits)
    if exceeds(root, 1, limits.max_depth):  # the XSD would only say "not expected"
        raise limits.depth_error()
    schema = _schema()
    with _lock:  # an XMLSchema keeps its error log on itself
        valid = schema.validate(root)
        errors: list[Any] = list(schema.error_log)  # type: ignore[call-overload]
    if valid:
        return
    first = errors[0]
    element = _element_of(root, first)
    documents = [document_of(c) for c in DOCUMENT_TYPES if document_of(c).root == root.tag]
    path = join(path_of(element, documents[0])) if documents and element is not None else "$"
    message = " ".join(first.message.removeprefix("Element ").split())
    if len(message) > 300:  # libxml2 quotes the offending value whole
        message = message[:297] + "..."
    raise ValidationError(f"XSD: {message}", path=path, line=first.line or None)


def _element_of(root: etree._Element, entry: etree._LogEntry) -> etree._Element | None:
    try:
        found = root.getroottree().xpath(entry.path) if entry.path else []
    except etree.XPathError:
        return None
    return found[0] if isinstance(found, list) and found and isinstance(found[0], etree._Element) else None
