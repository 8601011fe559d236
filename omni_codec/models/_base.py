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
document's root element names (``__xml_root__``, and ``__xml_published_root__``
for the second dialect a decoder reads: class variables).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
import sys
import types
import typing
from collections.abc import Callable
from typing import Annotated, Any, ClassVar

import msgspec

from .._binding import XML_ITEM, required_paths, shape_of
from .._paths import join
from ..errors import ValidationError
from .._scalars import DECIMAL_PLAIN_LIMIT, OmniDateTime, ScalarError, check_decimal
from .._xml.fast.source import run as run_source

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


class OmniStruct(msgspec.Struct, rename="camel", omit_defaults=True, kw_only=True, gc=False):
    """Base of every OMNI type.

    ``rename="camel"`` gives the API's wire names (``phone_number`` is
    ``phoneNumber``) from snake_case attributes; the few names camel-casing cannot
    produce (``imageURL``, ``from``) are given per field. ``omit_defaults`` leaves
    absent (``None``) fields out of the JSON, exactly as the XML form leaves out
    their elements (SPEC section 5). Keyword-only construction keeps the declared
    field order free to follow the source document's examples, because that order
    is the XML child order. (msgspec does not inherit ``kw_only``: every model
    repeats it.)

    ``gc=False``: the cyclic garbage collector does not track the models. They
    are data, a tree of texts, numbers and lists that never needs to refer back
    to itself, and a document of 10,000 messages is some 40,000 of them: tracked,
    each is 16 bytes larger and every collection that runs while a document is
    decoded walks them all. (A model made to hold itself, through a list say,
    would never be freed; no OMNI type needs that.)

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
    #: The root element of the second XML dialect, the OpenAPI description's XML
    #: examples: the type's title there (``OmniAdvancedRequest``, ``ApiException``).
    #: It holds the type's fields, a wrapper's too; None: the description has no
    #: such type. Read, never written (SPEC section 5, "Dialects" in the README).
    __xml_published_root__: ClassVar[str | None] = None
    #: The attributes that hold datetimes (this class's and its bases').
    __omni_datetimes__: ClassVar[tuple[str, ...]] = ()
    #: The attributes that hold decimals (this class's and its bases').
    __omni_decimals__: ClassVar[tuple[str, ...]] = ()
    #: Fields required below this type although their type allows None (dotted
    #: attribute paths, a list transparent): see ``_binding.required_paths``.
    __required_paths__: ClassVar[tuple[str, ...]] = ()
    #: The rules the model checks in code (its own ``__post_init__``), if any.
    __omni_rule__: ClassVar[Callable[[Any], None] | None] = None
    #: Whether ``__omni_rule__`` checks the ``__required_paths__`` and nothing
    #: else: a reader that holds each path's field present as it reads need not
    #: walk the paths again (the fast XML reader, see ``_xml.fast.reader``).
    __omni_paths_only__: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own_rule = cls.__dict__.get("__post_init__")
        if cls.__dict__.get("__required_paths__"):
            cls.__omni_paths_only__ = own_rule is None
            own_rule = _with_required_paths(cls, own_rule)
        new = tuple(_attributes_holding(cls, dt.datetime))
        new_decimals = tuple(_attributes_holding(cls, Decimal))
        inherited = cls.__omni_datetimes__
        inherited_decimals = cls.__omni_decimals__
        if own_rule is not None:
            cls.__omni_rule__ = own_rule
        if (
            not new
            and not new_decimals
            and (own_rule is None or (own_rule is cls.__dict__.get("__post_init__") and not (inherited or inherited_decimals)))
        ):
            return  # nothing to add to what msgspec calls already
        attrs = cls.__omni_datetimes__ = (*inherited, *new)
        decimals = cls.__omni_decimals__ = (*inherited_decimals, *new_decimals)
        # msgspec reads ``__post_init__`` when it makes the class, and calls it after
        # every construction and decode: it is set here, wrapping the model's own.
        cls.__post_init__ = _scalar_post_init(attrs, decimals, cls.__omni_rule__, cls)  # type: ignore[attr-defined]


def _with_required_paths(
    cls: type, own_rule: Callable[[Any], None] | None
) -> Callable[[Any], None]:
    """The model's rule with its ``__required_paths__`` checked first.

    The paths are resolved against the binding on the first check (the types a
    path goes through may be defined after ``cls``); an unknown path is then a
    ``TypeError`` naming the model.
    """
    check: Callable[[Any], None] | None = None

    def rule(self: Any) -> None:
        nonlocal check
        if check is None:
            check = _required_check(cls)
        check(self)
        if own_rule is not None:
            own_rule(self)

    return rule


def _required_check(cls: type) -> Callable[[Any], None]:
    """A check of the required paths of ``cls``: the first field that is None
    is reported as msgspec reports a missing field, at its wire path.

    It runs on every decode of the model, so whether a field is missing is
    answered by a loop generated for the paths (as fast as one written by hand);
    where is looked for only then.
    """
    steps = []
    for path in required_paths(cls):
        shape = shape_of(cls)
        step = []
        for attr in path:
            field = next(f for f in shape.fields if f.attr == attr)
            value, depth = field.value, 0
            while value.item is not None:
                value, depth = value.item, depth + 1
            step.append((attr, field.name, depth))
            if value.struct_type is not None:
                shape = shape_of(value.struct_type)
        steps.append(tuple(step))
    any_missing = _generated_test(cls.__qualname__, steps)

    def check(self: Any) -> None:
        if not any_missing(self):
            return
        for step in steps:
            segments = _missing(self, step)
            if segments is not None:
                where = join(segments)
                raise ValidationError(f"Object missing required field `{segments[-1]}`", path=where)

    return check


Step = tuple[tuple[str, str, int], ...]  # (attribute, wire name, list depth) per field


def _generated_test(name: str, steps: list[Step]) -> Callable[[Any], bool]:
    """``lambda v: any field of the paths is None``, as a generated loop."""
    lines = ["def any_missing(v):"]
    for step in steps:
        indent, var, count = "    ", "v", 0
        for index, (attr, _, depth) in enumerate(step):
            if index == len(step) - 1:
                lines.append(f"{indent}if {var}.{attr} is None: return True")
                break
            count += 1
            lines += [f"{indent}x{count} = {var}.{attr}", f"{indent}if x{count} is not None:"]
            indent, var = indent + "    ", f"x{count}"
            for _ in range(depth):
                count += 1
                lines += [f"{indent}for x{count} in {var}:", f"{indent}    if x{count} is not None:"]
                indent, var = indent + "        ", f"x{count}"
    lines.append("    return False")
    test: Callable[[Any], bool] = _compiled(lines, f"<omni_codec required paths of {name}>", {})
    return test


def _compiled(lines: list[str], filename: str, namespace: dict[str, Any]) -> Any:
    """The function ``lines`` define, compiled as the fast paths' code is."""
    run_source("\n".join(lines) + "\n", filename, namespace)
    name = lines[0][len("def "):lines[0].index("(")]
    return namespace[name]


