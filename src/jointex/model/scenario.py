"""The scenario and its MSEL: events, made of incidents, made of injects (NATO Bi-SCD 075-003 usage)."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, WithJsonSchema, field_validator

from jointex.model.base import Frozen, Identifier, LongText, ShortText
from jointex.model.labels import Label
from jointex.model.times import ScenarioTime


class DeliveryMethod(StrEnum):
    """How control hands an inject to the players."""

    EMAIL = "email"
    PHONE = "phone"
    RADIO = "radio"
    CHAT = "chat"
    MESSAGE = "message"
    DOCUMENT = "document"
    FACE_TO_FACE = "face-to-face"
    VIDEO = "video"
    MEDIA = "media"
    SIMULATION = "simulation"
    LIVE_ACTION = "live-action"


Serial = Annotated[
    ShortText,
    WithJsonSchema(
        {
            "anyOf": [{"type": "string", "minLength": 1}, {"type": "integer"}],
            "description": "MSEL serial number, unique in the exercise.",
        }
    ),
]


class Inject(Frozen):
    """One MSEL entry: what control sends whom, when, and what the players are expected to do."""

    serial: Serial
    time: ScenarioTime = Field(description="Scenario time of release, as an offset from STARTEX.")
    sender: Identifier = Field(alias="from", description="Controller, actor or unit id sending the inject.")
    recipients: tuple[Identifier, ...] = Field(
        alias="to", min_length=1, description="Unit, controller or actor ids receiving it."
    )
    method: DeliveryMethod
    synopsis: LongText = Field(min_length=1)
    expected_action: LongText | None = None
    objectives: tuple[Identifier, ...] = ()
    controller: Identifier | None = Field(default=None, description="Controller responsible for release.")
    notes: LongText | None = None
    label: Label | None = None

    @field_validator("serial", mode="before")
    @classmethod
    def _serial_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class Incident(Frozen):
    id: Identifier
    name: ShortText
    description: LongText | None = None
    injects: tuple[Inject, ...] = ()


class Event(Frozen):
    id: Identifier
    name: ShortText
    description: LongText | None = None
    incidents: tuple[Incident, ...] = ()


class Scenario(Frozen):
    """The storyline: a background and the events that drive play."""

    name: ShortText | None = None
    background: LongText | None = None
    events: tuple[Event, ...] = ()

    def injects(self) -> Iterator[tuple[tuple[int, int, int], Inject]]:
        """Every inject with its (event, incident, inject) index, in file order."""
        for e, event in enumerate(self.events):
            for i, incident in enumerate(event.incidents):
                for j, inject in enumerate(incident.injects):
                    yield (e, i, j), inject
