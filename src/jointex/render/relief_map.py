"""The relief routes on a map: an inline SVG (no tiles, no network), one layer per day.

Places are drawn in an equirectangular projection scaled by the cosine of the mean latitude, which is
true to a few per cent over a disaster area. Trips are straight lines between stops (trucks follow roads
in the simulation; the map shows the order of the stops). Sites are circles sized by the people in need
and coloured by the share of need met in the rehearsal.
"""

from __future__ import annotations

import math
from html import escape

import numpy as np

from jointex.rehearse.vignettes.hadr import DayPlan, HadrScene

NATION_COLOURS = (
    "#1565c0",
    "#c62828",
    "#2e7d32",
    "#ef6c00",
    "#6a1b9a",
    "#00838f",
    "#ad1457",
    "#4e342e",
    "#558b2f",
    "#283593",
)
WIDTH, HEIGHT, MARGIN = 900, 640, 40


def nation_colours(scene: HadrScene) -> dict[str, str]:
    return {n: NATION_COLOURS[i % len(NATION_COLOURS)] for i, n in enumerate(scene.nations)}


def _coverage_colour(pct: float) -> str:
    """Red (nothing) through amber to green (all need met)."""
    t = min(1.0, max(0.0, pct / 100))
    red, green = (int(198 + (46 - 198) * t), int(40 + (125 - 40) * t))
    return f"#{red:02x}{green:02x}32"


def relief_map_svg(scene: HadrScene, plans: tuple[DayPlan, ...], need_met_pct: list[float]) -> str:
    """The SVG element (a string) with a layer ``day-N`` per day; day 1 visible."""
    lat, lon = scene.lat_deg, scene.lon_deg
    scale_x = math.cos(math.radians(float(lat.mean())))
    xs, ys = lon * scale_x, lat
    span = max(float(xs.max() - xs.min()), float(ys.max() - ys.min()) * (WIDTH / HEIGHT), 1e-6)
    k = (WIDTH - 2 * MARGIN) / span

    def at(place: int) -> tuple[float, float]:
        return (MARGIN + (xs[place] - xs.min()) * k, HEIGHT - MARGIN - (ys[place] - ys.min()) * k)

    colours = nation_colours(scene)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" '
        'role="img" aria-label="Relief routes" style="background:#e3f2fd">'
    ]
    for plan in plans:
        visible = "" if plan.day == 0 else ' style="display:none"'
        parts.append(f'<g class="day" id="day-{plan.day + 1}"{visible}>')
        for trip in plan.trips:
            path = [trip.source, *(scene.sources + s.site for s in trip.stops), trip.end_place]
            points = " ".join(f"{x:.1f},{y:.1f}" for x, y in (at(p) for p in path))
            nation = scene.assets.nations[trip.asset]
            kg = round(float(trip.units @ scene.kg_per_unit))
            title = escape(f"{scene.assets.ids[trip.asset]} ({nation}): {kg} kg")
            parts.append(
                f'<polyline points="{points}" fill="none" stroke="{colours[nation]}" stroke-width="1.6" '
                f'stroke-opacity="0.7"><title>{title}</title></polyline>'
            )
        parts.append("</g>")
    radius = 3 + 9 * np.sqrt(scene.population / max(1, int(scene.population.max())))
    for i, site in enumerate(scene.site_ids):
        x, y = at(scene.sources + i)
        people, met = int(scene.population[i]), need_met_pct[i]
        title = escape(f"{scene.site_names[i]} ({site}): {people:,} people, {met:.0f}% of need met")
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius[i]:.1f}" fill="{_coverage_colour(met)}" '
            f'fill-opacity="0.85" stroke="#212121" stroke-width="0.6"><title>{title}</title></circle>'
        )
    for s, source in enumerate(scene.source_ids):
        x, y = at(s)
        name = escape(source)
        parts.append(
            f'<rect x="{x - 6:.1f}" y="{y - 6:.1f}" width="12" height="12" fill="#212121">'
            f"<title>{name}</title></rect>"
            f'<text x="{x + 8:.1f}" y="{y - 8:.1f}" font-size="11" font-family="sans-serif">{name}</text>'
        )
    for i, (nation, colour) in enumerate(colours.items()):
        parts.append(
            f'<rect x="{MARGIN + i * 70}" y="10" width="14" height="4" fill="{colour}"/>'
            f'<text x="{MARGIN + i * 70 + 18}" y="16" font-size="11" '
            f'font-family="sans-serif">{escape(nation)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
