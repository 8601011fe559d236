"""atheris target: ``media.decode_body`` under any Content-Type, charset and limits.

Run from the repository root (see ``fuzz/README.md``)::

    python fuzz/fuzz_media.py -runs=1000000

An input is one selector byte, a Content-Type header value up to the first newline
(read as Latin-1, as HTTP header bytes are), and the body. The selector picks the
:class:`~omni_codec.Limits` (from tiny to far beyond any document) and whether the
body is given as bytes or as text (UTF-8, else Latin-1). The body goes to
``media.decode_body`` as every OMNI document type, lenient and strict. Any
exception other than ``omni_codec.CodecError`` is a crash, and so is a decoded
value that does not come back equal from ``encode_body`` -> ``decode_body`` in the
format it was read from.
"""

from __future__ import annotations

import atheris

with atheris.instrument_imports():
    import omni_codec
    from omni_codec import CodecError, Limits
    from omni_codec.media import decode_body, format_for

from _common import HERE, SEED_FOLDERS, argv_with_defaults, document_types, strict_again

TYPES = document_types()
LIMITS = (
    None,
    Limits(max_bytes=1, max_depth=1, max_list_items=1),
    Limits(max_bytes=4096, max_depth=4, max_list_items=2),
    Limits(max_depth=1001, max_list_items=10**6),
    Limits(max_bytes=2**63, max_depth=2**31, max_list_items=2**31),
)
SEED_TYPES = {
    ".json": ("application/json", "application/json; charset=utf-16", "application/problem+json; charset=base64"),
    ".xml": ("application/xml", "text/xml; charset=ISO-8859-1", "application/soap+xml; charset=utf-8"),
}


def seed_corpus() -> str:
    """``fuzz/corpus/media``, seeded with the test documents under their media types."""
    corpus = HERE / "corpus" / "media"
    corpus.mkdir(parents=True, exist_ok=True)
    for folder in SEED_FOLDERS:
        for seed in sorted(folder.iterdir()) if folder.is_dir() else ():
            for index, content_type in enumerate(SEED_TYPES.get(seed.suffix, ())):
                target = corpus / f"seed-{folder.name}-{seed.name}-{index}"
                if not target.exists():
                    target.write_bytes(bytes([index]) + content_type.encode() + b"\n" + seed.read_bytes())
    return str(corpus)


def _roundtrip(value: object, cls: type, content_type: str) -> None:
    fmt = format_for(content_type)
    module = omni_codec.json if fmt == "json" else omni_codec.xml
    again: object = module.decode(module.encode(value), type=cls, strict=strict_again(value))
    if again != value:
        raise AssertionError(f"{fmt} round trip changed the value: {value!r} -> {again!r}")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    selector, header, body = data[0], *data[1:].partition(b"\n")[::2]
    content_type: str | None = header.decode("latin-1") if selector % 7 else None
    limits = LIMITS[selector % len(LIMITS)]
    payload: bytes | str = body
    if selector & 0x80:
        try:
            payload = body.decode("utf-8")
        except UnicodeDecodeError:
            payload = body.decode("latin-1")
    for cls in TYPES:
        for strict in (False, True):
            try:
                value = decode_body(payload, content_type, type=cls, strict=strict, limits=limits)
            except CodecError:
                continue
            assert content_type is not None
            _roundtrip(value, cls, content_type)


def main() -> None:
    seed_corpus()  # the directory argv_with_defaults names
    atheris.Setup(argv_with_defaults("media", ".none"), test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
