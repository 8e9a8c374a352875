"""Run files for tests: a valid one made for an exercise's vignette, to edit into the faults a report
must refuse."""

from __future__ import annotations

from typing import Any

from jointex import __version__
from jointex.model import Exercise
from jointex.model.digests import exercise_digest, vignette_digest
from jointex.model.runs import RUN_FORMAT

ANY_DIGEST = "sha256:" + "0" * 64
"""A well-formed digest, for run files that are only read, never checked against an exercise."""


def run_file(exercise: Exercise, vignette: str, metrics: dict[str, Any], /, **changes: Any) -> dict[str, Any]:
    """The JSON data of a run file of ``vignette`` as `jointex simulate --runs` writes it (coalition
    version, mode integrated, 1,000 replications, seed 1), with ``changes`` applied."""
    rehearsed = next(v for v in exercise.vignettes if v.id == vignette)
    data = {
        "format": RUN_FORMAT,
        "exercise": exercise.id,
        "exercise_digest": exercise_digest(exercise),
        "vignette": rehearsed.id,
        "vignette_kind": rehearsed.kind.value,
        "vignette_digest": vignette_digest(rehearsed),
        "reader": None,
        "mode": "integrated",
        "replications": 1000,
        "seed": 1,
        "jointex_version": __version__,
        "metrics": metrics,
    }
    return {**data, **changes}


def unchecked_run_file(
    vignette: str, kind: str, metrics: dict[str, Any], /, **changes: Any
) -> dict[str, Any]:
    """A well-formed run file for no exercise in particular (any digest): for reading, not reporting."""
    return {
        "format": RUN_FORMAT,
        "exercise": "EX",
        "exercise_digest": ANY_DIGEST,
        "vignette": vignette,
        "vignette_kind": kind,
        "vignette_digest": ANY_DIGEST,
        "replications": 1000,
        "seed": 1,
        "jointex_version": __version__,
        "metrics": metrics,
        **changes,
    }
