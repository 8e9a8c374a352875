"""Writing files: output paths checked before any work starts, and atomic writes (a file is either
written whole or not at all)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from jointex.errors import InputError, Problem


@dataclass(frozen=True)
class Written:
    """A file written, and what it had to go without (a report's map, without the Cairo library), in
    warnings that say how to get it."""

    path: Path
    warnings: tuple[Problem, ...] = ()


def placed_in(path: Path, warnings: tuple[Problem, ...]) -> tuple[Problem, ...]:
    """The warnings about a file written, each naming the file."""
    return tuple(replace(warning, file=path) for warning in warnings)


FOLDER_EXPECTED = "a folder to write into; a missing one is created"
FILE_EXPECTED = "a file path to write; an existing file is replaced"


def check_outputs(*, files: Mapping[str, Path | None] = {}, folders: Mapping[str, Path | None] = {}) -> None:
    """Refuse output paths that cannot be written, before any work starts: ``files`` and ``folders`` map
    each command-line option (``--html``, ``--out``) to its path, or to None when it was not given.
    A file must not be a folder, a folder must not be a file, and the nearest folder that exists on the
    way to either must be one that may be written to. Raises `InputError` naming the option and path."""
    problems = [p for option, path in files.items() if path is not None for p in _file_problems(option, path)]
    problems += [
        p for option, path in folders.items() if path is not None for p in _folder_problems(option, path)
    ]
    if problems:
        raise InputError(tuple(problems))


def _file_problems(option: str, path: Path) -> list[Problem]:
    if path.is_dir():
        return [Problem(f"{path} is a folder", field=(option,), expected=FILE_EXPECTED)]
    if path.exists() and not path.is_file():
        return [Problem(f"{path} is not a regular file", field=(option,), expected=FILE_EXPECTED)]
    return _parent_problems(option, path, FILE_EXPECTED)


def _folder_problems(option: str, path: Path) -> list[Problem]:
    if path.exists() and not path.is_dir():
        return [Problem(f"{path} is a file, not a folder", field=(option,), expected=FOLDER_EXPECTED)]
    if path.is_dir():
        return _writable_problems(option, path, FOLDER_EXPECTED)
    return _parent_problems(option, path, FOLDER_EXPECTED)


def _parent_problems(option: str, path: Path, expected: str) -> list[Problem]:
    """Problems with the nearest existing folder above ``path``, where its missing folders would go."""
    above = path.absolute().parent
    while not above.exists() and above != above.parent:
        above = above.parent
    if not above.is_dir():
        return [Problem(f"{path} lies under {above}, which is a file", field=(option,), expected=expected)]
    return _writable_problems(option, path, expected, above)


def _writable_problems(option: str, path: Path, expected: str, folder: Path | None = None) -> list[Problem]:
    folder = folder or path
    if os.access(folder, os.W_OK | os.X_OK):
        return []
    where = "" if folder == path else f" (in {folder})"
    return [
        Problem(f"{path} cannot be written{where}: permission denied", field=(option,), expected=expected)
    ]


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it into place."""
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place. Raises `InputError`
    when ``path`` is a folder, or lies under a file."""
    if path.is_dir() or (path.exists() and not path.is_file()):
        raise InputError.single(
            "a folder (or other non-file) is in the way of this output file",
            file=path,
            expected=FILE_EXPECTED,
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        Path(temporary).chmod(0o666 & ~_umask())  # mkstemp makes it private; a report is meant to be shared
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
