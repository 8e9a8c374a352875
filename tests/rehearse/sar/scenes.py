"""Small search and rescue scenes for the tests: a datum at the origin of the test plane, units there."""

from __future__ import annotations

from typing import Any

from jointex.model import Exercise
from tests.rehearse.scenes import at, exercise_with

CALM = {"wind": {"from_deg": 0, "speed_kn": 0, "speed_sd_kn": 0, "direction_sd_deg": 0},
        "current": {"set_deg": 90, "drift_kn": 0, "sd_kn": 0}}  # fmt: skip
NO_LEEWAY = {
    "downwind_slope_pct": 0, "downwind_offset_cms": 0, "downwind_sd_cms": 0,
    "right_slope_pct": 0, "right_offset_cms": 0, "right_sd_cms": 0,
    "left_slope_pct": 0, "left_offset_cms": 0, "left_sd_cms": 0,
}  # fmt: skip


def helicopter(asset_id: str, unit: str, **extra: Any) -> dict[str, Any]:
    """A helicopter searching by eye at 90 kn for 4-hour sorties."""
    return {"id": asset_id, "unit": unit, "platform": "helicopter", "search_speed_kn": 90, "endurance_h": 4,
            "transit_nm": 0, **extra}  # fmt: skip


def sar_exercise(
    assets: list[dict[str, Any]],
    *,
    units: dict[str, str] | None = None,
    start: str = "D+1 06:00",
    end: str = "D+1 18:00",
    **parameters: Any,
) -> Exercise:
    """The minimal exercise with units (``{id: nation}``, default one Norwegian and one US helicopter
    unit) and one SAR vignette ``V`` whose parameters are ``parameters`` over a default case: a person in
    the water lost at the origin 2 hours before the search, in a 10 kn northerly and a 0.5 kn easterly
    current, water at 12 C, visibility 10 NM."""
    base: dict[str, Any] = {
        "datum": {"position": at(0, 0), "hours_before_start": 2, "position_error_nm": 1.0},
        "search_object": {"type": "person_in_water", "people": 1},
        "environment": {
            "wind": {"from_deg": 0, "speed_kn": 10},
            "current": {"set_deg": 90, "drift_kn": 0.5},
            "water_temperature_c": 12,
        },
        "grid": {"cells": 100},
        "assets": assets,
        "planning_particles": 2_000,
    }
    base.update(parameters)
    vignette = {"name": "Search", "kind": "sar", "start": start, "end": end, "parameters": base}
    return exercise_with(units or {"NOR-HELO": "NOR", "USA-HELO": "USA"}, "air", vignette)
