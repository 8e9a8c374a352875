"""Compile a search and rescue vignette of an exercise into its scene, once: the plane, the drift, the
grid, the search units with their sweep widths, and the stretches of time each spends on scene.

Times are hours from the start of the search (the vignette's start); the local clock is the scenario's
(``D+1 06:00`` starts at 06:00), which decides daylight. A unit's sorties follow one another from the
hour it is available: out from its base (the transit at its transit speed), on scene, back, and its
turnaround. A unit searching by eye flies only by day: it leaves so as to be on scene at first light
and leaves the scene at last light; a ship (no endurance) stays on scene to the end of the search,
searching by eye at night only as well as ``night_visual_factor`` allows. Time on scene is planned in
blocks of at most `BLOCK_H` hours, each a search of its own on the map as it then stands.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray
from pydantic import BaseModel

from jointex.errors import InputError
from jointex.model import Exercise, Vignette
from jointex.model.sar import (
    DetectionLaw,
    SarParameters,
    SearchAsset,
    SearchObjectType,
    SearchPattern,
    SearchPlatform,
    SensorKind,
)
from jointex.rehearse.engine.streams import replication_keys
from jointex.rehearse.vignettes.sar.drift import PLANNING_STREAM, DriftModel, Grid, Plane
from jointex.rehearse.vignettes.sar.patterns import Area
from jointex.rehearse.vignettes.sar.survival import survival_median_h
from jointex.rehearse.vignettes.sar.sweep_widths import TABLE_ALTITUDE_FT, sweep_width_nm

BLOCK_H = 1.0
"""The longest stretch of time on scene planned as one search (then re-planned on the map as it
stands, as a search mission coordinator re-tasks units through the day)."""
SHORTEST_SEARCH_H = 0.25
PLANNING_SEED = 7_211
"""Planning cases come from their own seed and stream: the plan never depends on a run's seed."""
GRID_MARGIN = 1.15


@dataclass(frozen=True)
class SearchUnit:
    """A search unit as the plan and the kernel need it."""

    id: str
    unit: str
    nation: str
    platform: SearchPlatform
    sensor: SensorKind
    pattern: SearchPattern
    search_speed_kn: float
    day_sweep_width_nm: float
    night_sweep_width_nm: float
    transit_nm: float
    area: Area | None
    track_spacing_nm: float | None


@dataclass(frozen=True)
class Block:
    """A stretch of one unit's time on scene, searched as one pattern."""

    unit: int
    sortie: int
    start_h: float
    end_h: float


@dataclass(frozen=True)
class SarScene:
    vignette_id: str
    vignette_name: str
    object_type: SearchObjectType
    plane: Plane
    drift: DriftModel
    grid: Grid
    window_h: float
    start_clock_h: float
    daylight_h: tuple[float, float]
    units: tuple[SearchUnit, ...]
    blocks: tuple[Block, ...]
    nations: tuple[str, ...]
    people: int
    survival_median_h: float
    survival_spread: float
    definite: bool
    planning_p0: NDArray[np.float64]
    planning_v: NDArray[np.float64]
    caveats: tuple[str, ...]

    @property
    def hours(self) -> int:
        """Whole hours of the search (the last one may be cut short)."""
        return max(1, math.ceil(self.window_h - 1e-9))

    def is_day(self, hour: float) -> bool:
        clock = (self.start_clock_h + hour + 1e-9) % 24.0  # first light itself is day, despite rounding
        return self.daylight_h[0] <= clock < self.daylight_h[1]

    def sweep_width_at(self, unit: SearchUnit, hour: float) -> float:
        if unit.sensor is SensorKind.VISUAL and not self.is_day(hour):
            return unit.night_sweep_width_nm
        return unit.day_sweep_width_nm

    def light_changes(self, start_h: float, end_h: float) -> list[float]:
        """The hours of first and last light strictly between ``start_h`` and ``end_h``."""
        changes = []
        for day in range(math.floor((self.start_clock_h + start_h) / 24) - 1, math.ceil(end_h / 24) + 2):
            for clock in self.daylight_h:
                hour = day * 24.0 + clock - self.start_clock_h
                if start_h < hour < end_h:
                    changes.append(hour)
        return sorted(changes)

    def next_first_light(self, hour: float) -> float:
        day = math.floor((self.start_clock_h + hour) / 24)
        first = day * 24.0 + self.daylight_h[0] - self.start_clock_h
        return first if first >= hour else first + 24.0


