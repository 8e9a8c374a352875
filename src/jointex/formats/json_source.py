"""Strict JSON reading for files other programs made (run results): each refusal placed at file:line:column.

Python's ``json`` accepts ``NaN`` and ``Infinity``, turns ``1e999`` into infinity, raises ``ValueError``
for an integer of over 4,300 digits and ``RecursionError`` for arrays nested some thousand deep. Here each
of those is a problem that names where it is: numbers must be finite, integers at most `MAX_NUMBER_CHARS`
long, and values nested at most `MAX_DEPTH` deep (checked only when the parser gives up).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any, NoReturn

from jointex.errors import InputError
from jointex.formats.yaml_source import MAX_DEPTH

MAX_NUMBER_CHARS = 100

# a string (skipped whole, so nothing inside it is taken for a token), or the token looked for
_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'


class _RefusedTokenError(Exception):
    def __init__(self, token: str, message: str, expected: str) -> None:
        super().__init__(message)
        self.token, self.message, self.expected = token, message, expected


def _refuse_constant(name: str) -> NoReturn:
    raise _RefusedTokenError(name, f"{name} is not a number JSON allows", "a finite number")


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _RefusedTokenError(text, f"the number {text[:40]} is too large", "a finite number")
    return value


def _parse_int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise _RefusedTokenError(
            text, f"an integer of {len(text):,} characters", f"at most {MAX_NUMBER_CHARS} digits"
        )
    return int(text)


def _where(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _find_token(text: str, token: str) -> int | None:
    """Where ``token`` first stands as a value outside a string."""
    pattern = re.compile(rf"{_STRING}|(?<![\w.+-]){re.escape(token)}(?![\w.])")
    for match in pattern.finditer(text):
        if not match.group().startswith('"'):
            return match.start()
    return None


def _too_deep_at(text: str) -> int | None:
    """Where values first nest over `MAX_DEPTH` deep, strings skipped."""
    depth = 0
    for match in re.finditer(rf"{_STRING}|[\[\]{{}}]", text):
        bracket = match.group()
        if bracket in ("[", "{"):
            depth += 1
            if depth > MAX_DEPTH:
                return match.start()
        elif bracket in ("]", "}"):
            depth -= 1
    return None


def parse_json(text: str, display: Path) -> Any:
    """The value of a JSON text. Raises `InputError` naming file, line and column."""
    try:
        return json.loads(
            text, parse_constant=_refuse_constant, parse_float=_parse_float, parse_int=_parse_int
        )
    except json.JSONDecodeError as error:
        raise InputError.single(
            f"not valid JSON: {error.msg}", file=display, line=error.lineno, column=error.colno
        ) from None
    except _RefusedTokenError as refused:
        offset = _find_token(text, refused.token)
        line, column = _where(text, offset) if offset is not None else (None, None)
        raise InputError.single(
            refused.message, file=display, line=line, column=column, expected=refused.expected
        ) from None
    except RecursionError:
        offset = _too_deep_at(text)
        line, column = _where(text, offset) if offset is not None else (None, None)
        raise InputError.single(
            f"values nested over {MAX_DEPTH} levels deep", file=display, line=line, column=column
        ) from None
