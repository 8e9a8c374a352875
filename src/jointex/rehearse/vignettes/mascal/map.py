"""The map of a MASCAL vignette: the points of injury, the treatment facilities (their unit's APP-6
symbol, or a red cross for a host-nation hospital), the evacuation assets' bases and the routes they fly
or drive, each leg as wide as the casualties it carried once the vignette is rehearsed.

Drawn with the house map primitives (`jointex.render.maps.canvas.MapCanvas`), as
`rehearse/vignettes/iamd/raid_map.py` draws an air defence vignette.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from matplotlib.lines import Line2D

from jointex.model import Label, Unit
from jointex.model.mascal import EvacuationType
from jointex.model.metrics.display import format_number, plural
from jointex.model.platform import Platform
from jointex.rehearse.vignettes.mascal.compile import MascalScene, Place
from jointex.rehearse.vignettes.mascal.detail import MascalDetail
from jointex.render.maps import style
from jointex.render.maps.canvas import KeyEntry, MapCanvas
from jointex.render.maps.document import KeyRow, MapDocument
from jointex.render.maps.exercise import base_key, country_names, unit_rows, unit_text
from jointex.render.maps.sidc import unit_sidc

INCIDENT_COLOUR = "#c62828"
HOSPITAL_COLOUR = "#c62828"
ROUTE_COLOURS = {EvacuationType.AMBULANCE: "#6d4c41", EvacuationType.HELICOPTER: "#1565c0"}
ROUTE_STYLES: dict[EvacuationType, Any] = {
    EvacuationType.AMBULANCE: "-",
    EvacuationType.HELICOPTER: (0, (5, 3)),
}


def _routes(scene: MascalScene) -> dict[tuple[int, int], set[EvacuationType]]:
    """The types of vehicle that serve each leg (pick-up place, facility)."""
    carries = scene.arrays.assets.carries
    routes: dict[tuple[int, int], set[EvacuationType]] = {}
    for a, asset in enumerate(scene.assets):
        for p in range(carries.shape[1]):
            for f in range(carries.shape[2]):
                if carries[a, p, f].any():
                    routes.setdefault((p, f), set()).add(asset.type)
    return routes


def mascal_map(
    scene: MascalScene,
    units: Mapping[str, Unit],
    platforms: Mapping[str, Platform],
    title: str,
    subtitle: str,
    label: Label,
    layout: style.Layout,
    detail: MascalDetail | None = None,
) -> MapDocument:
    """The scene on the base map, marked ``label``; with ``detail``, each route as wide as the casualties
    it carried. ``units`` are the exercise's units by id (the version released to the reader)."""
    places = scene.places
    points = [(p.position.lon_deg, p.position.lat_deg) for p in (*places, *scene.bases)]
    canvas = MapCanvas.start(title, subtitle, label.marking, points, layout)
    moved = {(leg.origin, leg.destination): leg.casualties for leg in detail.legs} if detail else {}
    most = max(moved.values(), default=0.0)
    for (p, f), kinds in _routes(scene).items():
        origin, end = places[p], scene.facilities[f]
        carried = moved.get((origin.id, end.id))
        if detail is not None and not carried:
            continue
        width = 1.0 + (5.0 * carried / most if carried and most else 0.0)
        ends = [
            (origin.position.lon_deg, origin.position.lat_deg),
            (end.position.lon_deg, end.position.lat_deg),
        ]
        for k, kind in enumerate(
            sorted(kinds, key=lambda t: t.value)
        ):  # ambulance beneath, helicopter on top
            canvas.line(
                ends,
                color=ROUTE_COLOURS[kind],
                linestyle=ROUTE_STYLES[kind],
                linewidth=width if k == 0 else max(1.0, width / 3),
                alpha=0.75,
                zorder=4 + k,
            )
    for base in scene.bases:
        canvas.marker(
            base.position.lon_deg, base.position.lat_deg, 3.5, marker="^", color="#455a64", zorder=5
        )
    for place in scene.incidents:
        canvas.marker(
            place.position.lon_deg,
            place.position.lat_deg,
            6.0,
            marker="*",
            color=INCIDENT_COLOUR,
            markeredgecolor="white",
            zorder=6,
        )
    drawn_units: list[tuple[Place, Unit]] = []
    for place, unit_id in zip(scene.facilities, scene.facility_units, strict=True):
        unit = units.get(unit_id or "")
        if unit is None:
            canvas.marker(
                place.position.lon_deg,
                place.position.lat_deg,
                5.0,
                marker="P",
                color=HOSPITAL_COLOUR,
                markeredgecolor="white",
                zorder=6,
            )
        else:
            canvas.anchor(f"{place.id}@unit", place.position.lon_deg, place.position.lat_deg)
            drawn_units.append((place, unit))
    for place in scene.incidents:
        canvas.label(
            place.id,
            "incident",
            place.name,
            place.position.lon_deg,
            place.position.lat_deg,
            6.0,
            fontweight="bold",
            color=INCIDENT_COLOUR,
        )
    for place, unit in drawn_units:
        canvas.unit(
            f"{place.id}@unit",
            unit_sidc(unit, platforms),
            f"{unit_text(unit)}: {place.name}",
            place.position.lon_deg,
            place.position.lat_deg,
        )
    for place, unit_id in zip(scene.facilities, scene.facility_units, strict=True):
        if units.get(unit_id or "") is None:
            canvas.label(
                place.id,
                "facility",
                f"{place.name} (Role {_role(place)})",
                place.position.lon_deg,
                place.position.lat_deg,
                5.0,
            )
    country_names(canvas)
    notes = [
        f"{plural(len(scene.facilities), 'facility')}, {plural(len(scene.assets), 'evacuation asset')}; "
        + (
            f"route widths: casualties carried per replication (at most {format_number(most)})."
            if detail is not None
            else "routes: every leg an asset may fly or drive."
        )
    ]
    rows = [*unit_rows([u for _, u in drawn_units], platforms), *_rows(scene)]
    return canvas.finish(_key(scene), notes, rows)


