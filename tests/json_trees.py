"""JSON texts as trees of members, for tests that rewrite a document as a sender might.

msgspec and the standard library read a JSON object into a dict, which loses a
repeated name and the order; a :class:`Members` keeps both, and :func:`write` writes
a tree back with any insignificant whitespace and, on request, every colon inside a
string spelled ``\\u003a``. Numbers keep their text (:class:`Number`), and so does
any :class:`Verbatim` text.
"""

from __future__ import annotations

import json as stdlib_json
from typing import Any


class Members(list[tuple[str, Any]]):
    """A JSON object as its members in order, repeats kept."""


class Verbatim(str):
    """JSON text that :func:`write` writes as it is (an escape a test spells itself)."""


class Number(Verbatim):
    """A JSON number as it was written."""


def parse(text: bytes) -> Any:
    return stdlib_json.loads(text, object_pairs_hook=Members, parse_int=Number, parse_float=Number)


def write(node: Any, *, space: str = "", escape_colons: bool = False) -> str:
    def inner(child: Any) -> str:
        return write(child, space=space, escape_colons=escape_colons)

    if isinstance(node, Members):
        members = (f"{space}{written_string(name, escape_colons)}{space}:{space}{inner(value)}" for name, value in node)
        return "{" + ",".join(members) + f"{space}}}"
    if isinstance(node, list):
        return "[" + ",".join(f"{space}{inner(item)}" for item in node) + "]"
    if isinstance(node, Verbatim):
        return str(node)
    if isinstance(node, str):
        return written_string(node, escape_colons)
    return stdlib_json.dumps(node)  # true, false, null


def written_string(text: str, escape_colons: bool) -> str:
    written = stdlib_json.dumps(text, ensure_ascii=False)
    # (A colon is never part of an escape sequence, so this changes only colons.)
    return written.replace(":", "\\u003a") if escape_colons else written


def objects(node: Any, path: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], Members]]:
    """Every object of the tree, with its path."""
    found: list[tuple[tuple[str | int, ...], Members]] = []
    if isinstance(node, Members):
        found.append((path, node))
        for name, value in node:
            found += objects(value, (*path, name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found += objects(item, (*path, index))
    return found
