"""Shared test configuration: hypothesis profiles and the format fixture.

Hypothesis profiles (select one with ``OMNI_HYPOTHESIS_PROFILE``):

* ``ci`` (the default): a quick run on every change, a few dozen examples per
  property, no deadline (the first example of a type pays for compiling its
  readers and writers, and shared CI machines are noisy).
* ``quick``: a dozen examples per property, for the extra interpreters and the
  lowest dependency versions CI also runs the suite on: there the point is that
  every test runs, not another search for examples.
* ``thorough``: thousands of examples per property, for a deliberate bug hunt
  (``OMNI_HYPOTHESIS_PROFILE=thorough pytest tests/test_properties.py``).

Both print the reproduction blob of a failure, so that a failure seen once on CI
can be replayed locally with ``@reproduce_failure``.
"""

from __future__ import annotations

import os
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings

import omni_codec

# Edge-case strategies draw long strings and long lists on purpose; hypothesis
# would otherwise flag them as slow or too large to be a useful example.
_SLOW_IS_EXPECTED = [HealthCheck.too_slow, HealthCheck.data_too_large]

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=False,
    print_blob=True,
    suppress_health_check=_SLOW_IS_EXPECTED,
)
settings.register_profile(
    "quick",
    max_examples=12,
    deadline=None,
    derandomize=False,
    print_blob=True,
    suppress_health_check=_SLOW_IS_EXPECTED,
)
settings.register_profile(
    "thorough",
    max_examples=2000,
    deadline=None,
    derandomize=False,
    print_blob=True,
    suppress_health_check=_SLOW_IS_EXPECTED,
)
settings.load_profile(os.environ.get("OMNI_HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(
    scope="session", params=[omni_codec.json, omni_codec.xml], ids=["json", "xml"]
)
def fmt(request: pytest.FixtureRequest) -> ModuleType:
    """Each format module in turn: the two have the same surface (SPEC section 2).

    Session-scoped so that hypothesis tests can use it (a function-scoped fixture
    would not be reset between generated examples).
    """
    module: ModuleType = request.param
    return module
