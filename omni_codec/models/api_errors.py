"""The body of every failed OMNI call (any 4xx or 5xx, e.g. a 401).

``{"requestError": {"serviceException": {"messageId": "UNAUTHORIZED", "text":
"Invalid login details"}}}`` (SPEC section 4). In XML the one top-level key is the
root element, ``<requestError>`` (SPEC section 5).
"""

from __future__ import annotations

from typing import ClassVar

from ._base import OmniStruct

__all__ = ["ApiError", "RequestError", "ServiceException"]


class ServiceException(OmniStruct, kw_only=True):
    """What went wrong: a stable ID (``UNAUTHORIZED``) and a text for people."""

    message_id: str
    text: str
    variables: str | None = None
    additional_description: str | None = None


class RequestError(OmniStruct, kw_only=True):
    """The error of one request; ``clientCorrelator`` echoes the caller's, if any."""

    service_exception: ServiceException
    client_correlator: str | None = None


class ApiError(OmniStruct, kw_only=True):
    """A whole error body: the ``requestError`` object and nothing else."""

    # JSON's one key is XML's root element (SPEC section 5).
    __xml_root__: ClassVar[str] = "requestError"
    __xml_wrapper__: ClassVar[bool] = True
    __xml_published_root__: ClassVar[str] = "ApiException"  # the description's title (SPEC section 5)

    request_error: RequestError
