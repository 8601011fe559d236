"""Generating the schemas from the models: developer tooling, not shipped in the wheel.

``tools/regenerate_schemas.py`` writes the output into the checkout's ``schemas/``;
a test keeps the committed files current. At run time the codec only reads the
committed files (:mod:`omni_codec.schemas`, :mod:`omni_codec._validation`).
"""

from .bundle import bundle_json_schemas
from .json_schema import generate_json_schema, json_schema_files
from .xsd import generate_xsd

__all__ = ["bundle_json_schemas", "generate_json_schema", "generate_xsd", "json_schema_files"]
