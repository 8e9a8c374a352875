"""Small IAMD scenes for the validation tests: positions in km on a local plane, compiled directly."""

from __future__ import annotations

from typing import Any

import numpy as np

from jointex.rehearse.vignettes.iamd import IamdVignette, Mode, compile_iamd
from tests.rehearse.scenes import at, exercise_with


def scene(
    parameters: dict[str, Any], units: dict[str, str], mode: Mode = Mode.NATIONAL, latency_s: float = 2.0
) -> IamdVignette:
    """Compile an IAMD vignette whose units are ``{unit id: nation}`` (NOR or USA), all at the origin
    unless a sensor or shooter gives its own position. Integrated mode links the two nations."""
    exercise = exercise_with(
        units,
        "air",
        {"name": "Raid", "kind": "iamd", "start": "D+1 00:00", "end": "D+3 00:00", "parameters": parameters},
    )
    nations = ("NOR", "USA")
    latency = np.array([[0.0, latency_s], [latency_s, 0.0]])
    return compile_iamd(exercise, exercise.vignettes[0], latency, nations, mode)


def sensor(unit: str, x_km: float, y_km: float, range_km: float, **extra: Any) -> dict[str, Any]:
    return {
        "unit": unit,
        "position": at(x_km, y_km),
        "antenna_height_m": 10_000,
        "detection_range_km": {"cruise_missile": range_km},
        **extra,
    }


def shooter(unit: str, x_km: float, y_km: float, p: float, salvo: int, **extra: Any) -> dict[str, Any]:
    base = {
        "unit": unit,
        "position": at(x_km, y_km),
        "range_km": {"cruise_missile": [0, 20]},
        "kill_probability": {"cruise_missile": p},
        "salvo": salvo,
        "magazine": 100_000,
        "reaction_s": 0,
        "reload_s": 0,
        "time_of_flight_s": 5,
    }
    return {**base, **extra}


def raid(
    count: int, interval_s: float, start_km: tuple[float, float] = (-200, 0), **extra: Any
) -> dict[str, Any]:
    return {
        "id": "R",
        "threat": "cruise_missile",
        "count": count,
        "target": "T",
        "launch_point": at(*start_km),
        "interval_s": interval_s,
        **extra,
    }


TARGET = {"id": "T", "position": at(0, 0), "value": 1}
