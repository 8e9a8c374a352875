"""Training objectives with measurable thresholds."""

from __future__ import annotations

import operator
from collections.abc import Callable
from enum import StrEnum
from typing import Literal

from pydantic import Field

from jointex.model.base import Frozen, Identifier, LongText, NationCode, ShortText
from jointex.model.labels import Label


class Aspect(StrEnum):
    """The five things multinational exercises train."""

    INTEROPERABILITY = "interoperability"
    CRISIS_RESPONSE = "crisis-response"
    TECHNOLOGY = "technology"
    DIPLOMACY_AND_TRUST = "diplomacy-and-trust"
    DETERRENCE = "deterrence"


Comparator = Literal[">=", ">", "<=", "<", "=="]
COMPARATORS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "==": operator.eq,
}


class Measure(Frozen):
    """A measurable threshold: metric <comparator> threshold, weighted within its objective."""

    metric: ShortText = Field(
        description="Metric id produced by an analysis, a simulation or observations; one of those "
        "docs/metrics.md lists (jointex validate refuses any other)."
    )
    comparator: Comparator = ">="
    threshold: float
    unit: ShortText | None = Field(default=None, description="Unit of the metric, e.g. 'percent', 'min'.")
    weight: float = Field(default=1.0, gt=0)
    description: str | None = None

    def is_met_by(self, value: float) -> bool:
        return COMPARATORS[self.comparator](value, self.threshold)


class Objective(Frozen):
    """A training objective owned by one or more nations."""

    id: Identifier
    aspect: Aspect
    statement: LongText = Field(min_length=1)
    owners: tuple[NationCode, ...] = Field(min_length=1)
    measures: tuple[Measure, ...] = Field(min_length=1)
    label: Label | None = None
