"""A replication's random draws: everything chance decides about each casualty, drawn once from the
replication's key before the chain is run, so that every variant of the scene (one more surgical team,
one more helicopter) meets the same casualties with the same injuries: common random numbers.

Each number is indexed by the casualty it decides (`jointex.rehearse.engine.kernels.uniform`), so a
replication's casualties are the same whatever batch it runs in.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
from numba import njit
from numpy.typing import NDArray

from jointex.rehearse.engine.kernels import uniform
from jointex.rehearse.vignettes.mascal.arrays import Incidents

INJURY_STREAM = 1
TRIAGE_STREAM = 2
GROUP_STREAM = 3
FIRST_AID_STREAM = 4
TREATMENT_STREAM = 5
SURGERY_STREAM = 6
DETERIORATION_STREAM = 7
DEATH_STREAM = 8


class Draws(NamedTuple):
    incident: NDArray[np.int64]
    injured_min: NDArray[np.float64]
    category: NDArray[np.int64]
    group: NDArray[np.int64]
    first_aid: NDArray[np.float64]
    """``[casualty, (uniform, standard normal)]``: what decides the duration of its first aid."""
    treatment: NDArray[np.float64]
    surgery: NDArray[np.float64]
    deterioration: NDArray[np.float64]
    death: NDArray[np.float64]


@njit(cache=True)
def _pick(cdf: NDArray[np.float64], u: float) -> int:
    for k in range(len(cdf)):
        if u < cdf[k]:
            return k
    return len(cdf) - 1


@njit(cache=True)
def _uniform_and_normal(k0: np.uint64, k1: np.uint64, stream: int, i: int, out: NDArray[np.float64]) -> None:
    u1 = uniform(k0, k1, stream, 2 * i)
    u2 = uniform(k0, k1, stream, 2 * i + 1)
    out[0] = u1
    out[1] = math.sqrt(-2.0 * math.log1p(-u1)) * math.cos(2.0 * math.pi * u2)  # Box-Muller


@njit(cache=True)
def draw(k0: np.uint64, k1: np.uint64, incidents: Incidents) -> Draws:
    """The casualties of the replication keyed ``(k0, k1)``."""
    n = incidents.first[-1]
    draws = Draws(
        np.empty(n, dtype=np.int64),
        np.empty(n),
        np.empty(n, dtype=np.int64),
        np.empty(n, dtype=np.int64),
        np.empty((n, 2)),
        np.empty((n, 2)),
        np.empty((n, 2)),
        np.empty(n),
        np.empty(n),
    )
    for k in range(len(incidents.start_min)):
        start, over = incidents.start_min[k], incidents.over_min[k]
        for i in range(incidents.first[k], incidents.first[k + 1]):
            draws.incident[i] = k
            u = uniform(k0, k1, INJURY_STREAM, i)
            if over <= 0.0:
                draws.injured_min[i] = start
            elif incidents.front_loaded[k]:  # exponential with mean over / 3, truncated to the window
                mean = over / 3.0
                draws.injured_min[i] = start - mean * math.log1p(-u * (1.0 - math.exp(-over / mean)))
            else:
                draws.injured_min[i] = start + u * over
            draws.category[i] = _pick(incidents.triage_cdf[k], uniform(k0, k1, TRIAGE_STREAM, i))
            draws.group[i] = _pick(incidents.group_cdf[k], uniform(k0, k1, GROUP_STREAM, i))
            _uniform_and_normal(k0, k1, FIRST_AID_STREAM, i, draws.first_aid[i])
            _uniform_and_normal(k0, k1, TREATMENT_STREAM, i, draws.treatment[i])
            _uniform_and_normal(k0, k1, SURGERY_STREAM, i, draws.surgery[i])
            draws.deterioration[i] = uniform(k0, k1, DETERIORATION_STREAM, i)
            draws.death[i] = uniform(k0, k1, DEATH_STREAM, i)
    return draws
