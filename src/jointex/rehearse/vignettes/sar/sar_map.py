"""The map of a search and rescue vignette: the probability map, the search units' tracks and areas.

Over the base map (coastlines, borders): the containment probability of each grid cell at the search's
middle hour, before any search (darker: more likely); the last known position and the mean drift from
it to the end of the search; the outline of everything each nation's units search over the whole
search, and each unit's track over its first hour on scene (the shape of its pattern), coloured by
nation; and the search units' own units where they are based, as APP-6 symbols.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from jointex.model import Exercise, Label
from jointex.model.metrics.display import plural
from jointex.model.platform import Platform
from jointex.rehearse.vignettes.sar.patterns import Area
from jointex.rehearse.vignettes.sar.plan import SearchPlan
from jointex.rehearse.vignettes.sar.scene import SarScene
from jointex.render.maps import style
from jointex.render.maps.canvas import KeyEntry, MapCanvas
from jointex.render.maps.document import KeyRow, MapDocument
from jointex.render.maps.exercise import base_key, country_names, draw_units, off_map_note, unit_rows

DATUM_COLOUR = "#b71c1c"
PROBABILITY_MAP = "YlOrRd"
SHOWN_FROM = 1e-3
"""Cells below this share of the most likely cell's probability are left clear."""


def _cells(area: Area, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The grid cells (centres ``x``, ``y``) of a search area."""
    if area.cells is not None:
        return area.cells
    along, across = area.frame
    dx, dy = x - area.centre[0], y - area.centre[1]
    u, v = dx * along[0] + dy * along[1], dx * across[0] + dy * across[1]
    inside: np.ndarray = (np.abs(u) <= area.length_nm / 2) & (np.abs(v) <= area.width_nm / 2)
    return inside


def sar_map(
    scene: SarScene,
    plan: SearchPlan,
    exercise: Exercise,
    platforms: Mapping[str, Platform],
    label: Label,
    layout: style.Layout = style.SHEET,
) -> MapDocument:
    """The search of ``plan`` on the base map, marked ``label``, drawn at ``layout``'s size."""
    plane, grid = scene.plane, scene.grid
    corners = plane.lon_lat(
        np.array([grid.x_min, grid.x_min + grid.extent_nm]),
        np.array([grid.y_min, grid.y_min + grid.extent_nm]),
    )
    points = [(float(lon), float(lat)) for lon, lat in corners]
    for searched in plan.searched:
        lon_lat = plane.lon_lat(searched.path[:, 0], searched.path[:, 1])
        points += [(float(lon_lat[:, 0].min()), float(lon_lat[:, 1].min()))]
        points += [(float(lon_lat[:, 0].max()), float(lon_lat[:, 1].max()))]
    middle = scene.window_h / 2
    canvas = MapCanvas.start(
        scene.vignette_name,
        f"{scene.vignette_id} (SAR) · probability map at hour {middle:g} of the search (before searching), "
        f"search areas and tracks ({plan.allocation} allocation) · {plural(len(scene.units), 'search unit')}",
        label.marking,
        points,
        layout,
    )
    containment = grid.containment(
        scene.drift.positions(scene.planning_p0, scene.planning_v, middle),
        np.full(len(scene.planning_p0), 1.0 / len(scene.planning_p0)),
    )
    shown = np.ma.masked_less(containment, containment.max() * SHOWN_FROM)
    canvas.axes.imshow(
        shown,
        origin="lower",
        extent=(corners[0, 0], corners[1, 0], corners[0, 1], corners[1, 1]),
        cmap=PROBABILITY_MAP,
        alpha=0.75,
        zorder=2.5,
        interpolation="nearest",
        aspect="auto",
    )
    colours = style.nation_colours(scene.nations)
    x, y = grid.centres()
    lon_lat_grid = plane.lon_lat(x.ravel(), y.ravel())
    lon_cells = lon_lat_grid[:, 0].reshape(x.shape)
    lat_cells = lon_lat_grid[:, 1].reshape(y.shape)
    for nation in scene.nations:
        covered = np.zeros(x.shape, dtype=bool)
        for block in plan.searched:
            if scene.units[block.unit].nation == nation:
                covered |= _cells(block.area, x, y)
        if covered.any() and not covered.all():
            canvas.axes.contour(
                lon_cells, lat_cells, covered.astype(float), levels=[0.5], colors=[colours[nation]],
                linewidths=1.2, linestyles="--", zorder=4,
            )  # fmt: skip
    first_blocks: dict[int, np.ndarray] = {}
    for block in plan.searched:
        first_blocks.setdefault(block.unit, block.path)
    for unit, path in first_blocks.items():
        track = plane.lon_lat(path[:, 0], path[:, 1])
        canvas.line(track, color=colours[scene.units[unit].nation], linewidth=0.6, alpha=0.85, zorder=4)
    canvas.axes.set_xlim(canvas.frame.lon_min, canvas.frame.lon_max)
    canvas.axes.set_ylim(canvas.frame.lat_min, canvas.frame.lat_max)
    datum = plane.lon_lat(np.array([0.0]), np.array([0.0]))[0]
    drifted = scene.drift.mean_velocity_kn() * (scene.drift.lkp_h + scene.window_h)
    end = plane.lon_lat(np.array([drifted[0]]), np.array([drifted[1]]))[0]
    canvas.axes.annotate(
        "",
        xy=(end[0], end[1]),
        xytext=(datum[0], datum[1]),
        zorder=5,
        arrowprops={"arrowstyle": "-|>,head_width=0.3,head_length=0.8", "color": DATUM_COLOUR, "lw": 1.4},
    )
    canvas.marker(float(datum[0]), float(datum[1]), 4.5, marker="X", color=DATUM_COLOUR,
                  markeredgecolor="white", markeredgewidth=0.6, zorder=6)  # fmt: skip
    canvas.label("LKP", "datum", "Last known position", float(datum[0]), float(datum[1]), color=DATUM_COLOUR)
    units = list(
        {u.unit: exercise.units_by_id[u.unit] for u in scene.units if u.unit in exercise.units_by_id}.values()
    )
    away = draw_units(canvas, units, platforms)
    country_names(canvas)
    return canvas.finish(
        _key(scene, colours),
        [
            f"Probability map: each cell's probability of holding the object at hour {middle:g}, from "
            f"{plural(len(scene.planning_p0), 'drift case')} on a {grid.cells} x {grid.cells} grid of "
            f"{grid.cell_nm:.2g} NM cells. Tracks: each search unit's first hour on scene.",
            *off_map_note(away),
        ],
        [*unit_rows(units, platforms), *_rows(scene, plan)],
    )


def _key(scene: SarScene, colours: dict[str, str]) -> list[KeyEntry]:
    return [
        (None, "Search"),
        (Patch(facecolor="#fd8d3c", alpha=0.75), "Probability of containment (darker: more likely)"),
        (Line2D([], [], marker="X", linestyle="none", color=DATUM_COLOUR), "Last known position (LKP)"),
        (
            Line2D([], [], color=DATUM_COLOUR, linewidth=1.4, marker=">", markersize=4),
            "Mean drift to the end",
        ),
        *(
            (Line2D([], [], color=colours[n], linewidth=1.2, linestyle="--"), f"{n}: area searched, tracks")
            for n in scene.nations
        ),
        (Line2D([], [], linestyle="none"), "Search units' units: their APP-6 symbol at base"),
        *base_key(),
    ]


def _rows(scene: SarScene, plan: SearchPlan) -> Sequence[KeyRow]:
    rows = []
    for i, unit in enumerate(scene.units):
        blocks = sum(1 for s in plan.searched if s.unit == i)
        rows.append(
            KeyRow(
                None,
                unit.id,
                unit.nation,
                f"{unit.platform.value.replace('_', '-')}, {unit.sensor.value} search, "
                f"{unit.pattern.value.replace('_', ' ')}, sweep width {unit.day_sweep_width_nm:.2g} NM, "
                f"{plural(blocks, 'search block')}, {plan.effort_nm2[i]:,.0f} NM² of effort",
            )
        )
    return rows
