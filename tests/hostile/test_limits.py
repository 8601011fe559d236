"""Resource limits (SPEC section 6): nesting depth, input size, list length.

Hitting a limit is a DecodeError that names the limit, never a RecursionError, a
MemoryError or a long wait.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import omni_codec
from omni_codec import Limits, OmniResponse, OmniSimpleRequest

from ._support import TIME_BOUND, VECTORS, timed

N = 100_000
DEST_XML = "<destinations><destination><to><phoneNumber>1</phoneNumber></to></destination></destinations>"
DEST_JSON = '"destinations":[{"to":{"phoneNumber":"1"}}]'


def _deep_xml(n: int) -> dict[str, str]:
    return {
        "unknown-child": f"<request>{DEST_XML}" + "<a>" * n + "</a>" * n + "</request>",
        "root": "<a>" * n + "</a>" * n,
        "in-a-leaf": f"<request>{DEST_XML}<text>" + "<a>" * n + "</a>" * n + "</text></request>",
        "in-a-list": "<request><destinations>" + "<destination>" * n
        + "</destination>" * n + "</destinations></request>",
        "unclosed": "<request>" + "<a>" * n,
    }


def _deep_json(n: int) -> dict[str, str]:
    return {
        "unknown-key-arrays": "{" + DEST_JSON + ',"x":' + "[" * n + "]" * n + "}",
        "unknown-key-objects": "{" + DEST_JSON + ',"x":' + '{"a":' * n + "1" + "}" * n + "}",
        "in-a-list": '{"destinations":' + "[" * n + "]" * n + "}",
        "in-a-string-field": '{"text":' + "[" * n + "]" * n + "}",
        "top-level": "[" * n + "]" * n,
        "unclosed": '{"x":' + "[" * n,
    }


XML_TARGETS: dict[str, Callable[..., Any]] = {
    "decode-request": lambda d, **kw: omni_codec.xml.decode(d, type=OmniSimpleRequest, **kw),
    "decode-request-strict": lambda d, **kw: omni_codec.xml.decode(
        d, type=OmniSimpleRequest, strict=True, **kw
    ),
    "decode-response": lambda d, **kw: omni_codec.xml.decode(d, type=OmniResponse, **kw),
    "validate": lambda d, **kw: omni_codec.xml.validate(d, **kw),
}
JSON_TARGETS: dict[str, Callable[..., Any]] = {
    "decode-request": lambda d, **kw: omni_codec.json.decode(d, type=OmniSimpleRequest, **kw),
    "decode-request-strict": lambda d, **kw: omni_codec.json.decode(
        d, type=OmniSimpleRequest, strict=True, **kw
    ),
    "decode-response": lambda d, **kw: omni_codec.json.decode(d, type=OmniResponse, **kw),
}


def _assert_limit(call: Callable[[], Any], limit: str, *, bound: float = TIME_BOUND) -> str:
    exc, result, seconds = timed(call)
    assert exc is not None, f"accepted: {result!r}"
    assert isinstance(exc, omni_codec.DecodeError), f"{type(exc).__name__}: {exc}"
    assert limit in str(exc), str(exc)
    assert seconds < bound, f"took {seconds:.2f} s"
    return str(exc)


# -- nesting -------------------------------------------------------------------------


@pytest.mark.parametrize("target", sorted(XML_TARGETS))
@pytest.mark.parametrize("case", sorted(_deep_xml(1)))
def test_xml_100000_levels(case: str, target: str) -> None:
    document = _deep_xml(N)[case]
    call = XML_TARGETS[target]
    for data in (document, document.encode()):
        _assert_limit(lambda: call(data), "max_depth")


@pytest.mark.parametrize("target", sorted(JSON_TARGETS))
@pytest.mark.parametrize("case", sorted(_deep_json(1)))
def test_json_100000_levels(case: str, target: str) -> None:
    document = _deep_json(N)[case]
    call = JSON_TARGETS[target]
    if case in ("in-a-list", "in-a-string-field", "top-level"):
        # msgspec checks the type of a value before descending into it: the wrong
        # type is reported first, which is as good (and as fast) as the limit.
        for data in (document, document.encode()):
            exc, _, seconds = timed(lambda: call(data))
            assert isinstance(exc, omni_codec.DecodeError), repr(exc)
            assert seconds < TIME_BOUND
        return
    for data in (document, document.encode()):
        _assert_limit(lambda: call(data), "max_depth")


@pytest.mark.parametrize("depth", [70, 200])
def test_xml_max_depth_default_is_enforced(depth: int) -> None:
    """The default max_depth (64) holds, not only the parser's own limit of 256."""
    document = _deep_xml(depth)["unknown-child"]
    for name, call in XML_TARGETS.items():
        if name == "decode-request-strict":
            continue  # strict mode rejects the unknown element first
        _assert_limit(lambda: call(document), f"max_depth={omni_codec.DEFAULT_LIMITS.max_depth}")


