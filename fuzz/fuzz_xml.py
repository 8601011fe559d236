"""atheris target: the XML decoder, ``omni_codec.xml.validate`` and both encoders.

Run from the repository root (see ``fuzz/README.md``)::

    python fuzz/fuzz_xml.py -runs=1000000

Every input goes to ``xml.validate`` and to ``xml.decode`` as every OMNI document
type, lenient and strict, as bytes and (when it is UTF-8) as text. Any exception
other than ``omni_codec.CodecError`` is a crash, and so is a decoded value that
does not come back equal from ``encode`` -> ``decode`` (XML and JSON), or whose
XML is not valid against the XSD. Whatever the fast reader takes, the general
path (libxml2's parse and the tree walk) must take too, with an equal value; also
when the fast reader reads a list a few items at a time, as it reads long ones.
"""

from __future__ import annotations

import atheris

with atheris.instrument_imports():
    import omni_codec
    from omni_codec import CodecError
    from omni_codec._xml import parser, reader
    from omni_codec._xml.fast import reader as fast_reader
    from omni_codec._xml.fast import wellformed
    from omni_codec.limits import DEFAULT_LIMITS

from _common import argv_with_defaults, document_types, feed, strict_again

TYPES = document_types()


def _roundtrip(value: object, cls: type) -> None:
    encoded = omni_codec.xml.encode(value)
    again: object = omni_codec.xml.decode(encoded, type=cls, strict=strict_again(value))
    if again != value:
        raise AssertionError(f"XML round trip changed the value: {value!r} -> {again!r}")
    omni_codec.xml.validate(encoded)  # whatever the encoder writes is valid
    if omni_codec.json.decode(omni_codec.json.encode(value), type=cls, strict=strict_again(value)) != value:
        raise AssertionError(f"JSON round trip changed the value: {value!r}")


def _fast_read(data: bytes, cls: type, slice_length: int | None) -> object:
    """The fast reader's value; with a ``slice_length``, reading a list longer
    than that a slice at a time (from the bytes), as it reads long documents,
    and UTF-16 transcoded a few bytes at a time."""
    if slice_length is None:
        return fast_reader.read(data, cls, DEFAULT_LIMITS)
    every, transcoded = fast_reader._SLICE, wellformed._TRANSCODED_TOGETHER
    fast_reader._SLICE, wellformed._TRANSCODED_TOGETHER = slice_length, 6
    try:
        return fast_reader.read(data, cls, DEFAULT_LIMITS)
    finally:
        fast_reader._SLICE, wellformed._TRANSCODED_TOGETHER = every, transcoded


def _fast_path_agrees(data: bytes, cls: type) -> None:
    for slice_length in (None, 16):
        fast = _fast_read(data, cls, slice_length)
        if fast is None:
            continue  # handed back: the general path decides, as the decoder shows
        try:
            general = reader.read(parser.parse(data, DEFAULT_LIMITS), cls, strict=False, limits=DEFAULT_LIMITS)
        except CodecError as exc:
            raise AssertionError(f"the fast reader took a document the general path refuses: {exc}") from None
        if general != fast:
            raise AssertionError(f"fast and general paths differ: {fast!r} != {general!r}")


def test_one_input(data: bytes) -> None:
    try:
        omni_codec.xml.validate(data)
    except CodecError:
        pass
    for cls in TYPES:
        _fast_path_agrees(data, cls)
    feed(omni_codec.xml.decode, data, TYPES, _roundtrip, CodecError)


def main() -> None:
    atheris.Setup(argv_with_defaults("xml", ".xml"), test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
