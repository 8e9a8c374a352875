"""A straightforward pair-by-pair implementation of the interoperability rules, for checking.

It shares nothing with the vectorised engine but the unit profiles and the catalogue: each rule is written
again as a plain loop over unit pairs, the way one would first write it. The tests compare the two on
every unit pair of the examples; the benchmark uses it as the baseline.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from jointex.analyse.interop.profiles import UnitProfile
from jointex.catalogue import Catalogue, language_key
from jointex.model import Exercise, InteropDomain, Platform

NA, INCOMPATIBLE, BRIDGED, COMPATIBLE = 0, 1, 2, 3


def _shared_or_gateway(a: frozenset[str], b: frozenset[str], gateways: Sequence[frozenset[str]]) -> int:
    if not a or not b:
        return NA
    if a & b:
        return COMPATIBLE
    if any(g & a and g & b for g in gateways):
        return BRIDGED
    return INCOMPATIBLE


def _refuels(tanker: Platform, receiver: Platform) -> int:
    needs = {"receptacle": "boom", "probe": "drogue"}[receiver.aar.receiver.value]  # type: ignore[union-attr]
    if needs in {m.value for m in tanker.aar.tanker}:
        return COMPATIBLE
    if any(adapter.provides.value == needs for adapter in tanker.aar.adapters):
        return BRIDGED
    return INCOMPATIBLE


def _aar(a: UnitProfile, b: UnitProfile) -> int:
    if not a.tankers or not b.receivers:
        return NA
    return min(max(_refuels(t, r) for t in a.tankers) for r in b.receivers)


def _fuel(a: UnitProfile, b: UnitProfile, catalogue: Catalogue) -> int:
    if not a.fuels or not b.fuels:
        return NA
    if a.fuels & b.fuels:
        return COMPATIBLE
    for held, burned in ((a.fuels, b.fuels), (b.fuels, a.fuels)):
        for fuel in burned:
            if any(s.fuel in held for s in catalogue.fuels[fuel].substitutes):
                return BRIDGED
    return INCOMPATIBLE


def _ammunition(a: UnitProfile, b: UnitProfile) -> int:
    if not a.ammunition or not b.ammunition or a.unit.service != b.unit.service:
        return NA
    return COMPATIBLE if a.ammunition & b.ammunition else INCOMPATIBLE


def _voice(a: UnitProfile, b: UnitProfile, gateways: Sequence[frozenset[str]]) -> int:
    if not a.waveforms or not b.waveforms:
        return NA
    state = _shared_or_gateway(a.voice_nets, b.voice_nets, gateways)
    return INCOMPATIBLE if state == NA else state


def _national(domain: InteropDomain, exercise: Exercise, x: int, y: int) -> int:
    a, b = exercise.participants[x], exercise.participants[y]
    if domain is InteropDomain.GEOSPATIAL:
        if a.datum.upper() != b.datum.upper():
            return INCOMPATIBLE
        return BRIDGED if a.grid.upper() != b.grid.upper() else COMPATIBLE
    if domain is InteropDomain.PROCEDURAL:
        counts = Counter(s for p in exercise.participants for s in set(p.standards))
        needed = max(math.ceil(len(exercise.participants) / 2), 2)
        required = {s for s, c in counts.items() if c >= needed}
        if not required:
            return NA
        if x == y:  # a nation works to its own procedures
            return COMPATIBLE
        return COMPATIBLE if required <= set(a.standards) & set(b.standards) else INCOMPATIBLE
    spoken_a = {language_key(code) for code in a.languages}
    spoken_b = {language_key(code) for code in b.languages}
    if not spoken_a or not spoken_b:
        return NA
    if spoken_a & spoken_b or x == y:
        return COMPATIBLE
    interpreted = any(language_key(i) in spoken_b for i in a.interpreters) or any(
        language_key(i) in spoken_a for i in b.interpreters
    )
    liaison = b.nation in a.liaison_officers_to or a.nation in b.liaison_officers_to
    return BRIDGED if interpreted or liaison else INCOMPATIBLE


def pairwise_matrices(
    exercise: Exercise, catalogue: Catalogue, profiles: Sequence[UnitProfile]
) -> dict[InteropDomain, NDArray[np.int8]]:
    """Every domain's unit x unit states, one pair at a time, with waivers and nation clearances."""
    n = len(profiles)
    gateway_links = [p.data_links for p in profiles if p.gateway]
    gateway_c2 = [p.c2_systems for p in profiles if p.gateway]
    gateway_nets = [p.voice_nets for p in profiles if p.gateway]
    nation_of = {nation: i for i, nation in enumerate(exercise.nations)}
    result = {domain: np.zeros((n, n), dtype=np.int8) for domain in InteropDomain}
    for i, a in enumerate(profiles):
        for j, b in enumerate(profiles):
            if i == j:
                continue
            result[InteropDomain.AAR][i, j] = _aar(a, b)
            result[InteropDomain.FUEL][i, j] = _fuel(a, b, catalogue)
            result[InteropDomain.AMMUNITION][i, j] = _ammunition(a, b)
            result[InteropDomain.DATA_LINK][i, j] = _shared_or_gateway(
                a.data_links, b.data_links, gateway_links
            )
            result[InteropDomain.C2][i, j] = _shared_or_gateway(a.c2_systems, b.c2_systems, gateway_c2)
            result[InteropDomain.VOICE][i, j] = _voice(a, b, gateway_nets)
            x, y = nation_of[a.unit.nation], nation_of[b.unit.nation]
            for domain in (InteropDomain.GEOSPATIAL, InteropDomain.PROCEDURAL, InteropDomain.HUMAN):
                result[domain][i, j] = _national(domain, exercise, x, y)
            for domain in InteropDomain:
                result[domain][i, j] = _overridden(
                    exercise, domain, a.unit.nation, b.unit.nation, int(result[domain][i, j])
                )
    return result


def _overridden(exercise: Exercise, domain: InteropDomain, a: str, b: str, state: int) -> int:
    for waiver in exercise.interoperability.waivers:
        if waiver.domain is domain and {a, b} == set(waiver.nations) and state == INCOMPATIBLE:
            return BRIDGED
    for clearance in exercise.interoperability.clearances:
        if (
            clearance.domain is domain
            and domain is not InteropDomain.AAR
            and (clearance.provider, clearance.receiver) == (a, b)
        ):
            if not clearance.cleared and state != NA:
                return INCOMPATIBLE
            if clearance.cleared and state == INCOMPATIBLE:
                return COMPATIBLE
    return state
