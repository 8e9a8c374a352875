"""The one exception family of jointex.

`InputError` is what a user sees when a file, a field or a command-line value is wrong: it carries every
`Problem` found (file, line, column, field path, what was expected), so a planner fixes them all in one pass.
Anything else that escapes is a defect in jointex, and the command line reports it as an internal error.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

FieldPath = tuple[str | int, ...]


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

    @property
    def where(self) -> str:
        """``file:line:column`` as far as it is known."""
        parts = [str(self.file) if self.file else "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        text = f"{self.where}: "
        if self.severity is Severity.WARNING:
            text += "warning: "
        if self.field:
            text += f"{format_field_path(self.field)}: "
        text += self.message
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
            "expected": self.expected,
        }


class JointexError(Exception):
    """Base of every error jointex raises on purpose."""


@dataclass
class InputError(JointexError):
    """Bad input: one or more problems, each naming where it is and what was expected."""

    problems: Sequence[Problem] = field(default_factory=tuple)

    def __post_init__(self) -> None:
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
