"""The base of every OMNI model, the constrained scalar types they share, and the
declarations that bind a model to XML.

Every wire rule that can be said as a type is said here, once, as a
``typing.Annotated`` constraint that msgspec enforces on decode. The XML codec, the
XSD generator and the hypothesis strategies read the same constraints back through
``msgspec.inspect``, so a rule written here holds in every format.

The two facts of the XML form that a type cannot say (SPEC section 5) are declared
on the model too, next to the field or class they belong to, and read by
:mod:`omni_codec._binding` the same way: a list's item element name
(:func:`xml_item`, a ``msgspec.Meta(extra=...)`` on the list's type) and a
document's root element name (``__xml_root__``, a class variable).
"""

from __future__ import annotations

import datetime as dt
import sys
import types
import typing
from collections.abc import Callable
from typing import Annotated, Any, ClassVar

import msgspec

from .._binding import XML_ITEM
from .._scalars import OmniDateTime

__all__ = ["Int32", "Int64", "OmniStruct", "PhoneNumber", "xml_item"]

def xml_item(name: str) -> msgspec.Meta:
    """The XML element name of each item of a list field (SPEC section 5: a list
    is a wrapper element named as the field, holding one element per item, named in
    the singular): ``Annotated[list[Destination], xml_item("destination")]``.

    Other constraints of the list (``min_length``...) may sit in the same
    ``Annotated``, in their own ``msgspec.Meta``.
    """
    if not isinstance(name, str) or not name:
        raise TypeError(f"an XML item name must be a non-empty str, got {name!r}")
    return msgspec.Meta(extra={XML_ITEM: name})


class OmniStruct(msgspec.Struct, rename="camel", omit_defaults=True, kw_only=True):
    """Base of every OMNI type.

    ``rename="camel"`` gives the API's wire names (``phone_number`` is
    ``phoneNumber``) from snake_case attributes; the few names camel-casing cannot
    produce (``imageURL``, ``from``) are given per field. ``omit_defaults`` leaves
    absent (``None``) fields out of the JSON, exactly as the XML form leaves out
    their elements (SPEC section 5). Keyword-only construction keeps the declared
    field order free to follow the source document's examples, because that order
    is the XML child order. (msgspec does not inherit ``kw_only``: every model
    repeats it.)

    A type that is a whole document (a request or response body) declares its XML
    root element name as ``__xml_root__``; a body whose JSON is one key holding an
    object (the API error) also sets ``__xml_wrapper__``: in XML that key is the
    root (SPEC section 5).

    The datetime policy is applied here, once, to every model: a plain
    ``datetime.datetime`` given to a datetime field becomes an
    :class:`~omni_codec._scalars.OmniDateTime` when the model is made, so that both
    encoders write the published form ``2015-06-04T13:01:52.933+0000`` (SPEC
    section 4) whoever built the value. (msgspec writes a plain ``datetime`` itself,
    in RFC 3339, without asking the codec's hook.)
    """

    #: The root element name of the type's XML document; None: not a document.
    __xml_root__: ClassVar[str | None] = None
    #: True for a one-field body whose field's element is the XML root.
    __xml_wrapper__: ClassVar[bool] = False
    #: The attributes that hold datetimes (this class's and its bases').
    __omni_datetimes__: ClassVar[tuple[str, ...]] = ()
    #: The rules the model checks in code (its own ``__post_init__``), if any.
    __omni_rule__: ClassVar[Callable[[Any], None] | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own_rule = cls.__dict__.get("__post_init__")
        new = tuple(_datetime_attributes(cls))
        inherited = cls.__omni_datetimes__
        if own_rule is not None:
            cls.__omni_rule__ = own_rule
        if not new and (own_rule is None or not inherited):
            return  # nothing to add to what msgspec calls already
        attrs = cls.__omni_datetimes__ = (*inherited, *new)
        # msgspec reads ``__post_init__`` when it makes the class, and calls it after
        # every construction and decode: it is set here, wrapping the model's own.
        cls.__post_init__ = _datetime_post_init(attrs, cls.__omni_rule__)  # type: ignore[attr-defined]


def _datetime_post_init(
    attrs: tuple[str, ...], rule: Callable[[Any], None] | None
) -> Callable[[Any], None]:
    def __post_init__(self: Any) -> None:
        for attr in attrs:
            value = getattr(self, attr)
            # Anything but a plain datetime (None, an OmniDateTime, a wrong type) is
            # left alone: wrong types are the encoder's to report, with the path.
            if isinstance(value, dt.datetime) and not isinstance(value, OmniDateTime):
                setattr(self, attr, OmniDateTime.coerce(value))
        if rule is not None:
            rule(self)

    return __post_init__


def _datetime_attributes(cls: type) -> list[str]:
    """The attributes ``cls`` itself annotates with a datetime type.

    The annotations may be strings (``from __future__ import annotations``); each is
    evaluated in the class's module. A name not defined yet there (a class defined
    later) is not a datetime, so it is passed over.
    """
    namespace = vars(sys.modules[cls.__module__]) if cls.__module__ in sys.modules else {}
    found = []
    for attr, annotation in cls.__dict__.get("__annotations__", {}).items():
        if isinstance(annotation, str):
            try:
                annotation = eval(annotation, dict(namespace))  # noqa: S307 (the class's own source)
            except NameError:  # a name defined later is no datetime
                continue
        if _holds_datetime(annotation):
            found.append(attr)
    return found


def _holds_datetime(annotation: Any) -> bool:
    if isinstance(annotation, type):
        return issubclass(annotation, dt.datetime)
    if typing.get_origin(annotation) is ClassVar:
        return False
    args: tuple[Any, ...] = typing.get_args(annotation)
    if typing.get_origin(annotation) is Annotated:
        args = args[:1]
    elif not (typing.get_origin(annotation) in (typing.Union, types.UnionType)):
        return False  # a datetime inside a list or dict is not a datetime field
    return any(_holds_datetime(arg) for arg in args)


#: The API's ``int`` is a Java ``Integer``; bounding it to XML Schema's ``xs:int``
#: makes the JSON decoder accept exactly what the XML encoder can write and the XSD
#: accepts (SPEC section 6).
Int32 = Annotated[int, msgspec.Meta(ge=-(2**31), le=2**31 - 1)]

#: A field Infobip's OpenAPI description declares ``format: int64`` (a Java
#: ``Long``): XML Schema's ``xs:long`` range, in every format.
Int64 = Annotated[int, msgspec.Meta(ge=-(2**63), le=2**63 - 1)]

#: "Phone numbers must be in international format (Example: `41793026727`)" (the
#: source document). ``\A``/``\Z`` rather than ``^``/``$``: ``$`` would also accept a
#: trailing newline.
PhoneNumber = Annotated[str, msgspec.Meta(pattern=r"\A[0-9]+\Z")]