def _push_request(depth: int) -> dict[str, Any]:
    """An advanced request whose free-form push payload nests ``depth`` objects."""
    payload: dict[str, Any] = {"leaf": 1}
    for _ in range(depth - 1):
        payload = {"a": payload}
    return {"destinations": [{"to": {"phoneNumber": "1"}}], "push": {"customPayload": payload}}


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize(("limits", "depth"), [(None, 70), (Limits(max_depth=10), 12)])
def test_free_form_nesting_is_bounded_by_max_depth(fmt: str, limits: Limits | None, depth: int) -> None:
    """Values decoded into memory keep within max_depth, in both formats."""
    import msgspec

    from omni_codec import OmniAdvancedRequest

    body = msgspec.json.encode(_push_request(depth))
    if fmt == "xml":
        # Encoding writes what it is given; decoding is what the limit guards.
        body = omni_codec.xml.encode(omni_codec.json.decode(body, type=OmniAdvancedRequest, limits=Limits(max_depth=100)))
    module = getattr(omni_codec, fmt)
    expected = limits.max_depth if limits else omni_codec.DEFAULT_LIMITS.max_depth
    _assert_limit(lambda: module.decode(body, type=OmniAdvancedRequest, limits=limits), f"max_depth={expected}")
    shallow = msgspec.json.encode(_push_request(3))
    assert omni_codec.json.decode(shallow, type=OmniAdvancedRequest, limits=limits).push is not None


def test_json_skipped_members_are_never_built() -> None:
    """Unknown JSON members are skipped by msgspec without building anything: their
    nesting is bounded by max_bytes and msgspec's own recursion guard (README,
    "Security"), reported as max_depth; strict mode rejects them outright."""
    document = _deep_json(500)["unknown-key-arrays"]
    assert omni_codec.json.decode(document, type=OmniSimpleRequest).destinations
    with pytest.raises(omni_codec.ValidationError):
        omni_codec.json.decode(document, type=OmniSimpleRequest, strict=True)


def test_xml_max_depth_setting_is_enforced() -> None:
    limits = Limits(max_depth=10)
    # The vectors nest five levels: well inside the limit.
    omni_codec.xml.decode((VECTORS / "omni-response.xml").read_bytes(), type=OmniResponse, limits=limits)
    document = _deep_xml(30)["unknown-child"]
    _assert_limit(
        lambda: omni_codec.xml.decode(document, type=OmniSimpleRequest, limits=limits),
        "max_depth=10",
    )
    _assert_limit(lambda: omni_codec.xml.validate(document, limits=limits), "max_depth=10")


# -- size ----------------------------------------------------------------------------

SIZE_CASES: dict[str, Callable[..., Any]] = {
    "xml-decode": lambda d, limits: omni_codec.xml.decode(d, type=OmniSimpleRequest, limits=limits),
    "xml-validate": lambda d, limits: omni_codec.xml.validate(d, limits=limits),
    "json-decode": lambda d, limits: omni_codec.json.decode(d, type=OmniSimpleRequest, limits=limits),
}
SIZE_VECTORS = {
    "xml-decode": "simple-request.xml",
    "xml-validate": "simple-request.xml",
    "json-decode": "simple-request.json",
}


@pytest.mark.parametrize("case", sorted(SIZE_CASES))
def test_max_bytes(case: str) -> None:
    call = SIZE_CASES[case]
    data = (VECTORS / SIZE_VECTORS[case]).read_bytes()
    size = len(data)
    call(data, Limits(max_bytes=size))  # exactly at the limit: accepted
    message = _assert_limit(lambda: call(data, Limits(max_bytes=size - 1)), "max_bytes")
    assert f"max_bytes={size - 1}" in message
    assert str(size) in message


