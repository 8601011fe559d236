"""A JSON object that names a member twice is refused, not read as "last one wins".

RFC 8259 (section 4) leaves a reader free to keep either value of a name given twice,
and msgspec keeps the last without a word. The XML decoders refuse a field given
twice; the JSON decoder refuses a repeated name in any object of the document, for
the same reason: keeping one of two values hides the sender's bug, and two readers of
one document (say, a gateway that checks the first value and a service that uses the
last) would each see a different message.

msgspec cannot report a repeated name, so this module finds them after msgspec has
decoded the document. Its cost is kept off the common document by a proof that needs
no second parse. Re-encoding the decoded value writes the members it kept: when that
is the document itself (a compact document in the models' order, as this codec and
msgspec write one), nothing was lost. Otherwise the colons are counted: every member
of a JSON object is followed by exactly one colon outside any string, so a document's
colons are its members' plus those inside its strings, and the re-encoding has the
same strings; when the two texts have as many colons, no member was lost, so none was
repeated. This holds as long as

- no string of the document is written with a ``\\u`` escape, which could spell a
  colon, or a name another way;
- nothing the decoder converts gains a colon (a datetime has two or three, and is
  written with two);
- the re-encoding adds no member: a tagged Struct that stands alone, not in a union,
  may come without its discriminator, which the encoder writes, so a value that holds
  one is not proved this way.

A document whose count differs (it has members the type does not keep, explicit
nulls, or a repeated name), or that may hold a ``\\u`` escape, is parsed again by
the standard library's ``json``, whose ``object_pairs_hook`` is shown every member,
to find the first repeated name or to show there is none.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, NamedTuple

import msgspec

from ._binding import Kind, innermost, reachable_shapes, shape_of
from ._hooks import enc_hook

__all__ = ["MemberCheck", "check_members"]

_ENCODER = msgspec.json.Encoder(enc_hook=enc_hook, decimal_format="number")


class MemberCheck(NamedTuple):
    """What reading a document's members again found."""

    #: The path of the first member whose name its object already gave, if any.
    repeat: list[str | int] | None
    #: True when the re-encoding is the document itself: then it holds no value
    #: the decoder converted (a decimal written as a string, say), as the encoder
    #: writes none so.
    same_text: bool


def check_members(data: bytes | str, value: Any, *, escaped: bool) -> MemberCheck:
    """Whether any object of ``data`` names a member twice.

    ``value`` is what msgspec decoded from ``data``; ``escaped`` says whether
    ``data`` may hold a ``\\u`` escape (a cheap test that may say yes wrongly, never
    no wrongly). Raises RecursionError for an object nested deeper than the standard
    library's parser can follow, and ValueError for a text it does not read as JSON.
    """
    written = _reencoding(data, value)
    if written is not None:
        # The same text: nothing lost, whatever it holds (a compact document written
        # in the models' order, as this codec and msgspec write it).
        if isinstance(data, bytes) and written == data:
            return MemberCheck(None, True)
        if _members_all_kept(data, written, escaped, _added_discriminators(type(value))):
            return MemberCheck(None, False)
    tree = json.loads(
        data,
        object_pairs_hook=_Members,
        # Numbers are not needed, and not converting them spares an int of many digits.
        parse_int=_ignore,
        parse_float=_ignore,
        parse_constant=_ignore,
    )
    return MemberCheck(_first_repeat(tree), False)


def _reencoding(data: bytes | str, value: Any) -> bytearray | None:
    """``value`` as the encoder writes it, or None if msgspec cannot write it."""
    # Written into a buffer of the input's size, which msgspec fits to what it wrote:
    # the usual re-encoding has that size, and the buffer is not grown while held.
    written = bytearray(len(data))
    try:
        _ENCODER.encode_into(value, written)
    except Exception:  # noqa: BLE001  (a value msgspec decoded but cannot write: parse again)
        return None
    return written


def _members_all_kept(data: bytes | str, written: bytearray, escaped: bool, added: tuple[bytes, ...]) -> bool:
    """The colon count of the module docstring: True only if no member of ``data``
    was lost in ``written``, its re-encoding.

    ``added`` are the discriminators the encoder may write that ``data`` may lack.
    """
    if escaped or any(member in written for member in added):
        return False
    colons = data.count(":") if isinstance(data, str) else data.count(b":")
    return written.count(b":") == colons


def _added_discriminators(cls: type[msgspec.Struct]) -> tuple[bytes, ...]:
    """The discriminator members, as the encoder writes them, of the tagged Structs
    that may stand alone in a value of ``cls``: there the input may leave them out."""
    known = _ADDED.get(cls)
    if known is None:
        known = _ADDED[cls] = _find_added_discriminators(cls)
    return known


_ADDED: dict[type[msgspec.Struct], tuple[bytes, ...]] = {}


def _find_added_discriminators(cls: type[msgspec.Struct]) -> tuple[bytes, ...]:
    root = shape_of(cls)
    alone = [root] if root.tag_field is not None else []  # (a tagged Struct decoded on its own)
    for shape in reachable_shapes(root):
        for field in shape.fields:
            value = innermost(field.value)
            if value.kind is Kind.STRUCT:
                members = [value.struct]
            elif value.kind is Kind.UNION:
                members = list(value.variants.values())
            else:
                continue
            if len(members) == 1 and members[0].tag_field is not None:
                # (msgspec reads a union of one member without its discriminator.)
                alone.append(members[0])
    found = {msgspec.json.encode(shape.tag_field) + b":" + msgspec.json.encode(shape.tag) for shape in alone}
    return tuple(sorted(found))


class _Members(list[tuple[str, Any]]):
    """A JSON object as the list of its members, in document order, repeats kept."""


def _ignore(text: str) -> None:
    return None


def _first_repeat(tree: Any) -> list[str | int] | None:
    # In document order, without recursion: a name is met before its value, and
    # the path names the first repeated name a reader of the text meets.
    stack: list[tuple[list[str | int], Iterator[tuple[Any, Any]]]] = [([], iter([(None, tree)]))]
    seen: list[set[str] | None] = [None]
    while stack:
        path, members = stack[-1]
        names = seen[-1]
        for key, node in members:
            if names is not None:
                if key in names:
                    return [*path, key]
                names.add(key)
            where = path if key is None else [*path, key]
            if isinstance(node, _Members):
                stack.append((where, iter(node)))
                seen.append(set())
                break
            if isinstance(node, list):
                stack.append((where, iter(enumerate(node))))
                seen.append(None)
                break
        else:
            stack.pop()
            seen.pop()
    return None
