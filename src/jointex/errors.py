"""The one exception family of jointex.

`InputError` is what a user sees when a file, a field or a command-line value is wrong: it carries every
`Problem` found (file, line, column, field path, what was expected), so a planner fixes them all in one pass;
past `MAX_PROBLEMS`, one line counts the rest, so a hostile file cannot make millions of lines.
Anything else that escapes is a defect in jointex, and the command line reports it as an internal error.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

FieldPath = tuple[str | int, ...]

MAX_PROBLEMS = 200


class Severity(StrEnum):
    """How bad a problem is: errors stop the exercise from loading, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


def format_field_path(path: FieldPath) -> str:
    """Write a field path the way a planner reads it: ``units[3].equipment[0].platform``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, and where it is.

    ``line`` and ``column`` are 1-based, as editors show them; they are ``None`` when the input has no
    position (a value given on the command line, say).
    """

    message: str
    file: Path | None = None
    line: int | None = None
    column: int | None = None
    field: FieldPath = ()
    expected: str | None = None
    severity: Severity = Severity.ERROR
    also_at: FieldPath = ()
    """A second place the problem involves (the first of two duplicates), by field path."""
    also_at_where: str | None = None
    """Where ``also_at`` is, ``file:line:column``, once the problem is placed in the files."""

    @property
    def where(self) -> str:
        """``file:line:column`` as far as it is known; empty for a value with no file (a command-line
        option, say), which the field names instead."""
        if not self.file:
            return ""
        parts = [str(self.file)]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    @property
    def also_at_text(self) -> str | None:
        """Where the second place is, as a planner finds it: ``nations/usa.yaml:12:9``, or its field path."""
        if not self.also_at:
            return None
        return self.also_at_where or format_field_path(self.also_at)

    def __str__(self) -> str:
        text = f"{self.where}: " if self.where else ""
        if self.severity is Severity.WARNING:
            text += "warning: "
        if self.field:
            text += f"{format_field_path(self.field)}: "
        text += self.message
        if self.also_at:
            text += f" (also at {self.also_at_text})"
        if self.expected:
            text += f" (expected {self.expected})"
        return text

    def to_dict(self) -> dict[str, object]:
        return {
            "severity": self.severity.value,
            "file": str(self.file) if self.file else None,
            "line": self.line,
            "column": self.column,
            "field": format_field_path(self.field),
            "message": self.message,
            "also_at": self.also_at_text,
            "expected": self.expected,
        }


@dataclass(frozen=True)
class MoreProblems(Problem):
    """The line that stands for the problems left out of a long list: ``... and 999,800 more problems``."""

    count: int = 0


def more_problems(count: int, file: Path | None, severity: Severity = Severity.ERROR) -> MoreProblems:
    """The line counting ``count`` problems not listed."""
    from jointex.model.metrics.display import plural  # not at the top: importing jointex stays light

    return MoreProblems(f"... and {plural(count, 'more problem')}", file=file, severity=severity, count=count)


@dataclass(frozen=True)
class ChecksNotRun(Problem):
    """The last line of a list of problems, naming the checks that could not run until they are fixed:
    not a problem of its own, so never counted or left out."""

    severity: Severity = Severity.WARNING
    names: tuple[str, ...] = ()
    """The checks that could not run, as the line names them (``dates and times``)."""

    def __str__(self) -> str:
        return self.message


def checks_not_run(names: Sequence[str]) -> ChecksNotRun:
    """The line saying that the checks ``names`` could not run until the problems above it are fixed."""
    from jointex.model.metrics.display import plural  # not at the top: importing jointex stays light

    count = plural(len(names), "more check")
    return ChecksNotRun(
        f"{count} could not run until these are fixed: {', '.join(names)}", names=tuple(names)
    )


def problems_to_dict(problems: Sequence[Problem]) -> dict[str, list[object]]:
    """Problems as a program reads them: ``problems``, each placed in its file, and apart from them
    ``checks_not_run``, the names of the checks that could not run until those are fixed (a person reads
    these as the one last line of the list)."""
    return {
        "problems": [p.to_dict() for p in problems if not isinstance(p, ChecksNotRun)],
        "checks_not_run": [name for p in problems if isinstance(p, ChecksNotRun) for name in p.names],
    }


def cap_problems(problems: Sequence[Problem], limit: int = MAX_PROBLEMS) -> tuple[Problem, ...]:
    """The first ``limit`` problems and one `MoreProblems` line counting the rest (earlier counts merged),
    then the `ChecksNotRun` line, if any."""
    notes = [p for p in problems if isinstance(p, ChecksNotRun)]
    if notes:
        problems = [p for p in problems if not isinstance(p, ChecksNotRun)]
        return (*cap_problems(problems, limit), notes[-1])
    counted = [p for p in problems if isinstance(p, MoreProblems)]
    if not counted and len(problems) <= limit + 1:
        return tuple(problems)
    listed = [p for p in problems if not isinstance(p, MoreProblems)]
    kept, left_out = listed[:limit], listed[limit:]
    count = sum(p.count for p in counted) + len(left_out)
    if count == 0:
        return tuple(kept)
    worst = (
        Severity.ERROR
        if any(p.severity is Severity.ERROR for p in [*counted, *left_out])
        else Severity.WARNING
    )
    file = counted[0].file if counted else kept[-1].file if kept else None
    return (*kept, more_problems(count, file, worst))


class JointexError(Exception):
    """Base of every error jointex raises on purpose."""


@dataclass
class InputError(JointexError):
    """Bad input: one or more problems, each naming where it is and what was expected."""

    problems: Sequence[Problem] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        self.problems = cap_problems(self.problems)
        super().__init__(str(self))

    @classmethod
    def single(
        cls,
        message: str,
        *,
        file: Path | None = None,
        line: int | None = None,
        column: int | None = None,
        field: FieldPath = (),
        expected: str | None = None,
    ) -> InputError:
        return cls((Problem(message, file, line, column, field, expected),))

    @classmethod
    def from_problems(cls, problems: Iterable[Problem]) -> InputError:
        return cls(tuple(problems))

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


class MissingSystemLibrary(InputError):  # noqa: N818  (named for what is missing, as a user reads it)
    """A system library that one kind of output needs is not installed (Pango, for PDF).

    Not bad input, but like bad input the user fixes it, so it is reported the same way (exit 2, no
    traceback), naming the library and the command that installs it.
    """
