"""Platform types of the reference catalogue and their interoperability attributes.

Only interoperability attributes live here (how it refuels, what it burns and fires, which links and
radios it carries). Performance figures used by simulations are notional vignette parameters instead.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from jointex.model.base import Frozen, ShortText


class Domain(StrEnum):
    AIR = "air"
    LAND = "land"
    MARITIME = "maritime"
    JOINT = "joint"


class PlatformCategory(StrEnum):
    FIGHTER = "fighter"
    TANKER = "tanker"
    AIRLIFT = "airlift"
    HELICOPTER = "helicopter"
    ISR = "isr"
    UNCREWED_AIRCRAFT = "uncrewed-aircraft"
    MAIN_BATTLE_TANK = "main-battle-tank"
    ARMOURED_COMBAT_VEHICLE = "armoured-combat-vehicle"
    ARTILLERY = "artillery"
    TACTICAL_VEHICLE = "tactical-vehicle"
    SURFACE_COMBATANT = "surface-combatant"
    SUBMARINE = "submarine"
    AMPHIBIOUS_SHIP = "amphibious-ship"
    AUXILIARY_SHIP = "auxiliary-ship"
    AIR_DEFENCE = "air-defence"
    COUNTER_DRONE = "counter-drone"
    RADAR = "radar"
    MEDICAL = "medical"
    ENGINEER = "engineer"
    LOGISTICS = "logistics"
    C2 = "c2"


class AarMethod(StrEnum):
    BOOM = "boom"
    DROGUE = "drogue"


class ReceiverMethod(StrEnum):
    """How an aircraft takes fuel in flight: a boom receptacle or a probe (or not at all)."""

    RECEPTACLE = "receptacle"
    PROBE = "probe"


class AarAdapter(Frozen):
    """A fit that lets a tanker offer another method, with its operating limit."""

    name: ShortText
    provides: AarMethod
    limit: ShortText = Field(
        description="Operating limit, e.g. 'fitted on the ground: one method per sortie'."
    )


class AarFit(Frozen):
    tanker: tuple[AarMethod, ...] = Field(default=(), description="Methods it offers as a tanker.")
    adapters: tuple[AarAdapter, ...] = ()
    receiver: ReceiverMethod | None = Field(default=None, description="How it receives fuel, if at all.")


class Platform(Frozen):
    """One platform type: its identity and its interoperability attributes.

    ``uncertain`` names the attributes whose sources disagree or were not read in the primary text (the
    '[check]' marks of the domain facts); analyses report them as such rather than as facts.
    """

    id: ShortText
    name: ShortText
    category: PlatformCategory
    domain: Domain
    aar: AarFit = AarFit()
    fuels: tuple[ShortText, ...] = Field(default=(), description="NATO fuel codes, e.g. 'F-34'.")
    ammunition: tuple[ShortText, ...] = ()
    data_links: tuple[ShortText, ...] = ()
    waveforms: tuple[ShortText, ...] = ()
    c2_systems: tuple[ShortText, ...] = ()
    uncertain: tuple[ShortText, ...] = ()
    notes: str | None = None
