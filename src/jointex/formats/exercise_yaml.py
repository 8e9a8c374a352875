"""The exercise file (YAML): text -> `Exercise`, with every type problem placed at its file and line."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import ValidationError

from jointex.errors import MAX_PROBLEMS, InputError, Problem
from jointex.formats.hxl_sites import merge_hxl_sites
from jointex.formats.include_files import include_file_problem
from jointex.formats.includes import read_with_includes
from jointex.formats.partial_exercise import PartialExercise, read_partial_exercise
from jointex.formats.validation_errors import unknown_field_flood, validation_problems
from jointex.formats.yaml_source import SourceMap
from jointex.model.exercise import Exercise


@dataclass(frozen=True)
class ParsedExercise:
    """An exercise as read from its files, with where each value came from.

    With type problems (``problems``), ``exercise`` is what could be read of it (``partial`` says what was
    left out), or None when nothing could; the checks beyond types run on what could be read.
    """

    exercise: Exercise | None
    source: SourceMap
    root_folder: Path
    files: tuple[Path, ...]
    problems: tuple[Problem, ...] = ()
    partial: PartialExercise | None = None

    def place(self, problem: Problem) -> Problem:
        """A problem found in the exercise as read, at its file, line, column and field path as written."""
        if self.partial is not None:
            problem = replace(
                problem,
                field=self.partial.as_written(problem.field),
                also_at=self.partial.as_written(problem.also_at),
            )
        return self.source.place(problem)


def parse_exercise_file(path: Path) -> ParsedExercise:
    """Read, merge and type-check an exercise file. Raises `InputError` when the files cannot be read
    (syntax, includes, an include file given alone, a flood of unknown fields); type problems are
    returned with as much of the exercise as could be read.

    This checks types and shapes only; cross-references, dates, geography and labels are checked by
    :func:`jointex.analyse.integrity.check_exercise`.
    """
    merged = read_with_includes(path)
    alone = include_file_problem(path, merged.data)
    if alone is not None:
        raise InputError((alone,))
    merge_hxl_sites(merged.data, merged.source, merged.root_folder)
    flood = unknown_field_flood(merged.data, merged.source, Exercise)
    if flood:
        raise InputError(tuple(flood))
    files = tuple(merged.files)
    try:
        exercise = Exercise.model_validate(merged.data)
    except ValidationError as error:
        problems = validation_problems(error, merged.source, Exercise)
        problems.sort(key=lambda p: (str(p.file), p.line or 0, p.column or 0))
        partial = (
            read_partial_exercise(merged.data, error)
            if error.error_count() <= MAX_PROBLEMS
            else PartialExercise(None)
        )
        return ParsedExercise(
            partial.exercise, merged.source, merged.root_folder, files, tuple(problems), partial
        )
    return ParsedExercise(exercise, merged.source, merged.root_folder, files)
