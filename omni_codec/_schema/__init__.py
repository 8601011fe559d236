"""The XSD of the XML form: generated from the models, shipped, and checked against."""

from .validate import validate
from .xsd import generate_xsd

__all__ = ["generate_xsd", "validate"]
