"""The result of a simulation run, as `jointex simulate --out` writes it and the assessment reads it."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from jointex.model.base import Frozen, Identifier, ShortText
from jointex.model.labels import Label


class MetricEstimate(Frozen):
    mean: float
    ci_low: float | None = None
    ci_high: float | None = None

    @model_validator(mode="after")
    def _interval_around_mean(self) -> MetricEstimate:
        if (self.ci_low is None) != (self.ci_high is None):
            raise ValueError("give ci_low and ci_high together")
        if (
            self.ci_low is not None
            and self.ci_high is not None
            and not self.ci_low <= self.mean <= self.ci_high
        ):
            raise ValueError("expected ci_low <= mean <= ci_high")
        return self


class RunResult(Frozen):
    """Headline metrics of one vignette's Monte Carlo run: means with 95% confidence intervals."""

    format: Literal["jointex-run/1"] = "jointex-run/1"
    exercise: Identifier
    vignette: Identifier
    replications: int = Field(ge=1)
    seed: int
    label: Label | None = None
    metrics: dict[ShortText, MetricEstimate]
