"""The day's routing problem in PyVRP's terms: deliveries (lots) as optional clients with prizes, one
vehicle type per asset, and per asset a routing profile in which every leg it cannot fly or drive on a
trip within its range is priced out of reach."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyvrp
from numpy.typing import NDArray

from jointex.rehearse.vignettes.hadr.allocate import site_weights
from jointex.rehearse.vignettes.hadr.scene import HadrScene

DISTANCE_UNIT_M = 10
"""Routing distances are in units of 10 m, so that a cost of 1 per unit is 1 cent per 10 m = 1 USD per km:
costs and prizes are in US cents, well below PyVRP's largest penalty (1e5 per kg or second over)."""
FORBIDDEN = 10**12
"""Distance that prices an edge out of any plan: 1e10 USD, above any prize."""
FORBIDDEN_S = 10**8
"""Duration of such an edge: years, so any route over it is late; small enough that the time-warp
penalty (cents per second, `plan.relief_penalties`) times it stays far from int64's limit."""
MIN_RELATIVE_WEIGHT = 0.02
"""Floor of a site's weight relative to the most deprived, so that spare lift still serves it."""
RANGE_TOLERANCE_KM = 1e-9

Travel = tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.bool_]]
"""(km, seconds, usable place mask) of one asset today."""


@dataclass(frozen=True)
class Lot:
    site: int
    units: NDArray[np.float64]
    kg: float
    litres: float


@dataclass
class RoutingProblem:
    """PyVRP's data and, per vehicle type (= routing profile), what the range checks need."""

    data: pyvrp.ProblemData
    km: list[NDArray[np.float64]]
    """[profile][place, place]: the distances the trips' legs are measured with."""
    allowed: list[NDArray[np.bool_]]
    """[profile][place, place]: legs the asset may use (the others cost `FORBIDDEN`)."""
    range_km: list[float]
    lot_units: NDArray[np.float64]
    """[client, commodity]: what each delivery carries."""
    stock_units: NDArray[np.float64]
    """[source, commodity] at the start of the day."""
    throughput_kg: NDArray[np.float64]
    """[source]: what a source can load in a day."""
    kg_per_unit: NDArray[np.float64]

    def forbid(self, legs: set[tuple[int, int, int]]) -> None:
        """Price the legs ``(profile, from place, to place)`` out of reach."""
        distances: list[Any] = [np.array(m) for m in self.data.distance_matrices()]
        durations: list[Any] = [np.array(m) for m in self.data.duration_matrices()]
        for profile, a, b in legs:
            self.allowed[profile][a, b] = False
            distances[profile][a, b] = FORBIDDEN
            durations[profile][a, b] = FORBIDDEN_S
        self.data = self.data.replace(distance_matrices=distances, duration_matrices=durations)


def split_lots(
    scene: HadrScene, allocated: NDArray[np.float64], active: list[int], travel: dict[int, Travel]
) -> list[Lot]:
    """Split each site's allocation into deliveries a vehicle that reaches it can carry."""
    assets = scene.assets
    lots: list[Lot] = []
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
        lots.extend(Lot(site, lot_units, kg * scale, litres * scale) for _ in range(n))
    return lots


def legs_within_range(
    km: NDArray[np.float64], loads: NDArray[np.bool_], range_km: float
) -> NDArray[np.bool_]:
    """``[place, place]``: legs that lie on at least one trip within ``range_km``.

    A trip loads at a source the asset ``loads`` at, visits sites and ends at such a source. Leg a -> b
    is kept when the shortest trip through it (from the loading source nearest to a, and from b to the
    nearest) is within range, so a one- or two-stop trip made of kept legs is within range when it loads
    at the source nearest its first stop and ends at the one nearest its last (always, for an asset with
    one source); other trips may still not be, which the plan checks after solving (`ranges.py`).
    """
    sources = len(loads)
    out_km = km[:sources][loads].min(axis=0)  # [place]: from the nearest loading source
    back_km = km[:, :sources][:, loads].min(axis=1)  # [place]: to the nearest loading source
    return np.asarray(out_km[:, None] + km + back_km[None, :] <= range_km + RANGE_TOLERANCE_KM)


def routing_problem(
    scene: HadrScene,
    stock_units: NDArray[np.float64],
    deprivation_h: NDArray[np.float64],
    lots: list[Lot],
    active: list[int],
    vehicles: list[list[int]],
    travel: dict[int, Travel],
) -> RoutingProblem:
    """One optional client per lot (prize: value x kg x the site's relative weight), one vehicle type
    and routing profile per active asset."""
    places = scene.sources + scene.sites
    assets = scene.assets
    weights = site_weights(scene.priority, deprivation_h, scene.planning.deprivation_growth_per_h)
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
    kms: list[NDArray[np.float64]] = []
    allowed: list[NDArray[np.bool_]] = []
    for profile, a in enumerate(active):
        km, seconds, usable = travel[a]
        loads = assets.loads_at[a]
        ok = usable[:, None] & usable[None, :] & np.isfinite(km)
        ok &= legs_within_range(np.where(ok, km, np.inf), loads, float(assets.range_km[a]))
        np.fill_diagonal(ok, True)
        kms.append(km)
        allowed.append(ok)
        distances.append(
            np.where(ok, np.round(np.where(ok, km, 0) * 1000 / DISTANCE_UNIT_M), FORBIDDEN).astype(np.int64)
        )
        durations.append(np.where(ok, np.round(np.where(ok, seconds, 0)), FORBIDDEN_S).astype(np.int64))
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
                reload_depots=[int(s) for s in np.flatnonzero(loads)],
                max_reloads=scene.planning.max_trips_per_day - 1,
            )
        )
    data = pyvrp.ProblemData(locations, clients, depots, vehicle_types, distances, durations)
    return RoutingProblem(
        data,
        kms,
        allowed,
        [float(assets.range_km[a]) for a in active],
        lot_units=np.array([lot.units for lot in lots]).reshape(len(lots), -1),
        stock_units=stock_units.copy(),
        throughput_kg=scene.throughput_kg,
        kg_per_unit=scene.kg_per_unit,
    )
