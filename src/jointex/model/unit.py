"""Units: the force contributions, with equipment from the catalogue and their communications fit."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from jointex.model.base import Frozen, Identifier, NationCode, ShortText
from jointex.model.geo import Place
from jointex.model.labels import Label


class Service(StrEnum):
    LAND = "land"
    MARITIME = "maritime"
    AIR = "air"
    SPACE = "space"
    CYBER = "cyber"
    SPECIAL_OPERATIONS = "special-operations"
    MEDICAL = "medical"
    ENGINEER = "engineer"
    LOGISTICS = "logistics"
    COMMAND = "command"


class Echelon(StrEnum):
    """Size of a unit, from a team up to a corps; maritime and air echelons included."""

    TEAM = "team"
    SQUAD = "squad"
    SECTION = "section"
    PLATOON = "platoon"
    COMPANY = "company"
    BATTALION = "battalion"
    REGIMENT = "regiment"
    BRIGADE = "brigade"
    DIVISION = "division"
    CORPS = "corps"
    FLIGHT = "flight"
    SQUADRON = "squadron"
    WING = "wing"
    SHIP = "ship"
    TASK_UNIT = "task-unit"
    TASK_GROUP = "task-group"
    TASK_FORCE = "task-force"
    HEADQUARTERS = "headquarters"


class EquipmentLine(Frozen):
    """So many of one catalogue platform."""

    platform: ShortText = Field(description="Catalogue platform id, e.g. 'F-35A'.")
    count: int = Field(default=1, ge=1, le=100_000)


class CommsFit(Frozen):
    """Communications a unit holds beyond its platforms' defaults."""

    waveforms: tuple[ShortText, ...] = ()
    data_links: tuple[ShortText, ...] = ()
    c2_systems: tuple[ShortText, ...] = ()
    key_material: tuple[ShortText, ...] = Field(
        default=(),
        description="Crypto key material held (nets, key lists); radios on a common waveform "
        "interoperate securely only with shared key material.",
    )
    gateway: bool = Field(default=False, description="The unit forwards data between the links it holds.")


class Unit(Frozen):
    """A unit a nation contributes to the exercise."""

    id: Identifier
    name: ShortText
    nation: NationCode
    service: Service
    echelon: Echelon
    personnel: int = Field(ge=0, le=1_000_000)
    home_location: Place | None = None
    exercise_location: Place | None = Field(
        default=None, description="Where the unit operates; inside the exercise area unless marked home_base."
    )
    equipment: tuple[EquipmentLine, ...] = ()
    comms: CommsFit = CommsFit()
    label: Label | None = None
