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

from jointex.analyse.interop.classes import Classes, empty, group, overlap
from jointex.analyse.interop.domain import ClassPair, ClassStates
from jointex.analyse.interop.profiles import UnitProfile
from jointex.analyse.interop.states import State, versus


def _gateway_bridges(
    compatible: NDArray[np.bool_], classes: Classes, profiles: Sequence[UnitProfile]
) -> dict[ClassPair, str]:
    """Class pairs that a gateway unit compatible with both connects, with that gateway's id."""
    gateways = [i for i, p in enumerate(profiles) if p.gateway]
    via: dict[ClassPair, str] = {}
    if not gateways:
        return via
    named = np.full(compatible.shape, -1, dtype=np.intp)
    for g in gateways:
        c = classes.of_unit[g]
        reach = compatible[:, c][:, None] & compatible[c, :][None, :] & (named < 0)
        named[reach] = g
    for a, b in zip(*np.nonzero(named >= 0), strict=True):
        via[(int(a), int(b))] = f"gateway {profiles[named[a, b]].unit.id}"
    return via


def _shared_states(
    sets: Sequence[frozenset[str]], profiles: Sequence[UnitProfile], what: str
) -> tuple[Classes, ClassStates]:
    classes = group(sets)
    compatible = overlap(classes)
    states = np.where(compatible, State.COMPATIBLE, State.INCOMPATIBLE).astype(np.int8)
    via = {pair: name for pair, name in _gateway_bridges(compatible, classes, profiles).items()
           if states[pair] == State.INCOMPATIBLE}
    for a, b in via:
        states[a, b] = State.BRIDGED
    none = empty(classes)
    states[none, :] = State.NOT_APPLICABLE
    states[:, none] = State.NOT_APPLICABLE
    reasons = {
        (int(a), int(b)): f"no common {what}: "
        + versus(", ".join(sorted(classes.items[a])), ", ".join(sorted(classes.items[b])))
        for a, b in zip(*np.nonzero(states == State.INCOMPATIBLE), strict=True)
    }
    shared = {
        (int(a), int(b)): f"shared {what}: {', '.join(sorted(classes.items[a] & classes.items[b]))}"
        for a, b in zip(*np.nonzero(states == State.COMPATIBLE), strict=True)
    } if classes.size <= 200 else {}
    return classes, ClassStates(states, via, {**shared, **reasons})


def data_link_states(profiles: Sequence[UnitProfile]) -> tuple[Classes, ClassStates]:
    return _shared_states([p.data_links for p in profiles], profiles, "data link")


def c2_states(profiles: Sequence[UnitProfile]) -> tuple[Classes, ClassStates]:
    return _shared_states([p.c2_systems for p in profiles], profiles, "C2 system")


def voice_states(profiles: Sequence[UnitProfile]) -> tuple[Classes, ClassStates]:
    """Secure voice: nets are (waveform, key material); a shared waveform without shared keys is plain only."""
    classes = group([
        frozenset({f"W:{w}" for w in p.waveforms} | {f"N:{n}" for n in p.voice_nets}) for p in profiles
    ])
    is_net = np.array([item.startswith("N:") for item in classes.vocabulary], dtype=np.bool_)
    bits = classes.membership.astype(np.int32)
    nets, radios = bits[:, is_net], bits[:, ~is_net]
    secure = (nets @ nets.T) > 0
    plain = (radios @ radios.T) > 0
    states = np.where(secure, State.COMPATIBLE, State.INCOMPATIBLE).astype(np.int8)
    via = {pair: name for pair, name in _gateway_bridges(secure, classes, profiles).items() if not secure[pair]}
    for pair in via:
        states[pair] = State.BRIDGED
    has_radio = radios.any(axis=1)
    states[~has_radio, :] = State.NOT_APPLICABLE
    states[:, ~has_radio] = State.NOT_APPLICABLE

    def waveforms(c: int) -> str:
        return ", ".join(sorted(item[2:] for item in classes.items[c] if item.startswith("W:")))

    reasons: dict[ClassPair, str] = {}
    for a, b in zip(*np.nonzero(states == State.INCOMPATIBLE), strict=True):
        pair = (int(a), int(b))
        if plain[pair]:
            common = sorted(item[2:] for item in classes.items[a] & classes.items[b] if item.startswith("W:"))
            reasons[pair] = f"common waveform {', '.join(common)} but no shared key material: plain voice only"
        else:
            reasons[pair] = f"no common waveform: {versus(waveforms(pair[0]), waveforms(pair[1]))}"
    return classes, ClassStates(states, via, reasons)
