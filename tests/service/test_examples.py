"""Every bundled example is a realistic, valid, multinational exercise with per-nation include files."""

from __future__ import annotations

from pathlib import Path

import pytest

from jointex.model import Aspect
from jointex.service.exercises import load_exercise
from tests.conftest import EXAMPLES


def test_there_are_three_examples() -> None:
    assert [p.parent.name for p in EXAMPLES] == ["baltic-shield", "coalition-cyber", "pacific-shelter"]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_each_example_is_valid_and_clean(path: Path) -> None:
    loaded = load_exercise(path)
    assert loaded.warnings == ()
    exercise = loaded.exercise
    assert len(exercise.participants) >= 6
    assert exercise.injects(), "an example has an MSEL"
    assert exercise.vignettes and exercise.objectives


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_each_nation_keeps_its_contribution_in_its_own_file(path: Path) -> None:
    loaded = load_exercise(path)
    nation_files = {f.stem.upper() for f in loaded.files if f.parent.name == "nations"}
    assert nation_files == set(loaded.exercise.nations)
    for unit in loaded.exercise.units:
        assert unit.nation in nation_files


def test_the_examples_cover_all_five_aspects_between_them() -> None:
    aspects = {o.aspect for path in EXAMPLES for o in load_exercise(path).exercise.objectives}
    assert aspects == set(Aspect)


def test_the_pacific_example_has_non_nato_partners_and_civil_actors() -> None:
    exercise = load_exercise(Path(EXAMPLES[2])).exercise
    assert {"PHL", "JPN", "IDN", "KOR"} <= set(exercise.nations)
    assert {"UN-OCHA", "WFP"} <= {actor.id for actor in exercise.actors}
