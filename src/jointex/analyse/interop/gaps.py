"""Gaps and their remedies, ranked by how many vignette-critical pairs they block.

A vignette-critical pair is two units rehearsing the same vignette (tanker -> receiver for AAR). Each gap
groups the pairs that fail for the same reason in one domain, says what a planner can do about it, and
which nations must act (its owners):

- the nation that lacks something: the standard it has not adopted (procedural), the radio it must be
  issued (voice, no common waveform), the key material it must receive (voice, plain voice only), a tanker
  able to refuel its receivers (AAR), a datum other than WGS84 (geospatial);
- both nations when the remedy is theirs together: a gateway between two data links or C2 systems, an
  interpreter or liaison officers, national fuel or ammunition supply for each side, a national clearance
  one refused;
- the tanker's nation for a sortie conflict (it plans the sorties).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations, permutations
from typing import NamedTuple

from jointex.analyse.interop.aar import SortieConflict, aar_cell
from jointex.analyse.interop.domain import DomainResult
from jointex.analyse.interop.national import missing_standards
from jointex.analyse.interop.network import CommsNetwork
from jointex.analyse.interop.profiles import UnitProfile
from jointex.analyse.interop.states import State
from jointex.catalogue import Catalogue
from jointex.model import Exercise, InteropDomain

COMMON_DATUM = "WGS84"


@dataclass(frozen=True)
class Gap:
    """Unit pairs failing for one reason in one domain. ``nations`` are the nations of those units;
    ``owners`` those of them that must act on the remedy (see the module docstring)."""

    domain: str
    problem: str
    remedy: str
    nations: tuple[str, ...]
    owners: tuple[str, ...]
    units: tuple[str, ...]
    critical_pairs: int
    vignettes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        return {
            "domain": self.domain,
            "problem": self.problem,
            "remedy": self.remedy,
            "nations": list(self.nations),
            "owners": list(self.owners),
            "units": list(self.units),
            "critical_pairs": self.critical_pairs,
            "vignettes": list(self.vignettes),
        }


class _Cause(NamedTuple):
    """Why one pair fails, what would fix it, and the nations that must act."""

    problem: str
    remedy: str
    owners: frozenset[str]


def _tankers_for(needed: str, profiles: Sequence[UnitProfile], catalogue: Catalogue) -> str:
    """Tankers in the exercise offering a method, or catalogue types that do."""
    here = sorted(
        {
            f"{t.id} ({p.unit.id})"
            for p in profiles
            for t in p.tankers
            if any(m.value == needed for m in t.aar.tanker)
        }
    )
    if here:
        return "assign a tanker offering a " + needed + ": " + ", ".join(here)
    types = sorted(p.id for p in catalogue.platforms.values() if any(m.value == needed for m in p.aar.tanker))
    return f"request a tanker offering a {needed} (none in the exercise): e.g. {', '.join(types[:4])}"


def _voice(a: UnitProfile, b: UnitProfile, reason: str, network: CommsNetwork) -> tuple[str, frozenset[str]]:
    """Key material for the unit lacking it, or a radio on a common waveform for ``b``."""
    if "plain voice only" in reason:
        if not a.key_material and not b.key_material:
            return (
                f"agree common key material for {a.unit.id} ({a.unit.nation}) and {b.unit.id} "
                f"({b.unit.nation})",
                frozenset({a.unit.nation, b.unit.nation}),
            )
        holder, other = (a, b) if a.key_material - b.key_material else (b, a)
        key = min(holder.key_material - other.key_material, default="a common key")
        return (
            f"distribute key material {key} to {other.unit.id} ({other.unit.nation}), "
            f"held by {holder.unit.id}",
            frozenset({other.unit.nation}),
        )
    path = network.relay_path(a.unit.id, b.unit.id)
    relay = f" or relay through {' -> '.join(path[2:-2:2])}" if path and len(path) > 3 else ""
    common = sorted(a.waveforms)[:1]
    remedy = (f"issue {b.unit.id} a radio on {common[0]}" if common else "issue a common radio") + relay
    return remedy, frozenset({b.unit.nation})


def _datum_owners(exercise: Exercise, a: UnitProfile, b: UnitProfile) -> frozenset[str]:
    """The nations whose maps are not on the common datum; both when neither is."""
    datum = {p.nation: p.datum.upper() for p in exercise.participants}
    pair = {a.unit.nation, b.unit.nation}
    return frozenset(n for n in pair if datum.get(n) != COMMON_DATUM) or frozenset(pair)


def _remedy(
    domain: InteropDomain,
    reason: str,
    a: UnitProfile,
    b: UnitProfile,
    exercise: Exercise,
    profiles: Sequence[UnitProfile],
    catalogue: Catalogue,
    network: CommsNetwork,
) -> tuple[str, frozenset[str]]:
    """What fixes one failing pair (``a`` the tanker unit and ``b`` the receiver unit for AAR), and the
    nations that must act."""
    both = frozenset({a.unit.nation, b.unit.nation})
    if domain is InteropDomain.AAR:
        needed = "boom" if "needs a boom" in reason else "drogue"
        return _tankers_for(needed, profiles, catalogue), frozenset({b.unit.nation})
    if domain is InteropDomain.VOICE:
        return _voice(a, b, reason, network)
    if domain is InteropDomain.DATA_LINK:
        return (
            f"add a data-forwarding gateway (STANAG 5616, comms: gateway) holding "
            f"{', '.join(sorted(a.data_links))} and {', '.join(sorted(b.data_links))}, or fit a common link",
            both,
        )
    if domain is InteropDomain.C2:
        return "add a C2 gateway or a Federated Mission Networking node serving both C2 systems", both
    if domain is InteropDomain.FUEL:
        return (
            f"plan national fuel supply for {a.unit.id} ({', '.join(sorted(a.fuels))}) and {b.unit.id} "
            f"({', '.join(sorted(b.fuels))}): no common or substitute fuel between them",
            both,
        )
    if domain is InteropDomain.AMMUNITION:
        return (
            f"plan national ammunition resupply for {a.unit.id} and {b.unit.id}: "
            "no cross-servicing between them",
            both,
        )
    if domain is InteropDomain.GEOSPATIAL:
        return "agree one datum (WGS84) and grid (MGRS) for all exercise products", _datum_owners(
            exercise, a, b
        )
    return (
        "assign an interpreter or exchange liaison officers "
        "(participants: interpreters, liaison_officers_to)",
        both,
    )


def _causes(
    domain: InteropDomain,
    reason: str | None,
    a: int,
    b: int,
    exercise: Exercise,
    profiles: Sequence[UnitProfile],
    catalogue: Catalogue,
    network: CommsNetwork,
) -> list[_Cause]:
    """The causes behind one incompatible pair: one per missing standard and nation for the procedural
    domain, so that a planner sees who has to adopt what."""
    if domain is InteropDomain.PROCEDURAL:
        nations = sorted({profiles[a].unit.nation, profiles[b].unit.nation})
        return [
            _Cause(
                f"{nation} has not adopted {standard}",
                f"{nation} implements {standard}, or the pair agrees a waiver (interoperability: waivers)",
                frozenset({nation}),
            )
            for nation in nations
            for standard in missing_standards(exercise, nation)
        ]
    text = reason or f"incompatible in {domain.value}"
    remedy, owners = _remedy(domain, text, profiles[a], profiles[b], exercise, profiles, catalogue, network)
    if text.startswith("not cleared") and domain is not InteropDomain.AAR:
        owners = frozenset({profiles[a].unit.nation, profiles[b].unit.nation})  # a refused clearance
    return [_Cause(text, remedy, owners)]


@dataclass
class _Found:
    """The pairs failing for one reason in one domain, gathered before they become a `Gap`."""

    remedy: str
    nations: set[str] = field(default_factory=set)
    owners: set[str] = field(default_factory=set)
    units: set[str] = field(default_factory=set)
    vignettes: set[str] = field(default_factory=set)
    pairs: int = 0


def find_gaps(
    exercise: Exercise,
    catalogue: Catalogue,
    profiles: Sequence[UnitProfile],
    domains: Mapping[InteropDomain, DomainResult],
    network: CommsNetwork,
    conflicts: Sequence[SortieConflict],
) -> list[Gap]:
    index = {p.unit.id: i for i, p in enumerate(profiles)}
    grouped: dict[tuple[str, str], _Found] = {}
    for vignette in exercise.vignettes:
        members = [index[u] for u in vignette.units if u in index]
        for domain, result in domains.items():
            pairs = permutations(members, 2) if result.directed else combinations(members, 2)
            for a, b in pairs:
                cell = result.unit_cell(a, b)
                if cell.state is not State.INCOMPATIBLE:
                    continue
                for cause in _causes(domain, cell.reason, a, b, exercise, profiles, catalogue, network):
                    found = grouped.setdefault((domain.value, cause.problem), _Found(cause.remedy))
                    found.nations |= {profiles[a].unit.nation, profiles[b].unit.nation}
                    found.owners |= cause.owners
                    found.units |= {profiles[a].unit.id, profiles[b].unit.id}
                    found.vignettes.add(vignette.id)
                    found.pairs += 1
    gaps = [
        Gap(
            domain,
            problem,
            f.remedy,
            tuple(sorted(f.nations)),
            tuple(sorted(f.owners)),
            tuple(sorted(f.units)),
            f.pairs,
            tuple(sorted(f.vignettes)),
        )
        for (domain, problem), f in grouped.items()
    ]
    gaps += [
        Gap(
            InteropDomain.AAR.value,
            c.message,
            f"fly separate sorties for {', '.join(c.native)} and "
            f"{', '.join(c.via_adapter)}, or add a tanker that offers both methods",
            (profiles[index[c.tanker_unit]].unit.nation,),
            (profiles[index[c.tanker_unit]].unit.nation,),
            (c.tanker_unit,),
            len(c.native) * len(c.via_adapter),
            (c.vignette,),
        )
        for c in conflicts
    ]
    gaps += _unserved_receivers(catalogue, profiles)
    gaps.sort(key=lambda g: (-g.critical_pairs, g.domain, g.problem))
    return gaps


def _unserved_receivers(catalogue: Catalogue, profiles: Sequence[UnitProfile]) -> list[Gap]:
    """Receiver types that no tanker in the whole exercise can refuel, vignette or not."""
    tankers = {t.id: t for p in profiles for t in p.tankers}
    flown: dict[str, set[str]] = defaultdict(set)
    for p in profiles:
        for r in p.receivers:
            flown[r.id].add(p.unit.id)
    if not tankers:
        return []
    gaps = []
    for receiver_id, units in sorted(flown.items()):
        receiver = catalogue.platforms[receiver_id]
        if all(aar_cell(t, receiver, {}).state < State.BRIDGED for t in tankers.values()):
            needed = (
                "boom" if receiver.aar.receiver and receiver.aar.receiver.value == "receptacle" else "drogue"
            )
            nations = sorted({p.unit.nation for p in profiles if p.unit.id in units})
            gaps.append(
                Gap(
                    InteropDomain.AAR.value,
                    f"no tanker in the exercise can refuel {receiver_id}",
                    _tankers_for(needed, profiles, catalogue),
                    tuple(nations),
                    tuple(nations),  # the receivers' nations need a tanker
                    tuple(sorted(units)),
                    0,
                )
            )
    return gaps
