"""The detection kernel: when, if ever, the search units' tracks find the drifting object.

A search unit flies its pattern as straight legs at constant speed; the object drifts on a straight line
at constant velocity (`drift.py`). Over a leg the distance between the two is therefore the length of a
vector that changes linearly in time, and the closest point of approach (CPA) and the first moment within
a given range are found exactly by solving a quadratic: no time step is involved.

A pass detects with the probability its lateral range curve gives at the CPA distance d:

- ``definite_range``: certainly within half a sweep width (d <= W/2), never beyond;
- ``inverse_cube``: Koopman's law for visual search, ``1 - exp(-W^2 / (4 pi d^2))``, whose integral over
  lateral range is W (the sweep width's definition), taken at the CPA as for a leg long beside the sweep
  width. Parallel passes at spacing S then find an object between them with Koopman's
  ``erf(sqrt(pi) / 2 * W / S)`` on average.

Each leg's draw is number ``leg_draw`` of the detection stream of the replication's key, numbered per
search unit and leg, so that plans which share a unit's legs share their draws (common random numbers).
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit, prange
from numpy.typing import NDArray

from jointex.rehearse.engine.kernels import uniform

DETECT_STREAM = 2


@njit(cache=True, inline="always")
def _pass(
    rx: float, ry: float, wx: float, wy: float, duration_h: float, half_width: float, definite: bool
) -> tuple[float, float]:
    """(detection probability, hours into the leg of the detection) of one leg: the object at ``r``
    from the unit at the leg's start, moving at ``w`` relative to it."""
    ww = wx * wx + wy * wy
    rw = rx * wx + ry * wy
    rr = rx * rx + ry * ry
    s = 0.0 if ww == 0.0 else min(max(-rw / ww, 0.0), duration_h)
    dx, dy = rx + wx * s, ry + wy * s
    d2 = dx * dx + dy * dy
    if definite:
        if d2 > half_width * half_width:
            return 0.0, s
        if rr <= half_width * half_width:
            return 1.0, 0.0
        first = (-rw - math.sqrt(max(rw * rw - ww * (rr - half_width * half_width), 0.0))) / ww
        return 1.0, min(max(first, 0.0), s)
    if half_width <= 0.0:
        return 0.0, s
    if d2 == 0.0:
        return 1.0, s
    return 1.0 - math.exp(-(half_width * half_width) / (math.pi * d2)), s


@njit(parallel=True, cache=True)
def find_times(
    keys: NDArray[np.uint64],
    p0: NDArray[np.float64],
    v: NDArray[np.float64],
    lkp_h: float,
    legs: NDArray[np.float64],
    leg_draw: NDArray[np.int64],
    plan_bounds: NDArray[np.int64],
    definite: bool,
) -> NDArray[np.float64]:
    """``[replication, plan]``: the hour of the search at which each plan first finds the object of each
    replication (``inf``: never). ``legs[k]`` is ``(x0, y0, x1, y1, t0, t1, sweep width)`` (NM, hours),
    plan p's legs are rows ``plan_bounds[p]`` to ``plan_bounds[p + 1]``, in order of ``t0``."""
    replications, plans = len(keys), len(plan_bounds) - 1
    found = np.full((replications, plans), np.inf)
    for r in prange(replications):
        k0, k1 = keys[r, 0], keys[r, 1]
        for p in range(plans):
            best = np.inf
            for k in range(plan_bounds[p], plan_bounds[p + 1]):
                t0, t1 = legs[k, 4], legs[k, 5]
                if t0 >= best:
                    break
                duration = t1 - t0
                if duration <= 0.0 or legs[k, 6] <= 0.0:
                    continue
                since = t0 + lkp_h
                ux, uy = (legs[k, 2] - legs[k, 0]) / duration, (legs[k, 3] - legs[k, 1]) / duration
                rx = p0[r, 0] + v[r, 0] * since - legs[k, 0]
                ry = p0[r, 1] + v[r, 1] * since - legs[k, 1]
                chance, into = _pass(rx, ry, v[r, 0] - ux, v[r, 1] - uy, duration, 0.5 * legs[k, 6], definite)
                if chance <= 0.0:
                    continue
                if chance >= 1.0 or uniform(k0, k1, DETECT_STREAM, leg_draw[k]) < chance:
                    best = min(best, t0 + into)
            found[r, p] = best
    return found


@njit(cache=True)
def miss_probability(
    p0: NDArray[np.float64], v: NDArray[np.float64], lkp_h: float, legs: NDArray[np.float64], definite: bool
) -> NDArray[np.float64]:
    """``[case]``: the probability that ``legs`` (as in `find_times`) all miss each case: what the search
    planners expect of a plan, without drawing."""
    cases = len(p0)
    missed = np.ones(cases)
    for c in range(cases):  # a block's few legs: threads would cost more than they save
        for k in range(len(legs)):
            duration = legs[k, 5] - legs[k, 4]
            if duration <= 0.0 or legs[k, 6] <= 0.0:
                continue
            since = legs[k, 4] + lkp_h
            ux, uy = (legs[k, 2] - legs[k, 0]) / duration, (legs[k, 3] - legs[k, 1]) / duration
            rx = p0[c, 0] + v[c, 0] * since - legs[k, 0]
            ry = p0[c, 1] + v[c, 1] * since - legs[k, 1]
            chance, _ = _pass(rx, ry, v[c, 0] - ux, v[c, 1] - uy, duration, 0.5 * legs[k, 6], definite)
            missed[c] *= 1.0 - chance
    return missed
