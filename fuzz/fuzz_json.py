"""atheris target: the JSON decoder and both encoders.

Run from the repository root (see ``fuzz/README.md``)::

    python fuzz/fuzz_json.py -runs=1000000

Every input goes to ``json.decode`` as every OMNI document type, lenient and
strict, as bytes and (when it is UTF-8) as text. Any exception other than
``omni_codec.CodecError`` is a crash, and so is a decoded value that does not come
back equal from ``encode`` -> ``decode`` in JSON and in XML, or whose XML is not
valid against the XSD.
"""

from __future__ import annotations

import atheris

with atheris.instrument_imports():
    import omni_codec
    from omni_codec import CodecError

from _common import argv_with_defaults, document_types, feed, strict_again

TYPES = document_types()


def _roundtrip(value: object, cls: type) -> None:
    again: object = omni_codec.json.decode(omni_codec.json.encode(value), type=cls, strict=strict_again(value))
    if again != value:
        raise AssertionError(f"JSON round trip changed the value: {value!r} -> {again!r}")
    try:
        encoded = omni_codec.xml.encode(value)
    except omni_codec.EncodeError as exc:
        # Whatever the JSON decoder accepts, the XML encoder must write (SPEC
        # section 6): JSON refuses the characters XML 1.0 cannot carry.
        raise AssertionError(f"JSON accepted a value XML cannot encode: {exc}") from None
    if omni_codec.xml.decode(encoded, type=cls, strict=strict_again(value)) != value:
        raise AssertionError(f"JSON -> XML -> value changed the value: {value!r}")
    omni_codec.xml.validate(encoded)


def test_one_input(data: bytes) -> None:
    feed(omni_codec.json.decode, data, TYPES, _roundtrip, CodecError)


def main() -> None:
    atheris.Setup(argv_with_defaults("json", ".json"), test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
