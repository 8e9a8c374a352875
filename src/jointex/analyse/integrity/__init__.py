"""Checks of an exercise beyond types: does everything it names exist, fit in time, space and labels?

Each check returns problems with a field path and no position; the service places them in the files
through the source map. All problems are reported at once.

The checks also run on an exercise read only in part (a unit with a wrong value left out, a wrong date
given a stand-in): `SetAside` says what was left out, so that a reference to a unit that could not be
read is not reported as unknown, and a check that reads a field that could not be read does not run
(`checks_that_cannot_run` names them, for the planner).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from jointex.analyse.integrity.catalogue_refs import check_catalogue_references
from jointex.analyse.integrity.geography import check_geography
from jointex.analyse.integrity.identity import check_unique_ids
from jointex.analyse.integrity.labels import check_labels
from jointex.analyse.integrity.measures import check_measure_metrics
from jointex.analyse.integrity.references import check_nations, check_references
from jointex.analyse.integrity.timeline import check_timeline
from jointex.analyse.integrity.vignettes import check_vignette_parameters
from jointex.catalogue import Catalogue
from jointex.errors import Problem
from jointex.model import Exercise


@dataclass(frozen=True)
class SetAside:
    """What a reading of the exercise in part left out."""

    ids: frozenset[str] = frozenset()
    """Ids of elements (units, controllers, actors, objectives...) that could not be read."""
    nations: frozenset[str] = frozenset()
    """Nations of participants that could not be read."""
    fields: frozenset[str] = frozenset()
    """Top-level fields not read as written (``start_date``, ``label``, ``units``...)."""


NOTHING_SET_ASIDE = SetAside()


@dataclass(frozen=True)
class Check:
    """One integrity check: what it checks, in a planner's words, and the top-level fields it reads."""

    name: str
    reads: frozenset[str]
    run: Callable[[Exercise, Catalogue, SetAside], list[Problem]]


_SECTIONS = frozenset(
    {"phases", "participants", "controllers", "actors", "units", "objectives", "vignettes", "scenario"}
)

CHECKS: tuple[Check, ...] = (
    Check("unique ids", _SECTIONS, lambda e, c, s: check_unique_ids(e)),
    Check(
        "nations",
        frozenset({"host_nation", "participants", "units", "controllers", "objectives"}),
        lambda e, c, s: check_nations(e, s.nations),
    ),
    Check(
        "references",
        frozenset({"vignettes", "scenario", "units", "objectives", "controllers", "actors"}),
        lambda e, c, s: check_references(e, s.ids),
    ),
    Check("metric names", frozenset({"objectives"}), lambda e, c, s: check_measure_metrics(e)),
    Check(
        "catalogue entries",
        frozenset({"units", "participants", "catalogue"}),
        lambda e, c, s: check_catalogue_references(e, c),
    ),
    Check(
        "dates and times",
        frozenset({"start_date", "end_date", "phases", "vignettes", "scenario"}),
        lambda e, c, s: check_timeline(e),
    ),
    Check("places", frozenset({"area", "units"}), lambda e, c, s: check_geography(e)),
    Check(
        "labels",
        frozenset({"label", "participants", "units", "objectives", "vignettes", "scenario"}),
        lambda e, c, s: check_labels(e, s.nations),
    ),
    Check("vignette parameters", frozenset({"vignettes"}), lambda e, c, s: check_vignette_parameters(e)),
)
"""Every integrity check, in the order their problems are listed."""


def checks_that_cannot_run(set_aside: SetAside | None) -> list[str]:
    """Names of the checks that read a field that could not be read; every check when ``set_aside`` is
    None (no part of the exercise could be read)."""
    if set_aside is None:
        return [check.name for check in CHECKS]
    return [check.name for check in CHECKS if check.reads & set_aside.fields]


def check_exercise(
    exercise: Exercise, catalogue: Catalogue, set_aside: SetAside = NOTHING_SET_ASIDE
) -> list[Problem]:
    """Every integrity problem of ``exercise``, errors and warnings, in a stable order; of an exercise read
    in part, those of the checks that can run, none about what was ``set_aside``."""
    problems: list[Problem] = []
    for check in CHECKS:
        if not check.reads & set_aside.fields:
            problems += check.run(exercise, catalogue, set_aside)
    return problems


__all__ = ["CHECKS", "NOTHING_SET_ASIDE", "Check", "SetAside", "check_exercise", "checks_that_cannot_run"]
