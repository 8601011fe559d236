"""Every example of Infobip's OpenAPI description decodes as it is published.

The examples are ``tests/published/description_examples/`` (one file each, made
by ``tools/extract_facts.py``; ``index.json`` says which operation, part, status,
media type, example name and schema each is; provenance in
``tests/published/README.md``). The schema's model is the one
``tests/description_models.json`` names for it.

- A JSON example decodes in the default mode to a value that encodes back to the
  same JSON: equal as parsed JSON values, so key order and number spelling
  (``1.0``, ``1e0``) do not matter; nor does a member published as ``null``
  and written back left out (an optional field's ``null`` is its absence, None,
  which the encoder writes by leaving the member out). Anything else dropped,
  added or changed is a difference.
- An XML example decodes to the value of its JSON twin (same operation, part,
  status and example name), in whichever of the two XML dialects it is written
  (SPEC section 5); but where it leaves out the discriminator of a polymorphic
  value, which its JSON twin has, decoding is a ValidationError at the path of
  the value that lacks it, naming the discriminator, as for any missing required
  field (``Object missing required field `type` - at `$.kakaoAlim.buttons[0]```).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import omni_codec
from omni_codec import ValidationError
from test_description_facts import load_facts, model_names, resolver, short

EXAMPLES = Path(__file__).parent / "published" / "description_examples"
INDEX: list[dict[str, Any]] = json.loads((EXAMPLES / "index.json").read_text(encoding="utf-8"))

JSON_EXAMPLES = [row for row in INDEX if row["file"].endswith(".json")]
XML_EXAMPLES = [row for row in INDEX if row["file"].endswith(".xml")]


def _twin_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["operation"], row["part"], row["status"], row["example"])


JSON_TWINS = {_twin_key(row): row for row in JSON_EXAMPLES}
_RESOLVE = resolver(model_names())


def model_of(row: dict[str, Any]) -> Any:
    model = _RESOLVE(row["schema"]) if row["schema"] else None
    if model is None:
        pytest.fail(
            f"{row['file']}: the body's schema {short(row['schema'] or '?')} has no model "
            f"(tests/description_models.json names `{model_names().get(short(row['schema'] or ''))}`)",
            pytrace=False,
        )
    return model


def parsed(data: bytes) -> Any:
    """A JSON text as a value in which numbers compare by value."""
    return json.loads(data, parse_float=Decimal, parse_int=Decimal)


def test_the_index_lists_every_example_file() -> None:
    listed = {row["file"] for row in INDEX}
    present = {p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("*") if p.name != "index.json" and p.is_file()}
    assert listed == present
    assert len(JSON_TWINS) == len(JSON_EXAMPLES), "two JSON examples share operation, status and name"


def test_every_xml_example_has_a_json_twin() -> None:
    lonely = [row["file"] for row in XML_EXAMPLES if _twin_key(row) not in JSON_TWINS]
    assert not lonely, lonely


@pytest.mark.parametrize("row", JSON_EXAMPLES, ids=lambda row: row["file"])
def test_json_example_decodes_and_encodes_back(row: dict[str, Any]) -> None:
    model = model_of(row)
    data = (EXAMPLES / row["file"]).read_bytes()
    value = omni_codec.json.decode(data, type=model)
    written = parsed(omni_codec.json.encode(value))
    if differences(parsed(data), written):
        pytest.fail("written back differently:\n" + "\n".join(differences(parsed(data), written)), pytrace=False)


def differences(published: Any, written: Any, path: str = "$") -> list[str]:
    """Each place where the written-back JSON differs from the published one."""
    if isinstance(published, dict) and isinstance(written, dict):
        out = []
        for key in sorted(set(published) | set(written)):
            where = f"{path}.{key}"
            if key not in written:
                if published[key] is None:  # null published, left out written: both absence
                    continue
                out.append(f"{where}: dropped (published {published[key]!r})"[:300])
            elif key not in published:
                out.append(f"{where}: added ({written[key]!r})"[:300])
            else:
                out.extend(differences(published[key], written[key], where))
        return out
    if isinstance(published, list) and isinstance(written, list) and len(published) == len(written):
        return [d for i, (a, b) in enumerate(zip(published, written)) for d in differences(a, b, f"{path}[{i}]")]
    if published != written:
        return [f"{path}: published {published!r}, written {written!r}"[:300]]
    return []


# --- XML -------------------------------------------------------------------------------


def discriminator_paths(value: Any, key: str, facts: dict[str, Any]) -> list[tuple[list[str | int], str]]:
    """Where the JSON value ``value`` of schema ``key`` holds polymorphic values:
    each one's path (keys and indexes) and discriminator, in document order."""
    schemas = {row["schema"]: row for row in facts["schemas"]}
    props: dict[str, dict[str, dict[str, Any]]] = {}
    for row in facts["properties"]:
        props.setdefault(row["schema"], {})[row["wire_name"]] = row
    out: list[tuple[list[str | int], str]] = []

    def of_schema(node: Any, schema: str, path: list[str | int]) -> None:
        row = schemas.get(schema)
        if row is None or not isinstance(node, dict):
            return
        if row["kind"] == "polymorphic":
            disc = row["discriminator"]
            out.append((path, disc["property"]))
            variant = disc["mapping"].get(node.get(disc["property"]))
            if variant is not None:
                of_schema(node, variant, path)
            return
        for name, item in node.items():
            fact = props.get(schema, {}).get(name)
            if fact is not None:
                of_value(item, fact, path + [name])

    def of_value(node: Any, fact: dict[str, Any], path: list[str | int]) -> None:
        if fact.get("type") == "array" and isinstance(node, list):
            for i, item in enumerate(node):
                of_value(item, fact["items"], path + [i])
        elif "ref" in fact and "enum" not in fact:
            of_schema(node, fact["ref"], path)

    of_schema(value, key, [])
    return out


