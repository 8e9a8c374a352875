"""Air-to-air refuelling: which tanker can refuel which receiver (ATP-3.3.4.2, national annexes).

Rule: a receptacle receiver needs a boom, a probe receiver a drogue. A tanker adapter (the KC-135's
boom-drogue adapter) bridges a probe receiver, with its limit: fitted on the ground, one method per
sortie, so the same sortie cannot serve boom receivers. National clearances (``interoperability:
clearances`` with ``domain: aar``) override the rule for a tanker/receiver pair. A unit refuels another
when its tankers can serve every receiver type the other flies; the matrix is directed (tanker -> receiver).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from jointex.analyse.interop.classes import Classes, group
from jointex.analyse.interop.domain import ClassStates, Explanation, cached
from jointex.analyse.interop.profiles import UnitProfile
from jointex.analyse.interop.states import Cell, State
from jointex.catalogue import Catalogue
from jointex.model import AarMethod, Clearance, InteropDomain, Platform, ReceiverMethod

NEEDED = {ReceiverMethod.RECEPTACLE: AarMethod.BOOM, ReceiverMethod.PROBE: AarMethod.DROGUE}


def aar_cell(tanker: Platform, receiver: Platform, clearances: Mapping[tuple[str, str], Clearance]) -> Cell:
    """Whether ``tanker`` can refuel ``receiver``: directly, through an adapter, by clearance, or not."""
    if receiver.aar.receiver is None or not (tanker.aar.tanker or tanker.aar.adapters):
        return Cell(State.NOT_APPLICABLE)
    cleared = clearances.get((tanker.id, receiver.id))
    if cleared is not None:
        source = f" ({cleared.source})" if cleared.source else ""
        if cleared.cleared:
            return Cell(State.COMPATIBLE, f"national clearance{source}")
        return Cell(State.INCOMPATIBLE, reason=f"not cleared{source}")
    needed = NEEDED[receiver.aar.receiver]
    if needed in tanker.aar.tanker:
        return Cell(State.COMPATIBLE)
    for adapter in tanker.aar.adapters:
        if adapter.provides is needed:
            return Cell(State.BRIDGED, f"{adapter.name}: {adapter.limit}")
    offered = ", ".join(m.value for m in tanker.aar.tanker) or "nothing without its adapter"
    return Cell(
        State.INCOMPATIBLE,
        reason=f"{receiver.id} needs a {needed.value} ({receiver.aar.receiver.value}); "
        f"{tanker.id} offers {offered}",
    )


def clearance_table(clearances: Sequence[Clearance]) -> dict[tuple[str, str], Clearance]:
    return {(c.provider, c.receiver): c for c in clearances if c.domain is InteropDomain.AAR}


def aar_states(
    profiles: Sequence[UnitProfile], catalogue: Catalogue, clearances: Sequence[Clearance]
) -> tuple[Classes, Classes, ClassStates]:
    """Rows: classes of tanker fleets; columns: classes of receiver fleets.

    A fleet pair's state is the worst, over the receiver types, of the best tanker type for it: computed
    from the small tanker x receiver platform table by a max and a min over the class bitsets.
    """
    table = clearance_table(clearances)
    tankers = group([frozenset(p.id for p in profile.tankers) for profile in profiles])
    receivers = group([frozenset(p.id for p in profile.receivers) for profile in profiles])
    cells = {
        (t, r): aar_cell(catalogue.platforms[t], catalogue.platforms[r], table)
        for t in tankers.vocabulary
        for r in receivers.vocabulary
    }
    platform_states = np.array(
        [[cells[(t, r)].state for r in receivers.vocabulary] for t in tankers.vocabulary], dtype=np.int8
    ).reshape(len(tankers.vocabulary), len(receivers.vocabulary))
    best = np.where(tankers.membership[:, :, None], platform_states[None, :, :], 0).max(axis=1, initial=0)
    worst = np.where(receivers.membership[None, :, :], best[:, None, :], 99).min(axis=2, initial=99)
    states = np.where(worst == 99, State.NOT_APPLICABLE, worst).astype(np.int8)

    def explain(row: int, column: int) -> Explanation:
        chosen = [
            max((cells[(t, r)] for t in sorted(tankers.items[row])), key=lambda cell: cell.state)
            for r in sorted(receivers.items[column])
        ]
        bridges = sorted({cell.via for cell in chosen if cell.via})
        failing = min(chosen, key=lambda cell: cell.state)
        return ("; ".join(bridges) or None), failing.reason

    return tankers, receivers, ClassStates(states, cached(explain))


@dataclass(frozen=True)
class SortieConflict:
    """A tanker that cannot serve a vignette's receivers on one sortie (adapter: one method per sortie)."""

    vignette: str
    tanker_unit: str
    tanker: str
    native: tuple[str, ...]
    via_adapter: tuple[str, ...]
    adapter: str

    @property
    def message(self) -> str:
        return (
            f"{self.tanker} ({self.tanker_unit}) cannot refuel {', '.join(self.native)} and "
            f"{', '.join(self.via_adapter)} on the same sortie: {self.adapter}"
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "vignette": self.vignette,
            "tanker_unit": self.tanker_unit,
            "tanker": self.tanker,
            "native": list(self.native),
            "via_adapter": list(self.via_adapter),
            "adapter": self.adapter,
            "message": self.message,
        }


def sortie_conflicts(
    vignette: str, tanker_unit: UnitProfile, receivers: Sequence[Platform], clearances: Sequence[Clearance]
) -> list[SortieConflict]:
    """Tankers of ``tanker_unit`` that would need their adapter for some receivers and not for others."""
    table = clearance_table(clearances)
    conflicts = []
    for tanker in tanker_unit.tankers:
        cells = {r.id: aar_cell(tanker, r, table) for r in receivers}
        native = tuple(sorted(r for r, c in cells.items() if c.state is State.COMPATIBLE))
        adapted = {r: c for r, c in cells.items() if c.state is State.BRIDGED}
        if native and adapted:
            limit = next(iter(adapted.values())).via or ""
            conflicts.append(
                SortieConflict(
                    vignette, tanker_unit.unit.id, tanker.id, native, tuple(sorted(adapted)), limit
                )
            )
    return conflicts
