"""Simulation run results (JSON, one file per run) in a runs folder.

A runs folder may hold anything, so each ``*.json`` in it must be a regular file of at most 16 MiB (a
symbolic link must not lead out of the folder), UTF-8, and strict JSON (`json_source`); a folder of over
`MAX_RUN_FILES` runs is refused.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

from pydantic import ValidationError

from jointex.errors import InputError, Problem
from jointex.formats.includes import display_path
from jointex.formats.json_source import parse_json
from jointex.formats.safe_files import decode_utf8, read_regular_file
from jointex.formats.source_map import SourceMap
from jointex.formats.validation_errors import unknown_field_flood, validation_problems
from jointex.model.runs import RunResult

MAX_RUN_FILES = 1000


def read_runs(folder: Path) -> list[RunResult]:
    """Every ``*.json`` run result in ``folder``, sorted by file name. Raises `InputError`."""
    if not folder.is_dir():
        what = "a file, not a folder of runs" if folder.exists() else "runs folder not found"
        raise InputError.single(
            what,
            file=display_path(folder),
            expected="the folder of run files (*.json) that `jointex simulate --runs FOLDER` writes",
        )
    paths = sorted(itertools.islice(folder.glob("*.json"), MAX_RUN_FILES + 1))
    if len(paths) > MAX_RUN_FILES:
        raise InputError.single(
            f"over {MAX_RUN_FILES} run files", file=display_path(folder), expected="one file per vignette run"
        )
    runs: list[RunResult] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            runs.append(_read_run(path, folder))
        except InputError as error:
            problems += error.problems
    if problems:
        raise InputError(tuple(problems))
    return runs


def _read_run(path: Path, folder: Path) -> RunResult:
    shown = display_path(path)
    raw = read_regular_file(path, shown, within=folder, expected="a run JSON file")
    data = parse_json(decode_utf8(raw, shown, "a UTF-8 JSON file"), shown)
    source = SourceMap()  # JSON values have no positions: problems name the file and field
    problems = unknown_field_flood(data, source, RunResult)
    if not problems:
        try:
            return RunResult.model_validate(data)
        except ValidationError as error:
            problems = validation_problems(error, source, RunResult)
    raise InputError(tuple(p if p.file else replace(p, file=shown) for p in problems))
