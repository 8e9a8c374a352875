"""Pydantic validation errors rewritten as problems a planner can act on, placed by the source map.

A hostile file can hold a million unknown keys, so only the first `MAX_PROBLEMS` errors become problems
(one more line counts the rest): pydantic's errors are read from its JSON, item by item, and only their
positions are looked for.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from pydantic import BaseModel, ValidationError

from jointex.errors import MAX_PROBLEMS, FieldPath, Problem, more_problems
from jointex.formats.source_map import SourceMap
from jointex.model.base import IDENTIFIER_PATTERN, LANGUAGE_CODE_PATTERN, NATION_CODE_PATTERN
from jointex.model.kinds import DECLARATIONS
from jointex.model.vignette_kind import VignetteParameters

_PATTERN_WORDS = {
    NATION_CODE_PATTERN: ("is not a nation code", "an ISO 3166-1 alpha-3 code such as USA, GBR, POL"),
    LANGUAGE_CODE_PATTERN: ("is not a language code", "an ISO 639 code such as en, fr, pol"),
    IDENTIFIER_PATTERN: (
        "is not a valid id",
        "letters, digits and _ . : / -, starting with a letter or digit, such as NOR-1",
    ),
}
"""Pydantic names a pattern a value must match by its regular expression; a planner reads these words."""


@dataclass(frozen=True)
class _Error:
    kind: str
    loc: FieldPath
    message: str
    context: Mapping[str, object] = field(default_factory=dict)
    """Pydantic's ``ctx``: the values the check compared against (``pattern``, ``min_length``...)."""


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
    if annotation is VignetteParameters:  # a vignette's parameters: every declared kind's
        return [declaration.parameters for declaration in DECLARATIONS.values()]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for argument in getattr(annotation, "__args__", ()) or ():
        found.extend(_nested_models(argument))
    return found


def _first_errors(error: ValidationError, limit: int) -> list[_Error]:
    """The first ``limit`` errors, without building the others (``errors()`` builds them all, slowly)."""
    text = error.json(include_url=False, include_context=True, include_input=False)
    decoder = json.JSONDecoder()
    found: list[_Error] = []
    index = 1  # past the opening '['
    while len(found) < limit and index < len(text):
        while text[index] in ", \n":
            index += 1
        if text[index] == "]":
            break
        item, index = decoder.raw_decode(text, index)
        found.append(_Error(item["type"], tuple(item["loc"]), item["msg"], item.get("ctx") or {}))
    return found


def _message(error: _Error, model: type[BaseModel]) -> tuple[str, str | None]:
    kind, loc, message = error.kind, error.loc, error.message
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    if kind == "extra_forbidden":
        name = str(loc[-1])
        close = difflib.get_close_matches(name, sorted(_known_field_names(model)), n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"unknown field {name!r}{hint}", None
    if kind == "missing":
        return f"required field {loc[-1]!r} is missing", None
    if kind == "too_short" and error.context.get("min_length") == 1:
        return "must not be empty", "at least one entry"
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        reason = str(error.context.get("error", "")) if error.context else ""
        return (
            "not a date" + (f" ({reason})" if reason else "")
        ), "a date written YYYY-MM-DD, such as 2027-05-10"
    if kind == "string_pattern_mismatch":
        pattern = error.context.get("pattern")
        if isinstance(pattern, str) and pattern in _PATTERN_WORDS:
            return _PATTERN_WORDS[pattern]
    return message, None


def validation_problems(
    error: ValidationError, source: SourceMap, model: type[BaseModel], prefix: FieldPath = ()
) -> list[Problem]:
    """One problem per pydantic error, at the position of the offending value; past `MAX_PROBLEMS` of
    them, one line counts the rest."""
    total = error.error_count()
    errors = _first_errors(error, total if total <= MAX_PROBLEMS + 1 else MAX_PROBLEMS)
    kept = _without_echoes(errors)
    return _problems(kept, total - (len(errors) - len(kept)), source, model, prefix)


def _without_echoes(errors: list[_Error]) -> list[_Error]:
    """Leave out pydantic's "at least 1 item after validation" about a list whose only items are wrong:
    those items' own problems say what to fix."""
    below = {item.loc[:end] for item in errors for end in range(len(item.loc))}
    return [item for item in errors if not (item.kind == "too_short" and item.loc in below)]


def unknown_field_flood(data: object, source: SourceMap, model: type[BaseModel]) -> list[Problem]:
    """The problems of a mapping with over `MAX_PROBLEMS` unknown fields at its top, found without
    validating it (which would hold an error for each); empty when there are fewer, for the model to report.
    """
    if (
        not isinstance(data, dict)
        or len(data) <= MAX_PROBLEMS + 1
        or model.model_config.get("extra") != "forbid"
    ):
        return []
    known = {info.alias or name for name, info in model.model_fields.items()} | set(model.model_fields)
    unknown = [key for key in data if key not in known]
    if len(unknown) <= MAX_PROBLEMS + 1:
        return []
    errors = [
        _Error(
            "extra_forbidden", (key if isinstance(key, int) else str(key),), "Extra inputs are not permitted"
        )
        for key in unknown[:MAX_PROBLEMS]
    ]
    return _problems(errors, len(unknown), source, model, ())


def _problems(
    errors: list[_Error], total: int, source: SourceMap, model: type[BaseModel], prefix: FieldPath
) -> list[Problem]:
    paths: list[FieldPath] = [(*prefix, *item.loc) for item in errors]
    source.prefetch(paths)
    problems = [
        source.problem(path, *_message(item, model)) for path, item in zip(paths, errors, strict=True)
    ]
    if total > len(problems):
        problems.append(more_problems(total - len(problems), problems[-1].file if problems else None))
    return problems
