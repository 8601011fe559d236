"""Both XML dialects decode (SPEC section 5, README "Dialects").

The source document's form is what the encoder writes. The second dialect is the
form of the XML examples in Infobip's OpenAPI description: the root named after
the type (``<OmniAdvancedRequest>``, ``<ApiException>`` around the error body),
list items named like their wrapper, free-form objects one element per key.

* Every published XML example whose types exist decodes, strictly, to the value
  of its JSON twin (``tests/published/dialects``, provenance in the README there).
* Any value, written in the second dialect by :func:`to_second_dialect` (a small
  converter of the encoder's output), decodes to the same value and is valid
  against the XSD for lxml and xmlschema.
* A document that is neither dialect, or mixes them within one list, is a
  ValidationError with its path and line.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, ClassVar

import msgspec
import pytest
import xmlschema
from hypothesis import assume, given
from hypothesis import strategies as st
from lxml import etree

import omni_codec
from omni_codec import ApiError, OmniAdvancedRequest, OmniResponse, Scenario
from omni_codec._binding import Kind, StructShape, document_of, published_document_of, shape_of
from omni_codec._xml.fast import misses
from omni_codec.models import DOCUMENT_TYPES
from omni_codec.models._base import OmniStruct
from omni_codec.schemas import xsd_path as schema_path
from omni_codec.strategies import from_type, xml_text
from unknown_values import unknown_paths

DIALECTS = Path(__file__).parent / "published" / "dialects"
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
DOCUMENTS = [pytest.param(cls, id=cls.__name__) for cls in DOCUMENT_TYPES]

#: The type of each published example, by the schema its file is named after.
EXAMPLE_TYPES: dict[str, type[Any]] = {
    "apiexception": ApiError,
    "createorupdatescenariorequest": omni_codec.CreateOrUpdateScenarioRequest,
    "deliveryreports": omni_codec.OMNIReportsResponse,
    "omniadvancedrequest": OmniAdvancedRequest,
    "omnilogsresponse": omni_codec.OmniLogsResponse,
    "omniresponse": OmniResponse,
    "scenario": Scenario,
    "scenariosresponse": omni_codec.ScenariosResponse,
}


def _type_of(name: str) -> type[Any]:
    return EXAMPLE_TYPES[name.split("-", 1)[0]]


EXAMPLES = sorted(path.stem for path in DIALECTS.glob("*.xml"))


@pytest.fixture(scope="module")
def xsd() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(schema_path()))


# --- The published examples ----------------------------------------------------------


def test_the_examples_cover_every_published_root() -> None:
    roots = {etree.fromstring((DIALECTS / f"{name}.xml").read_bytes()).tag for name in EXAMPLES}
    assert {"OmniAdvancedRequest", "ApiException"} <= roots
    assert all((DIALECTS / f"{name}.json").is_file() for name in EXAMPLES)


@pytest.mark.parametrize("strict", [False, True], ids=["default", "strict"])
@pytest.mark.parametrize("name", EXAMPLES)
def test_published_xml_example_decodes_to_its_json_twin(name: str, strict: bool, xsd: xmlschema.XMLSchema) -> None:
    cls = _type_of(name)
    document = (DIALECTS / f"{name}.xml").read_bytes()
    value = omni_codec.xml.decode(document, type=cls, strict=strict)
    assert value == omni_codec.json.decode((DIALECTS / f"{name}.json").read_bytes(), type=cls, strict=True)
    omni_codec.xml.validate(document)
    assert xsd.is_valid(io.BytesIO(document))
    # The encoder keeps writing the source document's form.
    written = omni_codec.xml.encode(value)
    assert etree.fromstring(written).tag == document_of(cls).root
    assert omni_codec.xml.decode(written, type=cls, strict=True) == value


def test_the_custom_payload_example_reads_one_element_per_key() -> None:
    value = omni_codec.xml.decode(
        (DIALECTS / "omniadvancedrequest-send-omni-push-message-with-a-custom-payload.xml").read_bytes(),
        type=OmniAdvancedRequest,
    )
    assert value.push is not None
    assert value.push.custom_payload == {"contentUrl": "https://someurl.com/content", "deepLink": "myApp://some/link"}
    assert [d.to.phone_number for d in value.destinations] == ["41793026731"]


def test_the_fast_reader_reads_both_dialects() -> None:
    name = "omniresponse-response-example-for-multiple-destinations"
    value = omni_codec.xml.decode((DIALECTS / f"{name}.xml").read_bytes(), type=OmniResponse)
    source = omni_codec.xml.encode(value)
    second = to_second_dialect(source, value)
    before = misses["read"]
    assert omni_codec.xml.decode(source, type=OmniResponse) == value
    assert misses["read"] == before  # the source form stays on the fast path
    assert omni_codec.xml.decode(second, type=OmniResponse) == value
    assert misses["read"] == before  # and so does the second dialect


# --- Writing the second dialect (test-only) ------------------------------------------


def to_second_dialect(document: bytes, value: Any, *, root: bool = True) -> bytes:
    """The encoder's ``document`` of ``value`` in the second dialect: the root
    renamed to the type's published root (``root``; the error body wrapped in
    it), list items named like their wrapper, and, below that root, free-form
    objects one element per key (each must be :func:`keyed_objects`' kind)."""
    cls = type(value)
    tree = etree.fromstring(document)
    published = published_document_of(cls) if root else None
    source = document_of(cls)
    _rewrite(tree, source.content, value if source.wrapper is None else getattr(value, source.wrapper.attr),
             per_key=published is not None)
    if published is not None:
        tree = under_second_root(tree, cls)
    return etree.tostring(tree, encoding="utf-8")


def under_second_root(tree: etree._Element, cls: type) -> etree._Element:
    """The source form's root ``tree`` of a ``cls`` as the second dialect's root:
    renamed, or, for the error body, wrapped in it."""
    published = published_document_of(cls)
    assert published is not None
    if document_of(cls).wrapper is None:
        tree.tag = published.root
        return tree
    outer = etree.Element(published.root)
    outer.append(tree)
    return outer


def _rewrite(element: etree._Element, shape: StructShape, value: Any, *, per_key: bool) -> None:
    children = {child.tag: child for child in element}
    for field in shape.fields:
        child, inner = children.get(field.name), getattr(value, field.attr)
        if child is None or inner is None:
            continue
        kind = field.value.kind
        if kind is Kind.STRUCT:
            _rewrite(child, field.value.struct, inner, per_key=per_key)
        elif kind is Kind.LIST:
            item = field.value.item
            assert item is not None
            for item_element, item_value in zip(child, inner):
                item_element.tag = field.name
                if item.kind is Kind.STRUCT:
                    _rewrite(item_element, item.struct, item_value, per_key=per_key)
        elif kind is Kind.JSON and per_key:
            for old in list(child):
                child.remove(old)
            _write_keyed(child, inner)


def _write_keyed(parent: etree._Element, obj: dict[str, Any]) -> None:
    for key, member in obj.items():
        for item in member if isinstance(member, list) else [member]:
            element = etree.SubElement(parent, key)
            if item is None:
                element.set(XSI_NIL, "true")
            elif isinstance(item, dict):
                _write_keyed(element, item)
            else:
                element.text = item


# Free-form objects the second dialect can write: it has no types, so every leaf
# is a string or null; an object inside holds a member at least (an empty one
# would be an empty element, the empty string); an array has two items or more
# (one would be that item) and no array in it; keys are element names.
KEYS = st.from_regex(r"\A[A-Za-z_][A-Za-z0-9_.\-]{0,6}\Z").filter(lambda k: not k.lower().startswith("xml"))
LEAVES = st.none() | xml_text(max_size=12)
MEMBERS = st.recursive(
    LEAVES,
    lambda inner: st.dictionaries(KEYS, inner | st.lists(inner, min_size=2, max_size=3), min_size=1, max_size=3),
    max_leaves=8,
)


def keyed_objects() -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(KEYS, MEMBERS | st.lists(MEMBERS, min_size=2, max_size=3), max_size=4)


def _with_keyed_objects(value: Any, shape: StructShape, data: st.DataObject) -> Any:
    """``value`` with each free-form object replaced by one the dialect can write."""
    changes: dict[str, Any] = {}
    for field in shape.fields:
        inner = getattr(value, field.attr)
        if inner is None:
            continue
        kind, item = field.value.kind, field.value.item
        if kind is Kind.JSON:
            changes[field.attr] = data.draw(keyed_objects(), label=field.name)
        elif kind is Kind.STRUCT:
            changes[field.attr] = _with_keyed_objects(inner, field.value.struct, data)
        elif kind is Kind.LIST and item is not None and item.kind is Kind.STRUCT:
            changes[field.attr] = [_with_keyed_objects(i, item.struct, data) for i in inner]
    return msgspec.structs.replace(value, **changes) if changes else value


def assert_decodes(document: bytes, cls: type[Any], value: Any) -> None:
    """``document`` decodes to ``value``; strictly too, unless the value holds an
    unknown value of an open enumeration, which strict decoding refuses at its
    path in either dialect (SPEC section 4)."""
    assert omni_codec.xml.decode(document, type=cls) == value
    unknown = unknown_paths(value)
    if unknown:
        with pytest.raises(omni_codec.ValidationError) as info:
            omni_codec.xml.decode(document, type=cls, strict=True)
        assert info.value.path == unknown[0]
    else:
        assert omni_codec.xml.decode(document, type=cls, strict=True) == value


@pytest.mark.parametrize("cls", DOCUMENTS)
@given(data=st.data())
def test_any_value_in_the_second_dialect_decodes_to_itself_and_is_valid(
    cls: type[msgspec.Struct], data: st.DataObject, xsd: xmlschema.XMLSchema
) -> None:
    value = data.draw(from_type(cls, edge_cases=data.draw(st.booleans(), label="edge")), label="value")
    if published_document_of(cls) is not None:
        value = _with_keyed_objects(value, shape_of(cls), data)
    document = to_second_dialect(omni_codec.xml.encode(value), value)
    assert_decodes(document, cls, value)
    omni_codec.xml.validate(document)
    errors = [str(e) for e in xsd.iter_errors(io.BytesIO(document))]
    assert not errors, errors[0]



DIALECT_CASES = [
    pytest.param(cls, second, id=f"{cls.__name__}-{'second' if second else 'source'}")
    for cls in DOCUMENT_TYPES
    for second in (False, True)
    if not second or published_document_of(cls) is not None
]


@pytest.mark.parametrize("cls, second", DIALECT_CASES)
@given(data=st.data())
def test_validate_names_an_unknown_element_where_the_strict_decoder_does(
    cls: type[msgspec.Struct], second: bool, data: st.DataObject
) -> None:
    """In either dialect, whichever types share the root (``<request>``,
    ``<scenario>``), the XSD's error names the path the strict decoder names:
    the unknown element below the value that holds it, or the list it stands in."""
    value = data.draw(from_type(cls), label="value")
    if second:
        value = _with_keyed_objects(value, shape_of(cls), data)
    document = omni_codec.xml.encode(value)
    if second:
        document = to_second_dialect(document, value)
    root = etree.fromstring(document)
    holder = data.draw(st.sampled_from([e for e in root.iter() if len(e)] or [root]), label="holder")
    holder.insert(data.draw(st.integers(0, len(holder)), label="at"), etree.Element("unknownElement"))
    changed = etree.tostring(root)
    try:
        omni_codec.xml.decode(changed, type=cls, strict=True)
    except omni_codec.ValidationError as refused:
        # (Another error may come first: an unknown enumeration value, which
        # strict refuses and the XSD takes.)
        assume("unknownElement" in str(refused))
        expected = {refused.path, f"{refused.path}.unknownElement"}
    else:
        assume(False)  # a free-form object's member
    try:
        omni_codec.xml.validate(changed)
    except omni_codec.ValidationError as invalid:
        assert invalid.path in expected
    else:
        # Inside a field that the members of a polymorphic value type
        # differently, which the XSD takes as any content (README: rules the
        # XSD cannot state).
        assume(False)

@pytest.mark.parametrize("cls", DOCUMENTS)
@given(data=st.data())
def test_items_named_like_their_wrapper_decode_under_the_source_root(
    cls: type[msgspec.Struct], data: st.DataObject, xsd: xmlschema.XMLSchema
) -> None:
    """Item names are read either way under either root; free-form objects stay
    in the source form there (SPEC section 5)."""
    value = data.draw(from_type(cls), label="value")
    document = to_second_dialect(omni_codec.xml.encode(value), value, root=False)
    assert_decodes(document, cls, value)
    omni_codec.xml.validate(document)
    assert xsd.is_valid(io.BytesIO(document))


# --- Free-form objects one element per key: the rule, case by case -------------------

XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'


def push(payload: str, root: str = "OmniAdvancedRequest") -> str:
    return (
        f"<{root} {XSI}><destinations><destinations><to><phoneNumber>1</phoneNumber></to>"
        f"</destinations></destinations>\n<push><customPayload>{payload}</customPayload></push></{root}>"
    )


KEYED: dict[str, tuple[str, dict[str, Any]]] = {
    "text-is-a-string": ("<badge>1</badge><on>true</on>", {"badge": "1", "on": "true"}),
    "empty-is-the-empty-string": ("<a/><b></b>", {"a": "", "b": ""}),
    "whitespace-is-kept": ("<a> x\n</a>", {"a": " x\n"}),
    "elements-are-an-object": ("<a><b>x</b><c><d>y</d></c></a>", {"a": {"b": "x", "c": {"d": "y"}}}),
    "a-repeated-name-is-an-array": (
        "<a>1</a><b>2</b><a><c>3</c></a><a>4</a>", {"a": ["1", {"c": "3"}, "4"], "b": "2"}
    ),
    "nil-is-null": ('<a xsi:nil="true"/><b xsi:nil="false">x</b>', {"a": None, "b": "x"}),
    "no-members": ("", {}),
    "cdata-and-references": ("<a><![CDATA[<x>]]>&amp;</a>", {"a": "<x>&"}),
}


@pytest.mark.parametrize("strict", [False, True], ids=["default", "strict"])
@pytest.mark.parametrize("case", sorted(KEYED))
def test_free_form_one_element_per_key(case: str, strict: bool, xsd: xmlschema.XMLSchema) -> None:
    payload, expected = KEYED[case]
    document = push(payload)
    value = omni_codec.xml.decode(document, type=OmniAdvancedRequest, strict=strict)
    assert value.push is not None and value.push.custom_payload == expected
    omni_codec.xml.validate(document)
    assert xsd.is_valid(document)


# --- What neither dialect is: errors with path and line -------------------------------

REFUSED: dict[str, tuple[str, type[Any], str, int, str]] = {
    # (document, type, path, line, words of the message)
    "items-named-both-ways": (
        "<request>\n<destinations>\n<destination><to><phoneNumber>1</phoneNumber></to></destination>\n"
        "<destinations><to><phoneNumber>2</phoneNumber></to></destinations>\n</destinations></request>",
        OmniAdvancedRequest, "$.destinations[1]", 4, "List items named both <destination> and <destinations>",
    ),
    "items-named-both-ways-under-the-published-root": (
        "<OmniResponse><messages>\n<messages/>\n<message/>\n</messages></OmniResponse>",
        OmniResponse, "$.messages[1]", 3, "List items named both <messages> and <message>",
    ),
    "a-root-that-is-neither": (
        "<omniAdvancedRequest/>", OmniAdvancedRequest, "$", 1,
        "Expected root element <request> or <OmniAdvancedRequest>, got <omniAdvancedRequest>",
    ),
    "a-wrapper-that-is-not-ApiException": (
        "<Error>\n<requestError><serviceException><messageId>B</messageId><text>t</text></serviceException>"
        "</requestError></Error>", ApiError, "$", 1,
        "Expected root element <requestError> or <ApiException>, got <Error>",
    ),
    "ApiException-without-the-error": (
        "<ApiException>\n</ApiException>",
        ApiError, "$", 1, "Object missing required field `requestError`",
    ),
    "the-source-root-inside-ApiException-twice": (
        "<ApiException><requestError><serviceException><messageId>B</messageId></serviceException>"
        "</requestError>\n<requestError/></ApiException>", ApiError, "$.requestError", 2, "appears more than once",
    ),
    "per-key-objects-under-the-source-root": (
        push("<deepLink>x</deepLink>", root="request"), OmniAdvancedRequest, "$.push.customPayload", 2,
        "Expected exactly one <map>",
    ),
    "the-source-vocabulary-under-the-published-root": (
        push('<map>\n<string key="a">v</string></map>'), OmniAdvancedRequest, "$.push.customPayload.map.string", 3,
        "`key`",
    ),
    "text-beside-members": (push("<a>x<b>y</b></a>"), OmniAdvancedRequest, "$.push.customPayload.a", 2, "Text 'x'"),
    "text-beside-members-at-the-top": (push("x<a>y</a>"), OmniAdvancedRequest, "$.push.customPayload", 2, "Text 'x'"),
    "a-nil-member-with-content": (
        push('<a>1</a><a xsi:nil="true">x</a>'), OmniAdvancedRequest, "$.push.customPayload.a[1]", 2, "nil",
    ),
    "a-key-in-a-namespace": (
        push('<k:a xmlns:k="urn:k">x</k:a>'), OmniAdvancedRequest, "$.push.customPayload", 2, "namespace",
    ),
}


@pytest.mark.parametrize("strict", [False, True], ids=["default", "strict"])
@pytest.mark.parametrize("case", sorted(REFUSED))
def test_neither_dialect_is_an_error_with_path_and_line(case: str, strict: bool) -> None:
    document, cls, path, line, words = REFUSED[case]
    with pytest.raises(omni_codec.ValidationError) as info:
        omni_codec.xml.decode(document, type=cls, strict=strict)
    assert (info.value.path, info.value.line) == (path, line), str(info.value)
    assert words in info.value.message


#: Refused by the decoder below a free-form object of the second dialect, where
#: XML Schema 1.0 cannot type an element of any name (README, "Rules the XSD
#: cannot state"): the XSD takes them, the decoder does not.
XSD_CANNOT_STATE = {"text-beside-members", "a-nil-member-with-content", "the-source-vocabulary-under-the-published-root"}


@pytest.mark.parametrize("case", sorted(set(REFUSED) - XSD_CANNOT_STATE))
def test_what_neither_dialect_is_the_xsd_refuses_too(case: str, xsd: xmlschema.XMLSchema) -> None:
    with pytest.raises(omni_codec.ValidationError):
        omni_codec.xml.validate(REFUSED[case][0])
    if case != "text-beside-members-at-the-top":
        # (xmlschema 4.3 takes text in element-only content whose one particle
        # is a wildcard, which XML Schema refuses (cvc-complex-type.2.3), as
        # libxml2 does.)
        assert not xsd.is_valid(REFUSED[case][0])


@pytest.mark.parametrize("case", sorted(XSD_CANNOT_STATE))
def test_what_the_xsd_cannot_state_below_a_per_key_object(case: str) -> None:
    omni_codec.xml.validate(REFUSED[case][0])  # (if this fails, move the case up)


def test_a_free_form_object_per_key_keeps_to_the_limits() -> None:
    limits = omni_codec.Limits(max_list_items=3)
    with pytest.raises(omni_codec.DecodeError, match="max_list_items=3"):
        omni_codec.xml.decode(push("<a/><b/><c/><d/>"), type=OmniAdvancedRequest, limits=limits)
    deep = "<a>" * 40 + "x" + "</a>" * 40
    with pytest.raises(omni_codec.DecodeError):
        omni_codec.xml.decode(push(deep), type=OmniAdvancedRequest, limits=omni_codec.Limits(max_depth=20))


def test_the_strict_mode_still_refuses_unknown_elements_in_the_second_dialect() -> None:
    document = push("").replace("<push>", "<unknown/><push>")
    assert omni_codec.xml.decode(document, type=OmniAdvancedRequest).push is not None
    with pytest.raises(omni_codec.ValidationError, match="unknown field `unknown`"):
        omni_codec.xml.decode(document, type=OmniAdvancedRequest, strict=True)


# --- Declaring the second root ----------------------------------------------------------


class _Scenarioish(OmniStruct, kw_only=True):
    __xml_root__: ClassVar[str] = "scenario"

    name: str | None = None


class EmptyRoot(_Scenarioish, kw_only=True):
    __xml_root__: ClassVar[str] = "scenario"
    __xml_published_root__: ClassVar[str] = ""


class SameRoot(_Scenarioish, kw_only=True):
    __xml_root__: ClassVar[str] = "scenario"
    __xml_published_root__: ClassVar[str] = "scenario"


class NotAName(_Scenarioish, kw_only=True):
    __xml_root__: ClassVar[str] = "scenario"
    __xml_published_root__: ClassVar[Any] = 7


@pytest.mark.parametrize("cls", [EmptyRoot, SameRoot, NotAName])
def test_a_second_root_declared_wrong_is_a_type_error_naming_the_model(cls: type[Any]) -> None:
    with pytest.raises(TypeError, match=rf"{cls.__name__}\.__xml_published_root__"):
        omni_codec.xml.Decoder(cls)


def test_a_type_the_description_does_not_have_reads_only_its_source_root() -> None:
    assert published_document_of(omni_codec.OmniSimpleRequest) is None
    with pytest.raises(omni_codec.ValidationError, match=r"Expected root element <request>, got <OmniSimpleRequest>"):
        omni_codec.xml.decode("<OmniSimpleRequest/>", type=omni_codec.OmniSimpleRequest)
