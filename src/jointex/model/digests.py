"""Digests that identify a version of an exercise and of each of its vignettes.

A digest is the SHA-256 of the canonical JSON of the model: keys sorted, no spaces, and the members of a
set (a site's ``access``, say) in sorted order, so that the same content gives the same digest in any
process. A vignette's parameters are plain data whose lists may have come from sets (sites read from an
HXL file), so they are read through their kind's parameter model first, where the kind has one. A run
file records the digests of what it rehearsed, and the report compares them with the exercise it is given
(`jointex.assess.run_checks`).
"""

from __future__ import annotations

import hashlib
import json
from contextlib import suppress
from typing import Any

from pydantic import BaseModel, ValidationError

from jointex.model.exercise import Exercise
from jointex.model.vignette import VIGNETTE_PARAMETER_MODELS, Vignette

PREFIX = "sha256:"
DIGEST_PATTERN = r"^sha256:[0-9a-f]{64}$"


def exercise_digest(exercise: Exercise) -> str:
    """The digest of this version of the exercise, all of it (before anything is withheld for a reader)."""
    data = canonical_data(exercise)
    data["vignettes"] = [_vignette_data(v) for v in exercise.vignettes]
    return _digest(data)


def vignette_digest(vignette: Vignette) -> str:
    return _digest(_vignette_data(vignette))


def canonical_data(model: BaseModel) -> dict[str, Any]:
    """The model's JSON dump with every list that holds a set sorted."""
    data: dict[str, Any] = _canonical(model.model_dump(mode="python"), model.model_dump(mode="json"))
    return data


def short_digest(digest: str) -> str:
    """The first 12 hexadecimal digits, as people compare digests by eye."""
    return digest.removeprefix(PREFIX)[:12]


def _vignette_data(vignette: Vignette) -> dict[str, Any]:
    data = canonical_data(vignette)
    model = VIGNETTE_PARAMETER_MODELS.get(vignette.kind)
    if model is not None:
        with suppress(ValidationError):  # else kept as written: the exercise checks report it
            data["parameters"] = canonical_data(model.model_validate(vignette.parameters))
    return data


def _digest(data: Any) -> str:
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()


def _canonical(python: Any, data: Any) -> Any:
    """``data`` (the JSON dump) with every list that was a set in ``python`` (the Python dump) sorted."""
    if isinstance(python, set | frozenset) and isinstance(data, list):
        return sorted(data, key=lambda item: json.dumps(item, sort_keys=True))
    if isinstance(python, dict) and isinstance(data, dict):
        return {key: _canonical(python.get(key), value) for key, value in data.items()}
    if isinstance(python, list | tuple) and isinstance(data, list) and len(python) == len(data):
        return [_canonical(p, d) for p, d in zip(python, data, strict=True)]
    return data
