"""Extract the facts of Infobip's OpenAPI description of OMNI that the models must match.

    python -m tools.extract_facts PATH            # write the committed files
    python -m tools.extract_facts PATH --check    # compare them, write nothing

``PATH`` is the description (``infobip-omni-failover-openapi.json``) or a folder
holding it. From it this writes, under ``tests/published/``:

- ``description_structure.json``: the description's component schemas with every
  piece of prose removed (``description``, ``summary``, ``example``, ``examples``,
  ``externalDocs``), so that the facts can be made again from the checkout alone;
- ``description_facts.json``: the facts table, made from those schemas: one row
  per schema (its kind, enumeration values, discriminator) and one row per
  (schema, property), the properties of ``allOf`` parents and ``$ref`` wrappers
  resolved, with the wire name, value type, format, required flag, enumeration
  values and the length and range constraints. No prose. Sorted, so that the same
  description always gives the same bytes;
- ``description_examples/``: every JSON and XML example of the description's
  requests, responses and webhooks, one file each, and ``index.json`` saying which
  operation, part, status, media type, example name and schema each file is.

The tests read only these files (tests/test_description_facts.py makes the facts
table again from the structure file and compares): the description itself is not
needed to run them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = ROOT / "tests" / "published"
DESCRIPTION_NAME = "infobip-omni-failover-openapi.json"

#: Keys holding prose or examples: never part of a fact.
PROSE = frozenset({"description", "summary", "example", "examples", "externalDocs"})
#: Keys whose dict's keys are names (of properties, schemas, tags), not keywords.
NAMED = frozenset({"properties", "mapping"})
#: A value's constraints as the facts table names them.
CONSTRAINTS = {
    "format": "format",
    "pattern": "pattern",
    "minLength": "min_length",
    "maxLength": "max_length",
    "minimum": "minimum",
    "maximum": "maximum",
    "exclusiveMinimum": "exclusive_minimum",
    "exclusiveMaximum": "exclusive_maximum",
    "minItems": "min_items",
    "maxItems": "max_items",
    "uniqueItems": "unique_items",
}
REF = "#/components/schemas/"


def strip_prose(node: Any, named: bool = False) -> Any:
    """``node`` without prose; the keys of a name map (``properties``) are kept
    whatever they are called (a property may be named ``description``)."""
    if isinstance(node, dict):
        return {
            key: strip_prose(value, key in NAMED and not named)
            for key, value in node.items()
            if named or key not in PROSE
        }
    if isinstance(node, list):
        return [strip_prose(item) for item in node]
    return node


def structure_of(description: dict[str, Any]) -> dict[str, Any]:
    """The prose-free part of the description the facts are made from."""
    info = description.get("info", {})
    bodies = set()
    for _, _, op in _operations(description):
        contents = [op.get("requestBody", {}).get("content", {})]
        contents += [r.get("content", {}) for r in op.get("responses", {}).values()]
        for content in contents:
            for media in content.values():
                if "$ref" in media.get("schema", {}):
                    bodies.add(_Facts.target(media["schema"]["$ref"]))
    return {
        "openapi": description.get("openapi"),
        "version": info.get("version"),
        "bodies": sorted(bodies),
        "schemas": strip_prose(description["components"]["schemas"], named=True),
    }


# --- Facts ----------------------------------------------------------------------------


class _Facts:
    def __init__(self, schemas: dict[str, Any]) -> None:
        self.schemas = schemas
        self.inline: dict[str, dict[str, Any]] = {}  # inline object schemas, by made-up key
        self.used: dict[str, set[str]] = {}  # how each schema is used: see table()

    def title(self, key: str) -> str:
        schema = self.schemas.get(key) or self.inline[key]
        return str(schema.get("title") or key.rsplit(".", 1)[-1])

    @staticmethod
    def target(ref: str) -> str:
        if not ref.startswith(REF):
            raise ValueError(f"unsupported $ref {ref!r}")
        return ref[len(REF):]

    def schema(self, key: str) -> dict[str, Any]:
        found = self.schemas.get(key) or self.inline.get(key)
        if found is None:
            raise KeyError(f"$ref to a schema the description does not have: {key}")
        return dict(found)

    def is_enum(self, key: str) -> bool:
        return "enum" in self.schema(key)

    def members(self, key: str, node: dict[str, Any], seen: tuple[str, ...] = ()) -> tuple[
        dict[str, dict[str, Any]], set[str]
    ]:
        """The properties of a schema node, in order, with ``allOf`` parents first,
        and the names it requires."""
        props: dict[str, dict[str, Any]] = {}
        required: set[str] = set(node.get("required", ()))
        for part in node.get("allOf", ()):
            if "$ref" in part:
                parent = self.target(part["$ref"])
                self.used.setdefault(parent, set()).add("parent")
                if parent in seen:
                    continue
                more, req = self.members(parent, self.schema(parent), seen + (parent,))
            else:
                more, req = self.members(key, part, seen)
            props.update(more)
            required |= req
        for name, prop in node.get("properties", {}).items():
            props[name] = prop
        return props, required

    def value(self, owner: str, name: str, node: dict[str, Any]) -> dict[str, Any]:
        """The value type of a property (or an array's item) as a fact."""
        refs = [p for p in node.get("allOf", ()) if "$ref" in p]
        if "$ref" in node or (len(node.get("allOf", ())) == 1 and refs):
            key = self.target(node["$ref"] if "$ref" in node else refs[0]["$ref"])
            self.used.setdefault(key, set()).add("value")
            target = self.schema(key)
            out: dict[str, Any] = {"ref": key, "ref_title": self.title(key)}
            if "enum" in target:
                out["type"] = target.get("type", "string")
                out["enum"] = list(target["enum"])
            else:
                out["type"] = "object"
                if "discriminator" in target:
                    out["polymorphic"] = True
            return out
        kind = node.get("type")
        out = {"type": kind}
        if kind == "array":
            out["items"] = self.value(owner, name, node.get("items", {}))
        elif kind == "object" or kind is None:
            out["type"] = "object"
            if "properties" in node:
                key = f"{owner}/{name}"  # an inline object: a schema of its own
                self.inline[key] = {**node, "title": f"{self.title(owner)}.{name}"}
                self.used.setdefault(key, set()).add("value")
                out["ref"] = key
                out["ref_title"] = self.title(key)
            else:
                extra = node.get("additionalProperties", True)
                out["free_form"] = True
                if isinstance(extra, dict):
                    out["values"] = self.value(owner, name, extra)
        if "enum" in node:
            out["enum"] = list(node["enum"])
        for keyword, fact in CONSTRAINTS.items():
            if keyword in node:
                out[fact] = node[keyword]
        return out

    def discriminated(self) -> dict[str, dict[str, list[str]]]:
        """For each variant schema: discriminator property -> its tag values."""
        out: dict[str, dict[str, list[str]]] = {}
        for key in sorted(self.schemas):
            disc = self.schemas[key].get("discriminator")
            if disc is None:
                continue
            for tag, ref in disc.get("mapping", {}).items():
                self.used.setdefault(self.target(ref), set()).add("variant")
                tags = out.setdefault(self.target(ref), {}).setdefault(disc["propertyName"], [])
                if tag not in tags:  # one variant may be in several unions under one tag
                    tags.append(tag)
        return out

    def table(self) -> dict[str, Any]:
        discriminated = self.discriminated()
        schema_rows: list[dict[str, Any]] = []
        property_rows: list[dict[str, Any]] = []
        pending = sorted(self.schemas)
        done: set[str] = set()
        while pending:
            key = pending.pop(0)
            if key in done:
                continue
            done.add(key)
            node = self.schema(key)
            row: dict[str, Any] = {"schema": key, "title": self.title(key)}
            if "enum" in node:
                row["kind"] = "enum"
                row["type"] = node.get("type", "string")
                row["enum"] = list(node["enum"])
                schema_rows.append(row)
                continue
            disc = node.get("discriminator")
            if disc is not None:
                row["kind"] = "polymorphic"
                row["discriminator"] = {
                    "property": disc["propertyName"],
                    "mapping": {tag: self.target(ref) for tag, ref in sorted(disc.get("mapping", {}).items())},
                }
            else:
                row["kind"] = "object"
            tags = discriminated.get(key, {})
            if tags:
                row["tags"] = {prop: sorted(values) for prop, values in sorted(tags.items())}
            props, required = self.members(key, node, (key,))
            for tag_field in tags:  # a discriminator the variant does not list itself
                props.setdefault(tag_field, {"type": "string"})
            for name, prop in props.items():
                fact: dict[str, Any] = {
                    "schema": key,
                    "title": row["title"],
                    "property": name,
                    "wire_name": name,
                    "required": name in required,
                }
                fact.update(self.value(key, name, prop))
                if name in tags:
                    fact["discriminator_tags"] = sorted(tags[name])
                if disc is not None and name == disc["propertyName"]:
                    fact["discriminator_of"] = sorted(disc.get("mapping", {}))
                property_rows.append(fact)
            pending.extend(sorted(k for k in self.inline if k not in done))
            schema_rows.append(row)
        for row in schema_rows:
            # "body" (of a request, response or webhook), "value" (of a property or
            # an item), "variant" (of a polymorphic type), "parent" (an allOf part):
            # a schema used only as a parent needs no type of its own.
            row["used_as"] = sorted(self.used.get(row["schema"], set()))
        schema_rows.sort(key=lambda r: r["schema"])
        property_rows.sort(key=lambda r: (r["schema"], r["property"]))
        return {"schemas": schema_rows, "properties": property_rows}


def facts_of(structure: dict[str, Any]) -> dict[str, Any]:
    """The facts table of a description's prose-free structure."""
    facts = _Facts(structure["schemas"])
    for key in structure.get("bodies", ()):
        facts.used.setdefault(key, set()).add("body")
    table = facts.table()
    return {"openapi": structure.get("openapi"), "version": structure.get("version"), **table}


# --- Examples -------------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _operations(description: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for path, item in description.get("paths", {}).items():
        for method, op in item.items():
            if isinstance(op, dict) and "responses" in op:
                out.append((f"{method.upper()} {path}", op.get("operationId", _slug(path)), op))
    for name, item in description.get("webhooks", {}).items():
        for method, op in item.items():
            if isinstance(op, dict):
                out.append((f"webhook {name} ({method.upper()})", name, op))
    return out


def examples_of(description: dict[str, Any]) -> dict[str, str]:
    """Every example as ``{relative file name: text}``, with ``index.json``."""
    files: dict[str, str] = {}
    index: list[dict[str, Any]] = []

    def add(operation: str, op_id: str, part: str, status: str | None, media: str, content: dict[str, Any]) -> None:
        schema = content.get("schema", {})
        schema_key = _Facts.target(schema["$ref"]) if "$ref" in schema else None
        examples = dict(content.get("examples", {}))
        if "example" in content:
            examples["example"] = {"value": content["example"]}
        suffix = "xml" if media.endswith("xml") else "json" if media.endswith("json") else None
        if suffix is None:
            return
        for name, example in examples.items():
            if "value" not in example:
                continue
            value = example["value"]
            where = part if status is None else f"{part}-{status}"
            file = f"{op_id}/{where}.{_slug(name)}.{suffix}"
            if suffix == "json":
                if isinstance(value, str):
                    value = json.loads(value)
                text = json.dumps(value, indent=2, ensure_ascii=False) + "\n"
            else:
                text = value if value.endswith("\n") else value + "\n"
            if file in files:
                raise ValueError(f"two examples would be written to {file}")
            files[file] = text
            index.append({
                "file": file, "operation": operation, "part": part, "status": status,
                "media_type": media, "example": name, "schema": schema_key,
            })

    for operation, op_id, op in _operations(description):
        body = op.get("requestBody", {})
        for media, content in body.get("content", {}).items():
            add(operation, op_id, "request", None, media, content)
        for status, response in op.get("responses", {}).items():
            for media, content in response.get("content", {}).items():
                add(operation, op_id, "response", str(status), media, content)
    index.sort(key=lambda row: row["file"])
    files["index.json"] = json.dumps(index, indent=2, ensure_ascii=False) + "\n"
    return files


# --- Writing --------------------------------------------------------------------------


def _dump(value: Any) -> str:
    return json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def outputs(description: dict[str, Any]) -> dict[Path, str]:
    """Every file this writes, by path, with its text."""
    structure = structure_of(description)
    out = {
        PUBLISHED / "description_structure.json": _dump(structure),
        PUBLISHED / "description_facts.json": _dump(facts_of(structure)),
    }
    folder = PUBLISHED / "description_examples"
    for name, text in examples_of(description).items():
        out[folder / name] = text
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("description", type=Path, help=f"{DESCRIPTION_NAME}, or a folder holding it")
    parser.add_argument("--check", action="store_true", help="compare the committed files; write nothing")
    args = parser.parse_args(argv)
    path: Path = args.description
    if path.is_dir():
        path = path / DESCRIPTION_NAME
    description = json.loads(path.read_text(encoding="utf-8"))
    wanted = outputs(description)
    folder = PUBLISHED / "description_examples"
    if args.check:
        stale = [p for p, text in wanted.items() if not p.is_file() or p.read_text(encoding="utf-8") != text]
        extra = [p for p in folder.rglob("*") if p.is_file() and p not in wanted]
        for p in stale + extra:
            print(f"not current: {p.relative_to(ROOT)}", file=sys.stderr)
        return 1 if stale or extra else 0
    for old in folder.rglob("*"):
        if old.is_file() and old not in wanted:
            old.unlink()
    for p, text in wanted.items():
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    print(f"wrote {len(wanted)} files under {PUBLISHED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