def parameters_of(vignette: Vignette) -> SarParameters:
    """The vignette's parameters as the SAR model (already typed once the exercise is read)."""
    given: Any = vignette.parameters
    if isinstance(given, SarParameters):
        return given
    return SarParameters.model_validate(given.model_dump() if isinstance(given, BaseModel) else given)


def compile_scene(exercise: Exercise, vignette: Vignette) -> SarScene:
    """The scene of ``vignette``; raises `InputError` when a search unit's base cannot be placed."""
    parameters = parameters_of(vignette)
    env = parameters.environment
    plane = Plane.at(parameters.datum.position)
    drift = DriftModel.of(parameters.datum, env.wind, env.current, parameters.search_object.drift)
    keys = replication_keys(PLANNING_SEED, 0, parameters.planning_particles)
    p0, v = drift.cases(keys, PLANNING_STREAM)
    window_h = vignette.duration.total_seconds() / 3600
    grid = _grid(parameters, plane, drift, p0, v, window_h)
    position = next((i for i, v in enumerate(exercise.vignettes) if v.id == vignette.id), 0)
    field: tuple[str | int, ...] = ("vignettes", position, "parameters", "assets")
    caveats: list[str] = []
    units = tuple(
        _unit(exercise, parameters, asset, plane, grid, (*field, i), caveats)
        for i, asset in enumerate(parameters.assets)
    )
    search_object = parameters.search_object
    scene = SarScene(
        vignette_id=vignette.id,
        vignette_name=vignette.name,
        object_type=search_object.type,
        plane=plane,
        drift=drift,
        grid=grid,
        window_h=window_h,
        start_clock_h=(vignette.start.total_seconds() / 3600) % 24.0,
        daylight_h=env.daylight_h,
        units=units,
        blocks=(),
        nations=tuple(sorted({u.nation for u in units})),
        people=search_object.people,
        survival_median_h=survival_median_h(search_object, parameters.survival, env.water_temperature_c),
        survival_spread=parameters.survival.spread,
        definite=parameters.detection is DetectionLaw.DEFINITE_RANGE,
        planning_p0=p0,
        planning_v=v,
        caveats=(),
    )
    blocks = [b for i, asset in enumerate(parameters.assets) for b in _blocks(scene, i, asset, caveats)]
    blocks.sort(key=lambda b: (b.start_h, b.unit))
    caveats.extend(_grid_caveats(scene))
    return replace(scene, blocks=tuple(blocks), caveats=tuple(caveats))


def _grid(
    parameters: SarParameters,
    plane: Plane,
    drift: DriftModel,
    p0: NDArray[np.float64],
    v: NDArray[np.float64],
    window_h: float,
) -> Grid:
    given = parameters.grid
    ends = np.vstack([drift.positions(p0, v, 0.0), drift.positions(p0, v, window_h)])
    low, high = np.percentile(ends, 0.5, axis=0), np.percentile(ends, 99.5, axis=0)
    centre = (
        plane.xy(given.centre) if given.centre else (float(low[0] + high[0]) / 2, float(low[1] + high[1]) / 2)
    )
    extent = given.extent_nm or float(GRID_MARGIN * max(high[0] - low[0], high[1] - low[1], 1.0))
    return Grid((float(centre[0]), float(centre[1])), extent, given.cells)


