"""Multi-trip days at the planner's default effort: vehicles that reload during the day, checked against
optima found by enumeration, and the Pacific example's day 1 against a long search."""

from __future__ import annotations

import itertools
from functools import cache

import numpy as np
import pytest
from pyvrp.stop import MaxIterations

from jointex.rehearse.vignettes.hadr.execute import DayEvents, coverage, execute_day
from jointex.rehearse.vignettes.hadr.plan import DayPlan, ReliefState, plan_day
from jointex.rehearse.vignettes.hadr.scene import HadrScene
from tests.rehearse.hadr_scenes import QUIET, depot, pacific, relief, site, truck

SEEDS = range(10)
LOT_KG = 156  # 10 people: 150 L of water and 6 kg of rations


def _one_truck(sites: list[tuple[float, float]], sites_per_trip: int) -> HadrScene:
    """One truck at a depot at the origin that carries ``sites_per_trip`` sites' loads; a day long enough
    to serve every site."""
    return relief(
        {
            "sites": [site(f"S{i}", x, y, people=10, unload_min=0) for i, (x, y) in enumerate(sites)],
            "sources": [depot("D", 0, 0)],
            "assets": [truck("T", capacity_kg=LOT_KG * sites_per_trip + 38)],
            "roads": {"road_factor": 1.0},
            "disruptions": QUIET,
            "planning": {"day_length_h": 24, "day_start_h": 0},
        }
    ).scene


def _best_km(gc: np.ndarray, sites: int, sites_per_trip: int) -> float:
    """The shortest day serving every site, by enumeration: each subset of at most ``sites_per_trip``
    sites as one trip from the depot (place 0) in its best order, then the best split into trips."""
    trip_km: dict[int, float] = {}
    for size in range(1, sites_per_trip + 1):
        for subset in itertools.combinations(range(sites), size):
            mask = sum(1 << s for s in subset)
            trip_km[mask] = min(
                sum(gc[a, b] for a, b in itertools.pairwise((0, *(1 + s for s in order), 0)))
                for order in itertools.permutations(subset)
            )

    @cache
    def best(mask: int) -> float:
        if not mask:
            return 0.0
        low = mask & -mask
        return min(
            km + best(mask & ~trip) for trip, km in trip_km.items() if trip & low and trip & mask == trip
        )

    return best((1 << sites) - 1)


def _planned_km(plan: DayPlan) -> float:
    return sum(sum(trip.leg_km) for trip in plan.trips)


def test_a_truck_carrying_two_sites_loads_serves_three_sites_in_two_sorties_at_default_effort() -> None:
    # sites 10, 20 and 30 km out: 20-30 and then 10 is 60 + 20 = 80 km; 10-20 and then 30 is 100 km;
    # before reloads were planned, every seed served two sites in 40 km (66.7% of the need met)
    scene = _one_truck([(10, 0), (20, 0), (30, 0)], sites_per_trip=2)
    assert scene.planning.iterations == 100  # the default effort
    for seed in range(20):
        plan = plan_day(scene, ReliefState.initial(scene), seed=seed)
        assert {stop.site for trip in plan.trips for stop in trip.stops} == {0, 1, 2}
        assert len(plan.trips) == 2
        assert _planned_km(plan) == pytest.approx(80.0, abs=0.1)
        state = ReliefState.initial(scene)
        outcome = execute_day(scene, state, plan, DayEvents.none(scene, state))
        assert coverage(scene, outcome.delivered_units) == pytest.approx(1.0)


LAYOUTS = [
    [(12, 3), (-7, 9), (4, -11), (15, 14)],  # the 4-site scene of test_hadr_plan.py
    *(
        [tuple(int(v) for v in xy) for xy in np.random.default_rng(layout).integers(-20, 21, size=(n, 2))]
        for n in (3, 4, 5, 6)
        for layout in range(3)
    ),
]


def test_multi_trip_days_are_optimal_by_enumeration_at_default_effort() -> None:
    # 3 to 6 sites, two or three sites' loads a trip, 10 seeds each (260 plans); before, 20 of the 26
    # (layout, load) pairs had a seed that missed the optimum, most by leaving sites unserved
    missed = []
    for layout, sites in enumerate(LAYOUTS):
        for sites_per_trip in (2, 3):
            scene = _one_truck(list(sites), sites_per_trip)
            best = _best_km(scene.roads.gc_km, scene.sites, sites_per_trip)
            for seed in SEEDS:
                plan = plan_day(scene, ReliefState.initial(scene), seed=seed)
                served = {stop.site for trip in plan.trips for stop in trip.stops}
                fits = all(len(trip.stops) <= sites_per_trip for trip in plan.trips)
                if served != set(range(scene.sites)) or not fits or abs(_planned_km(plan) - best) > 0.1:
                    missed.append((layout, sites_per_trip, seed, len(served), _planned_km(plan), best))
    assert not missed


PACIFIC_DAY1_REFERENCE_PCT = 77.6
"""Need met on day 1 of the Pacific example planned with 20,000 PyVRP iterations instead of the default 100:
78.5, 77.7, 77.3, 77.2 and 77.0% for seeds 0-4, mean 77.6 (8 s a plan on the 2-core development machine,
too long for the suite; measured with this planner as ``_day1_need_met(pacific(), seed,
MaxIterations(20_000))``). Measure it again when the planner changes."""


def _day1_need_met(scene: HadrScene, seed: int, stop: MaxIterations | None = None) -> float:
    state = ReliefState.initial(scene)
    plan = plan_day(scene, state, seed, stop)
    outcome = execute_day(scene, state, plan, DayEvents.none(scene, state))
    need_kg = scene.need_units @ scene.kg_per_unit
    return float(100 * coverage(scene, outcome.delivered_units) @ (need_kg / need_kg.sum()))


def test_pacific_day_one_need_met_at_default_effort_is_within_two_points_of_a_long_search() -> None:
    # before: 60.0, 64.7, 55.6, 62.4 and 68.6% (mean 62.3) against 75.6 at 20,000 iterations
    scene = pacific()
    met = [_day1_need_met(scene, seed) for seed in range(5)]
    assert np.mean(met) >= PACIFIC_DAY1_REFERENCE_PCT - 2, met
