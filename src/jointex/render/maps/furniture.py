"""What every map has around its content: the base map (land, coastline, borders), the graticule with
degree labels, the scale bar and the north arrow, each put where it covers fewest of the map's points."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import shapely
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch, Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.patheffects import withStroke
from numpy.typing import NDArray

from jointex.render.maps import style
from jointex.render.maps.basemap import BaseMap
from jointex.render.maps.frame import Frame, degree_label, graticule_step, graticule_ticks, scale_bar_km
from jointex.render.maps.geodesy import km_per_degree_lon
from jointex.render.maps.placement import Placer

HALO = [withStroke(linewidth=2.2, foreground="white")]
"""A white outline that keeps text legible over lines and fills."""


def draw_furniture(
    axes: Any, frame: Frame, placer: Placer, renderer: Any, points: Sequence[tuple[float, float]]
) -> None:
    """The scale bar and the north arrow, each in the corner of the map with fewest of ``points``
    (lower left and upper right when free), kept clear of labels."""
    fractions = np.array(
        [
            (
                (lon - frame.lon_min) / (frame.lon_max - frame.lon_min),
                (lat - frame.lat_min) / (frame.lat_max - frame.lat_min),
            )
            for lon, lat in points
        ]
    ).reshape(-1, 2)
    length_km = scale_bar_km(frame.width_km)
    bar_fraction = length_km / frame.width_km
    bar_corner = _emptiest(fractions, (0.1 + bar_fraction, 0.12), ("lower left", "lower right", "upper left"))
    left = bar_corner.endswith("left")
    x0 = 0.035 if left else 0.965 - 0.03 - bar_fraction
    y0 = 0.055 if bar_corner.startswith("lower") else 0.91
    lat = frame.lat_min + y0 * (frame.lat_max - frame.lat_min)
    lon0 = frame.lon_min + x0 * (frame.lon_max - frame.lon_min)
    span = length_km / km_per_degree_lon(lat)
    bar_h = 0.008 * (frame.lat_max - frame.lat_min)
    artists = []
    for i, colour in enumerate(("#212121", "white", "#212121", "white")):
        artists.append(
            axes.add_patch(
                Rectangle(
                    (lon0 + i * span / 4, lat),
                    span / 4,
                    bar_h,
                    facecolor=colour,
                    edgecolor="#212121",
                    linewidth=0.6,
                    zorder=9,
                )
            )
        )
    ticks = [(0.0, "0"), (0.5, f"{length_km / 2:g}"), (1.0, f"{length_km:g} km")]
    if bar_fraction * axes.bbox.width < style.LAYOUT_DPI:  # under an inch: the middle figure would crowd
        del ticks[1]
    for fraction, text in ticks:
        artists.append(
            axes.text(
                lon0 + fraction * span,
                lat + 2.2 * bar_h,
                text,
                fontsize=style.TICK_PT,
                ha="center",
                va="bottom",
                zorder=9,
                path_effects=HALO,
            )
        )
    boxes = np.array([a.get_window_extent(renderer).extents for a in artists])
    placer.block(
        (boxes[:, 0].min() - 4, boxes[:, 1].min() - 4, boxes[:, 2].max() + 12, boxes[:, 3].max() + 3)
    )
    arrow_corners = [c for c in ("upper right", "upper left", "lower right", "lower left") if c != bar_corner]
    arrow_corner = _emptiest(fractions, (0.08, 0.16), tuple(arrow_corners))
    x = 0.955 if arrow_corner.endswith("right") else 0.045
    top = 0.965 if arrow_corner.startswith("upper") else 0.16
    arrow = axes.annotate(
        "N",
        xy=(x, top),
        xytext=(x, top - 0.08),
        xycoords="axes fraction",
        ha="center",
        va="top",
        fontsize=10,
        fontweight="bold",
        zorder=9,
        path_effects=HALO,
        arrowprops={"arrowstyle": "-|>,head_width=0.35,head_length=0.7", "color": "#212121", "lw": 1.4},
    )
    extent = arrow.get_window_extent(renderer)
    x_top, y_top = axes.transAxes.transform((x, top))
    placer.block((min(extent.x0, x_top) - 6, extent.y0 - 3, max(extent.x1, x_top) + 6, y_top + 3))


def _emptiest(fractions: NDArray[np.float64], size: tuple[float, float], corners: tuple[str, ...]) -> str:
    """The corner (in order of preference) whose box of ``size`` (axes fractions) holds fewest points."""
    width, height = size

    def count(corner: str) -> int:
        xs = fractions[:, 0] if corner.endswith("left") else 1 - fractions[:, 0]
        ys = fractions[:, 1] if corner.startswith("lower") else 1 - fractions[:, 1]
        return int(((xs <= width) & (ys <= height)).sum())

    return min(corners, key=count)


def padded(frame: Frame) -> tuple[float, float, float, float]:
    """The frame with a little more around it, so that clipped land has no edge inside the map."""
    dx = 0.02 * (frame.lon_max - frame.lon_min)
    dy = 0.02 * (frame.lat_max - frame.lat_min)
    return (
        round(max(frame.lon_min - dx, -180.0), 4),
        round(max(frame.lat_min - dy, -90.0), 4),
        round(min(frame.lon_max + dx, 180.0), 4),
        round(min(frame.lat_max + dy, 90.0), 4),
    )


def _path(geometry: Any) -> MplPath | None:
    """A matplotlib path of (multi)polygons, holes included."""
    polygons = [g for g in shapely.get_parts(geometry) if g.geom_type == "Polygon" and not g.is_empty]
    if not polygons:
        return None
    rings = [np.asarray(r.coords) for p in polygons for r in (p.exterior, *p.interiors)]
    return MplPath.make_compound_path(*(MplPath(r, closed=True) for r in rings))


def draw_base(axes: Any, base: BaseMap) -> None:
    land = _path(base.land)
    if land is not None:
        axes.add_patch(PathPatch(land, facecolor=style.LAND, edgecolor=style.COAST, linewidth=0.6, zorder=1))
    for line in shapely.get_parts(base.borders):
        if line.geom_type == "LineString":
            xy = np.asarray(line.coords)
            axes.add_line(
                Line2D(
                    xy[:, 0],
                    xy[:, 1],
                    color=style.BORDER,
                    linewidth=0.9,
                    linestyle=(0, (6, 2, 1.5, 2)),
                    zorder=2,
                )
            )


def draw_graticule(axes: Any, frame: Frame) -> None:
    lon_step = graticule_step(frame.lon_max - frame.lon_min)
    lat_step = graticule_step(frame.lat_max - frame.lat_min)
    lons = graticule_ticks(frame.lon_min, frame.lon_max, lon_step)
    lats = graticule_ticks(frame.lat_min, frame.lat_max, lat_step)
    axes.set_xticks(lons, [degree_label(v, "E", "W") for v in lons])
    axes.set_yticks(lats, [degree_label(v, "N", "S") for v in lats])
    axes.tick_params(labelsize=style.TICK_PT, length=3, colors=style.MUTED, top=True, right=True)
    axes.grid(True, color=style.GRID, linewidth=0.4, alpha=0.8, zorder=1.5)
    axes.set_axisbelow(False)
    for spine in axes.spines.values():
        spine.set_linewidth(0.8)
        spine.set_color("#455a64")
