"""Simulation run results (JSON, one file per run) in a runs folder."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from jointex.errors import InputError, Problem
from jointex.formats.includes import display_path
from jointex.formats.validation_errors import validation_problems
from jointex.formats.yaml_source import MAX_FILE_BYTES, SourceMap
from jointex.model.runs import RunResult


def read_runs(folder: Path) -> list[RunResult]:
    """Every ``*.json`` run result in ``folder``, sorted by file name. Raises `InputError`."""
    if not folder.is_dir():
        raise InputError.single(
            "runs folder not found", file=display_path(folder), expected="a folder of run JSON files"
        )
    runs: list[RunResult] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.json")):
        shown = display_path(path)
        if path.stat().st_size > MAX_FILE_BYTES:
            problems.append(Problem("file over the 16 MiB limit", file=shown))
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            line = getattr(error, "lineno", None)
            problems.append(
                Problem(
                    f"not valid JSON: {getattr(error, 'msg', error)}",
                    file=shown,
                    line=line,
                    column=getattr(error, "colno", None),
                )
            )
            continue
        try:
            runs.append(RunResult.model_validate(data))
        except ValidationError as error:
            source = SourceMap()
            problems += [
                p if p.file else Problem(p.message, shown, None, None, p.field, p.expected)
                for p in validation_problems(error, source, RunResult)
            ]
    if problems:
        raise InputError(tuple(problems))
    return runs
