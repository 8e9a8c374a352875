"""Reading a file someone else put there: only a regular file, only up to a size limit, never waiting.

A runs folder or an exercise folder may hold a folder named ``x.json``, a symbolic link to nothing or to
``/dev/zero``, or a named pipe that would block a plain ``read`` for ever. `read_regular_file` opens without
blocking, asks the opened descriptor what it is (so a file swapped after a check is still caught), and reads
at most the limit and one byte more.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from jointex.errors import InputError

MAX_FILE_BYTES = 16 * 1024 * 1024

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a named pipe opens at once instead of waiting for a writer
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def real_path(path: Path) -> Path:
    """``path`` absolute, symbolic links followed; a loop of links is left as it is (Python 3.11's
    ``Path.resolve`` raises ``RuntimeError`` on one), for opening it to refuse."""
    return Path(os.path.realpath(path))


def over_limit(size: int, limit: int = MAX_FILE_BYTES) -> str:
    """The message for a file of ``size`` bytes over ``limit``."""
    return f"file is {size / 1e6:.1f} MB, over the {limit // (1024 * 1024)} MiB limit"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "something else"


def read_regular_file(
    path: Path,
    display: Path,
    *,
    limit: int = MAX_FILE_BYTES,
    within: Path | None = None,
    expected: str | None = None,
    expected_size: str | None = None,
) -> bytes:
    """The bytes of ``path``, which must be a regular file of at most ``limit`` bytes. Raises `InputError`.

    ``display`` is the path shown in messages; ``expected`` says what the file should be, ``expected_size``
    what to do about one too large. With ``within`` (a folder), a path that leads out of it (through a
    symbolic link) is refused without saying where it leads.
    """
    if within is not None and not real_path(path).is_relative_to(real_path(within)):
        raise InputError.single("a symbolic link leading out of its folder", file=display, expected=expected)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        message = "a symbolic link to a file that does not exist" if path.is_symlink() else "file not found"
        raise InputError.single(message, file=display) from None
    except IsADirectoryError:
        message = "not a regular file: it is a folder"
        raise InputError.single(message, file=display, expected=expected) from None
    except OSError as error:
        raise InputError.single(f"cannot read the file: {error.strerror}", file=display) from None
    try:
        status = os.fstat(descriptor)
        mode, size = status.st_mode, status.st_size
        if not stat.S_ISREG(mode):
            raise InputError.single(
                f"not a regular file: it is {_kind(mode)}", file=display, expected=expected
            )
        if size > limit:
            raise InputError.single(over_limit(size, limit), file=display, expected=expected_size)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(descriptor, min(left, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:  # the file grew while it was read
            raise InputError.single(over_limit(limit + 1, limit), file=display, expected=expected_size)
        return b"".join(chunks)
    except OSError as error:
        raise InputError.single(f"cannot read the file: {error.strerror}", file=display) from None
    finally:
        os.close(descriptor)


def decode_utf8(raw: bytes, display: Path, expected: str) -> str:
    """``raw`` as UTF-8 text (a byte-order mark is dropped), or `InputError` at the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError.single(
            "the file is not UTF-8 text (binary data?)",
            file=display,
            line=line,
            column=column,
            expected=expected,
        ) from None
