"""Printing for the command line: Rich for people, JSON for programs, one-line problems for both."""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

import typer
from rich.console import Console

from jointex.errors import InputError, MoreProblems, Problem, Severity, problems_to_dict

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2

PIPED_WIDTH = 1000
"""The width Rich lays tables out in when the output is not a terminal (a pipe, a file) and COLUMNS does
not say: wide enough that a row stays on one line for grep and spreadsheets, where Rich would otherwise
assume 80 columns and wrap a metric's name every few letters."""


def _width(stream: TextIO) -> int | None:
    """None (Rich measures the terminal) for a terminal or when COLUMNS is set, else `PIPED_WIDTH`."""
    isatty = getattr(stream, "isatty", None)
    if (isatty is not None and isatty()) or os.environ.get("COLUMNS"):
        return None
    return PIPED_WIDTH


console = Console(highlight=False, soft_wrap=True, width=_width(sys.stdout))
errors = Console(stderr=True, highlight=False, soft_wrap=True, width=_width(sys.stderr))


def print_json(data: Any) -> None:
    """Machine-readable output on stdout, nothing else on it: strict JSON, so a value that is not a
    finite number (NaN, infinity: nothing to report) is written as null."""
    text = json.dumps(_finite(data), indent=2, default=str, ensure_ascii=False, allow_nan=False)
    sys.stdout.write(text + "\n")


def _finite(data: Any) -> Any:
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: _finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_finite(value) for value in data]
    return data


def print_problems(problems: Sequence[Problem]) -> None:
    """One line per problem on stderr: ``file:line:col: field: message (expected ...)``."""
    for problem in problems:
        style = "yellow" if problem.severity is Severity.WARNING else "red"
        errors.print(str(problem), style=style, markup=False)


def fail_with(error: InputError, as_json: bool) -> NoReturn:
    """Report bad input and leave with exit code 2."""
    if as_json:
        print_json({"ok": False, **problems_to_dict(error.problems)})
    else:
        print_problems(error.problems)
        count = sum(
            p.count if isinstance(p, MoreProblems) else 1
            for p in error.problems
            if p.severity is Severity.ERROR
        )
        from jointex.model.metrics.display import plural  # not at the top: `jointex --help` stays fast

        errors.print(f"{plural(count, 'problem')} found.", style="bold red", markup=False)
    raise typer.Exit(EXIT_BAD_INPUT)
