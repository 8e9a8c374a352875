"""The daily relief plan: how much each site gets, and which vehicle takes it, on which trip.

Each morning the coordination cell plans from what it knows: the stock left at each source, the
vehicles that are in theatre and serviceable, the roads open, and how long each site has gone short.

1. **Allocation** (equity, `allocate.py`): each commodity's deliverable supply (stock at sources that a
   serviceable vehicle can load at, capped by the sources' handling throughput) is shared among the
   sites some vehicle can reach by weighted water-filling.
2. **Routing** (PyVRP, `problem.py`): each site's allocation becomes up to ``max_lots_per_site`` deliveries
   (lots), optional clients whose prize is the value of the relief times the site's weight (priority and
   deprivation). One vehicle type per asset: its capacity in kg and litres, home source, the sources it
   may reload at (multi-trip), working-day window and crew-duty limit, cost per km, and its own routing
   profile: trucks use road distances, aircraft and landing craft go direct, and every place or leg the
   asset cannot use (no landing zone, airstrip, beach or road; on no trip within its range) is priced out
   of reach. The search starts from a warm start of multi-trip days (`warmstart.py`); after it, deliveries
   move between trips of one vehicle (`exchange.py`), the days are filled again, and every trip is held
   within range (`ranges.py`), all things PyVRP's search does not do (see `_route`).
3. **Loading**: PyVRP knows no stock per source. Trips that would find their source short move to another
   source their vehicle may use (`sources.py`); then trips load in order of departure and a trip whose
   source has run short (or reached its throughput) carries and delivers proportionally less.

Everything PyVRP needs is expressible in it, so OR-Tools is not used in planning; benchmarks/
bench_routing.py compares the two on the CVRPLIB X instances.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pyvrp
from numpy.typing import NDArray
from pyvrp.search import NeighbourhoodParams
from pyvrp.stop import MaxIterations, MultipleCriteria, NoImprovement, StoppingCriterion

from jointex.model.hadr import AssetType
from jointex.rehearse.vignettes.hadr.allocate import equitable_allocation, site_weights
from jointex.rehearse.vignettes.hadr.exchange import exchange_between_trips
from jointex.rehearse.vignettes.hadr.problem import Lot, RoutingProblem, Travel, routing_problem, split_lots
from jointex.rehearse.vignettes.hadr.ranges import legs_to_forbid, within_range
from jointex.rehearse.vignettes.hadr.scene import HadrScene
from jointex.rehearse.vignettes.hadr.sources import load_where_stocked
from jointex.rehearse.vignettes.hadr.warmstart import fill_days

NEIGHBOURS = 30
RANGE_RESOLVES = 2
"""Times the day is solved again with the legs of too long trips forbidden (see `_route`)."""
STABLE_SHARE = 2
"""The search stops once its best plan has not improved for ``iterations // STABLE_SHARE`` iterations in a
row (50 of the default 100), or after ``iterations`` (see `search_effort`)."""
PENALTY_KG = 100.0
"""PyVRP's first penalty per kg or litre over capacity and per second late, in kg of relief at
``value_per_kg`` (see `relief_penalties`)."""


@dataclass
class ReliefState:
    """What a replication has reached at the start of a day; the planner reads it, execution updates it."""

    day: int
    stock_units: NDArray[np.float64]
    """[source, commodity]."""
    deprivation_h: NDArray[np.float64]
    """[site]: hours of unmet need accumulated (need-weighted)."""
    vehicle_down_until: NDArray[np.int64]
    """[asset, vehicle]: last day the vehicle is under repair (-1: serviceable)."""
    link_closed_until: NDArray[np.int64]
    """[road link]: last day the link is closed (-1: open)."""

    @classmethod
    def initial(cls, scene: HadrScene) -> ReliefState:
        return cls(
            day=0,
            stock_units=scene.stock_units.copy(),
            deprivation_h=np.zeros(scene.sites),
            vehicle_down_until=np.full(
                (len(scene.assets), int(scene.assets.count.max())), -1, dtype=np.int64
            ),
            link_closed_until=np.full(scene.roads.links, -1, dtype=np.int64),
        )

    def serviceable(self, scene: HadrScene) -> list[list[int]]:
        """For each asset, the vehicles in theatre and not under repair today."""
        assets = scene.assets
        result: list[list[int]] = []
        for a in range(len(assets)):
            in_theatre = assets.first_day[a] <= self.day <= assets.last_day[a]
            result.append(
                [
                    v
                    for v in range(int(assets.count[a]))
                    if in_theatre and self.vehicle_down_until[a, v] < self.day
                ]
            )
        return result

    def closed_links(self) -> NDArray[np.bool_]:
        return self.link_closed_until >= self.day


@dataclass(frozen=True)
class Stop:
    site: int
    arrive_s: float
    """Start of unloading, seconds from the start of the working day."""
    units: NDArray[np.float64]
    """[commodity] delivered if all goes to plan."""


@dataclass(frozen=True)
class Trip:
    """One sortie: load at a source, deliver to one or more sites, return."""

    asset: int
    vehicle: int
    source: int
    start_s: float
    end_s: float
    stops: tuple[Stop, ...]
    leg_km: tuple[float, ...]
    """Km of each leg: source to first stop, ..., last stop back to a source."""
    end_place: int

    @property
    def units(self) -> NDArray[np.float64]:
        return np.asarray(np.sum([stop.units for stop in self.stops], axis=0), dtype=np.float64)


@dataclass(frozen=True)
class DayPlan:
    day: int
    trips: tuple[Trip, ...]
    allocated_units: NDArray[np.float64]
    """[site, commodity]: the equity rule's share for today."""
    road_km: NDArray[np.float64]
    """[place, place]: road distances the plan was made with (execution compares against later ones)."""


