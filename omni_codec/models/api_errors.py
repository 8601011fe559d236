"""The body of every failed OMNI call (any 4xx or 5xx, e.g. a 401).

``{"requestError": {"serviceException": {"messageId": "UNAUTHORIZED", "text":
"Invalid login details"}}}`` (SPEC section 4). In XML the one top-level key is the
root element, ``<requestError>`` (SPEC section 5).
"""

from __future__ import annotations

from typing import Any, ClassVar

from ._base import OmniStruct

__all__ = [
    "ApiError",
    "ApiException",
    "ApiRequestError",
    "ApiRequestErrorDetails",
    "RequestError",
    "ServiceException",
]


class ServiceException(OmniStruct, kw_only=True):
    """What went wrong: a stable ID (``UNAUTHORIZED``) and a text for people.

    ``validationErrors`` says which fields of a request were refused and why, as
    a map from each field to its messages (``{"destinations[0].to":
    ["must not be null"]}``). It is a free-form object here: the codec carries
    maps of any JSON value, and a narrower type would refuse a body the API may
    well send. ``variables`` and ``additionalDescription`` come from the API's
    older clients (SPEC section 4).
    """

    message_id: str
    text: str
    validation_errors: dict[str, Any] | None = None
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


#: The OpenAPI description's names of the error body and its parts (its XML
#: examples wrap the body in ``<ApiException>``): the same classes as
#: :class:`ApiError`, :class:`RequestError` and :class:`ServiceException`.
ApiException = ApiError
ApiRequestError = RequestError
ApiRequestErrorDetails = ServiceException
