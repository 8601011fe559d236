"""The XSD in schemas/ is the one the models generate, and both processors accept it."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, ClassVar

import msgspec

from pathlib import Path
from typing import Any

import pytest
import xmlschema
from lxml import etree

import omni_codec
from omni_codec._binding import Kind, document_of, published_document_of, shape_of
from omni_codec import schemas
from omni_codec._schema import bundle_json_schemas, generate_xsd
from omni_codec.models import DOCUMENT_TYPES, OmniStruct

COMMITTED = Path(__file__).parents[1] / "schemas" / "omni.xsd"
VECTORS = Path(__file__).parent / "vectors"
XS = "{http://www.w3.org/2001/XMLSchema}"


def test_committed_xsd_is_current() -> None:
    # Regenerate with: python -m tools.regenerate_schemas
    assert COMMITTED.read_text(encoding="utf-8") == generate_xsd()


def test_the_public_paths_are_the_committed_files_in_a_checkout() -> None:
    assert schemas.xsd_path().read_bytes() == COMMITTED.read_bytes()
    for cls in DOCUMENT_TYPES:
        committed = COMMITTED.parent / "json" / f"{cls.__name__}.schema.json"
        assert schemas.json_schema_path(cls).read_bytes() == committed.read_bytes()
        assert schemas.json_schema_path(cls.__name__.upper()) == schemas.json_schema_path(cls)
        assert schemas.json_schema(cls)["$ref"] == f"#/$defs/{cls.__name__}"
    assert schemas.json_schema_path().read_bytes() == (COMMITTED.parent / "omni.schema.json").read_bytes()


@pytest.mark.parametrize("wrong", ["Nope", omni_codec.To, int])
def test_json_schema_path_refuses_what_is_not_a_document_type(wrong: object) -> None:
    with pytest.raises(ValueError, match="not an OMNI document type; known: OmniSimpleRequest"):
        schemas.json_schema_path(wrong)  # type: ignore[arg-type]


def test_committed_bundle_is_built_from_the_committed_per_type_files() -> None:
    folder = COMMITTED.parent / "json"
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.schema.json"))}
    assert (COMMITTED.parent / "omni.schema.json").read_text(encoding="utf-8") == bundle_json_schemas(files)


def _refs(node: object) -> list[str]:
    if isinstance(node, dict):
        return ([node["$ref"]] if "$ref" in node else []) + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def test_the_bundle_is_one_schema_for_every_document_type() -> None:
    bundle = schemas.json_schema()
    assert bundle["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert sorted(ref["$ref"] for ref in bundle["anyOf"]) == sorted(
        f"#/$defs/{cls.__name__}" for cls in DOCUMENT_TYPES
    )
    # Every reference resolves inside the bundle, and every type's definitions are in it.
    assert {ref.removeprefix("#/$defs/") for ref in _refs(bundle)} <= set(bundle["$defs"])
    for cls in DOCUMENT_TYPES:
        for name, definition in schemas.json_schema(cls)["$defs"].items():
            assert bundle["$defs"][name] == definition


def test_bundling_refuses_two_different_definitions_of_one_name() -> None:
    one = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "#/$defs/A",
           "$defs": {"A": {"type": "object"}}}
    other = {**one, "$defs": {"A": {"type": "string"}}}
    import json

    with pytest.raises(ValueError, match="differs"):
        bundle_json_schemas({"a.schema.json": json.dumps(one), "b.schema.json": json.dumps(other)})


def test_validate_reports_every_xsd_error_when_asked() -> None:
    doc = b"<omniResponse>\n<messages>\n<message><x/></message>\n<message/>\n</messages>\n<y/>\n</omniResponse>"
    with pytest.raises(omni_codec.ValidationError) as first:
        omni_codec.xml.validate(doc)
    assert first.value.errors == (first.value,)
    with pytest.raises(omni_codec.ValidationError) as every:
        omni_codec.xml.validate(doc, all_errors=True)
    found = [(e.path, e.line) for e in every.value.errors]
    assert found == [("$.messages[0].x", 3), ("$.messages[1]", 4), ("$.y", 6)]
    assert every.value.errors[0] is every.value and str(every.value) == str(first.value)


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
    """Walk the Structs and the XSD side by side: every field, type and occurrence,
    from the roots of both dialects (SPEC section 5)."""
    tree = etree.parse(str(COMMITTED))
    types = _complex_types(tree)
    roots = {el.get("name"): el.get("type") for el in tree.getroot().findall(f"{XS}element")}
    seen: set[str] = set()
    pending: list[tuple[type[Any], bool]] = [(document_of(cls).content.cls, False) for cls in DOCUMENT_TYPES]
    sharing = Counter(document_of(cls).root for cls in DOCUMENT_TYPES)
    assert sharing["request"] == 2  # the simple and the advanced request
    published_sharing = Counter(
        document.root for document in map(published_document_of, DOCUMENT_TYPES) if document is not None
    )
    for cls in DOCUMENT_TYPES:
        document = document_of(cls)
        assert document.root in roots
        if sharing[document.root] == 1:  # else shared: a merged type (below)
            assert roots[document.root] == document.content.name
        published = published_document_of(cls)
        if published is not None:
            if published_sharing[published.root] == 1:  # else shared: a merged type
                assert roots[published.root].removesuffix("Published") == cls.__name__
            pending.append((cls, True))
    while pending:
        cls, below_published = pending.pop()
        shape = shape_of(cls)
        name = shape.name + ("Published" if below_published and shape.name + "Published" in types else "")
        if name in seen:
            continue
        seen.add(name)
        declared = types[name]
        elements = {el.get("name"): el for el in declared.find(f"{XS}all")}
        discriminator = [] if shape.tag_field is None else [shape.tag_field]  # a member's, first
        assert list(elements) == [*discriminator, *(f.name for f in shape.fields)], shape.name
        for field in shape.fields:
            element = elements[field.name]
            assert element.get("minOccurs", "1") == ("1" if field.required else "0")
            value = field.value
            if value.kind is Kind.LIST:
                (choice,) = element.iter(f"{XS}choice")
                items = list(choice)
                # Named in the singular or like the wrapper, one way per list.
                assert [item.get("name") for item in items] == list(dict.fromkeys((value.item_name, field.name)))
                assert len({(item.get("type"), item.get("minOccurs"), item.get("maxOccurs")) for item in items}) == 1
                value = value.item
                element = items[0]
            if value.kind is Kind.STRUCT:
                assert element.get("type").removesuffix("Published") == value.struct.name
                pending.append((value.struct.cls, element.get("type").endswith("Published") or below_published))
            if value.kind is Kind.JSON:
                assert element.get("type") == ("FreeFormObject" if below_published else "JsonObject")
            if value.kind is Kind.UNION:
                # One type holding every member's fields (the discriminator first);
                # each member has its own type too.
                union_name = element.get("type")
                union = types[union_name]
                names = [el.get("name") for el in union.find(f"{XS}all")]
                members = value.variants.values()
                assert names[0] == value.tag_field
                assert set(names[1:]) == {f.name for m in members for f in m.fields}
                if len(value.variant_types) > 1:  # (one member alone: its own type)
                    seen.add(union_name)
                pending.extend((m.cls, union_name.endswith("Published") or below_published) for m in members)
    assert seen == {name for name in types if not name.startswith("Json")} - {"Request", "ScenarioDocument", "FreeFormObject"}


@pytest.mark.parametrize(("root", "merged_type"), [("request", "Request"), ("scenario", "ScenarioDocument")])
def test_a_shared_root_accepts_each_of_its_types(root: str, merged_type: str) -> None:
    tree = etree.parse(str(COMMITTED))
    merged = _complex_types(tree)[merged_type]
    names = {el.get("name") for el in merged.find(f"{XS}all")}
    sharing = [cls for cls in DOCUMENT_TYPES if document_of(cls).root == root]
    assert len(sharing) == 2
    for cls in sharing:
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


def test_the_regenerate_command_writes_every_schema_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    script = COMMITTED.parents[1] / "tools" / "regenerate_schemas.py"
    spec = importlib.util.spec_from_file_location("regenerate_schemas", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "schemas" / "json").mkdir(parents=True)
    (tmp_path / "schemas" / "json" / "Removed.schema.json").write_text("{}")  # a type that went away
    monkeypatch.setattr(module, "ROOT", tmp_path / "schemas")
    assert module.main() == 0
    from omni_codec._schema import json_schema_files

    written = tmp_path / "schemas"
    assert (written / "omni.xsd").read_text(encoding="utf-8") == generate_xsd()
    files = json_schema_files()
    assert sorted(p.name for p in (written / "json").iterdir()) == sorted(files)
    assert (written / "omni.schema.json").read_text(encoding="utf-8") == bundle_json_schemas(files)
    monkeypatch.setattr(module, "ROOT", tmp_path / "elsewhere" / "schemas")
    assert module.main() == 2  # not a checkout: writes nothing
    assert not (tmp_path / "elsewhere").exists()


def test_a_pattern_with_a_bare_dot_is_refused_because_xsd_reads_it_differently() -> None:
    """Python's ``.`` takes a CR, XSD's does not: such a pattern would let the
    decoder accept what the XSD refuses."""
    class Dotted(OmniStruct, kw_only=True):
        __xml_root__: ClassVar[str] = "dotted"
        url: Annotated[str, msgspec.Meta(pattern=r"\Ahttps?://.*\Z")] | None = None

    class Spelled(OmniStruct, kw_only=True):
        __xml_root__: ClassVar[str] = "spelled"
        url: Annotated[str, msgspec.Meta(pattern=r"\Ahttps?://[^\r\n.]*\.example\Z")] | None = None

    with pytest.raises(ValueError, match="uses `.`"):
        generate_xsd([Dotted])
    assert "[^\\r\\n.]*\\.example" in generate_xsd([Spelled])
