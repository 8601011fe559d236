"""atheris target: the XML decoder, ``omni_codec.xml.validate`` and both encoders.

Run from the repository root (see ``fuzz/README.md``)::

    python fuzz/fuzz_xml.py -runs=1000000

Every input goes to ``xml.validate`` and to ``xml.decode`` as every OMNI document
type, lenient and strict, as bytes and (when it is UTF-8) as text. Any exception
other than ``omni_codec.CodecError`` is a crash, and so is a decoded value that
does not come back equal from ``encode`` -> ``decode`` (XML and JSON), or whose
XML is not valid against the XSD.
"""

from __future__ import annotations

import atheris

with atheris.instrument_imports():
    import omni_codec
    from omni_codec import CodecError

from _common import argv_with_defaults, document_types, feed

TYPES = document_types()


def _roundtrip(value: object, cls: type) -> None:
    encoded = omni_codec.xml.encode(value)
    again: object = omni_codec.xml.decode(encoded, type=cls, strict=True)
    if again != value:
        raise AssertionError(f"XML round trip changed the value: {value!r} -> {again!r}")
    omni_codec.xml.validate(encoded)  # whatever the encoder writes is valid
    if omni_codec.json.decode(omni_codec.json.encode(value), type=cls, strict=True) != value:
        raise AssertionError(f"JSON round trip changed the value: {value!r}")


def test_one_input(data: bytes) -> None:
    try:
        omni_codec.xml.validate(data)
    except CodecError:
        pass
    feed(omni_codec.xml.decode, data, TYPES, _roundtrip, CodecError)


def main() -> None:
    atheris.Setup(argv_with_defaults("xml", ".xml"), test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
