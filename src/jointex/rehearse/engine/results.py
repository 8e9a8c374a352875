"""Per-replication metric columns, their summary with 95% confidence intervals, and the run file's metrics.

Each metric's interval respects the domain it declares in the registry of metrics
(`jointex.model.metrics.METRICS`; methods in `jointex.analyse.intervals`); a name the registry does not
know is taken as unbounded.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from jointex.analyse.intervals import Z95, mean_interval
from jointex.model.metrics import METRICS, UNBOUNDED, Domain
from jointex.model.runs import MetricEstimate

__all__ = ["Z95", "Estimate", "RunTable"]


@dataclass(frozen=True)
class Estimate:
    """A mean with its 95% confidence interval, inside the metric's domain (`jointex.analyse.intervals`)."""

    mean: float
    ci_low: float
    ci_high: float
    sd: float
    n: int

    @property
    def half_width(self) -> float:
        return (self.ci_high - self.ci_low) / 2

    @classmethod
    def of(cls, values: NDArray[np.float64], domain: Domain = UNBOUNDED) -> Estimate:
        """The estimate from the replications where the metric is defined (NaN marks one where it is not,
        e.g. a delay when nothing was engaged), with the interval method of the metric's ``domain``."""
        values = values[np.isfinite(values)]
        n = len(values)
        mean = float(np.mean(values)) if n else math.nan
        sd = float(np.std(values, ddof=1)) if n > 1 else 0.0
        low, high = mean_interval(mean, sd, n, domain, Z95)
        return cls(mean, low, high, sd, n)

    @classmethod
    def of_metric(cls, metric: str, values: NDArray[np.float64]) -> Estimate:
        """The estimate of a metric, with its interval inside the domain the metric declares."""
        return cls.of(values, METRICS.domain(metric))


@dataclass(frozen=True)
class RunTable:
    """Every replication's metrics, in replication order: ``columns[metric][i]`` is replication i's."""

    columns: dict[str, NDArray[np.float64]]
    seed: int

    @property
    def replications(self) -> int:
        return len(next(iter(self.columns.values()))) if self.columns else 0

    def summary(self) -> dict[str, Estimate]:
        return {metric: Estimate.of_metric(metric, values) for metric, values in self.columns.items()}

    def difference(self, other: RunTable) -> dict[str, Estimate]:
        """Paired differences (self - other) per metric. With common random numbers, the same replication
        index drew the same numbers in both runs, so the pairing removes most of the noise. A difference
        may be negative; its interval stays within the difference's domain (+-1 for probabilities)."""
        n = min(self.replications, other.replications)
        return {
            m: Estimate.of(self.columns[m][:n] - other.columns[m][:n], METRICS.domain(m).difference())
            for m in self.columns
            if m in other.columns
        }

    def metric_estimates(self) -> dict[str, MetricEstimate]:
        """The metrics as a run file carries them: those with an interval (defined in 2+ replications)."""
        return {
            m: MetricEstimate(mean=e.mean, ci_low=e.ci_low, ci_high=e.ci_high)
            for m, e in self.summary().items()
            if e.n > 1
        }
