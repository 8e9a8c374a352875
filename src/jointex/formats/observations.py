"""Evaluator observations: ``observations.yaml`` (observations and actions) or ``observations.csv``.

The CSV has one observation per row with the columns ``time, observer, objective, unit, inject, rating,
metric, value, text, label``; empty cells are left out. Errors name the file, line and column. Either file
must be a regular file of at most 16 MiB; a CSV cell may hold at most 128 KiB (Python's ``csv`` limit), and
checking stops after `MAX_PROBLEMS` problems. Read with the exercise's objective ids, an observation naming
another objective is a problem placed at its ``objective``, with the ids it may have meant.
"""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Collection
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from jointex.errors import MAX_PROBLEMS, InputError, Problem
from jointex.formats.includes import display_path
from jointex.formats.safe_files import decode_utf8, read_regular_file
from jointex.formats.source_map import Position, SourceMap
from jointex.formats.validation_errors import unknown_field_flood, validation_problems
from jointex.formats.yaml_source import read_yaml_mapping
from jointex.model.assessment import Observation, Observations

CSV_COLUMNS = (
    "time",
    "observer",
    "objective",
    "unit",
    "inject",
    "rating",
    "metric",
    "value",
    "text",
    "label",
)


OBSERVATION_FILES = ("observations.yaml", "observations.yml", "observations.csv")
"""The names the evaluators' file may have beside the exercise file, in the order they are looked for."""


def find_observations(exercise_file: Path) -> Path | None:
    """The evaluators' file in the exercise folder, if there is one. Raises `InputError` for one that is
    a link leading out of the folder (never followed, and never named beyond its own name)."""
    folder = exercise_file.parent
    for name in OBSERVATION_FILES:
        candidate = folder / name
        if candidate.is_file():
            if not candidate.resolve().is_relative_to(folder.resolve()):
                raise InputError.single(
                    f"{name} is a link that leads out of the exercise folder; refused",
                    file=candidate,
                    expected="the evaluators' file inside the exercise folder",
                )
            return candidate
    return None


def read_observations(path: Path, objectives: Collection[str] | None = None) -> Observations:
    """Read an observations file (YAML or CSV by its suffix). With ``objectives``, the objective ids of
    the exercise, an observation naming any other objective is a problem. Raises `InputError`."""
    if path.suffix.lower() == ".csv":
        return _read_csv(path, objectives)
    document = read_yaml_mapping(path, display_path(path))
    flood = unknown_field_flood(document.data, document.source, Observations)
    if flood:
        raise InputError(tuple(flood))
    try:
        observations = Observations.model_validate(document.data)
    except ValidationError as error:
        raise InputError(tuple(validation_problems(error, document.source, Observations))) from None
    if objectives is not None:
        problems = [
            document.source.problem(("observations", i, "objective"), *_unknown_objective(o, objectives))
            for i, o in enumerate(observations.observations)
            if o.objective not in objectives
        ]
        if problems:
            raise InputError(tuple(problems[:MAX_PROBLEMS]))
    return observations


def _unknown_objective(observation: Observation, objectives: Collection[str]) -> tuple[str, str]:
    """The message and expected value for an observation naming an objective the exercise lacks."""
    close = difflib.get_close_matches(observation.objective, sorted(objectives), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"unknown objective {observation.objective!r}{hint}", "the id of an objective of the exercise"


def _read_csv(path: Path, objectives: Collection[str] | None) -> Observations:
    shown = display_path(path)
    raw = read_regular_file(path, shown, expected="a CSV file")
    reader = csv.DictReader(io.StringIO(decode_utf8(raw, shown, "a UTF-8 CSV file"), newline=""))
    try:
        header = reader.fieldnames or []
    except csv.Error as error:
        raise InputError((_csv_problem(error, reader, shown),)) from None
    missing = [c for c in ("time", "observer", "objective", "text") if c not in header]
    unknown = [c for c in header if c not in CSV_COLUMNS]
    problems = [
        Problem(f"missing column {c!r}", file=shown, line=1, column=1, expected=", ".join(CSV_COLUMNS))
        for c in missing
    ]
    problems += [
        Problem(
            f"unknown column {c!r}",
            file=shown,
            line=1,
            column=header.index(c) + 1,
            expected=", ".join(CSV_COLUMNS),
        )
        for c in unknown
    ]
    if problems:
        raise InputError(tuple(problems))
    observations: list[Observation] = []
    try:
        for row_number, row in enumerate(reader, start=2):
            if len(problems) >= MAX_PROBLEMS:
                problems.append(
                    Problem(f"checking stopped after {MAX_PROBLEMS} problems", file=shown, line=row_number)
                )
                break
            data: dict[str, Any] = {
                k: v.strip() for k, v in row.items() if k in CSV_COLUMNS and v and v.strip()
            }
            source = SourceMap()
            source.positions.update(
                {(key,): Position(shown, row_number, header.index(key) + 1) for key in data}
            )
            source.positions[()] = Position(shown, row_number, 1)
            try:
                observation = Observation.model_validate(data)
            except ValidationError as error:
                problems += validation_problems(error, source, Observation)
                continue
            observations.append(observation)
            if objectives is not None and observation.objective not in objectives:
                problems.append(source.problem(("objective",), *_unknown_objective(observation, objectives)))
    except csv.Error as error:
        problems.append(_csv_problem(error, reader, shown))
    if problems:
        raise InputError(tuple(problems))
    return Observations(observations=tuple(observations))


def _csv_problem(error: csv.Error, reader: csv.DictReader[str], shown: Path) -> Problem:
    message = str(error)
    if message.startswith("field larger than field limit"):
        limit = csv.field_size_limit()
        return Problem(
            f"a cell is over {limit:,} characters long",
            file=shown,
            line=reader.reader.line_num,
            expected=f"cells of at most {limit // 1024} KiB",
        )
    return Problem(f"not valid CSV: {message}", file=shown, line=reader.reader.line_num)
