"""Gaps and their remedies, ranked by how many vignette-critical pairs they block.

A vignette-critical pair is two units rehearsing the same vignette (tanker -> receiver for AAR). Each gap
groups the pairs that fail for the same reason in one domain, says what a planner can do about it, and
which nations must act (its owners):

- the nation that lacks something: the standard it has not adopted (procedural), the radio it must be
  issued (voice, no common waveform: the side off the exercise's more widely held waveform joins it;
  both sides when their waveforms are held as widely), the key material it must receive (voice, plain
  voice only), a tanker able to refuel its receivers (AAR), a datum other than WGS84 (geospatial);
- both nations when the remedy is theirs together: a gateway between two data links or C2 systems, an
  interpreter or liaison officers, national fuel or ammunition supply for each side, a national clearance
  one refused;
- the tanker's nation for a sortie conflict (it plans the sorties).

A gap's remedy names every unit (or nation) that must act, over all the pairs it groups, so its text
and its owners agree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
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
WHO = "{who}"
"""Where a remedy names who acts; a gap fills it with everyone who must, over all its pairs."""


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


class _Remedy(NamedTuple):
    """What fixes one failing pair: ``text`` names who acts by `WHO`, ``who`` says who that is (a unit
    with its nation, or a nation), and ``owners`` are the nations that must act."""

    text: str
    owners: frozenset[str]
    who: frozenset[str] = frozenset()


class _Cause(NamedTuple):
    """Why one pair fails, and its remedy."""

    problem: str
    remedy: _Remedy


@dataclass(frozen=True)
class _Scene:
    """What the remedies draw on: the exercise, its units' profiles and communications network, the
    catalogue, and how many units hold each waveform and each key."""

    exercise: Exercise
    profiles: Sequence[UnitProfile]
    catalogue: Catalogue
    network: CommsNetwork
    waveform_reach: Mapping[str, int]
    key_reach: Mapping[str, int]
    key_holder: Mapping[str, str]
    """The first unit, by id, holding each key: the one a remedy sends for it."""

    @classmethod
    def of(
        cls, exercise: Exercise, profiles: Sequence[UnitProfile], catalogue: Catalogue, network: CommsNetwork
    ) -> _Scene:
        waveforms = Counter(w for p in profiles for w in p.waveforms)
        keys = Counter(k for p in profiles for k in p.key_material)
        holder: dict[str, str] = {}
        for p in sorted(profiles, key=lambda p: p.unit.id):
            for key in p.key_material:
                holder.setdefault(key, p.unit.id)
        return cls(exercise, profiles, catalogue, network, waveforms, keys, holder)


def _named(profile: UnitProfile, detail: str = "") -> str:
    """A unit as a remedy names it: ``POL-1 (POL)``, or ``POL-1 (POL, F-34)`` with a detail."""
    return f"{profile.unit.id} ({profile.unit.nation}{', ' + detail if detail else ''})"


def _fill(text: str, who: Iterable[str]) -> str:
    return text.replace(WHO, ", ".join(sorted(who)))


def _tankers_for(needed: str, profiles: Sequence[UnitProfile], catalogue: Catalogue) -> str:
    """Tankers in the exercise offering a method, or catalogue types that do, for the receivers `WHO`."""
    here = sorted(
        {
            f"{t.id} ({p.unit.id})"
            for p in profiles
            for t in p.tankers
            if any(m.value == needed for m in t.aar.tanker)
        }
    )
    if here:
        return f"assign a tanker offering a {needed} to {WHO}: " + ", ".join(here)
    types = sorted(p.id for p in catalogue.platforms.values() if any(m.value == needed for m in p.aar.tanker))
    return (
        f"request a tanker offering a {needed} (none in the exercise) for {WHO}: e.g. {', '.join(types[:4])}"
    )


def _widest(held: frozenset[str], reach: Mapping[str, int]) -> tuple[int, str]:
    """The waveform or key of a unit that most units of the exercise hold (the first by name on a tie),
    with that count negated so that the wider sorts first; ``(0, "")`` when it holds none."""
    return min(((-reach.get(item, 0), item) for item in held), default=(0, ""))


def _joining(
    a: UnitProfile, b: UnitProfile, held_a: frozenset[str], held_b: frozenset[str], reach: Mapping[str, int]
) -> tuple[UnitProfile, str] | None:
    """The unit that joins the other's more widely held waveform or key, and that waveform or key; None
    when neither side's widest is held by more units (or neither holds any). The pair's order does not
    matter."""
    (fewer_a, item_a), (fewer_b, item_b) = _widest(held_a, reach), _widest(held_b, reach)
    if fewer_a == fewer_b:
        return None
    return (b, item_a) if fewer_a < fewer_b else (a, item_b)


def _voice(a: UnitProfile, b: UnitProfile, reason: str, scene: _Scene) -> _Remedy:
    """A radio or key material for the side that lacks what more of the exercise holds (one radio or key
    issued, not a whole net re-equipped); both nations agree a common one when neither is held more
    widely."""
    both, pair = frozenset({a.unit.nation, b.unit.nation}), frozenset({_named(a), _named(b)})
    if "plain voice only" in reason:
        joins = _joining(a, b, a.key_material, b.key_material, scene.key_reach)
        if joins is None:
            held = sorted({_widest(p.key_material, scene.key_reach)[1] for p in (a, b)} - {""})
            either = f" ({' or '.join(held)})" if held else ""
            return _Remedy(f"agree common key material{either} for {WHO}", both, pair)
        unit, key = joins
        return _Remedy(
            f"distribute key material {key}, held by {scene.key_holder[key]}, to {WHO}",
            frozenset({unit.unit.nation}),
            frozenset({_named(unit)}),
        )
    path = scene.network.relay_path(*sorted((a.unit.id, b.unit.id)))
    relay = f", or relay through {' -> '.join(path[2:-2:2])}" if path and len(path) > 3 else ""
    joins = _joining(a, b, a.waveforms, b.waveforms, scene.waveform_reach)
    if joins is None:
        either = " or ".join(sorted({_widest(p.waveforms, scene.waveform_reach)[1] for p in (a, b)}))
        return _Remedy(
            f"agree a common waveform ({either}) and issue radios on it to {WHO}{relay}", both, pair
        )
    unit, waveform = joins
    return _Remedy(
        f"issue {WHO} a radio on {waveform}{relay}", frozenset({unit.unit.nation}), frozenset({_named(unit)})
    )


def _datum_owners(exercise: Exercise, a: UnitProfile, b: UnitProfile) -> frozenset[str]:
    """The nations whose maps are not on the common datum; both when neither is."""
    datum = {p.nation: p.datum.upper() for p in exercise.participants}
    pair = {a.unit.nation, b.unit.nation}
    return frozenset(n for n in pair if datum.get(n) != COMMON_DATUM) or frozenset(pair)


def _remedy(domain: InteropDomain, reason: str, a: UnitProfile, b: UnitProfile, scene: _Scene) -> _Remedy:
    """What fixes one failing pair (``a`` the tanker unit and ``b`` the receiver unit for AAR), and the
    nations that must act."""
    both, pair = frozenset({a.unit.nation, b.unit.nation}), frozenset({_named(a), _named(b)})
    if reason.startswith("not cleared") and domain is not InteropDomain.AAR:
        return _Remedy(
            f"{WHO} lift the refusal by a national clearance, or plan the vignette without these pairs",
            both,
            both,
        )
    if domain is InteropDomain.AAR:
        needed = "boom" if "needs a boom" in reason else "drogue"
        text = _tankers_for(needed, scene.profiles, scene.catalogue)
        return _Remedy(text, frozenset({b.unit.nation}), frozenset({_named(b)}))
    if domain is InteropDomain.VOICE:
        return _voice(a, b, reason, scene)
    if domain is InteropDomain.DATA_LINK:
        return _Remedy(
            f"add a data-forwarding gateway (STANAG 5616, comms: gateway) holding "
            f"{', '.join(sorted(a.data_links))} and {', '.join(sorted(b.data_links))}, or fit a common link",
            both,
        )
    if domain is InteropDomain.C2:
        return _Remedy(
            "add a C2 gateway or a Federated Mission Networking node serving both C2 systems", both
        )
    if domain is InteropDomain.FUEL:
        fuels = frozenset({_named(p, ", ".join(sorted(p.fuels))) for p in (a, b)})
        return _Remedy(
            f"plan national fuel supply for {WHO}: no common or substitute fuel between them", both, fuels
        )
    if domain is InteropDomain.AMMUNITION:
        return _Remedy(
            f"plan national ammunition resupply for {WHO}: no cross-servicing between them", both, pair
        )
    if domain is InteropDomain.GEOSPATIAL:
        return _Remedy(
            "agree one datum (WGS84) and grid (MGRS) for all exercise products",
            _datum_owners(scene.exercise, a, b),
        )
    return _Remedy(
        "assign an interpreter or exchange liaison officers "
        "(participants: interpreters, liaison_officers_to)",
        both,
    )


def _causes(domain: InteropDomain, reason: str | None, a: int, b: int, scene: _Scene) -> list[_Cause]:
    """The causes behind one incompatible pair: one per missing standard and nation for the procedural
    domain, so that a planner sees who has to adopt what."""
    profiles = scene.profiles
    if domain is InteropDomain.PROCEDURAL:
        nations = sorted({profiles[a].unit.nation, profiles[b].unit.nation})
        return [
            _Cause(
                f"{nation} has not adopted {standard}",
                _Remedy(
                    f"{nation} implements {standard}, "
                    "or the pair agrees a waiver (interoperability: waivers)",
                    frozenset({nation}),
                ),
            )
            for nation in nations
            for standard in missing_standards(scene.exercise, nation)
        ]
    text = reason or f"incompatible in {domain.value}"
    return [_Cause(text, _remedy(domain, text, profiles[a], profiles[b], scene))]


@dataclass
class _Found:
    """The pairs failing for one reason in one domain, gathered before they become a `Gap`: each remedy
    text with everyone it names, over all the pairs."""

    remedies: dict[str, set[str]] = field(default_factory=dict)
    nations: set[str] = field(default_factory=set)
    owners: set[str] = field(default_factory=set)
    units: set[str] = field(default_factory=set)
    vignettes: set[str] = field(default_factory=set)
    pairs: int = 0

    def remedy(self) -> str:
        return "; ".join(_fill(text, who) for text, who in self.remedies.items())


def find_gaps(
    exercise: Exercise,
    catalogue: Catalogue,
    profiles: Sequence[UnitProfile],
    domains: Mapping[InteropDomain, DomainResult],
    network: CommsNetwork,
    conflicts: Sequence[SortieConflict],
) -> list[Gap]:
    scene = _Scene.of(exercise, profiles, catalogue, network)
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
                for problem, remedy in _causes(domain, cell.reason, a, b, scene):
                    found = grouped.setdefault((domain.value, problem), _Found())
                    found.remedies.setdefault(remedy.text, set()).update(remedy.who)
                    found.nations |= {profiles[a].unit.nation, profiles[b].unit.nation}
                    found.owners |= remedy.owners
                    found.units |= {profiles[a].unit.id, profiles[b].unit.id}
                    found.vignettes.add(vignette.id)
                    found.pairs += 1
    gaps = [
        Gap(
            domain,
            problem,
            f.remedy(),
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
            receivers = [_named(p) for p in profiles if p.unit.id in units]
            gaps.append(
                Gap(
                    InteropDomain.AAR.value,
                    f"no tanker in the exercise can refuel {receiver_id}",
                    _fill(_tankers_for(needed, profiles, catalogue), receivers),
                    tuple(nations),
                    tuple(nations),  # the receivers' nations need a tanker
                    tuple(sorted(units)),
                    0,
                )
            )
    return gaps
