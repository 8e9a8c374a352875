"""Pydantic validation errors rewritten as problems a planner can act on, placed by the source map."""

from __future__ import annotations

import difflib
from functools import cache

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from jointex.errors import FieldPath, Problem
from jointex.formats.yaml_source import SourceMap


@cache
def _known_field_names(model: type[BaseModel]) -> frozenset[str]:
    """Every field name and alias in ``model`` and the models it contains."""
    names: set[str] = set()
    pending: list[type[BaseModel]] = [model]
    seen: set[type[BaseModel]] = set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        for name, info in current.model_fields.items():
            names.add(info.alias or name)
            for candidate in _nested_models(info.annotation):
                pending.append(candidate)
    return frozenset(names)


def _nested_models(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for argument in getattr(annotation, "__args__", ()) or ():
        found.extend(_nested_models(argument))
    return found


def _message(error: ErrorDetails, model: type[BaseModel]) -> tuple[str, str | None]:
    kind = error["type"]
    loc = error["loc"]
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    if kind == "extra_forbidden":
        name = str(loc[-1])
        close = difflib.get_close_matches(name, sorted(_known_field_names(model)), n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"unknown field {name!r}{hint}", None
    if kind == "missing":
        return f"required field {loc[-1]!r} is missing", None
    if kind == "too_short" and "at least 1 item" in message:
        return "must not be empty", "at least one entry"
    return message, None


def validation_problems(
    error: ValidationError, source: SourceMap, model: type[BaseModel], prefix: FieldPath = ()
) -> list[Problem]:
    """One problem per pydantic error, at the position of the offending value."""
    problems: list[Problem] = []
    for item in error.errors(include_url=False):
        path: FieldPath = (*prefix, *item["loc"])
        message, expected = _message(item, model)
        problems.append(source.problem(path, message, expected))
    return problems