def json_path(path: list[str | int], last: str | None = None) -> str:
    tail = f".{last}" if last else ""
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path) + tail


def element_at(root: Any, path: list[str | int]) -> Any:
    """The XML element of a JSON path, in either dialect: a key is the child of
    that name, an index the index-th child element of the list's wrapper,
    whatever the items are called."""
    node = root
    for step in path:
        if node is None:
            return None
        if isinstance(step, int):
            children = [c for c in node if isinstance(c.tag, str)]
            node = children[step] if step < len(children) else None
        else:
            node = node.find(step)
    return node


def missing_discriminators(row: dict[str, Any]) -> list[tuple[str, str]]:
    """Each polymorphic value the XML example writes without its discriminator:
    the value's path and the discriminator's name."""
    twin = JSON_TWINS[_twin_key(row)]
    value = json.loads((EXAMPLES / twin["file"]).read_bytes())
    root = etree.fromstring((EXAMPLES / row["file"]).read_bytes())
    missing = []
    for path, disc in discriminator_paths(value, row["schema"], load_facts()):
        element = element_at(root, path)
        if element is not None and element.find(disc) is None:
            missing.append((json_path(path), disc))
    return missing


@pytest.mark.parametrize("row", XML_EXAMPLES, ids=lambda row: row["file"])
def test_xml_example_decodes_to_its_json_twin(row: dict[str, Any]) -> None:
    model = model_of(row)
    data = (EXAMPLES / row["file"]).read_bytes()
    missing = missing_discriminators(row)
    if missing:
        with pytest.raises(ValidationError) as caught:
            omni_codec.xml.decode(data, type=model)
        where, disc = missing[0]
        assert caught.value.path == where, str(caught.value)
        assert f"missing required field `{disc}`" in str(caught.value), str(caught.value)
        return
    twin = JSON_TWINS[_twin_key(row)]
    expected = omni_codec.json.decode((EXAMPLES / twin["file"]).read_bytes(), type=model)
    assert omni_codec.xml.decode(data, type=model) == expected


def test_a_left_out_discriminator_is_found_at_its_path() -> None:
    """The helper above, on a made-up value: the second button lacks ``type``."""
    facts = {
        "schemas": [
            {"schema": "h.Req", "kind": "object"},
            {"schema": "h.Button", "kind": "polymorphic",
             "discriminator": {"property": "type", "mapping": {"URL": "h.Url"}}},
            {"schema": "h.Url", "kind": "object"},
        ],
        "properties": [
            {"schema": "h.Req", "wire_name": "buttons", "type": "array",
             "items": {"type": "object", "ref": "h.Button", "polymorphic": True}},
            {"schema": "h.Url", "wire_name": "url", "type": "string"},
        ],
    }
    value = {"buttons": [{"type": "URL", "url": "a"}, {"type": "URL", "url": "b"}]}
    paths = discriminator_paths(value, "h.Req", facts)
    assert paths == [(["buttons", 0], "type"), (["buttons", 1], "type")]
    root = etree.fromstring(
        b"<Req><buttons><buttons><type>URL</type><url>a</url></buttons>"
        b"<buttons><url>b</url></buttons></buttons></Req>"
    )
    missing = [json_path(p, d) for p, d in paths if element_at(root, p).find(d) is None]
    assert missing == ["$.buttons[1].type"]


def test_differences_name_each_path() -> None:
    published = parsed(b'{"a": {"b": 1, "c": [1, 2]}, "d": "x"}')
    written = parsed(b'{"a": {"b": 1.0, "c": [1, 3]}, "e": "x"}')
    assert differences(published, written) == [
        "$.a.c[1]: published Decimal('2'), written Decimal('3')",
        "$.d: dropped (published 'x')",
        "$.e: added ('x')",
    ]
    assert differences(parsed(b'{"a": null, "b": 1}'), parsed(b'{"b": 1}')) == []
    assert differences(parsed(b'{"a": null}'), parsed(b'{"a": 0}')) == ["$.a: published None, written Decimal('0')"]
    assert differences(parsed(b'{"a": 0}'), parsed(b'{}')) == ["$.a: dropped (published Decimal('0'))"]


def test_numbers_compare_by_value_and_keys_in_any_order() -> None:
    assert parsed(b'{"a": 1.0, "b": 2}') == parsed(b'{"b": 2.00, "a": 1}')
    assert parsed(b'{"a": 1.5}') != parsed(b'{"a": 1.50001}')
