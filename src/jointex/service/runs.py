"""Simulation run files for a report: read from a folder, each named by its file, checked against the
exercise before any of their numbers become evidence (`jointex.assess.run_checks`)."""

from __future__ import annotations

from pathlib import Path

from jointex.assess.run_checks import RunFile, check_run_files
from jointex.formats.run_results import read_runs
from jointex.model import Exercise
from jointex.security.readers import reader_for


def read_run_files(folder: Path) -> list[RunFile]:
    """Every run in ``folder`` (`read_runs`: each ``*.json``, by file name) with the file it came from,
    as a path under ``folder`` as given. Raises `InputError`."""
    runs = read_runs(folder)
    files = sorted(folder.glob("*.json"))
    if len(files) != len(runs):  # the folder changed while it was read: name the folder
        return [RunFile(folder, run) for run in runs]
    return [RunFile(file, run) for file, run in zip(files, runs, strict=True)]


def checked_run_files(folder: Path, exercise: Exercise, reader: str | None = None) -> list[RunFile]:
    """The run files of ``folder``, refused (`InputError`, every problem named by file and field) unless
    each is a rehearsal of this version of ``exercise`` (as loaded, all of it) that the version for
    ``reader`` (a nation; None or ``ALL`` for the coalition) may cite."""
    files = read_run_files(folder)
    check_run_files(files, exercise, reader_for(exercise, reader).nation)
    return files
