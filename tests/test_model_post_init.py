"""The datetime and decimal policy every model applies when it is made, and the
part of it the fast XML writer runs again.

``OmniStruct`` gives each model with datetime or decimal fields a generated
``__post_init__``: plain datetimes become ``OmniDateTime``, decimals outside the
XSD's bounds are a ValidationError at their wire path, and the model's own rule
runs last. The fast XML writer checks each datetime and decimal by formatting
it, so it runs only the model's own rule (``code_rule``); the precise check and
the JSON encoder run the whole ``__post_init__`` (``model_rule``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from omni_codec import EncodeError, OmniSimpleRequest, ValidationError, xml
from omni_codec._checks import code_rule, model_rule
from omni_codec._scalars import OmniDateTime, ScalarError, check_decimal
from omni_codec._xml import fast
from omni_codec.models import DOCUMENT_TYPES, OmniStruct
from omni_codec.models.reports import OMNIReport, OMNIReportsResponse, Price

UTC = dt.timezone.utc


class _Later(OmniDateTime):
    """A library's own subclass: kept as it is."""


def test_a_plain_datetime_becomes_an_omni_datetime_with_the_same_fields() -> None:
    plain = dt.datetime(2015, 6, 4, 13, 1, 52, 933000, dt.timezone(dt.timedelta(hours=-3)), fold=1)
    report = OMNIReport(sent_at=plain, done_at=None)
    assert type(report.sent_at) is OmniDateTime
    assert report.sent_at.replace(tzinfo=None) == plain.replace(tzinfo=None)
    assert report.sent_at.tzinfo == plain.tzinfo and report.sent_at.fold == 1
    assert report.done_at is None


@pytest.mark.parametrize(
    "value", [_Later(2015, 6, 4, tzinfo=UTC), OmniDateTime(2015, 6, 4, tzinfo=UTC), "2015-06-04", 7]
)
def test_anything_but_a_plain_datetime_is_left_as_it_is(value: Any) -> None:
    # (A wrong type is the encoder's to report, with its path.)
    assert OMNIReport(sent_at=value).sent_at is value


@pytest.mark.parametrize(
    ("field", "value", "path"),
    [
        ("price_per_message", Decimal("NaN"), "$.pricePerMessage"),
        ("price_per_lookup", Decimal("1E+100"), "$.pricePerLookup"),
        ("price_per_lookup", Decimal("1E-101"), "$.pricePerLookup"),
    ],
)
def test_a_decimal_outside_the_bounds_is_refused_at_its_path(field: str, value: Decimal, path: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Price(**{field: value})
    assert caught.value.path == path


@pytest.mark.parametrize("value", [Decimal("0.0001000000"), Decimal("1E-100"), Decimal("-0E-300"), None])
def test_a_decimal_within_the_bounds_is_kept(value: Decimal | None) -> None:
    assert Price(price_per_message=value).price_per_message is value


class _OwnDecimal(Decimal):
    """A caller's subclass of Decimal, whose text says nothing of its value:
    checked in full, never by its text."""

    def __str__(self) -> str:
        return "0"


@given(
    st.one_of(
        st.decimals(allow_nan=True, allow_infinity=True),
        st.builds(
            lambda sign, digits, exponent: Decimal((sign, tuple(map(int, digits)), exponent)),
            st.integers(0, 1), st.text("0123456789", min_size=1, max_size=120), st.integers(-250, 150),
        ),
    ),
    st.booleans(),
)
@example(Decimal("1" * 101), False)  # 101 characters: beyond the bound
@example(Decimal("9" * 100), False)
@example(Decimal("0." + "1" * 101), False)
@example(Decimal("0." + "1" * 100), False)
@example(Decimal("NaN"), True)
@example(Decimal("1" * 101), True)
def test_a_model_takes_the_decimals_check_decimal_takes(value: Decimal, own: bool) -> None:
    """What the generated ``__post_init__`` tests inline (the common case of
    plain notation) gives what ``check_decimal`` gives."""
    if own:
        value = _OwnDecimal(value)
    try:
        check_decimal(value)
    except ScalarError:
        with pytest.raises(ValidationError):
            Price(price_per_message=value)
    else:
        assert Price(price_per_message=value).price_per_message is value


def _models() -> list[type[OmniStruct]]:
    """Every model class defined so far."""
    found: list[type[OmniStruct]] = []
    pending = [OmniStruct]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    assert set(DOCUMENT_TYPES) <= set(found)
    return found


def test_the_writers_rule_is_the_models_own_rule() -> None:
    for cls in _models():
        assert (code_rule(cls) is None) == (cls.__omni_rule__ is None), cls
        assert model_rule(cls) is not None or cls.__omni_rule__ is None, cls


def test_a_model_without_rules_of_its_own_costs_the_writer_no_call() -> None:
    assert code_rule(OMNIReport) is None and code_rule(Price) is None
    assert model_rule(OMNIReport) is not None  # (it converts datetimes, for JSON)


def test_the_writers_rule_finds_what_the_whole_post_init_finds() -> None:
    value = xml.decode(
        b"<request><destinations><destination><to><phoneNumber>41793026727</phoneNumber>"
        b"</to></destination></destinations><text>hi</text></request>",
        type=OmniSimpleRequest,
    )
    value.destinations[0].to.phone_number = None
    whole, own = model_rule(OmniSimpleRequest), code_rule(OmniSimpleRequest)
    assert whole is not None and own is not None
    found_whole, found_own = whole(value), own(value)
    assert found_whole is not None and found_own is not None
    assert (found_own.path, found_own.message) == (found_whole.path, found_whole.message)
    fast.misses.clear()
    with pytest.raises(EncodeError) as caught:
        xml.encode(value)
    assert "destinations[0].to.phoneNumber" in str(caught.value)
    assert fast.misses["write"] == 1  # the fast writer handed it over


def test_a_decimal_set_after_construction_is_still_refused_by_the_writers() -> None:
    report = OMNIReportsResponse(results=[OMNIReport(price=Price(price_per_message=Decimal("0.5")))])
    assert report.results[0].price is not None
    report.results[0].price.price_per_message = Decimal("NaN")
    fast.misses.clear()
    with pytest.raises(EncodeError) as caught:
        xml.encode(report)
    assert "$.results[0].price.pricePerMessage" in str(caught.value)
    assert fast.misses["write"] == 1


def test_a_plain_datetime_set_after_construction_is_written_in_the_published_form() -> None:
    report = OMNIReportsResponse(results=[OMNIReport()])
    report.results[0].sent_at = dt.datetime(2015, 6, 4, 13, 1, 52, 933000, UTC)
    fast.misses.clear()
    assert b"<sentAt>2015-06-04T13:01:52.933+0000</sentAt>" in xml.encode(report)
    assert fast.misses["write"] == 0
