"""The interoperability result, and the function that computes it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from jointex.analyse.interop.aar import SortieConflict, aar_states, sortie_conflicts
from jointex.analyse.interop.comms import c2_states, data_link_states, voice_states
from jointex.analyse.interop.domain import ClassStates, DomainResult, build_domain
from jointex.analyse.interop.gaps import Gap, find_gaps
from jointex.analyse.interop.logistics import ammunition_states, fuel_states
from jointex.analyse.interop.national import geospatial_states, human_states, procedural_states
from jointex.analyse.interop.network import CommsNetwork, SinglePointOfFailure
from jointex.analyse.interop.profiles import UnitProfile, unit_profiles
from jointex.analyse.interop.scoring import PairScore, pair_scores
from jointex.analyse.interop.states import Cell, State
from jointex.catalogue import Catalogue
from jointex.model import Exercise, InteropDomain


@dataclass(frozen=True)
class InteropResult:
    """Everything the interoperability analysis found. Numbers only: renderers lay it out."""

    nations: tuple[str, ...]
    unit_ids: tuple[str, ...]
    domains: dict[InteropDomain, DomainResult]
    pairs: tuple[PairScore, ...]
    network: CommsNetwork
    single_points_of_failure: tuple[SinglePointOfFailure, ...]
    gaps: tuple[Gap, ...]
    sortie_conflicts: tuple[SortieConflict, ...]

    @property
    def overall_score(self) -> float:
        scores = [p.score for p in self.pairs if not np.isnan(p.score)]
        return float(np.mean(scores)) if scores else float("nan")

    def cell(self, domain: InteropDomain, a: str, b: str) -> Cell:
        """State between units ``a`` and ``b`` (ids) in one domain, with bridge and reason."""
        index = {uid: i for i, uid in enumerate(self.unit_ids)}
        return self.domains[domain].unit_cell(index[a], index[b])

    def bridges(self) -> list[dict[str, object]]:
        """Every distinct bridge in use between nations: what makes an otherwise incompatible pair work."""
        found: dict[tuple[str, str], set[tuple[str, str]]] = {}
        for domain, result in self.domains.items():
            for (r, c), via in result.classes.bridged_pairs():
                rows = {result.nations[int(n)] for n in result.unit_nation[result.row_class == r]}
                columns = {result.nations[int(n)] for n in result.unit_nation[result.column_class == c]}
                pairs = {(a, b) for a in rows for b in columns if a != b}
                if pairs:
                    found.setdefault((domain.value, via), set()).update(pairs)
            for (a, b), cell in result.overrides.items():
                if cell.via:
                    found.setdefault((domain.value, cell.via), set()).add((self.nations[a], self.nations[b]))
        return [
            {"domain": d, "via": via, "nation_pairs": sorted(list(p) for p in pairs)}
            for (d, via), pairs in sorted(found.items())
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "nations": list(self.nations),
            "overall_score": None if np.isnan(self.overall_score) else round(self.overall_score, 3),
            "domains": {
                d.value: {
                    "directed": r.directed,
                    "state": [[State(int(s)).label for s in row] for row in r.state],
                    "score": [[None if np.isnan(v) else round(float(v), 3) for v in row] for row in r.score],
                    "pairs_by_state": {State(s).label: int(r.counts[s].sum()) for s in State},
                }
                for d, r in self.domains.items()
            },
            "pairs": [p.to_dict() for p in self.pairs],
            "bridges": self.bridges(),
            "components": self.network.components(),
            "single_points_of_failure": [s.to_dict() for s in self.single_points_of_failure],
            "gaps": [g.to_dict() for g in self.gaps],
            "sortie_conflicts": [c.to_dict() for c in self.sortie_conflicts],
        }


def _waivers(exercise: Exercise, domain: InteropDomain, index: dict[str, int]) -> dict[tuple[int, int], Cell]:
    overrides: dict[tuple[int, int], Cell] = {}
    for waiver in exercise.interoperability.waivers:
        if waiver.domain is domain and all(n in index for n in waiver.nations):
            a, b = (index[n] for n in waiver.nations)
            overrides[(a, b)] = overrides[(b, a)] = Cell(State.BRIDGED, f"waiver: {waiver.note}")
    for clearance in exercise.interoperability.clearances:
        if (
            clearance.domain is domain
            and domain is not InteropDomain.AAR
            and clearance.provider in index
            and clearance.receiver in index
        ):
            state = State.COMPATIBLE if clearance.cleared else State.INCOMPATIBLE
            source = f" ({clearance.source})" if clearance.source else ""
            text = f"national clearance{source}" if clearance.cleared else f"not cleared{source}"
            cell = Cell(state, text if clearance.cleared else None, None if clearance.cleared else text)
            overrides[(index[clearance.provider], index[clearance.receiver])] = cell
    return overrides


def analyse_domains(
    exercise: Exercise, catalogue: Catalogue, profiles: list[UnitProfile] | None = None
) -> dict[InteropDomain, DomainResult]:
    """Every domain's states for all unit pairs and nation pairs (the vectorised core of the analysis)."""
    profiles = unit_profiles(exercise, catalogue) if profiles is None else profiles
    nations = exercise.nations
    index = {n: i for i, n in enumerate(nations)}
    unit_nation = [index[p.unit.nation] for p in profiles]
    unit_ids = tuple(p.unit.id for p in profiles)
    common: dict[str, Any] = {"nations": nations, "unit_ids": unit_ids, "unit_nation": unit_nation}

    def symmetric(domain: InteropDomain, built: tuple[Any, ClassStates]) -> DomainResult:
        classes, states = built
        return build_domain(
            domain,
            directed=False,
            row_class=classes.of_unit,
            column_class=classes.of_unit,
            classes=states,
            overrides=_waivers(exercise, domain, index),
            **common,
        )

    def national(domain: InteropDomain, states: ClassStates) -> DomainResult:
        by_nation = np.asarray(unit_nation, dtype=np.intp)
        return build_domain(
            domain,
            directed=False,
            row_class=by_nation,
            column_class=by_nation,
            classes=states,
            overrides=_waivers(exercise, domain, index),
            **common,
        )

    tankers, receivers, aar = aar_states(profiles, catalogue, exercise.interoperability.clearances)
    return {
        InteropDomain.AAR: build_domain(
            InteropDomain.AAR,
            directed=True,
            row_class=tankers.of_unit,
            column_class=receivers.of_unit,
            classes=aar,
            overrides=_waivers(exercise, InteropDomain.AAR, index),
            **common,
        ),
        InteropDomain.FUEL: symmetric(InteropDomain.FUEL, fuel_states(profiles, catalogue)),
        InteropDomain.AMMUNITION: symmetric(InteropDomain.AMMUNITION, ammunition_states(profiles)),
        InteropDomain.DATA_LINK: symmetric(InteropDomain.DATA_LINK, data_link_states(profiles)),
        InteropDomain.VOICE: symmetric(InteropDomain.VOICE, voice_states(profiles)),
        InteropDomain.C2: symmetric(InteropDomain.C2, c2_states(profiles)),
        InteropDomain.GEOSPATIAL: national(InteropDomain.GEOSPATIAL, geospatial_states(exercise)),
        InteropDomain.PROCEDURAL: national(InteropDomain.PROCEDURAL, procedural_states(exercise)),
        InteropDomain.HUMAN: national(InteropDomain.HUMAN, human_states(exercise)),
    }


