"""Logistics domains: fuel (NATO F-codes, with substitutions and their caveats) and ammunition families.

Fuel rule (across services, as the Single Fuel Concept intends): two units are compatible when they burn a common fuel (STANAG 1135 interchangeability by
code); bridged when a fuel one holds may stand in for a fuel the other burns, with the catalogue's caveat;
incompatible otherwise. Ammunition (within one service): compatible when they share a family, else
incompatible. Units that burn no fuel or fire no ammunition, and ammunition across services, are not
applicable.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from jointex.analyse.interop.classes import Classes, empty, group, overlap
from jointex.analyse.interop.domain import ClassPair, ClassStates
from jointex.analyse.interop.profiles import UnitProfile
from jointex.analyse.interop.states import State, versus
from jointex.catalogue import Catalogue


def _describe(items: frozenset[str]) -> str:
    return ", ".join(sorted(items))


def fuel_states(profiles: Sequence[UnitProfile], catalogue: Catalogue) -> tuple[Classes, ClassStates]:
    classes = group([p.fuels for p in profiles])
    common = overlap(classes)
    states = np.where(common, State.COMPATIBLE, State.INCOMPATIBLE).astype(np.int8)
    via: dict[ClassPair, str] = {}
    reasons: dict[ClassPair, str] = {}
    for a, b in zip(*np.nonzero(~common), strict=True):
        pair = (int(a), int(b))
        substitution = _substitution(classes.items[a], classes.items[b], catalogue) or _substitution(
            classes.items[b], classes.items[a], catalogue
        )
        if substitution:
            states[pair] = State.BRIDGED
            via[pair] = substitution
        else:
            reasons[pair] = "no common or substitute fuel: " + versus(
                _describe(classes.items[a]), _describe(classes.items[b]))
    none = empty(classes)
    states[none, :] = State.NOT_APPLICABLE
    states[:, none] = State.NOT_APPLICABLE
    return classes, ClassStates(states, via, reasons)


def _substitution(held: frozenset[str], burned: frozenset[str], catalogue: Catalogue) -> str | None:
    """'F-35 for F-34: caveat' when a fuel in ``held`` may stand in for one in ``burned``."""
    for needed in sorted(burned):
        fuel = catalogue.fuels.get(needed)
        for substitute in fuel.substitutes if fuel else ():
            if substitute.fuel in held:
                mark = " [check]" if substitute.uncertain else ""
                return f"{substitute.fuel} for {needed}: {substitute.caveat}{mark}"
    return None


def ammunition_states(profiles: Sequence[UnitProfile]) -> tuple[Classes, ClassStates]:
    """Ammunition cross-servicing applies between units of the same service (a fighter and a tank never
    share rounds): compatible with a common family, incompatible without, not applicable across services."""
    classes = group([frozenset({f"S:{p.unit.service.value}"} | {f"A:{a}" for a in p.ammunition}) for p in profiles])
    is_family = np.array([item.startswith("A:") for item in classes.vocabulary], dtype=np.bool_)
    bits = classes.membership.astype(np.int32)
    families, services = bits[:, is_family], bits[:, ~is_family]
    states = np.where((families @ families.T) > 0, State.COMPATIBLE, State.INCOMPATIBLE).astype(np.int8)
    armed = families.any(axis=1)
    states[~armed, :] = State.NOT_APPLICABLE
    states[:, ~armed] = State.NOT_APPLICABLE
    states[(services @ services.T) == 0] = State.NOT_APPLICABLE

    def described(c: int) -> str:
        return _describe(frozenset(item[2:] for item in classes.items[c] if item.startswith("A:")))

    reasons = {
        (int(a), int(b)): f"no common ammunition family: {versus(described(a), described(b))}"
        for a, b in zip(*np.nonzero(states == State.INCOMPATIBLE), strict=True)
    }
    return classes, ClassStates(states, {}, reasons)
