"""The map of an integrated air and missile defence (IAMD) vignette: what is defended, by whom, against what.

Defended assets, the sensors and fire units (their unit's APP-6 symbol where they stand, and each fire
unit's engagement envelope as a ring at its longest range), and the threat axes of the raid, from each
launch point to its target, drawn from the vignette's parameters (`jointex.model.iamd`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from jointex.model import Exercise, GeoPoint, Label, Unit, Vignette
from jointex.model.iamd import IamdParameters, ThreatClass
from jointex.model.metrics.display import plural
from jointex.model.platform import Platform
from jointex.render.maps import style
from jointex.render.maps.canvas import KeyEntry, MapCanvas
from jointex.render.maps.document import KeyRow, MapDocument
from jointex.render.maps.exercise import base_key, country_names, unit_rows, unit_text
from jointex.render.maps.geodesy import circle
from jointex.render.maps.sidc import unit_sidc

THREAT_COLOURS = {
    ThreatClass.SMALL_DRONE: "#ef6c00",
    ThreatClass.LOITERING_MUNITION: "#8d4004",
    ThreatClass.CRUISE_MISSILE: "#c62828",
    ThreatClass.BALLISTIC_MISSILE: "#6a1b9a",
}
THREAT_WORDS = {
    ThreatClass.SMALL_DRONE: ("small drone", "small drones"),
    ThreatClass.LOITERING_MUNITION: ("loitering munition", "loitering munitions"),
    ThreatClass.CRUISE_MISSILE: ("cruise missile", "cruise missiles"),
    ThreatClass.BALLISTIC_MISSILE: ("ballistic missile", "ballistic missiles"),
}
ASSET_COLOUR = "#fdd835"
ENVELOPE_COLOURS = ("#1565c0", "#2e7d32", "#6a1b9a", "#00838f", "#283593", "#558b2f", "#4e342e", "#37474f")
"""Nations' envelopes in blues, greens and greys, apart from the threats' reds and oranges."""


def _threats(threat: ThreatClass, count: int) -> str:
    return plural(count, *THREAT_WORDS[threat])


def _stations(parameters: IamdParameters, units: Mapping[str, Unit]) -> list[tuple[Unit, GeoPoint, float]]:
    """(unit, position, longest engagement range km, 0 for a sensor) of each sensor and fire unit whose
    unit the version holds, one per unit and position (the sensor of a fire unit is not drawn twice)."""
    stations: dict[tuple[str, float, float], tuple[Unit, GeoPoint, float]] = {}
    entries = [(s.unit, s.position, 0.0) for s in parameters.sensors]
    entries += [
        (s.unit, s.position, max((high for _, high in s.range_km.values()), default=0.0))
        for s in parameters.shooters
    ]
    for unit_id, given, reach in entries:
        unit = units.get(unit_id)
        if unit is None:
            continue
        position = given or (unit.exercise_location.position if unit.exercise_location else None)
        if position is None:
            continue
        key = (unit.id, position.lat_deg, position.lon_deg)
        _, _, before = stations.get(key, (unit, position, 0.0))
        stations[key] = (unit, position, max(before, reach))
    return list(stations.values())


def iamd_map(
    exercise: Exercise,
    platforms: Mapping[str, Platform],
    vignette: Vignette,
    label: Label,
    layout: style.Layout = style.SHEET,
) -> MapDocument:
    """The vignette's defence and raid on the base map, marked ``label``, drawn at ``layout``'s size.
    ``exercise`` is the version released to the reader: sensors and fire units of withheld units are not
    drawn."""
    parameters = vignette.parameters_as(IamdParameters)
    units = exercise.units_by_id
    stations = _stations(parameters, units)
    assets = {a.id: a for a in parameters.defended_assets}
    points = [(a.position.lon_deg, a.position.lat_deg) for a in parameters.defended_assets]
    points += [(r.launch_point.lon_deg, r.launch_point.lat_deg) for r in parameters.raids]
    points += [(p.lon_deg, p.lat_deg) for _, p, _ in stations]
    for _, position, reach in stations:
        if reach > 0:
            ring = circle(position.lat_deg, position.lon_deg, reach, 24)
            points += [(float(x), float(y)) for x, y in ring]
    canvas = MapCanvas.start(
        f"{vignette.name}",
        f"{vignette.id} (IAMD) · defended assets, sensors and fire units, threat axes · "
        f"doctrine {parameters.doctrine}",
        label.marking,
        points,
        layout,
    )
    nations = sorted({unit.nation for unit, _, _ in stations})
    colours = {n: ENVELOPE_COLOURS[i % len(ENVELOPE_COLOURS)] for i, n in enumerate(nations)}
    for unit, position, reach in stations:
        if reach > 0:
            ring = circle(position.lat_deg, position.lon_deg, reach)
            colour = colours[unit.nation]
            canvas.polygon(ring, facecolor=colour, alpha=0.06, edgecolor="none", zorder=3)
            canvas.polygon(ring, facecolor="none", edgecolor=colour, linewidth=0.9, alpha=0.8, zorder=3)
    for raid in parameters.raids:
        target = assets[raid.target].position
        colour = THREAT_COLOURS[raid.threat]
        canvas.axes.annotate(
            "",
            xy=(target.lon_deg, target.lat_deg),
            xytext=(raid.launch_point.lon_deg, raid.launch_point.lat_deg),
            zorder=4,
            arrowprops={
                "arrowstyle": "-|>,head_width=0.3,head_length=0.8",
                "color": colour,
                "lw": 1.0 + np.log10(raid.count),
                "shrinkA": 0,
                "shrinkB": 6,
            },
        )
        canvas.marker(
            raid.launch_point.lon_deg,
            raid.launch_point.lat_deg,
            4.5,
            marker="X",
            color=colour,
            markeredgecolor="white",
            markeredgewidth=0.6,
            zorder=5,
        )
    for asset in parameters.defended_assets:
        canvas.marker(
            asset.position.lon_deg,
            asset.position.lat_deg,
            6.0,
            marker="D",
            color=ASSET_COLOUR,
            markeredgecolor="#212121",
            markeredgewidth=0.9,
            zorder=5,
        )
    for unit, position, _ in stations:
        canvas.anchor(f"{unit.id}@{position}", position.lon_deg, position.lat_deg)
    for asset in parameters.defended_assets:
        canvas.label(
            asset.id,
            "asset",
            asset.name or asset.id,
            asset.position.lon_deg,
            asset.position.lat_deg,
            clearance_px=6.0,
            fontweight="bold",
            color="#5d4037",
        )
    for unit, position, _ in stations:
        canvas.unit(
            f"{unit.id}@{position}",
            unit_sidc(unit, platforms),
            unit_text(unit),
            position.lon_deg,
            position.lat_deg,
        )
    for raid in parameters.raids:
        canvas.label(
            raid.id,
            "raid",
            f"{raid.id}: {_threats(raid.threat, raid.count)}",
            raid.launch_point.lon_deg,
            raid.launch_point.lat_deg,
            clearance_px=4.5,
            color=THREAT_COLOURS[raid.threat],
        )
    country_names(canvas)
    return canvas.finish(
        _key(parameters, nations, colours),
        [
            f"Envelopes: each fire unit's longest engagement range over the threat classes it engages; "
            f"{plural(len(stations), 'sensor and fire unit position')} of "
            f"{plural(len({u.id for u, _, _ in stations}), 'unit')}."
        ],
        [*unit_rows(list({u.id: u for u, _, _ in stations}.values()), platforms), *_rows(parameters)],
    )


def _key(parameters: IamdParameters, nations: list[str], colours: dict[str, str]) -> list[KeyEntry]:
    threats = sorted({r.threat for r in parameters.raids}, key=list(ThreatClass).index)
    return [
        (None, "Defence"),
        (
            Line2D([], [], marker="D", linestyle="none", color=ASSET_COLOUR, markeredgecolor="#212121"),
            "Defended asset",
        ),
        (Line2D([], [], linestyle="none"), "Sensors and fire units: their unit's APP-6 symbol"),
        *(
            (Patch(facecolor=colours[n], alpha=0.25, edgecolor=colours[n]), f"{n} engagement envelope")
            for n in nations
        ),
        (None, "Threat"),
        *(
            (
                Line2D([], [], color=THREAT_COLOURS[t], linewidth=1.6, marker=">", markersize=4),
                f"Axis of {THREAT_WORDS[t][1]}",
            )
            for t in threats
        ),
        (Line2D([], [], marker="X", linestyle="none", color="#616161"), "Launch point"),
        *base_key(),
    ]


def _rows(parameters: IamdParameters) -> list[KeyRow]:
    assets = [
        KeyRow(None, a.id, "", f"Defended asset: {a.name or a.id} (value {a.value:g}) at {a.position}")
        for a in parameters.defended_assets
    ]
    raids = [
        KeyRow(
            None,
            r.id,
            "",
            f"Raid: {_threats(r.threat, r.count)} from {r.launch_point} at {r.target}, "
            f"first launch {r.launch_after_s:g} s after the start",
        )
        for r in parameters.raids
    ]
    return assets + raids
