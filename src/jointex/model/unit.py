"""Units: the force contributions, with equipment from the catalogue and their communications fit."""

from __future__ import annotations

import difflib
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

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
    """Size of a unit, by the APP-6 echelon names from a team up to an army group, with the air and
    maritime echelons. Names of one APP-6 level (company, battery, troop) are all kept as written.

    Case, spaces and underscores do not matter (``Task Force`` is ``task-force``), and the common
    abbreviations are read as the name: tm, sqd, sect, plt, det, coy, bty/btry, tp/trp, bn, sqn,
    regt, gp, bde, div, hq, flt, wg, tu, tg, tf.
    """

    TEAM = "team"
    CREW = "crew"
    SQUAD = "squad"
    SECTION = "section"
    PLATOON = "platoon"
    DETACHMENT = "detachment"
    COMPANY = "company"
    BATTERY = "battery"
    TROOP = "troop"
    BATTALION = "battalion"
    REGIMENT = "regiment"
    GROUP = "group"
    BRIGADE = "brigade"
    DIVISION = "division"
    CORPS = "corps"
    ARMY = "army"
    ARMY_GROUP = "army-group"
    FLIGHT = "flight"
    SQUADRON = "squadron"
    WING = "wing"
    SHIP = "ship"
    TASK_UNIT = "task-unit"
    TASK_GROUP = "task-group"
    TASK_FORCE = "task-force"
    HEADQUARTERS = "headquarters"


ECHELON_ABBREVIATIONS: dict[str, Echelon] = {
    "tm": Echelon.TEAM,
    "sqd": Echelon.SQUAD,
    "sect": Echelon.SECTION,
    "sec": Echelon.SECTION,
    "plt": Echelon.PLATOON,
    "pl": Echelon.PLATOON,
    "det": Echelon.DETACHMENT,
    "coy": Echelon.COMPANY,
    "co": Echelon.COMPANY,
    "bty": Echelon.BATTERY,
    "btry": Echelon.BATTERY,
    "tp": Echelon.TROOP,
    "trp": Echelon.TROOP,
    "bn": Echelon.BATTALION,
    "btn": Echelon.BATTALION,
    "sqn": Echelon.SQUADRON,
    "sqdn": Echelon.SQUADRON,
    "regt": Echelon.REGIMENT,
    "rgt": Echelon.REGIMENT,
    "gp": Echelon.GROUP,
    "grp": Echelon.GROUP,
    "bde": Echelon.BRIGADE,
    "div": Echelon.DIVISION,
    "hq": Echelon.HEADQUARTERS,
    "flt": Echelon.FLIGHT,
    "wg": Echelon.WING,
    "tu": Echelon.TASK_UNIT,
    "tg": Echelon.TASK_GROUP,
    "tf": Echelon.TASK_FORCE,
}
"""Abbreviations planners write for an echelon (British and US usage), read as its name."""


def read_echelon(value: Any) -> Any:
    """An echelon as a planner writes it (any case, an abbreviation) -> `Echelon`; a clear error
    naming every accepted name otherwise."""
    if not isinstance(value, str):
        return value
    written = re.sub(r"[\s_]+", "-", value.strip().lower())
    names = [e.value for e in Echelon]
    if written in names:
        return Echelon(written)
    if written in ECHELON_ABBREVIATIONS:
        return ECHELON_ABBREVIATIONS[written]
    close = difflib.get_close_matches(written, names, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]}?)" if close else ""
    raise ValueError(
        f"unknown echelon {value!r}{hint}; expected one of {', '.join(names)}, or an abbreviation such as "
        "plt, coy, bty, bn, sqn, regt, bde, div, hq"
    )


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
    echelon: Annotated[Echelon, BeforeValidator(read_echelon)]
    personnel: int = Field(ge=0, le=1_000_000)
    home_location: Place | None = None
    exercise_location: Place | None = Field(
        default=None, description="Where the unit operates; inside the exercise area unless marked home_base."
    )
    equipment: tuple[EquipmentLine, ...] = ()
    comms: CommsFit = CommsFit()
    label: Label | None = None
