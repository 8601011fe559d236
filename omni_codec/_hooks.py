"""msgspec hooks for the types msgspec does not write in the published form."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ._scalars import OmniDateTime, ScalarError, format_datetime, parse_datetime
from .errors import EncodeError

__all__ = ["UnwritableValue", "dec_hook", "enc_hook"]


def dec_hook(cls: type, value: Any) -> Any:
    if cls is OmniDateTime:
        if isinstance(value, OmniDateTime):
            return value
        if isinstance(value, str):
            return parse_datetime(value)  # ScalarError is a ValueError: msgspec locates it
        raise TypeError(f"Expected a datetime string, got `{type(value).__name__}`")
    raise NotImplementedError(f"no decoder for {cls.__name__}")


class UnwritableValue(EncodeError):
    """An EncodeError that still needs its path: the encoder locates ``value``."""

    def __init__(self, message: str, value: Any) -> None:
        super().__init__(message)
        self.value = value


def enc_hook(value: Any) -> Any:
    # msgspec writes a plain ``datetime`` itself; any other datetime (an
    # ``OmniDateTime`` or a library's subclass) is written in the published form.
    if isinstance(value, dt.datetime):
        try:
            return format_datetime(value)
        except ScalarError as exc:
            raise UnwritableValue(str(exc), value) from None
    raise UnwritableValue(f"Cannot encode a value of type `{type(value).__name__}`", value)
