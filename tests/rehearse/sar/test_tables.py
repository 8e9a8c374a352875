"""The shipped tables: cold-water survival by temperature, sweep widths with IAMSAR's weather correction."""

from __future__ import annotations

import pytest

from jointex.model.sar import SearchObject, SearchObjectType, SearchPlatform, SensorKind, Survival
from jointex.rehearse.vignettes.sar.survival import SURVIVAL_TABLE, median_survival_h, survival_median_h
from jointex.rehearse.vignettes.sar.sweep_widths import sweep_width_nm, table_sweep_width_nm, weather_factor


def test_survival_at_each_bands_middle_is_the_tables_upper_time() -> None:
    for low, high, hours in SURVIVAL_TABLE:
        assert median_survival_h((low + high) / 2, limit_h=72) == pytest.approx(hours)


def test_survival_grows_with_the_water_temperature_up_to_the_limit() -> None:
    times = [median_survival_h(t, limit_h=72) for t in range(-2, 36)]
    assert times == sorted(times)
    assert median_survival_h(28, limit_h=72) == 72  # tropical water: the planner's limit, not the table
    assert median_survival_h(28, limit_h=24) == 24
    assert median_survival_h(5, limit_h=2) == 2  # never more than the limit


def test_people_out_of_the_water_last_to_the_limit_and_a_planners_median_wins() -> None:
    raft = SearchObject(type=SearchObjectType.LIFE_RAFT, people=6)
    swimmer = SearchObject(type=SearchObjectType.PERSON_IN_WATER)
    assert survival_median_h(raft, Survival(limit_h=48), 8.0) == 48
    assert survival_median_h(swimmer, Survival(limit_h=48), 8.0) == pytest.approx(median_survival_h(8.0, 48))
    assert survival_median_h(swimmer, Survival(median_h=2.5), 8.0) == 2.5
    in_raft = SearchObject(type=SearchObjectType.LIFE_RAFT, in_water=True)
    assert survival_median_h(in_raft, Survival(), 8.0) == pytest.approx(median_survival_h(8.0, 72))


def test_sweep_widths_come_from_the_table_and_lose_to_wind() -> None:
    raft_5 = table_sweep_width_nm(SearchPlatform.HELICOPTER, SensorKind.VISUAL, SearchObjectType.LIFE_RAFT, 5)
    raft_10 = table_sweep_width_nm(
        SearchPlatform.HELICOPTER, SensorKind.VISUAL, SearchObjectType.LIFE_RAFT, 10
    )
    raft_7 = table_sweep_width_nm(
        SearchPlatform.HELICOPTER, SensorKind.VISUAL, SearchObjectType.LIFE_RAFT, 7.5
    )
    assert raft_5 < raft_7 < raft_10 and raft_7 == pytest.approx((raft_5 + raft_10) / 2)
    assert (
        table_sweep_width_nm(SearchPlatform.SHIP, SensorKind.RADAR, SearchObjectType.PERSON_IN_WATER, 10) == 0
    )
    # IAMSAR's weather correction: small objects halve at 15-25 kn and keep a quarter above; larger 0.9
    assert [weather_factor(SearchObjectType.PERSON_IN_WATER, w) for w in (10, 20, 30)] == [1.0, 0.5, 0.25]
    assert [weather_factor(SearchObjectType.FISHING_VESSEL, w) for w in (10, 20, 30)] == [1.0, 0.9, 0.9]
    corrected = sweep_width_nm(
        SearchPlatform.HELICOPTER, SensorKind.VISUAL, SearchObjectType.LIFE_RAFT, 10, 20
    )
    assert corrected == pytest.approx(raft_10 / 2)


def test_every_combination_is_in_the_table() -> None:
    for platform in SearchPlatform:
        for sensor in SensorKind:
            for search_object in SearchObjectType:
                assert table_sweep_width_nm(platform, sensor, search_object, 3) >= 0