def analyse_interop(exercise: Exercise, catalogue: Catalogue) -> InteropResult:
    """Analyse every interoperability domain of an exercise; see the package docstring."""
    profiles = unit_profiles(exercise, catalogue)
    domains = analyse_domains(exercise, catalogue, profiles)
    network = CommsNetwork.build(exercise, profiles)
    conflicts = _sortie_conflicts(exercise, profiles)
    gaps = find_gaps(exercise, catalogue, profiles, domains, network, conflicts)
    return InteropResult(
        exercise.nations,
        tuple(p.unit.id for p in profiles),
        domains,
        tuple(pair_scores(domains, exercise.nations)),
        network,
        tuple(network.single_points_of_failure()),
        tuple(gaps),
        tuple(conflicts),
    )


def _sortie_conflicts(exercise: Exercise, profiles: list[UnitProfile]) -> list[SortieConflict]:
    by_id = {p.unit.id: p for p in profiles}
    conflicts = []
    for vignette in exercise.vignettes:
        members = [by_id[u] for u in vignette.units if u in by_id]
        receivers = [r for m in members for r in m.receivers]
        for tanker_unit in (m for m in members if m.tankers):
            conflicts += sortie_conflicts(
                vignette.id, tanker_unit, receivers, exercise.interoperability.clearances
            )
    return conflicts
