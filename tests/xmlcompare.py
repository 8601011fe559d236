"""Comparing XML documents while ignoring insignificant whitespace.

Whitespace is insignificant where it separates elements (the indentation added by
``pretty=True``): SPEC section 5 says the decoder ignores it. It is significant
inside a leaf element, where it is part of a string's value, so it is kept there.
"""

from __future__ import annotations

from lxml import etree

__all__ = ["assert_xml_equal", "canonical"]

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def canonical(xml: bytes | str) -> bytes:
    """Canonical XML (C14N) of ``xml`` without the whitespace between elements."""
    data = xml.encode("utf-8") if isinstance(xml, str) else xml
    root = etree.fromstring(data, _PARSER)
    for element in root.iter():
        if len(element):  # has children: its text and its children's tails are layout
            if element.text is not None and not element.text.strip(" \t\n\r"):
                element.text = None
            for child in element:
                if child.tail is not None and not child.tail.strip(" \t\n\r"):
                    child.tail = None
    return etree.tostring(root, method="c14n")


def assert_xml_equal(actual: bytes | str, expected: bytes | str) -> None:
    """Assert two documents are equal but for whitespace between elements."""
    left, right = canonical(actual), canonical(expected)
    assert left == right, f"XML differs:\n{left.decode()}\n!=\n{right.decode()}"
