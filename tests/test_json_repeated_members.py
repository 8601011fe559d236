"""A JSON object that gives one member name twice is refused, in every mode and at
every depth, and no document without one is refused for it.

The documents are the encoder's own output for any value of any document type,
rewritten by a small writer (``json_trees``: a JSON text as a tree of members, which
keeps repeats, written with any insignificant whitespace and, on request, every
colon inside a string spelled ``\\u003a``), so that the rule is tried on every shape
the models have, not on one example.
"""

from __future__ import annotations

from typing import Any

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

import omni_codec
from omni_codec import OmniAdvancedRequest, OmniResponse, OmniSimpleRequest, ValidationError
from omni_codec._hooks import dec_hook
from omni_codec._paths import join
from omni_codec.models import DOCUMENT_TYPES
from omni_codec.strategies import from_type, json_values

from json_trees import objects, parse, write, written_string

TYPE_IDS = [cls.__name__ for cls in DOCUMENT_TYPES]


def leave_out_discriminators(tree: Any, cls: type, value: Any) -> None:
    """Remove each ``type`` member whose object reads the same without it (a tagged
    Struct that stands alone may come without it; the encoder writes it)."""
    for _, target in objects(tree):
        for index, (name, member) in enumerate(target):
            if name != "type":
                continue
            del target[index]
            try:
                same = msgspec.json.decode(write(tree), type=cls, dec_hook=dec_hook) == value
            except Exception:  # noqa: BLE001  (a discriminator that must stay)
                same = False
            if not same:
                target.insert(index, (name, member))
            break


SPACES = st.sampled_from(["", " ", "\n", "\r\n\t  "])


@pytest.mark.parametrize("strict", [False, True], ids=["default", "strict"])
@pytest.mark.parametrize("cls", DOCUMENT_TYPES, ids=TYPE_IDS)
@given(data=st.data())
def test_a_member_given_twice_in_any_object_is_refused_at_its_path(
    cls: type, strict: bool, data: st.DataObject
) -> None:
    value = data.draw(from_type(cls), label="value")
    tree = parse(omni_codec.json.encode(value))
    if data.draw(st.booleans(), label="leave out the discriminators that may be"):
        leave_out_discriminators(tree, cls, value)
    path, target = data.draw(st.sampled_from(objects(tree)), label="object")
    if target and data.draw(st.booleans(), label="repeat a member the document has"):
        # The same member again, anywhere in its object: the document reads the
        # same whichever copy a reader keeps, and is refused all the same.
        member = data.draw(st.sampled_from(list(target)), label="member")
        target.insert(data.draw(st.integers(0, len(target)), label="at"), member)
        name = member[0]
    else:
        # A member the type does not know, given twice with any values.
        name = data.draw(st.sampled_from(["zz", "extra", ""]), label="name")
        for _ in range(2):
            target.insert(
                data.draw(st.integers(0, len(target)), label="at"),
                (name, parse(msgspec.json.encode(data.draw(json_values(), label="unknown value")))),
            )
    escape_colons = data.draw(st.booleans(), label="colons as escapes")
    text = write(tree, space=data.draw(SPACES, label="space"), escape_colons=escape_colons)
    with pytest.raises(ValidationError) as caught:
        omni_codec.json.decode(text.encode(), type=cls, strict=strict)
    error = caught.value
    assert error.path == join([*path, name])
    assert "more than once" in str(error)
    # Located at a name written as the repeated one (the path alone names both).
    assert error.line is not None and error.column is not None
    assert text.split("\n")[error.line - 1][error.column - 1 :].startswith(written_string(name, escape_colons))


@pytest.mark.parametrize("cls", DOCUMENT_TYPES, ids=TYPE_IDS)
@given(data=st.data())
def test_a_document_that_names_each_member_once_is_not_refused(cls: type, data: st.DataObject) -> None:
    # However it is written (whitespace, colons in strings as escapes) and whatever
    # else it holds (members the type does not know, with objects of their own, and
    # nulls), which are what send the check the long way.
    value = data.draw(from_type(cls), label="value")
    tree = parse(omni_codec.json.encode(value))
    if data.draw(st.booleans(), label="add unknown members"):
        for path, target in data.draw(st.lists(st.sampled_from(objects(tree)), max_size=3), label="objects"):
            name = f"unknown{len(target)}"
            if all(name != known for known, _ in target):
                unknown = data.draw(st.one_of(json_values(), st.none()), label="unknown value")
                target.append((name, parse(msgspec.json.encode(unknown))))
    text = write(tree, space=data.draw(SPACES, label="space"), escape_colons=data.draw(st.booleans()))
    # (A member added to a free-form object is part of the value: what the text
    # means is what msgspec reads from it, the names being unique.)
    meaning = msgspec.json.decode(text, type=cls, dec_hook=dec_hook)
    assert omni_codec.json.decode(text.encode(), type=cls) == meaning
    assert omni_codec.json.decode(text, type=cls) == meaning


@pytest.mark.parametrize("data", [bytes, str], ids=["bytes", "str"])
def test_two_values_for_one_field_are_refused_not_resolved(data: type) -> None:
    # The case the rule is for: a reader that kept either value would be wrong
    # half the time, and silently.
    text = (
        '{"messages": [{"to": {"phoneNumber": "41793026727"}, "messageId": "first",'
        ' "status": {"groupId": 1, "groupName": "PENDING", "id": 7, "name": "PENDING_ENROUTE",'
        ' "description": "Message sent to next instance"}, "messageId": "second"}]}'
    )
    document = text.encode() if data is bytes else text
    with pytest.raises(ValidationError, match=r"Member `messageId` appears more than once") as caught:
        omni_codec.json.decode(document, type=OmniResponse)
    assert caught.value.path == "$.messages[0].messageId"
    # The second name, not the first: where the sender's mistake is.
    assert (caught.value.line, caught.value.column) == (1, text.rindex('"messageId"') + 1)


def test_a_name_spelled_with_an_escape_is_the_same_name() -> None:
    text = b'{"bulkId": "a", "bulk\\u0049d": "b", "destinations": [{"to": {"phoneNumber": "1"}}]}'
    with pytest.raises(ValidationError) as caught:
        omni_codec.json.decode(text, type=OmniSimpleRequest)
    assert caught.value.path == "$.bulkId"


def test_the_first_repeat_in_the_text_is_named() -> None:
    # The repeat inside the first member comes before the one of the outer object.
    text = b'{"messages": [], "x": {"y": {"b": 1, "b": 2}, "a": 1, "a": 2}}'
    with pytest.raises(ValidationError) as caught:
        omni_codec.json.decode(text, type=OmniResponse)
    assert caught.value.path == "$.x.y.b"



def test_a_repeat_is_found_where_a_left_out_discriminator_makes_up_for_it() -> None:
    # The header's discriminator may be left out (a union of one member), and the
    # encoder writes it: one member more in the re-encoding, one fewer from the
    # repeated `layout`. Counting members alone would not see the repeat.
    text = (
        b'{"scenarioKey":"K","destinations":[{"to":{"phoneNumber":"1"}}],"line":{"contents":'
        b'{"type":"BUBBLE","direction":"ltr",'
        b'"header":{"layout":"vertical","layout":"baseline","contents":[]}}}}'
    )
    with pytest.raises(ValidationError) as caught:
        omni_codec.json.decode(text, type=OmniAdvancedRequest)
    assert caught.value.path == "$.line.contents.header.layout"
