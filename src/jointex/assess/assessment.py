"""`assess`: ratings and evidence of every objective, and the improvement plan, as data."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from jointex.analyse.interop import InteropResult, analyse_interop
from jointex.analyse.metric_labels import metric_labels
from jointex.assess.evidence import MetricValue, interop_metrics, merged, observed_metrics
from jointex.assess.plan import PlanItem, improvement_plan
from jointex.assess.ratings import ObjectiveRating, rate_objective
from jointex.assess.run_checks import RunFile
from jointex.catalogue import Catalogue
from jointex.model import Exercise
from jointex.model.assessment import Observations
from jointex.model.metrics import METRICS
from jointex.model.metrics.display import plural
from jointex.model.runs import RunResult


@dataclass(frozen=True)
class Assessment:
    exercise: Exercise
    ratings: tuple[ObjectiveRating, ...]
    evidence: dict[str, MetricValue]
    plan: tuple[PlanItem, ...]
    interop: InteropResult
    observations: Observations = field(default_factory=Observations)
    runs_used: tuple[RunFile, ...] = ()
    """The simulation runs whose metrics are evidence, with what produced them (`run_checks`)."""
    metric_labels: dict[str, str] = field(default_factory=dict)
    """Names of the ids in metric names (assets, sites, nations) in the version assessed, for titles
    (`jointex.analyse.metric_labels`); not in `to_dict`, which keeps the raw names."""

    @property
    def rating_counts(self) -> dict[str, int]:
        counts = Counter(r.hseep.value if r.hseep else "not rated" for r in self.ratings)
        return {key: counts.get(key, 0) for key in ("P", "S", "M", "U", "not rated")}

    def to_dict(self) -> dict[str, Any]:
        return {
            "exercise": self.exercise.id,
            "ratings": [r.to_dict() for r in self.ratings],
            "rating_counts": self.rating_counts,
            "evidence": {k: v.to_dict() for k, v in sorted(self.evidence.items())},
            "improvement_plan": [p.to_dict() for p in self.plan],
            "simulation_runs": [r.to_dict() for r in self.runs_used],
        }


def run_metrics(runs: Sequence[RunResult]) -> dict[str, MetricValue]:
    """The run files' estimates; an interval that strays outside its metric's domain (a run file written
    by an older jointex, say) is clipped to it."""
    metrics = {}
    for run in runs:
        for metric, estimate in run.metrics.items():
            low, high = estimate.ci_low, estimate.ci_high
            domain = METRICS.domain(metric)
            if low is not None and high is not None and domain.contains(estimate.mean):
                low, high = domain.clip(low), domain.clip(high)
            metrics[metric] = MetricValue(
                metric,
                estimate.mean,
                f"simulation of {run.vignette} ({plural(run.replications, 'replication')}, seed {run.seed})",
                low,
                high,
                run.replications,
            )
    return metrics


def assess(
    exercise: Exercise,
    catalogue: Catalogue,
    observations: Observations | None = None,
    runs: Sequence[RunResult] = (),
    interop: InteropResult | None = None,
) -> Assessment:
    """Rate every objective of ``exercise`` from the interoperability analysis, simulation runs and
    observations given. It applies no release policy and reads no files: `jointex.assess_exercise` assesses
    an exercise file with the evidence beside it, for one reader's version, as ``jointex report`` does."""
    observations = observations or Observations()
    interop = interop or analyse_interop(exercise, catalogue)
    evidence = merged(
        interop_metrics(interop), run_metrics(runs), observed_metrics(observations.observations)
    )
    labels = metric_labels(exercise)
    ratings = tuple(
        rate_objective(
            objective,
            evidence,
            [o for o in observations.observations if o.objective == objective.id],
            labels,
        )
        for objective in exercise.objectives
    )
    plan = improvement_plan(exercise, ratings, interop.gaps, observations.actions)
    used = tuple(RunFile(None, run) for run in runs)
    return Assessment(exercise, ratings, evidence, tuple(plan), interop, observations, used, labels)