def asset_travel(
    scene: HadrScene, road_km: NDArray[np.float64], slow_km: NDArray[np.float64], asset: int
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.bool_]]:
    """(km, seconds, usable place mask) for one asset today."""
    places = scene.sources + scene.sites
    assets = scene.assets
    if assets.types[asset] is AssetType.TRUCK:
        km, slow = road_km, slow_km
    else:
        km = scene.roads.gc_km[:places, :places]
        slow = km
    seconds = slow / assets.speed_kmh[asset] * 3600
    loads = assets.loads_at[asset]
    to_site = km[: scene.sources][loads][:, scene.sources :]
    nearest = to_site.min(axis=0) if loads.any() else np.full(scene.sites, np.inf)
    reach = scene.site_access[:, asset] & np.isfinite(nearest) & (2 * nearest <= assets.range_km[asset])
    usable = np.concatenate([loads, reach])
    return km, seconds, usable


def plan_day(
    scene: HadrScene, state: ReliefState, seed: int, stop: StoppingCriterion | None = None
) -> DayPlan:
    """Today's plan from the state reached (see module doc). Deterministic for a given seed."""
    road_km, slow_km = scene.roads.travel(state.closed_links())
    vehicles = state.serviceable(scene)
    active = [a for a in range(len(scene.assets)) if vehicles[a]]
    travel = {a: asset_travel(scene, road_km, slow_km, a) for a in active}
    reachable = np.zeros(scene.sites, dtype=bool)
    loadable = np.zeros(scene.sources, dtype=bool)
    for a in active:
        usable = travel[a][2]
        reachable |= usable[scene.sources :]
        loadable |= usable[: scene.sources]
    allocated = _allocate(scene, state, reachable, loadable)
    lots = split_lots(scene, allocated, active, travel)
    empty = DayPlan(state.day, (), allocated, road_km)
    if not lots or not active:
        return empty
    problem = routing_problem(scene, state.stock_units, state.deprivation_h, lots, active, vehicles, travel)
    solution = _route(problem, stop or search_effort(scene), seed, scene)
    trips = _trips(solution, scene, lots, active, vehicles, travel)
    return DayPlan(state.day, _load(scene, state, trips), allocated, road_km)


