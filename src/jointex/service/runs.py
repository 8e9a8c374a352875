"""Simulation run files for a report, read from a folder, each named by its file. They are checked
against the exercise (`jointex.assess.run_checks`) by the report before any of their numbers become
evidence, whether they came from a folder or from a store."""

from __future__ import annotations

from pathlib import Path

from jointex.assess.run_checks import RunFile
from jointex.formats.run_results import read_runs


def read_run_files(folder: Path) -> list[RunFile]:
    """Every run in ``folder`` (`read_runs`: each ``*.json``, by file name) with the file it came from,
    as a path under ``folder`` as given. Raises `InputError`."""
    runs = read_runs(folder)
    files = sorted(folder.glob("*.json"))
    if len(files) != len(runs):  # the folder changed while it was read: name the folder
        return [RunFile(folder, run) for run in runs]
    return [RunFile(file, run) for file, run in zip(files, runs, strict=True)]
