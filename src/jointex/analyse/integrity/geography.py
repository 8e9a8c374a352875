"""The exercise area must be a valid polygon, and units operate inside it unless at their home base."""

from __future__ import annotations

from jointex.errors import Problem
from jointex.model import Exercise


def check_geography(exercise: Exercise) -> list[Problem]:
    from shapely.geometry import Point, Polygon
    from shapely.validation import explain_validity

    polygon = Polygon([(p.lon_deg, p.lat_deg) for p in exercise.area.boundary])
    if not polygon.is_valid:
        return [
            Problem(
                f"the exercise area is not a valid polygon: {explain_validity(polygon)}",
                field=("area", "boundary"),
                expected="corners in order around the area, edges not crossing",
            )
        ]
    problems: list[Problem] = []
    for u, unit in enumerate(exercise.units):
        place = unit.exercise_location
        if place is None or place.home_base:
            continue
        if not polygon.covers(Point(place.position.lon_deg, place.position.lat_deg)):
            problems.append(
                Problem(
                    f"unit {unit.id} at {place.position} is outside the exercise area",
                    field=("units", u, "exercise_location"),
                    expected="a position inside the area, or home_base: true for a unit operating from home",
                )
            )
    return problems
