"""Load and validate exercises: parse the files, extend the catalogue, run every integrity check."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from jointex.analyse.integrity import check_exercise
from jointex.catalogue import Catalogue, builtin_catalogue
from jointex.errors import InputError, Problem, Severity
from jointex.formats.catalogue_yaml import read_platform_file
from jointex.formats.exercise_yaml import ParsedExercise, parse_exercise_file
from jointex.formats.yaml_source import SourceMap
from jointex.model import Exercise


@dataclass(frozen=True)
class LoadedExercise:
    """A valid exercise, the catalogue it was checked against, and the warnings it raised."""

    exercise: Exercise
    catalogue: Catalogue
    path: Path
    files: tuple[Path, ...]
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class ValidationReport:
    """Outcome of validating one exercise file, for `jointex validate`."""

    path: Path
    problems: tuple[Problem, ...] = ()
    loaded: LoadedExercise | None = None
    files: tuple[Path, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)

    def to_dict(self) -> dict[str, object]:
        result: dict[str, object] = {
            "path": str(self.path),
            "valid": self.ok,
            "files": [str(f) for f in self.files],
            "problems": [p.to_dict() for p in self.problems],
        }
        if self.loaded is not None:
            exercise = self.loaded.exercise
            result["exercise"] = {
                "id": exercise.id,
                "name": exercise.name,
                "nations": len(exercise.participants),
                "units": len(exercise.units),
                "objectives": len(exercise.objectives),
                "vignettes": len(exercise.vignettes),
                "injects": len(exercise.injects()),
            }
        return result


def _place(problem: Problem, source: SourceMap) -> Problem:
    """Give a problem found by field path its file, line and column."""
    if problem.file is not None:
        return problem
    where = source.locate(problem.field)
    if where is None:
        return problem
    return replace(problem, file=where.file, line=where.line, column=where.column)


def _catalogue_for(parsed: ParsedExercise) -> tuple[Catalogue, list[Problem]]:
    catalogue = builtin_catalogue()
    problems: list[Problem] = []
    for index, relative in enumerate(parsed.exercise.catalogue):
        try:
            catalogue = catalogue.with_platforms(read_platform_file(parsed.root_folder / relative))
        except InputError as error:
            if error.problems and error.problems[0].message == "file not found":
                problems.append(
                    parsed.source.problem(("catalogue", index), f"catalogue file {relative} not found")
                )
            else:
                problems.extend(error.problems)
    return catalogue, problems


def load_exercise(path: str | Path) -> LoadedExercise:
    """Load an exercise file with its includes and catalogue files, checked through and through.

    Raises `InputError` with every problem (file, line, column, field) when anything is wrong.
    """
    path = Path(path)
    parsed = parse_exercise_file(path)
    catalogue, problems = _catalogue_for(parsed)
    problems += [_place(p, parsed.source) for p in check_exercise(parsed.exercise, catalogue)]
    problems.sort(key=lambda p: (p.severity is not Severity.ERROR, str(p.file), p.line or 0, p.column or 0))
    if any(p.severity is Severity.ERROR for p in problems):
        raise InputError(tuple(problems))
    return LoadedExercise(parsed.exercise, catalogue, path, parsed.files, tuple(problems))


def validate_exercise(path: str | Path) -> ValidationReport:
    """Validate one exercise file, returning the problems instead of raising them."""
    path = Path(path)
    try:
        loaded = load_exercise(path)
    except InputError as error:
        return ValidationReport(path, tuple(error.problems))
    return ValidationReport(path, loaded.warnings, loaded, loaded.files)