@pytest.mark.parametrize("case", sorted(SIZE_CASES))
def test_max_bytes_counts_utf8_of_str_input(case: str) -> None:
    """A str is measured by its UTF-8 length, not its number of code points."""
    call = SIZE_CASES[case]
    text = "\u00e9" * 8  # 8 code points, 16 bytes
    _assert_limit(lambda: call(text, Limits(max_bytes=10)), "max_bytes=10")


@pytest.mark.parametrize("case", sorted(SIZE_CASES))
def test_max_bytes_checked_before_parsing(case: str) -> None:
    """An oversized document is refused on its size alone, whatever it holds."""
    call = SIZE_CASES[case]
    garbage = b"<" * 5_000_000
    _assert_limit(lambda: call(garbage, Limits(max_bytes=1_000_000)), "max_bytes=1000000")


# -- list length ---------------------------------------------------------------------

DEST = "<destination><to><phoneNumber>1</phoneNumber></to></destination>"
MESSAGE = (
    "<message><to><phoneNumber>1</phoneNumber></to><status><groupId>0</groupId>"
    "<groupName>ACCEPTED</groupName><id>0</id><name>N</name><description>D</description>"
    "</status><messageId>m</messageId></message>"
)
MESSAGE_JSON = (
    '{"to":{"phoneNumber":"1"},"status":{"groupId":0,"groupName":"ACCEPTED","id":0,'
    '"name":"N","description":"D"},"messageId":"m"}'
)
LIST_CASES: dict[str, tuple[Callable[[int], str], Callable[..., Any]]] = {
    "xml-request": (
        lambda n: f"<request><destinations>{DEST * n}</destinations></request>",
        lambda d, **kw: omni_codec.xml.decode(d, type=OmniSimpleRequest, **kw),
    ),
    "xml-request-strict": (
        lambda n: f"<request><destinations>{DEST * n}</destinations></request>",
        lambda d, **kw: omni_codec.xml.decode(d, type=OmniSimpleRequest, strict=True, **kw),
    ),
    "xml-response": (
        lambda n: f"<omniResponse><messages>{MESSAGE * n}</messages></omniResponse>",
        lambda d, **kw: omni_codec.xml.decode(d, type=OmniResponse, **kw),
    ),
    "json-request": (
        lambda n: '{"destinations":[' + ",".join(['{"to":{"phoneNumber":"1"}}'] * n) + "]}",
        lambda d, **kw: omni_codec.json.decode(d, type=OmniSimpleRequest, **kw),
    ),
    "json-request-strict": (
        lambda n: '{"destinations":[' + ",".join(['{"to":{"phoneNumber":"1"}}'] * n) + "]}",
        lambda d, **kw: omni_codec.json.decode(d, type=OmniSimpleRequest, strict=True, **kw),
    ),
    "json-response": (
        lambda n: '{"messages":[' + ",".join([MESSAGE_JSON] * n) + "]}",
        lambda d, **kw: omni_codec.json.decode(d, type=OmniResponse, **kw),
    ),
}


@pytest.mark.parametrize("case", sorted(LIST_CASES))
def test_max_list_items(case: str) -> None:
    build, call = LIST_CASES[case]
    limits = Limits(max_list_items=3)
    call(build(3), limits=limits)  # 3 items: accepted
    message = _assert_limit(lambda: call(build(4), limits=limits), "max_list_items")
    assert "max_list_items=3" in message
    assert "4" in message


@pytest.mark.parametrize("case", ["xml-request", "json-request"])
def test_max_list_items_default(case: str) -> None:
    build, call = LIST_CASES[case]
    n = omni_codec.DEFAULT_LIMITS.max_list_items + 1
    _assert_limit(lambda: call(build(n)), f"max_list_items={n - 1}", bound=30)


# -- long strings --------------------------------------------------------------------


