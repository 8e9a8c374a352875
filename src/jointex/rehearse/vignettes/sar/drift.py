"""Drift: where the search object goes, case by case, and the probability map it makes on the grid.

Positions are on a local plane in nautical miles, east and north of the last known position (LKP):
equirectangular, 60 NM to a degree of latitude, true to well under 1% over a search area.

A *case* is one possible truth: the object's position at the LKP (the LKP plus a circular normal error
of ``position_error_nm`` in each direction) and its drift velocity, held for the whole search: the
surface current (set and drift plus a normal error in each component) plus the leeway of the object in
the wind it had (wind speed and direction each with a normal error), downwind and to one side of it
(right or left with even chances, the leeway divergence), each with the normal error of its regression
(`jointex.model.sar.LEEWAY`); the errors are drawn once per case and held, as Breivik & Allen (2008) hold
them per particle. A case's position at hour t of the search is its LKP position plus its drift velocity
times the hours since the LKP: the object moves on a straight line.

Each replication of a rehearsal draws one case (the truth); the search plan is made on
``planning_particles`` cases drawn from other streams (what the planners can know). The probability
map at an hour is the planning cases' positions (weighted by how likely each still is after the search
so far) on the grid, smoothed by a Gaussian kernel of Silverman's bandwidth: each cell holds the
probability that the object is in it (its containment, POC); what falls off the grid is outside it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.ndimage import gaussian_filter
from scipy.special import ndtri

from jointex.model import GeoPoint
from jointex.model.sar import Current, Datum, Leeway, Wind
from jointex.rehearse.engine.streams import uniforms

NM_PER_DEGREE = 60.0
CM_S_PER_KNOT = 51.444444
"""One knot is 1,852 m an hour: 51.44 cm/s."""
MPS_PER_KNOT = 0.514444

TRUNCATE = 3.0
"""The smoothing kernel reaches three standard deviations."""
DRIFT_STREAM = 1
PLANNING_STREAM = 11
DRAWS = 9
"""Uniform numbers a case takes: position error (2), wind speed and direction, current (2), downwind
error, side of the divergence, crosswind error."""


@dataclass(frozen=True)
class Plane:
    """The local plane: NM east and north of ``origin`` (the LKP)."""

    lat0_deg: float
    lon0_deg: float

    @classmethod
    def at(cls, origin: GeoPoint) -> Plane:
        return cls(origin.lat_deg, origin.lon_deg)

    @property
    def _squeeze(self) -> float:
        return math.cos(math.radians(self.lat0_deg))

    def xy(self, point: GeoPoint) -> tuple[float, float]:
        x = (point.lon_deg - self.lon0_deg) * NM_PER_DEGREE * self._squeeze
        return x, (point.lat_deg - self.lat0_deg) * NM_PER_DEGREE

    def lon_lat(self, x_nm: NDArray[np.float64], y_nm: NDArray[np.float64]) -> NDArray[np.float64]:
        """``[k, (lon, lat)]`` of plane points."""
        lon = self.lon0_deg + np.asarray(x_nm) / (NM_PER_DEGREE * self._squeeze)
        lat = self.lat0_deg + np.asarray(y_nm) / NM_PER_DEGREE
        return np.column_stack([lon, lat])


def heading_vector(degrees_true: float | NDArray[np.float64]) -> NDArray[np.float64]:
    """``[..., (east, north)]``: the unit vector towards a direction in degrees true."""
    radians = np.radians(degrees_true)
    return np.stack([np.sin(radians), np.cos(radians)], axis=-1)


@dataclass(frozen=True)
class DriftModel:
    """Everything a case is drawn from."""

    lkp_h: float
    """Hours from the LKP to the start of the search."""
    position_error_nm: float
    wind: Wind
    current: Current
    leeway: Leeway

    @classmethod
    def of(cls, datum: Datum, wind: Wind, current: Current, leeway: Leeway) -> DriftModel:
        return cls(datum.hours_before_start, datum.position_error_nm, wind, current, leeway)

    def cases(
        self, keys: NDArray[np.uint64], stream: int = DRIFT_STREAM
    ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """``(p0, v)``, each ``[case, 2]``: the position at the LKP (NM) and the drift velocity (kn) of
        the case of each key."""
        u = np.clip(uniforms(keys, stream, DRAWS), 1e-16, 1 - 1e-16)
        z = ndtri(u)
        p0 = self.position_error_nm * z[:, 0:2]
        wind_kn = np.maximum(self.wind.speed_kn + self.wind.speed_sd_kn * z[:, 2], 0.0)
        wind_from = self.wind.from_deg + self.wind.direction_sd_deg * z[:, 3]
        current = (
            self.current.drift_kn * heading_vector(self.current.set_deg) + self.current.sd_kn * z[:, 4:6]
        )
        return p0, current + self._leeway_kn(wind_kn, wind_from, z[:, 6], u[:, 7], z[:, 8])

    def _leeway_kn(
        self,
        wind_kn: NDArray[np.float64],
        wind_from_deg: NDArray[np.float64],
        downwind_z: NDArray[np.float64],
        side_u: NDArray[np.float64],
        crosswind_z: NDArray[np.float64],
    ) -> NDArray[np.float64]:
        """The leeway velocity (kn) in the wind of each case: downwind plus crosswind to one side."""
        lw = self.leeway
        w10 = wind_kn * MPS_PER_KNOT  # a slope in % of W10 (m/s) gives cm/s
        downwind = lw.downwind_slope_pct * w10 + lw.downwind_offset_cms + lw.downwind_sd_cms * downwind_z
        right = side_u < 0.5
        crosswind = np.where(
            right,
            lw.right_slope_pct * w10 + lw.right_offset_cms + lw.right_sd_cms * crosswind_z,
            lw.left_slope_pct * w10 + lw.left_offset_cms + lw.left_sd_cms * crosswind_z,
        )
        downwind_heading = wind_from_deg + 180.0
        along = heading_vector(downwind_heading)
        to_right = heading_vector(downwind_heading + 90.0)
        velocity: NDArray[np.float64] = (
            downwind[:, None] * along + crosswind[:, None] * to_right
        ) / CM_S_PER_KNOT
        return velocity

    def mean_velocity_kn(self) -> NDArray[np.float64]:
        """The drift velocity without errors (the right and left leeway averaged)."""
        lw = self.leeway
        w10 = self.wind.speed_kn * MPS_PER_KNOT
        downwind = lw.downwind_slope_pct * w10 + lw.downwind_offset_cms
        crosswind = 0.5 * (lw.right_slope_pct + lw.left_slope_pct) * w10
        crosswind += 0.5 * (lw.right_offset_cms + lw.left_offset_cms)
        heading = self.wind.from_deg + 180.0
        leeway = (
            downwind * heading_vector(heading) + crosswind * heading_vector(heading + 90.0)
        ) / CM_S_PER_KNOT
        return self.current.drift_kn * heading_vector(self.current.set_deg) + leeway

    def positions(self, p0: NDArray[np.float64], v: NDArray[np.float64], hour: float) -> NDArray[np.float64]:
        """``[case, 2]``: where each case is at ``hour`` of the search."""
        position: NDArray[np.float64] = p0 + v * (hour + self.lkp_h)
        return position


@dataclass(frozen=True)
class Grid:
    """The square grid of the probability map: ``cells`` x ``cells`` cells of ``cell_nm``, rows south to
    north (``[row, column]`` = ``[y, x]``)."""

    centre_nm: tuple[float, float]
    extent_nm: float
    cells: int

    @property
    def cell_nm(self) -> float:
        return self.extent_nm / self.cells

    @property
    def cell_area_nm2(self) -> float:
        return self.cell_nm**2

    @property
    def x_min(self) -> float:
        return self.centre_nm[0] - self.extent_nm / 2

    @property
    def y_min(self) -> float:
        return self.centre_nm[1] - self.extent_nm / 2

    def centres(self) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """``(x, y)``, each ``[row, column]``: the centre of every cell."""
        steps = (np.arange(self.cells) + 0.5) * self.cell_nm
        return np.meshgrid(self.x_min + steps, self.y_min + steps)

    def cell_of(
        self, xy: NDArray[np.float64]
    ) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.bool_]]:
        """``(row, column, inside)`` of points ``[k, 2]``."""
        column = np.floor((xy[:, 0] - self.x_min) / self.cell_nm).astype(np.intp)
        row = np.floor((xy[:, 1] - self.y_min) / self.cell_nm).astype(np.intp)
        inside = (column >= 0) & (column < self.cells) & (row >= 0) & (row < self.cells)
        return row, column, inside

    def coarsened(self, factor: int) -> Grid:
        """The same square in cells ``factor`` times as wide (``factor`` divides ``cells``)."""
        if factor < 1 or self.cells % factor:
            raise ValueError(f"expected a factor dividing {self.cells}, got {factor}")
        return Grid(self.centre_nm, self.extent_nm, self.cells // factor)

    def containment(
        self,
        xy: NDArray[np.float64],
        weights: NDArray[np.float64],
        bandwidth: NDArray[np.float64] | None = None,
    ) -> NDArray[np.float64]:
        """``[row, column]``: the probability that the object is in each cell, from cases at ``xy`` with
        ``weights`` (summing to the probability that the object is still unfound), smoothed by a Gaussian
        kernel of ``bandwidth`` (NM east, north; default `bandwidth_nm`)."""
        found = np.zeros((self.cells, self.cells))
        row, column, inside = self.cell_of(xy)
        if float(weights.sum()) <= 0 or not inside.any():
            return found
        flat = np.bincount(row[inside] * self.cells + column[inside], weights[inside], self.cells**2)
        found = np.asarray(flat, dtype=np.float64).reshape(self.cells, self.cells)
        width = bandwidth_nm(xy, weights) if bandwidth is None else bandwidth
        sigma = (float(width[1] / self.cell_nm), float(width[0] / self.cell_nm))
        # smooth only the window the cases fill, with room for the kernel's reach: the same map, faster
        reach = (math.ceil(TRUNCATE * sigma[0]) + 1, math.ceil(TRUNCATE * sigma[1]) + 1)
        rows = slice(
            max(int(row[inside].min()) - reach[0], 0), min(int(row[inside].max()) + reach[0] + 1, self.cells)
        )
        columns = slice(
            max(int(column[inside].min()) - reach[1], 0),
            min(int(column[inside].max()) + reach[1] + 1, self.cells),
        )
        smoothed = np.zeros_like(found)
        smoothed[rows, columns] = gaussian_filter(
            found[rows, columns], sigma, mode="constant", truncate=TRUNCATE
        )
        return smoothed


def bandwidth_nm(xy: NDArray[np.float64], weights: NDArray[np.float64]) -> NDArray[np.float64]:
    """Silverman's rule of thumb in two dimensions, per axis: the weighted standard deviation times the
    effective number of cases to the power -1/6."""
    share = weights / float(weights.sum())
    effective = 1.0 / float(np.sum(share**2))
    mean = share @ xy
    sd = np.sqrt(np.maximum(share @ (xy - mean) ** 2, 0.0))
    width: NDArray[np.float64] = sd * effective ** (-1.0 / 6.0)
    return width
