"""The search plan: where each search unit searches, block by block, and the tracks it flies.

The blocks of time on scene (`scene.py`) are planned in order of their start, each on the probability
map as it then stands: the planning cases where the drift has carried them by the block's middle hour,
each weighted by the chance that every track planned so far missed it (the map after unsuccessful
search, as search planners update it). Two allocations are compared:

- ``optimal``: the block's effort (sweep width x track length) is allocated over the grid by Stone's
  water-filling for the exponential detection law (`allocate.stone_allocation`); the unit searches the
  cells that allocation gives effort to, with its pattern, its legs along the area's major axis, starting
  (expanding square, sector) at the most probable cell;
- ``uniform``: the unit spreads its effort evenly over the search area of the map before any search (the
  rectangle along the cases' principal axes holding their middle 90% on each axis at the block's middle
  hour), whatever was searched before.

A unit given an area by hand searches that area in either allocation, one pattern a sortie flown on
from block to block. Otherwise consecutive blocks of one sortie are joined by the unit's run from where
one ended to where the next begins, searching as it goes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from jointex.model.sar import ALLOCATIONS
from jointex.rehearse.vignettes.sar.allocate import stone_allocation
from jointex.rehearse.vignettes.sar.drift import bandwidth_nm
from jointex.rehearse.vignettes.sar.kernel import miss_probability
from jointex.rehearse.vignettes.sar.patterns import Area, pattern_path
from jointex.rehearse.vignettes.sar.scene import SarScene

OPTIMAL, UNIFORM = ALLOCATIONS
DRAWS_PER_UNIT = 1 << 24
"""Leg draws are numbered unit by unit, so that plans sharing a unit share its legs' draws."""
UNIFORM_QUANTILES = (5.0, 95.0)


@dataclass(frozen=True)
class SearchedArea:
    """What one block searched: its unit, hours, area and the path it flew (for the map)."""

    unit: int
    start_h: float
    end_h: float
    area: Area
    path: NDArray[np.float64]


@dataclass(frozen=True)
class SearchPlan:
    """Every leg of a plan, in order of their start: ``legs[k] = (x0, y0, x1, y1, t0, t1, sweep
    width)``."""

    allocation: str
    units: tuple[int, ...]
    legs: NDArray[np.float64]
    leg_unit: NDArray[np.intp]
    leg_draw: NDArray[np.int64]
    searched: tuple[SearchedArea, ...]
    effort_nm2: NDArray[np.float64]
    """[unit of the scene]: sweep width x track length flown on scene."""
    planned_pod: float
    """The share of the planning cases the plan is expected to find (survival aside)."""


def fly(
    path: NDArray[np.float64], start_h: float, end_h: float, speed_kn: float, sweep_width_nm: float
) -> NDArray[np.float64]:
    """``[leg, 7]``: the legs of ``path`` flown at ``speed_kn`` from ``start_h``, cut at ``end_h``."""
    if len(path) < 2:
        return np.zeros((0, 7))
    lengths = np.hypot(*np.diff(path, axis=0).T)
    reach_nm = speed_kn * (end_h - start_h)
    distance = np.concatenate([[0.0], np.cumsum(lengths)])
    keep = int(np.searchsorted(distance, reach_nm, side="left"))
    points = path[: keep + 1].copy()
    reached = distance[: keep + 1].copy()
    if keep < len(path) and reached[-1] > reach_nm:
        share = (reach_nm - distance[keep - 1]) / lengths[keep - 1]
        points[-1] = path[keep - 1] + share * (path[keep] - path[keep - 1])
        reached[-1] = reach_nm
    times = start_h + reached / speed_kn
    legs = np.column_stack(
        [points[:-1], points[1:], times[:-1], times[1:], np.full(len(points) - 1, sweep_width_nm)]
    )
    return legs[legs[:, 5] > legs[:, 4]]


