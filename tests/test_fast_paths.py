"""The XML fast paths are the general paths, faster.

``omni_codec._xml.fast``'s reader and writer handle the regular document
with code generated per type and hand everything else back (``None``) to the
general reader and writer. Their one promise: whenever they give a result, it is
the general path's result, to the type, the byte, the decimal digit and the
offset. These tests hold them to it:

* properties over every document type and a model with every kind of value:
  what the fast path writes is what the general writer writes, what it reads is
  what the general reader reads, for regular documents (where the fast path must
  also *apply*), pretty-printed ones, mutated ones and arbitrary input;
* a table of irregular inputs and values, each of which the fast path must hand
  back, so that the caller gives the general path's result or error (same class,
  message, path and line).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import traceback
from unittest import mock
from decimal import Decimal
from collections.abc import Iterator
from typing import Annotated, Any, ClassVar

import msgspec
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree

from omni_codec import (
    CodecError,
    DecodeError,
    Destination,
    EncodeError,
    OmniResponse,
    OmniResponseDetails,
    OmniSimpleRequest,
    Status,
    To,
    ValidationError,
    xml,
)
from omni_codec._binding import Kind, StructShape, ValueShape, document_of, published_document_of
from omni_codec._scalars import OmniDateTime, parse_int
from omni_codec._xml import chars, fast, parser, reader, writer
from omni_codec._xml.chars import is_char
from omni_codec._xml.fast import columns, wellformed
from omni_codec._xml.fast import reader as fast_reader
from omni_codec._xml.fast import writer as fast_writer
from omni_codec.limits import DEFAULT_LIMITS, Limits
from omni_codec.models import DOCUMENT_TYPES, Int32, OmniStruct, OpenEnum, PhoneNumber, xml_item
from omni_codec.strategies import from_type
from test_xml_dialects import under_second_root

# --- Models beyond the document types -----------------------------------------------
#
# Every kind of value, optional Structs holding lists, lists inside list items and
# constraints of every sort msgspec checks: the generators must handle them all
# the way the general paths do, whatever OMNI models exist yet.


class Colour(OpenEnum):
    RED = "RED"
    GREEN = "GREEN"


class Leg(OmniStruct, kw_only=True):
    at: OmniDateTime
    colour: Colour | None = None


class Stop(OmniStruct, kw_only=True):
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=8)]
    flow: Annotated[list[Leg], xml_item("step")] | None = None  # a list inside a list item


class Extra(OmniStruct, kw_only=True):
    note: str | None = None
    results: Annotated[list[Stop], xml_item("result")] | None = None  # a list inside an optional Struct


class KindsDocument(OmniStruct, kw_only=True):
    __xml_root__: ClassVar[str] = "kindsDocument"

    text: str | None = None
    phone_number: PhoneNumber | None = None
    count: Int32 | None = None
    step: Annotated[int, msgspec.Meta(gt=-10, lt=1000, multiple_of=5)] | None = None
    enabled: bool | None = None
    price: Decimal | None = None
    sent_at: OmniDateTime | None = None
    channel: Colour | None = None
    extra: Extra | None = None
    results: Annotated[list[Stop], xml_item("result")]
    custom_payload: dict[str, Any] | None = None
    scenarios: Annotated[list[Stop], msgspec.Meta(max_length=3), xml_item("scenario")] | None = None


TYPES = [*DOCUMENT_TYPES, KindsDocument]
TYPE_IDS = [cls.__name__ for cls in TYPES]


# --- The two paths, and what each gives ---------------------------------------------


def general_decode(data: Any, cls: type, *, strict: bool = False, limits: Limits = DEFAULT_LIMITS) -> Any:
    """``xml.Decoder.decode`` without the fast path."""
    try:
        root = parser.parse(data, limits)
        return reader.read(root, cls, strict=strict, limits=limits)
    except CodecError:
        raise
    except RecursionError:
        raise DecodeError(f"Nesting exceeds the limit max_depth={limits.max_depth}") from None


def fast_decode(data: Any, cls: type, *, strict: bool = False, limits: Limits = DEFAULT_LIMITS) -> Any:
    """The fast path, then the general path if it hands the document back."""
    value = fast_reader.read(data, cls, limits, strict=strict)
    if value is not None:
        return value
    return general_decode(data, cls, strict=strict, limits=limits)


def general_encode(value: Any, *, pretty: bool = False, declaration: bool = False) -> bytes:
    """``xml.Encoder.encode`` without the fast path."""
    try:
        return writer.write(value, pretty=pretty, declaration=declaration)
    except CodecError:
        raise
    except (TypeError, ValueError, RecursionError) as exc:
        raise EncodeError(f"Cannot encode as XML: {exc}") from None


def fast_encode(value: Any, *, pretty: bool = False, declaration: bool = False) -> bytes:
    data = fast_writer.write(value, pretty=pretty, declaration=declaration)
    if data is not None:
        return data
    return general_encode(value, pretty=pretty, declaration=declaration)


def outcome(call: Any, *args: Any, **kwargs: Any) -> tuple[Any, ...]:
    """What a call gives: its value, or its error's class, message, path and line."""
    try:
        return ("value", call(*args, **kwargs))
    except Exception as exc:  # noqa: BLE001 (any difference is a failure)
        return ("error", type(exc), str(exc), getattr(exc, "path", None), getattr(exc, "line", None))


def assert_same(actual: Any, expected: Any, path: str = "$") -> None:
    """Equal, and of the same types, decimal digits and offsets all the way down."""
    assert type(actual) is type(expected), f"{path}: {type(actual)} is not {type(expected)}"
    assert actual == expected, f"{path}: {actual!r} != {expected!r}"
    if isinstance(expected, msgspec.Struct):
        for name in expected.__struct_fields__:
            assert_same(getattr(actual, name), getattr(expected, name), f"{path}.{name}")
    elif isinstance(expected, (list, tuple)):
        for index, (a, e) in enumerate(zip(actual, expected)):
            assert_same(a, e, f"{path}[{index}]")
    elif isinstance(expected, dict):
        assert list(actual) == list(expected), f"{path}: key order"
        for key in expected:
            assert_same(actual[key], expected[key], f"{path}[{key!r}]")
    elif isinstance(expected, Decimal):
        assert actual.as_tuple() == expected.as_tuple(), f"{path}: {actual!r} is not {expected!r}"
    elif isinstance(expected, dt.datetime):
        assert actual.utcoffset() == expected.utcoffset(), f"{path}: offset of {actual!r}"
    elif isinstance(expected, float):
        assert repr(actual) == repr(expected), f"{path}: {actual!r} is not {expected!r}"


def assert_same_outcome(fast: tuple[Any, ...], general: tuple[Any, ...]) -> None:
    assert fast[0] == general[0], (fast, general)
    if fast[0] == "value":
        assert_same(fast[1], general[1])
    else:
        assert fast == general


def uses_json(value: Any) -> bool:
    """Whether a value holds a free-form JSON field or a polymorphic value (which
    the fast reader leaves alone)."""
    if isinstance(value, msgspec.Struct) and value.__struct_config__.tag is not None:
        return True
    if isinstance(value, msgspec.Struct):
        for name in value.__struct_fields__:
            field = getattr(value, name)
            if isinstance(field, dict) or uses_json(field):
                return True
    if isinstance(value, list):
        return any(map(uses_json, value))
    return False


# --- Regular documents: the fast paths apply and agree -------------------------------


@pytest.mark.parametrize("cls", TYPES, ids=TYPE_IDS)
@given(data=st.data())
def test_fast_writer_writes_the_general_writers_bytes(cls: type, data: st.DataObject) -> None:
    value = data.draw(from_type(cls, edge_cases=data.draw(st.booleans(), label="edge")))
    for pretty in (False, True):
        for declaration in (False, True):
            fast = fast_writer.write(value, pretty=pretty, declaration=declaration)
            assert fast is not None, "a writable value must take the fast path"
            assert fast == writer.write(value, pretty=pretty, declaration=declaration)


@pytest.mark.parametrize("cls", TYPES, ids=TYPE_IDS)
@given(data=st.data())
def test_items_encoded_in_slices_make_the_general_writers_bytes(cls: type, data: st.DataObject) -> None:
    """The items of a list are encoded some at a time; where the slices end
    (inside a run of characters of any width) changes no byte."""
    value = data.draw(from_type(cls, edge_cases=data.draw(st.booleans(), label="edge")))
    every = fast_writer._ITEMS_ENCODED_TOGETHER
    try:
        fast_writer._ITEMS_ENCODED_TOGETHER = data.draw(st.integers(1, 3), label="slice")
        fast = fast_writer.write(value)
    finally:
        fast_writer._ITEMS_ENCODED_TOGETHER = every
    assert fast == writer.write(value)


@contextlib.contextmanager
def slices_of(size: int) -> Iterator[None]:
    """The fast readers reading every list longer than ``size`` characters a
    slice at a time, as they read long documents."""
    every = fast_reader._SLICE
    fast_reader._SLICE = size
    try:
        yield
    finally:
        fast_reader._SLICE = every


@pytest.mark.parametrize("cls", TYPES, ids=TYPE_IDS)
@given(data=st.data())
def test_fast_reader_reads_what_the_general_reader_reads(cls: type, data: st.DataObject) -> None:
    """Also when a long document's items are cut a slice at a time: wherever the
    slices end, and whatever the shape, the value is the general path's."""
    value = data.draw(from_type(cls, edge_cases=data.draw(st.booleans(), label="edge")))
    document = writer.write(value)
    size = data.draw(st.sampled_from([None, 1, 2, 40, 300, 1000]), label="slice")
    with contextlib.nullcontext() if size is None else slices_of(size):
        for form in (document, document.decode("utf-8")):
            fast = fast_reader.read(form, cls, DEFAULT_LIMITS)
            if not uses_json(value):
                assert fast is not None, "a regular document must take the fast path"
            if fast is not None:
                assert_same(fast, general_decode(form, cls))
        for variant in (
            writer.write(value, pretty=True, declaration=True),
            document.replace(b"\n", b"\r\n"),
            writer.write(value, pretty=True).replace(b"\n", b"\r\n"),
            b'<?xml version="1.0" encoding="utf-8"?>\n' + document,
            # (some items irregular: reordered, with an unknown element...)
            data.draw(shaped_documents(cls), label="shaped")[1],
        ):
            for strict in (False, True):
                assert_same_outcome(
                    outcome(fast_decode, variant, cls, strict=strict),
                    outcome(general_decode, variant, cls, strict=strict),
                )


_MESSAGE = (
    "<message><to><phoneNumber>4930{0}</phoneNumber></to><status><groupId>1</groupId>"
    "<groupName>PENDING</groupName><id>7</id><name>PENDING_ENROUTE</name>"
    "<description>Message sent</description></status><messageId>m{0}</messageId></message>"
)


@pytest.mark.parametrize("irregular", [0, 3, 6])
@pytest.mark.parametrize("change", [
    ("<messageId>", "<fax>1</fax><messageId>"),  # an unknown element (default mode)
    ("<to><phoneNumber>", "<to >\n<phoneNumber>"),  # space in a tag
    ("</description></status>", "</description></status><to/>"),  # an element twice
    ("<groupId>1</groupId>", "<groupId>x</groupId>"),  # a value the reader refuses
])
def test_an_irregular_item_anywhere_in_any_slice_is_not_lost(irregular: int, change: tuple[str, str]) -> None:
    """Whatever items a slice holds, an item its pattern does not take hands the
    document on: it is never cut off with the end of a slice."""
    items = [_MESSAGE.format(index) for index in range(7)]
    items[irregular] = items[irregular].replace(*change)
    document = f"<omniResponse><bulkId>b</bulkId><messages>{''.join(items)}</messages></omniResponse>"
    expected = outcome(general_decode, document.encode(), OmniResponse)
    for size in range(1, len(document), 37):
        with slices_of(size):
            assert_same_outcome(outcome(fast_decode, document.encode(), OmniResponse), expected)


@pytest.mark.parametrize("change", [
    ("<messageId>", "<fax>1</fax><messageId>"),  # an unknown element (default mode)
    ("<to><phoneNumber>", '<to><emailAddress i:nil="true"/><phoneNumber>'),  # xsi:nil
    ("<groupId>1</groupId>", ""),  # a required element missing
])
@pytest.mark.parametrize("layout", ["compact", "indented"])
def test_the_order_tolerant_reader_reads_a_slice_at_a_time_too(change: tuple[str, str], layout: str) -> None:
    """Items the order-tolerant reader takes, in any slices: read by it, as the
    general path reads them (or, for what it does not take, handed on)."""
    items = [_MESSAGE.format(index).replace(*change) if index % 2 else _MESSAGE.format(index) for index in range(7)]
    items[2] = items[2].replace("<to>", "<messageId>m2</messageId><to>").replace("<messageId>m2</messageId></message>", "</message>")
    root = f'<omniResponse xmlns:i="{XSI_BYTES.decode()}">'
    document = f"{root}<bulkId>b</bulkId><messages>{''.join(items)}</messages></omniResponse>".encode()
    if layout == "indented":
        document = _indented(document)
    expected = outcome(general_decode, document, OmniResponse)
    takes = fast_reader.read(document, OmniResponse, DEFAULT_LIMITS) is not None
    for size in range(1, len(document), 37):
        with slices_of(size):
            assert (fast_reader.read(document, OmniResponse, DEFAULT_LIMITS) is not None) is takes
            assert_same_outcome(outcome(fast_decode, document, OmniResponse), expected)


@pytest.mark.parametrize("irregular", [0, 3, 6])
@pytest.mark.parametrize("change", [
    ("<groupId>1</groupId>", ""),  # a required element missing
    ("</messages>", "</messages></messages><messages>"),  # the list ended early
    ("<messageId>", "<messages></messages><messageId>"),  # an element named like the items
    ("<groupId>1</groupId>", "<groupId>x</groupId>"),  # a value the reader refuses
])
def test_an_irregular_item_of_the_second_dialect_in_any_slice_is_not_lost(
    irregular: int, change: tuple[str, str]
) -> None:
    """The second dialect names its items like their list: the list's end tag
    follows the last item's, and either may end a slice. Whatever the slices, an
    item its pattern does not take hands the document on."""
    items = [_MESSAGE.format(index).replace("message>", "messages>") for index in range(7)]
    regular = f"<OmniResponse><bulkId>b</bulkId><messages>{''.join(items)}</messages></OmniResponse>"
    with slices_of(37):  # (the regular document, read a slice at a time)
        assert fast_reader.read(regular.encode(), OmniResponse, DEFAULT_LIMITS) is not None
        assert fast_reader.read(regular, OmniResponse, DEFAULT_LIMITS) is not None
    items[irregular] = items[irregular].replace(*change)
    document = f"<OmniResponse><bulkId>b</bulkId><messages>{''.join(items)}</messages></OmniResponse>"
    expected = outcome(general_decode, document.encode(), OmniResponse)
    for size in range(1, len(document), 37):
        with slices_of(size):
            for form in (document.encode(), document):
                assert_same_outcome(outcome(fast_decode, form, OmniResponse), expected)


