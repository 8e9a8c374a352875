"""Printing for the command line: Rich for people, JSON for programs, one-line problems for both."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import typer
from rich.console import Console

from jointex.errors import InputError, Problem, Severity

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2

console = Console(highlight=False, soft_wrap=True)
errors = Console(stderr=True, highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    """Machine-readable output on stdout, nothing else on it."""
    sys.stdout.write(json.dumps(data, indent=2, default=str, ensure_ascii=False) + "\n")


def print_problems(problems: Sequence[Problem]) -> None:
    """One line per problem on stderr: ``file:line:col: field: message (expected ...)``."""
    for problem in problems:
        style = "yellow" if problem.severity is Severity.WARNING else "red"
        errors.print(str(problem), style=style, markup=False)


def fail_with(error: InputError, as_json: bool) -> NoReturn:
    """Report bad input and leave with exit code 2."""
    if as_json:
        print_json({"ok": False, "problems": [p.to_dict() for p in error.problems]})
    else:
        print_problems(error.problems)
        count = sum(1 for p in error.problems if p.severity is Severity.ERROR)
        errors.print(f"{count} problem{'s' if count != 1 else ''} found.", style="bold red", markup=False)
    raise typer.Exit(EXIT_BAD_INPUT)
