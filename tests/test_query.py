"""The query form: the GET endpoints' parameters, read from and written to a query string.

Cases are tables checked in the directions they hold; the round trip is a property
over every value the strategies build; hostile query strings only ever give a
CodecError.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

import omni_codec
from omni_codec import DecodeError, EncodeError, Limits, ValidationError, query
from omni_codec._scalars import OmniDateTime
from omni_codec.endpoints import ENDPOINTS
from omni_codec.models import (
    CampaignsQuery,
    GeneralStatus,
    LogsQuery,
    OmniChannel,
    OmniResponse,
    ReportsQuery,
    ScenariosQuery,
)
from omni_codec.strategies import from_type

QUERY_TYPES = [ScenariosQuery, ReportsQuery, LogsQuery, CampaignsQuery]
CET = dt.timezone(dt.timedelta(hours=1))


# --- Both directions --------------------------------------------------------------

#: (query string as the encoder writes it, the value): decoded and encoded.
CANONICAL: list[tuple[str, Any]] = [
    ("", LogsQuery()),
    ("isDefault=true&limit=0&page=2", ScenariosQuery(is_default=True, limit=0, page=2)),
    ("isDefault=false", ScenariosQuery(is_default=False)),
    ("bulkId=b&messageId=m&limit=1000&channel=PUSH",
     ReportsQuery(bulk_id="b", message_id="m", limit=1000, channel=OmniChannel.PUSH)),
    ("limit=-2147483648&page=2147483647", CampaignsQuery(limit=-(2**31), page=2**31 - 1)),
    # A repeated parameter, its items in order; a comma belongs to a value.
    ("bulkId=a&bulkId=b,c&messageId=1", LogsQuery(bulk_id=["a", "b,c"], message_id=["1"])),
    # The wire name `from`; spaces, reserved and non-ASCII characters escaped.
    ("from=Demo%20App&to=%2B41%26%3D%23%25", LogsQuery(from_="Demo App", to="+41&=#%")),
    ("mcc=%C3%A9%F0%9F%98%80&mnc=", LogsQuery(mcc="é😀", mnc="")),
    # Datetimes in the published form, the offset's + escaped.
    ("sentSince=2015-02-22T17:42:05.390%2B0100&sentUntil=2015-02-22T17:44:05.000Z".replace("Z", "%2B0000"),
     LogsQuery(sent_since=OmniDateTime(2015, 2, 22, 17, 42, 5, 390000, CET),
               sent_until=OmniDateTime(2015, 2, 22, 17, 44, 5, tzinfo=dt.timezone.utc))),
    ("generalStatus=DELIVERED&channel=WHATSAPP",
     LogsQuery(general_status=GeneralStatus.DELIVERED, channel=OmniChannel.WHATSAPP)),
    # An unknown enumeration value keeps its text (SPEC section 4).
    ("channel=RCS", LogsQuery(channel=OmniChannel("RCS"))),
]


@pytest.mark.parametrize(("text", "value"), CANONICAL)
def test_canonical_queries_in_both_directions(text: str, value: Any) -> None:
    assert query.decode(text, type=type(value)) == value
    assert query.decode(text.encode(), type=type(value)) == value
    assert query.encode(value) == text


#: Other spellings the decoder reads: (query string, the value).
TOLERATED: list[tuple[str, Any]] = [
    ("from=Demo+App", LogsQuery(from_="Demo App")),  # + is a space (form encoding)
    ("bulk%49d=x", LogsQuery(bulk_id=["x"])),  # names are percent-decoded too
    ("limit=10&&mcc=1&", LogsQuery(limit=10, mcc="1")),  # empty pairs carry nothing
    ("mcc", LogsQuery(mcc="")),  # no `=`: an empty value
    ("isDefault=1", ScenariosQuery(is_default=True)),
    ("limit=007", ScenariosQuery(limit=7)),
    ("sentSince=2015-02-22T17:42:05.390%2B01:00",  # RFC 3339, as the description's example
     LogsQuery(sent_since=OmniDateTime(2015, 2, 22, 17, 42, 5, 390000, CET))),
    ("sentSince=2015-02-22T16:42:05Z", LogsQuery(sent_since=OmniDateTime(2015, 2, 22, 16, 42, 5, tzinfo=dt.timezone.utc))),
    ("unknown=1&limit=5", ReportsQuery(limit=5)),  # unknown parameters: ignored, not strict
    ("CHANNEL=SMS", ReportsQuery()),  # names are case-sensitive, as JSON keys are
]


@pytest.mark.parametrize(("text", "value"), TOLERATED)
def test_tolerated_spellings(text: str, value: Any) -> None:
    decoded = query.decode(text, type=type(value))
    assert decoded == value
    assert query.decode(query.encode(decoded), type=type(value)) == value


def test_decoded_datetimes_keep_their_offset() -> None:
    value = query.decode("sentSince=2015-02-22T17:42:05.390%2B01:00", type=LogsQuery)
    assert value.sent_since is not None and value.sent_since.utcoffset() == dt.timedelta(hours=1)


# --- Errors, with their paths -------------------------------------------------------

INVALID: list[tuple[str, type[Any], str, str]] = [
    # (query, type, path, a part of the message)
    ("limit=1&limit=2", ReportsQuery, "$.limit", "more than once"),
    ("channel=SMS&channel=SMS", ReportsQuery, "$.channel", "more than once"),
    ("limit=ten", ReportsQuery, "$.limit", "Expected `int`"),
    ("limit=", ReportsQuery, "$.limit", "Expected `int`"),
    ("limit=1001", LogsQuery, "$.limit", "<= 1000"),
    ("limit=-1", ScenariosQuery, "$.limit", ">= 0"),
    ("page=2147483648", CampaignsQuery, "$.page", "<= 2147483647"),
    ("page=-2147483649", CampaignsQuery, "$.page", ">= -2147483648"),
    ("limit=" + "9" * 5000, ReportsQuery, "$.limit", "64 bits"),
    ("limit=1e3", ReportsQuery, "$.limit", "Expected `int`"),
    ("isDefault=yes", ScenariosQuery, "$.isDefault", "Expected `bool`"),
    ("isDefault=", ScenariosQuery, "$.isDefault", "Expected `bool`"),
    ("sentSince=2015-02-22", LogsQuery, "$.sentSince", "datetime"),
    ("sentSince=", LogsQuery, "$.sentSince", "datetime"),
    ("sentUntil=2015-02-30T00:00:00Z", LogsQuery, "$.sentUntil", "no such date"),
    # An unescaped + in an offset became a space: the error says how to send it.
    ("sentSince=2015-02-22T17:42:05.390+0100", LogsQuery, "$.sentSince", "%2B"),
    # Characters XML 1.0 cannot carry, as in every format (SPEC section 6).
    ("bulkId=ok&bulkId=a%00", LogsQuery, "$.bulkId[1]", "U+0000"),
    ("mcc=%EF%BF%BE", LogsQuery, "$.mcc", "U+FFFE"),
    ("bulkId=a&bulkId=2&limit=x", LogsQuery, "$.limit", "Expected `int`"),
]


@pytest.mark.parametrize(("text", "cls", "path", "message"), INVALID)
@pytest.mark.parametrize("strict", [False, True])
def test_invalid_parameters_name_their_path(text: str, cls: type[Any], path: str, message: str, strict: bool) -> None:
    with pytest.raises(ValidationError) as caught:
        query.decode(text, type=cls, strict=strict)
    assert caught.value.path == path
    assert message in caught.value.message
    assert f"- at `{path}`" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "path", "message"),
    [
        ("channel=RCS", "$.channel", "Invalid enum value 'RCS'"),
        ("generalStatus=SEEN", "$.generalStatus", "Invalid enum value 'SEEN'"),
        ("limit=1&bulkid=a", "$", "unknown field `bulkid`"),
        ("from=x&%3F=1", "$", "unknown field `?`"),
        ("x" * 10_000 + "=1", "$", "unknown field `" + "x" * 57 + "...`"),
    ],
)
def test_strict_rejects_unknown_parameters_and_values(text: str, path: str, message: str) -> None:
    lenient = query.decode(text, type=LogsQuery)
    assert isinstance(lenient, LogsQuery)
    with pytest.raises(ValidationError) as caught:
        query.decode(text, type=LogsQuery, strict=True)
    assert caught.value.path == path
    assert message in caught.value.message


@pytest.mark.parametrize(
    ("text", "column", "message"),
    [
        ("bulkId=%zz", 8, "Bad percent escape '%zz'"),
        ("mcc=1&bulkId=ab%4", 16, "Bad percent escape '%4'"),
        ("bulkId=%", 8, "Bad percent escape '%'"),
        ("bu%g1=1", 3, "Bad percent escape"),
        ("mcc=1&to=%FF", 10, "not UTF-8"),  # escapes of bytes that are not UTF-8
        ("to=%C3%28", 4, "not UTF-8"),
        ("to=%ED%A0%80", 4, "not UTF-8"),  # an encoded surrogate
        ("unknown=%zz", 9, "Bad percent escape"),  # malformed, known or not
    ],
)
def test_malformed_queries_give_the_column(text: str, column: int, message: str) -> None:
    with pytest.raises(DecodeError) as caught:
        query.decode(text, type=LogsQuery)
    assert not isinstance(caught.value, ValidationError)
    assert message in caught.value.message
    assert (caught.value.line, caught.value.column) == (1, column)


def test_input_that_is_not_utf8() -> None:
    with pytest.raises(DecodeError) as caught:
        query.decode(b"mcc=\xe9t\xe9", type=LogsQuery)
    assert caught.value.column == 5
    with pytest.raises(DecodeError, match="surrogate"):
        query.decode("mcc=\ud800", type=LogsQuery)
    with pytest.raises(DecodeError):
        query.decode(12, type=LogsQuery)  # type: ignore[arg-type]


def test_limits() -> None:
    with pytest.raises(DecodeError, match="max_bytes=10"):
        query.decode("mcc=" + "1" * 7, type=LogsQuery, limits=Limits(max_bytes=10))
    assert query.decode("mcc=" + "1" * 6, type=LogsQuery, limits=Limits(max_bytes=10)).mcc == "1" * 6
    many = "&".join(["bulkId=a"] * 4)
    with pytest.raises(DecodeError, match="max_list_items=3") as caught:
        query.decode(many, type=LogsQuery, limits=Limits(max_list_items=3))
    assert "$.bulkId" in str(caught.value)
    assert query.decode(many, type=LogsQuery, limits=Limits(max_list_items=4)).bulk_id == ["a"] * 4


# --- Encoding ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "path"),
    [
        (ReportsQuery(limit=1001), "$.limit"),
        (ScenariosQuery(page=-1), "$.page"),
        (LogsQuery(bulk_id=[]), "$.bulkId"),  # no pair could say "no ids"
        (LogsQuery(mcc="\x00"), "$.mcc"),
        (LogsQuery(message_id=["a", 1]), "$.messageId[1]"),  # type: ignore[list-item]
        (LogsQuery(sent_since=dt.datetime(2015, 1, 1)), "$.sentSince"),  # type: ignore[arg-type]  # naive
    ],
)
def test_encode_refuses_what_would_not_decode(value: Any, path: str) -> None:
    with pytest.raises(EncodeError) as caught:
        query.encode(value)
    assert caught.value.path == path


@pytest.mark.parametrize("value", [object(), "limit=1", None, OmniResponse(messages=[])])
def test_encode_refuses_what_has_no_query_form(value: Any) -> None:
    with pytest.raises(EncodeError):
        query.encode(value)


def test_a_decoder_needs_a_model_with_a_query_form() -> None:
    with pytest.raises(TypeError, match="no query form"):
        query.Decoder(OmniResponse)
    with pytest.raises(TypeError, match="OMNI model"):
        query.decode("a=1", type=dict)


def test_reusable_objects() -> None:
    decoder = query.Decoder(ReportsQuery, strict=True)
    assert decoder.decode("limit=3") == ReportsQuery(limit=3)
    assert query.Encoder(check=False).encode(ReportsQuery(limit=3)) == "limit=3"
    assert "ReportsQuery" in repr(decoder)


def test_every_get_endpoint_with_parameters_has_a_query_model_with_a_query_form() -> None:
    queries = {e.query for e in ENDPOINTS if e.query is not None}
    assert queries == set(QUERY_TYPES)
    for endpoint in ENDPOINTS:
        if endpoint.query is not None:
            assert endpoint.method == "GET"
            assert query.decode("", type=endpoint.query) == endpoint.query()


# --- Properties ---------------------------------------------------------------------


@pytest.mark.parametrize("cls", QUERY_TYPES, ids=lambda c: c.__name__)
@given(data=st.data())
def test_round_trip(cls: type[Any], data: st.DataObject) -> None:
    value = data.draw(from_type(cls, edge_cases=data.draw(st.booleans())))
    text = query.encode(value)
    assert text.isascii()
    decoded = query.decode(text, type=cls)
    assert decoded == value
    for name in msgspec.structs.asdict(value):  # the same offsets too, not just instants
        original, back = getattr(value, name), getattr(decoded, name)
        if isinstance(original, dt.datetime):
            assert back.utcoffset() == original.utcoffset()
    # The JSON form of the model holds the same value.
    assert omni_codec.json.decode(omni_codec.json.encode(decoded), type=cls) == value


_QUERY_ALPHABET = st.sampled_from(list("abcdefglmnpstuyIDS=&%+0123456789AFaf.,:TZ-") + ["%2B", "%C3", "%A9", "\u00e9", "\x00"])


@given(
    text=st.one_of(st.text(), st.lists(_QUERY_ALPHABET).map("".join)),
    strict=st.booleans(),
    cls=st.sampled_from(QUERY_TYPES),
)
def test_any_text_gives_a_value_or_a_codec_error(text: str, strict: bool, cls: type[Any]) -> None:
    try:
        value = query.decode(text, type=cls, strict=strict)
    except omni_codec.CodecError:
        return
    # What the decoder accepts is valid: it encodes, and reads back the same.
    assert query.decode(query.encode(value), type=cls) == value


@given(data=st.binary(), cls=st.sampled_from(QUERY_TYPES))
def test_any_bytes_give_a_value_or_a_codec_error(data: bytes, cls: type[Any]) -> None:
    try:
        query.decode(data, type=cls)
    except omni_codec.CodecError:
        pass
