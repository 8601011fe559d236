"""``/omni/1/scenarios``: the channel flows that OMNI messages are sent through.

A scenario is an ordered list of steps, one channel each; a message goes down the
flow until a step delivers it (SPEC section 4). Field order is the XML child order.
"""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from ._base import OmniStruct, xml_item
from .enums import OmniChannel

__all__ = ["CreateOrUpdateScenarioRequest", "Scenario", "ScenariosResponse", "Step"]


class Step(OmniStruct, kw_only=True):
    """One step of a scenario's flow: a channel and the sender to use on it.

    ``from`` is a Python keyword, hence the attribute ``from_``. The channel is
    required (the OpenAPI description): a step without one says nothing.
    """

    from_: str | None = msgspec.field(default=None, name="from")
    channel: OmniChannel


class Scenario(OmniStruct, kw_only=True):
    """A scenario, as created with ``POST`` and read with ``GET /omni/1/scenarios``.

    Every field is optional: a scenario being created has no ``key`` yet, and the
    API answers an update with only what it changed.
    """

    __xml_root__: ClassVar[str] = "scenario"
    __xml_published_root__: ClassVar[str] = "Scenario"  # the description's title (SPEC section 5)

    # A string, although the OpenAPI description says int64: every key it shows
    # (its examples, and its own `scenarioKey` parameters, typed string) is 32 hex
    # digits, which no 64-bit integer can hold.
    key: str | None = None
    name: str | None = None
    flow: Annotated[list[Step], xml_item("step")] | None = None
    # The wire name is `default` (SPEC section 4, the OpenAPI description);
    # `defaultScenario` was only a client's attribute name.
    default_scenario: bool | None = msgspec.field(default=None, name="default")


class ScenariosResponse(OmniStruct, kw_only=True):
    """``GET /omni/1/scenarios``: the account's scenarios."""

    __xml_root__: ClassVar[str] = "scenariosResponse"
    __xml_published_root__: ClassVar[str] = "ScenariosResponse"  # the description's title (SPEC section 5)

    scenarios: Annotated[list[Scenario], xml_item("scenario")]


class CreateOrUpdateScenarioRequest(OmniStruct, kw_only=True):
    """The body of ``POST /omni/1/scenarios`` and ``PUT /omni/1/scenarios/{key}``:
    a scenario as the caller describes it, without the key the API gives it.

    Unlike :class:`Scenario`, which also reads the API's partial answers, a
    request must say its flow (the OpenAPI description). Its XML root is
    ``<scenario>``, as in the description's XML examples of these requests.
    """

    __xml_root__: ClassVar[str] = "scenario"
    __xml_published_root__: ClassVar[str] = "Scenario"  # the description's title (SPEC section 5)

    name: str | None = None
    flow: Annotated[list[Step], xml_item("step")]
    default_scenario: bool | None = msgspec.field(default=None, name="default")
