from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from jointex.model import GeoPoint, Place
from jointex.model.times import format_scenario_time, parse_scenario_time


@pytest.mark.parametrize(
    "written",
    [
        "54.69, 25.28",
        [54.69, 25.28],
        {"lat": 54.69, "lon": 25.28},
        {"lat_deg": 54.69, "lon_deg": 25.28},
        "54.69 25.28",
    ],
)
def test_every_written_form_of_a_position_reads_the_same(written: object) -> None:
    assert GeoPoint.model_validate(written) == GeoPoint(lat_deg=54.69, lon_deg=25.28)


@given(lat=st.floats(-79.9, 83.9), lon=st.floats(-179.9, 179.9))
def test_mgrs_round_trips_within_a_metre(lat: float, lon: float) -> None:
    point = GeoPoint(lat_deg=lat, lon_deg=lon)
    back = GeoPoint.model_validate(point.mgrs)
    assert abs(back.lat_deg - lat) < 2e-5
    assert abs((back.lon_deg - lon + 180) % 360 - 180) < 2e-5 / max(
        0.05, abs(__import__("math").cos(lat / 57.3))
    )


def test_mgrs_with_spaces_is_accepted() -> None:
    assert GeoPoint.model_validate("35U LA 79760 60424") == GeoPoint.model_validate("35ULA7976060424")


@pytest.mark.parametrize("bad", ["32VZZ99", "99ZZZ", "north", [1, 2, 3]])
def test_bad_positions_are_refused(bad: object) -> None:
    with pytest.raises(ValidationError):
        GeoPoint.model_validate(bad)


def test_a_place_may_be_a_bare_position() -> None:
    assert Place.model_validate("60.0, 10.0").position == GeoPoint(lat_deg=60, lon_deg=10)


@pytest.mark.parametrize(
    ("written", "offset"),
    [
        ("D+2 06:30", timedelta(days=2, hours=6, minutes=30)),
        ("D+0", timedelta(0)),
        ("D-1", timedelta(days=-1)),
        ("H+54", timedelta(hours=54)),
        ("H+54:30", timedelta(hours=54, minutes=30)),
        (3600, timedelta(hours=1)),
    ],
)
def test_controller_time_notations(written: object, offset: timedelta) -> None:
    assert parse_scenario_time(written) == offset


@given(minutes=st.integers(-10 * 24 * 60, 60 * 24 * 60))
def test_scenario_times_round_trip(minutes: int) -> None:
    offset = timedelta(minutes=minutes)
    assert parse_scenario_time(format_scenario_time(offset)) == offset


@pytest.mark.parametrize("bad", ["tomorrow", "D+1 25:00", "H+", None])
def test_bad_times_say_what_is_expected(bad: object) -> None:
    with pytest.raises(ValueError, match="expected"):
        parse_scenario_time(bad)