# Where an unknown element may stand in an item of ``_MESSAGE`` (before these),
# and names for it, some of which start known names.
_UNKNOWN_PLACES = ["<phoneNumber>", "</to>", "<groupId>", "<name>", "</status>", "<messageId>", "</message>"]
_UNKNOWN_NAMES = ["fax", "group", "phone", "messageI", "id2", "x.y-z", "_n"]
# Elements that come twice: one of the item's, doubled (a leaf, a Struct), or
# two put before an end tag (an optional element, written or ``xsi:nil``).
_TWICE = [
    ("<id>7</id>", None), ("<groupId>1</groupId>", None), ("<phoneNumber>4930{0}</phoneNumber>", None),
    ("<messageId>m{0}</messageId>", None), ("<to><phoneNumber>4930{0}</phoneNumber></to>", None),
    ("<action>a</action><action>a</action>", "</status>"),
    ('<emailAddress>e</emailAddress><emailAddress i:nil="true"/>', "</to>"),
    ('<emailAddress i:nil="true"/><emailAddress i:nil="1"/>', "</to>"),
]


@given(
    unknown=st.lists(
        st.tuples(
            st.integers(0, 39), st.sampled_from(_UNKNOWN_PLACES), st.sampled_from(_UNKNOWN_NAMES),
            st.sampled_from(["<{0}/>", "<{0}></{0}>", "<{0}>1</{0}>"]),
        ),
        max_size=12,
    ),
    twice=st.lists(st.tuples(st.integers(0, 39), st.sampled_from(_TWICE)), max_size=3),
    size=st.sampled_from([500, 10**9]),
)
@example(  # an element twice among unknown ones, in a later item
    unknown=[(30, "</to>", "fax", "<{0}/>"), (30, "</to>", "phone", "<{0}>1</{0}>")],
    twice=[(30, ("<to><phoneNumber>4930{0}</phoneNumber></to>", None))], size=10**9,
)
def test_an_element_that_came_twice_is_handed_back_among_unknown_ones(
    unknown: list[tuple[int, str, str, str]], twice: list[tuple[int, tuple[str, str | None]]], size: int
) -> None:
    """The order-tolerant reader takes each child of an item at most once, and
    any unknown leaf: a document with unknown elements it reads, as the general
    path reads it; one with an element that came twice it hands on."""
    items = [_MESSAGE.format(index) for index in range(40)]
    for index, (element, before) in twice:
        element = element.format(index)
        if before is None:
            items[index] = items[index].replace(element, element * 2, 1)
        else:
            items[index] = items[index].replace(before, element + before, 1)
    for index, place, name, form in unknown:
        element = form.format(name)
        items[index] = items[index].replace(place, element + place, 1)
    root = f'<omniResponse xmlns:i="{XSI_BYTES.decode()}">'
    document = f"{root}<bulkId>b</bulkId><messages>{''.join(items)}</messages></omniResponse>".encode()
    with slices_of(size):
        taken = fast_reader.read(document, OmniResponse, DEFAULT_LIMITS)
        assert (taken is None) is bool(twice)
        for strict in (False, True):
            assert_same_outcome(
                outcome(fast_decode, document, OmniResponse, strict=strict),
                outcome(general_decode, document, OmniResponse, strict=strict),
            )


def _long_response(items: int = 7) -> bytes:
    messages = "".join(_MESSAGE.format(index) for index in range(items))
    return f"<omniResponse><bulkId>b</bulkId><messages>{messages}</messages></omniResponse>".encode()


@pytest.mark.parametrize("change", [
    (b"<omniResponse>", b'<omniResponse a="1">'),  # an unknown attribute (refused when strict)
    (b"<omniResponse>", b'<omniResponse xmlns:i="http://www.w3.org/2001/XMLSchema-instance">'),
    (b"<omniResponse>", b'<omniResponse a=">">'),
    (b"<omniResponse>", b"<!DOCTYPE omniResponse><omniResponse>"),
    (b"</omniResponse>", b"</omniResponse><x/>"),  # after the root
    (b"</omniResponse>", b"</omniResponse>x"),
    (b"</omniResponse>", b"</omniResponse><!--c-->"),
    (b"</omniResponse>", b"</omniResponse>\r\n"),
    (b"<bulkId>b", b"<bulkId>b\xff"),  # not UTF-8: before the items, in them, after them
    (b"<messageId>m3", b"<messageId>m3\xc3"),
    (b"<messageId>m6", b"<messageId>m6\xe2\x82"),
    (b"</omniResponse>", b"</omniResponse>\x80"),
    (b"<bulkId>b", "<bulkId>\u0431\U0001f600".encode()),  # beyond Latin-1 before the items
    (b"</message><message>", b"</message>\r\n  <message>"),  # line ends between items
    (b"</message><message>", b"</message>\r<message>"),
    (b"Message sent", b"Message\r\nsent\r"),  # and in texts
    (b"</message><message>", b"</message><!--c--><message>"),
    (b"Message sent", b"Message]]>sent"),
    # Comments, PIs and CDATA sections: taken out of the bytes, where they may be.
    (b"</message><message>", b"</message><?audit pass?><message>"),
    (b"<messageId>m6", b"<!-- c --><messageId>m6"),  # (not in the first slice)
    # Bytes that are not UTF-8 in what is taken out: no text of it is decoded.
    (b"</message><message>", b"</message><!-- \xff\xfe --><message>"),
    (b"</message><message>", b"</message><?audit \xc3?><message>"),
    (b"<omniResponse>", b"<?xmm \xff\xfe?><omniResponse>"),  # (found by fuzzing)
    (b"</message><message>", "</message><!-- \u0431 -->".encode() + b"<!-- \xed\xa0\x80 --><message>"),  # a surrogate
    (b"Message sent", b"<![CDATA[Message <&> sent]]>"),
    (b"Message sent", b"Message<!--c-->sent"),
    (b"Message sent", b"<![CDATA[Message]]]]><![CDATA[>sent]]>"),
    (b"Message sent", b"<![CDATA[ ]]>"),
    (b"<bulkId>b", b"<!--c--><bulkId>b<![CDATA[]]>"),
    (b"<omniResponse>", b"<!--c--><omniResponse>"),
    (b"</omniResponse>", b"</omniResponse><![CDATA[ ]]>"),
    (b"<omniResponse>", b'<omniResponse a="x><!--c-->"><![CDATA[b]]>'),  # inside a value
    (b"<omniResponse>", b'<omniResponse xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
                        b' i:noNamespaceSchemaLocation="x><?pi ?>"><!--c-->'),
    (b"<to><phoneNumber>", b'<to><emailAddress xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:nil="true"/><phoneNumber>'),
    (b"</messages>", b"</messages><messages></messages>"),
    (b"</message></messages>", b"</message><message></message></messages>"),
    # Items the order-tolerant reader takes, or hands back (an element twice).
    (b"<groupId>1</groupId><groupName>PENDING</groupName>", b"<groupName>PENDING</groupName><groupId>1</groupId>"),
    (b"<messageId>m6", b"<fax>1</fax><messageId>m6"),
    (b"<messageId>m6", b"<fax>1\r\n</fax>\r\n<messageId>m6"),
    (b"<messageId>m6", b"<messageId>m6</messageId><messageId>m6"),
    (b"<messageId>m6", b"<messageId>m6</messageId><!--c--><messageId>m6"),
])
def test_a_long_document_read_from_its_bytes_is_read_as_its_text(change: tuple[bytes, bytes]) -> None:
    """A long UTF-8 document's items are read from its bytes, a slice at a time:
    what lies before, between and after them, and bytes that are not UTF-8 or
    line ends anywhere, give what the general path gives."""
    document = _long_response()
    for count in (1, -1):  # (the first occurrence, or every one)
        changed = document.replace(*change, count)
        for strict in (False, True):
            expected = outcome(general_decode, changed, OmniResponse, strict=strict)
            for size in [*range(1, len(changed), 41), 10**9]:
                with slices_of(size):
                    assert_same_outcome(outcome(fast_decode, changed, OmniResponse, strict=strict), expected)


@pytest.mark.parametrize("root", [
    '<omniResponse xmlns:i="XSI">',
    '<omniResponse\r\n xmlns:i="XSI">',
    '<omniResponse xmlns:i="urn:other">',  # an unknown attribute, not xsi:nil
    '<omniResponse>',  # an undeclared prefix
    f'<omniResponse xmlns:p="urn:{"x" * 5000}" xmlns:i="XSI">',  # a start tag beyond the first bytes
])
@pytest.mark.parametrize("nil", ['<emailAddress i:nil="true"/>', '<action i:nil="1" />'])
def test_xsi_nil_in_a_long_document_is_read_from_its_bytes_as_from_its_text(root: str, nil: str) -> None:
    """The order-tolerant reader reads a long document with xsi:nil from its
    bytes when its root's start tag, in the first bytes, binds the prefix."""
    items = [_MESSAGE.format(index) for index in range(12)]
    items[7] = items[7].replace("</to>", f"{nil}</to>") if "email" in nil else items[7].replace("</status>", f"{nil}</status>")
    messages = "".join(items)
    document = f"{root.replace('XSI', XSI_BYTES.decode())}<bulkId>b</bulkId><messages>{messages}</messages></omniResponse>".encode()
    for strict in (False, True):
        expected = outcome(general_decode, document, OmniResponse, strict=strict)
        for size in [*range(100, len(document), 397), 10**9]:
            with slices_of(size):
                assert_same_outcome(outcome(fast_decode, document, OmniResponse, strict=strict), expected)
    with slices_of(500):
        taken = fast_reader.read(document, OmniResponse, DEFAULT_LIMITS)
    assert (taken is not None) is ("XSI" in root)


# Comments, PIs, CDATA sections and pieces of them, and what may stand next to them.
_MARKUP_PIECES = ["<!-- c -->", "<?pi x?>", "<![CDATA[a&b<c>]]>", "<![CDATA[ ]]>", "<![CDATA[]]>",
                  "]]>", "<!--", "-->", "<?xml?>", "<![CDATA[", "?>", ">", "<", "&amp;", "&",
                  "\n", " ", "\u00e9", "\U0001f600", '"']


@given(
    insertions=st.lists(
        st.tuples(st.integers(min_value=0), st.sampled_from(_MARKUP_PIECES)), min_size=1, max_size=4
    ),
    location=st.lists(st.sampled_from(_MARKUP_PIECES), max_size=3).map("".join),
    size=st.sampled_from([16, 100, 10**9]),
)
@example(insertions=[(0, "")], location="x><!-- c -->", size=16)
def test_markup_anywhere_in_a_long_document_is_read_as_the_general_path_reads_it(
    insertions: list[tuple[int, str]], location: str, size: int
) -> None:
    """Comments, PIs and CDATA put anywhere in a long document, a root attribute
    value included, are read as the general path reads them, from the bytes a
    slice at a time or from the text."""
    document = _long_response(9).decode()
    for position, piece in insertions:
        position %= len(document) + 1
        document = document[:position] + piece + document[position:]
    root = f'<omniResponse xmlns:i="{XSI_BYTES.decode()}" i:noNamespaceSchemaLocation="{location}">'
    data = document.replace("<omniResponse>", root, 1).encode()
    with slices_of(size):
        for strict in (False, True):
            assert_same_outcome(
                outcome(fast_decode, data, OmniResponse, strict=strict),
                outcome(general_decode, data, OmniResponse, strict=strict),
            )


# Texts of leaves written as CDATA sections, and of comments and PIs put among
# elements: what they hold as it stands, and what would end, fake one, or end a
# list item where a slice may end.
_SECTION_TEXTS = ["Message sent", "a&b", "&amp;", "<b>x</b>", "]", "]]", "]]]", "]>", "x\r\ny",
                  "</message><message>", "<![CDATA[", "\u00e9\U0001f600", " 7 ", "7", "", "MESSAGE_ACCEPTED"]
_COMMENT_TEXTS = ["", " c ", "-x", "<message>", "</message><message>", "<!- ", "]]>", "?>", "\u00e9\U0001f600"]
_PI_TEXTS = ["", "pass", "<message>", "</message><message>", "--", "-->", "]]>", "?", "\u00e9\U0001f600"]


@given(
    leaves=st.lists(
        st.tuples(st.integers(min_value=0), st.sampled_from(_SECTION_TEXTS), st.booleans()), max_size=12
    ),
    misc=st.lists(
        st.tuples(
            st.integers(min_value=0), st.integers(min_value=0),
            st.one_of(
                st.sampled_from(_COMMENT_TEXTS).map(lambda text: etree.Comment(text)),
                st.sampled_from(_PI_TEXTS).map(lambda text: etree.ProcessingInstruction("audit", text)),
            ),
        ),
        max_size=6,
    ),
    spaced=st.booleans(),
    size=st.sampled_from([100, 500, 10**9]),
)
def test_markup_where_it_stands_is_read_as_the_general_path_reads_it(
    leaves: list[tuple[int, str, bool]], misc: list[tuple[int, int, Any]], spaced: bool, size: int
) -> None:
    """Any leaf of a long document, a text or an int, as a CDATA section or as
    text, holding anything, and comments and PIs among any element's children
    (a leaf's too): read as the general path reads them, from the bytes a
    slice at a time or from the text."""
    root = etree.fromstring(_long_response(9))
    elements = list(root.iter())
    leaf_elements = [element for element in elements if len(element) == 0]
    for index, text, as_section in leaves:
        leaf_elements[index % len(leaf_elements)].text = etree.CDATA(text) if as_section else text
    if spaced:
        etree.indent(root)
    for index, position, node in misc:
        parent = elements[index % len(elements)]
        parent.insert(position % (len(parent) + 1), node)
    document = etree.tostring(root)
    with slices_of(size):
        for strict in (False, True):
            assert_same_outcome(
                outcome(fast_decode, document, OmniResponse, strict=strict),
                outcome(general_decode, document, OmniResponse, strict=strict),
            )


@pytest.mark.parametrize("markup", ["sections", "comments and PIs", "both"])
@pytest.mark.parametrize("spaced", [False, True])
@pytest.mark.parametrize("size", [500, 10**9])
def test_markup_where_it_stands_is_read_so(markup: str, spaced: bool, size: int) -> None:
    """A document whose every leaf is a CDATA section, as some producers write
    them, or with comments and PIs among the elements of every item, as audit
    tools add them, is read without taking them out first; a section's content
    as it stands (a reference in one is its characters)."""
    root = etree.fromstring(_long_response(40).replace(b"Message sent", b"a &amp;lt; b"))
    for element in list(root.iter()):
        if markup != "comments and PIs" and len(element) == 0:
            element.text = etree.CDATA(element.text)
        if markup != "sections" and element.tag in ("message", "status"):
            element.insert(0, etree.Comment(" checked "))
            element.append(etree.ProcessingInstruction("audit", "pass"))
    if spaced:
        etree.indent(root)
    document = etree.tostring(root)
    taken_out = mock.patch.object(wellformed, "without_markup", side_effect=AssertionError("markup taken out"))
    with slices_of(size), taken_out:
        taken = fast_reader.read(document, OmniResponse, DEFAULT_LIMITS)
    assert taken is not None
    assert_same(taken, general_decode(document, OmniResponse))
    assert taken.messages[0].status.description == "a &lt; b"


@pytest.mark.parametrize(("place", "markup"), [
    ("<to>", "<!-- <![CDATA[ -->"),  # (what starts a section, in a comment)
    ("<to>", "<?pi <![CDATA[?>"),
    ("Message sent", "<![CDATA[x]]>"),
])
def test_a_cdata_end_outside_a_section_is_refused_wherever_the_first_section_stands(place: str, markup: str) -> None:
    """A "]]>" in a text, among comments, with the document's first CDATA
    section (or what starts one) far after it: not well-formed, whichever
    readers read it."""
    items = [_MESSAGE.format(index) for index in range(40)]
    items[1] = items[1].replace("Message sent", "a]]>b").replace("<to>", "<to><!-- c -->")
    items[30] = items[30].replace(place, markup + (place if place == "<to>" else ""))
    document = f"<omniResponse><bulkId>b</bulkId><messages>{''.join(items)}</messages></omniResponse>".encode()
    for size in (500, 10**9):
        with slices_of(size):
            assert fast_reader.read(document, OmniResponse, DEFAULT_LIMITS) is None
            for strict in (False, True):
                assert_same_outcome(
                    outcome(fast_decode, document, OmniResponse, strict=strict),
                    outcome(general_decode, document, OmniResponse, strict=strict),
                )


