"""The relief map of a humanitarian assistance and disaster relief (HADR) vignette.

Supply sources (hubs) and the affected sites, labelled by name; the road network with its damage; and the
trips of the plan without disruptions, one layer per day, coloured by nation: trucks along the roads the
model times them on (`RoadNetwork.quickest_routes`, damaged roads counted slower), helicopters, aircraft
and landing craft straight. Sites are sized by the people in need and, after a rehearsal, coloured by the
share of their need met.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D

from jointex.model import Label
from jointex.model.hadr import AssetType, HadrParameters, SegmentState
from jointex.model.metrics.display import plural
from jointex.rehearse.vignettes.hadr.plan import DayPlan
from jointex.rehearse.vignettes.hadr.scene import HadrScene
from jointex.render.maps import style
from jointex.render.maps.canvas import KeyEntry, MapCanvas
from jointex.render.maps.document import KeyRow, MapDocument
from jointex.render.maps.exercise import base_key

TRIP_STYLES: dict[AssetType, Any] = {
    AssetType.TRUCK: "solid",
    AssetType.HELICOPTER: (0, (5, 2)),
    AssetType.FIXED_WING: (0, (1, 1.6)),
    AssetType.LANDING_CRAFT: (0, (6, 2, 1, 2)),
}
TRIP_WORDS = {
    AssetType.TRUCK: "Truck, along the roads",
    AssetType.HELICOPTER: "Helicopter, direct",
    AssetType.FIXED_WING: "Fixed-wing aircraft, direct",
    AssetType.LANDING_CRAFT: "Landing craft, direct",
}
ROAD = {SegmentState.OPEN: "#a1887f", SegmentState.DAMAGED: "#ef6c00", SegmentState.CLOSED: "#c62828"}
ROAD_STYLE: dict[SegmentState, Any] = {
    SegmentState.OPEN: "solid",
    SegmentState.DAMAGED: (0, (4, 2)),
    SegmentState.CLOSED: (0, (1, 1.5)),
}
NEUTRAL_SITE = "#90a4ae"


def relief_map(
    scene: HadrScene,
    plans: Sequence[DayPlan],
    parameters: HadrParameters,
    label: Label,
    title: str,
    need_met_pct: Sequence[float] | None = None,
    layout: style.Layout = style.SHEET,
) -> MapDocument:
    """Sites, sources, roads and each day's trips on the base map, marked ``label``, drawn at
    ``layout``'s size; sites coloured by ``need_met_pct`` (per site, from a rehearsal) when given."""
    nodes = np.column_stack([scene.lon_deg, scene.lat_deg])
    if parameters.roads.junctions:
        junctions = np.array([(j.position.lon_deg, j.position.lat_deg) for j in parameters.roads.junctions])
        nodes = np.vstack([nodes, junctions])
    subtitle = (
        f"{scene.vignette_id} (HADR) · {plural(scene.sites, 'site')}, "
        f"{plural(scene.sources, 'supply source')} · trips of the plan without disruptions, day 1 of "
        f"{scene.days}"
    )
    canvas = MapCanvas.start(title, subtitle, label.marking, [(float(x), float(y)) for x, y in nodes], layout)
    ids = [s.id for s in parameters.sources] + [s.id for s in parameters.sites]
    ids += [j.id for j in parameters.roads.junctions]
    index = {node: i for i, node in enumerate(ids)}
    for segment in parameters.roads.segments:
        a, b = index[segment.ends[0]], index[segment.ends[1]]
        canvas.line(
            nodes[[a, b]],
            color=ROAD[segment.state],
            linewidth=1.8,
            linestyle=ROAD_STYLE[segment.state],
            alpha=0.7,
            zorder=3.5,
            solid_capstyle="round",
        )
    colours = style.nation_colours(scene.nations)
    layers = _trip_layers(canvas, scene, plans, nodes, colours)
    radius = 2.5 + 6.0 * np.sqrt(scene.population / max(1, int(scene.population.max())))
    for i in range(scene.sites):
        fill = style.coverage_colour(need_met_pct[i]) if need_met_pct is not None else NEUTRAL_SITE
        lon, lat = nodes[scene.sources + i]
        canvas.marker(
            float(lon),
            float(lat),
            float(radius[i]),
            marker="o",
            color=fill,
            markeredgecolor="#212121",
            markeredgewidth=0.6,
            zorder=5,
        )
    for s in range(scene.sources):
        canvas.marker(float(nodes[s, 0]), float(nodes[s, 1]), 5.0, marker="s", color="#212121", zorder=5)
    names = {source.id: source.name or source.id for source in parameters.sources}
    for s, source in enumerate(scene.source_ids):
        canvas.label(
            source,
            "source",
            names[source],
            float(nodes[s, 0]),
            float(nodes[s, 1]),
            clearance_px=5.0,
            fontweight="bold",
        )
    for i, site in enumerate(scene.site_ids):
        lon, lat = nodes[scene.sources + i]
        canvas.label(
            site,
            "site",
            scene.site_names[i],
            float(lon),
            float(lat),
            clearance_px=float(radius[i]),
            size=style.SITE_LABEL_PT,
        )
    return canvas.finish(
        _key(scene, parameters, colours, need_met_pct is not None),
        [
            "Trips of the plan without disruptions (the plan to brief). This picture shows day 1; the SVG "
            "and HTML maps let you choose the day."
        ],
        _rows(scene, parameters, need_met_pct),
        layers,
    )


