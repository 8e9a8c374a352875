"""Turn the Natural Earth TopoJSON of the npm package world-atlas into the base map jointex ships.

Run once when the base map is updated, from the repository root:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python scripts/vendor_base_map.py package/

It writes ``src/jointex/render/maps/data/base-{10m,50m,110m}.npz``: for each scale, the land polygons,
the land borders between countries (the arcs two countries share, so borders meet the coast exactly) and
a label point per country. Coordinates stay on world-atlas's integer grid (its ``transform`` turns them
into degrees), delta-encoded per ring or line, which compresses to a fraction of WKB's size; the map
reads them back with ``shapely.from_ragged_array`` (`jointex.render.maps.basemap`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import shapely

SCALES = ("10m", "50m", "110m")
OUT = Path(__file__).resolve().parents[1] / "src" / "jointex" / "render" / "maps" / "data"


def _arc(arcs: list[list[list[int]]], index: int) -> list[tuple[int, int]]:
    """The absolute grid points of an arc (TopoJSON delta-encodes them); a negative index reverses it."""
    points = np.cumsum(np.array(arcs[index if index >= 0 else ~index], dtype=np.int64), axis=0)
    ordered = points if index >= 0 else points[::-1]
    return [(int(x), int(y)) for x, y in ordered]


def _ring(arcs: list[list[list[int]]], indices: list[int]) -> list[tuple[int, int]]:
    ring: list[tuple[int, int]] = []
    for index in indices:
        points = _arc(arcs, index)
        ring.extend(points[1:] if ring else points)  # consecutive arcs share their end point
    return ring


def _polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def _rings(arcs: list[list[list[int]]], polygon: list[list[int]]) -> list[list[tuple[int, int]]]:
    """A polygon's rings on the grid, without the rings quantisation collapsed (fewer than 4 points);
    none when its outer ring collapsed (an islet smaller than the grid)."""
    rings = [_ring(arcs, ring) for ring in polygon]
    if len(rings[0]) < 4:
        return []
    return [ring for ring in rings if len(ring) >= 4]


def _ragged(parts: list[list[list[tuple[int, int]]]]) -> dict[str, np.ndarray]:
    """Polygons (each a list of rings) or lines (each one ring-like list) as delta-encoded ragged arrays."""
    coords: list[np.ndarray] = []
    ring_offsets, part_offsets = [0], [0]
    for rings in parts:
        for ring in rings:
            points = np.array(ring, dtype=np.int64)
            coords.append(np.diff(points, axis=0, prepend=np.zeros((1, 2), dtype=np.int64)))
            ring_offsets.append(ring_offsets[-1] + len(points))
        part_offsets.append(part_offsets[-1] + len(rings))
    return {
        "coords": np.concatenate(coords).astype(np.int32),
        "ring_offsets": np.array(ring_offsets, dtype=np.int64),
        "part_offsets": np.array(part_offsets, dtype=np.int64),
    }


def convert(topology: dict[str, Any]) -> dict[str, np.ndarray]:
    arcs = topology["arcs"]
    land = [
        rings
        for geometry in topology["objects"]["land"]["geometries"]
        for polygon in _polygons(geometry)
        if (rings := _rings(arcs, polygon))
    ]
    users: dict[int, set[int]] = {}
    countries = topology["objects"]["countries"]["geometries"]
    for number, country in enumerate(countries):
        for polygon in _polygons(country):
            for ring in polygon:
                for index in ring:
                    users.setdefault(index if index >= 0 else ~index, set()).add(number)
    borders = [[_arc(arcs, index)] for index, who in sorted(users.items()) if len(who) > 1]
    scale = np.array(topology["transform"]["scale"], dtype=np.float64)
    translate = np.array(topology["transform"]["translate"], dtype=np.float64)
    names, points = [], []
    for country in countries:
        shapes = [
            shapely.Polygon(
                np.array(rings[0]) * scale + translate,
                [np.array(hole) * scale + translate for hole in rings[1:]],
            )
            for polygon in _polygons(country)
            if (rings := _rings(arcs, polygon))
        ]
        if not shapes or not country.get("properties", {}).get("name"):
            continue
        largest = max(shapes, key=lambda s: s.area)
        point = largest.representative_point()
        names.append(country["properties"]["name"])
        points.append((point.x, point.y))
    land_arrays = _ragged(land)
    border_arrays = _ragged(borders)
    return {
        "scale": scale,
        "translate": translate,
        **{f"land_{key}": value for key, value in land_arrays.items()},
        **{f"border_{key}": value for key, value in border_arrays.items()},
        "country_names": np.array(names),
        "country_points": np.array(points, dtype=np.float32),
    }


def main(folder: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for scale in SCALES:
        topology = json.loads((Path(folder) / f"countries-{scale}.json").read_text(encoding="utf-8"))
        target = OUT / f"base-{scale}.npz"
        np.savez_compressed(target, **convert(topology))
        print(f"{target}: {target.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "package")
