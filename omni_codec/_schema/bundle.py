"""One JSON Schema for every document type, built from the per-type files.

Each per-type schema is ``{"$schema", "$ref": "#/$defs/T", "$defs": {...}}``. The
bundle merges their ``$defs`` (one model set, so a name always means the same
definition; a clash is a bug and fails generation) and accepts any document type
through ``anyOf`` (not ``oneOf``: the two request types overlap, since unknown
members are allowed). It is built from the committed per-type files' text, so it
is current exactly when they are.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

__all__ = ["bundle_json_schemas"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def bundle_json_schemas(files: Mapping[str, str]) -> str:
    """The bundle's text, from per-type file name -> text (``T.schema.json``)."""
    defs: dict[str, Any] = {}
    refs: list[dict[str, str]] = []
    for name in sorted(files):  # the same text whatever order the files come in
        schema = json.loads(files[name])
        if schema.get("$schema") != DIALECT or set(schema) != {"$schema", "$ref", "$defs"}:
            raise ValueError(f"{name}: not a per-type schema of the expected form")
        refs.append({"$ref": schema["$ref"]})
        for key, definition in schema["$defs"].items():
            if defs.setdefault(key, definition) != definition:
                raise ValueError(f"{name}: $defs/{key} differs from another file's")
    bundle = {
        "$schema": DIALECT,
        "title": "Infobip OMNI API v1 document",
        "description": "Any one OMNI document type, as omni_codec's JSON decoder accepts it.",
        "anyOf": refs,
        "$defs": dict(sorted(defs.items())),
    }
    return json.dumps(bundle, indent=2, ensure_ascii=False) + "\n"
