"""The reader of a document, made once where the request comes in: a nation taking part, or the
coalition."""

from __future__ import annotations

import pytest

from jointex.errors import InputError
from jointex.security.readers import COALITION, reader_for
from jointex.service.exercises import load_exercise
from tests.conftest import EXAMPLES


def test_a_nation_is_read_in_any_case_and_the_coalition_is_every_nation_taking_part() -> None:
    exercise = load_exercise(EXAMPLES[0]).exercise
    poland = reader_for(exercise, " pol ")
    assert (poland.name, poland.nation, poland.nations) == ("POL", "POL", frozenset({"POL"}))
    for wanted in (None, "all", COALITION):
        coalition = reader_for(exercise, wanted)
        assert coalition.is_coalition and coalition.nation is None
        assert coalition.nations == frozenset(exercise.nations)


def test_a_reader_made_for_one_exercise_is_checked_against_another() -> None:
    baltic, other = (load_exercise(path).exercise for path in EXAMPLES[:2])
    coalition = reader_for(other, reader_for(baltic, None))
    assert coalition.nations == frozenset(other.nations) != frozenset(baltic.nations)
    outsider = next(n for n in baltic.nations if n not in other.nations)
    with pytest.raises(InputError, match=f"{outsider} does not take part"):
        reader_for(other, reader_for(baltic, outsider))


def test_a_nation_not_taking_part_is_refused_naming_those_that_do() -> None:
    exercise = load_exercise(EXAMPLES[0]).exercise
    with pytest.raises(InputError) as refused:
        reader_for(exercise, "CHN")
    (problem,) = refused.value.problems
    assert problem.message == "CHN does not take part in the exercise"
    assert problem.field == ("--for",)
    assert problem.expected == "one of " + ", ".join(exercise.nations) + ", or ALL for the coalition version"
