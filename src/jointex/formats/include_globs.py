"""Glob patterns of ``include:`` (``nations/*.yaml``, ``**/*.yaml``), expanded in the exercise folder only.

A pattern is checked before it is expanded: an absolute pattern, a drive letter, a ``..`` after a wildcard,
or a fixed start (``../../``) that leaves the exercise folder is refused at once, so nothing outside is
ever listed. While expanding, ``**`` does not follow symbolic links, and a pattern that would pass through
a link leading out of the folder is refused without naming what is there.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from fnmatch import fnmatchcase
from pathlib import Path

from jointex.formats.safe_files import real_path

_WILDCARDS = frozenset("*?[")


class UnsafeGlobError(Exception):
    """A pattern that could reach out of the exercise folder; the message says why."""


def has_wildcard(text: str) -> bool:
    return bool(_WILDCARDS.intersection(text))


def expand_glob(pattern: str, base: Path, root_folder: Path, limit: int) -> list[Path]:
    """The files ``pattern`` matches from the folder ``base``, sorted; at most ``limit`` + 1 of them.

    ``base`` and ``root_folder`` are real paths (symbolic links resolved). Raises `UnsafeGlobError`.
    """
    if re.match(r"[A-Za-z]:", pattern) or pattern.startswith(("/", "\\")):
        raise UnsafeGlobError("is absolute")
    parts = [part for part in re.split(r"[/\\]", pattern) if part not in ("", ".")]
    fixed = 0  # the leading folders without a wildcard
    while fixed < len(parts) - 1 and not has_wildcard(parts[fixed]):
        fixed += 1
    if ".." in parts[fixed:]:
        raise UnsafeGlobError("has '..' after a wildcard")
    start = Path(os.path.normpath(base.joinpath(*parts[:fixed])))
    if not start.is_relative_to(root_folder) or not real_path(start).is_relative_to(root_folder):
        raise UnsafeGlobError("leads out of the exercise folder")
    found: set[Path] = set()
    for path in _matches(start, parts[fixed:], root_folder):
        found.add(path)
        if len(found) > limit:
            break
    return sorted(found)


def _matches(folder: Path, segments: list[str], root_folder: Path) -> Iterator[Path]:
    """Files under ``folder`` matching ``segments``, one folder level each (``**``: any number)."""
    segment, rest = segments[0], segments[1:]
    if segment == "**":
        if rest:  # a final '**' matches folders only, never a file to include
            for below in _folders_below(folder):
                yield from _matches(below, rest, root_folder)
        return
    for path in _entries(folder, segment):
        if not rest:
            if path.is_file():
                _check_inside(path, root_folder)
                yield path
        elif path.is_dir():
            if path.is_symlink():
                _check_inside(path, root_folder)
            yield from _matches(path, rest, root_folder)


def _entries(folder: Path, segment: str) -> list[Path]:
    if not has_wildcard(segment):
        path = folder / segment
        return [path] if os.path.lexists(path) else []
    try:
        with os.scandir(folder) as entries:
            return sorted(folder / e.name for e in entries if fnmatchcase(e.name, segment))
    except OSError:  # not a folder, or not readable: nothing matches there
        return []


def _folders_below(folder: Path) -> Iterator[Path]:
    """``folder`` and every folder below it, not following symbolic links (as pathlib's ``**``)."""
    pending = [folder]
    while pending:
        current = pending.pop()
        yield current
        try:
            with os.scandir(current) as entries:
                below = [current / e.name for e in entries if e.is_dir(follow_symlinks=False)]
        except OSError:
            continue
        pending.extend(sorted(below, reverse=True))


def _check_inside(path: Path, root_folder: Path) -> None:
    if not real_path(path).is_relative_to(root_folder):
        raise UnsafeGlobError("leads out of the exercise folder through a symbolic link")
