"""Evidence: metric values from analyses, simulation runs and evaluator observations.

A metric value is exact (an analysis of the exercise file) or an estimate with a 95% confidence interval
(a Monte Carlo run, or several observers measuring the same thing) inside the metric's domain, as the
registry of metrics (`jointex.model.metrics`) declares it. Every value says where it came from.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass

import numpy as np

from jointex.analyse.interop import InteropResult, State
from jointex.analyse.intervals import mean_interval, t_quantile
from jointex.model.assessment import Observation
from jointex.model.metrics import METRICS
from jointex.model.metrics.interop import CONNECTED_DOMAINS, INTEROP_METRIC_KEYS


@dataclass(frozen=True)
class MetricValue:
    metric: str
    value: float
    source: str
    ci_low: float | None = None
    ci_high: float | None = None
    samples: int = 1

    @property
    def exact(self) -> bool:
        return self.ci_low is None or self.ci_high is None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def interop_metrics(result: InteropResult) -> dict[str, MetricValue]:
    """Exercise-wide interoperability metrics.

    ``interop.<domain>.compatible_pairs_pct``: share of applicable unit pairs that work (compatible or
    bridged), in percent; the communications domains also as ``connected_pairs_pct``.
    ``interop.comms.connected_pairs_pct``: share of unit pairs (units with any radio or link) that can
    reach each other over the network, relays included. ``interop.overall_score_pct``,
    ``interop.single_points_of_failure`` and ``interop.blocked_vignette_pairs`` complete the set.
    """
    source = "interoperability analysis"
    metrics: dict[str, MetricValue] = {}
    for domain, domain_result in result.domains.items():
        counts = domain_result.counts.sum(axis=(1, 2))
        applicable = counts[1:].sum()
        if applicable == 0:
            continue
        share = 100.0 * (counts[State.COMPATIBLE] + counts[State.BRIDGED]) / applicable
        key = INTEROP_METRIC_KEYS[domain]
        metrics[f"interop.{key}.compatible_pairs_pct"] = MetricValue(
            f"interop.{key}.compatible_pairs_pct", round(float(share), 2), source
        )
        if domain in CONNECTED_DOMAINS:
            metrics[f"interop.{key}.connected_pairs_pct"] = MetricValue(
                f"interop.{key}.connected_pairs_pct", round(float(share), 2), source
            )
    sizes = [len(c) for c in result.network.components()]
    connected = sum(n * (n - 1) for n in sizes)
    total = sum(sizes) * (sum(sizes) - 1)
    if total:
        metrics["interop.comms.connected_pairs_pct"] = MetricValue(
            "interop.comms.connected_pairs_pct", round(100.0 * connected / total, 2), source
        )
    if not np.isnan(result.overall_score):
        metrics["interop.overall_score_pct"] = MetricValue(
            "interop.overall_score_pct", round(100.0 * result.overall_score, 2), source
        )
    metrics["interop.single_points_of_failure"] = MetricValue(
        "interop.single_points_of_failure", float(len(result.single_points_of_failure)), source
    )
    metrics["interop.blocked_vignette_pairs"] = MetricValue(
        "interop.blocked_vignette_pairs", float(sum(g.critical_pairs for g in result.gaps)), source
    )
    return metrics


def _t95(n: int) -> float:
    return t_quantile(0.975, n - 1)


def observed_metrics(observations: Iterable[Observation]) -> dict[str, MetricValue]:
    """Observers' measured values per metric: one value as it is, several as a mean with a 95% interval
    (t quantile) by the method of the metric's domain, so a 1-4 rating's interval stays within 1 to 4."""
    values: dict[str, list[float]] = defaultdict(list)
    for observation in observations:
        if observation.metric is not None and observation.value is not None:
            values[observation.metric].append(observation.value)
    metrics = {}
    for metric, found in values.items():
        source = f"evaluator observations (n={len(found)})"
        if len(found) == 1:
            metrics[metric] = MetricValue(metric, found[0], source)
            continue
        mean = statistics.fmean(found)
        low, high = mean_interval(
            mean, statistics.stdev(found), len(found), METRICS.domain(metric), _t95(len(found))
        )
        metrics[metric] = MetricValue(
            metric, round(mean, 4), source, round(low, 4), round(high, 4), len(found)
        )
    return metrics


def merged(*sources: Mapping[str, MetricValue]) -> dict[str, MetricValue]:
    """All evidence by metric id; a later source wins for a metric given twice."""
    result: dict[str, MetricValue] = {}
    for source in sources:
        result.update(source)
    return result
