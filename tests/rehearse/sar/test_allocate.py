"""Koopman's random search and Stone's optimal allocation against their closed forms."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jointex.rehearse.vignettes.sar.allocate import (
    probability_of_success,
    random_search_pod,
    stone_allocation,
    uniform_allocation,
)


def test_optimal_beats_uniform_on_two_cells_as_computed_by_hand() -> None:
    # p = (0.8, 0.2), one cell's worth of coverage. Water-filling: searching cell 1 alone leaves it at
    # 0.8 e^-1 = 0.294 > 0.2, so all the effort goes there: z = (1, 0), POS = 0.8 (1 - e^-1) = 0.5057.
    # Even coverage: z = (0.5, 0.5), POS = 1 - e^-0.5 = 0.3935.
    containment = np.array([0.8, 0.2])
    optimal = stone_allocation(containment, 1.0)
    uniform = uniform_allocation(np.array([True, True]), 1.0)
    assert optimal == pytest.approx([1.0, 0.0])
    assert probability_of_success(containment, optimal) == pytest.approx(0.8 * (1 - math.exp(-1)))
    assert probability_of_success(containment, uniform) == pytest.approx(1 - math.exp(-0.5))
    assert probability_of_success(containment, optimal) > probability_of_success(containment, uniform) + 0.1


def test_with_more_effort_both_cells_are_searched_down_to_one_level() -> None:
    # Z = 3: both cells searched, z_j = ln(p_j / lambda) with lambda = sqrt(0.8 x 0.2 / e^3) = 0.08925;
    # z = (2.1931, 0.8069) and POS = 1 - 2 lambda = 0.8215, against 1 - e^-1.5 = 0.7769 evenly.
    level = math.sqrt(0.8 * 0.2 / math.exp(3))
    containment = np.array([0.8, 0.2])
    optimal = stone_allocation(containment, 3.0)
    assert optimal == pytest.approx([math.log(0.8 / level), math.log(0.2 / level)])
    assert optimal == pytest.approx([2.1931, 0.8069], abs=1e-4)
    assert probability_of_success(containment, optimal) == pytest.approx(1 - 2 * level)
    assert probability_of_success(
        containment, uniform_allocation(np.array([True, True]), 3.0)
    ) == pytest.approx(1 - math.exp(-1.5))


def test_random_search_is_even_coverage_of_the_area() -> None:
    # A track of L with sweep width W spread over an area A (one cell holding the object): 1 - exp(-WL/A).
    width_nm, track_nm, area_nm2 = 0.5, 120.0, 100.0
    coverage = uniform_allocation(np.array([True]), width_nm * track_nm / area_nm2)
    expected = 1 - math.exp(-width_nm * track_nm / area_nm2)
    assert probability_of_success(np.array([1.0]), coverage) == pytest.approx(expected)
    assert random_search_pod(width_nm, track_nm, area_nm2) == pytest.approx(expected)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(0.0, 1.0), min_size=2, max_size=30).filter(lambda p: sum(p) > 1e-3),
    st.floats(0.01, 20.0),
    st.integers(0, 2**32 - 1),
)
def test_water_filling_spends_the_effort_and_no_other_allocation_does_better(
    weights: list[float], coverage: float, seed: int
) -> None:
    containment = np.array(weights) / sum(weights)
    optimal = stone_allocation(containment, coverage)
    assert optimal.sum() == pytest.approx(coverage)
    assert (optimal >= 0).all()
    searched = optimal > 0
    after = containment * np.exp(-optimal)
    level = after[searched].max()
    assert after[searched] == pytest.approx(np.full(searched.sum(), level))  # searched down to one level
    assert (containment[~searched] <= level * (1 + 1e-9)).all()  # nothing unsearched above it
    rng = np.random.default_rng(seed)
    for _ in range(20):
        other = rng.dirichlet(np.ones(len(containment))) * coverage
        assert (
            probability_of_success(containment, other) <= probability_of_success(containment, optimal) + 1e-12
        )


def test_bad_effort_is_refused() -> None:
    with pytest.raises(ValueError, match="coverage >= 0"):
        stone_allocation(np.array([0.5, 0.5]), -1.0)
    with pytest.raises(ValueError, match="at least one cell"):
        uniform_allocation(np.array([False]), 1.0)
