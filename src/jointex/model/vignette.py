"""Vignettes: the drills an exercise rehearses in simulation before doing them live.

Each kind has its own parameters. A kind whose simulation is built registers a parameter model in
``VIGNETTE_PARAMETER_MODELS`` (the parameters are pure data, so their models live here); the exercise
checks then validate a vignette's ``parameters`` against it. A kind without a model yet keeps its
parameters as plain data, so an exercise can describe drills jointex cannot simulate yet.
"""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum
from typing import Any

from pydantic import Field, model_validator

from jointex.model.base import Frozen, Identifier, ShortText
from jointex.model.hadr import HadrParameters
from jointex.model.iamd import IamdParameters
from jointex.model.labels import Label
from jointex.model.times import ScenarioTime


class VignetteKind(StrEnum):
    IAMD = "iamd"
    HADR = "hadr"
    SAR = "sar"
    MASCAL = "mascal"
    COMMS = "comms"
    CYBER = "cyber"
    MOVEMENT = "movement"


VIGNETTE_PARAMETER_MODELS: dict[VignetteKind, type[IamdParameters] | type[HadrParameters]] = {
    VignetteKind.IAMD: IamdParameters,
    VignetteKind.HADR: HadrParameters,
}
"""Parameter model of each vignette kind whose simulation is built."""


class Vignette(Frozen):
    """A drill to rehearse: which units take part, when, and the kind-specific parameters."""

    id: Identifier
    name: ShortText
    kind: VignetteKind
    start: ScenarioTime = Field(description="Start of the window, as scenario time (e.g. 'D+2 06:00').")
    end: ScenarioTime
    units: tuple[Identifier, ...] = Field(default=(), description="Ids of the units taking part.")
    objectives: tuple[Identifier, ...] = Field(default=(), description="Objectives this drill serves.")
    parameters: dict[str, Any] = Field(default_factory=dict)
    label: Label | None = None

    @model_validator(mode="after")
    def _window_in_order(self) -> Vignette:
        if self.end <= self.start:
            raise ValueError("the vignette ends before it starts; expected end after start")
        return self

    @property
    def duration(self) -> timedelta:
        return self.end - self.start
