"""Checks of an exercise beyond types: does everything it names exist, fit in time, space and labels?

Each check returns problems with a field path and no position; the service places them in the files
through the source map. All problems are reported at once.
"""

from __future__ import annotations

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


def check_exercise(exercise: Exercise, catalogue: Catalogue) -> list[Problem]:
    """Every integrity problem of ``exercise``, errors and warnings, in a stable order."""
    problems: list[Problem] = []
    problems += check_unique_ids(exercise)
    problems += check_nations(exercise)
    problems += check_references(exercise)
    problems += check_measure_metrics(exercise)
    problems += check_catalogue_references(exercise, catalogue)
    problems += check_timeline(exercise)
    problems += check_geography(exercise)
    problems += check_labels(exercise)
    problems += check_vignette_parameters(exercise)
    return problems


__all__ = ["check_exercise"]