def _unit(
    exercise: Exercise,
    parameters: SarParameters,
    asset: SearchAsset,
    plane: Plane,
    grid: Grid,
    field: tuple[str | int, ...],
    caveats: list[str],
) -> SearchUnit:
    unit = exercise.units_by_id.get(asset.unit)
    if unit is None:
        raise InputError.single(
            f"search unit {asset.id}: the exercise has no unit {asset.unit!r}",
            field=(*field, "unit"),
            expected="the id of a unit taking part in the vignette",
        )
    base = asset.base or (unit.exercise_location.position if unit.exercise_location else None)
    if base is None and asset.transit_nm is None:
        raise InputError.single(
            f"search unit {asset.id}: unit {unit.id} has no exercise_location; give the asset a base "
            "or a transit_nm",
            field=(*field, "base"),
            expected="a position",
        )
    transit = asset.transit_nm
    if transit is None:
        assert base is not None
        x, y = plane.xy(base)
        transit = math.hypot(x - grid.centre_nm[0], y - grid.centre_nm[1])
    env = parameters.environment
    object_type = parameters.search_object.type
    width = asset.sweep_width_nm
    if width is None:
        width = sweep_width_nm(
            asset.platform, asset.sensor, object_type, env.visibility_nm, env.wind.speed_kn
        )
        table_ft = TABLE_ALTITUDE_FT.get(asset.platform)
        if asset.altitude_ft is not None and table_ft is not None and abs(asset.altitude_ft - table_ft) > 200:
            caveats.append(
                f"{asset.id} searches at {asset.altitude_ft:,.0f} ft; its sweep width is the table's for "
                f"{table_ft:,.0f} ft (give sweep_width_nm for another altitude)."
            )
    if width <= 0:
        caveats.append(
            f"{asset.id}'s {asset.sensor.value} cannot detect a {object_type.value.replace('_', ' ')} "
            "(sweep width 0): it searches in vain."
        )
    night = width * env.night_visual_factor if asset.sensor is SensorKind.VISUAL else width
    area = None
    if asset.area is not None:
        area = Area(
            plane.xy(asset.area.centre), asset.area.orientation_deg, asset.area.length_nm, asset.area.width_nm
        )
    return SearchUnit(
        id=asset.id,
        unit=unit.id,
        nation=unit.nation,
        platform=asset.platform,
        sensor=asset.sensor,
        pattern=asset.pattern,
        search_speed_kn=asset.search_speed_kn,
        day_sweep_width_nm=width,
        night_sweep_width_nm=night,
        transit_nm=transit,
        area=area,
        track_spacing_nm=asset.track_spacing_nm,
    )


def _blocks(scene: SarScene, index: int, asset: SearchAsset, caveats: list[str]) -> list[Block]:
    """The unit's sorties, each cut into blocks of at most `BLOCK_H` and at first and last light."""
    transit_h = scene.units[index].transit_nm / (asset.transit_speed_kn or asset.search_speed_kn)
    by_day = asset.sensor is SensorKind.VISUAL and asset.endurance_h is not None
    if asset.endurance_h is not None and asset.endurance_h <= 2 * transit_h + SHORTEST_SEARCH_H:
        caveats.append(
            f"{asset.id} cannot reach the search area and return within its endurance "
            f"({asset.endurance_h:g} h for {2 * transit_h:.1f} h of transit): it does not search."
        )
        return []
    sorties: list[tuple[float, float]] = []
    leave = asset.available_after_h
    while leave + transit_h < scene.window_h and (asset.sorties is None or len(sorties) < asset.sorties):
        if by_day and not scene.is_day(leave + transit_h):
            leave = scene.next_first_light(leave + transit_h) - transit_h
            continue
        on = leave + transit_h
        off = scene.window_h if asset.endurance_h is None else leave + asset.endurance_h - transit_h
        if by_day:
            changes = scene.light_changes(on, off)
            off = changes[0] if changes else off
        off = min(off, scene.window_h)
        if off - on >= SHORTEST_SEARCH_H:
            sorties.append((on, off))
        leave = off + transit_h + asset.turnaround_h
    if not sorties:
        caveats.append(f"{asset.id} reaches the search area too late to search.")
    blocks: list[Block] = []
    for sortie, (on, off) in enumerate(sorties):
        cuts = sorted({on, off, *scene.light_changes(on, off)})
        for start, end in itertools.pairwise(cuts):
            pieces = max(1, math.ceil((end - start) / BLOCK_H - 1e-9))
            edges = np.linspace(start, end, pieces + 1)
            blocks.extend(Block(index, sortie, float(a), float(b)) for a, b in itertools.pairwise(edges))
    return blocks


def _grid_caveats(scene: SarScene) -> list[str]:
    caveats = []
    for hour in (0.0, scene.window_h):
        xy = scene.drift.positions(scene.planning_p0, scene.planning_v, hour)
        _, _, inside = scene.grid.cell_of(xy)
        share = float(inside.mean())
        if share < 0.95:
            caveats.append(
                f"The grid holds only {100 * share:.0f}% of the drift cases at hour {hour:g}: widen "
                "grid.extent_nm or move grid.centre."
            )
    return caveats
