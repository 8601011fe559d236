"""Turning contenders' values into the plain wire value, to verify them (never timed).

Typed contenders dump their own values (``msgspec.to_builtins``, pydantic's
``model_dump``) and need at most their keys camel-cased; the untyped XML contenders
(an lxml tree, xmltodict's dicts of strings) are read here with the two facts the
XML form does not carry by itself: which elements are list wrappers and which texts
are integers.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ..data import INT_FIELDS, ITEM_NAMES

__all__ = ["camel", "camel_keys", "element_to_wire", "xmltodict_to_wire"]


def camel(name: str) -> str:
    """``phone_number`` -> ``phoneNumber``, the rule of msgspec's ``rename="camel"``."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def camel_keys(value: Any) -> Any:
    """A dumped value with every dict key camel-cased."""
    if isinstance(value, dict):
        return {camel(key): camel_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [camel_keys(item) for item in value]
    return value


def element_to_wire(element: etree._Element) -> Any:
    """An lxml element (a document's root, a struct, a list wrapper or a leaf)."""
    tag = element.tag
    if tag in ITEM_NAMES:
        return [element_to_wire(item) for item in element]
    if len(element):
        return {child.tag: element_to_wire(child) for child in element}
    text = element.text or ""
    return int(text) if tag in INT_FIELDS else text


def xmltodict_to_wire(value: Any, tag: str | None = None) -> Any:
    """A value of ``xmltodict.parse(..., force_list=<the item names>)``."""
    if tag in ITEM_NAMES:
        return [xmltodict_to_wire(item) for item in value[ITEM_NAMES[tag]]]
    if isinstance(value, dict):
        return {key: xmltodict_to_wire(item, key) for key, item in value.items()}
    if tag in INT_FIELDS:
        return int(value)
    return value
