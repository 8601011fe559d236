"""A field a model requires below it although its type allows None is declared
once, on the model (``__required_paths__``), and holds everywhere: on decode in
both formats, on encode, in the strategies; a path the model does not have fails
when it is first bound."""

from __future__ import annotations

from typing import Annotated, ClassVar

import pytest
from hypothesis import given, settings

from omni_codec import json, xml
from omni_codec._binding import required_paths, shape_of
from omni_codec.errors import DecodeError, EncodeError, ValidationError
from omni_codec.models import OmniSimpleRequest, OmniStruct, xml_item
from omni_codec.strategies import REQUIRED_PATHS, from_type


class Note(OmniStruct, kw_only=True):
    body: str | None = None
    author: str | None = None


class Page(OmniStruct, kw_only=True):
    note: Note | None = None


class Chapter(OmniStruct, kw_only=True):
    pages: Annotated[list[Page], xml_item("page")]


class Book(OmniStruct, kw_only=True):
    """Two levels of lists, an optional Struct on the way."""

    __xml_root__: ClassVar[str] = "book"
    __required_paths__: ClassVar[tuple[str, ...]] = ("chapters.pages.note.author", "title")

    chapters: Annotated[list[Chapter], xml_item("chapter")] | None = None
    title: str | None = None


def test_a_missing_field_is_refused_at_its_wire_path_on_construction() -> None:
    with pytest.raises(ValidationError) as info:
        Book(title="t", chapters=[Chapter(pages=[Page()]), Chapter(pages=[Page(note=Note(author="a")), Page(note=Note())])])
    assert info.value.message == "Object missing required field `author`"
    assert info.value.path == "$.chapters[1].pages[1].note.author"
    with pytest.raises(ValidationError, match="`title`") as info:
        Book(chapters=[])
    assert info.value.path == "$.title"


def test_an_absent_optional_struct_on_the_path_ends_the_path() -> None:
    Book(title="t", chapters=[Chapter(pages=[Page(), Page(note=Note(author="a"))]), Chapter(pages=[])])


def test_the_simple_request_refuses_a_destination_without_phone_number_on_decode() -> None:
    body = b'{"destinations":[{"to":{"phoneNumber":"1"}},{"to":{"emailAddress":"a@b.c"}}]}'
    with pytest.raises(ValidationError) as info:
        json.decode(body, type=OmniSimpleRequest)
    assert isinstance(info.value, DecodeError)
    assert info.value.message == "Object missing required field `phoneNumber`"
    assert info.value.path == "$.destinations[1].to.phoneNumber"
    document = (
        b"<request><destinations><destination><to><phoneNumber>1</phoneNumber></to></destination>"
        b"<destination><to><emailAddress>a@b.c</emailAddress></to></destination></destinations></request>"
    )
    with pytest.raises(ValidationError) as info:
        xml.decode(document, type=OmniSimpleRequest)
    assert isinstance(info.value, DecodeError)
    assert info.value.message == "Object missing required field `phoneNumber`"
    assert info.value.path == "$.destinations[1].to.phoneNumber"


def test_a_value_made_to_break_the_rule_is_refused_by_both_encoders() -> None:
    book = Book(title="t", chapters=[Chapter(pages=[Page(note=Note(author="a"))])])
    assert json.decode(json.encode(book), type=Book) == book
    assert xml.decode(xml.encode(book), type=Book) == book
    book.chapters[0].pages[0].note.author = None  # type: ignore[index,union-attr]
    for encode in (json.encode, xml.encode):
        with pytest.raises(EncodeError) as info:
            encode(book)
        assert info.value.path == "$.chapters[0].pages[0].note.author"


@settings(max_examples=30)
@given(from_type(Book))
def test_the_strategies_satisfy_the_declaration(book: Book) -> None:
    assert book.title is not None
    for chapter in book.chapters or []:
        for page in chapter.pages:
            assert page.note is None or page.note.author is not None


def test_the_binding_reads_the_declaration() -> None:
    assert required_paths(Book) == (("chapters", "pages", "note", "author"), ("title",))
    assert required_paths(Page) == ()
    assert REQUIRED_PATHS[OmniSimpleRequest] == required_paths(OmniSimpleRequest)
    assert REQUIRED_PATHS[OmniSimpleRequest] == (("destinations", "to", "phone_number"),)


@pytest.mark.parametrize(
    ("path", "unknown"),
    [("chapters.note.writer", "writer"), ("chapter", "chapter"), ("title.length", "length")],
)
def test_an_unknown_path_fails_when_the_model_is_first_bound(path: str, unknown: str) -> None:
    class Shelf(OmniStruct, kw_only=True):
        __required_paths__: ClassVar[tuple[str, ...]] = (path,)

        chapters: Annotated[list[Page], xml_item("page")] | None = None
        title: str | None = None

    with pytest.raises(TypeError, match=rf"Shelf\.__required_paths__: `{path}` names `{unknown}`"):
        shape_of(Shelf)
