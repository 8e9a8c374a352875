"""A day of relief as it happens: the plan meets aftershocks, weather and breakdowns.

Each disruption strikes at a uniformly random moment of the working day, drawn from the replication's
random streams indexed by (day, what it hits), so two plans compared on one seed face the same events:

- **aftershock** (chance per day): each open road link closes with a given chance, for ``closure_days``;
  a truck arriving after the shock over a leg that is now longer or cut turns back;
- **weather** (chance per day): every helicopter is grounded from that moment to the end of the day;
- **breakdown** (chance per vehicle and day): the vehicle stops there, is repaired for ``repair_days``.

A trip delivers its stops in order until the first one it cannot reach; what it could not deliver goes
back into the stock of its source. The next morning's plan starts from the state reached.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from jointex.model.hadr import AssetType
from jointex.rehearse.engine.streams import uniforms
from jointex.rehearse.vignettes.hadr.plan import DayPlan, ReliefState
from jointex.rehearse.vignettes.hadr.scene import HadrScene

STREAM_PLAN_SEED = 1
STREAM_WEATHER = 2
STREAM_AFTERSHOCK = 3
STREAM_ROAD_CLOSES = 4
STREAM_BREAKDOWN = 5
STREAM_EVENT_TIME = 6
_PER_DAY = 1 << 20
"""Draws per stream and day: a day's index range starts at ``day * _PER_DAY``."""


@dataclass(frozen=True)
class DayEvents:
    """When today's disruptions strike, seconds into the working day (``inf``: not today)."""

    weather_s: float
    aftershock_s: float
    closes: NDArray[np.bool_]
    """[road link]: closed by the aftershock."""
    breakdown_s: NDArray[np.float64]
    """[asset, vehicle]."""

    @classmethod
    def none(cls, scene: HadrScene, state: ReliefState) -> DayEvents:
        return cls(
            np.inf,
            np.inf,
            np.zeros(scene.roads.links, dtype=bool),
            np.full(state.vehicle_down_until.shape, np.inf),
        )


def draw_events(scene: HadrScene, key: NDArray[np.uint64], day: int, shape: tuple[int, int]) -> DayEvents:
    """Today's disruptions for the replication with ``key`` (one row of the run's keys)."""
    keys = key.reshape(1, 2)
    start = day * _PER_DAY
    vehicles = shape[0] * shape[1]
    times = uniforms(keys, STREAM_EVENT_TIME, 2 + vehicles, start)[0] * scene.day_s
    weather = uniforms(keys, STREAM_WEATHER, 1, start)[0, 0] < scene.helicopter_weather_per_day
    shock = uniforms(keys, STREAM_AFTERSHOCK, 1, start)[0, 0] < scene.aftershock_per_day
    closes = uniforms(keys, STREAM_ROAD_CLOSES, scene.roads.links, start)[0] < scene.aftershock_closes_road
    broken = uniforms(keys, STREAM_BREAKDOWN, vehicles, start)[0] < scene.breakdown_per_vehicle_day
    return DayEvents(
        weather_s=float(times[0]) if weather else np.inf,
        aftershock_s=float(times[1]) if shock else np.inf,
        closes=closes & shock,
        breakdown_s=np.where(broken, times[2:], np.inf).reshape(shape),
    )


def plan_seed(key: NDArray[np.uint64], day: int) -> int:
    """PyVRP's seed for a day's plan, from the replication's stream (so plans are reproducible)."""
    return int(uniforms(key.reshape(1, 2), STREAM_PLAN_SEED, 1, day * _PER_DAY)[0, 0] * 2**31)


@dataclass(frozen=True)
class DayOutcome:
    delivered_units: NDArray[np.float64]
    """[site, commodity]."""
    first_delivery_s: NDArray[np.float64]
    """[site]: first delivery today, seconds into the working day (``inf``: none)."""
    delivered_kg: NDArray[np.float64]
    """[asset]."""
    tonne_km: NDArray[np.float64]
    sorties: NDArray[np.float64]
    km: NDArray[np.float64]


def execute_day(scene: HadrScene, state: ReliefState, plan: DayPlan, events: DayEvents) -> DayOutcome:
    """Run today's plan against today's events; update ``state`` to the next morning."""
    assets = scene.assets
    delivered = np.zeros(scene.need_units.shape)
    first = np.full(scene.sites, np.inf)
    kg_by_asset = np.zeros(len(assets))
    tonne_km = np.zeros(len(assets))
    sorties = np.zeros(len(assets))
    km = np.zeros(len(assets))
    closed_after = state.closed_links() | events.closes
    road_after, _ = scene.roads.travel(closed_after) if events.closes.any() else (plan.road_km, None)
    for trip in plan.trips:
        a = trip.asset
        stops_at = events.breakdown_s[a, trip.vehicle]
        if assets.types[a] is AssetType.HELICOPTER:
            stops_at = min(stops_at, events.weather_s)
        if trip.start_s >= stops_at:
            continue  # never left: its load stays in stock
        sorties[a] += 1
        on_board = trip.units.copy()
        place = trip.source
        reached_all = True
        for leg, stop in enumerate(trip.stops):
            target = scene.sources + stop.site
            cut = (
                assets.types[a] is AssetType.TRUCK
                and stop.arrive_s >= events.aftershock_s
                and road_after[place, target] > plan.road_km[place, target] + 1e-6
            )
            if stop.arrive_s >= stops_at or cut:
                reached_all = False
                break
            tonne_km[a] += float(on_board @ scene.kg_per_unit) / 1000 * trip.leg_km[leg]
            km[a] += trip.leg_km[leg]
            delivered[stop.site] += stop.units
            on_board -= stop.units
            kg_by_asset[a] += float(stop.units @ scene.kg_per_unit)
            first[stop.site] = min(first[stop.site], stop.arrive_s)
            place = target
        if reached_all:
            km[a] += trip.leg_km[-1]
        state.stock_units[trip.source] -= trip.units - np.maximum(on_board, 0.0)
    _advance(scene, state, delivered, events)
    return DayOutcome(delivered, first, kg_by_asset, tonne_km, sorties, km)


def coverage(scene: HadrScene, delivered: NDArray[np.float64]) -> NDArray[np.float64]:
    """[site]: share of the day's need met, the scarcest commodity deciding (1 where nothing is needed)."""
    need = scene.need_units
    ratio = np.divide(delivered, need, out=np.ones_like(delivered), where=need > 0)
    return np.minimum(1.0, ratio.min(axis=1)) if need.shape[1] else np.ones(scene.sites)


def _advance(
    scene: HadrScene,
    state: ReliefState,
    delivered: NDArray[np.float64],
    events: DayEvents,
) -> None:
    day = state.day
    state.deprivation_h += 24.0 * (1.0 - coverage(scene, delivered))
    in_service = np.zeros(state.vehicle_down_until.shape, dtype=bool)
    for a, vehicles in enumerate(state.serviceable(scene)):
        in_service[a, vehicles] = True
    broke = np.isfinite(events.breakdown_s) & in_service
    state.vehicle_down_until[broke] = day + scene.repair_days
    newly = events.closes & ~(state.link_closed_until >= day)
    state.link_closed_until[newly] = day + scene.closure_days
    state.day = day + 1
    state.stock_units += scene.resupply_units