def rest_of(path: NDArray[np.float64], distance_nm: float) -> NDArray[np.float64]:
    """The part of ``path`` after its first ``distance_nm``."""
    if len(path) < 2 or distance_nm <= 0:
        return path
    lengths = np.hypot(*np.diff(path, axis=0).T)
    reached = np.concatenate([[0.0], np.cumsum(lengths)])
    if distance_nm >= reached[-1]:
        return path[-1:]
    leg = int(np.searchsorted(reached, distance_nm, side="right")) - 1
    share = (distance_nm - reached[leg]) / lengths[leg] if lengths[leg] > 0 else 0.0
    start = path[leg] + share * (path[leg + 1] - path[leg])
    return np.vstack([start, path[leg + 1 :]])


def _heading(dx: NDArray[np.float64], dy: NDArray[np.float64], fallback_deg: float) -> float:
    """The direction (degrees true) of the major axis of points spread ``(dx, dy)`` about their centre."""
    if len(dx) < 2:
        return fallback_deg
    values, vectors = np.linalg.eigh(np.cov(np.vstack([dx, dy])))
    if values[1] - values[0] <= 1e-12 * max(values[1], 1e-300):
        return fallback_deg
    east, north = vectors[:, 1]
    return math.degrees(math.atan2(east, north)) % 180.0


def _drift_heading(scene: SarScene) -> float:
    east, north = scene.drift.mean_velocity_kn()
    return math.degrees(math.atan2(east, north)) % 360.0 if east or north else 0.0


def planning_factor(cells: int, bandwidth_cells: float) -> int:
    """How many grid cells wide an allocation cell is: the largest divisor of ``cells`` no wider than
    half the map's smoothing bandwidth (the map holds no detail finer than that)."""
    widest = max(1, int(bandwidth_cells / 2))
    return max(f for f in range(1, min(widest, cells) + 1) if cells % f == 0)


