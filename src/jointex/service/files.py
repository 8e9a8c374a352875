"""Documents and writing them: the services return `Document`s (a name, the bytes, what it went
without); a shell writes them. Output paths are checked before any work starts, and writes are atomic (a
file is either written whole or not at all; a set of documents is written before any is put in place)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from jointex.errors import InputError, Problem


@dataclass(frozen=True)
class Written:
    """A file written, and what it had to go without (a report's map, without the Cairo library), in
    warnings that say how to get it."""

    path: Path
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Document:
    """A document a service made, ready to be written by a shell (a file, an HTTP response, a store)."""

    name: str
    """The file name it is written under by default, relative to an output folder (``per-nation/POL/
    interop-for-POL.html``; always with ``/``)."""
    content: bytes
    media_type: str
    """``text/html``, ``application/pdf``, ``application/json``, ``text/csv``..."""
    warnings: tuple[Problem, ...] = ()
    """What it had to go without (a map, without the Cairo library), and how to get it; naming no file
    until one is written (`placed_in`)."""

    @classmethod
    def text(cls, name: str, text: str, media_type: str, warnings: tuple[Problem, ...] = ()) -> Document:
        return cls(name, text.encode("utf-8"), media_type, warnings)

    def under(self, folder: str) -> Document:
        """The same document, named in a subfolder of the output folder (``per-nation/POL``)."""
        return replace(self, name=f"{folder.rstrip('/')}/{self.name}")


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


def write_document(document: Document, path: Path) -> Written:
    """Write one document to ``path`` (not under its own name) atomically; its warnings name the file."""
    write_bytes_atomically(path, document.content)
    return Written(path, placed_in(path, document.warnings))


def write_documents(documents: Iterable[Document], folder: Path) -> tuple[Written, ...]:
    """Write ``documents`` into ``folder`` under their names, each whole: every one goes to a temporary
    file beside its place first, and only when all are written are they renamed into place. A failure
    while writing (a full disk, a folder in the way) leaves none of them written, so a report's HTML never
    stands beside the PDF of an older run. Raises `InputError` for a path that cannot be a file."""
    documents = list(documents)
    return write_placed([(document, folder / document.name) for document in documents])


def write_placed(placed: Iterable[tuple[Document, Path]]) -> tuple[Written, ...]:
    """Write each document to its own path, all or none (as `write_documents`): for documents bound for
    different places (a report where ``--html`` says, a run file into ``--runs``)."""
    pairs = list(placed)
    documents = [document for document, _ in pairs]
    paths = [path for _, path in pairs]
    for path in paths:
        _refuse_non_file(path)
    temporaries: list[Path] = []
    try:
        for path, document in zip(paths, documents, strict=True):
            temporaries.append(_temporary_beside(path, document.content))
        for temporary, path in zip(temporaries, paths, strict=True):
            temporary.replace(path)
    except BaseException:
        for temporary in temporaries:
            temporary.unlink(missing_ok=True)
        raise
    return tuple(Written(p, placed_in(p, d.warnings)) for p, d in zip(paths, documents, strict=True))


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it into place."""
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place. Raises `InputError`
    when ``path`` is a folder, or lies under a file."""
    _refuse_non_file(path)
    temporary = _temporary_beside(path, data)
    try:
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _refuse_non_file(path: Path) -> None:
    if path.is_dir() or (path.exists() and not path.is_file()):
        raise InputError.single(
            "a folder (or other non-file) is in the way of this output file",
            file=path,
            expected=FILE_EXPECTED,
        )


def _temporary_beside(path: Path, data: bytes) -> Path:
    """``data`` written whole to a new temporary file in ``path``'s folder (created when missing)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        temporary.chmod(0o666 & ~_umask())  # mkstemp makes it private; a report is meant to be shared
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
