"""Distances and circles on the Earth, on the WGS 84 ellipsoid: range rings from pyproj's geodesics, the
length of a degree of longitude from the ellipsoid's radius of the parallel (every map needs it for its
scale; only rings need pyproj, about 0.1 s to load)."""

from __future__ import annotations

import math
from functools import cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

WGS84_SEMI_MAJOR_AXIS_KM = 6378.137
WGS84_FLATTENING = 1 / 298.257223563


@cache
def _wgs84() -> Any:
    from pyproj import Geod

    return Geod(ellps="WGS84")


def circle(lat_deg: float, lon_deg: float, radius_km: float, points: int = 96) -> NDArray[np.float64]:
    """``[point, (lon, lat)]``: the closed circle of ``radius_km`` around a place (a range ring), the
    points where the geodesics of that length from the place end, every 360/``points`` degrees of
    bearing."""
    bearing = np.linspace(0.0, 360.0, points + 1)
    lon, lat, _ = _wgs84().fwd(
        np.full(points + 1, lon_deg),
        np.full(points + 1, lat_deg),
        bearing,
        np.full(points + 1, radius_km * 1e3),
    )
    return np.column_stack([lon, lat]).astype(np.float64)


def km_per_degree_lon(lat_deg: float) -> float:
    """Length of one degree of longitude along the parallel at ``lat_deg``, km: the parallel's radius on
    the WGS 84 ellipsoid, a cos(lat) / sqrt(1 - e^2 sin^2(lat)), times pi / 180."""
    e2 = WGS84_FLATTENING * (2 - WGS84_FLATTENING)
    lat = math.radians(lat_deg)
    radius_km = WGS84_SEMI_MAJOR_AXIS_KM * math.cos(lat) / math.sqrt(1 - e2 * math.sin(lat) ** 2)
    return math.radians(radius_km)
