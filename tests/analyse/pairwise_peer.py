"""The interoperability rules as a tidy pair-by-pair loop: the fair peer of the vectorised engine in
benchmarks/bench_interop.py.

The rules are those of pairwise_reference.py (its functions decide every state, so the two cannot
drift apart); what differs is the work done per pair, as one writes a loop meant to be fast. What depends
only on nations (the geospatial, procedural and human states, and what waivers and clearances turn each
state into) is worked out once per nation pair, what depends only on a unit (its tankers and receivers,
the fuels that can replace its own) once per unit, what depends on two platforms (can this tanker refuel
that receiver) once per platform pair; the loop over unit pairs then only compares sets and looks
results up. pairwise_reference.py stays the plain statement of the rules and the correctness reference.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from jointex.analyse.interop.profiles import UnitProfile
from jointex.catalogue import Catalogue
from jointex.model import Exercise, InteropDomain
from tests.analyse.pairwise_reference import (
    BRIDGED,
    COMPATIBLE,
    INCOMPATIBLE,
    NA,
    _national,
    _overridden,
    _refuels,
    _shared_or_gateway,
    _voice,
)

NATIONAL = (InteropDomain.GEOSPATIAL, InteropDomain.PROCEDURAL, InteropDomain.HUMAN)
UNIT_LEVEL = (
    InteropDomain.AAR,
    InteropDomain.FUEL,
    InteropDomain.AMMUNITION,
    InteropDomain.DATA_LINK,
    InteropDomain.C2,
    InteropDomain.VOICE,
)


@dataclass(frozen=True)
class _Unit:
    profile: UnitProfile
    nation: int
    tankers: tuple[str, ...]
    receivers: tuple[str, ...]
    replaceable_by: frozenset[str]
    """Fuels that the catalogue lets replace one of this unit's fuels."""


def _aar(a: _Unit, b: _Unit, refuels: dict[tuple[str, str], int]) -> int:
    if not a.tankers or not b.receivers:
        return NA
    return min(max(refuels[t, r] for t in a.tankers) for r in b.receivers)


def _fuel(a: _Unit, b: _Unit) -> int:
    fa, fb = a.profile.fuels, b.profile.fuels
    if not fa or not fb:
        return NA
    if fa & fb:
        return COMPATIBLE
    return BRIDGED if b.replaceable_by & fa or a.replaceable_by & fb else INCOMPATIBLE


def peer_matrices(
    exercise: Exercise, catalogue: Catalogue, profiles: Sequence[UnitProfile]
) -> dict[InteropDomain, NDArray[np.int8]]:
    """Every domain's unit x unit states, the same as `pairwise_matrices`, from one tidy loop."""
    nations = exercise.nations
    nation_of = {nation: x for x, nation in enumerate(nations)}
    pairs = [(x, y) for x in range(len(nations)) for y in range(len(nations))]
    national = {
        d: {
            (x, y): _overridden(exercise, d, nations[x], nations[y], _national(d, exercise, x, y))
            for x, y in pairs
        }
        for d in NATIONAL
    }
    override = {
        d: {
            (x, y): tuple(_overridden(exercise, d, nations[x], nations[y], s) for s in range(4))
            for x, y in pairs
        }
        for d in UNIT_LEVEL
    }
    platforms = {p.id: p for profile in profiles for p in profile.platforms}
    substitutes = {
        fuel: frozenset(s.fuel for s in catalogue.fuels[fuel].substitutes)
        for profile in profiles
        for fuel in profile.fuels
    }
    units = [
        _Unit(
            profile,
            nation_of[profile.unit.nation],
            tuple(p.id for p in profile.tankers),
            tuple(p.id for p in profile.receivers),
            frozenset().union(*(substitutes[f] for f in profile.fuels)),
        )
        for profile in profiles
    ]
    refuels = {
        (t, r): _refuels(platforms[t], platforms[r])
        for t in {t for u in units for t in u.tankers}
        for r in {r for u in units for r in u.receivers}
    }
    gateway_links = [p.data_links for p in profiles if p.gateway]
    gateway_c2 = [p.c2_systems for p in profiles if p.gateway]
    gateway_nets = [p.voice_nets for p in profiles if p.gateway]

    n = len(units)
    rows: dict[InteropDomain, list[list[int]]] = {d: [] for d in InteropDomain}
    for i, a in enumerate(units):
        row: dict[InteropDomain, list[int]] = {d: [NA] * n for d in InteropDomain}
        for j, b in enumerate(units):
            if i == j:
                continue
            key = (a.nation, b.nation)
            for d in NATIONAL:
                row[d][j] = national[d][key]
            pa, pb = a.profile, b.profile
            states = (
                _aar(a, b, refuels),
                _fuel(a, b),
                NA
                if not pa.ammunition or not pb.ammunition or pa.unit.service != pb.unit.service
                else (COMPATIBLE if pa.ammunition & pb.ammunition else INCOMPATIBLE),
                _shared_or_gateway(pa.data_links, pb.data_links, gateway_links),
                _shared_or_gateway(pa.c2_systems, pb.c2_systems, gateway_c2),
                _voice(pa, pb, gateway_nets),
            )
            for d, state in zip(UNIT_LEVEL, states, strict=True):
                row[d][j] = override[d][key][state]
        for d in InteropDomain:
            rows[d].append(row[d])
    return {d: np.array(rows[d], dtype=np.int8).reshape(n, n) for d in InteropDomain}