def test_a_long_document_in_another_encoding_is_read_as_the_general_path_reads_it() -> None:
    document = _long_response(50).replace(b"<bulkId>b", "<bulkId>b\u00e9\u0431".encode())
    expected = general_decode(document, OmniResponse)
    text = document.decode("utf-8")
    with slices_of(300):
        for form in (
            '<?xml version="1.0" encoding="UTF-16"?>'.encode("utf-16") + text.encode("utf-16")[2:],
            b'<?xml version="1.0" encoding="ISO-8859-1"?>' + text.replace("\u0431", "&#1073;").encode("latin-1"),
        ):
            assert_same(fast_reader.read(form, OmniResponse, DEFAULT_LIMITS), expected)


@pytest.mark.parametrize("step", [2, 4, 6, 10, 1 << 18])
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_is_read_a_slice_at_a_time_whatever_a_slice_cuts(
    step: int, encoding: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document in UTF-16 is decoded a slice at a time: wherever a slice ends
    (inside a character beyond U+FFFF, its surrogate pair; inside a code
    unit), it reads as the document does, and a lone surrogate or a last odd
    byte is the general path's to report."""
    monkeypatch.setattr(wellformed, "_TRANSCODED_TOGETHER", step)
    text = _response(description="\U0001f600a\u0431\U0001f601\u00e9\U0001f602" * 3).decode()
    body = '<?xml version="1.0" encoding="UTF-16"?>\n' + text
    document = body.encode(encoding)
    if encoding == "utf-16-be":
        document = b"\xfe\xff" + document
    expected = general_decode(document, OmniResponse)
    assert wellformed.utf16_as_utf8(document) == b'<?xml version="1.0"?>\n' + text.encode()
    assert_same(fast_reader.read(document, OmniResponse, DEFAULT_LIMITS), expected)
    units = "utf-16-be" if document.startswith(b"\xfe\xff") else "utf-16-le"
    lone = document.replace("\U0001f601".encode(units)[:2], b"", 1)  # a low surrogate alone
    assert lone != document
    for broken in (lone, document + b"\x00"):
        assert wellformed.utf16_as_utf8(broken) is None
        assert_same_outcome(
            outcome(xml.decode, broken, type=OmniResponse), outcome(general_decode, broken, OmniResponse)
        )


def test_a_long_document_its_bytes_reading_does_not_take_is_read_from_its_text() -> None:
    """No item to read a slice at a time (a long text before an empty list), or
    an item only the order-tolerant reader takes: still the fast path's."""
    empty = b"<omniResponse><bulkId>" + b"b" * 500 + b"</bulkId><messages></messages></omniResponse>"
    nil = _long_response().replace(
        b"<to><phoneNumber>", b'<to><emailAddress i:nil="true"/><phoneNumber>', 1
    ).replace(b"<omniResponse>", f'<omniResponse xmlns:i="{XSI_BYTES.decode()}">'.encode())
    with slices_of(40):
        for document in (empty, nil):
            fast = fast_reader.read(document, OmniResponse, DEFAULT_LIMITS)
            assert fast is not None
            assert_same(fast, general_decode(document, OmniResponse))


def test_a_long_document_is_never_decoded_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its items are decoded a slice at a time: one character beyond Latin-1
    before them (a request's message, say) would make a whole text two or four
    bytes a character."""
    document = _long_response(50).replace(b"<bulkId>b", "<bulkId>\u0431\U0001f600".encode())
    expected = general_decode(document, OmniResponse)

    def whole(raw: bytes) -> Any:
        raise AssertionError("the whole document was decoded")

    monkeypatch.setattr(wellformed, "text_of", whole)
    utf16 = '<?xml version="1.0" encoding="UTF-16"?>\n'.encode("utf-16") + document.decode().encode("utf-16")[2:]
    with slices_of(300):
        assert_same(fast_reader.read(document, OmniResponse, DEFAULT_LIMITS), expected)
        assert_same(fast_reader.read(utf16, OmniResponse, DEFAULT_LIMITS), expected)
        pretty = writer.write(expected, pretty=True).replace(b"\n", b"\r\n")
        assert_same(fast_reader.read(pretty, OmniResponse, DEFAULT_LIMITS), expected)


@pytest.mark.parametrize("cls", TYPES, ids=TYPE_IDS)
def test_every_type_has_fast_paths(cls: type) -> None:
    assert fast_reader.readers_of(cls) is not None
    assert fast_writer.writer_of(cls) is not None


# --- Irregular documents: the fast reader hands back, the result is the general one --

# Insertions and replacements at any place of a valid document: each makes it
# irregular (or malformed) in one of the ways a hostile or unusual producer would.
_INSERTIONS = [
    ' a="1"', ' xmlns="urn:x"', ' xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    "<x>1</x>", "<x/>", "<!--c-->", "<?pi x?>", "<![CDATA[<&>]]>", "&amp;", "&#13;", "&#x41;",
    "&lt;", "&bogus;", "&#0;", "\r", "\r\n", " ", "\n\t", "]]>", "\x00", "\ufffe", "\u00e9", "<", ">",
    "<messageId>m</messageId>", "<phoneNumber>1</phoneNumber>", "<to></to>",
    "<status><groupId>1</groupId></status>", "<destination/>", "<message></message>",
]


_LEAF = re.compile(rb"<([A-Za-z]+)>[^<]*</\1>")


@st.composite
def mutated_documents(draw: st.DrawFn, cls: type) -> bytes:
    value = draw(from_type(cls))
    document = draw(st.sampled_from([writer.write(value), writer.write(value, pretty=True)]))
    for _ in range(draw(st.integers(1, 3))):
        mutation = draw(st.sampled_from(["insert", "delete", "duplicate", "byte"]))
        position = draw(st.integers(0, len(document)))
        if mutation == "insert":
            piece = draw(st.sampled_from(_INSERTIONS)).encode("utf-8")
            document = document[:position] + piece + document[position:]
        elif mutation == "delete":
            document = document[:position] + document[position + draw(st.integers(1, 12)):]
        elif mutation == "duplicate":
            leaves = list(_LEAF.finditer(document))
            if leaves:
                leaf = leaves[position % len(leaves)]
                document = document[:leaf.end()] + leaf.group() + document[leaf.end():]
        else:
            index = min(position, len(document) - 1)
            document = document[:index] + bytes([draw(st.integers(0, 255))]) + document[index + 1:]
    return document


# The source document's two types, and a model with every kind of value.
each_document_shape = pytest.mark.parametrize(
    "cls", [OmniResponse, OmniSimpleRequest, KindsDocument], ids=lambda c: c.__name__
)


@each_document_shape
@given(data=st.data())
def test_mutated_documents_decode_as_the_general_path_decodes_them(
    cls: type, data: st.DataObject
) -> None:
    """Also when the list is read a slice at a time, from the document's bytes."""
    document = data.draw(mutated_documents(cls), label="document")
    size = data.draw(st.sampled_from([None, 1, 40]), label="slice")
    with contextlib.nullcontext() if size is None else slices_of(size):
        for strict in (False, True):
            assert_same_outcome(
                outcome(fast_decode, document, cls, strict=strict),
                outcome(general_decode, document, cls, strict=strict),
            )


# The shapes other producers give the same content (SPEC section 5): the fast
# reader reads some of them itself, and must read them as the general path does.
_SHAPES = [
    "comments", "processing instructions", "CDATA", "ISO-8859-1", "UTF-16", "pretty CR LF",
    "namespaces", "reordered", "unknown elements", "xsi:nil",
]
# The list items of the source document's types, below which the last three shapes
# change a document (the order-tolerant reader takes items of leaves and Structs).
_ITEMS = {"message", "destination"}
_TO_FIELDS = ["phoneNumber", "emailAddress", "pushRegistrationId", "whatsAppUserId", "facebookUserKey", "lineUserKey"]


@st.composite
def shaped_documents(draw: st.DrawFn, cls: type) -> tuple[str, bytes, bytes]:
    """A shape's name, a document in that shape, and the same document in lxml's
    compact form."""
    from lxml import etree

    root = etree.fromstring(writer.write(draw(from_type(cls))))
    plain = etree.tostring(root, encoding="UTF-8")
    shape = draw(st.sampled_from(_SHAPES))
    elements = list(root.iter())
    if shape in ("comments", "processing instructions"):
        for _ in range(draw(st.integers(1, 4))):
            parent = draw(st.sampled_from(elements))
            text = draw(st.sampled_from([" c ", "", "a-b", "<x>&"]))
            node = etree.Comment(text) if shape == "comments" else etree.ProcessingInstruction(
                draw(st.sampled_from(["pi", "a.b", "x-y"])), text.replace("-", "") or None)
            parent.insert(draw(st.integers(0, len(parent))), node)
    elif shape == "CDATA":
        for element in elements:
            # (CDATA of whitespace alone is handed back: see wellformed.without_markup)
            text = element.text
            if text and text.strip() and "\r" not in text and "]]>" not in text and draw(st.booleans()):
                element.text = etree.CDATA(element.text)
    structs = [e for item in elements if item.tag in _ITEMS for e in item.iter() if len(e)]
    if shape == "reordered":
        for struct in structs:
            struct[:] = draw(st.permutations(list(struct)))
    elif shape == "unknown elements":
        for struct in structs:
            if draw(st.booleans()):
                extra = etree.Element(draw(st.sampled_from(["fax", "x.y-z", "_n1"])))
                extra.text = draw(st.sampled_from([None, "", "1", "a &amp; <b>"]))
                struct.insert(draw(st.integers(0, len(struct))), extra)
    elif shape == "xsi:nil":
        xsi = "http://www.w3.org/2001/XMLSchema-instance"
        declared = etree.Element(root.tag, nsmap={"i": xsi})
        declared.text = root.text
        declared.extend(list(root))
        for to in (e for e in declared.iter("to") if any(e.getparent().tag == i for i in _ITEMS)):
            present = {child.tag for child in to}
            for name in _TO_FIELDS:
                if name not in present and draw(st.booleans()):
                    nil = etree.Element(name)
                    nil.set(f"{{{xsi}}}nil", draw(st.sampled_from(["true", "1"])))
                    to.insert(draw(st.integers(0, len(to))), nil)
        return shape, etree.tostring(declared, encoding="UTF-8"), plain
    if shape == "namespaces":
        xsi = "http://www.w3.org/2001/XMLSchema-instance"
        prefix = draw(st.sampled_from(["xsi", "i", "p"]))
        declared = etree.Element(root.tag, nsmap={prefix: xsi, "xsd": "http://www.w3.org/2001/XMLSchema"})
        if draw(st.booleans()):
            declared.set(f"{{{xsi}}}noNamespaceSchemaLocation", "omni.xsd")
        declared.text = root.text
        declared.extend(list(root))
        return shape, etree.tostring(declared, encoding="UTF-8"), plain
    if shape == "ISO-8859-1":
        return shape, etree.tostring(root, encoding="ISO-8859-1", xml_declaration=True), plain
    if shape == "UTF-16":
        return shape, etree.tostring(root, encoding="UTF-16", xml_declaration=True), plain
    if shape == "pretty CR LF":
        etree.indent(root)
        return shape, etree.tostring(root, encoding="UTF-8").replace(b">\n", b">\r\n"), plain
    return shape, etree.tostring(root, encoding="UTF-8"), plain


@each_document_shape
@given(data=st.data())
def test_every_shape_decodes_as_the_general_path_decodes_it(cls: type, data: st.DataObject) -> None:
    """Comments, PIs, CDATA, declared encodings, CR LF: the fast reader reads these
    documents as the general path does, in both modes, and reads them itself
    whenever it reads their compact form."""
    shape, document, plain = data.draw(shaped_documents(cls), label="document")
    for strict in (False, True):
        assert_same_outcome(
            outcome(fast_decode, document, cls, strict=strict),
            outcome(general_decode, document, cls, strict=strict),
        )
    if fast_reader.read(plain, cls, DEFAULT_LIMITS) is not None and shape != "ISO-8859-1":
        # (the order-tolerant shapes change list items only, which these types'
        # readers take in any order)
        # (the default mode: strict refuses a schema location, as the general path does)
        # (a character ISO-8859-1 lacks is written as a reference, which may stand
        # where the fast reader hands back: in an int, say)
        assert fast_reader.read(document, cls, DEFAULT_LIMITS) is not None, shape


# The second dialect (SPEC section 5): the root named after the type, list items
# named like their list. The fast reader has readers for it too.
PUBLISHED_TYPES = [cls for cls in TYPES if published_document_of(cls) is not None]


def published_form(document: bytes, cls: type) -> bytes:
    """``document`` (the source form of a ``cls``) in the second dialect, its
    free-form objects left as they are (``to_second_dialect`` rewrites those, for
    values whose objects that dialect can write)."""
    from lxml import etree

    def rename(element: Any, shape: StructShape) -> None:
        for field in shape.fields:
            child = element.find(field.name)
            if child is not None:
                rename_value(child, field.name, field.value)

    def rename_value(element: Any, name: str, value: ValueShape) -> None:
        if value.kind is Kind.LIST and value.item is not None:
            for item in element:
                item.tag = name
                rename_value(item, name, value.item)
        elif value.kind is Kind.STRUCT:
            rename(element, value.struct)

    root = etree.fromstring(document)
    rename(root, document_of(cls).content)
    root = under_second_root(root, cls)
    for element in root.iter():
        if not len(element) and element.text is None:
            element.text = ""  # (written <a></a>, as the writer writes it, not <a/>)
    return bytes(etree.tostring(root, encoding="UTF-8"))


@pytest.mark.parametrize("cls", PUBLISHED_TYPES, ids=lambda c: c.__name__)
@given(data=st.data())
def test_the_second_dialect_is_read_as_the_general_path_reads_it(cls: type, data: st.DataObject) -> None:
    value = data.draw(from_type(cls, edge_cases=data.draw(st.booleans(), label="edge")))
    document = published_form(writer.write(value), cls)
    # (Read a slice at a time too: a long document's bytes are first tried by
    # the first dialect's readers of bytes.)
    size = data.draw(st.sampled_from([1, 40, 10**9]), label="slice")
    with slices_of(size):
        for strict in (False, True):
            assert_same_outcome(
                outcome(fast_decode, document, cls, strict=strict),
                outcome(general_decode, document, cls, strict=strict),
            )
        if fast_reader.read(writer.write(value), cls, DEFAULT_LIMITS) is not None:
            # (whatever the fast reader takes in the source form, it takes in this one)
            assert fast_reader.read(document, cls, DEFAULT_LIMITS) is not None


# Pieces of text that XML 1.0 allows, refuses or treats specially in character
# data: the fast reader checks these itself (no parser reads a regular document).
_TEXT_PIECES = [
    "a", " ", "\t", "\n", "\r", ">", "]", "]]", "]]>", "] ]>", "&amp;", "&lt;", "&quot;", "&apos;",
    "&", "&amp", "&bogus;", "&#65;", "&#x41;", "&#X41;", "&#0;", "&#x9;", "&#xA;", "&#xD;", "&#x1F;",
    "&#x7F;", "&#xD7FF;", "&#xD800;", "&#xDFFF;", "&#xE000;", "&#xFFFD;", "&#xFFFE;", "&#xFFFF;",
    "&#x10000;", "&#x10FFFF;", "&#x110000;", "&#99999999999999999999;", "&#;", "&#x;",
    "\x00", "\x01", "\x08", "\x0b", "\x1f", "\x7f", "\x85", "\ud7ff", "\ue000", "\uf000",
    "\ufdd0", "\ufffd", "\ufffe", "\uffff", "\U00010000", "\U0010ffff", "\u00e9", "\u4e2d",
]
_DECLARATIONS = [
    "", '<?xml version="1.0"?>', "<?xml version='1.0'?>", '<?xml version="1.0" encoding="UTF-8"?>',
    '<?xml version="1.0" encoding="utf-8"?>\n', '<?xml  version = "1.0"  encoding = \'UTF-8\' ?>',
    '<?xml version="1.0" standalone="yes"?>', '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
    '<?xml version="1.0" standalone="maybe"?>', '<?xml version="1.0" standalone="yes" encoding="UTF-8"?>',
    '<?xml encoding="UTF-8" version="1.0"?>', '<?xml version="1.0" encoding="UTF-8"',
    '<?xml version="1.0"encoding="UTF-8"?>', '<?xml version="1.1"?>', '<?xml version="1.0" foo="bar"?>',
    '<?xml version="1.0" encoding="UTF8"?>', '<?xml version="1.0" encoding="ISO-8859-1"?>',
    '<?xml version="1.0" encoding="UTF-8\'?>', '<?xml version="1.0"?><?pi x?>', "<?xml?>",
    '<?xml version="1.0"?>\n\t ', '<?xml-stylesheet href="a"?>', ' <?xml version="1.0"?>',
]


@st.composite
def regular_documents_with_hostile_text(draw: st.DrawFn, cls: type) -> bytes:
    """A document as the general writer writes it (a regular one), with a
    declaration and one leaf's text drawn from what XML treats specially."""
    document = writer.write(draw(from_type(cls)))
    leaves = list(_LEAF.finditer(document))
    if leaves:
        leaf = draw(st.sampled_from(leaves))
        text = "".join(draw(st.lists(st.sampled_from(_TEXT_PIECES), min_size=1, max_size=5)))
        start = leaf.start() + len(leaf.group(1)) + 2
        end = leaf.end() - len(leaf.group(1)) - 3
        document = document[:start] + text.encode("utf-8", "surrogatepass") + document[end:]
    return draw(st.sampled_from(_DECLARATIONS)).encode() + document


@each_document_shape
@given(data=st.data())
def test_hostile_text_in_regular_documents_decodes_as_the_general_path_decodes_it(
    cls: type, data: st.DataObject
) -> None:
    document = data.draw(regular_documents_with_hostile_text(cls), label="document")
    assert_same_outcome(outcome(fast_decode, document, cls), outcome(general_decode, document, cls))
    assert_same_outcome(
        outcome(fast_decode, document.decode("utf-8", "replace"), cls),
        outcome(general_decode, document.decode("utf-8", "replace"), cls),
    )


@given(st.one_of(st.binary(max_size=300), st.text(max_size=300)))
def test_arbitrary_input_decodes_as_the_general_path_decodes_it(data: bytes | str) -> None:
    for cls in (OmniResponse, OmniSimpleRequest):
        assert_same_outcome(outcome(fast_decode, data, cls), outcome(general_decode, data, cls))


def _response(**fields: Any) -> bytes:
    """An OmniResponse document of one message, its leaves replaced by ``fields``."""
    leaves = {
        "phoneNumber": "41793026727", "groupId": "0", "groupName": "ACCEPTED", "id": "0",
        "name": "MESSAGE_ACCEPTED", "description": "Message accepted", "messageId": "m-1",
    }
    leaves.update(fields)
    return (
        "<omniResponse><bulkId>b</bulkId><messages><message><to>"
        f"<phoneNumber>{leaves['phoneNumber']}</phoneNumber></to><status>"
        f"<groupId>{leaves['groupId']}</groupId><groupName>{leaves['groupName']}</groupName>"
        f"<id>{leaves['id']}</id><name>{leaves['name']}</name>"
        f"<description>{leaves['description']}</description></status>"
        f"<messageId>{leaves['messageId']}</messageId></message></messages></omniResponse>"
    ).encode("utf-8")


REGULAR = _response()
XSI_BYTES = b"http://www.w3.org/2001/XMLSchema-instance"
HANDED_BACK: list[tuple[str, bytes | str]] = [
    ("attribute", REGULAR.replace(b"<to>", b'<to a="1">')),
    ("attribute on the root", REGULAR.replace(b"<omniResponse>", b'<omniResponse a="1">')),
    ("namespace", REGULAR.replace(b"<omniResponse>", b'<omniResponse xmlns="urn:x">')),
    ("xsi:nil", REGULAR.replace(
        b"<bulkId>b</bulkId>",
        b'<bulkId xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>',
    )),
    ("unknown element in the root", REGULAR.replace(b"</omniResponse>", b"<x/></omniResponse>")),
    ("duplicate element", REGULAR.replace(b"<id>0</id>", b"<id>0</id><id>0</id>")),
    ("duplicate element and unknown elements", REGULAR.replace(b"</to>", b"<email/><emailAddress>e</emailAddress></to>")
     .replace(b"<id>0</id>", b"<id>0</id><id>0</id>")),
    ("duplicate root field", REGULAR.replace(b"<bulkId>b</bulkId>", b"<bulkId>b</bulkId>" * 2)),
    ("element inside a leaf", REGULAR.replace(b"<name>MESSAGE_ACCEPTED", b"<name><b>x</b>")),
    # What the order-tolerant reader does not take, in an item.
    ("duplicate element in another order", REGULAR.replace(b"<id>0</id>", b"").replace(b"<groupId>", b"<id>0</id><id>0</id><groupId>")),
    ("value and nil", REGULAR.replace(b"<omniResponse>", b'<omniResponse xmlns:xsi="XSI">'.replace(b"XSI", XSI_BYTES)).replace(b"<to>", b'<to><emailAddress>a</emailAddress><emailAddress xsi:nil="true"/>')),
    ("nil and value", REGULAR.replace(b"<omniResponse>", b'<omniResponse xmlns:xsi="XSI">'.replace(b"XSI", XSI_BYTES)).replace(b"<to>", b'<to><emailAddress xsi:nil="true"/><emailAddress>a</emailAddress>')),
    ("nil twice", REGULAR.replace(b"<omniResponse>", b'<omniResponse xmlns:xsi="XSI">'.replace(b"XSI", XSI_BYTES)).replace(b"<to>", b'<to><emailAddress xsi:nil="true"/><emailAddress xsi:nil="1"/>')),
    ("nil with a prefix not bound to XSI", REGULAR.replace(b"<omniResponse>", b'<omniResponse xmlns:xsi="urn:other">').replace(b"<to>", b'<to><emailAddress xsi:nil="true"/>')),
    ("nil with an undeclared prefix", REGULAR.replace(b"<to>", b'<to><emailAddress xsi:nil="true"/>')),
    # (A prefix that ends with the bound one, bound to another namespace.)
    ("nil with a longer prefix", REGULAR.replace(b"<omniResponse>", b'<omniResponse xmlns:xsi="XSI" xmlns:axsi="urn:other">'.replace(b"XSI", XSI_BYTES)).replace(b"<to>", b'<to><emailAddress axsi:nil="true"/>')),
    ("nil with a longer undeclared prefix", REGULAR.replace(b"<omniResponse>", b'<omniResponse xmlns:xsi="XSI">'.replace(b"XSI", XSI_BYTES)).replace(b"<to>", b'<to><emailAddress axsi:nil="true"/>')),
    ("nil declared on the element", REGULAR.replace(b"<to>", b'<to><emailAddress xmlns:xsi="XSI" xsi:nil="true"/>'.replace(b"XSI", XSI_BYTES))),
    ("nil with content", REGULAR.replace(b"<omniResponse>", b'<omniResponse xmlns:xsi="XSI">'.replace(b"XSI", XSI_BYTES)).replace(b"<to>", b'<to><emailAddress xsi:nil="true">a</emailAddress>')),
    ("nil on a required element", REGULAR.replace(b"<omniResponse>", b'<omniResponse xmlns:xsi="XSI">'.replace(b"XSI", XSI_BYTES)).replace(b"<messageId>m-1</messageId>", b'<messageId xsi:nil="true"/>')),
    ("required element missing in another order", REGULAR.replace(b"<messageId>m-1</messageId>", b"").replace(b"<to>", b"<messageId>m-1</messageId><to>").replace(b"<messageId>m-1</messageId>", b"")),
    ("unknown element named like a known one", REGULAR.replace(b"<to>", b"<to><groupId>1</groupId>")),
    ("unknown element with an attribute", REGULAR.replace(b"<to>", b'<to><fax a="1">1</fax>')),
    ("unknown element with a child", REGULAR.replace(b"<to>", b"<to><fax><a>1</a></fax>")),
    ("unknown element with a reference", REGULAR.replace(b"<to>", b"<to><fax>&bogus;</fax>")),
    ("unknown element with a prefix", REGULAR.replace(b"<omniResponse>", b'<omniResponse xmlns:p="urn:a">').replace(b"<to>", b"<to><p:fax>1</p:fax>")),
    ("unknown element badly closed", REGULAR.replace(b"<to>", b"<to><fax>1</fix>")),
    ("missing required element", REGULAR.replace(b"<messageId>m-1</messageId>", b"")),
    ("missing list", REGULAR.replace(REGULAR[REGULAR.index(b"<messages>"):REGULAR.index(b"</omniResponse>")], b"")),
    ("int out of range", _response(groupId="2147483648")),
    ("int with too many digits", _response(groupId="1" * 5000)),
    ("int not in the lexical space", _response(groupId="5.0")),
    ("int of non-ASCII digits", _response(groupId="\u0665")),
    ("int as a reference", _response(groupId="&#53;")),
    ("pattern not matched", _response(phoneNumber="+41")),
    ("pattern with a newline", _response(phoneNumber="41&#10;")),
    ("empty element", REGULAR.replace(b"<bulkId>b</bulkId>", b"<bulkId/>")),
    ("empty list element", b"<omniResponse><messages/></omniResponse>"),
    ("undefined entity", _response(name="&nbsp;")),
    ("invalid character reference", _response(name="&#0;")),
    ("stray ampersand", _response(name="a & b")),
    ("character XML cannot carry", _response(name="\x01")),
    ("cdata end in a text", _response(name="a]]>b")),
    ("cdata end in a text beside a section", _response(name="<![CDATA[A]]>", description="B]]>")),
    ("int in a section not in its lexical space", _response(name="<![CDATA[A]]>", groupId="<![CDATA[5.0]]>")),
    ("comment in an int's section", _response(name="<![CDATA[A]]>", groupId="<![CDATA[<!--c-->5]]>")),
    ("comment holding -- among elements", REGULAR.replace(b"<to>", b"<to><!-- a -- b -->")),
    ("PI named xml among elements", REGULAR.replace(b"<to>", b"<to><!-- c --><?xml-stylesheet x?>")),
    ("DOCTYPE", b"<!DOCTYPE omniResponse>" + REGULAR),
    ("entity declaration", b'<!DOCTYPE omniResponse [<!ENTITY e "x">]>' + _response(name="&e;")),
    ("byte order mark", b"\xef\xbb\xbf" + REGULAR),
    ("UTF-16", REGULAR.decode().encode("utf-16")),
    ("version 1.1", b'<?xml version="1.1"?>' + REGULAR),
    ("leading whitespace", b"\n" + REGULAR),
    ("space inside an end tag", REGULAR.replace(b"</to>", b"</to >")),
    ("wrong root", REGULAR.replace(b"omniResponse", b"request")),
    ("malformed", REGULAR.replace(b"</to>", b"</too>")),
    ("truncated", REGULAR[:-5]),
    ("not UTF-8", REGULAR.replace(b"ACCEPTED", b"ACC\xffEPTED")),
    ("surrogate in str input", REGULAR.decode().replace("ACCEPTED", "ACC\ud800")),
    # Comments, PIs and CDATA where they would make a document that is not one.
    ("comment inside a start tag", REGULAR.replace(b"<to>", b"<to<!-- c -->>")),
    ("comment inside an end tag", REGULAR.replace(b"</to>", b"</<!-- c -->to>")),
    ("comment inside a reference", _response(name="&lt<!--c-->;")),
    ("CDATA ending a reference", _response(name="&lt<![CDATA[;]]>")),
    ("PI inside a tag", REGULAR.replace(b"<to>", b"<t<?pi?>o>")),
    ("comment holding --", _response(name="A<!-- a -- b -->B")),
    ("comment ending in -", _response(name="A<!-- a --->B")),
    ("PI named xml", REGULAR.replace(b"<to>", b"<to><?xml version='1.0'?>")),
    ("PI named XmL", REGULAR.replace(b"<to>", b"<to><?XmL x?>")),
    ("PI without a target", REGULAR.replace(b"<to>", b"<to><? x?>")),
    ("PI with a colon", REGULAR.replace(b"<to>", b"<to><?a:b x?>")),
    ("comment before the declaration", b'<!-- c --><?xml version="1.0"?>' + REGULAR),
    ("CDATA before the root", b"<![CDATA[ ]]>" + REGULAR),
    ("empty CDATA after the root", REGULAR + b"<![CDATA[]]>"),
    ("CDATA with text before the root", b"<![CDATA[x]]>" + REGULAR),
    ("CDATA of whitespace after others", _response(name="<![CDATA[A]]>") + b"<![CDATA[\n\t]]>"),
    ("CDATA of whitespace after a comment", REGULAR + b"<!-- c --><![CDATA[ ]]>"),
    ("empty CDATA between others", _response(name="<![CDATA[A]]>", description="<![CDATA[B]]>") + b"<![CDATA[]]>"),
    ("CDATA end outside CDATA", _response(name="<![CDATA[A]]>]]>")),
    ("unterminated CDATA", _response(name="<![CDATA[A")),
    ("unterminated comment", _response(name="<!-- A")),
    ("CDATA in a comment left open", _response(name="<!-- <![CDATA[ -->A]]>")),
    ("comment in a location after a >", REGULAR.replace(
        b"<omniResponse>",
        b'<omniResponse xmlns:xsi="XSI" xsi:noNamespaceSchemaLocation="x><!-- c -->">'.replace(b"XSI", XSI_BYTES),
    )),
    ("CDATA in a location after a >", REGULAR.replace(
        b"<omniResponse>",
        b'<omniResponse xmlns:xsi="XSI" xsi:schemaLocation="a b><![CDATA[c]]>">'.replace(b"XSI", XSI_BYTES),
    )),
    # Attributes on the root this path does not take, or not in their plainest form.
    ("default namespace", REGULAR.replace(b"<omniResponse>", b'<omniResponse xmlns="urn:a">')),
    ("namespace name not a URI", REGULAR.replace(b"<omniResponse>", b'<omniResponse xmlns:p="a b">')),
    ("empty namespace name", REGULAR.replace(b"<omniResponse>", b'<omniResponse xmlns:p="">')),
    ("prefix declared twice", REGULAR.replace(b"<omniResponse>", b'<omniResponse xmlns:p="urn:a" xmlns:p="urn:b">')),
    ("xml prefix", REGULAR.replace(b"<omniResponse>", b'<omniResponse xmlns:xml="urn:a">')),
    ("schema location twice", REGULAR.replace(b"<omniResponse>", b'<omniResponse xmlns:a="XSI" xmlns:b="XSI" a:schemaLocation="x" b:schemaLocation="y">'.replace(b"XSI", XSI_BYTES))),
    ("undeclared prefix", REGULAR.replace(b"<omniResponse>", b'<omniResponse xsi:schemaLocation="x">')),
    ("prefixed element", REGULAR.replace(b"<omniResponse>", b'<omniResponse xmlns:p="urn:a">').replace(b"<to>", b"<p:to>").replace(b"</to>", b"</p:to>")),
    ("xsi:nil on the root", REGULAR.replace(b"<omniResponse>", b'<omniResponse xmlns:xsi="XSI" xsi:nil="true">'.replace(b"XSI", XSI_BYTES))),
    ("another attribute", REGULAR.replace(b"<omniResponse>", b'<omniResponse version="2">')),
    ("reference in a location", REGULAR.replace(b"<omniResponse>", b'<omniResponse xmlns:xsi="XSI" xsi:schemaLocation="&#0;">'.replace(b"XSI", XSI_BYTES))),
    # Declarations of encodings this path does not read, or that do not fit the bytes.
    ("UTF-16 declared in UTF-8", b'<?xml version="1.0" encoding="UTF-16"?>' + REGULAR),
    ("Latin-1 under another name", b'<?xml version="1.0" encoding="latin1"?>' + REGULAR),
    ("windows-1252 declared", b'<?xml version="1.0" encoding="windows-1252"?>' + REGULAR),
    ("UTF-16 declared UTF-8", '<?xml version="1.0" encoding="UTF-8"?>'.encode("utf-16") + REGULAR.decode().encode("utf-16")[2:]),
    ("UTF-16 with a lone surrogate", '<?xml version="1.0" encoding="UTF-16"?>'.encode("utf-16") + b"\x00\xd8"),
    ("UTF-16 with a second declaration", ('<?xml version="1.0" encoding="UTF-16"?><?xml version="1.0"?>' + REGULAR.decode()).encode("utf-16")),
    ("UTF-16 with a DOCTYPE", ('<?xml version="1.0" encoding="UTF-16" standalone="yes"?><!DOCTYPE omniResponse>' + REGULAR.decode()).encode("utf-16")),
    ("Latin-1 with a control byte", b'<?xml version="1.0" encoding="ISO-8859-1"?>' + _response(name="\x01")),
]
# Documents the fast reader reads (and must read as the general reader does).
NAMESPACED = REGULAR.replace(
    b"<omniResponse>",
    b'<omniResponse xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:i="XSI">'.replace(b"XSI", XSI_BYTES),
)
FAST: list[tuple[str, bytes | str]] = [
    ("regular", REGULAR),
    ("str", REGULAR.decode()),
    ("declaration", b'<?xml version="1.0" encoding="UTF-8"?>\n' + REGULAR),
    ("declaration in str", '<?xml version="1.0" encoding="ISO-8859-1"?>' + _response(name="\xe9").decode()),
    ("references", _response(name="a &amp; b &lt;c&gt; &quot;&apos; &#13;&#x1F600;")),
    ("reference in the root only", REGULAR.replace(b"<bulkId>b</bulkId>", b"<bulkId>a&amp;b</bulkId>")),
    ("references in the root and an item", _response(name="&lt;").replace(b"<bulkId>b</bulkId>", b"<bulkId>&gt;</bulkId>")),
    ("carriage returns", _response(description="a\r\nb\rc").replace(b"<to>", b"<to>\r\n")),
    ("pretty", xml.encode(xml.decode(REGULAR, type=OmniResponse), pretty=True)),
    ("whitespace around an int", _response(groupId=" 5\n")),
    ("int with a sign", _response(groupId="+5")),
    ("int with leading zeros", _response(groupId="-007")),
    ("non-ASCII", _response(description="\u00e9\u4e2d\U0001f600")),
    ("empty string", _response(description="")),
    ("a text that reads like xsi:nil", _response(description='a i:nil="true" b :nil')),
    ("empty list", b"<omniResponse><messages></messages></omniResponse>"),
    ("comment inside a text", _response(name="MESSAGE_<!-- c -->ACCEPTED")),
    ("comments and PIs everywhere", b"<!-- a --><?pi?>\n" + _response(name="MESSAGE<?p x?>_<!---->ACCEPTED").replace(b"<to>", b"<to><!-- - -->").replace(b"</omniResponse>", b"<?pi a?></omniResponse><!--b-->")),
    ("CDATA", _response(name="<![CDATA[MESSAGE_ACCEPTED]]>")),
    ("every leaf a section", re.sub(rb">([^<>]+)</", rb"><![CDATA[\1]]></", _response(description="a &amp;lt;]"))),
    ("section and text in one leaf", _response(name="<![CDATA[A]]>", description="<![CDATA[B]]>C")),
    ("comments and PIs among elements", REGULAR.replace(b"<to>", b"<to><!-- c --> <?pi x?>\n").replace(b"</status>", b"<!---->\n</status>")),
    ("comments around an int", _response(groupId="<!-- c --> 5 <?pi?>")),
    ("comments and sections", _response(name="<![CDATA[A]]>").replace(b"<to>", b"<to><!--c-->")),
    ("int in a section, with whitespace", _response(name="<![CDATA[A]]>", groupId="<![CDATA[ 5\n]]>")),
    ("CDATA with markup", _response(description="<![CDATA[a <b> & ]] > &amp;]]>c<![CDATA[]]]]><![CDATA[>]]>")),
    ("CDATA holding a comment", _response(description="<![CDATA[<!-- c -->]]>")),
    ("comment holding CDATA", _response(description="x<!-- <![CDATA[ -->y")),
    ("processing instruction", REGULAR.replace(b"<to>", b"<to><?pi x?>")),
    ("Latin-1 declared", b'<?xml version="1.0" encoding="ISO-8859-1"?>' + _response(name="\xe9").replace(b"\xc3\xa9", b"\xe9")),
    ("Latin-1 declared in lower case", b"<?xml version='1.0' encoding='iso-8859-1'?>\n" + _response(description="\xe9\xff\x85").decode("utf-8").encode("latin-1")),
    ("UTF-16 declared", '<?xml version="1.0" encoding="UTF-16"?>\n'.encode("utf-16") + _response(description="\u00e9\U0001f600").decode().encode("utf-16")[2:]),
    ("UTF-16 standalone, in another case", ("<?xml version='1.0' encoding='Utf-16' standalone='no' ?>\r\n" + REGULAR.decode()).encode("utf-16")),
    ("UTF-16 big-endian", ('<?xml version="1.0" encoding="utf-16"?>' + REGULAR.decode()).encode("utf-16-be").join([b"\xfe\xff", b""])),
    ("namespace declarations on the root", NAMESPACED),
    ("bytearray", bytearray(REGULAR)),
    ("memoryview", memoryview(REGULAR)),
]


_NIL_ROOT = b'<omniResponse xmlns:i="XSI">'.replace(b"XSI", XSI_BYTES)

# Items as JAXB, .NET and newer API versions write them: the order-tolerant
# reader takes them (in the default mode; strict refuses unknown elements).
ANY_ORDER: list[tuple[str, bytes]] = [
    ("children reordered", REGULAR.replace(
        b"<groupName>ACCEPTED</groupName><id>0</id>", b"<id>0</id><groupName>ACCEPTED</groupName>"
    )),
    ("item's children reversed", REGULAR.replace(b"<messageId>m-1</messageId>", b"").replace(b"<message>", b"<message><messageId>m-1</messageId>")),
    ("unknown element", REGULAR.replace(b"<to>", b"<to><fax>1</fax>")),
    ("unknown elements", REGULAR.replace(b"<to>", b"<to><fax>1</fax><pager/>").replace(b"</status>", b"</status><x.y-z>&amp;</x.y-z><fax></fax>")),
    ("xsi:nil", REGULAR.replace(b"<omniResponse>", _NIL_ROOT).replace(b"<to>", b"<to><emailAddress i:nil='1' />")),
    ("xsi:nil in a Struct", REGULAR.replace(b"<omniResponse>", _NIL_ROOT).replace(b"<description>", b'<action i:nil="true"/><description>')),
]


def _indented(document: bytes) -> bytes:
    """``document`` pretty-printed (its root's namespace declarations kept)."""
    from lxml import etree

    root = etree.fromstring(document)
    etree.indent(root)
    indented: bytes = etree.tostring(root)
    return indented


# Optional elements written xsi:nil where they stand, in order (as .NET and JAXB
# write a null): in a Struct of leaves, at the root, a list in an item (which the
# order-tolerant reader does not take) and a leaf inside it.
_KINDS_WITH_NIL = (
    '<kindsDocument xmlns:xsi="XSI">{text}<results><result><name>a</name>{flow}</result><result>'
    "<name>b</name><flow><step><at>2020-01-01T00:00:00Z</at>{colour}</step></flow></result>"
    "</results></kindsDocument>"
).replace("XSI", XSI_BYTES.decode())
NIL_IN_ORDER: list[tuple[str, type, bytes]] = [
    ("a leaf of an item", OmniResponse, REGULAR.replace(b"<omniResponse>", _NIL_ROOT).replace(
        b"<to>", b'<to><emailAddress i:nil="true"/>')),
    ("a leaf of a Struct", OmniResponse, REGULAR.replace(b"<omniResponse>", _NIL_ROOT).replace(
        b"</description>", b"</description><action i:nil='1' />")),
    ("a leaf of the root", KindsDocument, _KINDS_WITH_NIL.format(text='<text xsi:nil="true"/>', flow="", colour="").encode()),
    ("a list in an item", KindsDocument, _KINDS_WITH_NIL.format(text="", flow='<flow xsi:nil="true"/>', colour="").encode()),
    ("a leaf in a list in an item", KindsDocument, _KINDS_WITH_NIL.format(text="", flow="", colour='<colour xsi:nil="1"/>').encode()),
]


@pytest.mark.parametrize("layout", ["compact", "indented"])
@pytest.mark.parametrize(("name", "cls", "document"), NIL_IN_ORDER, ids=[c[0] for c in NIL_IN_ORDER])
def test_optional_elements_written_nil_in_order_are_read_fast(
    name: str, cls: type, document: bytes, layout: str
) -> None:
    """Read by the in-order readers of documents with xsi:nil: the value of the
    document without the nil elements, and the general path's."""
    if layout == "indented":
        document = _indented(document)
    taken = fast_reader.read(document, cls, DEFAULT_LIMITS)
    assert taken is not None
    assert_same(taken, general_decode(document, cls))
    without = re.sub(rb"<[A-Za-z]+ [a-z]+:nil=[^>]*>", b"", document)
    assert b":nil" not in without
    assert taken == general_decode(without, cls)


@pytest.mark.parametrize("layout", ["compact", "indented"])
@pytest.mark.parametrize(("name", "document"), ANY_ORDER, ids=[c[0] for c in ANY_ORDER])
def test_items_in_any_order_are_read_as_the_general_path_reads_them(name: str, document: bytes, layout: str) -> None:
    # (Each layout has its order-tolerant reader: neither takes the other.)
    if layout == "indented":
        document = _indented(document)
    taken = fast_reader.read(document, OmniResponse, DEFAULT_LIMITS)
    assert taken is not None
    assert_same(taken, general_decode(document, OmniResponse))
    # (each holds the regular document's value: nil and unknown elements are absent)
    assert taken == general_decode(REGULAR, OmniResponse)
    for strict in (False, True):
        expected = outcome(general_decode, document, OmniResponse, strict=strict)
        assert_same_outcome(outcome(xml.decode, document, type=OmniResponse, strict=strict), expected)


class Code(OmniStruct, kw_only=True):
    """Children whose names start alike, one the start of another."""

    code: str | None = None
    code_name: str | None = None
    code_names: str | None = None
    coder: Int32 | None = None
    kind: str | None = None


class CodesDocument(OmniStruct, kw_only=True):
    __xml_root__: ClassVar[str] = "codesDocument"

    codes: Annotated[list[Code], xml_item("entry")]


_CODES = (
    b"<codesDocument><codes><entry><code>a</code><codeName>b</codeName><codeNames>c</codeNames>"
    b"<coder>1</coder><kind>k</kind></entry><entry><codeNames>c</codeNames><coder>2</coder></entry></codes></codesDocument>"
)


@pytest.mark.parametrize("unknown", [b"", b"<cod>1</cod><codeNam/><codeNamesX>x</codeNamesX><c/><kinds>x</kinds>"])
@pytest.mark.parametrize("layout", ["compact", "indented"])
def test_children_whose_names_start_alike_are_read_in_any_order(unknown: bytes, layout: str) -> None:
    """The order-tolerant reader tells a Struct's children by their names'
    common starts (``code``, ``codeName``, ``codeNames``, ``coder``): reversed,
    and among unknown elements named like the start of a known name or
    longer, they are read as the general path reads them."""
    from lxml import etree

    root = etree.fromstring(_CODES.replace(b"</kind></entry>", b"</kind>" + unknown + b"</entry>"))
    for item in root.iter("entry"):
        item[:] = list(reversed(item))
    if layout == "indented":
        etree.indent(root)
    document = etree.tostring(root)
    taken = fast_reader.read(document, CodesDocument, DEFAULT_LIMITS)
    assert taken is not None
    assert_same(taken, general_decode(document, CodesDocument))
    assert taken.codes[0] == Code(code="a", code_name="b", code_names="c", coder=1, kind="k")
    assert taken.codes[1] == Code(code_names="c", coder=2)
    for name, text in [(b"codeName", b"b"), (b"code", b"a"), (b"coder", b"1")]:
        element = b"<%s>%s</%s>" % (name, text, name)
        twice = document.replace(element, element * 2, 1)
        assert twice != document
        assert fast_reader.read(twice, CodesDocument, DEFAULT_LIMITS) is None  # the general path's to report
        assert_same_outcome(
            outcome(xml.decode, twice, type=CodesDocument), outcome(general_decode, twice, CodesDocument)
        )


@given(
    elements=st.lists(
        st.tuples(st.sampled_from(["a", "ab", "abc", "b", "ba"]), st.booleans()), min_size=1, max_size=6
    ),
    data=st.data(),
)
def test_elements_in_sequence_match_what_their_plain_alternatives_match(
    elements: list[tuple[str, bool]], data: st.DataObject
) -> None:
    """The readers take the "<" after an optional element before it (so that
    the engine tells an absent one by its name's first letter): the patterns
    so joined match the texts, and give the groups, that the plain
    alternatives of the same elements do, whichever elements are there,
    missing, twice or out of order."""
    hold = wellformed.HOLD
    pieces = [(f"<{name}>([^<]*{hold})</{name}>", optional) for name, optional in elements]
    # (Followed by an end tag, or, as the root's fields before a list, by nothing.)
    end = data.draw(st.sampled_from(["</end>", ""]))
    if end:
        pieces.append((end, False))
    plain = "".join(f"(?:{piece}|)" if optional else piece for piece, optional in pieces)
    joined = fast_reader._in_sequence(pieces)
    present = data.draw(st.lists(st.booleans(), min_size=len(elements), max_size=len(elements)))
    chunks = [
        f"<{name}>{index}</{name}>"
        for index, ((name, optional), here) in enumerate(zip(elements, present))
        if here or not optional
    ]
    changed = data.draw(st.sampled_from(["", "shuffled", "twice"]))
    if changed == "shuffled":
        chunks = data.draw(st.permutations(chunks))
    elif changed == "twice":
        twice = data.draw(st.integers(0, len(chunks) - 1)) if chunks else 0
        chunks[twice:twice] = chunks[twice:twice + 1]
    text = "".join(chunks) + end
    expected, found = re.fullmatch(plain, text), re.fullmatch(joined, text)
    if not changed:
        assert expected is not None
    assert (found is None) == (expected is None)
    assert found is None or expected is None or found.groups() == expected.groups()


def _destinations(count: int, *, reordered: bool = False, comment: bool = False) -> bytes:
    """A simple request of ``count`` destinations, each with a phone number
    (``<phoneNumber>N</phoneNumber>``, N from 41000) and an email address."""
    items = []
    for index in range(count):
        phone = b"<phoneNumber>%d</phoneNumber>" % (41000 + index)
        email = b"<emailAddress>u%d@example.org</emailAddress>" % index
        to = email + phone if reordered else phone + email
        items.append(b"<destination><to>%s%s</to></destination>" % (b"<!-- c -->" if comment else b"", to))
    return (
        b'<request xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><destinations>'
        + b"".join(items) + b"</destinations><text>Hi</text></request>"
    )


@pytest.mark.parametrize("count", [3, 3000])  # one piece; a slice at a time from the bytes
@pytest.mark.parametrize("where", ["first", "middle", "last"])
@pytest.mark.parametrize("form", ["compact", "indented", "children reordered", "comments", "xsi:nil"])
def test_a_destination_without_phone_number_is_never_read_by_the_fast_reader(
    count: int, where: str, form: str
) -> None:
    """The fast readers hold the simple request's required phone numbers (its
    ``__required_paths__``) in their items' patterns, and build the request
    without walking the paths: a destination without one, in the document of
    any of them, is handed back, and the general path's error given."""
    document = _destinations(count, reordered=form == "children reordered", comment=form == "comments")
    if form == "indented":
        document = _indented(document)
    index = {"first": 0, "middle": count // 2, "last": count - 1}[where]
    phone = b"<phoneNumber>%d</phoneNumber>" % (41000 + index)
    without = document.replace(phone, b'<phoneNumber i:nil="true"/>' if form == "xsi:nil" else b"")
    assert_required_field_handed_back(
        OmniSimpleRequest, document, without, f"$.destinations[{index}].to.phoneNumber"
    )


def assert_required_field_handed_back(cls: type, document: bytes, without: bytes, path: str) -> None:
    """The fast reader reads ``document`` as the general path does, and hands
    back ``without``, the same with a required field missing, whose error is
    the general path's, at ``path``."""
    read = fast_reader.read(document, cls, DEFAULT_LIMITS)
    assert read is not None  # (a form a fast reader reads)
    assert_same(read, general_decode(document, cls))
    assert without != document
    assert fast_reader.read(without, cls, DEFAULT_LIMITS) is None
    with pytest.raises(ValidationError) as info:
        xml.decode(without, type=cls)
    assert info.value.path == path


class LedgerEntry(OmniStruct, kw_only=True, frozen=True):
    name: str | None = None


class Ledger(OmniStruct, kw_only=True, frozen=True):
    """A frozen document type whose required path goes through its list."""

    __xml_root__: ClassVar[str] = "ledger"
    __required_paths__: ClassVar[tuple[str, ...]] = ("entries.name",)

    entries: Annotated[list[LedgerEntry], xml_item("entry")]


def test_a_frozen_document_type_with_required_paths_is_read_as_the_general_path_reads_it() -> None:
    """The items of a frozen document type cannot be put in after it is built:
    its rule walks them, and the pattern still holds the path."""
    document = b"<ledger><entries>%s</entries></ledger>" % b"".join(
        b"<entry><name>n%d</name></entry>" % index for index in range(3)
    )
    without = document.replace(b"<name>n1</name>", b"")
    assert_required_field_handed_back(Ledger, document, without, "$.entries[1].name")


def test_a_required_path_through_a_list_of_an_item_is_walked_by_the_models_rule() -> None:
    """A required path that goes through a list inside an item is not held by
    the item's pattern (that list's elements repeat): the document is built
    with its items, for the model's rule to walk them, and a page whose note
    lacks its author is handed back."""
    from test_required_paths import Book

    document = (
        b"<book><chapters><chapter><pages><page><note><author>a</author></note></page>"
        b"<page></page></pages></chapter></chapters><title>t</title></book>"
    )
    without = document.replace(b"<author>a</author>", b"<body>b</body>")
    assert_required_field_handed_back(Book, document, without, "$.chapters[0].pages[0].note.author")


def _builders(cls: type) -> list[Any]:
    """The item builders of ``cls``'s readers of long documents, compact and
    whitespace-tolerant (see ``_Builders``)."""
    readers = fast_reader.readers_of(cls)
    assert readers is not None and readers.from_bytes is not None
    compact, spaced, _ = readers.from_bytes
    namespaces = {id(read.__globals__): read.__globals__ for read in (compact, spaced)}
    return [
        value for namespace in namespaces.values() for value in namespace.values()
        if isinstance(value, fast_reader._Builders)
    ]


@pytest.mark.parametrize("most", [16, 2])
@pytest.mark.parametrize("layout", ["compact", "indented"])
def test_items_are_built_alike_whichever_fields_a_slice_lacks(
    most: int, layout: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fast reader leaves out the keyword arguments of the optional fields
    that no item of a slice has, with a function made for each such set when it
    first comes, up to a bound: a long document whose slices lack each another
    set of fields reads as the general path reads it, whether the bound is
    reached or not, and no more functions are kept than it allows."""
    monkeypatch.setattr(fast_reader, "_cache", {})  # (no builder made yet)
    monkeypatch.setattr(fast_reader._Builders, "_MOST", most)
    items = []
    for index in range(16_000):
        block = index // 1000  # (a slice is some 600 items)
        message, email, push, line = (
            field % index if block >> bit & 1 else b""
            for bit, field in enumerate([
                b"<messageId>m%d</messageId>", b"<emailAddress>u%d@example.org</emailAddress>",
                b"<pushRegistrationId>p%d</pushRegistrationId>", b"<lineUserKey>l%d</lineUserKey>",
            ])
        )
        phone = b"<phoneNumber>%d</phoneNumber>" % (41000 + index)
        items.append(b"<destination>%s<to>%s%s%s%s</to></destination>" % (message, phone, email, push, line))
    document = b"<request><destinations>" + b"".join(items) + b"</destinations></request>"
    if layout == "indented":
        document = _indented(document)
    limits = Limits(max_list_items=20_000)
    read = fast_reader.read(document, OmniSimpleRequest, limits)
    assert read is not None
    assert_same(read, general_decode(document, OmniSimpleRequest, limits=limits))
    assert read.destinations[0] == Destination(to=To(phone_number="41000"))
    assert read.destinations[-1] == Destination(
        message_id="m15999",
        to=To(phone_number="56999", email_address="u15999@example.org", push_registration_id="p15999",
              line_user_key="l15999"),
    )
    made = [len(builder._made) for builder in _builders(OmniSimpleRequest)]
    assert max(made) > 1  # (the slices lack other sets of fields)
    assert max(made) <= most


def test_the_order_tolerant_variants_are_made_once_whatever_threads_ask_for_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each variant is generated when a document first needs it: threads that
    ask for them at once all read as the general path does, and each variant
    is made once."""
    import threading

    monkeypatch.setattr(fast_reader, "_cache", {})  # (no variant made yet)
    documents = [document for _, document in ANY_ORDER]
    documents += [_indented(document) for document in documents]
    expected = [general_decode(document, OmniResponse) for document in documents]
    made: list[tuple[bool, bool]] = []
    build = fast_reader._Generator.build

    def counted(generator: Any) -> Any:
        if generator.loose:
            made.append((generator.spaced, generator.nil))
        return build(generator)

    monkeypatch.setattr(fast_reader._Generator, "build", counted)
    start = threading.Barrier(8)
    results: list[list[Any]] = [[] for _ in range(8)]

    def decode_all(index: int) -> None:
        start.wait()
        turn = documents[index:] + documents[:index]
        results[index] = [fast_reader.read(document, OmniResponse, DEFAULT_LIMITS) for document in turn]

    threads = [threading.Thread(target=decode_all, args=(index,)) for index in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for index, values in enumerate(results):
        turn = expected[index:] + expected[:index]
        assert len(values) == len(turn)
        for value, wanted in zip(values, turn):
            assert value is not None
            assert_same(value, wanted)
    assert sorted(made) == [(False, False), (False, True), (True, False), (True, True)]


@pytest.mark.parametrize(("name", "document"), HANDED_BACK, ids=[c[0] for c in HANDED_BACK])
def test_irregular_documents_are_handed_back(name: str, document: bytes | str) -> None:
    assert fast_reader.read(document, OmniResponse, DEFAULT_LIMITS) is None
    for strict in (False, True):
        expected = outcome(general_decode, document, OmniResponse, strict=strict)
        assert_same_outcome(outcome(xml.decode, document, type=OmniResponse, strict=strict), expected)


@pytest.mark.parametrize(("name", "document"), FAST, ids=[c[0] for c in FAST])
def test_regular_documents_are_read_fast(name: str, document: bytes | str) -> None:
    fast = fast_reader.read(document, OmniResponse, DEFAULT_LIMITS)
    assert fast is not None
    for strict in (False, True):
        assert_same(fast, general_decode(document, OmniResponse, strict=strict))
        assert_same(xml.decode(document, type=OmniResponse, strict=strict), fast)


def test_schema_locations_on_the_root_are_read_fast_unless_strict() -> None:
    document = NAMESPACED.replace(b"<omniResponse ", b'<omniResponse i:noNamespaceSchemaLocation="omni.xsd" i:schemaLocation="urn:x a.xsd" ')
    fast = fast_reader.read(document, OmniResponse, DEFAULT_LIMITS)
    assert fast is not None
    assert_same(fast, general_decode(document, OmniResponse))
    assert fast_reader.read(document, OmniResponse, DEFAULT_LIMITS, strict=True) is None
    assert_same_outcome(
        outcome(xml.decode, document, type=OmniResponse, strict=True),
        outcome(general_decode, document, OmniResponse, strict=True),
    )


def test_limits_are_the_general_paths() -> None:
    two = _response().replace(b"<messages>", b"<messages>" + REGULAR[REGULAR.index(b"<message>"):REGULAR.index(b"</messages>")])
    for limits in (Limits(max_list_items=1), Limits(max_bytes=len(two) - 1)):
        assert fast_reader.read(two, OmniResponse, limits) is None
        expected = outcome(general_decode, two, OmniResponse, limits=limits)
        assert expected[0] == "error" and expected[1] is DecodeError
        assert_same_outcome(outcome(xml.decode, two, type=OmniResponse, limits=limits), expected)
    assert fast_reader.read(two, OmniResponse, Limits(max_list_items=2)) is not None


def test_long_texts_are_read_as_the_general_path_reads_them() -> None:
    document = _response(description="x" * 10_000_001)  # over libxml2's default limit
    assert_same_outcome(outcome(fast_decode, document, OmniResponse), outcome(general_decode, document, OmniResponse))


# A character reference may spell its code point with any number of leading zeros;
# Python's int() refuses a decimal text of over 4,300 digits.
_LONG_REFERENCES = [
    ("decimal, leading zeros", "&#" + "0" * 5000 + "65;"),
    ("hexadecimal, leading zeros", "&#x" + "0" * 5000 + "41;"),
    ("decimal, beyond U+10FFFF", "&#1" + "0" * 5000 + ";"),
    ("decimal, eight digits", "&#00000065;&#11141120;"),
    ("hexadecimal, beyond U+10FFFF", "&#x110000;"),
]


@pytest.mark.parametrize(("name", "reference"), _LONG_REFERENCES, ids=[c[0] for c in _LONG_REFERENCES])
def test_character_references_of_any_length_are_read_as_libxml2_reads_them(name: str, reference: str) -> None:
    for document in (
        _response(description=f"d{reference}", messageId=f"{reference}{reference}"),
        _long_response(30).replace(b"Message sent", f"sent {reference}".encode()),
    ):
        for data in (document, document.decode()):
            for strict in (False, True):
                expected = outcome(general_decode, data, OmniResponse, strict=strict)
                with slices_of(200):
                    assert_same_outcome(outcome(fast_decode, data, OmniResponse, strict=strict), expected)
                assert_same_outcome(outcome(xml.decode, data, type=OmniResponse, strict=strict), expected)
                assert expected[0] == "value" or issubclass(expected[1], CodecError)


def test_a_text_node_the_tree_parse_could_refuse_is_handed_back(monkeypatch: pytest.MonkeyPatch) -> None:
    # The tree parse refuses a text node over TEXT_NODE_LIMIT bytes, the tree-less
    # check does not: a document with a window of TEXT_WINDOW bytes without a tag
    # is handed back. (Scaled down: a gigabyte is beyond a test.)
    monkeypatch.setattr(wellformed, "TEXT_WINDOW", 1000)
    assert fast_reader.read(_response(description="x" * 2500), OmniResponse, DEFAULT_LIMITS) is None
    assert fast_reader.read(_response(description="x" * 500), OmniResponse, DEFAULT_LIMITS) is not None
    with slices_of(40):  # (a long document, read from its bytes)
        for length, taken in ((2500, False), (500, True)):
            document = _long_response().replace(b"Message sent", b"x" * length, 1)
            assert (fast_reader.read(document, OmniResponse, DEFAULT_LIMITS) is not None) is taken


def test_the_text_node_limit_is_libxml2s() -> None:
    huge = parser.SAFE_OPTIONS["huge_tree"]
    assert wellformed.TEXT_NODE_LIMIT == (1_000_000_000 if huge else 10_000_000)
    assert 2 * wellformed.TEXT_WINDOW <= wellformed.TEXT_NODE_LIMIT


def test_the_depth_limit_is_the_general_paths() -> None:
    # An OmniResponse nests five levels (omniResponse/messages/message/status/id).
    for max_depth in (3, 4, 5, 6):
        limits = Limits(max_depth=max_depth)
        fast = fast_reader.read(REGULAR, OmniResponse, limits)
        assert (fast is not None) == (max_depth >= 5)
        assert_same_outcome(
            outcome(xml.decode, REGULAR, type=OmniResponse, limits=limits),
            outcome(general_decode, REGULAR, OmniResponse, limits=limits),
        )


def test_list_length_constraints_are_checked() -> None:
    request = b"<request><destinations></destinations></request>"  # min_length=1
    assert fast_reader.read(request, OmniSimpleRequest, DEFAULT_LIMITS) is None
    assert_same_outcome(
        outcome(xml.decode, request, type=OmniSimpleRequest), outcome(general_decode, request, OmniSimpleRequest)
    )
    no_phone = b"<request><destinations><destination><to/></destination></destinations></request>"
    assert fast_reader.read(no_phone.replace(b"<to/>", b"<to></to>"), OmniSimpleRequest, DEFAULT_LIMITS) is None


def test_a_doctype_is_never_taken_by_the_fast_path() -> None:
    """The general path refuses a DOCTYPE; the fast path must hand it back."""
    for doctype in (b'<!DOCTYPE omniResponse SYSTEM "file:///nonexistent">', b"<!DOCTYPE omniResponse>"):
        document = doctype + b"<omniResponse><messages></messages></omniResponse>"
        assert fast_reader.read(document, OmniResponse, DEFAULT_LIMITS) is None
        with pytest.raises(DecodeError, match="DOCTYPE"):
            xml.decode(document, type=OmniResponse)


def test_pattern_columns_agree_with_re_search() -> None:
    check = columns.column_checker(r"\A[0-9]+\Z")
    for column, expected in [
        ([], True), (["1", "23"], True), ([""], False), (["1", "2a"], False),
        (["1\n"], False), (["1\x002"], False), (["\x00"], False), (["\u0665"], False),
    ]:
        assert check(column) is expected, column
    general = columns.column_checker(r"^[0-9]+$")  # "$" also matches before a final "\n"
    assert general(["1\n"]) is True


@given(
    texts=st.lists(
        st.text(alphabet=st.characters(blacklist_categories=()))
        | st.text(alphabet="a&<>\r\n\t\x00\x1f\x7f\ufffe\uffff\ufffd\ud800\U00010000"),
        max_size=4,
    )
)
@example(texts=[])
@example(texts=["plain", "\u00e9\U0001f600\t\n"])
@example(texts=["a", "&"])
@example(texts=["<"])
@example(texts=[">"])
@example(texts=["\r"])
@example(texts=["\x00"])
@example(texts=["\x1f"])
@example(texts=["\ufffe"])
@example(texts=["\uffff"])
@example(texts=["\ud800"])
def test_the_writers_care_check_agrees_with_escape_text(texts: list[str]) -> None:
    """A string needs an escape exactly when the general writer's escape changes
    or refuses it, and care when it also does if it is not ASCII (the fast writer
    narrows it). The escape check is asked of narrowed strings, which a lone
    surrogate never is: narrowing refuses it, and the value goes to the general
    writer."""

    def changed(text: str) -> bool:
        try:
            return writer.escape_text(text) != text
        except writer.Unwritable:
            return True

    assert fast_writer.needs_care(texts) is any(not text.isascii() or changed(text) for text in texts)
    narrowable, narrowed = _narrowed(texts)
    assert fast_writer.needs_escape(narrowed) is any(map(changed, narrowable))


def _has_lone_surrogate(text: str) -> bool:
    return any(0xD800 <= ord(char) <= 0xDFFF for char in text)


def _narrowed(texts: list[str]) -> tuple[list[str], list[str]]:
    """The texts that can be narrowed (all but those with a lone surrogate), and
    each narrowed, as the escaping variant holds them."""
    narrowable = [text for text in texts if not _has_lone_surrogate(text)]
    return narrowable, [fast_writer.narrow(text) for text in narrowable]


@given(text=st.text())
@example(text="\u00e9\u4e2d\U0001f600")
@example(text="\ud800")
def test_a_narrowed_text_is_its_utf8_a_character_a_byte(text: str) -> None:
    if _has_lone_surrogate(text):  # (no document may hold one)
        with pytest.raises(UnicodeEncodeError):
            fast_writer.narrow(text)
        return
    narrowed = fast_writer.narrow(text)
    assert narrowed.encode("latin-1") == text.encode("utf-8")
    assert (narrowed is text) is text.isascii()


@given(texts=st.lists(st.text(alphabet="ab&<>\r\n\t\x00\x1f\u00e9\ufffe\ud800\U0001f600", max_size=6), max_size=6))
@example(texts=["\x00"])
@example(texts=["a", "\x1f"])
@example(texts=["\uffff"])
@example(texts=["\ud800"])
def test_the_escaping_writers_check_agrees_with_escape_text(texts: list[str]) -> None:
    """A string is unwritable exactly when escape_text refuses it (the check is
    asked of the strings narrowed, as the escaping variant notes them; narrowing
    refuses a lone surrogate), and escape_markup is escape_text for every other:
    the replacements of MARKUP_REFERENCES, in their order."""

    def refused(text: str) -> bool:
        try:
            writer.escape_text(text)
        except writer.Unwritable:
            return True
        return False

    for text in texts:
        if _has_lone_surrogate(text):
            assert refused(text)
            with pytest.raises(UnicodeEncodeError):
                fast_writer.narrow(text)
    narrowable, narrowed = _narrowed(texts)
    assert fast_writer.unwritable(narrowed) is any(map(refused, narrowable))
    for text in texts:
        if not refused(text):
            assert writer.escape_markup(text) == writer.escape_text(text)
        # (What the escaping variant replaces, in turn, as escape_markup does.)
        replaced = text
        for char, reference in writer.MARKUP_REFERENCES:
            replaced = replaced.replace(char, reference)
        assert replaced == writer.escape_markup(text)


_CHARACTER_PIECES = ["a", "]", "]]", ">", "]]>", "<![CDATA[", "\t", "\r", "\x00", "\x08", "\x1f", "\u00e9",
                     "\u4e2d", "\ufffd", "\uff01", "\ufffe", "\uffff", "\U0001f600"]


@given(text=st.lists(st.sampled_from(_CHARACTER_PIECES), max_size=150).map("".join))
@example(text="\uff01" * 70 + "\ufffe")
@example(text="\uff01" * 70 + "\ufffd]]>")
def test_the_characters_of_a_document_are_checked_as_xml_allows_them(text: str) -> None:
    """Characters XML 1.0 does not allow are refused; "]]>" is allowed only where
    a CDATA section may end it (the text's reading then checks it is)."""
    if not all(is_char(ord(char)) for char in text):
        wanted = wellformed.Characters.REFUSED
    elif "]]>" in text:
        wanted = wellformed.Characters.TERMINATOR if "<![CDATA[" in text else wellformed.Characters.REFUSED
    else:
        wanted = wellformed.Characters.ALLOWED
    assert wellformed.characters_allowed(text.encode("utf-8")) is wanted


@pytest.mark.parametrize("length", [0, 100, 200_000])
@pytest.mark.parametrize("leads", [1, 70, 300])
@pytest.mark.parametrize("last", ["\uff01", "\ufffd", "\ufffe", "\uffff"])
def test_a_noncharacter_is_found_however_many_lead_bytes_the_text_has(
    length: int, leads: int, last: str
) -> None:
    """U+FFFE and U+FFFF are found among other characters whose UTF-8 starts with
    the same byte, in short and long texts: whether each such byte is looked at,
    or the rest of the text is searched once there are many for its length."""
    text = "a" * length + "\uff01" * (leads - 1) + last
    raw = text.encode("utf-8")
    wanted = "\ufffe" in text or "\uffff" in text
    assert chars.has_noncharacter(raw) is wanted
    expected = wellformed.Characters.REFUSED if wanted else wellformed.Characters.ALLOWED
    assert wellformed.characters_allowed(raw) is expected


@pytest.mark.parametrize("length", [0, 100, 200_000])
@pytest.mark.parametrize("escapes", [1, 70, 300])
@pytest.mark.parametrize("last", ["\\n", "\\\\", '\\"', "\\u0001", "\\b", "\\f", "\\\\u"])
def test_a_json_escape_is_found_however_many_backslashes_the_text_has(
    length: int, escapes: int, last: str
) -> None:
    """An escape that may stand for a character XML cannot carry (``\\u``,
    ``\\b``, ``\\f``, taken wherever a backslash precedes the letter) is found
    after others, in short and long texts: whether each backslash is looked at,
    or the rest of the text is searched once there are many for its length."""
    raw = ('"' + "a" * length + "\\n\\t\\\\" * (escapes - 1) + last + '"').encode("ascii")
    assert chars.json_has_escape(raw) is (re.search(rb"\\[ubf]", raw) is not None)
    assert chars.json_has_escape(raw) is (last in ("\\u0001", "\\b", "\\f", "\\\\u"))


@pytest.mark.parametrize("before", range(60, 68))
def test_a_json_escape_is_found_where_the_search_takes_over(before: int) -> None:
    """The escape right after the last backslash looked at one by one (here the
    second of an escaped backslash, then ``u``) is found by the search."""
    raw = b"\\n" * before + b"\\\\u"
    assert chars.json_has_escape(raw) is True
    assert chars.json_has_escape(raw.replace(b"\\\\u", b"\\\\x")) is False


@given(st.binary(max_size=300) | st.text("\\ubfn\"a\u00ef", max_size=300).map(lambda t: t.encode("utf-8")))
def test_the_pair_searches_agree_with_their_patterns(raw: bytes) -> None:
    assert chars.json_has_escape(raw) is (re.search(rb"\\[ubf]", raw) is not None)
    assert chars.has_noncharacter(raw) is (re.search(b"\xef\xbf[\xbe\xbf]", raw) is not None)


_REFERENCE_PIECES = ["a", "\u00e9", "&", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#13;", "&#xD;",
                     "&#x0d;", "&#10;", "&#9;", "&#38;", "&#x26;", "lt;", "#13;", "&#0;", "&#128512;",
                     "&#xFFFE;", "&bogus;", ";"]


@given(column=st.lists(st.one_of(st.none(), st.lists(st.sampled_from(_REFERENCE_PIECES), max_size=5).map("".join)), max_size=6))
@example(column=["&#38;lt;", "&amp;#13;"])
@example(column=[None, "&#x26;amp;", None])
@example(column=["a", None, "&amp;&lt;", "", "\u00e9", "&#13;", "a"])  # only some texts read
@example(column=["&#" + "0" * 5000 + "65;", "&#x" + "0" * 5000 + "41;&#065;&#x041;"])
@example(column=["&#" + "1" * 5000 + ";"])
def test_a_column_is_unescaped_as_a_parser_reads_each_text(column: list[str | None]) -> None:
    """Every text of the column reads as lxml reads it in an element; the column
    is refused exactly when one of its texts is not well-formed."""
    from lxml import etree

    try:
        wanted = [None if t is None else etree.fromstring(f"<a>{t}</a>").text or "" for t in column]
    except etree.XMLSyntaxError:
        with pytest.raises(fast.source.Miss):
            wellformed.unescape(column)
        return
    assert wellformed.unescape(column) == wanted


@pytest.mark.parametrize(
    "pattern", [r"\A[0-9]+\Z", r"\A[0-9]*\Z", r"\A[a-z]+\Z", r"\A[0-9]{2,4}\Z", r"^[0-9]+$"]
)
@given(column=st.lists(st.text(alphabet="09az\n\x00\u0665\uff11\u00e9", max_size=6), max_size=8))
def test_every_column_checker_agrees_with_re_search(pattern: str, column: list[str]) -> None:
    """Each way of checking a column at once says what ``re.search`` says of
    every string (the digits check, the NUL-joined match, the general one)."""
    search = re.compile(pattern).search
    assert columns.column_checker(pattern)(column) is all(search(s) for s in column)


@given(
    bounds=st.tuples(st.integers(-200, 5000), st.integers(-200, 5000)).map(sorted)
    | st.sampled_from([(-(2**31), 2**31 - 1), (-(2**63), 2**63 - 1), (1, 2**63 - 1), (0, 10)]),
    texts=st.lists(
        st.none() | st.integers(-300, 5100).map(str) | st.integers().map(str)
        | st.from_regex(r"\A[ \t]?[+-]?0*[0-9]{1,3}[ \n]?\Z") | st.sampled_from(["", "1.0", "1e3", "x", "\u0665"]),
        max_size=6,
    ),
    step=st.sampled_from([1, 1, 5, 7]),
)
@example(bounds=(1, 10), texts=["0"], step=1)
@example(bounds=(0, 10), texts=["11"], step=1)
@example(bounds=(0, 10), texts=["-0", "+10", "010"], step=1)
@example(bounds=(-10, 5000), texts=["-5", "0", "3", "4095", "4100", "+05"], step=5)
def test_an_int_column_is_each_text_parsed_within_its_bounds(
    bounds: tuple[int, int], texts: list[str | None], step: int
) -> None:
    """The reader's int conversion gives ``parse_int`` of each text within the
    bounds (and a multiple of ``multiple_of``, ``step``); another int is a miss,
    a text ``parse_int`` refuses its error."""
    low, high = bounds

    def wanted(text: str | None) -> int | None:
        if text is None:
            return None
        value = parse_int(text)
        if not low <= value <= high or value % step:
            raise fast.source.Miss
        return value

    convert = columns.int_table(low, high, step)
    assert outcome(lambda: list(map(convert, texts))) == outcome(lambda: list(map(wanted, texts)))


@given(
    value=st.datetimes(
        min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31),
        timezones=st.one_of(st.none(), st.timezones(), st.builds(
            dt.timezone, st.timedeltas(min_value=-dt.timedelta(hours=23, minutes=59),
                                      max_value=dt.timedelta(hours=23, minutes=59)))),
    )
)
def test_a_datetime_is_written_as_the_spec_writes_it(value: dt.datetime) -> None:
    """SPEC section 4: ``2015-06-04T13:01:52.933+0000``, milliseconds unless a
    digit would be lost; refused when naive or not a whole-minute offset."""
    from omni_codec._scalars import ScalarError, format_datetime

    offset = value.utcoffset()
    if offset is None or offset % dt.timedelta(minutes=1):
        with pytest.raises(ScalarError):
            format_datetime(value)
        return
    minutes = offset // dt.timedelta(minutes=1)
    fraction = f"{value.microsecond:06d}"
    fraction = fraction[:3] if fraction.endswith("000") else fraction
    wanted = (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:{value.minute:02d}:"
        f"{value.second:02d}.{fraction}{'-' if minutes < 0 else '+'}"
        f"{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
    )
    assert format_datetime(value) == wanted


def test_datetimes_of_more_days_than_are_remembered_are_written_alike() -> None:
    """The text of each day is remembered for a few thousand days; the days
    beyond, and every day of years far apart, are written as the rest."""
    from omni_codec._scalars import format_datetime

    tz = dt.timezone(dt.timedelta(hours=-5, minutes=-30))
    starts = [dt.datetime(1, 1, 1, tzinfo=tz), dt.datetime(1999, 12, 31, 23, 59, 59, 999000, tzinfo=tz),
              dt.datetime(9990, 1, 1, 0, 0, 0, 1000, tzinfo=tz)]
    for start in starts:
        for days in range(5000):
            try:
                value = OmniDateTime.coerce(start + dt.timedelta(days=days))
            except OverflowError:  # beyond year 9999
                break
            wanted = value.isoformat(timespec="milliseconds")
            assert format_datetime(value) == wanted[:23] + "-0530"


class _HalfHour(dt.tzinfo):
    """A fixed offset that is no ``datetime.timezone``."""

    def utcoffset(self, moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(minutes=30)

    def dst(self, moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)


class _DateTime(OmniDateTime):
    def utcoffset(self) -> dt.timedelta:  # says another offset than its tzinfo's
        return dt.timedelta(hours=1)


_UTC, _MINUS_0330 = dt.timezone.utc, dt.timezone(-dt.timedelta(hours=3, minutes=30))


@pytest.mark.parametrize("at", [
    OmniDateTime(2015, 6, 4, 13, 1, 52, 933000, _UTC),
    OmniDateTime(1, 1, 1, 0, 0, 0, 0, _MINUS_0330),
    OmniDateTime(9999, 12, 31, 23, 59, 59, 999000, dt.timezone(dt.timedelta(hours=23, minutes=59))),
    OmniDateTime(2015, 6, 4, 13, 1, 52, 933001, _UTC),  # microseconds
    OmniDateTime(2015, 6, 4, 13, 1, 52, 1, _MINUS_0330),
    OmniDateTime(2015, 6, 4, tzinfo=_HalfHour()),
    _DateTime(2015, 6, 4, tzinfo=_UTC),
    dt.datetime(2015, 6, 4, 13, 1, 52, 933000, _UTC),  # set past the model's conversion
    dt.datetime(2015, 6, 4),  # naive: refused
    OmniDateTime(2015, 6, 4, tzinfo=dt.timezone(dt.timedelta(seconds=30))),  # refused
], ids=repr)
@pytest.mark.parametrize("price", [
    "0.0001000000", "0", "0.000", "-0", "-0.00", "-12.5", "1E+2", "1E-7", "0E-7", "12345678901234567890",
    "1" * 100, "1" * 101, "0." + "0" * 99 + "1", "0." + "0" * 100 + "1", "NaN", "-Infinity",
])
def test_datetimes_and_decimals_are_written_as_the_general_writer_writes_them(
    at: dt.datetime, price: str
) -> None:
    """The fast writer writes a common datetime and decimal inline, the rest by
    the formatting's functions: the same bytes, or the same refusal."""
    value = _with(
        KindsDocument(results=[Stop(name="s", flow=[Leg(at=OmniDateTime(2020, 1, 1, tzinfo=_UTC))] * 2)]),
        price=Decimal(price), sent_at=at,
    )
    value.results[0].flow[1] = _with(Leg(at=OmniDateTime(2020, 1, 1, tzinfo=_UTC)), at=at)
    general = outcome(general_encode, value)
    assert outcome(fast_encode, value) == general
    if general[0] == "value":  # written: by the fast path
        assert fast_writer.write(value) == general[1]


# --- Irregular values: the fast writer hands back, the result is the general one -----


def _message(**status: Any) -> OmniResponseDetails:
    fields = {"group_id": 0, "group_name": "ACCEPTED", "id": 0, "name": "N", "description": "D"}
    fields.update(status)
    return OmniResponseDetails(to=To(phone_number="41793026727"), status=Status(**fields), message_id="m")


class Text(str):
    pass


def _with(value: Any, **fields: Any) -> Any:
    """``value`` with ``fields`` set after it was built, past its own checks."""
    for name, field_value in fields.items():
        setattr(value, name, field_value)
    return value


WRITTEN_BACK: list[tuple[str, Any]] = [
    ("int out of range", OmniResponse(messages=[_message(group_id=2**31)])),
    ("bool for an int", OmniResponse(messages=[_message(group_id=True)])),
    ("str for an int", OmniResponse(messages=[_message(group_id="0")])),
    ("int for a str", OmniResponse(messages=[_message(name=1)])),
    ("str subclass", OmniResponse(messages=[_message(name=Text("N"))])),
    ("None in a required field", OmniResponse(messages=[_message(name=None)])),
    ("NUL", OmniResponse(messages=[_message(name="a\x00")])),
    ("surrogate", OmniResponse(messages=[_message(description="\ud800")])),
    # (Met by the escaping variant, whose narrowing refuses it.)
    ("surrogate with markup", OmniResponse(messages=[_message(description="a&b\U0001f600\ud800")])),
    ("surrogate after a wide text", OmniResponse(messages=[_message(description="\u00e9"), _message(description="\udfff")])),
    ("U+FFFF in the root", OmniResponse(bulk_id="\uffff", messages=[])),
    ("not a list", OmniResponse(messages=(_message(),))),  # type: ignore[arg-type]
    ("wrong item type", OmniResponse(messages=[To()])),  # type: ignore[list-item]
    ("wrong Struct type", OmniResponse(messages=[OmniResponseDetails(to=Status(group_id=0, group_name="", id=0, name="", description=""), status=_message().status, message_id="m")])),  # type: ignore[arg-type]
    ("pattern not matched", OmniSimpleRequest(destinations=[Destination(to=To(phone_number="+1"))])),
    ("pattern with a NUL", OmniSimpleRequest(destinations=[Destination(to=To(phone_number="1\x002"))])),
    ("naive datetime", KindsDocument(results=[Stop(name="n", flow=[Leg(at=dt.datetime(2020, 1, 1))])])),  # type: ignore[arg-type]
    # (A model refuses a NaN decimal when built; set after, as a caller may.)
    ("decimal NaN", _with(KindsDocument(results=[]), price=Decimal("NaN"))),
    ("enum of another type", KindsDocument(channel="RED", results=[])),  # type: ignore[arg-type]
    ("JSON with a non-str key", KindsDocument(custom_payload={1: 2}, results=[])),  # type: ignore[dict-item]
    ("not a model", {"messages": []}),
    ("a Struct that is no document", To(phone_number="1")),  # it declares no root
]
WRITTEN_FAST: list[tuple[str, Any]] = [
    ("markup characters", OmniResponse(bulk_id="<&>", messages=[_message(name="a<b>&c", description="]]>")])),
    ("carriage return", OmniSimpleRequest(destinations=[Destination(to=To(phone_number="1"))], text="a\r\nb")),
    ("markup in every item", OmniResponse(messages=[_message(name=f"a<{i}>&", description="\r\n'\"") for i in range(3)])),
    ("markup in one item of many", OmniSimpleRequest(destinations=[Destination(message_id="m" if i else "<m>", to=To(phone_number=str(i), email_address="a&b" if i == 2 else None)) for i in range(4)])),
    ("non-ASCII", OmniResponse(messages=[_message(description="\u00e9\u4e2d\U0001f600\t\n")])),
    ("empty list", OmniResponse(messages=[])),
    ("int bounds", OmniResponse(messages=[_message(group_id=-(2**31), id=2**31 - 1)])),
    ("every kind", KindsDocument(
        text="t", phone_number="1", count=3, step=5, enabled=False, price=Decimal("0.0001000000"),
        sent_at=OmniDateTime(2015, 6, 4, 13, 1, 52, 933000, dt.timezone(dt.timedelta(hours=-3))),
        channel=Colour.RED, extra=Extra(results=[Stop(name="a", flow=[])]),
        results=[Stop(name="s&", flow=[Leg(at=OmniDateTime(2020, 1, 1, tzinfo=dt.timezone.utc), colour=Colour.GREEN)])],
        custom_payload={"a": [1, 2.5, None, True, {"b": "<"}]},
    )),
]


@pytest.mark.parametrize(("name", "value"), WRITTEN_BACK, ids=[c[0] for c in WRITTEN_BACK])
def test_irregular_values_are_handed_back(name: str, value: Any) -> None:
    assert fast_writer.write(value) is None
    for pretty in (False, True):
        assert outcome(xml.encode, value, pretty=pretty) == outcome(general_encode, value, pretty=pretty)


@pytest.mark.parametrize(("name", "value"), WRITTEN_FAST, ids=[c[0] for c in WRITTEN_FAST])
def test_values_needing_care_are_written_fast(name: str, value: Any) -> None:
    assert fast_writer.write(value) == writer.write(value)  # the hint set by the last
    assert fast_writer.write(value) == writer.write(value)  # value, or not, alike
    before = fast.misses["write"]
    xml.encode(value)
    assert fast.misses["write"] == before  # the fast path wrote it
    for pretty in (False, True):
        written = fast_writer.write(value, pretty=pretty)
        assert written is not None
        assert written == writer.write(value, pretty=pretty) == xml.encode(value, pretty=pretty)


@given(
    st.lists(
        st.tuples(st.text(max_size=8), st.one_of(st.none(), st.text(max_size=8))), max_size=5
    ),
    st.one_of(st.none(), st.text(max_size=8)),
)
def test_any_strings_are_written_as_the_general_writer_writes_them(
    items: list[tuple[str, str | None]], text: str | None
) -> None:
    value = OmniSimpleRequest(
        destinations=[Destination(message_id=m, to=To(phone_number="1", email_address=e)) for m, e in items],
        text=text,
    )
    assert outcome(fast_encode, value) == outcome(general_encode, value)


_FIELD_TEXT = st.text(alphabet="ab&<>\r\x00\u00e9\U0001f600\ud800", max_size=4)


@given(
    lists=st.lists(
        st.lists(st.tuples(*[_FIELD_TEXT] * 4), min_size=1, max_size=4),
        min_size=1, max_size=6,
    ),
)
@example(lists=[[("", "&", "", "")], [("<", "", "", "")]])  # escapes move to a field not tested
@example(lists=[[("", "&", "", "")], [("", "", "", "\x00")]])  # an unwritable one there
@example(lists=[[("&", "", "", "")], [("", "&", "", "")], [("", "", "&", "")], [("", "", "", "&")]])
@example(lists=[[("", "\u00e9", "", "")], [("", "\u00e9>", "", "")]])  # markup where only narrowed
@example(lists=[[("", "\u00e9", "", "")], [("\U0001f600", "", "\u00e9", "")]])  # wide where not narrowed
@example(lists=[[("", "\u00e9", "", "")], [("", "\U0001f600", "", "\ud800")]])
def test_lists_written_in_turn_are_written_as_the_general_writer_writes_them(
    lists: list[list[tuple[str, str, str, str]]],
) -> None:
    """After a list whose strings needed escapes or were not ASCII, the next is
    written testing only the fields that needed escapes, and narrowing only those
    that were narrowed or escaped; a string of another field that needs care, or
    a narrowed one's that needs an escape, is still escaped (the list is written
    again testing every field), and one that cannot be written is still handed
    back."""
    hint = fast_writer.writer_of(OmniResponse).__globals__["_message_hint"]  # type: ignore[union-attr]
    hint[0] = None
    for texts in lists:
        value = OmniResponse(messages=[
            OmniResponseDetails(
                to=To(phone_number="1", email_address=address), message_id=message_id,
                status=Status(group_id=0, group_name="G", id=0, name=name, description=description),
            )
            for address, name, description, message_id in texts
        ])
        expected = outcome(general_encode, value)
        written = fast_writer.write(value)
        assert written == (expected[1] if expected[0] == "value" else None)
        assert outcome(fast_encode, value) == expected


def test_texts_beyond_latin1_after_narrowed_ones_are_written_fast() -> None:
    """After a list whose texts were narrowed, the next is written by the escaping
    variant, which notes its texts narrowed and checks them so: texts beyond
    Latin-1 (four bytes a character as they are) are written by the fast path
    too, not handed back, and as the general writer writes them."""
    hint = fast_writer.writer_of(OmniResponse).__globals__["_message_hint"]  # type: ignore[union-attr]
    hint[0] = None
    for description in ("\u00e9", "\u4e2d\U0001f600", "a&\U0001f600", "\u4e2d"):
        value = OmniResponse(messages=[_message(description=description), _message(description="\u00e9")])
        before = fast.misses["write"]
        assert xml.encode(value) == writer.write(value)
        assert fast.misses["write"] == before, description


class Link(OmniStruct, kw_only=True):
    url: Annotated[str, msgspec.Meta(pattern=r"\Ahttps?://")]  # a pattern that allows markup
    title: str | None = None


class LinksDocument(OmniStruct, kw_only=True):
    __xml_root__: ClassVar[str] = "linksDocument"

    links: Annotated[list[Link], xml_item("link")]


@given(
    links=st.lists(
        st.tuples(st.text(alphabet="a&<\u00e9", max_size=3), st.text(alphabet="a&\u00e9\U0001f600", max_size=3)),
        min_size=1, max_size=4,
    ),
)
@example(links=[("&", "\u00e9")])  # the general writer writes the items, narrowed
def test_items_whose_pattern_strings_need_care_are_written_as_the_general_writer_writes_them(
    links: list[tuple[str, str]],
) -> None:
    value = LinksDocument(links=[Link(url=f"https://{url}", title=title) for url, title in links])
    assert fast_writer.write(value) == writer.write(value)


def test_the_fields_tested_next_are_those_that_needed_escapes() -> None:
    """Those of the last list, with those tested before while escapes go on; the
    first writer again after a list that needed none."""
    found = (False, True, False)
    assert fast_writer._next_tests(None, found) == found
    assert fast_writer._next_tests((True, False, False), found) == (True, True, False)
    assert fast_writer._next_tests((True, False, False), (False, False, False)) is None
    assert fast_writer._next_tests(None, ()) is None


# --- The generated code: readable, in tracebacks, and never a silent fallback ------


@pytest.mark.parametrize("which", ["reader", "writer"])
def test_the_generated_source_can_be_printed(which: str) -> None:
    source = fast.source_of(OmniResponse, which)
    verb = "read" if which == "reader" else "write"
    assert f"def _{verb}_message(" in source  # named after what it handles
    assert "_OmniResponseDetails" in source
    compile(source, "<printed>", "exec")  # the printed text is the code that runs
    with pytest.raises(ValueError, match="which must be"):
        fast.source_of(OmniResponse, "parser")


def test_a_traceback_through_generated_code_shows_its_lines() -> None:
    fast_writer.writer_of(OmniResponse)
    value = OmniResponse(messages=[_message()])
    del value.messages[0].status.group_id  # a Status that lost a field
    try:
        fast_writer.write(value)
    except AttributeError as exc:  # not a Miss: it propagates
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if "fast writer" in f.filename]
        # (Either writer of the list: the first, or its escaping variant.)
        assert frames and frames[-1].line and re.search(r"f_status(_[0-9]+)?\.group_id", frames[-1].line)
    else:  # pragma: no cover
        raise AssertionError("an AttributeError inside generated code was swallowed")


def test_an_unexpected_exception_in_the_fast_reader_is_not_a_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    readers = fast_reader.readers_of(OmniResponse)
    assert readers is not None

    def broken(text: str, limit: int, references: bool) -> Any:
        raise TypeError("a bug in generated code")

    broken_readers = readers._replace(compact=broken, spaced=broken, order_tolerant=None, from_bytes=None)
    monkeypatch.setitem(fast_reader._cache, (OmniResponse, False, False), broken_readers)
    with pytest.raises(TypeError, match="a bug in generated code"):
        xml.decode(xml.encode(OmniResponse(messages=[_message()])), type=OmniResponse)


def test_which_path_ran_is_counted() -> None:
    regular = xml.encode(OmniResponse(messages=[_message()]))
    before = fast.misses.copy()
    xml.decode(regular, type=OmniResponse)
    assert fast.misses == before  # the fast path took it
    xml.decode(regular.replace(b"<omniResponse>", b'<omniResponse a="1">'), type=OmniResponse)
    assert fast.misses["read"] == before["read"] + 1  # an attribute: the general path
    with pytest.raises(EncodeError):
        xml.encode(OmniResponse(messages=[_message(name="a\x00")]))
    assert fast.misses["write"] == before["write"] + 1


def test_a_required_field_missing_from_an_optional_struct_in_another_order_is_handed_back() -> None:
    """A report's ``status`` is optional, its ``groupId`` required: the order-tolerant
    reader hands the document on, and the general path names what is missing."""
    from omni_codec import OMNIReportsResponse

    status = "<status><name>DELIVERED</name><groupName>DELIVERED</groupName><id>5</id><description>d</description>{}</status>"
    result = "<result><messageId>m</messageId>{}<to>1</to></result>"
    whole = result.format(status.format("<groupId>3</groupId>"))
    lacking = result.format(status.format(""))
    regular = f"<reportResponse><results>{whole}</results></reportResponse>".encode()
    root = document_of(OMNIReportsResponse).root
    regular = regular.replace(b"reportResponse", root.encode())
    assert fast_reader.read(regular, OMNIReportsResponse, DEFAULT_LIMITS) is not None  # in another order
    document = regular.replace(whole.encode(), whole.encode() + lacking.encode())
    assert fast_reader.read(document, OMNIReportsResponse, DEFAULT_LIMITS) is None
    error = outcome(general_decode, document, OMNIReportsResponse)
    assert error[0] == "error" and error[3] == "$.results[1].status" and "groupId" in error[2]
    assert_same_outcome(outcome(xml.decode, document, type=OMNIReportsResponse), error)
