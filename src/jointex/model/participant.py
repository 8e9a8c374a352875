"""Participating nations and the staff who control the exercise."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from jointex.model.base import Frozen, Identifier, LanguageCode, NationCode, ShortText
from jointex.model.labels import Label


class ParticipantRole(StrEnum):
    HOST = "host"
    LEAD = "lead"
    PARTICIPANT = "participant"
    OBSERVER = "observer"


class Participant(Frozen):
    """A nation taking part: its role, working languages, adopted standards and national caveats."""

    nation: NationCode
    role: ParticipantRole = ParticipantRole.PARTICIPANT
    contingent: ShortText | None = Field(default=None, description="Name of the national contingent.")
    languages: tuple[LanguageCode, ...] = Field(default=(), description="Working languages (ISO 639).")
    standards: tuple[ShortText, ...] = Field(
        default=(),
        description="Procedural standards the nation has ratified and implemented, e.g. 'STANAG 3971'.",
    )
    caveats: tuple[ShortText, ...] = Field(
        default=(), description="National caveats: limits the nation puts on the use of its forces."
    )
    datum: ShortText = Field(default="WGS84", description="Geodetic datum of the nation's maps and C2.")
    grid: ShortText = Field(
        default="MGRS", description="Grid reference system: MGRS, UTM or a national grid."
    )
    interpreters: tuple[LanguageCode, ...] = Field(
        default=(), description="Languages the contingent brings interpreters for."
    )
    liaison_officers_to: tuple[NationCode, ...] = Field(
        default=(), description="Nations the contingent sends liaison officers to."
    )
    label: Label | None = None


class ControlCell(StrEnum):
    """Where a controller sits in the exercise control organisation."""

    EXCON = "excon"
    HICON = "hicon"
    LOCON = "locon"
    WHITE_CELL = "white-cell"
    EVALUATION = "evaluation"
    SIMULATION = "simulation"


class Controller(Frozen):
    """A member of exercise control who releases injects and watches the players' response."""

    id: Identifier
    name: ShortText
    nation: NationCode
    cell: ControlCell = ControlCell.EXCON


class Actor(Frozen):
    """An organisation role-played by control (a ministry, an NGO, the media) sending or receiving injects."""

    id: Identifier
    name: ShortText
    description: str | None = None