def optimal_area(scene: SarScene, weights: NDArray[np.float64], hour: float, effort_nm2: float) -> Area:
    """The cells Stone's allocation of ``effort_nm2`` gives effort to on the map at ``hour`` (allocated
    on cells as wide as the map's detail allows, `planning_factor`)."""
    grid = scene.grid
    xy = scene.drift.positions(scene.planning_p0, scene.planning_v, hour)
    if float(weights.sum()) <= 0:
        return uniform_area(scene, hour)
    bandwidth = bandwidth_nm(xy, weights)
    factor = planning_factor(grid.cells, float(bandwidth.min()) / grid.cell_nm)
    coarse = grid.coarsened(factor)
    containment = coarse.containment(xy, weights, bandwidth)
    if containment.max() <= 0:
        return uniform_area(scene, hour)
    coverage = stone_allocation(containment, effort_nm2 / coarse.cell_area_nm2)
    cells = np.kron(coverage > 0, np.ones((factor, factor), dtype=bool))
    x, y = grid.centres()
    row, column = np.unravel_index(int(np.argmax(containment)), containment.shape)
    centre = (
        float(x[row * factor + factor // 2, column * factor + factor // 2]),
        float(y[row * factor + factor // 2, column * factor + factor // 2]),
    )
    heading = _heading(x[cells] - x[cells].mean(), y[cells] - y[cells].mean(), _drift_heading(scene))
    return Area(centre, heading, cells=cells, grid=grid)


def uniform_area(scene: SarScene, hour: float) -> Area:
    """The rectangle holding the middle 90% of the planning cases on each principal axis at ``hour``."""
    xy = scene.drift.positions(scene.planning_p0, scene.planning_v, hour)
    mean = xy.mean(axis=0)
    heading = _heading(xy[:, 0] - mean[0], xy[:, 1] - mean[1], _drift_heading(scene))
    along = np.array([math.sin(math.radians(heading)), math.cos(math.radians(heading))])
    across = np.array([along[1], -along[0]])
    u, v = (xy - mean) @ along, (xy - mean) @ across
    (u_low, u_high), (v_low, v_high) = (
        np.percentile(u, UNIFORM_QUANTILES),
        np.percentile(v, UNIFORM_QUANTILES),
    )
    centre = mean + (u_low + u_high) / 2 * along + (v_low + v_high) / 2 * across
    cell = scene.grid.cell_nm
    return Area(
        (float(centre[0]), float(centre[1])),
        heading,
        max(float(u_high - u_low), cell),
        max(float(v_high - v_low), cell),
    )


def plan_search(scene: SarScene, allocation: str, units: tuple[int, ...] | None = None) -> SearchPlan:
    """The plan of ``allocation`` for the scene's ``units`` (default: all of them)."""
    if allocation not in ALLOCATIONS:
        raise ValueError(f"expected an allocation in {ALLOCATIONS}, got {allocation!r}")
    chosen = tuple(range(len(scene.units))) if units is None else units
    cases = len(scene.planning_p0)
    weights = np.full(cases, 1.0 / cases)
    legs_by_block: list[NDArray[np.float64]] = []
    owners: list[NDArray[np.intp]] = []
    searched: list[SearchedArea] = []
    last_point: dict[tuple[int, int], NDArray[np.float64]] = {}
    by_hand: dict[tuple[int, int], tuple[NDArray[np.float64], float]] = {}
    for block in scene.blocks:
        if block.unit not in chosen:
            continue
        unit = scene.units[block.unit]
        width = scene.sweep_width_at(unit, (block.start_h + block.end_h) / 2)
        if width <= 0:
            continue
        track = unit.search_speed_kn * (block.end_h - block.start_h)
        middle = (block.start_h + block.end_h) / 2
        sortie = (block.unit, block.sortie)
        if unit.area is not None:  # an area by hand: one pattern a sortie, flown on from block to block
            area = unit.area
            if sortie not in by_hand:
                hours = sum(b.end_h - b.start_h for b in scene.blocks if (b.unit, b.sortie) == sortie)
                by_hand[sortie] = (
                    pattern_path(unit.pattern, area, unit.search_speed_kn * hours, unit.track_spacing_nm),
                    0.0,
                )
            whole, flown = by_hand[sortie]
            path = rest_of(whole, flown)
            by_hand[sortie] = (whole, flown + track)
        else:
            if allocation == OPTIMAL:
                area = optimal_area(scene, weights, middle, width * track)
            else:
                area = uniform_area(scene, middle)
            path = pattern_path(unit.pattern, area, track, unit.track_spacing_nm)
            previous = last_point.get(sortie)
            if previous is not None:
                path = np.vstack([previous, path])
        legs = fly(path, block.start_h, block.end_h, unit.search_speed_kn, width)
        if len(legs) == 0:
            continue
        last_point[sortie] = legs[-1, 2:4]
        weights = weights * miss_probability(
            scene.planning_p0, scene.planning_v, scene.drift.lkp_h, legs, scene.definite
        )
        legs_by_block.append(legs)
        owners.append(np.full(len(legs), block.unit, dtype=np.intp))
        flown_path = np.vstack([legs[:, 0:2], legs[-1:, 2:4]])
        searched.append(SearchedArea(block.unit, block.start_h, block.end_h, area, flown_path))
    return _assemble(scene, allocation, chosen, legs_by_block, owners, searched, float(1.0 - weights.sum()))


def _assemble(
    scene: SarScene,
    allocation: str,
    units: tuple[int, ...],
    legs_by_block: list[NDArray[np.float64]],
    owners: list[NDArray[np.intp]],
    searched: list[SearchedArea],
    planned_pod: float,
) -> SearchPlan:
    legs = np.vstack(legs_by_block) if legs_by_block else np.zeros((0, 7))
    unit = np.concatenate(owners) if owners else np.zeros(0, dtype=np.intp)
    ordinal = np.zeros(len(unit), dtype=np.int64)
    for u in np.unique(unit):
        mine = unit == u
        ordinal[mine] = np.arange(int(mine.sum()))
    draw = unit.astype(np.int64) * DRAWS_PER_UNIT + ordinal
    order = np.argsort(legs[:, 4], kind="stable")
    effort = np.zeros(len(scene.units))
    np.add.at(effort, unit, legs[:, 6] * np.hypot(legs[:, 2] - legs[:, 0], legs[:, 3] - legs[:, 1]))
    return SearchPlan(
        allocation, units, legs[order], unit[order], draw[order], tuple(searched), effort, planned_pod
    )
