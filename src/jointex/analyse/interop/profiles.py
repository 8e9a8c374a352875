"""What each unit brings to interoperability: its platforms' attributes plus its own communications fit."""

from __future__ import annotations

from dataclasses import dataclass

from jointex.catalogue import Catalogue
from jointex.model import Exercise, Platform, Unit


@dataclass(frozen=True)
class UnitProfile:
    unit: Unit
    platforms: tuple[Platform, ...]
    fuels: frozenset[str]
    ammunition: frozenset[str]
    data_links: frozenset[str]
    waveforms: frozenset[str]
    c2_systems: frozenset[str]
    key_material: frozenset[str]
    gateway: bool

    @property
    def tankers(self) -> tuple[Platform, ...]:
        return tuple(p for p in self.platforms if p.aar.tanker or p.aar.adapters)

    @property
    def receivers(self) -> tuple[Platform, ...]:
        return tuple(p for p in self.platforms if p.aar.receiver is not None)

    @property
    def voice_nets(self) -> frozenset[str]:
        """Secure voice nets: a common waveform and common key material make a net."""
        return frozenset(f"{w} / {k}" for w in self.waveforms for k in self.key_material)


def unit_profiles(exercise: Exercise, catalogue: Catalogue) -> list[UnitProfile]:
    """One profile per unit, in file order. Platforms missing from the catalogue are skipped."""
    profiles = []
    for unit in exercise.units:
        platforms = tuple(catalogue.platforms[e.platform] for e in unit.equipment if e.platform in catalogue.platforms)

        def union(attribute: str, extra: tuple[str, ...] = (), of: tuple[Platform, ...] = platforms) -> frozenset[str]:
            return frozenset(item for p in of for item in getattr(p, attribute)) | frozenset(extra)

        profiles.append(
            UnitProfile(
                unit=unit,
                platforms=platforms,
                fuels=union("fuels"),
                ammunition=union("ammunition"),
                data_links=union("data_links", unit.comms.data_links),
                waveforms=union("waveforms", unit.comms.waveforms),
                c2_systems=union("c2_systems", unit.comms.c2_systems),
                key_material=frozenset(unit.comms.key_material),
                gateway=unit.comms.gateway,
            )
        )
    return profiles
