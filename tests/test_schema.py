"""The XSD in schemas/ is the one the models generate, and both processors accept it."""

from __future__ import annotations

from pathlib import Path

import pytest
import xmlschema
from lxml import etree

import omni_codec
from omni_codec._binding import Kind, document_of, shape_of
from omni_codec._schema import generate_xsd
from omni_codec._schema.validate import schema_path
from omni_codec.models import DOCUMENT_TYPES

COMMITTED = Path(__file__).parents[1] / "schemas" / "omni.xsd"
VECTORS = Path(__file__).parent / "vectors"
XS = "{http://www.w3.org/2001/XMLSchema}"


def test_committed_xsd_is_current() -> None:
    # Regenerate with: python -m omni_codec schema --format xsd > schemas/omni.xsd
    assert COMMITTED.read_text(encoding="utf-8") == generate_xsd()


def test_validate_uses_the_committed_file_in_a_checkout() -> None:
    assert schema_path().read_bytes() == COMMITTED.read_bytes()


def test_xsd_is_a_valid_schema_for_lxml_and_xmlschema() -> None:
    etree.XMLSchema(etree.parse(str(COMMITTED)))
    xmlschema.XMLSchema(str(COMMITTED))


@pytest.mark.parametrize("name", ["simple-request.xml", "omni-response.xml"])
def test_xmlschema_accepts_the_source_documents_examples(name: str) -> None:
    xmlschema.XMLSchema(str(COMMITTED)).validate(str(VECTORS / name))


def test_xmlschema_rejects_what_validate_rejects() -> None:
    bad = b"<request><destinations><destination><to><phoneNumber>x1</phoneNumber></to></destination></destinations></request>"
    with pytest.raises(omni_codec.ValidationError):
        omni_codec.xml.validate(bad)
    assert not xmlschema.XMLSchema(str(COMMITTED)).is_valid(bad.decode())


def _complex_types(tree: etree._ElementTree) -> dict[str, etree._Element]:
    return {el.get("name"): el for el in tree.getroot().iter(f"{XS}complexType") if el.get("name")}


def test_every_struct_field_is_an_element_with_its_occurrence() -> None:
    """Walk the Structs and the XSD side by side: every field, type and occurrence."""
    tree = etree.parse(str(COMMITTED))
    types = _complex_types(tree)
    roots = {el.get("name"): el.get("type") for el in tree.getroot().findall(f"{XS}element")}
    seen: set[str] = set()
    pending = [document_of(cls).content.cls for cls in DOCUMENT_TYPES]
    for cls in DOCUMENT_TYPES:
        document = document_of(cls)
        assert document.root in roots
        if document.root != "request":  # shared by two types: a merged type (below)
            assert roots[document.root] == document.content.name
    while pending:
        cls = pending.pop()
        if cls.__name__ in seen:
            continue
        seen.add(cls.__name__)
        shape = shape_of(cls)
        declared = types[shape.name]
        elements = {el.get("name"): el for el in declared.find(f"{XS}all")}
        assert list(elements) == [f.name for f in shape.fields], shape.name
        for field in shape.fields:
            element = elements[field.name]
            assert element.get("minOccurs", "1") == ("1" if field.required else "0")
            value = field.value
            if value.kind is Kind.LIST:
                (item,) = element.iter(f"{XS}sequence")
                (item,) = item
                assert item.get("name") == value.item_name
                value = value.item
                element = item
            if value.kind is Kind.STRUCT:
                assert element.get("type") == value.struct.name
                pending.append(value.struct.cls)
    assert seen == {name for name in types if not name.startswith("Json")} - {"Request"}


def test_the_shared_request_root_accepts_both_request_types() -> None:
    tree = etree.parse(str(COMMITTED))
    merged = _complex_types(tree)["Request"]
    names = {el.get("name") for el in merged.find(f"{XS}all")}
    for cls in DOCUMENT_TYPES:
        if document_of(cls).root == "request":
            assert {f.name for f in shape_of(cls).fields} <= names


