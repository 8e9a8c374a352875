"""Which nations share an air picture, and how late tracks arrive: from the interoperability analysis."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from jointex.analyse.interop import InteropResult
from jointex.analyse.interop.states import State
from jointex.model import InteropDomain, Vignette
from jointex.model.iamd import CommandAndControl


def link_latency(
    result: InteropResult, vignette: Vignette, c2: CommandAndControl
) -> tuple[NDArray[np.float64], tuple[str, ...]]:
    """``[a, b]``: track delay from nation a to nation b, over the best data link between any of a's and
    any of b's units taking part in the vignette (direct: the link latency; through a gateway: plus the
    gateway's), ``inf`` where the analysis finds no shared data link. Rows follow the returned nations."""
    domain = result.domains[InteropDomain.DATA_LINK]
    index = {uid: k for k, uid in enumerate(result.unit_ids)}
    chosen = [index[u] for u in vignette.units if u in index]
    states = domain.unit_matrix(chosen)
    nation_of = [result.nations[int(domain.unit_nation[k])] for k in chosen]
    nations = tuple(sorted(set(nation_of)))
    where = {n: k for k, n in enumerate(nations)}
    delay = {
        State.COMPATIBLE: c2.data_link_latency_s,
        State.BRIDGED: c2.data_link_latency_s + c2.gateway_latency_s,
    }
    latency = np.full((len(nations), len(nations)), np.inf)
    for a, first in enumerate(nation_of):
        for b, second in enumerate(nation_of):
            state = State(int(states[a, b]))
            if first != second and state in delay:
                row, column = where[first], where[second]
                latency[row, column] = min(latency[row, column], delay[state])
    np.fill_diagonal(latency, 0.0)
    return latency, nations
