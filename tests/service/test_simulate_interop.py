"""A rehearsal reuses the caller's interoperability analysis only when it is of the same reader's version:
another version's data links would give silently wrong numbers."""

from __future__ import annotations

import pytest

from jointex.security.readers import reader_for
from jointex.service.exercises import load_exercise
from jointex.service.interop import interop_for_exercise
from jointex.service.simulate import simulate
from tests.conftest import REPO

FLAGSHIP = REPO / "examples" / "baltic-shield" / "exercise.yaml"


def test_another_readers_analysis_is_refused_and_the_same_readers_is_used() -> None:
    loaded = load_exercise(FLAGSHIP)
    coalition = interop_for_exercise(loaded, reader_for(loaded.exercise, None))
    with pytest.raises(ValueError, match=r"not (Poland|POL)"):
        simulate(loaded, "V-IAMD-RAID", replications=2, reader="POL", interop=coalition)
    given = simulate(loaded, "V-IAMD-RAID", replications=20, seed=3, interop=coalition)
    made = simulate(loaded, "V-IAMD-RAID", replications=20, seed=3)
    assert given.simulation.summary("integrated") == made.simulation.summary("integrated")
