"""The IAMSAR search patterns as tracks: parallel sweep (PS), expanding square (SS) and sector (VS).

A pattern is laid over a search area and given the track length a unit has on scene; it returns the
unit's path (waypoints on the local plane, NM), at least that long, which `plan.fly` cuts to time.

- **Parallel sweep**: straight legs along the area's major axis, ``S`` apart, the first and last ``S/2``
  inside its edges, flown alternately up and down (so that with S equal to the sweep width W the swept
  strips tile the area, and never reach beyond it); crossing legs join them. Over an area of cells (an optimal
  allocation's), each leg runs over the area's cells on its line. S is the widest spacing whose track
  fits the length on scene (the unit's effort spread evenly over the area), or the planner's.
- **Expanding square**: from the most probable position, legs of S, S, 2S, 2S, 3S... turning right,
  with S such that the square it covers has the area's size.
- **Sector**: from the most probable position, three equilateral triangles of side r turning right by
  120 degrees, each leg through the datum (nine legs of r), then the same pattern turned by 30 degrees;
  r is the radius of a circle of the area's size, at most a ninth of the track.

When a pattern is done before the time on scene is, the unit flies it again: a parallel sweep with its
legs between the first ones (S/2 across), a sector turned by a further 30 degrees, an expanding square
continued outwards.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

from jointex.model.sar import SearchPattern
from jointex.rehearse.vignettes.sar.drift import Grid, heading_vector

MAX_LINES = 4_000
SPACING_ROUNDS = 4


@dataclass(frozen=True)
class Area:
    """A search area on the local plane: a rectangle (``cells`` None) or the cells of a grid marked True,
    with the direction of its major axis (the legs of a parallel sweep) and its centre of search (the
    most probable position: where an expanding square or a sector starts)."""

    centre: tuple[float, float]
    heading_deg: float
    length_nm: float = 0.0
    width_nm: float = 0.0
    cells: NDArray[np.bool_] | None = None
    grid: Grid | None = None

    @property
    def area_nm2(self) -> float:
        if self.cells is not None and self.grid is not None:
            return float(self.cells.sum()) * self.grid.cell_area_nm2
        return self.length_nm * self.width_nm

    @cached_property
    def frame(self) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """Unit vectors along the legs and across them (to the right)."""
        along = heading_vector(self.heading_deg)
        return along, np.array([along[1], -along[0]])

    @cached_property
    def _cell_frame(self) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """(along, across) NM from the centre of each marked cell's centre."""
        assert self.cells is not None and self.grid is not None
        x, y = self.grid.centres()
        along, across = self.frame
        dx, dy = x[self.cells] - self.centre[0], y[self.cells] - self.centre[1]
        return dx * along[0] + dy * along[1], dx * across[0] + dy * across[1]

    @cached_property
    def extent_across(self) -> tuple[float, float]:
        """The area's reach across the legs, NM right of the centre."""
        if self.cells is None or self.grid is None:
            return -self.width_nm / 2, self.width_nm / 2
        _, v = self._cell_frame
        reach = self.grid.cell_nm * 0.5
        return float(v.min() - reach), float(v.max() + reach)

    def line_offsets(self, spacing_nm: float, offset_nm: float = 0.0) -> NDArray[np.float64]:
        """The across-track position of each leg line, NM right of the centre: ``spacing_nm`` apart,
        the first ``spacing/2 + offset`` inside the area's edge, none nearer the far edge than
        ``spacing/2`` (a last line that would be is moved in to that): swept strips stay in the area."""
        low, high = self.extent_across
        if spacing_nm >= high - low:
            return np.array([(low + high) / 2])
        count = min(max(math.ceil((high - low) / spacing_nm - 1e-9), 1), MAX_LINES)
        raw = low + spacing_nm / 2 + offset_nm + spacing_nm * np.arange(count)
        offsets: NDArray[np.float64] = np.unique(np.minimum(raw, high - spacing_nm / 2))
        return offsets

    def runs(self, offsets: NDArray[np.float64]) -> list[list[tuple[float, float]]]:
        """The stretches ``(u_start, u_end)`` (NM along the legs from the centre) of the area on each
        line at ``offsets`` across."""
        if self.cells is None or self.grid is None:
            return [[(-self.length_nm / 2, self.length_nm / 2)] for _ in offsets]
        grid = self.grid
        u, _ = self._cell_frame
        step = grid.cell_nm / 2
        samples = np.arange(u.min() - grid.cell_nm, u.max() + grid.cell_nm + step, step)
        along, across = self.frame
        points = (
            np.array(self.centre)[None, None, :]
            + samples[None, :, None] * along[None, None, :]
            + offsets[:, None, None] * across[None, None, :]
        ).reshape(-1, 2)
        row, column, inside = grid.cell_of(points)
        hit = np.zeros(len(points), dtype=bool)
        hit[inside] = self.cells[row[inside], column[inside]]
        hits = hit.reshape(len(offsets), len(samples)).astype(np.int8)
        padded = np.pad(hits, ((0, 0), (1, 1)))
        changes = np.diff(padded, axis=1)
        runs: list[list[tuple[float, float]]] = []
        for line in range(len(offsets)):
            starts = np.flatnonzero(changes[line] == 1)
            stops = np.flatnonzero(changes[line] == -1)
            runs.append(
                [
                    (float(samples[a] - step / 2), float(samples[b - 1] + step / 2))
                    for a, b in zip(starts, stops, strict=True)
                ]
            )
        return runs


