"""The exercise file (YAML): text -> `Exercise`, with every type problem placed at its file and line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from jointex.errors import InputError
from jointex.formats.hxl_sites import merge_hxl_sites
from jointex.formats.includes import read_with_includes
from jointex.formats.validation_errors import unknown_field_flood, validation_problems
from jointex.formats.yaml_source import SourceMap
from jointex.model.exercise import Exercise


@dataclass(frozen=True)
class ParsedExercise:
    """An exercise as read from its files, with where each value came from."""

    exercise: Exercise
    source: SourceMap
    root_folder: Path
    files: tuple[Path, ...]


def parse_exercise_file(path: Path) -> ParsedExercise:
    """Read, merge and type-check an exercise file. Raises `InputError` listing every problem found.

    This checks types and shapes only; cross-references, dates, geography and labels are checked by
    :func:`jointex.analyse.integrity.check_exercise`.
    """
    merged = read_with_includes(path)
    merge_hxl_sites(merged.data, merged.source, merged.root_folder)
    flood = unknown_field_flood(merged.data, merged.source, Exercise)
    if flood:
        raise InputError(tuple(flood))
    try:
        exercise = Exercise.model_validate(merged.data)
    except ValidationError as error:
        problems = validation_problems(error, merged.source, Exercise)
        problems.sort(key=lambda p: (str(p.file), p.line or 0, p.column or 0))
        raise InputError(tuple(problems)) from None
    return ParsedExercise(exercise, merged.source, merged.root_folder, tuple(merged.files))
