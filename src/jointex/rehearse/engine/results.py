"""Per-replication metric columns, their summary with 95% confidence intervals, and the run file."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from jointex.model import Label
from jointex.model.runs import MetricEstimate, RunResult

Z95 = 1.959963984540054


@dataclass(frozen=True)
class Estimate:
    """A mean with its 95% confidence interval (normal approximation, which the run sizes justify)."""

    mean: float
    ci_low: float
    ci_high: float
    sd: float
    n: int

    @property
    def half_width(self) -> float:
        return (self.ci_high - self.ci_low) / 2

    @classmethod
    def of(cls, values: NDArray[np.float64]) -> Estimate:
        """The estimate from the replications where the metric is defined (NaN marks one where it is not,
        e.g. a delay when nothing was engaged)."""
        values = values[np.isfinite(values)]
        n = len(values)
        mean = float(np.mean(values)) if n else math.nan
        sd = float(np.std(values, ddof=1)) if n > 1 else 0.0
        half = Z95 * sd / math.sqrt(n) if n > 1 else math.inf
        return cls(mean, mean - half, mean + half, sd, n)


@dataclass(frozen=True)
class RunTable:
    """Every replication's metrics, in replication order: ``columns[metric][i]`` is replication i's."""

    columns: dict[str, NDArray[np.float64]]
    seed: int

    @property
    def replications(self) -> int:
        return len(next(iter(self.columns.values()))) if self.columns else 0

    def summary(self) -> dict[str, Estimate]:
        return {metric: Estimate.of(values) for metric, values in self.columns.items()}

    def difference(self, other: RunTable) -> dict[str, Estimate]:
        """Paired differences (self - other) per metric. With common random numbers, the same replication
        index drew the same numbers in both runs, so the pairing removes most of the noise."""
        n = min(self.replications, other.replications)
        return {
            m: Estimate.of(self.columns[m][:n] - other.columns[m][:n])
            for m in self.columns
            if m in other.columns
        }

    def to_run_result(self, exercise: str, vignette: str, label: Label | None = None) -> RunResult:
        """The run file `jointex report --runs` reads."""
        return RunResult(
            exercise=exercise,
            vignette=vignette,
            replications=self.replications,
            seed=self.seed,
            label=label,
            metrics={
                m: MetricEstimate(mean=e.mean, ci_low=e.ci_low, ci_high=e.ci_high)
                for m, e in self.summary().items()
                if e.n > 1
            },
        )