def path_length_nm(path: NDArray[np.float64]) -> float:
    return float(np.hypot(*np.diff(path, axis=0).T).sum()) if len(path) > 1 else 0.0


def _sweep_path(area: Area, spacing_nm: float, offset_nm: float = 0.0) -> NDArray[np.float64]:
    along, across = area.frame
    centre = np.array(area.centre)
    offsets = area.line_offsets(spacing_nm, offset_nm)
    ends: list[float] = []
    crosses: list[float] = []
    forward = True
    for offset, runs in zip(offsets, area.runs(offsets), strict=True):
        if not runs:
            continue
        line = [u for run in runs for u in run]
        ends.extend(line if forward else line[::-1])
        crosses.extend([offset] * len(line))
        forward = not forward
    if not ends:
        return centre[None, :]
    u, v = np.array(ends), np.array(crosses)
    path: NDArray[np.float64] = centre[None, :] + u[:, None] * along[None, :] + v[:, None] * across[None, :]
    return path


def parallel_sweep(area: Area, track_nm: float, spacing_nm: float | None = None) -> NDArray[np.float64]:
    """A parallel sweep over ``area``: with ``spacing_nm``, or at the spacing whose path is about
    ``track_nm`` long (the effort spread evenly); repeated (legs between the first ones) until the path
    is that long."""
    if spacing_nm is None:
        low, high = area.extent_across
        spacing_nm = max(area.area_nm2 / max(track_nm, 1e-9), (high - low) / MAX_LINES)
        for _ in range(SPACING_ROUNDS):  # the track is about area / spacing: a few corrections suffice
            length = path_length_nm(_sweep_path(area, spacing_nm))
            if length <= 0 or abs(length - track_nm) <= 0.02 * track_nm:
                break
            spacing_nm = max(spacing_nm * length / track_nm, (high - low) / MAX_LINES)
    path = _sweep_path(area, spacing_nm)
    passes = [path]
    total = path_length_nm(path)
    while total < track_nm and path_length_nm(path) > 0:
        offset = spacing_nm / 2 if len(passes) % 2 else 0.0
        again = _sweep_path(area, spacing_nm, offset)
        passes.append(again)
        total += path_length_nm(again) + float(np.hypot(*(again[0] - passes[-2][-1])))
    return np.vstack(passes)


def expanding_square(
    centre: tuple[float, float], heading_deg: float, spacing_nm: float, track_nm: float
) -> NDArray[np.float64]:
    """Legs of S, S, 2S, 2S, 3S... from ``centre``, the first towards ``heading_deg``, turning right."""
    points = [np.array(centre, dtype=float)]
    total, leg = 0.0, 0
    while total < track_nm and leg < 4 * MAX_LINES:
        length = spacing_nm * (leg // 2 + 1)
        points.append(points[-1] + length * heading_vector(heading_deg + 90.0 * leg))
        total += length
        leg += 1
    return np.array(points)


def sector(
    centre: tuple[float, float], heading_deg: float, radius_nm: float, track_nm: float
) -> NDArray[np.float64]:
    """Sector search: nine legs of ``radius_nm`` through ``centre`` per pattern, turned 30 degrees each
    time round."""
    datum = np.array(centre, dtype=float)
    points = [datum]
    total, turn = 0.0, 0
    while total < track_nm and turn < MAX_LINES:
        base = heading_deg + 30.0 * turn
        for triangle in range(3):
            h = base + 120.0 * triangle
            out = datum + radius_nm * heading_vector(h)
            across = out + radius_nm * heading_vector(h + 120.0)
            points.extend([out, across, datum])
        total += 9 * radius_nm
        turn += 1
    return np.array(points)


def pattern_path(
    pattern: SearchPattern, area: Area, track_nm: float, spacing_nm: float | None = None
) -> NDArray[np.float64]:
    """The path of ``pattern`` over ``area`` for ``track_nm`` of track (``spacing_nm``: the planner's
    track spacing of a parallel sweep or an expanding square; a sector's follows from its radius)."""
    if pattern is SearchPattern.PARALLEL_SWEEP:
        return parallel_sweep(area, track_nm, spacing_nm)
    size = max(area.area_nm2, 1e-6)
    if pattern is SearchPattern.EXPANDING_SQUARE:
        spacing = spacing_nm or max(size / track_nm, 1e-3)
        return expanding_square(area.centre, area.heading_deg, spacing, track_nm)
    radius = min(math.sqrt(size / math.pi), track_nm / 9)
    return sector(area.centre, area.heading_deg, max(radius, 1e-3), track_nm)
