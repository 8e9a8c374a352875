"""The relief plan as files for the coordination cell: CSV (one row per delivery, opens in Excel) and
GeoJSON (trips as lines, sources and sites as points, for any GIS). Both carry the label."""

from __future__ import annotations

import csv
import io
from typing import Any

from jointex.model import Label
from jointex.rehearse.vignettes.hadr.plan import DayPlan
from jointex.rehearse.vignettes.hadr.scene import HadrScene


def _clock(scene: HadrScene, seconds: float) -> str:
    minutes = round(scene.planning.day_start_h * 60 + seconds / 60)
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def plan_csv(scene: HadrScene, plans: tuple[DayPlan, ...], label: Label) -> str:
    """One row per planned delivery: day, trip, vehicle, source, site, time and what it carries."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    units = [f"{c}_{u}" for c, u in zip(scene.commodity_ids, scene.commodity_units, strict=True)]
    writer.writerow(
        [
            "label",
            "day",
            "trip",
            "asset",
            "nation",
            "type",
            "vehicle",
            "source",
            "depart",
            "site",
            "site_name",
            "arrive",
            *units,
            "kg",
        ]
    )
    assets = scene.assets
    for plan in plans:
        for number, trip in enumerate(plan.trips, start=1):
            for stop in trip.stops:
                writer.writerow(
                    [
                        label.marking,
                        plan.day + 1,
                        number,
                        assets.ids[trip.asset],
                        assets.nations[trip.asset],
                        assets.types[trip.asset].value,
                        trip.vehicle + 1,
                        scene.source_ids[trip.source],
                        _clock(scene, trip.start_s),
                        scene.site_ids[stop.site],
                        scene.site_names[stop.site],
                        _clock(scene, stop.arrive_s),
                        *(round(float(x)) for x in stop.units),
                        round(float(stop.units @ scene.kg_per_unit)),
                    ]
                )
    return out.getvalue()


def _point(scene: HadrScene, place: int) -> list[float]:
    return [round(float(scene.lon_deg[place]), 6), round(float(scene.lat_deg[place]), 6)]


def plan_geojson(scene: HadrScene, plans: tuple[DayPlan, ...], label: Label) -> dict[str, Any]:
    """A FeatureCollection: sources, sites, and each trip's path (source, sites in order, return)."""
    features: list[dict[str, Any]] = []
    for s, source in enumerate(scene.source_ids):
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": _point(scene, s)},
                "properties": {"role": "source", "id": source},
            }
        )
    for i, site in enumerate(scene.site_ids):
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": _point(scene, scene.sources + i)},
                "properties": {
                    "role": "site",
                    "id": site,
                    "name": scene.site_names[i],
                    "population": int(scene.population[i]),
                    "priority": int(scene.priority[i]),
                },
            }
        )
    assets = scene.assets
    for plan in plans:
        for number, trip in enumerate(plan.trips, start=1):
            path = [trip.source, *(scene.sources + stop.site for stop in trip.stops), trip.end_place]
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "LineString", "coordinates": [_point(scene, p) for p in path]},
                    "properties": {
                        "role": "trip",
                        "day": plan.day + 1,
                        "trip": number,
                        "asset": assets.ids[trip.asset],
                        "nation": assets.nations[trip.asset],
                        "type": assets.types[trip.asset].value,
                        "depart": _clock(scene, trip.start_s),
                        "sites": [scene.site_ids[stop.site] for stop in trip.stops],
                        "kg": round(float(trip.units @ scene.kg_per_unit)),
                        "km": round(sum(trip.leg_km), 1),
                    },
                }
            )
    return {"type": "FeatureCollection", "label": label.marking, "features": features}
