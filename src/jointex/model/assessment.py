"""What evaluators bring to the assessment: observations and the corrective actions they propose.

They live in the exercise folder, ``observations.yaml`` (or ``observations.csv``), beside the exercise.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field, model_validator

from jointex.model.base import Frozen, Identifier, LongText, NationCode, ShortText
from jointex.model.labels import Label
from jointex.model.metrics import METRICS
from jointex.model.times import ScenarioTime


class HseepRating(StrEnum):
    """HSEEP performance ratings, best first."""

    P = "P"  # performed without challenges
    S = "S"  # performed with some challenges
    M = "M"  # performed with major challenges
    U = "U"  # unable to be performed

    @property
    def meaning(self) -> str:
        return {
            "P": "performed without challenges",
            "S": "performed with some challenges",
            "M": "performed with major challenges",
            "U": "unable to be performed",
        }[self.value]

    @property
    def rank(self) -> int:
        return list(HseepRating).index(self)


class Observation(Frozen):
    """One evaluator observation about an objective: a rating, a measured value, or both, and the text."""

    time: ScenarioTime
    observer: ShortText = Field(description="Controller id or evaluator name.")
    objective: Identifier
    unit: Identifier | None = None
    inject: ShortText | None = Field(default=None, description="MSEL serial the observation refers to.")
    rating: HseepRating | None = Field(default=None, description="The evaluator's P/S/M/U judgement.")
    metric: ShortText | None = Field(default=None, description="A measured metric id, e.g. observer.rating.")
    value: float | None = None
    text: LongText = Field(min_length=1)
    label: Label | None = None

    @model_validator(mode="after")
    def _metric_and_value_together(self) -> Observation:
        if (self.metric is None) != (self.value is None):
            raise ValueError("give metric and value together, or neither")
        spec = None if self.metric is None else METRICS.find(self.metric)
        if spec is not None and self.value is not None and not spec.domain.contains(self.value):
            raise ValueError(f"value {self.value:g} is outside the {spec.domain} of {self.metric}")
        return self


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in-progress"
    DONE = "done"


class CorrectiveAction(Frozen):
    """An improvement plan entry: what will be done, by which nation, by when."""

    objective: Identifier | None = None
    action: LongText = Field(min_length=1)
    owner: NationCode
    due: date
    status: ActionStatus = ActionStatus.OPEN
    label: Label | None = None


class Observations(Frozen):
    """The evaluators' file: observations and corrective actions."""

    observations: tuple[Observation, ...] = ()
    actions: tuple[CorrectiveAction, ...] = ()
