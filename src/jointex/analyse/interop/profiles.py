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
    voice_nets: frozenset[str]
    """Secure voice nets: a common waveform and common key material make a net (``waveform / key``)."""

    @property
    def tankers(self) -> tuple[Platform, ...]:
        return tuple(p for p in self.platforms if p.aar.tanker or p.aar.adapters)

    @property
    def receivers(self) -> tuple[Platform, ...]:
        return tuple(p for p in self.platforms if p.aar.receiver is not None)


def _union(platforms: tuple[Platform, ...], attribute: str, extra: tuple[str, ...] = ()) -> frozenset[str]:
    return frozenset(extra).union(*(getattr(p, attribute) for p in platforms))


def unit_profiles(exercise: Exercise, catalogue: Catalogue) -> list[UnitProfile]:
    """One profile per unit, in file order. Platforms missing from the catalogue are skipped."""
    profiles = []
    for unit in exercise.units:
        platforms = tuple(
            catalogue.platforms[e.platform] for e in unit.equipment if e.platform in catalogue.platforms
        )
        waveforms = _union(platforms, "waveforms", unit.comms.waveforms)
        keys = frozenset(unit.comms.key_material)
        profiles.append(
            UnitProfile(
                unit=unit,
                platforms=platforms,
                fuels=_union(platforms, "fuels"),
                ammunition=_union(platforms, "ammunition"),
                data_links=_union(platforms, "data_links", unit.comms.data_links),
                waveforms=waveforms,
                c2_systems=_union(platforms, "c2_systems", unit.comms.c2_systems),
                key_material=keys,
                gateway=unit.comms.gateway,
                voice_nets=frozenset(f"{w} / {k}" for w in waveforms for k in keys),
            )
        )
    return profiles
