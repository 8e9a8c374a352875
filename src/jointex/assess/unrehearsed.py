"""Measures left without evidence because a vignette that produces their metric was not rehearsed for
this report: a rating then stands on the other evidence alone, and may read better than one with the
rehearsal's numbers, so the planner is told which rehearsal to run and pass."""

from __future__ import annotations

from jointex.assess.assessment import Assessment
from jointex.assess.ratings import MeasureStatus
from jointex.errors import Problem, Severity
from jointex.model.metrics import METRICS, VIGNETTE_METRICS


def unrehearsed_vignettes(assessment: Assessment) -> tuple[Problem, ...]:
    """One warning per vignette of the assessed version that no run used was of, whose kind produces a
    metric some objective measures without evidence: which objectives it leaves short and how to rehearse
    it."""
    short: dict[str, list[str]] = {}
    rehearsed = {used.run.vignette for used in assessment.runs_used}
    vignettes = [v for v in assessment.exercise.vignettes if v.id not in rehearsed]
    for rating in assessment.ratings:
        for result in rating.measures:
            spec = METRICS.find(result.measure.metric)
            if result.status is not MeasureStatus.NO_EVIDENCE or spec is None:
                continue
            kinds = {kind for kind, metrics in VIGNETTE_METRICS.items() if spec in metrics}
            for vignette in vignettes:
                if vignette.kind in kinds and rating.objective.id not in short.get(vignette.id, []):
                    short.setdefault(vignette.id, []).append(rating.objective.id)
    return tuple(
        Problem(
            f"no run of vignette {vignette} was given, so measures of {', '.join(objectives)} have no "
            f"evidence from it and their ratings stand on the rest; rehearse it with `jointex simulate "
            f"EXERCISE --vignette {vignette} --runs RUNS` and pass `--runs RUNS`",
            severity=Severity.WARNING,
            field=("--runs",),
        )
        for vignette, objectives in short.items()
    )