def _missing(value: Any, step: Step) -> list[str | int] | None:
    """The path segments of the first field of ``step`` below ``value`` that is None."""
    (attr, name, depth), rest = step[0], step[1:]
    item = getattr(value, attr)
    if not rest:
        return [name] if item is None else None
    found = _missing_in(item, depth, rest)
    return None if found is None else [name, *found]


def _missing_in(item: Any, depth: int, rest: Step) -> list[str | int] | None:
    if item is None:
        return None
    if depth == 0:
        return _missing(item, rest)
    for index, inner in enumerate(item):
        found = _missing_in(inner, depth - 1, rest)
        if found is not None:
            return [index, *found]
    return None


def _scalar_post_init(
    attrs: tuple[str, ...], decimals: tuple[str, ...], rule: Callable[[Any], None] | None,
    cls: type | None = None,
) -> Callable[[Any], None]:
    """The ``__post_init__`` of a model with datetime or decimal fields: plain
    datetimes converted, decimals checked, then the model's own ``rule``.

    It runs on every construction and decode of the model (a report's thousands
    of items), so it is generated for the fields, as :func:`_generated_test`
    is: one test per field, the common value (an ``OmniDateTime``, ``None``)
    passed by the first test.
    """
    name = "model" if cls is None else cls.__qualname__
    lines = ["def __post_init__(self):"]
    for attr in attrs:
        # Anything but a plain datetime (None, an OmniDateTime, a wrong type) is
        # left alone: wrong types are the encoder's to report, with the path.
        lines += [
            f"    value = self.{attr}",
            "    if type(value) is not OmniDateTime and value is not None:",
            "        if isinstance(value, datetime) and not isinstance(value, OmniDateTime):",
            f"            self.{attr} = OmniDateTime.coerce(value)",
        ]
    for attr in decimals:
        # msgspec takes any Decimal (``NaN``, ``1e-999999999``); the XSD's bounds
        # apply in JSON too, so that it accepts what XML can carry (SPEC 6).
        # The common case (plain notation short enough to be within the bounds,
        # which ``check_decimal`` tells first, by ``plain_decimal_text``) is
        # tested inline, two calls fewer: a delivery report's price is checked
        # at each construction.
        lines += [
            f"    value = self.{attr}",
            "    if value is None or (",
            "        type(value) is Decimal and value.is_finite()",
            f"        and len(text := str(value)) <= {DECIMAL_PLAIN_LIMIT} and 'E' not in text",
            "    ):",
            "        pass",
            "    elif isinstance(value, Decimal):",
            "        try:",
            "            check_decimal(value)",
            "        except ScalarError as exc:",
            f"            raise decimal_error(self, {attr!r}, exc) from None",
        ]
    if rule is not None:
        lines.append("    rule(self)")
    if len(lines) == 1:
        lines.append("    pass")
    namespace: dict[str, Any] = {
        "OmniDateTime": OmniDateTime, "datetime": dt.datetime, "Decimal": Decimal,
        "check_decimal": check_decimal, "ScalarError": ScalarError,
        "decimal_error": _decimal_error, "rule": rule,
    }
    post_init: Callable[[Any], None] = _compiled(lines, f"<omni_codec __post_init__ of {name}>", namespace)
    return post_init


