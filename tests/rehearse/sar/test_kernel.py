"""The detection kernel against closed forms: Koopman's random search, a parallel sweep at S = W under a
definite-range law, and the inverse cube law's erf(sqrt(pi)/2 W/S)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.special import erf

from jointex.model import GeoPoint
from jointex.rehearse.engine.streams import replication_keys
from jointex.rehearse.vignettes.sar.compile import SarVignette
from jointex.rehearse.vignettes.sar.kernel import find_times, miss_probability
from jointex.rehearse.vignettes.sar.scene import compile_scene
from tests.rehearse.sar.scenes import CALM, NO_LEEWAY, helicopter, sar_exercise
from tests.rehearse.scenes import at


def _found(legs: np.ndarray, objects: np.ndarray, definite: bool, seed: int = 1) -> np.ndarray:
    """Whether ``legs`` find each stationary object (a row of ``objects``)."""
    keys = replication_keys(seed, 0, len(objects))
    still = np.zeros_like(objects)
    times = find_times(
        keys, objects, still, 0.0, legs, np.arange(len(legs)), np.array([0, len(legs)]), definite
    )
    return np.isfinite(times[:, 0])


def _legs(starts: np.ndarray, ends: np.ndarray, width_nm: float) -> np.ndarray:
    count = len(starts)
    times = np.arange(count, dtype=float)
    return np.column_stack([starts, ends, times, times + 0.1, np.full(count, width_nm)])


def test_random_search_finds_with_one_minus_exp_of_minus_w_l_over_a() -> None:
    """Legs of 20 NM at random places and headings over a 60 NM square, W = 0.1 NM, L = 36,000 NM: an
    object in the middle (where every leg's reach fits in the square) is found with probability
    1 - (1 - a/A)^n exactly, a = l W + pi W^2 / 4 the area from which a leg sees it: within 0.2% of
    Koopman's 1 - exp(-W L / A) = 1 - 1/e."""
    side, length, width, legs_count = 60.0, 20.0, 0.1, 1_800
    rng = np.random.default_rng(5)
    reach = length / 2 + width / 2
    found = []
    for _ in range(10):  # ten independent random searches
        middle = rng.uniform(0, side, (legs_count, 2))
        heading = rng.uniform(0, 2 * math.pi, legs_count)
        half = 0.5 * length * np.column_stack([np.sin(heading), np.cos(heading)])
        objects = rng.uniform(reach, side - reach, (4_000, 2))
        found.append(_found(_legs(middle - half, middle + half, width), objects, definite=True))
    share = float(np.concatenate(found).mean())
    seen_from = length * width + math.pi * width**2 / 4
    exact = 1 - (1 - seen_from / side**2) ** legs_count
    koopman = 1 - math.exp(-width * length * legs_count / side**2)
    assert abs(exact - koopman) < 0.002
    standard_error = math.sqrt(exact * (1 - exact) / 40_000)
    assert abs(share - exact) < 4 * standard_error


def test_a_parallel_sweep_at_spacing_w_finds_a_stationary_object_in_its_area_for_certain() -> None:
    """Definite range, track spacing S = W = 0.5 NM over a 6 x 4 NM rectangle turned 30 degrees, the
    object anywhere about the datum (3 NM error) and not drifting: found in every replication where it
    lies in the rectangle, and never beyond half a sweep width of it."""
    width = 0.5
    area = {"centre": at(1.0, 0.5), "length_nm": 6.0, "width_nm": 4.0, "orientation_deg": 30.0}
    exercise = sar_exercise(
        [helicopter("H1", "NOR-HELO", sweep_width_nm=width, area=area, track_spacing_nm=width)],
        detection="definite_range",
        datum={"position": at(0, 0), "hours_before_start": 2, "position_error_nm": 3.0},
        search_object={"type": "person_in_water", "leeway": NO_LEEWAY},
        environment={**CALM, "water_temperature_c": 25},
    )
    vignette = SarVignette(compile_scene(exercise, exercise.vignettes[0]), "optimal")
    keys = replication_keys(3, 0, 4_000)
    found = np.isfinite(vignette.outcome(keys).found_h[:, 0])
    p0, velocity = vignette.scene.drift.cases(keys)
    assert (velocity == 0).all()
    centre = np.array(vignette.scene.plane.xy(GeoPoint.model_validate(area["centre"])))
    heading = math.radians(30.0)
    along = (p0 - centre) @ np.array([math.sin(heading), math.cos(heading)])
    across = (p0 - centre) @ np.array([math.cos(heading), -math.sin(heading)])
    inside = (np.abs(along) < 3.0) & (np.abs(across) < 2.0)
    near = (np.abs(along) <= 3.0 + width / 2) & (np.abs(across) <= 2.0 + 1e-9)
    assert inside.sum() > 500 and (~near).sum() > 500
    assert found[inside].all()
    assert not found[~near].any()


def test_parallel_passes_under_the_inverse_cube_law_find_with_koopmans_erf() -> None:
    """Long parallel legs S = 1 NM apart, W = 0.7 NM: an object between them is found on average with
    erf(sqrt(pi)/2 x W/S) = 0.620 (Koopman), drawn leg by leg, and expected exactly as much by the
    planners' miss probability."""
    spacing, width = 1.0, 0.7
    lines = spacing * np.arange(-60, 61)
    starts = np.column_stack([np.full(len(lines), -2_000.0), lines])
    ends = np.column_stack([np.full(len(lines), 2_000.0), lines])
    legs = _legs(starts, ends, width)
    objects = np.column_stack([np.zeros(40_000), (np.arange(40_000) + 0.5) / 40_000 * spacing])
    share = float(_found(legs, objects, definite=False).mean())
    koopman = float(erf(math.sqrt(math.pi) / 2 * width / spacing))
    assert abs(share - koopman) < 4 * math.sqrt(koopman * (1 - koopman) / len(objects))
    expected = 1 - miss_probability(objects, np.zeros_like(objects), 0.0, legs, False).mean()
    assert expected == pytest.approx(koopman, abs=1e-3)
