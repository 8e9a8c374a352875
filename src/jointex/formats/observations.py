"""Evaluator observations: ``observations.yaml`` (observations and actions) or ``observations.csv``.

The CSV has one observation per row with the columns ``time, observer, objective, unit, inject, rating,
metric, value, text, label``; empty cells are left out. Errors name the file, line and column.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from jointex.errors import InputError, Problem
from jointex.formats.includes import display_path
from jointex.formats.validation_errors import validation_problems
from jointex.formats.yaml_source import MAX_FILE_BYTES, Position, SourceMap, read_yaml_mapping
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
    try:
        return Observations.model_validate(document.data)
    except ValidationError as error:
        raise InputError(tuple(validation_problems(error, document.source, Observations))) from None


def _read_csv(path: Path) -> Observations:
    shown = display_path(path)
    if not path.is_file():
        raise InputError.single("file not found", file=shown)
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InputError.single("file over the 16 MiB limit", file=shown)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError.single(
            "the file is not UTF-8 text", file=shown, expected="a UTF-8 CSV file"
        ) from None
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
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
    for row_number, row in enumerate(reader, start=2):
        data: dict[str, Any] = {k: v.strip() for k, v in row.items() if k in CSV_COLUMNS and v and v.strip()}
        source = SourceMap()
        source.positions.update({(key,): Position(shown, row_number, header.index(key) + 1) for key in data})
        source.positions[()] = Position(shown, row_number, 1)
        try:
            observations.append(Observation.model_validate(data))
        except ValidationError as error:
            problems += validation_problems(error, source, Observation)
    if problems:
        raise InputError(tuple(problems))
    return Observations(observations=tuple(observations))
