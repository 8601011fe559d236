"""The schemas of both forms: generated from the models, shipped, and checked against."""

from .json_schema import generate_json_schema, json_schema_files
from .validate import validate
from .xsd import generate_xsd

__all__ = ["generate_json_schema", "generate_xsd", "json_schema_files", "validate"]