def _decimal_error(model: Any, attr: str, exc: ScalarError) -> ValidationError:
    return ValidationError(str(exc), path=f"$.{_wire_name(type(model), attr)}")


def _wire_name(cls: type, attr: str) -> str:
    for field in msgspec.structs.fields(cls):
        if field.name == attr:
            return field.encode_name
    return attr  # pragma: no cover (attr is one of the class's fields)


def _attributes_holding(cls: type, kind: type) -> list[str]:
    """The attributes ``cls`` itself annotates with a type of ``kind`` (or
    ``kind | None``): the datetimes and decimals whose rules are checked here.

    The annotations may be strings (``from __future__ import annotations``); each is
    evaluated in the class's module. A name not defined yet there (a class defined
    later) is neither, so it is passed over.
    """
    namespace = vars(sys.modules[cls.__module__]) if cls.__module__ in sys.modules else {}
    found = []
    for attr, annotation in cls.__dict__.get("__annotations__", {}).items():
        if isinstance(annotation, str):
            try:
                annotation = eval(annotation, dict(namespace))  # noqa: S307 (the class's own source)
            except NameError:  # a name defined later is no datetime
                continue
        if _holds(annotation, kind):
            found.append(attr)
    return found


def _holds(annotation: Any, kind: type) -> bool:
    if isinstance(annotation, type):
        return issubclass(annotation, kind)
    if typing.get_origin(annotation) is ClassVar:
        return False
    args: tuple[Any, ...] = typing.get_args(annotation)
    if typing.get_origin(annotation) is Annotated:
        args = args[:1]
    elif not (typing.get_origin(annotation) in (typing.Union, types.UnionType)):
        return False  # a value inside a list or dict is not a field's own value
    return any(_holds(arg, kind) for arg in args)


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
