"""Encoding names from the wire: a Content-Type ``charset`` or an XML declaration.

Python's codec registry holds more than text encodings: ``base64``, ``zlib`` or
``rot13`` are codecs too, and ``bytes.decode`` refuses them with a ``LookupError``
only when there is something to decode. A name off the wire is looked up here, once,
so that callers get a text encoding or a clear answer (SPEC section 2: nothing but
a CodecError escapes).
"""

from __future__ import annotations

import codecs

__all__ = ["text_encoding"]


def text_encoding(name: str) -> str | None:
    """The codec's canonical name if ``name`` is a text encoding Python knows, else None."""
    try:
        canonical = codecs.lookup(name).name
    except (LookupError, ValueError):  # ValueError: a NUL in the name
        return None
    try:
        # A codec that is not a text encoding refuses to decode (even with
        # errors="ignore") with a LookupError; an empty input would not be tried.
        b"\x00".decode(canonical, "ignore")
    except LookupError:
        return None
    except UnicodeError:
        pass  # a text encoding that cannot decode this byte ("idna", "undefined")
    return canonical
