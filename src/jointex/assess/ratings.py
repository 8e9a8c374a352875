"""Rating rules: each measure against its evidence, then each objective on both scales users know.

Measure status:

- **met** / **not met**: the whole 95% interval (or the exact value) is on one side of the threshold;
- **uncertain**: the interval straddles the threshold; the note says whether the point estimate met it;
- **no evidence**: no analysis, run or observation produced the metric.

Objective rating (HSEEP P/S/M/U). Let the measured share *f* be the weighted share of measures with
evidence that are met (an uncertain measure counts half):

| rating | rule |
|---|---|
| P performed without challenges | every measure with evidence met (*f* = 1) |
| S performed with some challenges | *f* >= 0.75 |
| M performed with major challenges | 0.4 <= *f* < 0.75 |
| U unable to be performed | *f* < 0.4 |

Evaluators' ratings of the objective are combined by their median (rounded towards the worse rating);
when both measures and evaluators rate an objective, the worse of the two stands. With neither, the
objective is not rated (no evidence).

US Joint Training System T/P/U: **T** trained when rated P or S and no measure is not met; **U** untrained
when rated U; **P** partially trained otherwise.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from jointex.assess.evidence import MetricValue
from jointex.model import Measure, Objective
from jointex.model.assessment import HseepRating, Observation
from jointex.model.metrics.display import format_estimate, format_number, metric_title, metric_unit
from jointex.model.objective import COMPARATORS

TARGET_WORDS = {">=": "at least", ">": "above", "<=": "at most", "<": "below", "==": "exactly"}
"""A measure's comparator in words, as a target reads: ``target at least 80%``."""


class MeasureStatus(StrEnum):
    MET = "met"
    NOT_MET = "not met"
    UNCERTAIN = "uncertain"
    NO_EVIDENCE = "no evidence"


class Training(StrEnum):
    """US Joint Training System proficiency."""

    T = "T"
    P = "P"
    U = "U"

    @property
    def meaning(self) -> str:
        return {"T": "trained", "P": "partially trained", "U": "untrained"}[self.value]


@dataclass(frozen=True)
class MeasureResult:
    measure: Measure
    evidence: MetricValue | None
    status: MeasureStatus
    note: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "metric": self.measure.metric,
            "comparator": self.measure.comparator,
            "threshold": self.measure.threshold,
            "weight": self.measure.weight,
            "status": self.status.value,
            "note": self.note,
            "evidence": self.evidence.to_dict() if self.evidence else None,
        }


def evaluate_measure(measure: Measure, evidence: MetricValue | None) -> MeasureResult:
    if evidence is None:
        return MeasureResult(
            measure, None, MeasureStatus.NO_EVIDENCE, "no analysis, run or observation gave it"
        )
    meets = COMPARATORS[measure.comparator]
    if evidence.exact:
        status = MeasureStatus.MET if meets(evidence.value, measure.threshold) else MeasureStatus.NOT_MET
        return MeasureResult(measure, evidence, status)
    assert evidence.ci_low is not None and evidence.ci_high is not None
    low_meets, high_meets = (
        meets(evidence.ci_low, measure.threshold),
        meets(evidence.ci_high, measure.threshold),
    )
    if measure.comparator == "==":
        low_meets = high_meets = evidence.ci_low == evidence.ci_high == measure.threshold
    if low_meets and high_meets:
        return MeasureResult(measure, evidence, MeasureStatus.MET)
    if (
        not low_meets
        and not high_meets
        and not (measure.comparator == "==" and evidence.ci_low <= measure.threshold <= evidence.ci_high)
    ):
        return MeasureResult(measure, evidence, MeasureStatus.NOT_MET)
    note = (
        "met by the point estimate only; the 95% interval crosses the threshold"
        if meets(evidence.value, measure.threshold)
        else "missed by the point estimate; the 95% interval crosses the threshold"
    )
    return MeasureResult(measure, evidence, MeasureStatus.UNCERTAIN, note)


_CREDIT = {MeasureStatus.MET: 1.0, MeasureStatus.UNCERTAIN: 0.5, MeasureStatus.NOT_MET: 0.0}


def measured_share(results: list[MeasureResult]) -> float | None:
    """Weighted share of measures met, among those with evidence; None when none has evidence."""
    rated = [r for r in results if r.status is not MeasureStatus.NO_EVIDENCE]
    if not rated:
        return None
    return sum(_CREDIT[r.status] * r.measure.weight for r in rated) / sum(r.measure.weight for r in rated)


def rating_from_share(share: float) -> HseepRating:
    if share >= 1.0 - 1e-12:
        return HseepRating.P
    if share >= 0.75:
        return HseepRating.S
    if share >= 0.4:
        return HseepRating.M
    return HseepRating.U


