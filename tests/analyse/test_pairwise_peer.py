"""The benchmark's fair peer (pairwise_peer.py, a tidy pair-by-pair loop) gives the same state as the
plain reference loop on every unit pair: of every example, and of a case with a clearance refused and a
waiver granted."""

from __future__ import annotations

import numpy as np
import pytest

from jointex import load_exercise
from jointex.analyse.interop.profiles import unit_profiles
from jointex.catalogue import Catalogue, builtin_catalogue
from jointex.model import Exercise
from tests.analyse.pairwise_peer import peer_matrices
from tests.analyse.pairwise_reference import pairwise_matrices
from tests.analyse.test_interop import exercise, unit
from tests.conftest import EXAMPLES


def assert_same_states(built: Exercise, catalogue: Catalogue) -> None:
    profiles = unit_profiles(built, catalogue)
    reference = pairwise_matrices(built, catalogue, profiles)
    peer = peer_matrices(built, catalogue, profiles)
    assert peer.keys() == reference.keys()
    for domain, expected in reference.items():
        np.testing.assert_array_equal(peer[domain], expected, err_msg=domain.value)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_the_peer_loop_agrees_with_the_reference_on_every_pair(path: object) -> None:
    loaded = load_exercise(path)  # type: ignore[arg-type]
    assert_same_states(loaded.exercise, loaded.catalogue)


def test_the_peer_loop_applies_clearances_and_waivers_like_the_reference() -> None:
    built = exercise(
        [unit("U", "USA", "F-16C"), unit("J", "JPN", "F-2A"), unit("F", "FRA", "RAFALE-B", "KC-135R")],
        participants=[
            {"nation": "USA", "languages": ["en"]},
            {"nation": "JPN", "languages": ["ja"]},
            {"nation": "FRA", "languages": ["fr"]},
        ],
        clearances=[
            {"domain": "fuel", "provider": "USA", "receiver": "JPN", "cleared": False, "source": "none"}
        ],
        waivers=[{"domain": "human", "nations": ["JPN", "FRA"], "note": "English-speaking staff"}],
    )
    assert_same_states(built, builtin_catalogue())
