"""The base map shipped with jointex: Natural Earth land, borders and country names, read offline.

The data (``data/base-{10m,50m,110m}.npz``, see ``data/README.md``) is Natural Earth 4.1.0 as
redistributed by world-atlas 2.0.2, converted by ``scripts/vendor_base_map.py``. A scale is loaded once
per process (tens of milliseconds for 1:10m) and indexed; a map takes only what falls in its frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray

SCALES = ("10m", "50m", "110m")


@dataclass(frozen=True)
class _Layer:
    geometries: NDArray[Any]
    tree: shapely.STRtree


@dataclass(frozen=True)
class _World:
    land: _Layer
    borders: _Layer
    country_names: tuple[str, ...]
    country_points: NDArray[np.float64]


@dataclass(frozen=True)
class BaseMap:
    """What the base map holds inside one frame (lon_min, lat_min, lon_max, lat_max)."""

    scale: str
    land: Any
    """A shapely (multi)polygon of the land in the frame, clipped to it."""
    borders: Any
    """A shapely (multi)line of the land borders between countries in the frame."""
    countries: tuple[tuple[str, float, float], ...]
    """(name, lon, lat) of the countries whose label point is in the frame."""


def scale_for(width_deg: float, height_deg: float) -> str:
    """1:10m for a frame up to 20 degrees across (an island group, the Baltic states), 1:50m up to 70,
    else 1:110m."""
    span = max(width_deg, height_deg)
    return "10m" if span <= 20 else "50m" if span <= 70 else "110m"


def _decode(data: Any, prefix: str) -> tuple[NDArray[np.float64], NDArray[np.int64], NDArray[np.int64]]:
    deltas = data[f"{prefix}_coords"].astype(np.int64)
    ring_offsets = data[f"{prefix}_ring_offsets"]
    totals = np.cumsum(deltas, axis=0)
    starts = np.repeat(ring_offsets[:-1], np.diff(ring_offsets))
    before = np.vstack([np.zeros((1, 2), dtype=np.int64), totals])[starts]
    coords = (totals - before) * data["scale"] + data["translate"]
    return coords, ring_offsets, data[f"{prefix}_part_offsets"]


@cache
def _world(scale: str) -> _World:
    if scale not in SCALES:
        raise ValueError(f"no base map at scale {scale}; expected one of {SCALES}")
    source = resources.files("jointex.render.maps").joinpath("data", f"base-{scale}.npz")
    with source.open("rb") as stream, np.load(stream) as data:
        coords, rings, polygons = _decode(data, "land")
        land = shapely.from_ragged_array(shapely.GeometryType.POLYGON, coords, (rings, polygons))
        coords, lines, _ = _decode(data, "border")
        borders = shapely.from_ragged_array(shapely.GeometryType.LINESTRING, coords, (lines,))
        names = tuple(str(n) for n in data["country_names"])
        points = data["country_points"].astype(np.float64)
    return _World(
        _Layer(land, shapely.STRtree(land)), _Layer(borders, shapely.STRtree(borders)), names, points
    )


def _clipped(layer: _Layer, frame: tuple[float, float, float, float]) -> Any:
    found = layer.tree.query(shapely.box(*frame))
    parts = shapely.clip_by_rect(layer.geometries[found], *frame)
    parts = parts[~shapely.is_empty(parts)]
    return shapely.union_all(parts) if len(parts) else shapely.GeometryCollection()


@cache
def base_map(frame: tuple[float, float, float, float], scale: str | None = None) -> BaseMap:
    """The land, borders and country label points inside ``frame`` (lon_min, lat_min, lon_max, lat_max),
    at ``scale`` (default: `scale_for` the frame)."""
    lon_min, lat_min, lon_max, lat_max = frame
    chosen = scale or scale_for(lon_max - lon_min, lat_max - lat_min)
    world = _world(chosen)
    points = world.country_points
    inside = (
        (points[:, 0] >= lon_min)
        & (points[:, 0] <= lon_max)
        & (points[:, 1] >= lat_min)
        & (points[:, 1] <= lat_max)
    )
    countries = tuple(
        (world.country_names[i], float(points[i, 0]), float(points[i, 1])) for i in np.flatnonzero(inside)
    )
    return BaseMap(chosen, _clipped(world.land, frame), _clipped(world.borders, frame), countries)
