"""Communications domains: tactical data links, secure voice and C2 systems.

Rule: two units are compatible when they share a data link (voice: a waveform *and* key material; C2: a
C2 system). Otherwise a gateway unit (``comms: {gateway: true}``, such as a data-forwarding unit under
STANAG 5616 or an FMN node) that is compatible with both bridges them, and is named. Units without any
link, radio or C2 system are not applicable.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from jointex.analyse.interop.classes import Classes, group, shares
from jointex.analyse.interop.domain import ClassStates, Explanation, cached
from jointex.analyse.interop.profiles import UnitProfile
from jointex.analyse.interop.states import State, versus


class _Gateways:
    """Which class pairs a gateway unit connects, by one matrix product over the gateways' classes."""

    def __init__(
        self, compatible: NDArray[np.bool_], classes: Classes, profiles: Sequence[UnitProfile]
    ) -> None:
        self.units = [i for i, p in enumerate(profiles) if p.gateway]
        self.gateway_classes = np.unique(classes.of_unit[self.units]) if self.units else np.zeros(0, np.intp)
        self.compatible = compatible
        self.classes = classes
        self.profiles = profiles

    def reach(self) -> NDArray[np.bool_]:
        if not self.units:
            return np.zeros(self.compatible.shape, dtype=np.bool_)
        columns = self.compatible[:, self.gateway_classes]
        return shares(columns, columns)

    def name(self, row: int, column: int) -> str | None:
        """The first gateway unit, in file order, compatible with both classes."""
        for g in self.units:
            c = self.classes.of_unit[g]
            if self.compatible[row, c] and self.compatible[c, column]:
                return f"gateway {self.profiles[g].unit.id}"
        return None


def _states(
    compatible: NDArray[np.bool_], bridged: NDArray[np.bool_], applicable: NDArray[np.bool_]
) -> NDArray[np.int8]:
    states = np.where(
        compatible, State.COMPATIBLE, np.where(bridged, State.BRIDGED, State.INCOMPATIBLE)
    ).astype(np.int8)
    states[~applicable, :] = State.NOT_APPLICABLE
    states[:, ~applicable] = State.NOT_APPLICABLE
    return states


def _shared_states(
    sets: Sequence[frozenset[str]], profiles: Sequence[UnitProfile], what: str
) -> tuple[Classes, ClassStates]:
    classes = group(sets)
    compatible = shares(classes.membership, classes.membership)
    gateways = _Gateways(compatible, classes, profiles)
    applicable = np.array([bool(items) for items in classes.items], dtype=np.bool_)
    states = _states(compatible, gateways.reach(), applicable)

    def explain(row: int, column: int) -> Explanation:
        if states[row, column] == State.BRIDGED:
            return gateways.name(row, column), None
        items = classes.items
        return None, f"no common {what}: " + versus(
            ", ".join(sorted(items[row])), ", ".join(sorted(items[column]))
        )

    return classes, ClassStates(states, cached(explain))


def data_link_states(profiles: Sequence[UnitProfile]) -> tuple[Classes, ClassStates]:
    return _shared_states([p.data_links for p in profiles], profiles, "data link")


def c2_states(profiles: Sequence[UnitProfile]) -> tuple[Classes, ClassStates]:
    return _shared_states([p.c2_systems for p in profiles], profiles, "C2 system")


def voice_states(profiles: Sequence[UnitProfile]) -> tuple[Classes, ClassStates]:
    """Secure voice: a net is a waveform with key material; a waveform without shared keys is plain only."""
    classes = group(
        [frozenset({f"W:{w}" for w in p.waveforms} | {f"N:{n}" for n in p.voice_nets}) for p in profiles]
    )
    is_net = np.array([item.startswith("N:") for item in classes.vocabulary], dtype=np.bool_)
    nets, radios = classes.membership[:, is_net], classes.membership[:, ~is_net]
    secure = shares(nets, nets)
    gateways = _Gateways(secure, classes, profiles)
    has_radio: NDArray[np.bool_] = np.asarray(radios.any(axis=1), dtype=np.bool_)
    states = _states(secure, gateways.reach(), has_radio)

    def waveforms(c: int) -> set[str]:
        return {item[2:] for item in classes.items[c] if item.startswith("W:")}

    def explain(row: int, column: int) -> Explanation:
        if states[row, column] == State.BRIDGED:
            return gateways.name(row, column), None
        common = waveforms(row) & waveforms(column)
        if common:
            return (
                None,
                f"common waveform {', '.join(sorted(common))} but no shared key material: plain voice only",
            )
        return None, "no common waveform: " + versus(
            ", ".join(sorted(waveforms(row))), ", ".join(sorted(waveforms(column)))
        )

    return classes, ClassStates(states, cached(explain))
