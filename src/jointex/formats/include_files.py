"""An include file given where an exercise file is expected: say so, and name the exercise including it.

A nation's file (``nations/pol.yaml``) holds only list sections; validated alone it would get a list of
missing fields (id, name, dates...) that it should not have. The exercise that includes it is looked for
where a person keeps it: as ``exercise.yaml`` in the file's own folder or the folder above (nation files
live in ``nations/`` beside the exercise file). Of each such exercise file only its ``include`` list is
read, with the safe loader and its limits; its includes are not followed, and no folder further up (a
home folder, ``/tmp``) is searched.
"""

from __future__ import annotations

import os
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from jointex.errors import InputError, Problem
from jointex.formats.include_globs import has_wildcard
from jointex.formats.includes import INCLUDABLE, display_path
from jointex.formats.safe_files import real_path
from jointex.formats.yaml_source import read_yaml_mapping

EXERCISE_FILE_NAMES = ("exercise.yaml", "exercise.yml")


def looks_like_include_file(data: dict[str, Any]) -> bool:
    """Whether a file's top-level keys are only those an include file may set (a catalogue list alone
    does not make one)."""
    keys = set(data) - {"catalogue"}
    return bool(keys) and keys <= set(INCLUDABLE)


def _pattern_matches(pattern: list[str], parts: list[str]) -> bool:
    """Whether the path ``parts`` matches the include pattern's segments (``**``: any number of folders)."""
    if not pattern:
        return not parts
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(_pattern_matches(rest, parts[i:]) for i in range(len(parts) + 1))
    return bool(parts) and fnmatchcase(parts[0], head) and _pattern_matches(rest, parts[1:])


def _names(entry: object, folder: Path, target: Path) -> bool:
    """Whether the include entry ``entry`` of an exercise file in ``folder`` names ``target``."""
    if not isinstance(entry, str) or not entry.strip() or "\x00" in entry or len(entry) > 1024:
        return False
    if not has_wildcard(entry):
        return real_path(folder / entry) == target
    if not target.is_relative_to(folder):
        return False
    pattern = [part for part in os.path.normpath(entry).replace("\\", "/").split("/") if part]
    return _pattern_matches(pattern, list(target.relative_to(folder).parts))


def _includes(exercise_file: Path, target: Path) -> bool:
    """Whether the ``include`` list of ``exercise_file`` names ``target`` (a real path); an exercise file
    that cannot be read is not this one's to report."""
    try:
        entries = read_yaml_mapping(exercise_file).data.get("include")
    except InputError:
        return False
    folder = real_path(exercise_file).parent
    return isinstance(entries, list) and any(_names(entry, folder, target) for entry in entries)


def including_exercise(path: Path) -> Path | None:
    """The ``exercise.yaml`` in ``path``'s folder or the folder above that includes ``path``, if any."""
    target = real_path(path)
    folders = dict.fromkeys((path.absolute().parent, path.absolute().parent.parent))
    for folder in folders:
        for name in EXERCISE_FILE_NAMES:
            candidate = folder / name
            if real_path(candidate) != target and candidate.is_file() and _includes(candidate, target):
                return candidate
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
            "folder or the folder above includes it"
        )
    return Problem(
        message,
        file=display_path(path),
        expected="an exercise file, with id, name, type, host_nation, start_date, end_date and area; "
        "or its folder",
    )
