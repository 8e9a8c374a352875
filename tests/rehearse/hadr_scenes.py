"""Small relief scenes for the tests: places in km on a local plane around a notional coast."""

from __future__ import annotations

from typing import Any

from jointex.catalogue import builtin_catalogue
from jointex.model import Exercise
from jointex.model.hadr import HadrParameters
from jointex.rehearse.vignettes.hadr.compile import HadrVignette, compile_hadr
from jointex.rehearse.vignettes.hadr.scene import HadrScene
from jointex.rehearse.vignettes.plugin import Setting
from jointex.service.exercises import load_exercise
from tests.conftest import REPO
from tests.rehearse.scenes import at, exercise_with

PACIFIC = REPO / "examples" / "pacific-shelter" / "exercise.yaml"


def relief_exercise(parameters: dict[str, Any], units: dict[str, str] | None = None) -> Exercise:
    """An exercise with one relief vignette ``V``; ``units`` maps unit ids to NOR or USA (default: one
    NOR unit, TRUCKS)."""
    units = units or {"TRUCKS": "NOR"}
    return exercise_with(
        units,
        "logistics",
        {
            "name": "Relief",
            "kind": "hadr",
            "start": "D+1 06:00",
            "end": "D+3 18:00",
            "parameters": parameters,
        },
    )


def relief(parameters: dict[str, Any], units: dict[str, str] | None = None) -> HadrVignette:
    """Compile a relief vignette (`relief_exercise`)."""
    exercise = relief_exercise(parameters, units)
    return compile_hadr(exercise, exercise.vignettes[0])


def relief_setting(parameters: dict[str, Any], units: dict[str, str] | None = None) -> Setting:
    """What the relief plug-in compiles a vignette (`relief_exercise`) from."""
    exercise = relief_exercise(parameters, units)
    return Setting(exercise, exercise.vignettes[0], builtin_catalogue())


def site(sid: str, x: float, y: float, people: int = 100, **extra: Any) -> dict[str, Any]:
    return {"id": sid, "position": at(x, y), "population": people, **extra}


def depot(
    sid: str, x: float, y: float, water_l: float = 1e7, food_kcal: float = 1e10, **extra: Any
) -> dict[str, Any]:
    return {
        "id": sid,
        "position": at(x, y),
        "stock": {"water": water_l, "food": food_kcal},
        "throughput_t_per_day": 10_000,
        "load_min": 0,
        **extra,
    }


def truck(aid: str, unit: str = "TRUCKS", **extra: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "id": aid,
        "unit": unit,
        "type": "truck",
        "count": 1,
        "capacity_kg": 100_000,
        "capacity_m3": 1_000,
        "speed_kmh": 60,
        "range_km": 10_000,
        "sources": ["D"],
        "crew_duty_h": 24,
    }
    values.update(extra)
    return values


QUIET = {
    "aftershock_per_day": 0,
    "helicopter_weather_per_day": 0,
    "breakdown_per_vehicle_day": 0,
}
"""No disruptions: the plan is what happens."""


def pacific(range_factor: float = 1.0) -> HadrScene:
    """The Pacific example's relief vignette: 46 sites, 8 sources, 44 vehicles of 14 asset types; every
    asset's range multiplied by ``range_factor``."""
    exercise = load_exercise(PACIFIC).exercise
    vignette = next(v for v in exercise.vignettes if v.id == "V-HADR-RELIEF")
    parameters = vignette.parameters_as(HadrParameters)
    assets = [a.model_copy(update={"range_km": a.range_km * range_factor}) for a in parameters.assets]
    parameters = parameters.model_copy(update={"assets": tuple(assets)})
    return compile_hadr(exercise, vignette.model_copy(update={"parameters": parameters})).scene
