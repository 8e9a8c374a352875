"""The map of an exercise: its area and its units, each as its APP-6 symbol where it operates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from jointex.model import Exercise, Label, Unit
from jointex.model.metrics.display import plural
from jointex.model.platform import Platform
from jointex.render.maps import style
from jointex.render.maps.canvas import KeyEntry, MapCanvas
from jointex.render.maps.document import KeyRow, MapDocument
from jointex.render.maps.sidc import unit_sidc


def unit_text(unit: Unit) -> str:
    """The unit's label on a map: its id, led by its nation (``POL-CUAS``; ``POL HQ-1`` where the id does
    not start with the nation)."""
    return unit.id if unit.id.upper().startswith(unit.nation) else f"{unit.nation} {unit.id}"


def _where(unit: Unit) -> str:
    place = unit.exercise_location
    if place is None:
        return "position not given"
    name = place.name or str(place.position)
    return f"{name} (home base, off the map)" if place.home_base else name


def area_coords(exercise: Exercise) -> np.ndarray:
    return np.array([(p.lon_deg, p.lat_deg) for p in exercise.area.boundary])


def draw_units(canvas: MapCanvas, units: Sequence[Unit], platforms: Mapping[str, Platform]) -> list[Unit]:
    """Each unit's symbol and label at its exercise location; returns the units that are not on the map
    (a home base outside the frame, or no position)."""
    frame = canvas.frame
    shown: list[Unit] = []
    away: list[Unit] = []
    for unit in units:
        place = unit.exercise_location
        inside = place is not None and (
            frame.lon_min <= place.position.lon_deg <= frame.lon_max
            and frame.lat_min <= place.position.lat_deg <= frame.lat_max
        )
        (shown if inside else away).append(unit)
    for unit in shown:
        assert unit.exercise_location is not None
        canvas.anchor(
            unit.id, unit.exercise_location.position.lon_deg, unit.exercise_location.position.lat_deg
        )
    for unit in shown:
        assert unit.exercise_location is not None
        position = unit.exercise_location.position
        canvas.unit(unit.id, unit_sidc(unit, platforms), unit_text(unit), position.lon_deg, position.lat_deg)
    return away


def unit_rows(units: Sequence[Unit], platforms: Mapping[str, Platform]) -> list[KeyRow]:
    return [
        KeyRow(
            unit_sidc(unit, platforms),
            unit_text(unit),
            unit.nation,
            f"{unit.name}, {unit.echelon.value} — {_where(unit)}",
        )
        for unit in units
    ]


def off_map_note(away: Sequence[Unit]) -> list[str]:
    if not away:
        return []
    return ["Not on the map (home base or no position): " + ", ".join(unit_text(u) for u in away) + "."]


def exercise_map(
    exercise: Exercise,
    platforms: Mapping[str, Platform],
    label: Label,
    units: Sequence[Unit] | None = None,
    title: str | None = None,
    layout: style.Layout = style.SHEET,
) -> MapDocument:
    """The exercise area and ``units`` (default: all the exercise's) on the base map, marked ``label``,
    drawn at ``layout``'s size. ``exercise`` is the version released to the map's reader: what it does
    not hold is not drawn."""
    chosen = list(exercise.units if units is None else units)
    area = area_coords(exercise)
    points = [(float(x), float(y)) for x, y in area]
    points += [
        (u.exercise_location.position.lon_deg, u.exercise_location.position.lat_deg)
        for u in chosen
        if u.exercise_location is not None and not u.exercise_location.home_base
    ]
    subtitle = (
        f"{exercise.area.name or 'Exercise area'} · {exercise.start_date:%d %b %Y} to "
        f"{exercise.end_date:%d %b %Y} · host {exercise.host_nation}"
    )
    canvas = MapCanvas.start(
        title or f"{exercise.name}: exercise area and units", subtitle, label.marking, points, layout
    )
    canvas.polygon(
        area, facecolor="none", edgecolor=style.AREA, linewidth=1.4, linestyle=(0, (5, 3)), zorder=3
    )
    away = draw_units(canvas, chosen, platforms)
    country_names(canvas)
    key: list[KeyEntry] = [
        (None, "Exercise"),
        (
            Patch(facecolor="none", edgecolor=style.AREA, linestyle="--"),
            exercise.area.name or "Exercise area",
        ),
        (None, "Units"),
        (
            Line2D([], [], linestyle="none"),
            f"{plural(len(chosen) - len(away), 'unit')} on the map, each as its APP-6 symbol "
            "(friendly) labelled with its id, nation first",
        ),
        *base_key(),
    ]
    return canvas.finish(key, off_map_note(away), unit_rows(chosen, platforms))


def base_key() -> list[KeyEntry]:
    return [
        (None, "Base map"),
        (Patch(facecolor=style.LAND, edgecolor=style.COAST), "Land and coastline"),
        (
            Line2D([], [], color=style.BORDER, linewidth=0.9, linestyle=(0, (6, 2, 1.5, 2))),
            "International border",
        ),
    ]


def country_names(canvas: MapCanvas) -> None:
    """Country names where they fit, after every other label."""
    for name, lon, lat in canvas.base.countries:
        canvas.optional_label(name.upper(), lon, lat, color=style.COUNTRY, fontstyle="italic")