def _route(problem: RoutingProblem, stop: StoppingCriterion, seed: int, scene: HadrScene) -> pyvrp.Solution:
    """The day's routes: PyVRP's search from the warm start (`fill_days`, improved between trips), then
    what the search does not do (`_improve`), every trip within range (`ranges.py`: a trip still too long
    has its longest leg between sites forbidden and the day is solved again, from the same plan with that
    trip cut back and the days filled again, at most `RANGE_RESOLVES` times; then trips are cut back and
    the days filled again) and loaded where the stock is (`sources.py`)."""
    penalty = relief_penalties(scene)
    start = fill_days(problem)
    start = exchange_between_trips(problem, start) if start is not None else None
    solution = solve_routes(problem.data, stop, seed, start, penalty).best
    for _ in range(RANGE_RESOLVES):
        solution = _improve(problem, solution)
        legs = legs_to_forbid(problem, solution)
        if not legs:
            return load_where_stocked(problem, solution)
        problem.forbid(legs)
        start = fill_days(problem, within_range(problem, solution))
        stop = search_effort(scene)
        solution = solve_routes(problem.data, stop, seed, start, penalty).best
    cut = within_range(problem, _improve(problem, solution))
    return load_where_stocked(problem, fill_days(problem, cut) or cut)


def search_effort(scene: HadrScene) -> StoppingCriterion:
    """PyVRP's stop: ``planning.iterations`` at most, fewer once the best plan has held for half of them.

    Measured on the Pacific example (30 replications, same keys): stopping after 50 iterations without
    improvement instead of always running 100 takes 14% less time per replication (0.51 against 0.58 s
    of CPU) and leaves the need met where it was (+0.01 points, 95% interval -0.24 to +0.26). Holding
    for 20 iterations saves a third and still delivers as much on the Pacific example, but misses the
    optimum of small days (tests/rehearse/test_hadr_multitrip.py), whose best plan can come after a
    long plateau. Iterations, not seconds, so a plan depends on its seed alone."""
    iterations = scene.planning.iterations
    return MultipleCriteria([MaxIterations(iterations), NoImprovement(max(1, iterations // STABLE_SHARE))])


def _improve(problem: RoutingProblem, solution: pyvrp.Solution) -> pyvrp.Solution:
    """What PyVRP's search does not do: move deliveries between trips of one vehicle, then open new
    trips for deliveries left out."""
    return fill_days(problem, exchange_between_trips(problem, solution)) or solution


@dataclass
class ReliefPenalties(pyvrp.PenaltyParams):
    """PyVRP's penalty settings with its first penalties (per kg or litre over capacity, per second
    late or over distance) set instead of the midpoint of PyVRP's range."""

    load: float = 50_000.0
    time: float = 50_000.0

    def midpoint_penalties(self, data: pyvrp.ProblemData) -> tuple[list[float], float, float]:
        return [self.load] * data.num_load_dimensions, self.time, self.time


def relief_penalties(scene: HadrScene) -> ReliefPenalties:
    """Penalties in proportion to the prizes: a kg over capacity or a second late first costs as much as
    `PENALTY_KG` kg of relief to the most deprived site (5,000 USD at the default 50 USD a kg), up to ten
    times that as PyVRP raises them. PyVRP's own start, 500 USD, is below the prize of a single delivery,
    so its search kept planning an extra delivery a few seconds late and found few feasible plans."""
    initial = PENALTY_KG * scene.planning.value_per_kg * 100
    return ReliefPenalties(load=initial, time=initial, max_penalty=10 * initial)


def solve_routes(
    data: pyvrp.ProblemData,
    stop: StoppingCriterion,
    seed: int,
    initial_solution: pyvrp.Solution | None = None,
    penalty: pyvrp.PenaltyParams | None = None,
) -> pyvrp.Result:
    """PyVRP's iterated local search with jointex's neighbourhood (also what benchmarks/bench_routing.py
    measures on the CVRPLIB instances, with PyVRP's own start and penalties)."""
    params = pyvrp.SolveParams(
        neighbourhood=NeighbourhoodParams(num_neighbours=NEIGHBOURS),
        penalty=penalty or pyvrp.PenaltyParams(),
    )
    return pyvrp.solve(
        data,
        stop,
        seed=seed,
        display=False,
        collect_stats=False,
        params=params,
        initial_solution=initial_solution,
    )


def _allocate(
    scene: HadrScene, state: ReliefState, reachable: NDArray[np.bool_], loadable: NDArray[np.bool_]
) -> NDArray[np.float64]:
    weights = site_weights(scene.priority, state.deprivation_h, scene.planning.deprivation_growth_per_h)
    need = scene.need_units * reachable[:, None]
    need_kg = (need * scene.kg_per_unit).sum(axis=0)
    throughput = scene.throughput_kg[loadable].sum()
    share_kg = throughput * need_kg / max(need_kg.sum(), 1e-9)
    allocated = np.zeros(scene.need_units.shape)
    for c in range(len(scene.commodity_ids)):
        supply = min(state.stock_units[loadable, c].sum(), share_kg[c] / scene.kg_per_unit[c])
        allocated[:, c] = equitable_allocation(need[:, c], weights, int(supply))
    return allocated


def _trips(
    solution: pyvrp.Solution,
    scene: HadrScene,
    lots: list[Lot],
    active: list[int],
    vehicles: list[list[int]],
    travel: dict[int, Travel],
) -> list[Trip]:
    trips: list[Trip] = []
    used: dict[int, int] = {}
    for route in solution.routes():
        if not route.is_feasible():
            continue  # an infeasible route is not a plan; its lots stay undelivered today
        a = active[route.vehicle_type()]
        vehicle = vehicles[a][used.get(a, 0)]
        used[a] = used.get(a, 0) + 1
        km = travel[a][0]
        current: list[tuple[int, float]] = []  # (lot, arrival)
        source, start = -1, 0.0
        for activity in route.schedule():
            if activity.is_depot():
                if current:
                    trips.append(_trip(scene, lots, km, a, vehicle, source, start, current, activity))
                    current = []
                source, start = activity.idx, float(activity.end_time)
            elif activity.is_client():
                current.append((activity.idx, float(activity.start_time)))
    return trips


def _trip(
    scene: HadrScene,
    lots: list[Lot],
    km: NDArray[np.float64],
    asset: int,
    vehicle: int,
    source: int,
    start: float,
    visits: list[tuple[int, float]],
    end: pyvrp.ScheduledActivity,
) -> Trip:
    merged: list[Stop] = []  # lots of one site delivered back to back are one stop
    for lot, arrive in visits:
        site = lots[lot].site
        if merged and merged[-1].site == site:
            merged[-1] = Stop(site, merged[-1].arrive_s, merged[-1].units + lots[lot].units)
        else:
            merged.append(Stop(site, arrive, lots[lot].units.copy()))
    stops = tuple(merged)
    path = [source, *(scene.sources + stop.site for stop in stops), end.idx]
    legs = tuple(float(km[a, b]) for a, b in itertools.pairwise(path))
    return Trip(asset, vehicle, source, start, float(end.start_time), stops, legs, int(end.idx))


def _load(scene: HadrScene, state: ReliefState, trips: list[Trip]) -> tuple[Trip, ...]:
    """Load trips in order of departure from what each source has; short trips deliver proportionally."""
    stock = state.stock_units.copy()
    handled = np.zeros(scene.sources)
    loaded: list[Trip] = []
    for trip in sorted(trips, key=lambda t: (t.start_s, t.asset, t.vehicle)):
        wanted = trip.units
        s = trip.source
        have = np.minimum(1.0, np.divide(stock[s], wanted, out=np.ones_like(wanted), where=wanted > 0))
        kg = float((wanted * have) @ scene.kg_per_unit)
        room = max(0.0, scene.throughput_kg[s] - handled[s])
        fraction = have * (min(1.0, room / kg) if kg > 0 else 0.0)
        stops = tuple(Stop(st.site, st.arrive_s, st.units * fraction) for st in trip.stops)
        carried = wanted * fraction
        if carried.sum() <= 0:
            continue
        stock[s] -= carried
        handled[s] += float(carried @ scene.kg_per_unit)
        loaded.append(
            Trip(trip.asset, trip.vehicle, s, trip.start_s, trip.end_s, stops, trip.leg_km, trip.end_place)
        )
    return tuple(loaded)
