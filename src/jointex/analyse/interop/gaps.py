"""Gaps and their remedies, ranked by how many vignette-critical pairs they block.

A vignette-critical pair is two units rehearsing the same vignette (tanker -> receiver for AAR). Each gap
groups the pairs that fail for the same reason in one domain, and says what a planner can do about it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations, permutations

from jointex.analyse.interop.aar import SortieConflict, aar_cell
from jointex.analyse.interop.domain import DomainResult
from jointex.analyse.interop.national import missing_standards
from jointex.analyse.interop.network import CommsNetwork
from jointex.analyse.interop.profiles import UnitProfile
from jointex.analyse.interop.states import State
from jointex.catalogue import Catalogue
from jointex.model import Exercise, InteropDomain


@dataclass(frozen=True)
class Gap:
    domain: str
    problem: str
    remedy: str
    nations: tuple[str, ...]
    units: tuple[str, ...]
    critical_pairs: int
    vignettes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        return {
            "domain": self.domain,
            "problem": self.problem,
            "remedy": self.remedy,
            "nations": list(self.nations),
            "units": list(self.units),
            "critical_pairs": self.critical_pairs,
            "vignettes": list(self.vignettes),
        }


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


def _remedy(
    domain: InteropDomain,
    reason: str,
    a: UnitProfile,
    b: UnitProfile,
    profiles: Sequence[UnitProfile],
    catalogue: Catalogue,
    network: CommsNetwork,
) -> str:
    if domain is InteropDomain.AAR:
        needed = "boom" if "needs a boom" in reason else "drogue"
        return _tankers_for(needed, profiles, catalogue)
    if domain is InteropDomain.VOICE:
        if "plain voice only" in reason:
            keys = sorted(a.key_material - b.key_material) or sorted(b.key_material - a.key_material)
            holder, other = (a, b) if a.key_material - b.key_material else (b, a)
            key = keys[0] if keys else "a common key"
            return (
                f"distribute key material {key} to {other.unit.id} ({other.unit.nation}), "
                f"held by {holder.unit.id}"
            )
        path = network.relay_path(a.unit.id, b.unit.id)
        relay = f" or relay through {' -> '.join(path[2:-2:2])}" if path and len(path) > 3 else ""
        common = sorted(a.waveforms)[:1]
        return (f"issue {b.unit.id} a radio on {common[0]}" if common else "issue a common radio") + relay
    if domain is InteropDomain.DATA_LINK:
        return (
            f"add a data-forwarding gateway (STANAG 5616, comms: gateway) holding "
            f"{', '.join(sorted(a.data_links))} and {', '.join(sorted(b.data_links))}, or fit a common link"
        )
    if domain is InteropDomain.C2:
        return "add a C2 gateway or a Federated Mission Networking node serving both C2 systems"
    if domain is InteropDomain.FUEL:
        return (
            f"plan national fuel supply for {b.unit.id} ({', '.join(sorted(b.fuels))}); no common or "
            "substitute fuel with " + a.unit.id
        )
    if domain is InteropDomain.AMMUNITION:
        return f"plan national ammunition resupply for {b.unit.id}; no cross-servicing with {a.unit.id}"
    if domain is InteropDomain.GEOSPATIAL:
        return "agree one datum (WGS84) and grid (MGRS) for all exercise products"
    return (
        "assign an interpreter or exchange liaison officers (participants: interpreters, liaison_officers_to)"
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
) -> list[tuple[str, str]]:
    """The (problem, remedy) pairs behind one incompatible pair: one per missing standard and nation for
    the procedural domain, so that a planner sees who has to adopt what."""
    if domain is InteropDomain.PROCEDURAL:
        nations = sorted({profiles[a].unit.nation, profiles[b].unit.nation})
        return [
            (
                f"{nation} has not adopted {standard}",
                f"{nation} implements {standard}, or the pair agrees a waiver (interoperability: waivers)",
            )
            for nation in nations
            for standard in missing_standards(exercise, nation)
        ]
    text = reason or f"incompatible in {domain.value}"
    return [(text, _remedy(domain, text, profiles[a], profiles[b], profiles, catalogue, network))]


@dataclass
class _Found:
    """The pairs failing for one reason in one domain, gathered before they become a `Gap`."""

    remedy: str
    nations: set[str] = field(default_factory=set)
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
                for reason, remedy in _causes(
                    domain, cell.reason, a, b, exercise, profiles, catalogue, network
                ):
                    found = grouped.setdefault((domain.value, reason), _Found(remedy))
                    found.nations |= {profiles[a].unit.nation, profiles[b].unit.nation}
                    found.units |= {profiles[a].unit.id, profiles[b].unit.id}
                    found.vignettes.add(vignette.id)
                    found.pairs += 1
    gaps = [
        Gap(
            domain,
            problem,
            f.remedy,
            tuple(sorted(f.nations)),
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
                    tuple(sorted(units)),
                    0,
                )
            )
    return gaps
