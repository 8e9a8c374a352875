"""Pydantic's errors in a planner's words, chosen from what the check compared against (its context),
never from pydantic's English message, which changes between versions."""

from __future__ import annotations

import pytest

from jointex.formats.validation_errors import _Error, _message
from jointex.model import Exercise
from jointex.model.base import IDENTIFIER_PATTERN, LANGUAGE_CODE_PATTERN, NATION_CODE_PATTERN
from jointex.service.exercises import validate_exercise
from tests.conftest import MINIMAL, WriteFolder
from tests.formats.bad_input_corpus import swap


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (NATION_CODE_PATTERN, "is not a nation code"),
        (LANGUAGE_CODE_PATTERN, "is not a language code"),
        (IDENTIFIER_PATTERN, "is not a valid id"),
    ],
)
def test_a_pattern_is_named_from_the_error_context_whatever_the_message_says(
    pattern: str, words: str
) -> None:
    error = _Error("string_pattern_mismatch", ("id",), "Zeichenkette passt nicht", {"pattern": pattern})
    assert _message(error, Exercise)[0] == words


def test_an_unknown_pattern_keeps_pydantic_s_message() -> None:
    error = _Error(
        "string_pattern_mismatch", ("id",), "String should match pattern '^x$'", {"pattern": "^x$"}
    )
    assert _message(error, Exercise) == ("String should match pattern '^x$'", None)


def test_an_empty_list_is_named_from_the_minimum_length_in_the_context() -> None:
    assert _message(_Error("too_short", ("units",), "Liste zu kurz", {"min_length": 1}), Exercise) == (
        "must not be empty",
        "at least one entry",
    )


def test_a_bad_id_and_a_bad_nation_code_read_in_a_planner_s_words(write_folder: WriteFolder) -> None:
    text = swap("id: EX1", "id: 'EX 1'", swap("{nation: USA}", "{nation: usa1}", MINIMAL))
    problems = validate_exercise(write_folder({"exercise.yaml": text})).problems
    said = {p.field: p.message for p in problems}
    assert said[("id",)] == "is not a valid id"
    assert said[("participants", 1, "nation")] == "is not a nation code"