def _role(place: Place) -> str:
    return "" if place.stage is None else place.stage.value.removeprefix("role")


def _key(scene: MascalScene) -> list[KeyEntry]:
    kinds = sorted({a.type for a in scene.assets}, key=lambda t: t.value)
    return [
        (None, "Mass casualty"),
        (
            Line2D([], [], marker="*", linestyle="none", color=INCIDENT_COLOUR, markersize=9),
            "Point of injury",
        ),
        (Line2D([], [], linestyle="none"), "Facility of a unit: its APP-6 symbol"),
        (
            Line2D([], [], marker="P", linestyle="none", color=HOSPITAL_COLOUR, markersize=7),
            "Host-nation hospital",
        ),
        (
            Line2D([], [], marker="^", linestyle="none", color="#455a64", markersize=6),
            "Evacuation asset's base",
        ),
        *(
            (
                Line2D([], [], color=ROUTE_COLOURS[kind], linestyle=ROUTE_STYLES[kind], linewidth=2),
                f"{kind.value.capitalize()} route",
            )
            for kind in kinds
        ),
        *base_key(),
    ]


def _rows(scene: MascalScene) -> list[KeyRow]:
    facilities = [
        KeyRow(None, p.id, p.nation, f"{p.name}: Role {_role(p)} at {p.position}")
        for p, unit in zip(scene.facilities, scene.facility_units, strict=True)
        if unit is None
    ]
    assets = [
        KeyRow(
            None, a.id, a.nation, f"{a.name}: {plural(a.vehicles, a.type.value)}, {a.litters} litters each"
        )
        for a in scene.assets
    ]
    incidents = [
        KeyRow(None, p.id, "", f"Point of injury: {p.name} at {p.position}") for p in scene.incidents
    ]
    return incidents + facilities + assets
