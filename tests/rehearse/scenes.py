"""What the small test scenes of every vignette share: a local km plane and a one-vignette exercise."""

from __future__ import annotations

import math
from typing import Any

import yaml

from jointex.model import Exercise
from tests.conftest import MINIMAL

LAT0, LON0 = 60.0, 10.5


def at(x_km: float, y_km: float) -> str:
    """The "lat, lon" of a point x km east and y km north of the origin (great-circle exact to 0.1%)."""
    lat = LAT0 + y_km / 111.195
    lon = LON0 + x_km / (111.195 * math.cos(math.radians(LAT0)))
    return f"{lat:.7f}, {lon:.7f}"


def exercise_with(units: dict[str, str], service: str, vignette: dict[str, Any]) -> Exercise:
    """The minimal exercise with ``units`` (``{unit id: nation}``, NOR or USA, all at the origin) and one
    vignette ``V`` (``vignette`` gives its kind and parameters) in which they all take part."""
    data = yaml.safe_load(MINIMAL)
    data["units"] = [
        {
            "id": uid,
            "name": uid,
            "nation": nation,
            "service": service,
            "echelon": "company",
            "personnel": 50,
            "exercise_location": at(0, 0),
        }
        for uid, nation in units.items()
    ]
    data["vignettes"] = [{"id": "V", "units": list(units), **vignette}]
    return Exercise.model_validate(data)
