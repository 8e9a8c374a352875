"""Logistics domains: fuel (NATO F-codes, with substitutions and their caveats) and ammunition families.

Fuel rule (across services, as the Single Fuel Concept intends): two units are compatible when they
burn a common fuel (STANAG 1135 interchangeability by
code); bridged when a fuel one holds may stand in for a fuel the other burns, with the catalogue's caveat;
incompatible otherwise. Ammunition (within one service): compatible when they share a family, else
incompatible. Units that burn no fuel or fire no ammunition, and ammunition across services, are not
applicable.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from jointex.analyse.interop.classes import Classes, empty, group, overlap, shares
from jointex.analyse.interop.domain import ClassStates, Explanation, cached
from jointex.analyse.interop.profiles import UnitProfile
from jointex.analyse.interop.states import State, versus
from jointex.catalogue import Catalogue


def _describe(items: frozenset[str]) -> str:
    return ", ".join(sorted(items))


def fuel_states(profiles: Sequence[UnitProfile], catalogue: Catalogue) -> tuple[Classes, ClassStates]:
    classes = group([p.fuels for p in profiles])
    common = overlap(classes)
    # substitute[i, j]: fuel i may stand in for fuel j (the catalogue's substitutes of j)
    index = {fuel: i for i, fuel in enumerate(classes.vocabulary)}
    substitute = np.zeros((len(index), len(index)), dtype=np.float32)
    for needed, j in index.items():
        for s in catalogue.fuels[needed].substitutes if needed in catalogue.fuels else ():
            if s.fuel in index:
                substitute[index[s.fuel], j] = 1.0
    held = classes.membership.astype(np.float32)
    one_way = (held @ substitute @ held.T) > 0.5
    states = np.where(
        common, State.COMPATIBLE, np.where(one_way | one_way.T, State.BRIDGED, State.INCOMPATIBLE)
    ).astype(np.int8)
    none = empty(classes)
    states[none, :] = State.NOT_APPLICABLE
    states[:, none] = State.NOT_APPLICABLE

    def explain(a: int, b: int) -> Explanation:
        substitution = _substitution(classes.items[a], classes.items[b], catalogue) or _substitution(
            classes.items[b], classes.items[a], catalogue
        )
        if substitution:
            return substitution, None
        return None, "no common or substitute fuel: " + versus(
            _describe(classes.items[a]), _describe(classes.items[b])
        )

    return classes, ClassStates(states, cached(explain))


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
    classes = group(
        [frozenset({f"S:{p.unit.service.value}"} | {f"A:{a}" for a in p.ammunition}) for p in profiles]
    )
    is_family = np.array([item.startswith("A:") for item in classes.vocabulary], dtype=np.bool_)
    families, services = classes.membership[:, is_family], classes.membership[:, ~is_family]
    states = np.where(shares(families, families), State.COMPATIBLE, State.INCOMPATIBLE).astype(np.int8)
    armed = families.any(axis=1)
    states[~armed, :] = State.NOT_APPLICABLE
    states[:, ~armed] = State.NOT_APPLICABLE
    states[~shares(services, services)] = State.NOT_APPLICABLE

    def described(c: int) -> str:
        return _describe(frozenset(item[2:] for item in classes.items[c] if item.startswith("A:")))

    def explain(a: int, b: int) -> Explanation:
        return None, f"no common ammunition family: {versus(described(a), described(b))}"

    return classes, ClassStates(states, cached(explain))
