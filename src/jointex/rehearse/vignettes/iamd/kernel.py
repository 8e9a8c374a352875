"""The IAMD kernel: detections, track sharing and engagements for a batch of replications.

State is structure-of-arrays with a leading replication axis (``kill_time_s[r, threat]``,
``magazine[r, shooter]``...); replications run in parallel (``prange``), each from its own key, so a
replication's result never depends on the batch it ran in or on the number of threads.

Within a replication every event time is exact:

- Detection. Each (threat, sensor) pair has a window (found in closed form from the flight path). The
  sensor scans every ``period`` from a random phase; each scan with the threat in range detects with
  ``pd``. The first success is geometric, so one draw gives the exact detection time.
- Track sharing. Nation n holds a track at ``min over sensors (detection + latency[sensor, n])``; the
  latency is 0 inside a nation, the data link (plus gateway) delay between nations that share a link, and
  infinite otherwise (national mode: infinite between all nations).
- Engagement. Fire units act in exact time order (an event loop: the next fire unit to act is the one
  whose next possible launch is earliest). A free fire unit takes, among the threats it may engage now
  (its nation holds the track plus reaction time, the intercept would fall inside its envelope, rounds
  left in that window, its own last salvo at the threat assessed), the first in priority order (priority,
  then time to impact). While another engagement of its picture group is in flight at that threat, it
  holds fire only if it can still fire every round it has left in the window after that engagement is
  assessed; otherwise this is its last opportunity and it fires now ("last opportunity" doctrine), so an
  early or poor engagement never costs a better unit a shot. Each salvo is resolved after its time of
  flight. A launch at a threat that another picture group is already engaging is a double engagement.

Random numbers are indexed by what they decide (the detection of threat i by sensor s, the k-th
engagement of threat i), so integrated and national runs of the same replication share them: common
random numbers.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit, prange

from jointex.rehearse.engine.kernels import uniform

PHASE_STREAM = 1
DETECT_STREAM = 2
KILL_STREAM = 3
ENGAGEMENT_INDEX_BITS = 32
"""The k-th engagement of threat i draws number ``i << 32 | k`` of the kill stream: one fresh draw for
every engagement, however many (the counter-based stream is random-access, so there is no cap)."""


@njit(cache=True)
def _detections(k0, k1, det_threat, det_sensor, det_in_s, det_out_s, period_s, pd, n_sensors, detected_s):  # type: ignore[no-untyped-def]
    """Exact first detection of each threat by each sensor (``inf`` if never), into ``detected_s[d]``."""
    phase = np.empty(len(period_s))
    for s in range(len(period_s)):
        phase[s] = uniform(k0, k1, PHASE_STREAM, s) * period_s[s]
    for d in range(len(det_threat)):
        s = det_sensor[d]
        first = phase[s] + math.ceil((det_in_s[d] - phase[s]) / period_s[s]) * period_s[s]
        misses = 0.0
        if pd[s] < 1.0:
            u = uniform(k0, k1, DETECT_STREAM, det_threat[d] * n_sensors + s)
            misses = math.floor(math.log1p(-u) / math.log1p(-pd[s]))
        when = first + misses * period_s[s]
        detected_s[d] = when if when <= det_out_s[d] else np.inf


@njit(cache=True, inline="always")
def _rounds_fitting(from_s: float, close_s: float, cycle_s: float, left: int) -> int:
    """Rounds a fire unit can still fire in a launch window closing at ``close_s`` if it starts at
    ``from_s`` and fires one every ``cycle_s`` (at most ``left``)."""
    if from_s > close_s:
        return 0
    if cycle_s <= 0.0:
        return left
    return min(left, math.floor((close_s - from_s) / cycle_s) + 1)


@njit(cache=True)
def _replicate(  # type: ignore[no-untyped-def]
    k0,
    k1,
    det_threat,
    det_sensor,
    det_in_s,
    det_out_s,
    period_s,
    pd,
    latency_s,
    impact_s,
    threat_asset,
    shooter_nation,
    shooter_group,
    n_groups,
    reaction_s,
    reload_s,
    flight_s,
    magazine,
    salvo,
    pair_start,
    pair_threat,
    pair_open_s,
    pair_close_s,
    pair_kill,
    max_rounds,
    leakers,
    shots,
    out,
):
    n_threats = len(impact_s)
    n_sensors = len(period_s)
    n_nations = latency_s.shape[1]
    detected_s = np.empty(len(det_threat))
    _detections(k0, k1, det_threat, det_sensor, det_in_s, det_out_s, period_s, pd, n_sensors, detected_s)

    track_s = np.full((n_nations, n_threats), np.inf)
    first_detect_s = np.full(n_threats, np.inf)
    for d in range(len(det_threat)):
        when = detected_s[d]
        if when == np.inf:
            continue
        i = det_threat[d]
        first_detect_s[i] = min(first_detect_s[i], when)
        for n in range(n_nations):
            track_s[n, i] = min(track_s[n, i], when + latency_s[det_sensor[d], n])

    n_shooters = len(shooter_nation)
    ready_s = np.empty(len(pair_threat))
    wake_s = np.full(n_shooters, np.inf)
    rounds_left = np.empty(n_shooters, dtype=np.int64)
    for j in range(n_shooters):
        rounds_left[j] = magazine[j]
        for p in range(pair_start[j], pair_start[j + 1]):
            ready = max(pair_open_s[p], track_s[shooter_nation[j], pair_threat[p]] + reaction_s[j])
            ready_s[p] = ready
            if ready <= pair_close_s[p] and ready < wake_s[j]:
                wake_s[j] = ready
        if magazine[j] < salvo[j]:
            wake_s[j] = np.inf

    kill_s = np.full(n_threats, np.inf)
    busy_s = np.full((n_groups, n_threats), -np.inf)
    engagements = np.zeros(n_threats, dtype=np.int64)
    first_fire_s = np.full(n_threats, np.inf)
    pair_rounds = np.zeros(len(pair_threat), dtype=np.int64)
    pair_resolve_s = np.full(len(pair_threat), -np.inf)
    doubles = 0
    while True:
        j = -1
        now = np.inf
        for candidate in range(n_shooters):
            if wake_s[candidate] < now:
                now = wake_s[candidate]
                j = candidate
        if j < 0:
            break
        g = shooter_group[j]
        chosen = -1
        next_s = np.inf
        cycle_s = max(reload_s[j], flight_s[j])  # from one round at a threat to the next, looking between
        for p in range(pair_start[j], pair_start[j + 1]):
            i = pair_threat[p]
            if pair_rounds[p] >= max_rounds or kill_s[i] <= now or pair_close_s[p] < now:
                continue
            ready = max(ready_s[p], pair_resolve_s[p])
            if ready > pair_close_s[p]:
                continue
            if ready > now:
                next_s = min(next_s, ready)
                continue
            if busy_s[g, i] > now:
                left = min(max_rounds - pair_rounds[p], rounds_left[j] // salvo[j])
                if _rounds_fitting(busy_s[g, i], pair_close_s[p], cycle_s, left) >= _rounds_fitting(
                    now, pair_close_s[p], cycle_s, left
                ):
                    next_s = min(next_s, busy_s[g, i])
                    continue
            chosen = p
            break
        if chosen < 0:
            wake_s[j] = next_s
            continue
        i = pair_threat[chosen]
        rounds_left[j] -= salvo[j]
        shots[j] += salvo[j]
        pair_rounds[chosen] += 1
        resolved_s = now + flight_s[j]
        for h in range(n_groups):
            if h != g and busy_s[h, i] > now:
                doubles += 1
                break
        busy_s[g, i] = max(busy_s[g, i], resolved_s)
        draw = (i << ENGAGEMENT_INDEX_BITS) + engagements[i]
        engagements[i] += 1
        pair_resolve_s[chosen] = resolved_s
        if uniform(k0, k1, KILL_STREAM, draw) < pair_kill[chosen]:
            kill_s[i] = min(kill_s[i], resolved_s)
        first_fire_s[i] = min(first_fire_s[i], now)
        wake_s[j] = now + reload_s[j] if rounds_left[j] >= salvo[j] else np.inf

    engaged = 0
    delay_total_s = 0.0
    never = 0
    for i in range(n_threats):
        if kill_s[i] > impact_s[i]:
            leakers[threat_asset[i]] += 1
        if first_detect_s[i] == np.inf:
            never += 1
        if first_fire_s[i] < np.inf:
            engaged += 1
            delay_total_s += first_fire_s[i] - first_detect_s[i]
    out[0] = doubles
    out[1] = delay_total_s / engaged if engaged else np.nan
    out[2] = never


@njit(cache=True, parallel=True)
def run_batch(  # type: ignore[no-untyped-def]
    keys,
    det_threat,
    det_sensor,
    det_in_s,
    det_out_s,
    period_s,
    pd,
    latency_s,
    impact_s,
    threat_asset,
    n_assets,
    shooter_nation,
    shooter_group,
    n_groups,
    reaction_s,
    reload_s,
    flight_s,
    magazine,
    salvo,
    pair_start,
    pair_threat,
    pair_open_s,
    pair_close_s,
    pair_kill,
    max_rounds,
):
    """Per replication: leakers per asset ``[r, asset]``, shots per fire unit ``[r, shooter]``, and
    ``[r, (double engagements, mean detect-to-engage s, threats never detected)]``."""
    count = keys.shape[0]
    leakers = np.zeros((count, n_assets))
    shots = np.zeros((count, len(shooter_nation)))
    out = np.zeros((count, 3))
    for r in prange(count):
        _replicate(
            keys[r, 0],
            keys[r, 1],
            det_threat,
            det_sensor,
            det_in_s,
            det_out_s,
            period_s,
            pd,
            latency_s,
            impact_s,
            threat_asset,
            shooter_nation,
            shooter_group,
            n_groups,
            reaction_s,
            reload_s,
            flight_s,
            magazine,
            salvo,
            pair_start,
            pair_threat,
            pair_open_s,
            pair_close_s,
            pair_kill,
            max_rounds,
            leakers[r],
            shots[r],
            out[r],
        )
    return leakers, shots, out
