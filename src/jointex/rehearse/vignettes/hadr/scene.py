"""The relief vignette compiled once into arrays: sites, sources, commodities, assets and roads."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from jointex.errors import InputError
from jointex.model import Exercise, Vignette
from jointex.model.hadr import AssetType, HadrParameters, PlanningSettings, Site, SupplySource
from jointex.rehearse.vignettes.hadr.network import RoadNetwork, compile_roads


@dataclass(frozen=True)
class Assets:
    """One row per asset entry of the vignette (``count`` identical vehicles each)."""

    ids: tuple[str, ...]
    nations: tuple[str, ...]
    types: tuple[AssetType, ...]
    count: NDArray[np.int64]
    capacity_kg: NDArray[np.float64]
    capacity_litres: NDArray[np.float64]
    speed_kmh: NDArray[np.float64]
    range_km: NDArray[np.float64]
    duty_s: NDArray[np.float64]
    cost_per_km: NDArray[np.float64]
    first_day: NDArray[np.int64]
    """0-based first and last day in theatre."""
    last_day: NDArray[np.int64]
    loads_at: NDArray[np.bool_]
    """[asset, source]: the asset may load there (listed and the source has the asset's access)."""
    home: NDArray[np.int64]

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class HadrScene:
    """Everything the daily planner and the execution read; never changed by a replication."""

    vignette_id: str
    days: int
    site_ids: tuple[str, ...]
    site_names: tuple[str, ...]
    source_ids: tuple[str, ...]
    commodity_ids: tuple[str, ...]
    commodity_units: tuple[str, ...]
    lat_deg: NDArray[np.float64]
    """[place]: sources first, then sites."""
    lon_deg: NDArray[np.float64]
    population: NDArray[np.int64]
    priority: NDArray[np.float64]
    need_units: NDArray[np.int64]
    """[site, commodity]: daily need, whole units."""
    window_s: NDArray[np.float64]
    """[site, 2]: open and close, seconds from the start of the working day."""
    unload_s: NDArray[np.float64]
    site_access: NDArray[np.bool_]
    """[site, asset]: the site has the landing zone, airstrip, beach or road the asset needs."""
    kg_per_unit: NDArray[np.float64]
    litres_per_unit: NDArray[np.float64]
    stock_units: NDArray[np.float64]
    """[source, commodity] at the start."""
    resupply_units: NDArray[np.float64]
    throughput_kg: NDArray[np.float64]
    load_s: NDArray[np.float64]
    assets: Assets
    roads: RoadNetwork
    planning: PlanningSettings
    aftershock_per_day: float
    aftershock_closes_road: float
    closure_days: int
    helicopter_weather_per_day: float
    breakdown_per_vehicle_day: float
    repair_days: int

    @property
    def sources(self) -> int:
        return len(self.source_ids)

    @property
    def sites(self) -> int:
        return len(self.site_ids)

    @property
    def day_s(self) -> float:
        return self.planning.day_length_h * 3600

    @property
    def nations(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.assets.nations)))


def compile_scene(exercise: Exercise, vignette: Vignette) -> HadrScene:
    """Arrays of a HADR vignette. Raises `InputError` when an asset cannot load anywhere."""
    parameters = vignette.parameters_as(HadrParameters)
    units = {unit.id: unit for unit in exercise.units}
    sources, sites, commodities = parameters.sources, parameters.sites, parameters.commodities
    source_index = {s.id: i for i, s in enumerate(sources)}
    days = parameters.days or max(1, math.ceil(vignette.duration.total_seconds() / 86_400))
    places: list[SupplySource | Site] = [*sources, *sites]
    loads_at = np.zeros((len(parameters.assets), len(sources)), dtype=bool)
    home = np.zeros(len(parameters.assets), dtype=np.int64)
    for a, asset in enumerate(parameters.assets):
        usable = [
            source_index[s] for s in asset.sources if asset.type.access in sources[source_index[s]].access
        ]
        if not usable:
            raise InputError.single(
                f"asset {asset.id} ({asset.type.value}) cannot load at any of its sources "
                f"{list(asset.sources)}",
                field=("vignettes", vignette.id, "parameters", "assets", a, "sources"),
                expected=f"a source with {asset.type.access.value} access",
            )
        loads_at[a, usable] = True
        home[a] = usable[0]
    day_start = parameters.planning.day_start_h
    window = np.array(
        [[max(0.0, lo - day_start), max(0.0, hi - day_start)] for lo, hi in (s.window_h for s in sites)]
    )
    assets = parameters.assets
    first = [(a.available_days[0] - 1) if a.available_days else 0 for a in assets]
    last = [(a.available_days[1] - 1) if a.available_days else days - 1 for a in assets]
    return HadrScene(
        vignette_id=vignette.id,
        days=days,
        site_ids=tuple(s.id for s in sites),
        site_names=tuple(s.name or s.id for s in sites),
        source_ids=tuple(s.id for s in sources),
        commodity_ids=tuple(c.id for c in commodities),
        commodity_units=tuple(c.unit for c in commodities),
        lat_deg=np.array([p.position.lat_deg for p in places]),
        lon_deg=np.array([p.position.lon_deg for p in places]),
        population=np.array([s.population for s in sites], dtype=np.int64),
        priority=np.array([s.priority for s in sites], dtype=np.float64),
        need_units=np.array(
            [[round(parameters.need_per_day(s, c)) for c in commodities] for s in sites], dtype=np.int64
        ).reshape(len(sites), len(commodities)),
        window_s=window * 3600,
        unload_s=np.array([s.unload_min * 60 for s in sites]),
        site_access=np.array(
            [[a.type.access in s.access for a in assets] for s in sites], dtype=bool
        ).reshape(len(sites), len(assets)),
        kg_per_unit=np.array([c.kg_per_unit for c in commodities]),
        litres_per_unit=np.array([c.litres_per_unit for c in commodities]),
        stock_units=np.array([[s.stock.get(c.id, 0.0) for c in commodities] for s in sources]),
        resupply_units=np.array([[s.resupply_per_day.get(c.id, 0.0) for c in commodities] for s in sources]),
        throughput_kg=np.array([s.throughput_t_per_day * 1000 for s in sources]),
        load_s=np.array([s.load_min * 60 for s in sources]),
        assets=Assets(
            ids=tuple(a.id for a in assets),
            nations=tuple(units[a.unit].nation if a.unit in units else "UNK" for a in assets),
            types=tuple(a.type for a in assets),
            count=np.array([a.count for a in assets], dtype=np.int64),
            capacity_kg=np.array([a.capacity_kg for a in assets]),
            capacity_litres=np.array([a.capacity_litres for a in assets]),
            speed_kmh=np.array([a.speed_kmh for a in assets]),
            range_km=np.array([a.range_km for a in assets]),
            duty_s=np.array([a.crew_duty_h * 3600 for a in assets]),
            cost_per_km=np.array([a.cost_per_km for a in assets]),
            first_day=np.array(first, dtype=np.int64),
            last_day=np.array(last, dtype=np.int64),
            loads_at=loads_at,
            home=home,
        ),
        roads=compile_roads(parameters),
        planning=parameters.planning,
        aftershock_per_day=parameters.disruptions.aftershock_per_day,
        aftershock_closes_road=parameters.disruptions.aftershock_closes_road,
        closure_days=parameters.disruptions.closure_days,
        helicopter_weather_per_day=parameters.disruptions.helicopter_weather_per_day,
        breakdown_per_vehicle_day=parameters.disruptions.breakdown_per_vehicle_day,
        repair_days=parameters.disruptions.repair_days,
    )
