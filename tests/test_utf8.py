"""The JSON decoder's UTF-8 check accepts exactly what Python's decoder accepts,
refuses the rest with the same error at the same offsets, and finds U+FFFE and
U+FFFF wherever they are, stretch boundaries included."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from omni_codec._utf8 import check_utf8

# Pieces of input: ASCII runs, whole characters of every length, and single
# bytes (stray continuation bytes, truncated leads, bytes UTF-8 never uses).
_PIECES = st.one_of(
    st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=8).map(str.encode),
    st.characters(blacklist_categories=("Cs",)).map(str.encode),
    st.binary(min_size=1, max_size=1),
    st.sampled_from([b"\xed\xa0\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80", b"\xe2\x82"]),
    st.sampled_from(["\ufffe", "\uffff", "\ufffd", "\uefff"]).map(str.encode),
)


def _refusal(check: object, data: bytes) -> tuple[int, int, str] | None:
    """Where and why ``check`` refuses ``data`` (None: it accepts it)."""
    try:
        check(data)  # type: ignore[operator]
    except UnicodeDecodeError as exc:
        return exc.start, exc.end, exc.reason
    return None


@given(data=st.lists(_PIECES, max_size=24).map(b"".join), stretch=st.integers(1, 9))
def test_check_utf8_accepts_and_refuses_as_bytes_decode_does(data: bytes, stretch: int) -> None:
    # A refusal has the same offsets, which locate the error in the input (its
    # line and column), whichever stretch the bad byte is in.
    assert _refusal(lambda d: check_utf8(d, stretch), data) == _refusal(bytes.decode, data)


@pytest.mark.parametrize(
    "data",
    [
        b"a" * 10 + "\u00e9".encode() + b"b" * 10,  # a character cut by a boundary
        b"a" * 11 + "\U0001f600".encode() + b"b" * 10,
        b"a" * 20 + b"\xe2\x82",  # truncated at the very end
        b"a" * 5 + b"\xe2" + b"a" * 20,  # truncated before an ASCII stretch
        b"a" * 5 + b"\xe2" + b"a" * 6 + b"\x82\xac",  # its rest after an ASCII stretch
        b"a" * 20 + b"\x80",  # a continuation byte with no lead
    ],
)
def test_characters_across_stretch_boundaries(data: bytes) -> None:
    for stretch in range(1, 12):
        assert _refusal(lambda d: check_utf8(d, stretch), data) == _refusal(bytes.decode, data)


@given(data=st.lists(_PIECES, max_size=24).map(b"".join), stretch=st.integers(1, 9))
def test_check_utf8_reports_the_noncharacters_the_text_holds(data: bytes, stretch: int) -> None:
    try:
        text = data.decode()
    except UnicodeDecodeError:
        return  # the test above covers what is refused
    assert check_utf8(data, stretch) is ("\ufffe" in text or "\uffff" in text)
