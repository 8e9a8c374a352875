"""Drift: a constant current carries the probability map without changing it; leeway follows the table."""

from __future__ import annotations

import math

import numpy as np
import pytest

from jointex.model.sar import LEEWAY, SearchObjectType
from jointex.rehearse.engine.streams import replication_keys
from jointex.rehearse.vignettes.sar.drift import CM_S_PER_KNOT, MPS_PER_KNOT
from jointex.rehearse.vignettes.sar.scene import compile_scene
from tests.rehearse.sar.scenes import CALM, NO_LEEWAY, helicopter, sar_exercise
from tests.rehearse.scenes import at


def _scene(environment: dict[str, object], search_object: dict[str, object], **parameters: object):  # type: ignore[no-untyped-def]
    exercise = sar_exercise(
        [helicopter("H1", "NOR-HELO")],
        environment={**environment, "water_temperature_c": 20},
        search_object=search_object,
        **parameters,
    )
    return compile_scene(exercise, exercise.vignettes[0])


def test_a_constant_current_translates_the_probability_map_exactly() -> None:
    """1 kn to the east, known exactly, no leeway: in two hours the map moves 2 NM (8 cells of 0.25 NM)
    east, cell for cell, and keeps its shape and its total."""
    current = {"set_deg": 90, "drift_kn": 1.0, "sd_kn": 0.0}
    scene = _scene(
        {**CALM, "current": current},
        {"type": "person_in_water", "leeway": NO_LEEWAY},
        grid={"cells": 100, "extent_nm": 25.0, "centre": at(0, 0)},
    )
    weights = np.full(len(scene.planning_p0), 1 / len(scene.planning_p0))
    before = scene.grid.containment(scene.drift.positions(scene.planning_p0, scene.planning_v, 1.0), weights)
    after = scene.grid.containment(scene.drift.positions(scene.planning_p0, scene.planning_v, 3.0), weights)
    assert before.sum() > 0.99 and after.sum() == pytest.approx(before.sum(), abs=1e-12)
    assert np.allclose(after[:, 8:], before[:, :-8], rtol=0, atol=1e-15)
    x, _ = scene.grid.centres()
    moved_nm = (after * x).sum() / after.sum() - (before * x).sum() / before.sum()
    assert moved_nm == pytest.approx(2.0)


def test_leeway_of_a_person_in_the_water_is_the_tables_share_of_the_wind_downwind() -> None:
    """A 20 kn wind from the north and no current: a person in the water drifts south at 0.96% of the
    wind on average (PIW-1), with its crosswind leeway to either side cancelling out."""
    wind = {"from_deg": 0, "speed_kn": 20, "speed_sd_kn": 0, "direction_sd_deg": 0}
    scene = _scene({**CALM, "wind": wind}, {"type": "person_in_water"})
    _, velocity = scene.drift.cases(replication_keys(11, 0, 40_000))
    leeway = LEEWAY[SearchObjectType.PERSON_IN_WATER]
    south_kn = leeway.downwind_slope_pct * 20 * MPS_PER_KNOT / CM_S_PER_KNOT
    assert south_kn == pytest.approx(0.0096 * 20, rel=1e-4)
    error = velocity.std(axis=0) / np.sqrt(len(velocity))
    assert abs(velocity[:, 1].mean() + south_kn) < 4 * error[1]
    assert abs(velocity[:, 0].mean()) < 4 * error[0]
    # crosswind: 0.54% of the wind to one side or the other, with its 9.4 cm/s spread (a folded normal)
    mu, sigma = 0.54 / 0.96 * south_kn, leeway.right_sd_cms / CM_S_PER_KNOT
    folded = sigma * math.sqrt(2 / math.pi) * math.exp(-(mu**2) / (2 * sigma**2)) + mu * math.erf(
        mu / (sigma * math.sqrt(2))
    )
    sideways = np.abs(velocity[:, 0])
    assert abs(sideways.mean() - folded) < 4 * sideways.std() / math.sqrt(len(sideways))
    assert scene.drift.mean_velocity_kn() == pytest.approx([0.0, -south_kn], abs=1e-12)


def test_a_case_depends_only_on_its_replication() -> None:
    scene = _scene(CALM, {"type": "life_raft"})
    keys = replication_keys(4, 0, 50)
    p0, velocity = scene.drift.cases(keys)
    p0_part, velocity_part = scene.drift.cases(keys[20:30])
    assert np.array_equal(p0[20:30], p0_part) and np.array_equal(velocity[20:30], velocity_part)
