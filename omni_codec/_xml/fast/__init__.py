"""The XML fast paths: code generated per document type for the regular document.

The general reader and writer (:mod:`omni_codec._xml.reader`,
:mod:`omni_codec._xml.writer`) are precise: every error has its path and line.
The fast paths decode and encode the common document several times faster, with
functions generated once per document type from the same wire description, never
written per type, and hand anything else back to the general path (by returning
``None``), which then gives the same result or the precise error. One module per
job:

* :mod:`.wellformed`: what XML 1.0 asks of a document beyond its tags, checked
  directly on the text the reader matches;
* :mod:`.columns`: the values of one field across a list's items, converted and
  checked at once;
* :mod:`.reader`: the generated readers and :func:`~.reader.read`;
* :mod:`.writer`: the generated writers and :func:`~.writer.write`;
* :mod:`.source`: generated code as code (readable names, shared constants,
  source kept in :mod:`linecache` for tracebacks).

The generated source can be printed: ``print(source_of(OmniResponse, "reader"))``.
A hand-back is observable: :data:`misses` counts them per direction, so a test
can assert which path ran. Only :class:`~.source.Miss` (the document or value is
not one the fast path takes) is turned into a hand-back; any other exception in
generated code is a bug, and propagates.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

__all__ = ["misses", "source_of"]

#: How often ``xml.decode`` ("read") and ``xml.encode`` ("write") handed a value
#: to the general path. For tests and diagnostics: not synchronised between threads.
misses: Counter[str] = Counter()


def source_of(cls: type[Any], which: str) -> str:
    """The Python source generated for the document type ``cls``: ``which`` is
    ``"reader"`` (the compact and the whitespace-tolerant readers) or
    ``"writer"``. "" for a type the fast path does not take.

    ``print(source_of(OmniResponse, "reader"))`` shows what ``xml.decode`` runs;
    a traceback through it shows the same lines.
    """
    from . import reader, writer  # (not at import: the encoders' checks import .source)

    if which == "reader":
        return reader.source_of(cls)
    if which == "writer":
        return writer.source_of(cls)
    raise ValueError(f'which must be "reader" or "writer", got {which!r}')
