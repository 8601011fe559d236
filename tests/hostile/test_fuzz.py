"""Property-based fuzzing of every decoder entry point (SPEC sections 2 and 7).

Random bytes, random text, token soup and mutations of the published examples
(``tests/vectors``, and the other OMNI documents in ``tests/golden``) go into
``json.decode``, ``xml.decode`` (every document type, lenient and strict),
``xml.validate`` and ``media.decode_body`` (any Content-Type, any charset), under
the default limits and under any :class:`~omni_codec.Limits`, tiny or huge:
nothing but a CodecError may come out. A document that does decode must survive
encode -> decode unchanged.

The number of examples comes from the active hypothesis settings profile.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import omni_codec
from omni_codec import Limits, OmniResponse, OmniSimpleRequest
from omni_codec.media import decode_body

from unknown_values import unknown_paths

from ._support import GOLDEN, VECTORS

try:
    from omni_codec.models import DOCUMENT_TYPES
except ImportError:  # pragma: no cover - older layouts
    DOCUMENT_TYPES = ()
TYPES: tuple[type[Any], ...] = tuple(
    dict.fromkeys((OmniSimpleRequest, OmniResponse, *DOCUMENT_TYPES))
)
VECTOR_BYTES = {
    f"{folder.name}/{p.name}": p.read_bytes()
    for folder in (VECTORS, GOLDEN)
    if folder.is_dir()
    for p in sorted(folder.iterdir())
    if p.suffix in (".json", ".xml")
}

# Warm the caches (XSD, compiled readers) so the first example is not slow.
omni_codec.xml.validate(VECTOR_BYTES["vectors/simple-request.xml"])


def _roundtrip(value: Any, cls: type[Any]) -> None:
    # Strict decoding refuses the unknown values of open enumerations, the first at
    # its path, which the default mode keeps (SPEC section 4).
    unknown = unknown_paths(value)
    # Whatever the JSON decoder accepts, the XML encoder writes (SPEC section 6):
    # an EncodeError here fails the test.
    encoded = omni_codec.xml.encode(value)
    for module, data in ((omni_codec.json, omni_codec.json.encode(value)), (omni_codec.xml, encoded)):
        assert module.decode(data, type=cls, strict=not unknown) == value
        if unknown:
            with pytest.raises(omni_codec.ValidationError) as refused:
                module.decode(data, type=cls, strict=True)
            assert refused.value.path == unknown[0]
    omni_codec.xml.validate(encoded)


def _feed(codec: Any, data: bytes | str, limits: Limits | None = None) -> None:
    """Decode ``data`` with ``codec`` as every type, lenient and strict, and
    round-trip whatever decodes."""
    for cls in TYPES:
        for strict in (False, True):
            try:
                value: Any = codec.decode(data, type=cls, strict=strict, limits=limits)
            except omni_codec.CodecError:
                continue
            _roundtrip(value, cls)


def feed_json(data: bytes | str, limits: Limits | None = None) -> None:
    _feed(omni_codec.json, data, limits)


def feed_xml(data: bytes | str, limits: Limits | None = None) -> None:
    try:
        omni_codec.xml.validate(data, limits=limits)
    except omni_codec.CodecError:
        pass
    _feed(omni_codec.xml, data, limits)


def feed_all(data: bytes | str, limits: Limits | None = None) -> None:
    feed_json(data, limits)
    feed_xml(data, limits)


# -- strategies --------------------------------------------------------------------

# Characters with a bias to the troublesome ones: controls, surrogates, non-characters.
AWKWARD = st.sampled_from(
    ["\x00", "\x01", "\x0b", "\x1f", "\x7f", "\x85", "\ud800", "\udfff", "\ufeff", "\ufffe", "\uffff", "\U0010ffff"]
)
ANY_TEXT = st.lists(st.one_of(st.characters(), AWKWARD)).map("".join)

XML_TOKENS = [
    "<request>", "</request>", "<omniResponse>", "</omniResponse>", "<destinations>",
    "</destinations>", "<destination>", "</destination>", "<messages>", "</messages>",
    "<message>", "</message>", "<to>", "</to>", "<phoneNumber>", "</phoneNumber>",
    "<emailAddress>", "</emailAddress>", "<messageId>", "</messageId>", "<status>",
    "</status>", "<groupId>", "</groupId>", "<groupName>", "</groupName>", "<id>", "</id>",
    "<name>", "</name>", "<description>", "</description>", "<text>", "</text>", "<text/>",
    "<bulkId>", "</bulkId>", "<x>", "</x>", "41793026727", "0", "2147483648", " ", "\n",
    "\r", "&amp;", "&#13;", "&#0;", "&e;", "<![CDATA[", "]]>", "<!--", "-->", "<?pi?>",
    '<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="ISO-8859-1"?>',
    '<?xml version="1.0" encoding="UTF-16"?>', "<!DOCTYPE request>",
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"', ' xsi:nil="true"', ' a="b"',
    "\u00e9", "\ud800", "\x00",
]
JSON_TOKENS = [
    "{", "}", "[", "]", ":", ",", '"destinations"', '"messages"', '"to"', '"phoneNumber"',
    '"emailAddress"', '"messageId"', '"status"', '"groupId"', '"groupName"', '"id"', '"name"',
    '"description"', '"text"', '"bulkId"', '"x"', '"41793026727"', "0", "-1", "2147483648",
    "1e400", "1.5", "null", "true", "false", '"\\u0000"', '"\\ud800"', '"\\ufffe"', '""', " ",
    "\ufeff", "\u00e9", "\ud800",
]
XML_SOUP = st.lists(st.sampled_from(XML_TOKENS), max_size=60).map("".join)
JSON_SOUP = st.lists(st.sampled_from(JSON_TOKENS), max_size=60).map("".join)


@st.composite
def mutated_vector(draw: st.DrawFn) -> bytes:
    """A published example with a few byte-level mutations applied."""
    data = bytearray(VECTOR_BYTES[draw(st.sampled_from(sorted(VECTOR_BYTES)))])
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "duplicate", "replace"]))
        at = draw(st.integers(0, len(data)))
        if kind == "flip" and data:
            i = min(at, len(data) - 1)
            data[i] ^= 1 << draw(st.integers(0, 7))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "truncate":
            del data[at:]
        elif kind == "duplicate":
            end = min(len(data), at + draw(st.integers(1, 128)))
            data[end:end] = data[at:end] * draw(st.integers(1, 3))
        elif kind == "replace" and data:
            i = min(at, len(data) - 1)
            data[i] = draw(st.sampled_from(b"<>&;\"'/:{}[],0\x00\xff\x80\xc3"))
    return bytes(data)


@st.composite
def mutated_vector_text(draw: st.DrawFn) -> str:
    """A published example as text, with token-level insertions."""
    name = draw(st.sampled_from(sorted(VECTOR_BYTES)))
    text = VECTOR_BYTES[name].decode("utf-8")
    tokens = XML_TOKENS if name.endswith(".xml") else JSON_TOKENS
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(tokens)) + text[at:]
    return text


# -- properties --------------------------------------------------------------------


@given(st.binary())
def test_random_bytes(data: bytes) -> None:
    feed_all(data)


@given(ANY_TEXT)
def test_random_text(data: str) -> None:
    feed_all(data)


@given(ANY_TEXT)
def test_random_text_as_utf8_bytes(data: str) -> None:
    feed_all(data.encode("utf-8", "surrogatepass"))


@given(XML_SOUP)
def test_xml_token_soup(data: str) -> None:
    feed_xml(data)
    feed_xml(data.encode("utf-8", "surrogatepass"))


@given(JSON_SOUP)
def test_json_token_soup(data: str) -> None:
    feed_json(data)
    feed_json(data.encode("utf-8", "surrogatepass"))


@given(mutated_vector())
def test_mutated_vectors(data: bytes) -> None:
    feed_all(data)


@given(mutated_vector_text())
def test_mutated_vectors_as_text(data: str) -> None:
    feed_all(data)


@given(mutated_vector(), st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "latin-1"]))
def test_mutated_vectors_reencoded(data: bytes, encoding: str) -> None:
    text = data.decode("utf-8", "replace")
    feed_xml(text.encode(encoding, "replace"))


# -- any limits ------------------------------------------------------------------------

# Every setting in the limits' domain (positive integers): tiny, around the defaults
# and the parser's own bounds, and far beyond anything a document can reach.
LIMIT_VALUES = st.one_of(
    st.integers(1, 8),
    st.integers(9, 5000),
    st.sampled_from([63, 64, 65, 255, 256, 257, 999, 1000, 1001, 2047, 2048, 2049, 4300, 100_000]),
    st.sampled_from([2**31 - 1, 2**31, 2**63, 10**30]),
)
LIMITS = st.builds(Limits, max_bytes=LIMIT_VALUES, max_depth=LIMIT_VALUES, max_list_items=LIMIT_VALUES)
ANY_INPUT = st.one_of(st.binary(), ANY_TEXT, XML_SOUP, JSON_SOUP, mutated_vector(), mutated_vector_text())


@given(ANY_INPUT, LIMITS)
def test_any_input_under_any_limits(data: bytes | str, limits: Limits) -> None:
    feed_all(data, limits)


@given(st.sampled_from(sorted(VECTOR_BYTES)), LIMITS)
def test_valid_documents_under_any_limits(name: str, limits: Limits) -> None:
    """Valid documents reach the deep parts of the decoders; the limits decide."""
    feed_all(VECTOR_BYTES[name], limits)
    feed_all(VECTOR_BYTES[name].decode("utf-8"), limits)


# -- the media layer -----------------------------------------------------------------

MEDIA_TYPES = st.one_of(
    st.sampled_from([
        "application/json", "application/xml", "text/xml", "application/problem+json",
        "application/soap+xml", "Application/XML", "text/plain", "application/octet-stream", "",
    ]),
    st.text(max_size=30),
)
# Python's codec names: text encodings, codecs that are not (bytes to bytes, str to
# str), and ones that raise their own errors.
CHARSETS = st.one_of(
    st.sampled_from([
        "utf-8", "UTF-8", "utf8", "utf-16", "utf-16-le", "utf-32", "latin-1", "iso-8859-1",
        "cp1252", "ascii", "utf-7", "shift_jis", "base64", "rot13", "zlib", "bz2", "hex", "uu",
        "quopri", "idna", "punycode", "undefined", "unicode_escape", "raw_unicode_escape",
        "mbcs", "oem", "x-unknown", "", '"utf-8"', "'utf-8'", "utf-8\x00",
    ]),
    st.text(max_size=20),
)


@st.composite
def content_types(draw: st.DrawFn) -> str | None:
    if draw(st.integers(0, 20)) == 0:
        return None
    kind = draw(MEDIA_TYPES)
    params = draw(st.lists(st.one_of(
        CHARSETS.map(lambda c: f"charset={c}"),
        st.sampled_from(["q=0.5", "boundary=x", "charset", "=", ";"]),
        st.text(max_size=15),
    ), max_size=3))
    return ";".join([kind, *params]) if params else kind


BODIES = st.one_of(
    st.binary(),
    ANY_TEXT,
    mutated_vector(),
    mutated_vector_text(),
    st.sampled_from(sorted(VECTOR_BYTES)).map(VECTOR_BYTES.__getitem__),
    st.tuples(st.sampled_from(sorted(VECTOR_BYTES)), st.sampled_from(["utf-16", "latin-1", "utf-32"])).map(
        lambda p: VECTOR_BYTES[p[0]].decode("utf-8").encode(p[1], "replace")
    ),
)


@given(BODIES, content_types(), st.one_of(st.none(), LIMITS), st.booleans())
def test_media_decode_body_raises_only_codec_errors(
    body: bytes | str, content_type: str | None, limits: Limits | None, strict: bool
) -> None:
    for cls in TYPES:
        try:
            value = decode_body(body, content_type, type=cls, strict=strict, limits=limits)
        except omni_codec.CodecError:
            continue
        _roundtrip(value, cls)
