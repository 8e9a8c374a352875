"""The daily relief plan: how much each site gets, and which vehicle takes it, on which trip.

Each morning the coordination cell plans from what it knows: the stock left at each source, the
vehicles that are in theatre and serviceable, the roads open, and how long each site has gone short.

1. **Allocation** (equity, `allocate.py`): each commodity's deliverable supply (stock at sources that a
   serviceable vehicle can load at, capped by the sources' handling throughput) is shared among the
   sites some vehicle can reach by weighted water-filling.
2. **Routing** (PyVRP): each site's allocation becomes up to ``max_lots_per_site`` deliveries (lots),
   optional clients whose prize is the value of the relief times the site's weight (priority and
   deprivation). One vehicle type per asset: its capacity in kg and litres, home source, the sources it
   may reload at (multi-trip), working-day window and crew-duty limit, cost per km, and its own routing
   profile: trucks use road distances, aircraft and landing craft go direct, and every place the asset
   cannot use (no landing zone, airstrip, beach or road; beyond its range) is priced out of reach.
3. **Loading**: PyVRP knows no stock per source, so trips load in order of departure and a trip whose
   source has run short (or reached its throughput) carries and delivers proportionally less.

Everything PyVRP needs is expressible in it, so OR-Tools is not used in planning; benchmarks/
bench_routing.py compares the two on the CVRPLIB X instances.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyvrp
from numpy.typing import NDArray
from pyvrp.search import NeighbourhoodParams
from pyvrp.stop import MaxIterations, StoppingCriterion

from jointex.model.hadr import AssetType
from jointex.rehearse.vignettes.hadr.allocate import equitable_allocation, site_weights
from jointex.rehearse.vignettes.hadr.scene import HadrScene

DISTANCE_UNIT_M = 10
"""Routing distances are in units of 10 m, so that a cost of 1 per unit is 1 cent per 10 m = 1 USD per km:
costs and prizes are in US cents, well below PyVRP's largest penalty (1e5 per kg or second over)."""
FORBIDDEN = 10**12
"""Distance (and seconds) that prices an edge out of any plan: 1e10 USD, above any prize."""
MIN_RELATIVE_WEIGHT = 0.02
"""Floor of a site's weight relative to the most deprived, so that spare lift still serves it."""
NEIGHBOURS = 30


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
    lots = _lots(scene, allocated, active, travel)
    empty = DayPlan(state.day, (), allocated, road_km)
    if not lots or not active:
        return empty
    data = _problem(scene, state, lots, active, vehicles, travel)
    result = solve_routes(data, stop or MaxIterations(scene.planning.iterations), seed)
    trips = _trips(result.best, scene, lots, active, vehicles, travel)
    return DayPlan(state.day, _load(scene, state, trips), allocated, road_km)


def solve_routes(data: pyvrp.ProblemData, stop: StoppingCriterion, seed: int) -> pyvrp.Result:
    """PyVRP's iterated local search with jointex's settings (also what benchmarks/bench_routing.py
    measures on the CVRPLIB instances)."""
    params = pyvrp.SolveParams(neighbourhood=NeighbourhoodParams(num_neighbours=NEIGHBOURS))
    return pyvrp.solve(data, stop, seed=seed, display=False, collect_stats=False, params=params)


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


@dataclass(frozen=True)
class _Lot:
    site: int
    units: NDArray[np.float64]
    kg: float
    litres: float


def _lots(
    scene: HadrScene,
    allocated: NDArray[np.float64],
    active: list[int],
    travel: dict[int, tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.bool_]]],
) -> list[_Lot]:
    """Split each site's allocation into deliveries a vehicle that reaches it can carry."""
    assets = scene.assets
    lots: list[_Lot] = []
    for site in range(scene.sites):
        units = allocated[site]
        kg = float(units @ scene.kg_per_unit)
        litres = float(units @ scene.litres_per_unit)
        if kg <= 0:
            continue
        carriers = [a for a in active if travel[a][2][scene.sources + site]]
        if not carriers:
            continue
        cap_kg = float(np.median([assets.capacity_kg[a] for a in carriers]))
        cap_l = float(np.median([assets.capacity_litres[a] for a in carriers]))
        n = min(scene.planning.max_lots_per_site, max(1, math.ceil(max(kg / cap_kg, litres / cap_l))))
        scale = min(1.0, cap_kg * n / kg, cap_l * n / litres if litres > 0 else math.inf) / n
        lot_units = units * scale
        lots.extend(_Lot(site, lot_units, kg * scale, litres * scale) for _ in range(n))
    return lots


def _problem(
    scene: HadrScene,
    state: ReliefState,
    lots: list[_Lot],
    active: list[int],
    vehicles: list[list[int]],
    travel: dict[int, tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.bool_]]],
) -> pyvrp.ProblemData:
    places = scene.sources + scene.sites
    assets = scene.assets
    weights = site_weights(scene.priority, state.deprivation_h, scene.planning.deprivation_growth_per_h)
    relative = np.maximum(weights / weights.max(), MIN_RELATIVE_WEIGHT)
    value = scene.planning.value_per_kg * 100  # cents, the unit of the routing costs
    locations = [pyvrp.Location(x=float(scene.lon_deg[p]), y=float(scene.lat_deg[p])) for p in range(places)]
    depots = [pyvrp.Depot(location=s, service_duration=int(scene.load_s[s])) for s in range(scene.sources)]
    clients = [
        pyvrp.Client(
            location=scene.sources + lot.site,
            delivery=[math.ceil(lot.kg), math.ceil(lot.litres)],
            service_duration=int(scene.unload_s[lot.site]),
            tw_early=int(scene.window_s[lot.site, 0]),
            tw_late=int(scene.window_s[lot.site, 1]),
            prize=max(1, int(value * lot.kg * relative[lot.site])),
            required=False,
        )
        for lot in lots
    ]
    day_s = int(scene.day_s)
    vehicle_types = []
    distances: list[Any] = []  # int64 matrices, one per asset's routing profile
    durations: list[Any] = []
    for profile, a in enumerate(active):
        km, seconds, usable = travel[a]
        ok = usable[:, None] & usable[None, :] & np.isfinite(km)
        np.fill_diagonal(ok, True)
        distances.append(
            np.where(ok, np.round(np.where(ok, km, 0) * 1000 / DISTANCE_UNIT_M), FORBIDDEN).astype(np.int64)
        )
        durations.append(np.where(ok, np.round(np.where(ok, seconds, 0)), FORBIDDEN).astype(np.int64))
        home = int(assets.home[a])
        vehicle_types.append(
            pyvrp.VehicleType(
                num_available=len(vehicles[a]),
                capacity=[int(assets.capacity_kg[a]), int(assets.capacity_litres[a])],
                start_depot=home,
                end_depot=home,
                tw_early=0,
                tw_late=day_s,
                shift_duration=int(min(assets.duty_s[a], day_s)),
                unit_distance_cost=max(1, round(float(assets.cost_per_km[a]))),
                profile=profile,
                reload_depots=[int(s) for s in np.flatnonzero(assets.loads_at[a])],
                max_reloads=scene.planning.max_trips_per_day - 1,
            )
        )
    return pyvrp.ProblemData(locations, clients, depots, vehicle_types, distances, durations)


def _trips(
    solution: pyvrp.Solution,
    scene: HadrScene,
    lots: list[_Lot],
    active: list[int],
    vehicles: list[list[int]],
    travel: dict[int, tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.bool_]]],
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
    lots: list[_Lot],
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
