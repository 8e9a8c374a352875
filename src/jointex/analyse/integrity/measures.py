"""Every measure of an objective names a metric that an analysis, a vignette or evaluators produce.

A misspelt metric would leave its objective silently "not rated: no evidence", so an unknown name is an
error, with the closest known names. Names that depend on the exercise (``iamd.leakers.<asset>``,
``hadr.need_met_day<day>_pct``, ``observer.<name>_rating``) match the registry's patterns.
"""

from __future__ import annotations

from jointex.errors import Problem
from jointex.model import Exercise
from jointex.model.metrics import METRICS


def check_measure_metrics(exercise: Exercise) -> list[Problem]:
    problems: list[Problem] = []
    for i, objective in enumerate(exercise.objectives):
        for k, measure in enumerate(objective.measures):
            if METRICS.find(measure.metric) is not None:
                continue
            close = METRICS.suggest(measure.metric)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            problems.append(
                Problem(
                    f"unknown metric {measure.metric!r}{hint}",
                    field=("objectives", i, "measures", k, "metric"),
                    expected="a metric an analysis, a vignette or evaluators produce (docs/assessment.md "
                    "lists them); evaluators' own measures go under observer.<name>",
                )
            )
    return problems