def evaluator_consensus(observations: list[Observation]) -> HseepRating | None:
    ranks = [o.rating.rank for o in observations if o.rating is not None]
    if not ranks:
        return None
    return list(HseepRating)[math.ceil(statistics.median(ranks))]


@dataclass(frozen=True)
class ObjectiveRating:
    objective: Objective
    hseep: HseepRating | None
    training: Training | None
    share: float | None
    consensus: HseepRating | None
    measures: tuple[MeasureResult, ...]
    observations: tuple[Observation, ...]
    rule: str
    strengths: tuple[str, ...] = field(default=())
    improvements: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        return {
            "objective": self.objective.id,
            "aspect": self.objective.aspect.value,
            "statement": self.objective.statement,
            "hseep": self.hseep.value if self.hseep else None,
            "training": self.training.value if self.training else None,
            "measured_share": None if self.share is None else round(self.share, 3),
            "evaluator_consensus": self.consensus.value if self.consensus else None,
            "rule": self.rule,
            "measures": [m.to_dict() for m in self.measures],
            "observations": [
                {
                    "time": str(o.time),
                    "observer": o.observer,
                    "rating": o.rating.value if o.rating else None,
                    "text": o.text,
                }
                for o in self.observations
            ],
            "strengths": list(self.strengths),
            "improvements": list(self.improvements),
        }


def describe_measure(result: MeasureResult, labels: Mapping[str, str] | None = None) -> str:
    """A measure and its evidence as a planner reads them, by the metric's title, in its unit (the
    registry's, else the one the objective gives): ``Leak probability: 0.118 (95% CI 0.117 to 0.120);
    target at most 0.05``. ``labels`` names the ids in the title (`jointex.analyse.metric_labels`):
    ``Leakers at Vilnius government district``."""
    m, e = result.measure, result.evidence
    unit = metric_unit(m.metric) or m.unit
    if e is None:
        value = "no evidence"
    elif e.exact or e.ci_low is None or e.ci_high is None:
        value = format_number(e.value, unit=unit)
    else:
        value = format_estimate(e.value, e.ci_low, e.ci_high, unit=unit)
    target = f"target {TARGET_WORDS[m.comparator]} {format_number(m.threshold, unit=unit)}"
    return f"{metric_title(m.metric, labels)}: {value}; {target}" + (
        f" — {result.note}" if result.note else ""
    )


def rate_objective(
    objective: Objective,
    evidence: dict[str, MetricValue],
    observations: list[Observation],
    labels: Mapping[str, str] | None = None,
) -> ObjectiveRating:
    """Rate ``objective`` (module docstring); its strengths and improvements describe the measures with
    ``labels`` naming the ids in metric titles."""
    results = [evaluate_measure(m, evidence.get(m.metric)) for m in objective.measures]
    share = measured_share(results)
    consensus = evaluator_consensus(observations)
    from_measures = None if share is None else rating_from_share(share)
    candidates = [r for r in (from_measures, consensus) if r is not None]
    hseep = max(candidates, key=lambda r: r.rank) if candidates else None
    if hseep is None:
        training, rule = None, "not rated: no evidence for any measure and no evaluator rating"
    else:
        any_missed = any(r.status is MeasureStatus.NOT_MET for r in results)
        if hseep is HseepRating.U:
            training = Training.U
        elif hseep in (HseepRating.P, HseepRating.S) and not any_missed:
            training = Training.T
        else:
            training = Training.P
        parts = []
        if share is not None and from_measures is not None:
            met = format_number(100 * share, unit="%", decimals=0)
            by_weight = " by weight" if len({r.measure.weight for r in results}) > 1 else ""
            parts.append(f"{met} of the measures met{by_weight}: {from_measures.value}")
        if consensus is not None:
            parts.append(f"evaluators' median: {consensus.value}")
        rule = "; ".join(parts) + (f"; the worse stands: {hseep.value}" if len(parts) > 1 else "")
    strengths = [describe_measure(r, labels) for r in results if r.status is MeasureStatus.MET]
    strengths += [o.text for o in observations if o.rating is HseepRating.P]
    improvements = [
        describe_measure(r, labels)
        for r in results
        if r.status in (MeasureStatus.NOT_MET, MeasureStatus.UNCERTAIN)
    ]
    improvements += [
        o.text for o in observations if o.rating in (HseepRating.S, HseepRating.M, HseepRating.U)
    ]
    return ObjectiveRating(
        objective,
        hseep,
        training,
        share,
        consensus,
        tuple(results),
        tuple(observations),
        rule,
        tuple(strengths),
        tuple(improvements),
    )