def test_long_string_crosses_formats_or_names_its_limit() -> None:
    """A string field of 11 million characters is well inside max_bytes. libxml2
    refuses text nodes over 10,000,000 bytes unless told otherwise ("try
    XML_PARSE_HUGE"), so without care JSON accepts it, the XML encoder writes it and
    the XML decoder refuses its own output. Either the value crosses JSON -> XML ->
    value unchanged, or it is refused up front by a limit the error names."""
    text = "a" * 11_000_000
    document = b'{"destinations":[{"to":{"phoneNumber":"1"}}],"text":"' + text.encode() + b'"}'
    try:
        value = omni_codec.json.decode(document, type=OmniSimpleRequest)
    except omni_codec.DecodeError as exc:
        assert "max_" in str(exc), str(exc)
        return
    try:
        encoded = omni_codec.xml.encode(value)
    except omni_codec.EncodeError as exc:
        assert "max_" in str(exc) or "limit" in str(exc), str(exc)
        return
    assert omni_codec.xml.decode(encoded, type=OmniSimpleRequest) == value


@pytest.mark.parametrize("strict", [False, True])
def test_xml_limit_comes_before_a_shape_error_below_it(strict: bool) -> None:
    """An element nested too deep inside a leaf is the limit, not "expected text",
    whatever depth the parser itself allows (libxml2 before 2.13 allows any)."""
    limits = Limits(max_depth=8)
    document = f"<request>{DEST_XML}<text>" + "<a>" * 20 + "</a>" * 20 + "</text></request>"
    _assert_limit(
        lambda: omni_codec.xml.decode(document, type=OmniSimpleRequest, strict=strict, limits=limits),
        "max_depth=8",
    )
    shallow = f"<request>{DEST_XML}<text><a/></text></request>"
    with pytest.raises(omni_codec.ValidationError, match="Expected text"):
        omni_codec.xml.decode(shallow, type=OmniSimpleRequest, strict=strict, limits=limits)


# Free-form JSON objects and arrays count against max_list_items as list items do,
# and the same document in either format hits the limit (SPEC section 6).
FREE_FORM: dict[str, dict[str, Any]] = {
    "object": {f"k{i}": i for i in range(4)},
    "array": {"a": [None] * 4},
    "nested-array": {"a": {"b": [True] * 4}},
}


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize("case", sorted(FREE_FORM))
def test_max_list_items_counts_free_form_members(case: str, fmt: str) -> None:
    import msgspec

    from omni_codec import OmniAdvancedRequest

    value = omni_codec.json.decode(
        msgspec.json.encode({"destinations": [{"to": {"phoneNumber": "1"}}], "push": {"customPayload": FREE_FORM[case]}}),
        type=OmniAdvancedRequest,
    )
    module = getattr(omni_codec, fmt)
    body = module.encode(value)
    assert module.decode(body, type=OmniAdvancedRequest, limits=Limits(max_list_items=4)) == value
    _assert_limit(
        lambda: module.decode(body, type=OmniAdvancedRequest, limits=Limits(max_list_items=3)),
        "max_list_items=3",
    )


# Any max_depth can be set: a limit beyond what libxml2 nests, or beyond what one
# XPath can say, still works and still holds.
@pytest.mark.parametrize("max_depth", [999, 1000, 1001, 2500, 10**6, 2**31, 2**63])
def test_any_max_depth_works(max_depth: int) -> None:
    limits = Limits(max_depth=max_depth)
    document = _deep_xml(20)["unknown-child"]
    assert omni_codec.xml.decode(document, type=OmniSimpleRequest, limits=limits).destinations
    with pytest.raises(omni_codec.ValidationError):  # the unknown element, not the depth
        omni_codec.xml.validate(document, limits=limits)
    assert omni_codec.json.decode(_deep_json(20)["unknown-key-arrays"], type=OmniSimpleRequest, limits=limits)


@pytest.mark.parametrize(("depth", "max_depth"), [(1001, 1000), (1500, 1200), (2048, 2000), (2047, 2046)])
def test_a_deep_max_depth_is_enforced(depth: int, max_depth: int) -> None:
    """Limits deeper than one XPath checks (1000 levels) are checked in stages."""
    limits = Limits(max_depth=max_depth)
    too_deep = _deep_xml(depth - 1)["unknown-child"]  # the root adds a level
    deep_enough = _deep_xml(max_depth - 1)["unknown-child"]
    for name, call in XML_TARGETS.items():
        if name == "decode-request-strict":
            continue  # strict mode rejects the unknown element first
        _assert_limit(lambda: call(too_deep, limits=limits), f"max_depth={max_depth}")
    assert omni_codec.xml.decode(deep_enough, type=OmniSimpleRequest, limits=limits).destinations
