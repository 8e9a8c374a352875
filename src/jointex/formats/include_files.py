"""An include file given where an exercise file is expected: say so, and name the exercise including it.

A nation's file (``nations/pol.yaml``) holds only list sections; validated alone it would get a list of
missing fields (id, name, dates...) that it should not have. The exercise that includes it is looked for
as ``exercise.yaml`` in its folder and the folders above (up to `SEARCH_LEVELS`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jointex.errors import InputError, Problem
from jointex.formats.includes import INCLUDABLE, display_path, read_with_includes

SEARCH_LEVELS = 3
EXERCISE_FILE_NAMES = ("exercise.yaml", "exercise.yml")


def looks_like_include_file(data: dict[str, Any]) -> bool:
    """Whether a file's top-level keys are only those an include file may set (a catalogue list alone
    does not make one)."""
    keys = set(data) - {"catalogue"}
    return bool(keys) and keys <= set(INCLUDABLE)


def including_exercise(path: Path) -> Path | None:
    """The ``exercise.yaml`` in ``path``'s folder or above that includes ``path``, if there is one."""
    target = path.resolve()
    folder = target.parent
    for _ in range(SEARCH_LEVELS):
        for name in EXERCISE_FILE_NAMES:
            candidate = folder / name
            if candidate == target or not candidate.is_file():
                continue
            try:
                files = read_with_includes(candidate).files
            except InputError:
                continue  # an exercise with include problems of its own: not this one's to report
            if any(file.resolve() == target for file in files):
                return candidate
        if folder.parent == folder:
            break
        folder = folder.parent
    return None


def include_file_problem(path: Path, data: dict[str, Any]) -> Problem | None:
    """The problem of reading an include file as an exercise, or None when ``data`` is not one."""
    if not looks_like_include_file(data):
        return None
    sections = ", ".join(key for key in INCLUDABLE if key in data and key != "catalogue")
    exercise = including_exercise(path)
    if exercise is not None:
        message = (
            f"this is an include file of {display_path(exercise)} (it holds only {sections}); validate "
            "that exercise instead"
        )
    else:
        message = (
            f"this looks like an include file (it holds only {sections}), and no exercise.yaml in its "
            "folder or above includes it"
        )
    return Problem(
        message,
        file=display_path(path),
        expected="an exercise file, with id, name, type, host_nation, start_date, end_date and area; "
        "or its folder",
    )
