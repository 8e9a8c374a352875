"""Every planned trip within its asset's range (source, sites, back to a source), however many stops."""

from __future__ import annotations

import itertools

import numpy as np
import pyvrp

from jointex.rehearse.engine.streams import replication_keys
from jointex.rehearse.vignettes.hadr.compile import run_replication
from jointex.rehearse.vignettes.hadr.plan import DayPlan, ReliefState, asset_travel, plan_day
from jointex.rehearse.vignettes.hadr.problem import routing_problem, split_lots
from jointex.rehearse.vignettes.hadr.ranges import legs_to_forbid, route_trips, within_range
from jointex.rehearse.vignettes.hadr.scene import HadrScene
from tests.rehearse.hadr_scenes import QUIET, depot, pacific, relief, site, truck


def _helicopter_scene(sites: list[tuple[float, float]], range_km: float) -> HadrScene:
    return relief(
        {
            "sites": [site(f"S{i}", x, y, access=["helicopter"]) for i, (x, y) in enumerate(sites)],
            "sources": [depot("D", 0, 0)],
            "assets": [
                truck(
                    "H",
                    type="helicopter",
                    speed_kmh=200,
                    capacity_kg=8_000,
                    capacity_m3=40,
                    range_km=range_km,
                )
            ],
            "disruptions": QUIET,
        }
    ).scene


def _trip_km_over_range(scene: HadrScene, plan: DayPlan) -> list[float]:
    return [
        sum(trip.leg_km) for trip in plan.trips if sum(trip.leg_km) > scene.assets.range_km[trip.asset] + 1e-6
    ]


def test_two_sites_that_only_fit_separately_in_range_get_two_trips() -> None:
    # 40 km out each, 57 km apart: one trip to both is 137 km, two trips are 80 km each
    scene = _helicopter_scene([(40, 0), (0, 40)], range_km=100)
    for seed in range(5):
        plan = plan_day(scene, ReliefState.initial(scene), seed=seed)
        assert not _trip_km_over_range(scene, plan)
        assert {stop.site for trip in plan.trips for stop in trip.stops} == {0, 1}
        assert all(len(trip.stops) == 1 for trip in plan.trips)


def test_three_sites_whose_pairs_fit_in_range_but_not_all_three_are_split() -> None:
    # 25 km out at 0, 90 and 180 degrees: any two in one trip is within 100 km (85 or 100 km), all three
    # in one trip (121 km) is not, though it is the shortest way to serve them
    scene = _helicopter_scene([(25, 0), (0, 25), (-25, 0)], range_km=100)
    for seed in range(5):
        plan = plan_day(scene, ReliefState.initial(scene), seed=seed)
        assert not _trip_km_over_range(scene, plan)
        assert {stop.site for trip in plan.trips for stop in trip.stops} == {0, 1, 2}


def _problem(scene: HadrScene):  # type: ignore[no-untyped-def]
    state = ReliefState.initial(scene)
    road_km, slow_km = scene.roads.travel(state.closed_links())
    travel = {0: asset_travel(scene, road_km, slow_km, 0)}
    allocated = scene.need_units.astype(float)
    lots = split_lots(scene, allocated, [0], travel)
    vehicles = state.serviceable(scene)
    return routing_problem(scene, state.stock_units, state.deprivation_h, lots, [0], vehicles, travel), lots


def test_a_trip_too_long_names_its_longest_leg_and_is_cut_back_to_range() -> None:
    scene = _helicopter_scene([(25, 0), (0, 25), (-25, 0)], range_km=100)
    problem, lots = _problem(scene)
    assert [lot.site for lot in lots] == [0, 1, 2]
    clients = [pyvrp.Activity(pyvrp.ActivityType.CLIENT, c) for c in (0, 1, 2)]
    too_long = pyvrp.Solution(problem.data, [pyvrp.Route(problem.data, clients, 0)])
    assert route_trips(too_long.routes()[0])[0].clients == (0, 1, 2)
    places = scene.sources + np.arange(3)
    legs = legs_to_forbid(problem, too_long)
    a, b, c = places
    assert legs in ({(0, a, b), (0, b, a)}, {(0, b, c), (0, c, b)})
    cut = within_range(problem, too_long)
    (trip,) = route_trips(cut.routes()[0])
    assert len(trip.clients) == 2
    path = [0, *(problem.data.client(c).location for c in trip.clients), 0]
    assert sum(problem.km[0][x, y] for x, y in itertools.pairwise(path)) <= 100


def test_no_trip_of_any_day_of_the_pacific_example_is_longer_than_its_range() -> None:
    # with ranges cut to 0.4 (landing craft 80 to 100 km), the planner without per-trip checks sent
    # landing craft on 101.7-118 km trips in every replication tried
    scene = pacific(range_factor=0.4)
    for disruptions in (False, True):
        replication = run_replication(
            scene, replication_keys(7, 0, 1)[0], disruptions=disruptions, keep_plans=True
        )
        assert len(replication.plans) == scene.days
        for plan in replication.plans:
            assert plan.trips
            assert not _trip_km_over_range(scene, plan), f"day {plan.day + 1}"
