"""A unit's symbol identification code (SIDC, APP-6(D) / MIL-STD-2525D, 20 digits) from what jointex knows.

The code is worked out from the unit's service, the catalogue category of its first listed platform and
its echelon, always as a friendly unit in reality (not an exercise track): the coalition plans its own
forces. Its digits, left to right: version ``10``, context ``0`` (reality), standard identity ``3``
(friend), symbol set (``10`` land unit, ``30`` sea surface, ``35`` sea subsurface), status ``0``
(present), headquarters/task force ``0`` or ``2`` (headquarters), echelon (two digits; land units only),
entity (six digits), and two modifier pairs ``00``.

- A functional service (special operations, medical, engineer, logistics, cyber, space, command) gives
  the branch whatever its vehicles: a medical company with trucks is medical.
- A land, air or maritime unit takes its branch from its first listed platform's category (main battle
  tanks: armour; air defence: air defence; fighters and tankers: fixed-wing aviation...).
- A maritime unit of echelon ``ship`` whose first platform is a ship is drawn as that ship (sea surface
  or subsurface symbol set), without an echelon; other units are land units, the convention of an order
  of battle, with their echelon above the frame.
"""

from __future__ import annotations

from collections.abc import Mapping

from jointex.model import Unit
from jointex.model.platform import Platform, PlatformCategory
from jointex.model.unit import Echelon, Service

VERSION, REALITY, FRIEND = "10", "0", "3"
LAND_UNIT, SEA_SURFACE, SEA_SUBSURFACE = "10", "30", "35"

ECHELON_AMPLIFIER: Mapping[str, str] = {
    "team": "11",
    "squad": "12",
    "section": "13",
    "platoon": "14",
    "flight": "14",
    "company": "15",
    "battery": "15",
    "troop": "15",
    "battalion": "16",
    "squadron": "16",
    "regiment": "17",
    "group": "17",
    "brigade": "18",
    "wing": "18",
    "division": "21",
    "corps": "22",
}
"""Echelon -> amplifier digits 9-10 (land units): 1x brigade and below, 2x division and above. Air
echelons read as their land equals (squadron: battalion; wing: brigade). Keyed by the echelon's value,
so an echelon the model gains later without an entry here is drawn without an amplifier."""

CATEGORY_ENTITY: Mapping[PlatformCategory, str] = {
    PlatformCategory.FIGHTER: "120800",  # fixed-wing aviation
    PlatformCategory.TANKER: "120800",
    PlatformCategory.AIRLIFT: "120800",
    PlatformCategory.ISR: "120801",  # fixed-wing reconnaissance aviation
    PlatformCategory.HELICOPTER: "120600",  # rotary-wing aviation
    PlatformCategory.UNCREWED_AIRCRAFT: "121900",  # unmanned aircraft systems
    PlatformCategory.MAIN_BATTLE_TANK: "120500",  # armour
    PlatformCategory.ARMOURED_COMBAT_VEHICLE: "121102",  # mechanised infantry
    PlatformCategory.ARTILLERY: "130300",  # field artillery
    PlatformCategory.TACTICAL_VEHICLE: "121104",  # motorised infantry
    PlatformCategory.AIR_DEFENCE: "130100",  # air defence
    PlatformCategory.COUNTER_DRONE: "130100",
    PlatformCategory.RADAR: "150400",  # radar (electronic ranging)
    PlatformCategory.MEDICAL: "161300",
    PlatformCategory.ENGINEER: "140700",
    PlatformCategory.LOGISTICS: "163400",  # supply
    PlatformCategory.C2: "110000",  # command and control
    PlatformCategory.SURFACE_COMBATANT: "170100",  # naval
    PlatformCategory.SUBMARINE: "170100",
    PlatformCategory.AMPHIBIOUS_SHIP: "120300",  # amphibious
    PlatformCategory.AUXILIARY_SHIP: "170100",
}
"""Platform category -> land unit entity (symbol set 10)."""

SHIP_ENTITY: Mapping[PlatformCategory, tuple[str, str]] = {
    PlatformCategory.SURFACE_COMBATANT: (SEA_SURFACE, "120200"),  # surface combatant, line
    PlatformCategory.AMPHIBIOUS_SHIP: (SEA_SURFACE, "120300"),  # amphibious warfare ship
    PlatformCategory.AUXILIARY_SHIP: (SEA_SURFACE, "130100"),  # auxiliary ship
    PlatformCategory.MEDICAL: (SEA_SURFACE, "130107"),  # hospital ship
    PlatformCategory.SUBMARINE: (SEA_SUBSURFACE, "110100"),  # submarine
}
"""A ship's first platform category -> (symbol set, entity)."""

SERVICE_ENTITY: Mapping[Service, str] = {
    Service.SPECIAL_OPERATIONS: "121800",
    Service.MEDICAL: "161300",
    Service.ENGINEER: "140700",
    Service.LOGISTICS: "163400",
    Service.CYBER: "210000",
    Service.SPACE: "111300",
    Service.COMMAND: "110000",
}
"""Functional services: the branch whatever the platforms."""

DEFAULT_ENTITY: Mapping[Service, str] = {
    Service.LAND: "121100",  # infantry
    Service.AIR: "120800",  # fixed-wing aviation
    Service.MARITIME: "170100",  # naval
}
"""Combat services without a catalogue platform."""


def main_category(unit: Unit, platforms: Mapping[str, Platform]) -> PlatformCategory | None:
    """The catalogue category of the unit's first listed platform that the catalogue knows."""
    for line in unit.equipment:
        platform = platforms.get(line.platform)
        if platform is not None:
            return platform.category
    return None


def unit_sidc(unit: Unit, platforms: Mapping[str, Platform]) -> str:
    """The 20-digit SIDC of a friendly unit (see the module's description of the rules)."""
    category = main_category(unit, platforms)
    headquarters = unit.echelon is Echelon.HEADQUARTERS
    if unit.service is Service.MARITIME or unit.echelon is Echelon.SHIP:
        ship = SHIP_ENTITY.get(category) if category is not None else None
        if ship is not None and unit.echelon is Echelon.SHIP:
            symbol_set, entity = ship
            return f"{VERSION}{REALITY}{FRIEND}{symbol_set}00" + "00" + entity + "0000"
    if unit.service in SERVICE_ENTITY:
        entity = SERVICE_ENTITY[unit.service]
    elif category is not None:
        entity = CATEGORY_ENTITY[category]
    else:
        entity = DEFAULT_ENTITY.get(unit.service, "110000")
    amplifier = ECHELON_AMPLIFIER.get(unit.echelon.value, "00")
    return f"{VERSION}{REALITY}{FRIEND}{LAND_UNIT}0{'2' if headquarters else '0'}{amplifier}{entity}0000"
