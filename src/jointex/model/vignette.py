"""Vignettes: the drills an exercise rehearses in simulation before doing them live.

Each kind has its own parameters. A kind whose simulation is built declares a parameter model in the
model layer (`jointex.model.kinds.DECLARATIONS`), and a vignette's ``parameters`` are validated against
it when the exercise is read, so every layer above holds typed parameters (`Vignette.parameters_as`). A
kind without a declaration yet keeps its parameters as plain data (`PlainParameters`), so an exercise can
describe drills jointex cannot simulate yet.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, TypeVar

from pydantic import Field, SerializeAsAny, ValidationInfo, field_validator, model_validator

from jointex.model.base import Frozen, Identifier, ShortText
from jointex.model.kinds import DECLARATIONS
from jointex.model.labels import Label
from jointex.model.times import ScenarioTime
from jointex.model.vignette_kind import PlainParameters, VignetteKind, VignetteParameters

__all__ = ["PlainParameters", "Vignette", "VignetteKind", "VignetteParameters"]

Parameters = TypeVar("Parameters", bound=VignetteParameters)


class Vignette(Frozen):
    """A drill to rehearse: which units take part, when, and the kind-specific parameters."""

    id: Identifier
    name: ShortText
    kind: VignetteKind
    start: ScenarioTime = Field(description="Start of the window, as scenario time (e.g. 'D+2 06:00').")
    end: ScenarioTime
    units: tuple[Identifier, ...] = Field(default=(), description="Ids of the units taking part.")
    objectives: tuple[Identifier, ...] = Field(default=(), description="Objectives this drill serves.")
    parameters: SerializeAsAny[VignetteParameters] = Field(
        default_factory=dict,  # validated as its kind's parameters, like a mapping written in the file
        validate_default=True,
        description="The kind's parameters (see the parameter models below); plain data for a kind "
        "jointex cannot rehearse yet.",
    )
    label: Label | None = None

    @field_validator("parameters", mode="before")
    @classmethod
    def _parameters_of_kind(cls, value: Any, info: ValidationInfo) -> VignetteParameters:
        """The parameters read by the model the vignette's kind declares (plain data for a kind without
        one, or when the kind itself could not be read, which is reported on its own)."""
        kind = info.data.get("kind")
        declared = DECLARATIONS.get(kind) if isinstance(kind, VignetteKind) else None
        model = declared.parameters if declared is not None else PlainParameters
        return model.model_validate(value)

    @model_validator(mode="after")
    def _window_in_order(self) -> Vignette:
        if self.end <= self.start:
            raise ValueError("the vignette ends before it starts; expected end after start")
        return self

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    def parameters_as(self, model: type[Parameters]) -> Parameters:
        """The parameters as ``model``, the parameter model of the vignette's kind (a kind's package
        asks for its own: ``vignette.parameters_as(IamdParameters)``). Raises `TypeError` for a vignette
        of another kind."""
        if not isinstance(self.parameters, model):
            raise TypeError(
                f"vignette {self.id} is of kind {self.kind.value}: its parameters are "
                f"{type(self.parameters).__name__}, not {model.__name__}"
            )
        return self.parameters