def _trip_layers(
    canvas: MapCanvas, scene: HadrScene, plans: Sequence[DayPlan], nodes: np.ndarray, colours: dict[str, str]
) -> list[tuple[str, object]]:
    """One line collection per day (``day-1``...), only the first visible."""
    paths = scene.roads.quickest_routes(np.zeros(scene.roads.links, dtype=bool))  # no disruptions
    layers: list[tuple[str, object]] = []
    for plan in plans:
        lines, line_colours, line_styles = [], [], []
        for trip in plan.trips:
            stops = [trip.source, *(scene.sources + stop.site for stop in trip.stops), trip.end_place]
            kind = scene.assets.types[trip.asset]
            route = [stops[0]]
            for a, b in itertools.pairwise(stops):
                route += paths.path(a, b)[1:] if kind is AssetType.TRUCK else [b]
            lines.append(nodes[route])
            line_colours.append(colours[scene.assets.nations[trip.asset]])
            line_styles.append(TRIP_STYLES[kind])
        collection = LineCollection(
            lines, colors=line_colours, linestyles=line_styles, linewidths=1.3, alpha=0.8, zorder=4
        )
        collection.set_gid(f"day-{plan.day + 1}")
        collection.set_visible(plan.day == 0)
        canvas.axes.add_collection(collection, autolim=False)
        layers.append((f"day-{plan.day + 1}", collection))
    return layers


def _key(
    scene: HadrScene, parameters: HadrParameters, colours: dict[str, str], coloured: bool
) -> list[KeyEntry]:
    site = Line2D([], [], marker="o", linestyle="none", color=NEUTRAL_SITE, markeredgecolor="#212121")
    key: list[KeyEntry] = [
        (None, "Relief"),
        (
            Line2D([], [], marker="s", linestyle="none", color="#212121"),
            "Supply source",
        ),
        (
            site,
            "Site, sized by the people in need"
            + (", coloured by the share of its need met (rehearsal mean):" if coloured else ""),
        ),
    ]
    if coloured:
        key += [
            (
                Line2D(
                    [],
                    [],
                    marker="o",
                    linestyle="none",
                    color=style.coverage_colour(p),
                    markeredgecolor="#212121",
                ),
                f"{p}%",
            )
            for p in (100, 50, 0)
        ]
    states = sorted({s.state for s in parameters.roads.segments}, key=list(SegmentState).index)
    key += [
        (Line2D([], [], color=ROAD[s], linestyle=ROAD_STYLE[s], linewidth=1.8), f"Road, {s.value}")
        for s in states
    ]
    key.append((None, "Trips (colour: nation)"))
    key += [(Line2D([], [], color=c, linewidth=2), n) for n, c in colours.items()]
    key += [
        (Line2D([], [], color="#616161", linestyle=TRIP_STYLES[t], linewidth=1.3), TRIP_WORDS[t])
        for t in AssetType
        if t in scene.assets.types
    ]
    return [*key, *base_key()]


def _rows(scene: HadrScene, parameters: HadrParameters, need_met_pct: Sequence[float] | None) -> list[KeyRow]:
    rows = [
        KeyRow(None, s.name or s.id, "", f"Supply source {s.id} ({s.kind.value})") for s in parameters.sources
    ]
    for i, site in enumerate(scene.site_ids):
        met = f", {need_met_pct[i]:.0f}% of the need met" if need_met_pct is not None else ""
        rows.append(
            KeyRow(
                None,
                scene.site_names[i],
                "",
                f"Site {site}: {int(scene.population[i]):,} people in need{met}",
            )
        )
    return rows
