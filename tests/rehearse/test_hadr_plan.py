"""The relief planner: the equity rule's properties, optimal routes on instances small enough to
enumerate, the road network, and plans that use only what is left."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jointex.rehearse.vignettes.hadr.allocate import equitable_allocation, site_weights
from jointex.rehearse.vignettes.hadr.execute import DayEvents, execute_day
from jointex.rehearse.vignettes.hadr.plan import ReliefState, plan_day
from tests.rehearse.hadr_scenes import QUIET, depot, relief, site, truck

needs = st.lists(st.integers(0, 5_000), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(needs, st.data())
def test_allocation_never_exceeds_need_and_uses_all_supply(need: list[int], data: st.DataObject) -> None:
    weights = data.draw(st.lists(st.floats(0.1, 50), min_size=len(need), max_size=len(need)))
    supply = data.draw(st.integers(0, 2 * sum(need) + 1))
    amounts = equitable_allocation(np.array(need), np.array(weights), supply)
    assert np.all(amounts >= 0)
    assert np.all(amounts <= np.array(need))
    assert amounts.sum() == min(supply, sum(need))


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 5_000), st.integers(2, 10), st.floats(0.5, 5), st.data())
def test_equal_need_and_weight_get_equal_amounts_up_to_rounding(
    need: int, sites: int, weight: float, data: st.DataObject
) -> None:
    others = data.draw(st.lists(st.tuples(st.integers(0, 5_000), st.floats(0.1, 50)), max_size=5))
    all_need = np.array([need] * sites + [n for n, _ in others])
    all_weight = np.array([weight] * sites + [w for _, w in others])
    supply = data.draw(st.integers(0, int(all_need.sum())))
    amounts = equitable_allocation(all_need, all_weight, supply)
    equal = amounts[:sites]
    assert equal.max() - equal.min() <= 1


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 5_000), st.floats(0.1, 10), st.floats(1.01, 10), st.data())
def test_a_higher_priority_site_never_gets_less_than_a_lower_one_with_the_same_need(
    need: int, low: float, factor: float, data: st.DataObject
) -> None:
    others = data.draw(st.lists(st.tuples(st.integers(0, 5_000), st.floats(0.1, 50)), max_size=5))
    all_need = np.array([need, need] + [n for n, _ in others])
    all_weight = np.array([low * factor, low] + [w for _, w in others])
    supply = data.draw(st.integers(0, int(all_need.sum())))
    amounts = equitable_allocation(all_need, all_weight, supply)
    assert amounts[0] >= amounts[1]


def test_shortage_is_shared_in_proportion_to_weight_until_sites_are_full() -> None:
    # weights 1 and 3, needs 100 each, 120 to share: lambda = 0.3 -> 30 and 90
    assert equitable_allocation(np.array([100, 100]), np.array([1.0, 3.0]), 120).tolist() == [30, 90]
    # the heavier site is full at lambda = 1/3; the rest goes to the lighter one
    assert equitable_allocation(np.array([100, 100]), np.array([1.0, 3.0]), 150).tolist() == [50, 100]


def test_deprivation_raises_a_sites_weight_exponentially_up_to_a_cap() -> None:
    weights = site_weights(np.array([2.0, 2.0, 2.0]), np.array([0.0, 10.0, 1_000.0]), 0.1172)
    assert weights[0] == 2.0
    assert weights[1] == pytest.approx(2 * np.exp(1.172))
    assert weights[2] == pytest.approx(2 * np.exp(6.0))


def _planned_km(plan) -> float:  # type: ignore[no-untyped-def]
    return sum(sum(trip.leg_km) for trip in plan.trips)


def _tour_km(gc: np.ndarray, order: tuple[int, ...]) -> float:
    path = (0, *order, 0)
    return float(sum(gc[a, b] for a, b in itertools.pairwise(path)))


SITES = [(12, 3), (-7, 9), (4, -11), (15, 14), (-10, -6)]


def _tiny(capacity_kg: float, sites: list[tuple[int, int]]):  # type: ignore[no-untyped-def]
    return relief(
        {
            "sites": [site(f"S{i}", x, y, people=10, unload_min=0) for i, (x, y) in enumerate(sites)],
            "sources": [depot("D", 0, 0)],
            "assets": [truck("T", capacity_kg=capacity_kg)],
            "roads": {"road_factor": 1.0},
            "disruptions": QUIET,
            "planning": {"day_length_h": 24, "day_start_h": 0, "iterations": 2_000},
        }
    )


def test_a_single_vehicle_plan_is_the_shortest_tour_found_by_enumeration() -> None:
    vignette = _tiny(100_000, SITES)
    scene = vignette.scene
    plan = plan_day(scene, ReliefState.initial(scene), seed=1)
    gc = scene.roads.gc_km
    best = min(
        _tour_km(gc, tuple(1 + i for i in order)) for order in itertools.permutations(range(len(SITES)))
    )
    assert {stop.site for trip in plan.trips for stop in trip.stops} == set(range(len(SITES)))
    assert _planned_km(plan) == pytest.approx(best, abs=0.1)


def test_a_multi_trip_plan_with_a_small_vehicle_is_optimal_by_enumeration() -> None:
    sites = SITES[:4]
    vignette = _tiny(350, sites)  # 156 kg per site: two sites per trip
    scene = vignette.scene
    plan = plan_day(scene, ReliefState.initial(scene), seed=1)
    gc = scene.roads.gc_km
    best = np.inf
    for order in itertools.permutations(range(1, len(sites) + 1)):
        for cuts in itertools.product([False, True], repeat=len(sites) - 1):
            trips, current = [], [order[0]]
            for place, cut in zip(order[1:], cuts, strict=True):
                if cut:
                    trips.append(tuple(current))
                    current = []
                current.append(place)
            trips.append(tuple(current))
            if all(len(t) <= 2 for t in trips):
                best = min(best, sum(_tour_km(gc, t) for t in trips))
    assert all(len(trip.stops) <= 2 for trip in plan.trips)
    assert {stop.site for trip in plan.trips for stop in trip.stops} == set(range(len(sites)))
    assert _planned_km(plan) == pytest.approx(best, abs=0.1)


ROADS = {
    "junctions": [{"id": "J", "position": "60.05, 10.55"}],
    "segments": [
        {"ends": ["D", "A"]},
        {"ends": ["A", "B"]},
        {"ends": ["B", "C"], "state": "damaged"},
        {"ends": ["D", "J"]},
        {"ends": ["J", "C"]},
        {"ends": ["J", "B"]},
    ],
}


def _network_scene():  # type: ignore[no-untyped-def]
    return relief(
        {
            "sites": [site("A", 10, 0), site("B", 20, 5), site("C", 25, 15)],
            "sources": [depot("D", 0, 0)],
            "assets": [truck("T")],
            "roads": ROADS,
            "disruptions": QUIET,
        }
    ).scene


@settings(max_examples=60, deadline=None)
@given(st.lists(st.booleans(), min_size=6, max_size=6), st.lists(st.booleans(), min_size=6, max_size=6))
def test_closing_a_road_never_shortens_a_route(first: list[bool], more: list[bool]) -> None:
    roads = _network_scene().roads
    closed = np.array(first)
    km, slow = roads.travel(closed)
    km_more, slow_more = roads.travel(closed | np.array(more))
    assert np.all(km_more >= km - 1e-9)
    assert np.all(slow_more >= slow - 1e-9)


def test_damaged_roads_slow_trucks_and_closed_ones_cut_places_off() -> None:
    roads = _network_scene().roads
    km, slow = roads.travel(np.zeros(6, dtype=bool))
    assert np.isfinite(km).all()
    assert (slow >= km - 1e-9).all()
    cut_off_c = np.array([False, False, True, False, True, False])  # B-C and J-C closed
    km_cut, _ = roads.travel(cut_off_c)
    assert np.isinf(km_cut[0, 3])  # depot (place 0) to C (place 3)


def test_the_plan_uses_only_the_stock_the_throughput_and_the_vehicles_that_are_left() -> None:
    vignette = relief(
        {
            "sites": [site(f"S{i}", 5 * i, 3, people=400) for i in range(1, 7)],
            "sources": [depot("D", 0, 0, water_l=5_000, food_kcal=2_000_000), depot("E", 0, 10)],
            "assets": [
                truck("T1", capacity_kg=3_000, count=3),
                truck("T2", capacity_kg=3_000, sources=["E"]),
            ],
            "disruptions": QUIET,
        }
    )
    scene = vignette.scene
    state = ReliefState.initial(scene)
    state.vehicle_down_until[1, 0] = 0  # T2 under repair today
    state.stock_units[1] = [0.0, 0.0]  # and E is empty anyway
    plan = plan_day(scene, state, seed=3)
    assert plan.trips
    assert all(trip.asset == 0 for trip in plan.trips)
    loaded = sum(trip.units for trip in plan.trips)
    assert np.all(loaded <= scene.stock_units[0] + 1e-6)
    before = state.stock_units.copy()
    execute_day(scene, state, plan, DayEvents.none(scene, state))
    assert np.all(state.stock_units >= -1e-6)
    assert np.allclose((before - state.stock_units)[0], loaded)  # all delivered, nothing returned
    # the next morning's plan starts from what is left
    tomorrow = plan_day(scene, state, seed=3)
    assert np.all(sum((t.units for t in tomorrow.trips), np.zeros(2)) <= state.stock_units.sum(axis=0) + 1e-6)


def test_helicopters_serve_only_landing_zones_and_weather_returns_their_loads() -> None:
    vignette = relief(
        {
            "sites": [
                site("LZ", 10, 0, access=["helicopter"]),
                site("ROAD", 0, 10, access=["road"]),
            ],
            "sources": [depot("D", 0, 0)],
            "assets": [
                truck("TRUCK"),
                truck(
                    "HELO", unit="HELOS", type="helicopter", speed_kmh=200, capacity_kg=4_000, capacity_m3=20
                ),
            ],
            "disruptions": QUIET,
        },
        units={"TRUCKS": "NOR", "HELOS": "USA"},
    )
    scene = vignette.scene
    state = ReliefState.initial(scene)
    plan = plan_day(scene, state, seed=5)
    served = {(scene.assets.ids[t.asset], scene.site_ids[s.site]) for t in plan.trips for s in t.stops}
    assert served == {("HELO", "LZ"), ("TRUCK", "ROAD")}
    grounded = DayEvents(
        0.0, np.inf, np.zeros(scene.roads.links, bool), np.full(state.vehicle_down_until.shape, np.inf)
    )
    before = state.stock_units.copy()
    outcome = execute_day(scene, state, plan, grounded)
    assert outcome.delivered_units[0].sum() == 0  # LZ: the helicopter never took off
    assert outcome.delivered_units[1].sum() > 0
    road_units = sum(t.units for t in plan.trips if scene.assets.ids[t.asset] == "TRUCK")
    assert np.allclose((before - state.stock_units)[0], road_units)
