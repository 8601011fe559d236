"""JSON decode errors: where (line and column), said once, null versus missing, BOM."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import omni_codec
from omni_codec import DecodeError, OmniResponse, OmniSimpleRequest, ValidationError
from omni_codec._json_errors import locate, position

VALID = (
    '{\n  "bulkId": "héllo wörld",\n  "messages": [\n    {"to": {"phoneNumber": "41793026727"},\n'
    '     "status": {"groupId": 0, "groupName": "A", "id": 0, "name": "N", "description": "d"},\n'
    '     "messageId": "m"}\n  ]\n}\n'
)


def editor_position(text: str, index: int) -> tuple[int, int]:
    """Line and column of the character at ``index``, as an editor counts (from 1)."""
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


@given(st.integers(min_value=0, max_value=len(VALID) - 2), st.sampled_from(["@", "#", "\x01", "'"]))
def test_a_stray_character_is_reported_where_it_is(index: int, stray: str) -> None:
    # A character no JSON text may hold outside a string, put before a structural
    # character (never inside a string, a number or a literal).
    structural = [i for i, c in enumerate(VALID) if c in "{}[],:" and i >= index]
    where = structural[0]
    text = VALID[:where] + stray + VALID[where:]
    with pytest.raises(DecodeError) as caught:
        omni_codec.json.decode(text.encode(), type=OmniResponse)
    assert not isinstance(caught.value, ValidationError)
    assert (caught.value.line, caught.value.column) == editor_position(text, where)
    assert str(caught.value).endswith(f"(line {caught.value.line}, column {caught.value.column})")
    assert str(caught.value).count("alformed") == 1


@pytest.mark.parametrize("cut", [1, 20, 60, len(VALID) - 3])
def test_truncated_json_points_at_its_end(cut: int) -> None:
    text = VALID[:cut].rstrip()
    with pytest.raises(DecodeError) as caught:
        omni_codec.json.decode(text, type=OmniResponse)
    line, column = editor_position(text, len(text))
    assert (caught.value.line, caught.value.column) == (line, column)


@pytest.mark.parametrize("data", [b"", b" \n\t"])
def test_empty_input_says_so(data: bytes) -> None:
    with pytest.raises(DecodeError, match="empty") as caught:
        omni_codec.json.decode(data, type=OmniResponse)
    assert caught.value.line is None


def test_invalid_utf8_is_located() -> None:
    data = VALID.encode().replace("wörld".encode(), b"w\xffrld")
    with pytest.raises(DecodeError, match="UTF-8") as caught:
        omni_codec.json.decode(data, type=OmniResponse)
    assert (caught.value.line, caught.value.column) == editor_position(VALID, VALID.index("ö"))


@pytest.mark.parametrize("bad", [b"\xff", b"\xe2\x82", b"\xed\xa0\x80"])
def test_invalid_utf8_far_into_a_long_document_is_located(bad: bytes) -> None:
    # Past the first stretches the UTF-8 check reads, in an unknown member that
    # msgspec skips without decoding: the position is still the byte's own.
    filler = "é" * 100_000 + "\n" + "x" * 70_000
    text = VALID.replace('"bulkId"', f'"note": "{filler}", "skipped": "@", "bulkId"')
    data = text.encode().replace(b"@", bad)
    with pytest.raises(DecodeError, match="UTF-8") as caught:
        omni_codec.json.decode(data, type=OmniResponse)
    assert (caught.value.line, caught.value.column) == editor_position(text, text.index("@"))


def test_null_where_a_value_is_required_is_not_called_missing() -> None:
    null = b'{"destinations": [{"to": {"phoneNumber": "1"}}, {"to": {"phoneNumber": null}}]}'
    absent = b'{"destinations": [{"to": {"phoneNumber": "1"}}, {"to": {}}]}'
    for strict in (False, True):
        with pytest.raises(ValidationError) as caught:
            omni_codec.json.decode(null, type=OmniSimpleRequest, strict=strict)
        assert "null" in caught.value.message and "missing" not in caught.value.message
        assert caught.value.path == "$.destinations[1].to.phoneNumber"
        with pytest.raises(ValidationError) as caught:
            omni_codec.json.decode(absent, type=OmniSimpleRequest, strict=strict)
        assert "missing" in caught.value.message
        assert caught.value.path == "$.destinations[1].to.phoneNumber"


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_utf8_byte_order_mark_is_accepted_by_both_formats(fmt: str) -> None:
    value = omni_codec.json.decode(VALID, type=OmniResponse)
    module = getattr(omni_codec, fmt)
    data = module.encode(value)
    assert module.decode(b"\xef\xbb\xbf" + data, type=OmniResponse) == value
    assert module.decode("\ufeff" + data.decode(), type=OmniResponse) == value
    assert module.decode(b"\xef\xbb\xbf" + data, type=OmniResponse, strict=True) == value


def test_a_byte_order_mark_is_only_skipped_at_the_start() -> None:
    with pytest.raises(DecodeError):
        omni_codec.json.decode(b' \xef\xbb\xbf{"messages": []}', type=OmniResponse)


@pytest.mark.parametrize(
    ("path", "needle"),
    [
        ("$", "{\n  \"bulkId\""),
        ("$.bulkId", '"héllo'),
        ("$.messages[0].to.phoneNumber", '"41793026727"'),
        ("$.messages[0].status.groupName", '"A"'),
        ("$.messages[0].messageId", '"m"'),
        ("$.messages[0].to.emailAddress", '{"phoneNumber"'),  # absent: the `to` that lacks it
        ("$.messages[3]", "[\n    {"),
    ],
)
def test_locate_finds_a_value_or_the_object_that_lacks_it(path: str, needle: str) -> None:
    data = VALID.encode()
    offset = locate(data, path)
    assert offset is not None
    assert data[offset:].startswith(needle.encode())
    assert position(data, offset) == editor_position(VALID, VALID.index(needle))
