"""The base of every OMNI model and the constrained scalar types they share.

Every wire rule that can be said as a type is said here, once, as a
``typing.Annotated`` constraint that msgspec enforces on decode. The XML codec, the
XSD generator and the hypothesis strategies read the same constraints back through
``msgspec.inspect``, so a rule written here holds in every format.
"""

from __future__ import annotations

from typing import Annotated

import msgspec

__all__ = ["Int32", "OmniStruct", "PhoneNumber"]


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
    """


#: The API's ``int`` is a Java ``Integer``; bounding it to XML Schema's ``xs:int``
#: makes the JSON decoder accept exactly what the XML encoder can write and the XSD
#: accepts (SPEC section 6).
Int32 = Annotated[int, msgspec.Meta(ge=-(2**31), le=2**31 - 1)]

#: "Phone numbers must be in international format (Example: `41793026727`)" (the
#: source document). ``\A``/``\Z`` rather than ``^``/``$``: ``$`` would also accept a
#: trailing newline.
PhoneNumber = Annotated[str, msgspec.Meta(pattern=r"\A[0-9]+\Z")]
