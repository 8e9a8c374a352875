"""Rating rules on constructed evidence: thresholds, intervals, missing evidence, evaluators."""

from __future__ import annotations

import pytest

from jointex.assess.evidence import MetricValue
from jointex.assess.ratings import (
    MeasureStatus,
    Training,
    evaluate_measure,
    evaluator_consensus,
    rate_objective,
    rating_from_share,
)
from jointex.model import Measure, Objective
from jointex.model.assessment import HseepRating, Observation


def measure(comparator: str = ">=", threshold: float = 90, weight: float = 1, metric: str = "m") -> Measure:
    return Measure.model_validate(
        {"metric": metric, "comparator": comparator, "threshold": threshold, "weight": weight}
    )


def exact(value: float, metric: str = "m") -> MetricValue:
    return MetricValue(metric, value, "test")


def interval(mean: float, low: float, high: float, metric: str = "m") -> MetricValue:
    return MetricValue(metric, mean, "test", low, high, 100)


@pytest.mark.parametrize(
    ("comparator", "value", "status"),
    [
        (">=", 90, MeasureStatus.MET),
        (">=", 89.999, MeasureStatus.NOT_MET),
        (">", 90, MeasureStatus.NOT_MET),
        ("<=", 90, MeasureStatus.MET),
        ("<", 90, MeasureStatus.NOT_MET),
        ("==", 90, MeasureStatus.MET),
        ("==", 91, MeasureStatus.NOT_MET),
    ],
)
def test_exact_values_at_the_threshold(comparator: str, value: float, status: MeasureStatus) -> None:
    assert evaluate_measure(measure(comparator), exact(value)).status is status


@pytest.mark.parametrize(
    ("comparator", "low", "mean", "high", "status", "note"),
    [
        (">=", 91, 93, 95, MeasureStatus.MET, ""),
        (">=", 85, 88, 89, MeasureStatus.NOT_MET, ""),
        (">=", 88, 91, 94, MeasureStatus.UNCERTAIN, "met by the point estimate only"),
        (">=", 86, 89, 92, MeasureStatus.UNCERTAIN, "missed by the point estimate"),
        ("<=", 80, 85, 89, MeasureStatus.MET, ""),
        ("<=", 85, 89, 92, MeasureStatus.UNCERTAIN, "met by the point estimate only"),
        ("==", 85, 90, 95, MeasureStatus.UNCERTAIN, "met by the point estimate only"),
    ],
)
def test_intervals(
    comparator: str, low: float, mean: float, high: float, status: MeasureStatus, note: str
) -> None:
    result = evaluate_measure(measure(comparator), interval(mean, low, high))
    assert result.status is status
    assert result.note.startswith(note)


def test_missing_evidence_is_no_evidence_not_an_error() -> None:
    assert evaluate_measure(measure(), None).status is MeasureStatus.NO_EVIDENCE


@pytest.mark.parametrize(
    ("share", "rating"),
    [
        (1.0, HseepRating.P),
        (0.999, HseepRating.S),
        (0.75, HseepRating.S),
        (0.7499, HseepRating.M),
        (0.4, HseepRating.M),
        (0.3999, HseepRating.U),
        (0.0, HseepRating.U),
    ],
)
def test_share_boundaries(share: float, rating: HseepRating) -> None:
    assert rating_from_share(share) is rating


def observation(rating: str | None, objective: str = "O1") -> Observation:
    return Observation.model_validate(
        {"time": "D+1", "observer": "E", "objective": objective, "rating": rating, "text": "seen"}
    )


@pytest.mark.parametrize(
    ("ratings", "consensus"),
    [
        (["P"], "P"),
        (["P", "S"], "S"),
        (["P", "P", "M"], "P"),
        (["S", "M", "U", "U"], "U"),
        ([None], None),
    ],
)
def test_evaluator_consensus_is_the_median_rounded_to_the_worse(
    ratings: list[str | None], consensus: str | None
) -> None:
    found = evaluator_consensus([observation(r) for r in ratings])
    assert (found.value if found else None) == consensus


def objective(*measures: Measure) -> Objective:
    return Objective.model_validate(
        {
            "id": "O1",
            "aspect": "interoperability",
            "statement": "s",
            "owners": ["USA"],
            "measures": [m.model_dump() for m in measures],
        }
    )


def test_weights_and_uncertainty_enter_the_share() -> None:
    target = objective(measure(metric="a", weight=3), measure(metric="b", weight=1), measure(metric="c"))
    rating = rate_objective(target, {"a": exact(95, "a"), "b": interval(91, 88, 94, "b")}, [])
    assert rating.share == pytest.approx((3 * 1 + 1 * 0.5) / 4)  # c has no evidence and does not count
    assert rating.hseep is HseepRating.S
    assert rating.training is Training.T
    assert [m.status for m in rating.measures] == [
        MeasureStatus.MET,
        MeasureStatus.UNCERTAIN,
        MeasureStatus.NO_EVIDENCE,
    ]
    assert rating.rule.startswith("88% of the measures met by weight: S")  # not 1 of 2 by count


def test_the_worse_of_measures_and_evaluators_stands() -> None:
    target = objective(measure(metric="a"))
    rating = rate_objective(target, {"a": exact(95, "a")}, [observation("M")])
    assert rating.hseep is HseepRating.M
    assert rating.rule == "100% of the measures met: P; evaluators' median: M; the worse stands: M"
    assert rating.training is Training.P


def test_a_missed_measure_keeps_an_s_objective_from_trained() -> None:
    target = objective(*(measure(metric=m) for m in "abcd"))
    evidence = {m: exact(95 if m != "d" else 10, m) for m in "abcd"}
    rating = rate_objective(target, evidence, [])
    assert (rating.hseep, rating.training) == (HseepRating.S, Training.P)


def test_no_evidence_at_all_is_not_rated() -> None:
    rating = rate_objective(objective(measure()), {}, [])
    assert (rating.hseep, rating.training) == (None, None)
    assert rating.rule.startswith("not rated")


def test_strengths_and_improvements_list_the_evidence() -> None:
    target = objective(measure(metric="a"), measure(metric="b"))
    rating = rate_objective(
        target, {"a": exact(95, "a"), "b": exact(5, "b")}, [observation("P"), observation("S")]
    )
    assert rating.strengths == ("a: 95; target at least 90", "seen")
    assert rating.improvements == ("b: 5; target at least 90", "seen")


def test_evidence_reads_by_title_in_the_metric_s_unit_rounded_to_its_interval() -> None:
    leak = measure("<=", 0.05, metric="iamd.leak_probability")
    rating = rate_objective(
        objective(leak), {"iamd.leak_probability": interval(0.118489, 0.117164, 0.119814, leak.metric)}, []
    )
    assert rating.improvements == ("Leak probability: 0.118 (95% CI 0.117 to 0.120); target at most 0.05",)
    need = measure(">=", 80, metric="hadr.need_met_day3_pct")
    rating = rate_objective(objective(need), {need.metric: interval(42.7, 39.71, 45.62, need.metric)}, [])
    assert rating.improvements == ("Need met on day 3: 43% (95% CI 40 to 46%); target at least 80%",)
    leakers = measure("<", 1, metric="iamd.leakers.VILNIUS")
    rating = rate_objective(objective(leakers), {leakers.metric: exact(0, leakers.metric)}, [])
    assert rating.strengths == ("Leakers at VILNIUS: 0 threats; target below 1 threat",)
