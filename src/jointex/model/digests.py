"""Digests that identify a version of an exercise and of each of its vignettes.

A digest is the SHA-256 of the canonical JSON of the model: keys sorted, no spaces, and the members of a
set (a site's ``access``, say) in sorted order, so that the same content gives the same digest in any
process. A vignette's parameters are dumped from its kind's typed model, or as written for a kind
without one. A run file records the digests of what it rehearsed, and the report compares them with the
exercise it is given (`jointex.assess.run_checks`).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel

from jointex.model.exercise import Exercise
from jointex.model.vignette import Vignette

PREFIX = "sha256:"
DIGEST_PATTERN = r"^sha256:[0-9a-f]{64}$"


def exercise_digest(exercise: Exercise) -> str:
    """The digest of this version of the exercise, all of it (before anything is withheld for a reader)."""
    return _digest(canonical_data(exercise))


def vignette_digest(vignette: Vignette) -> str:
    return _digest(canonical_data(vignette))


def canonical_data(model: BaseModel) -> dict[str, Any]:
    """The model's JSON dump with every list that holds a set sorted."""
    data: dict[str, Any] = _canonical(model.model_dump(mode="python"), model.model_dump(mode="json"))
    return data


def short_digest(digest: str) -> str:
    """The first 12 hexadecimal digits, as people compare digests by eye."""
    return digest.removeprefix(PREFIX)[:12]


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