def test_committed_json_schemas_are_current() -> None:
    from omni_codec._schema import json_schema_files

    folder = COMMITTED.parent / "json"
    expected = json_schema_files()
    assert sorted(p.name for p in folder.glob("*.schema.json")) == sorted(expected)
    for name, text in expected.items():
        assert (folder / name).read_text(encoding="utf-8") == text, name


def test_json_schema_patterns_are_ecma_and_decimals_are_numbers() -> None:
    import json

    schema = json.loads((COMMITTED.parent / "json" / "OMNIReportsResponse.schema.json").read_text())
    text = json.dumps(schema)
    assert "\\\\A" not in text and "\\\\Z" not in text
    price = schema["$defs"]["Price"]["properties"]["pricePerMessage"]
    assert {"type": "number"} in price["anyOf"][0]["anyOf"] or {"type": "number"} in price["anyOf"]


# The XSD states the decimal bound as a pattern (old libxml2 refuses a 101-digit
# bound as a value); each side of the bound, with the lexical variants XML Schema
# allows, must be judged alike by the decoder, lxml and xmlschema.
_NINES = "9" * 100
DECIMAL_CASES = [
    (_NINES, True),
    ("-" + _NINES, True),
    ("+" + _NINES + ".5", True),
    ("000" + _NINES, True),
    ("0." + "0" * 99 + "1", True),
    ("0." + "0" * 99 + "1" + "000", True),  # trailing zeros are not fraction digits
    (".5", True),
    ("5.", True),
    ("0", True),
    ("1" + "0" * 100, False),
    ("-1" + "0" * 100, False),
    ("0." + "0" * 100 + "1", False),
]


@pytest.mark.parametrize(("text", "valid"), DECIMAL_CASES, ids=lambda v: str(v)[:12])
def test_decimal_bound_is_the_same_for_decoder_and_both_xsd_processors(text: str, valid: bool) -> None:
    document = (
        "<omniReportsResponse><results><result><price>"
        f"<pricePerMessage>{text}</pricePerMessage></price></result></results></omniReportsResponse>"
    )
    decoded: bool
    try:
        omni_codec.xml.decode(document, type=omni_codec.OMNIReportsResponse)
        decoded = True
    except omni_codec.ValidationError:
        decoded = False
    schema = etree.XMLSchema(etree.parse(str(COMMITTED)))
    assert decoded is valid
    assert schema.validate(etree.fromstring(document)) is valid
    assert xmlschema.XMLSchema(str(COMMITTED)).is_valid(document) is valid


def test_json_schema_descriptions_are_plain_text() -> None:
    import json

    for path in (COMMITTED.parent / "json").glob("*.schema.json"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if '"description": "' in line:
                text = json.loads("{" + line.strip().rstrip(",") + "}")["description"]
                assert ":class:" not in text and "``" not in text, (path.name, text)
                assert "\n " not in text and not text.startswith(" "), (path.name, text)


def test_descriptions_do_not_depend_on_how_the_docstring_was_stripped() -> None:
    """Python 3.13 strips docstring indentation when compiling and newer msgspec
    releases clean it too; the schema text must be the same either way."""
    import inspect

    from omni_codec._schema.json_schema import plain_description

    raw = (
        "A destination address.\n\n    Every address is optional; :class:`~a.b.OmniSimpleRequest`\n"
        "    adds a rule, and ``phoneNumber`` is\n    required there.\n    "
    )
    expected = (
        "A destination address.\n\nEvery address is optional; `OmniSimpleRequest` adds a rule, "
        "and `phoneNumber` is required there."
    )
    assert plain_description(raw) == expected
    assert plain_description(inspect.cleandoc(raw)) == expected
    assert plain_description(":func:`omni_codec.json.decode`") == "`omni_codec.json.decode`"
