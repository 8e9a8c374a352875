"""Flight paths and the time windows in which a sensor can see, or a shooter can hit, a threat.

Positions are projected onto a local plane (equirectangular about the centre of the vignette, in km),
accurate to well under 1% over the few hundred kilometres of an air defence fight. Threats fly straight
from launch point to target at constant speed, so the distance to a sensor or shooter is a quadratic in
time and every window is found exactly by solving it: no time step is involved.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from jointex.model import GeoPoint

EARTH_RADIUS_KM = 6371.0088


def project_km(points: Sequence[GeoPoint]) -> NDArray[np.float64]:
    """``[k, (x_km, y_km)]``: east and north of the points' centre."""
    lat = np.radians([p.lat_deg for p in points])
    lon = np.radians([p.lon_deg for p in points])
    lat0, lon0 = lat.mean(), lon.mean()
    return np.column_stack((EARTH_RADIUS_KM * (lon - lon0) * math.cos(lat0), EARTH_RADIUS_KM * (lat - lat0)))


def radar_horizon_km(
    antenna_height_m: NDArray[np.float64], target_height_m: NDArray[np.float64]
) -> NDArray[np.float64]:
    """Distance to the radar horizon with the 4/3-Earth refraction model: 4.12 (sqrt(h1) + sqrt(h2)) km."""
    horizon: NDArray[np.float64] = 4.12 * (np.sqrt(antenna_height_m) + np.sqrt(target_height_m))
    return horizon


def range_windows(
    start_km: NDArray[np.float64],
    heading: NDArray[np.float64],
    length_km: NDArray[np.float64],
    centre_km: NDArray[np.float64],
    radius_km: NDArray[np.float64],
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Distances flown ``[threat, site]`` at which each threat enters and leaves each site's circle.

    ``start_km`` and ``heading`` (unit vectors) are ``[threat, 2]``, ``centre_km`` ``[site, 2]``,
    ``radius_km`` ``[threat, site]``. Both bounds are clipped to the path ``[0, length]``; a pair that
    never comes within range gets ``enter > leave`` (both NaN-free, ``enter = inf``).
    """
    offset = start_km[:, None, :] - centre_km[None, :, :]
    along = np.einsum("tsk,tk->ts", offset, heading)
    square = np.einsum("tsk,tsk->ts", offset, offset)
    discriminant = along * along - (square - radius_km * radius_km)
    root = np.sqrt(np.maximum(discriminant, 0.0))
    enter = np.maximum(-along - root, 0.0)
    leave = np.minimum(-along + root, length_km[:, None])
    never = (discriminant < 0) | (radius_km <= 0) | (enter > leave)
    enter[never] = np.inf
    leave[never] = -np.inf
    return enter, leave
