"""Plain datetimes given to a model become :class:`OmniDateTime`.

msgspec writes a plain ``datetime`` itself, in RFC 3339; only an
:class:`~omni_codec._scalars.OmniDateTime` reaches the codec's hook, which writes the
published form ``2015-06-04T13:01:52.933+0000`` (SPEC section 4). Decoding already
produces ``OmniDateTime``; models whose fields are datetimes call
:func:`coerce_datetimes` from ``__post_init__`` so that a value built by hand with
``datetime.datetime`` is written the same way.
"""

from __future__ import annotations

import datetime as dt

from .._scalars import OmniDateTime

__all__ = ["coerce_datetimes"]


def coerce_datetimes(obj: object, *attrs: str) -> None:
    """Replace each plain ``datetime`` in ``obj``'s ``attrs`` by an ``OmniDateTime``.

    Anything else (``None``, an ``OmniDateTime``, a wrong type) is left alone: wrong
    types are the encoder's to report, with the field's path.
    """
    for attr in attrs:
        value = getattr(obj, attr)
        if isinstance(value, dt.datetime) and not isinstance(value, OmniDateTime):
            setattr(obj, attr, OmniDateTime.coerce(value))
