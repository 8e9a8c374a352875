"""The exercise: the one value every stage of jointex reads."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from functools import cached_property
from typing import Literal

from pydantic import Field, model_validator

from jointex.model.base import Frozen, Identifier, LongText, NationCode, ShortText
from jointex.model.geo import Area
from jointex.model.interop import InteropSettings
from jointex.model.labels import UNCLASSIFIED, Label
from jointex.model.objective import Objective
from jointex.model.participant import Actor, Controller, Participant
from jointex.model.scenario import Inject, Scenario
from jointex.model.unit import Unit
from jointex.model.vignette import Vignette

FORMAT_VERSION = 1


class ExerciseType(StrEnum):
    """HSEEP exercise types, plus the military CPX, CAX, FTX and LIVEX."""

    SEMINAR = "seminar"
    WORKSHOP = "workshop"
    TABLETOP = "tabletop"
    GAME = "game"
    DRILL = "drill"
    FUNCTIONAL = "functional"
    FULL_SCALE = "full-scale"
    CPX = "cpx"
    CAX = "cax"
    FTX = "ftx"
    LIVEX = "livex"


class Phase(Frozen):
    """A phase of the exercise (deployment, STARTEX to ENDEX play, redeployment...), in calendar dates."""

    id: Identifier
    name: ShortText
    start: date
    end: date

    @model_validator(mode="after")
    def _in_order(self) -> Phase:
        if self.end < self.start:
            raise ValueError("the phase ends before it starts; expected end on or after start")
        return self


class Exercise(Frozen):
    """A multinational exercise as written in its file, includes merged."""

    format_version: Literal[1] = Field(
        default=1, description="Version of the exercise file format this file is written in."
    )
    id: Identifier
    name: ShortText
    type: ExerciseType
    description: LongText | None = None
    host_nation: NationCode
    start_date: date = Field(description="STARTEX date; scenario times count from 00:00 on this date.")
    end_date: date = Field(description="ENDEX date.")
    area: Area
    label: Label = Field(default=UNCLASSIFIED, description="Default label of everything in the exercise.")
    include: tuple[str, ...] = Field(
        default=(),
        description="Files merged into this one, relative to it (globs allowed), e.g. 'nations/*.yaml'.",
    )
    catalogue: tuple[str, ...] = Field(
        default=(), description="Your own catalogue files of platform types, relative to the exercise file."
    )
    phases: tuple[Phase, ...] = ()
    participants: tuple[Participant, ...] = Field(min_length=1)
    controllers: tuple[Controller, ...] = ()
    actors: tuple[Actor, ...] = ()
    units: tuple[Unit, ...] = ()
    objectives: tuple[Objective, ...] = ()
    vignettes: tuple[Vignette, ...] = ()
    scenario: Scenario = Scenario()
    interoperability: InteropSettings = InteropSettings()

    @property
    def nations(self) -> tuple[str, ...]:
        """Participating nations in file order."""
        return tuple(p.nation for p in self.participants)

    @property
    def duration(self) -> timedelta:
        """From STARTEX (start date 00:00) to the end of the ENDEX date."""
        return self.end_date - self.start_date + timedelta(days=1)

    @cached_property
    def units_by_id(self) -> dict[str, Unit]:
        return {unit.id: unit for unit in self.units}

    @cached_property
    def objectives_by_id(self) -> dict[str, Objective]:
        return {objective.id: objective for objective in self.objectives}

    def injects(self) -> list[Inject]:
        """The MSEL in file order."""
        return [inject for _, inject in self.scenario.injects()]

    def effective_label(self, own: Label | None, parent: Label | None = None) -> Label:
        """The label that applies to an element: its own, else its parent's, else the exercise's."""
        return own or parent or self.label
