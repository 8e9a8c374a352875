"""Load and validate exercises: parse the files, extend the catalogue, run every integrity check."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jointex.analyse.integrity import SetAside, check_exercise, checks_that_cannot_run
from jointex.catalogue import Catalogue, builtin_catalogue
from jointex.errors import InputError, Problem, Severity, checks_not_run, problems_to_dict
from jointex.formats.catalogue_yaml import read_platform_file
from jointex.formats.exercise_yaml import ParsedExercise, parse_exercise_file
from jointex.formats.include_files import EXERCISE_FILE_NAMES
from jointex.formats.includes import display_path
from jointex.formats.observations import find_observations, read_observations
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
            **problems_to_dict(self.problems),
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


def exercise_file(path: str | Path) -> Path:
    """The exercise file ``path`` names: the file itself, or the ``exercise.yaml`` in a folder
    (``examples/baltic-shield``). Raises `InputError` for a folder without one."""
    path = Path(path)
    if not path.is_dir():
        return path
    for name in EXERCISE_FILE_NAMES:
        if (path / name).is_file():
            return path / name
    found = sorted(p.name for p in path.glob("*.y*ml") if p.is_file())
    hint = f"; it holds {', '.join(found[:5])}{' ...' if len(found) > 5 else ''}" if found else ""
    raise InputError.single(
        f"the folder has no exercise.yaml{hint}",
        file=display_path(path),
        expected="an exercise file, or a folder holding exercise.yaml",
    )


def _catalogue_for(parsed: ParsedExercise, exercise: Exercise) -> tuple[Catalogue, list[Problem]]:
    catalogue = builtin_catalogue()
    problems: list[Problem] = []
    for index, relative in enumerate(exercise.catalogue):
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
    """Load an exercise file (or the ``exercise.yaml`` of a folder) with its includes and catalogue
    files, checked through and through.

    Raises `InputError` with every problem (file, line, column, field) when anything is wrong: a wrong
    value does not hide the others, as the checks beyond types (references, dates, places, labels) run
    on what could be read; a last line names the checks that could not run.
    """
    path = exercise_file(path)
    parsed = parse_exercise_file(path)
    problems = list(parsed.problems)
    catalogue = builtin_catalogue()
    if parsed.exercise is None:
        not_run = checks_that_cannot_run(None)
    else:
        catalogue, catalogue_problems = _catalogue_for(parsed, parsed.exercise)
        problems += catalogue_problems
        partial = parsed.partial
        set_aside = SetAside(
            partial.set_aside_ids if partial else frozenset(),
            partial.set_aside_nations if partial else frozenset(),
            # the platforms of a catalogue file that could not be read would be reported as unknown
            (partial.stand_ins if partial else frozenset())
            | ({"catalogue"} if catalogue_problems else set()),
        )
        not_run = checks_that_cannot_run(set_aside)
        problems += [parsed.place(p) for p in check_exercise(parsed.exercise, catalogue, set_aside)]
    problems.sort(key=lambda p: (p.severity is not Severity.ERROR, str(p.file), p.line or 0, p.column or 0))
    if any(p.severity is Severity.ERROR for p in problems):
        raise InputError((*problems, checks_not_run(not_run)) if not_run else tuple(problems))
    assert parsed.exercise is not None  # without errors, the exercise was read whole
    return LoadedExercise(parsed.exercise, catalogue, path, parsed.files, tuple(problems))


def validate_exercise(path: str | Path) -> ValidationReport:
    """Validate one exercise file (or the ``exercise.yaml`` of a folder), returning the problems instead
    of raising them. The evaluators' file beside it (``observations.yaml``, ``.yml`` or ``.csv``) is
    checked too, once the exercise is valid: its observations must name objectives of the exercise."""
    try:
        path = exercise_file(path)
    except InputError as error:
        return ValidationReport(Path(path), tuple(error.problems))
    try:
        loaded = load_exercise(path)
    except InputError as error:
        return ValidationReport(path, tuple(error.problems))
    try:
        found = find_observations(path)
        if found is not None:
            read_observations(found, loaded.exercise.objectives_by_id)
    except InputError as error:
        return ValidationReport(path, (*error.problems, *loaded.warnings), loaded, loaded.files)
    return ValidationReport(path, loaded.warnings, loaded, loaded.files)
