"""Evaluator observations: ``observations.yaml`` (observations and actions) or ``observations.csv``.

The CSV has one observation per row with the columns ``time, observer, objective, unit, inject, rating,
metric, value, text, label``; empty cells are left out. Errors name the file, line and column. Either file
must be a regular file of at most 16 MiB; a CSV cell may hold at most 128 KiB (Python's ``csv`` limit), and
checking stops after `MAX_PROBLEMS` problems.
"""

from __future__ import annotations

import csv
import io
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


def read_observations(path: Path) -> Observations:
    """Read an observations file (YAML or CSV by its suffix). Raises `InputError`."""
    if path.suffix.lower() == ".csv":
        return _read_csv(path)
    document = read_yaml_mapping(path, display_path(path))
    flood = unknown_field_flood(document.data, document.source, Observations)
    if flood:
        raise InputError(tuple(flood))
    try:
        return Observations.model_validate(document.data)
    except ValidationError as error:
        raise InputError(tuple(validation_problems(error, document.source, Observations))) from None


def _read_csv(path: Path) -> Observations:
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
                observations.append(Observation.model_validate(data))
            except ValidationError as error:
                problems += validation_problems(error, source, Observation)
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
