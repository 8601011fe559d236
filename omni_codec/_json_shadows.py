"""Second readings of a JSON document, for what msgspec's typed pass lets through.

A shadow is a Struct made from a type's shape: decoding the document into it makes
msgspec itself find, and locate by path, what the models' own types cannot refuse.
Every value the shadow does not check is ``msgspec.Raw``, left unparsed, so nothing
the typed pass accepted fails here for another reason. Polymorphic values get
shadows of their members, with the same discriminator.

- The strict shadow (``strict=True``) refuses members the type does not know and
  enumeration values it does not know (SPEC section 4); msgspec's Structs refuse
  unknown members always or never, and the models must read them in the default
  mode.
- Both shadows refuse a decimal written as a JSON string that is not a decimal in
  the XSD's form. msgspec reads such a string with ``Decimal()``, which also takes
  ``1_000``, `` 1.5 `` and digits of any script: texts the XML form refuses. A
  decimal as a JSON number is msgspec's to read, and always valid.

The strict mode reads every document again; the default mode reads one into the
decimal-text shadow only when it may hold a decimal written as a string
(:meth:`DecimalFields.may_hold_text`, a search for the decimal fields' names, costs a
fraction of a second reading).
"""

from __future__ import annotations

import re
import sys
import threading
import types
import typing
from typing import Annotated, Any, AnyStr, Literal

import msgspec

from ._binding import Kind, StructShape, ValueShape, innermost, reachable_shapes
from ._scalars import DECIMAL_TEXT

__all__ = ["DecimalFields", "decimal_text_shadow", "strict_shadow"]

#: A decimal as the shadows read it: any JSON number, or a string in the XSD's form.
_DECIMAL: Any = int | float | Annotated[str, msgspec.Meta(pattern=f"^{DECIMAL_TEXT}\\Z")]

#: ``typing.Literal``, subscripted with values known only at run time.
_LITERAL: Any = Literal


#: What follows a member's name when its value is a string: JSON's whitespace, the
#: colon, whitespace, the opening quote.
_STRING_VALUE_TEXT = re.compile(r"[ \t\n\r]*:[ \t\n\r]*\"")
_STRING_VALUE = re.compile(_STRING_VALUE_TEXT.pattern.encode())


class DecimalFields:
    """The decimal fields a value of one shape may hold, by wire name, made once per
    decoder: :meth:`may_hold_text` runs on every decode of a document that is not
    its own re-encoding, and finds the names already quoted, as text and as bytes."""

    __slots__ = ("_quoted_bytes", "_quoted_text", "names")

    def __init__(self, shape: StructShape) -> None:
        self.names = tuple(sorted({
            field.name
            for reached in reachable_shapes(shape)
            for field in reached.fields
            if innermost(field.value).kind is Kind.DECIMAL
        }))
        self._quoted_text = tuple(f'"{name}"' for name in self.names)
        self._quoted_bytes = tuple(quoted.encode() for quoted in self._quoted_text)

    def may_hold_text(self, data: bytes | str) -> bool:
        """Whether a member named like a decimal field has a string value in
        ``data``, a JSON text with no ``\\u`` escape (where every name is spelled as
        it is). It may say yes wrongly (a free-form member of that name, a name
        inside a string), at the cost of a second reading; never no wrongly."""
        if isinstance(data, str):
            return _any_followed(data, self._quoted_text, _STRING_VALUE_TEXT)
        return _any_followed(data, self._quoted_bytes, _STRING_VALUE)


def _any_followed(data: AnyStr, needles: tuple[AnyStr, ...], after: re.Pattern[AnyStr]) -> bool:
    """Whether any of ``needles`` stands in ``data`` where ``after`` matches next."""
    for needle in needles:
        at = data.find(needle)
        while at >= 0:
            end = at + len(needle)
            if after.match(data, end):
                return True
            at = data.find(needle, end)
    return False


class _Shadows:
    """The shadows of one kind, one per shape, made when first asked for."""

    def __init__(self, prefix: str, *, strict: bool) -> None:
        self._prefix = prefix
        self._strict = strict
        self._lock = threading.RLock()
        # In a module of their own: a type that holds itself (a Line Flex box holds
        # boxes) refers to its shadow by name, which msgspec resolves there.
        self._module = types.ModuleType(f"omni_codec._{prefix.lower()}_shadows")
        sys.modules[self._module.__name__] = self._module
        self._names: dict[StructShape, str] = {}
        self._names_of_classes: dict[type[msgspec.Struct], str] = {}

    def __call__(self, shape: StructShape) -> type[msgspec.Struct]:
        with self._lock:
            return self._shadow(shape)

    def _shadow(self, shape: StructShape) -> type[msgspec.Struct]:
        name = self._names.get(shape)
        if name is not None:
            return getattr(self._module, name)  # type: ignore[no-any-return]
        name = self._names[shape] = f"{self._prefix}{shape.name}_{len(self._names)}"
        # The class is named before its fields are made, so that a field that
        # leads back to it names it as a string, resolved when first used.
        try:
            fields = [(f.attr, self._shadow_of(f.value), None) for f in shape.fields]
        except BaseException:
            del self._names[shape]
            raise
        options: dict[str, Any] = {}
        if shape.tag_field is not None:
            options = {"tag_field": shape.tag_field, "tag": shape.tag}
        cls = msgspec.defstruct(
            f"{self._prefix}{shape.name}",
            fields,
            rename={f.attr: f.name for f in shape.fields},
            forbid_unknown_fields=self._strict,
            module=self._module.__name__,
            **options,
        )
        setattr(self._module, name, cls)
        self._names_of_classes[cls] = name
        return cls

    def _shadow_type(self, shape: StructShape) -> Any:
        name = self._names.get(shape)
        if name is not None and not hasattr(self._module, name):
            return name  # being made: a forward reference
        return self._shadow(shape)

    def _shadow_of(self, value: ValueShape) -> Any:
        if value.kind is Kind.STRUCT:
            return _optional(self._shadow_type(value.struct))
        if value.kind is Kind.UNION:
            members = [self._shadow_type(s) for s in value.variants.values()]
            if any(isinstance(m, str) for m in members):
                names = [m if isinstance(m, str) else self._names_of_classes[m] for m in members]
                return " | ".join([*names, "None"])
            optional = tuple(members) + (None,)
            return typing.Union[optional]
        if value.kind is Kind.LIST:
            assert value.item is not None
            item = self._shadow_of(value.item)
            if isinstance(item, str):
                return f"list[{item}] | None"
            return list[item] | None  # type: ignore[valid-type]
        if value.kind is Kind.ENUM and self._strict:
            # The known values only: strict rejects an unknown one (SPEC section 4),
            # with msgspec's message and path for an enum.
            return _LITERAL[value.enum_values] | None
        if value.kind is Kind.DECIMAL:
            return _DECIMAL | None
        return msgspec.Raw


def _optional(member: Any) -> Any:
    return f"{member} | None" if isinstance(member, str) else member | None


#: The strict shadow of a shape: ``strict=True`` decodes every document into it.
strict_shadow = _Shadows("Strict", strict=True)
#: The decimal-text shadow of a shape: the default mode decodes a document into it
#: only when the document may hold a decimal written as a string.
decimal_text_shadow = _Shadows("DecimalText", strict=False)
