"""Distances and circles on the Earth (a sphere of mean radius: within 0.5 % of the ellipsoid, finer than
a planning map is read)."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

EARTH_RADIUS_KM = 6_371.0088
KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180


def circle(lat_deg: float, lon_deg: float, radius_km: float, points: int = 96) -> NDArray[np.float64]:
    """``[point, (lon, lat)]``: the closed circle of ``radius_km`` around a place (a range ring)."""
    lat, lon = math.radians(lat_deg), math.radians(lon_deg)
    angular = radius_km / EARTH_RADIUS_KM
    bearing = np.linspace(0.0, 2 * math.pi, points + 1)
    lat2 = np.arcsin(math.sin(lat) * math.cos(angular) + math.cos(lat) * math.sin(angular) * np.cos(bearing))
    lon2 = lon + np.arctan2(
        np.sin(bearing) * math.sin(angular) * math.cos(lat),
        math.cos(angular) - math.sin(lat) * np.sin(lat2),
    )
    return np.column_stack([np.degrees(lon2), np.degrees(lat2)])


def km_per_degree_lon(lat_deg: float) -> float:
    return KM_PER_DEGREE * math.cos(math.radians(lat_deg))
