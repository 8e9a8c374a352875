"""Held-out cases of the IAMD engagement model: envelope edges, engagements beyond any fixed count, the
"last opportunity" doctrine, and the properties planners assume (more fire units, more sensors or a
shared picture never raise the expected leakers where the model guarantees it: docs/rehearsal.md)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from jointex.rehearse.engine import run_replications
from jointex.rehearse.vignettes.iamd import IamdVignette, Mode
from jointex.rehearse.vignettes.iamd.guarantees import _overlap
from tests.rehearse.iamd_scenes import raid, scene, sensor, shooter
from tests.rehearse.scenes import at

SPEED_KMPS = 0.25  # cruise missile


def _target(x_km: float, y_km: float) -> dict[str, Any]:
    return {"id": "T", "position": at(x_km, y_km), "value": 1}


def straight_raid(
    start_km: tuple[float, float],
    target_km: tuple[float, float],
    shooters: list[dict[str, Any]],
    **extra: Any,
) -> IamdVignette:
    """One threat at a time (``count`` 1 unless given), a perfect radar at the origin, NOR fire units."""
    count = extra.pop("count", 1)
    return scene(
        {
            "defended_assets": [_target(*target_km)],
            "raids": [raid(count, 600, start_km)],
            "doctrine": extra.pop("doctrine", "shoot-look-shoot"),
            "engagement_rounds": extra.pop("rounds", 1),
            "sensors": [sensor("A", 0, 0, 400, detection_probability=1.0, scan_period_s=1)],
            "shooters": shooters,
        },
        {"A": "NOR"},
    )


def windows_km(vignette: IamdVignette) -> list[tuple[float, float]]:
    """The launch windows as distances flown at intercept, for a fire unit with 5 s of flight."""
    windows = vignette.arrays.engagements
    return [
        (
            (float(o) + 5 - float(vignette.scene.raid.launch_s[0])) * SPEED_KMPS,
            (float(c) + 5 - float(vignette.scene.raid.launch_s[0])) * SPEED_KMPS,
        )
        for o, c in zip(windows.open_s, windows.close_s, strict=True)
    ]


def leak_and_shots(vignette: IamdVignette, replications: int = 2000) -> tuple[float, float]:
    table = run_replications(vignette, replications, seed=11)
    return float(table.columns["iamd.leak_probability"].mean()), float(table.columns["iamd.shots"].mean())


ENVELOPE = {"range_km": {"cruise_missile": [5, 20]}}


def test_a_threat_launched_inside_the_minimum_range_that_stays_there_is_never_engaged() -> None:
    # Launched 3 km from the fire unit, towards a target 4 km on its other side: never 5 km or more away.
    vignette = straight_raid((3, 0), (-4, 0), [shooter("A", 0, 0, 0.9, 1, **ENVELOPE)])
    assert windows_km(vignette) == []
    leak, shots = leak_and_shots(vignette, 200)
    assert leak == 1.0
    assert shots == 0.0


def test_a_threat_launched_inside_the_minimum_range_is_engaged_only_once_it_is_out_of_it() -> None:
    # Launched 3 km out, flying away to a target 40 km out: the intercept may fall between 5 and 20 km.
    vignette = straight_raid((3, 0), (40, 0), [shooter("A", 0, 0, 0.9, 1, **ENVELOPE)])
    [(enter, leave)] = windows_km(vignette)
    assert (enter, leave) == pytest.approx((2.0, 17.0), abs=0.01)


def test_a_threat_launched_inside_the_maximum_range_is_engaged_from_launch_to_the_minimum_range() -> None:
    vignette = straight_raid((15, 0), (-30, 0), [shooter("A", 0, 0, 0.9, 1, **ENVELOPE)])
    approach, recede = windows_km(vignette)
    assert approach == pytest.approx((0.0, 10.0), abs=0.01)
    assert recede == pytest.approx((20.0, 35.0), abs=0.01)


def test_a_path_through_the_minimum_range_gives_two_windows_each_with_its_own_rounds() -> None:
    # From 60 km west to 60 km east over the fire unit: intercepts 40-55 km and 65-80 km flown.
    vignette = straight_raid((-60, 0), (60, 0), [shooter("A", 0, 0, 0.5, 1, **ENVELOPE)], rounds=2)
    approach, recede = windows_km(vignette)
    assert approach == pytest.approx((40.0, 55.0), abs=0.01)
    assert recede == pytest.approx((65.0, 80.0), abs=0.01)
    leak, shots = leak_and_shots(vignette)
    assert leak == pytest.approx(0.5**4, abs=0.015)  # two rounds in each window
    assert shots == pytest.approx(1 + 0.5 + 0.25 + 0.125, abs=0.05)


def test_a_path_that_misses_the_minimum_range_has_one_window_through_the_chord() -> None:
    # Passing 10 km abeam: in the [5, 20] envelope from 20 km before to 20 km after the closest point.
    vignette = straight_raid((-60, 10), (60, 10), [shooter("A", 0, 0, 0.5, 1, **ENVELOPE)])
    [(enter, leave)] = windows_km(vignette)
    chord = math.sqrt(20**2 - 10**2)  # to 0.2 km: the scene's projection centre is 5 km north of the path
    assert (enter, leave) == pytest.approx((60 - chord, 60 + chord), abs=0.2)


@pytest.mark.parametrize(("miss_km", "windows"), [(20.01, 0), (19.99, 1), (4.99, 2), (5.01, 1)])
def test_tangent_paths_open_a_window_only_when_they_cross_the_circle(miss_km: float, windows: int) -> None:
    vignette = straight_raid((-60, miss_km), (60, miss_km), [shooter("A", 0, 0, 0.5, 1, **ENVELOPE)])
    assert len(windows_km(vignette)) == windows


def test_every_engagement_draws_its_own_number_however_many_there_are() -> None:
    """5 fire units x 16 shoot-look-shoot rounds at p = 0.05: 80 engagements of one threat leak
    0.95^80 = 0.0165 (the old kernel reused its 64th draw and leaked 0.95^64 = 0.038)."""
    units = [
        shooter("A", 0, 2 * k, 0.05, 1, range_km={"cruise_missile": [0, 150]}, time_of_flight_s=1)
        for k in range(5)
    ]
    vignette = straight_raid((-300, 0), (0, 0), units, rounds=16, count=50)
    table = run_replications(vignette, 2000, seed=3)
    leak = float(table.columns["iamd.leak_probability"].mean())
    se = math.sqrt(0.95**80 * (1 - 0.95**80) / (2000 * 50))
    assert leak == pytest.approx(0.95**80, abs=4 * se)
    assert float(table.columns["iamd.shots"].mean()) / 50 == pytest.approx((1 - 0.95**80) / 0.05, rel=0.02)


def _side_by_side(
    units: list[dict[str, Any]], nations: dict[str, str], mode: Mode = Mode.NATIONAL
) -> IamdVignette:
    return scene(
        {
            "defended_assets": [_target(0, 0)],
            "raids": [raid(1, 600, (-200, 0))],
            "doctrine": "shoot-shoot",
            "sensors": [
                sensor(unit, 0, 0, 300, detection_probability=1.0, scan_period_s=1) for unit in nations
            ],
            "shooters": units,
        },
        nations,
        mode,
    )


def test_a_slow_poor_fire_unit_never_costs_a_good_one_its_shot() -> None:
    """A p = 0.9 unit alone leaks 0.10; a p = 0.1 unit with 100 s of flight beside it used to hold it off
    until the threat left its window (leak 0.90). Now the good unit fires on its last opportunity."""
    good = shooter("A", 0, 0, 0.9, 1, range_km={"cruise_missile": [0, 20]}, time_of_flight_s=5)
    # The slow unit may launch from 26 km out (intercept within 1 km), before the good one (21.25 km out),
    # and its shot is assessed 100 s later, after the good unit's last launch (1.25 km out).
    slow = shooter("A", 0, 0, 0.1, 1, range_km={"cruise_missile": [0, 1]}, time_of_flight_s=100)
    alone, _ = leak_and_shots(_side_by_side([good], {"A": "NOR"}))
    both, _ = leak_and_shots(_side_by_side([slow, good], {"A": "NOR"}))
    assert alone == pytest.approx(0.1, abs=0.03)
    assert both == pytest.approx(0.9 * 0.1, abs=0.03)


def test_a_shared_picture_is_not_worse_than_national_when_flights_are_long() -> None:
    """Two nations' p = 0.5 units with 90 s of flight: national leaks 0.25 (both fire); the shared
    picture used to hold the second unit until the first shot was assessed, too late (0.50)."""
    # Launch windows from 32.5 to 22.5 km out: the first shot is assessed 10 km out, too late to wait for.
    units = [
        shooter(unit, 0, 0, 0.5, 1, range_km={"cruise_missile": [0, 10]}, time_of_flight_s=90)
        for unit in ("NOR-AD", "USA-AD")
    ]
    nations = {"NOR-AD": "NOR", "USA-AD": "USA"}
    national, _ = leak_and_shots(_side_by_side(units, nations, Mode.NATIONAL))
    shared, _ = leak_and_shots(_side_by_side(units, nations, Mode.INTEGRATED))
    assert national == pytest.approx(0.25, abs=0.03)
    assert shared == pytest.approx(0.25, abs=0.03)


def test_a_unit_that_can_wait_for_the_assessment_saves_its_round() -> None:
    """With a long window the second unit waits for the first one's assessment and fires only after a
    miss: the same leak (0.25) for 1.5 shots instead of 2."""
    units = [
        shooter(unit, 0, 0, 0.5, 1, range_km={"cruise_missile": [0, 100]}, time_of_flight_s=10)
        for unit in ("NOR-AD", "USA-AD")
    ]
    nations = {"NOR-AD": "NOR", "USA-AD": "USA"}
    shared, shots = leak_and_shots(_side_by_side(units, nations, Mode.INTEGRATED))
    assert shared == pytest.approx(0.25, abs=0.03)
    assert shots == pytest.approx(1.5, abs=0.05)


# Random small scenes: one to three threats far apart in time, fire units and sensors of two nations
# at random places with random envelopes, kill probabilities, flights, reactions and reloads.

fire_unit = st.fixed_dictionaries(
    {
        "unit": st.sampled_from(["NOR-AD", "USA-AD"]),
        "x": st.floats(-60, 20),
        "y": st.floats(-30, 30),
        "near": st.floats(0, 10),
        "reach": st.floats(5, 60),
        "p": st.floats(0.05, 0.95),
        "flight": st.floats(1, 120),
        "reaction": st.floats(0, 30),
        "reload": st.floats(0, 30),
    }
)
radar = st.fixed_dictionaries(
    {
        "unit": st.sampled_from(["NOR-AD", "USA-AD"]),
        "x": st.floats(-150, 20),
        "y": st.floats(-60, 60),
        "range": st.floats(10, 120),
        "pd": st.floats(0.3, 1.0),
        "period": st.floats(2, 20),
    }
)


def _random_scene(
    units: list[dict[str, Any]], radars: list[dict[str, Any]], threats: int, rounds: int, mode: Mode
) -> IamdVignette:
    return scene(
        {
            "defended_assets": [_target(0, 0)],
            "raids": [raid(threats, 3600, (-200, 0))],
            "engagement_rounds": rounds,
            "sensors": [
                sensor(
                    r["unit"],
                    r["x"],
                    r["y"],
                    r["range"],
                    detection_probability=r["pd"],
                    scan_period_s=r["period"],
                )
                for r in radars
            ],
            "shooters": [
                shooter(
                    u["unit"],
                    u["x"],
                    u["y"],
                    u["p"],
                    1,
                    range_km={"cruise_missile": [u["near"], u["near"] + u["reach"]]},
                    time_of_flight_s=u["flight"],
                    reaction_s=u["reaction"],
                    reload_s=u["reload"],
                )
                for u in units
            ],
        },
        {"NOR-AD": "NOR", "USA-AD": "USA"},
        mode,
    )


def _not_worse(better: IamdVignette, worse: IamdVignette) -> None:
    """Expected leakers of ``better`` at most those of ``worse``, beyond Monte Carlo noise (paired by
    replication, 4 standard errors)."""
    assume(not better.caveats and not worse.caveats)  # the guarantee's domain: no contested fire unit
    a = run_replications(better, 600, seed=5).columns["iamd.leakers"]
    b = run_replications(worse, 600, seed=5).columns["iamd.leakers"]
    difference = a - b
    se = float(difference.std(ddof=1)) / math.sqrt(len(difference))
    assert difference.mean() <= 4 * se + 1e-9, (a.mean(), b.mean())


SMALL_SCENES = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])


@SMALL_SCENES
@given(
    st.lists(fire_unit, min_size=1, max_size=3),
    fire_unit,
    st.lists(radar, min_size=1, max_size=2),
    st.integers(1, 3),
    st.integers(1, 3),
    st.sampled_from([Mode.INTEGRATED, Mode.NATIONAL]),
)
def test_adding_a_fire_unit_never_raises_the_expected_leakers(
    units: list[dict[str, Any]],
    extra: dict[str, Any],
    radars: list[dict[str, Any]],
    threats: int,
    rounds: int,
    mode: Mode,
) -> None:
    _not_worse(
        _random_scene([*units, extra], radars, threats, rounds, mode),
        _random_scene(units, radars, threats, rounds, mode),
    )


@SMALL_SCENES
@given(
    st.lists(fire_unit, min_size=1, max_size=3),
    st.lists(radar, min_size=1, max_size=2),
    radar,
    st.integers(1, 3),
    st.integers(1, 3),
    st.sampled_from([Mode.INTEGRATED, Mode.NATIONAL]),
)
def test_adding_a_sensor_never_raises_the_expected_leakers(
    units: list[dict[str, Any]],
    radars: list[dict[str, Any]],
    extra: dict[str, Any],
    threats: int,
    rounds: int,
    mode: Mode,
) -> None:
    _not_worse(
        _random_scene(units, [*radars, extra], threats, rounds, mode),
        _random_scene(units, radars, threats, rounds, mode),
    )


@SMALL_SCENES
@given(
    st.lists(fire_unit, min_size=2, max_size=4),
    st.lists(radar, min_size=1, max_size=3),
    st.integers(1, 3),
    st.integers(1, 3),
)
def test_the_shared_picture_is_never_worse_than_national(
    units: list[dict[str, Any]], radars: list[dict[str, Any]], threats: int, rounds: int
) -> None:
    _not_worse(
        _random_scene(units, radars, threats, rounds, Mode.INTEGRATED),
        _random_scene(units, radars, threats, rounds, Mode.NATIONAL),
    )


def test_a_raid_whose_threats_compete_for_a_fire_unit_carries_the_caveat() -> None:
    units = [shooter("A", 0, 0, 0.5, 1, range_km={"cruise_missile": [0, 20]})]
    apart = straight_raid((-200, 0), (0, 0), units, count=3)
    assert apart.caveats == ()
    close = scene(
        {
            "defended_assets": [_target(0, 0)],
            "raids": [raid(3, 2, (-200, 0))],
            "sensors": [sensor("A", 0, 0, 400)],
            "shooters": units,
        },
        {"A": "NOR"},
    )
    [caveat] = close.caveats
    assert "1 of 1 fire units (of A)" in caveat and "docs/rehearsal.md" in caveat
    assert close.arrays.engagements.threat.size == 3


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 10), st.integers(1, 5)), min_size=1, max_size=7))
def test_contested_windows_are_found_exactly(windows: list[tuple[int, int, int]]) -> None:
    threat = np.array([w[0] for w in windows])
    open_s = np.array([float(w[1]) for w in windows])
    end_s = open_s + np.array([float(w[2]) for w in windows])
    pairs = [
        (i, j)
        for i in range(len(windows))
        for j in range(i + 1, len(windows))
        if threat[i] != threat[j] and open_s[i] < end_s[j] and open_s[j] < end_s[i]
    ]
    assert _overlap(threat, open_s, end_s) == bool(pairs)


def test_an_earlier_track_never_lets_a_poor_unit_cost_a_good_one_its_shot() -> None:
    """A radar reaching 22 km leaves the slow p = 0.1 unit no launch (its window is 26 to 25 km out), so the
    p = 0.9 unit engages alone: leak 0.10. Adding a 150 km radar used to let the slow unit fire first and
    hold the good one off for 100 s, past its last launch (leak 0.90); now the good one fires anyway."""
    good = shooter("A", 0, 0, 0.9, 1, range_km={"cruise_missile": [0, 20]}, time_of_flight_s=5)
    slow = shooter("A", 0, 0, 0.1, 1, range_km={"cruise_missile": [0, 1]}, time_of_flight_s=100)

    def raid_with(radars: list[dict[str, Any]]) -> IamdVignette:
        return scene(
            {
                "defended_assets": [_target(0, 0)],
                "raids": [raid(1, 600, (-200, 0))],
                "doctrine": "shoot-shoot",
                "sensors": radars,
                "shooters": [slow, good],
            },
            {"A": "NOR"},
        )

    short = sensor("A", 0, 0, 22, detection_probability=1.0, scan_period_s=1)
    long = sensor("A", 0, 0, 150, detection_probability=1.0, scan_period_s=1)
    before, _ = leak_and_shots(raid_with([short]))
    after, _ = leak_and_shots(raid_with([short, long]))
    assert before == pytest.approx(0.1, abs=0.03)
    assert after == pytest.approx(0.09, abs=0.03)
