"""When the IAMD model's guarantees hold for a compiled scene, and a plain caveat when they may not.

With one threat at a time per fire unit, the "last opportunity" doctrine (kernel.py) makes every fire unit
fire all the rounds its launch window allows unless the threat is killed first, whoever else engages it.
The leak probability is then the product over fire units and windows of ``(1 - p)^rounds``, and the number
of rounds only grows with earlier tracks. So adding a fire unit or a sensor, or sharing the air picture,
never raises the expected leakers. When a fire unit's time or magazine is contested by several threats,
it assigns greedily (priority, then time to impact) without look-ahead, and these properties usually but
not always hold: an earlier track can draw a unit onto a lower-priority threat, rounds saved or spent on
one threat change what is left for the next.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from jointex.rehearse.vignettes.iamd.records import EngagementWindows, FireUnits

GUARANTEES_DOC = "docs/rehearsal.md, 'What the IAMD model guarantees'"


def contested_fire_units(fire_units: FireUnits, windows: EngagementWindows) -> NDArray[np.intp]:
    """Fire units whose launch windows for two different threats overlap (each window held until its
    last round could be reloaded and assessed), or whose magazine cannot fire every round of every window
    it has: the units for which the greedy assignment decides between threats."""
    start = fire_units.first_window
    cycle_s = np.maximum(fire_units.reload_s, fire_units.time_of_flight_s)
    contested: list[int] = []
    for j in range(len(start) - 1):
        own = np.arange(start[j], start[j + 1])
        if len(own) * windows.rounds * fire_units.salvo[j] > fire_units.magazine[j] or _overlap(
            windows.threat[own], windows.open_s[own], windows.close_s[own] + cycle_s[j]
        ):
            contested.append(j)
    return np.array(contested, dtype=np.intp)


def _overlap(threat: NDArray[np.int64], open_s: NDArray[np.float64], end_s: NDArray[np.float64]) -> bool:
    """Whether two intervals of different threats overlap (a threat's own windows may). One pass in
    opening order, keeping the latest end so far and the latest end of any other threat than its."""
    best_end, best_threat, other_end = -np.inf, -1, -np.inf
    for k in np.argsort(open_s, kind="stable"):
        t, start, end = int(threat[k]), float(open_s[k]), float(end_s[k])
        latest_other = other_end if best_threat == t else best_end
        if latest_other > start:
            return True
        if t == best_threat:
            best_end = max(best_end, end)
        elif end > best_end:
            best_end, best_threat, other_end = end, t, best_end
        else:
            other_end = max(other_end, end)
    return False


def caveats(
    fire_units: FireUnits, windows: EngagementWindows, shooter_units: tuple[str, ...]
) -> tuple[str, ...]:
    """What a planner must know before comparing runs of this scene, in one sentence each."""
    contested = contested_fire_units(fire_units, windows)
    if not len(contested):
        return ()
    names = sorted({shooter_units[j] for j in contested})
    shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    return (
        f"{len(contested)} of {len(shooter_units)} fire units (of {shown}) face threats competing for their "
        "time or magazine; they engage greedily by priority, so more fire units, earlier tracks or a "
        "shared picture usually but not always lower the leakers here (" + GUARANTEES_DOC + ").",
    )
