"""The IAMD kernel: detections, track sharing and engagements for a batch of replications.

It reads the compiled scene as typed records (`records.py`: sensors, threats, fire units, detection and
engagement windows) and runs each replication in four steps: `_detections`, `_tracks`, `_engage` (the
event loop, from the state `_battle` sets up) and `_tally`.

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
from typing import NamedTuple

import numpy as np
from numba import njit, prange
from numpy.typing import NDArray

from jointex.rehearse.engine.kernels import uniform
from jointex.rehearse.vignettes.iamd.records import (
    DetectionWindows,
    EngagementWindows,
    FireUnits,
    Sensors,
    Threats,
)

PHASE_STREAM = 1
DETECT_STREAM = 2
KILL_STREAM = 3
ENGAGEMENT_INDEX_BITS = 32
"""The k-th engagement of threat i draws number ``i << 32 | k`` of the kill stream: one fresh draw for
every engagement, however many (the counter-based stream is random-access, so there is no cap)."""


class Battle(NamedTuple):
    """One replication's engagement state, updated in place as fire units act."""

    wake_s: NDArray[np.float64]
    """Per fire unit: the next time it may launch (``inf``: never again)."""
    rounds_left: NDArray[np.int64]
    """Per fire unit: rounds in its magazine."""
    ready_s: NDArray[np.float64]
    """Per engagement window: the first launch its fire unit's track and reaction time allow."""
    window_rounds: NDArray[np.int64]
    """Per engagement window: engagements made in it."""
    assessed_s: NDArray[np.float64]
    """Per engagement window: when its last salvo is assessed (``-inf`` before the first)."""
    busy_s: NDArray[np.float64]
    """``[picture group, threat]``: until when an engagement of the group at the threat is in flight."""
    kill_s: NDArray[np.float64]
    """Per threat: when it is killed (``inf``: never)."""
    times_engaged: NDArray[np.int64]
    """Per threat: engagements made at it (the index of its next kill draw)."""
    first_fire_s: NDArray[np.float64]
    """Per threat: the first launch at it."""


@njit(cache=True)
def _detections(k0, k1, sensors: Sensors, detections: DetectionWindows):  # type: ignore[no-untyped-def]
    """Per detection window: the exact first detection (``inf`` if none), the first scan in range plus
    a geometric number of missed scans."""
    period_s = sensors.scan_period_s
    pd = sensors.detection_probability
    n_sensors = len(period_s)
    phase = np.empty(n_sensors)
    for s in range(n_sensors):
        phase[s] = uniform(k0, k1, PHASE_STREAM, s) * period_s[s]
    detected_s = np.empty(len(detections.threat))
    for d in range(len(detections.threat)):
        s = detections.sensor[d]
        first = phase[s] + math.ceil((detections.enter_s[d] - phase[s]) / period_s[s]) * period_s[s]
        misses = 0.0
        if pd[s] < 1.0:
            u = uniform(k0, k1, DETECT_STREAM, detections.threat[d] * n_sensors + s)
            misses = math.floor(math.log1p(-u) / math.log1p(-pd[s]))
        when = first + misses * period_s[s]
        detected_s[d] = when if when <= detections.leave_s[d] else np.inf
    return detected_s


@njit(cache=True)
def _tracks(detected_s, sensors: Sensors, detections: DetectionWindows, threats: Threats):  # type: ignore[no-untyped-def]
    """``[nation, threat]``: when each nation first holds a track on each threat (a detection plus the
    latency from the sensor to the nation); and per threat, its first detection by any sensor."""
    n_threats = len(threats.impact_s)
    n_nations = sensors.latency_s.shape[1]
    track_s = np.full((n_nations, n_threats), np.inf)
    first_detect_s = np.full(n_threats, np.inf)
    for d in range(len(detected_s)):
        when = detected_s[d]
        if when == np.inf:
            continue
        i = detections.threat[d]
        s = detections.sensor[d]
        first_detect_s[i] = min(first_detect_s[i], when)
        for n in range(n_nations):
            track_s[n, i] = min(track_s[n, i], when + sensors.latency_s[s, n])
    return track_s, first_detect_s


@njit(cache=True)
def _battle(track_s, threats: Threats, fire_units: FireUnits, engagements: EngagementWindows):  # type: ignore[no-untyped-def]
    """The state before the first launch: each window ready once the fire unit's nation holds the track
    and the unit has reacted; each fire unit woken for its earliest ready window (never, if it has less
    than a salvo)."""
    n_threats = len(threats.impact_s)
    n_units = len(fire_units.nation)
    n_windows = len(engagements.threat)
    ready_s = np.empty(n_windows)
    wake_s = np.full(n_units, np.inf)
    rounds_left = np.empty(n_units, dtype=np.int64)
    for j in range(n_units):
        rounds_left[j] = fire_units.magazine[j]
        nation = fire_units.nation[j]
        for p in range(fire_units.first_window[j], fire_units.first_window[j + 1]):
            ready = max(
                engagements.open_s[p], track_s[nation, engagements.threat[p]] + fire_units.reaction_s[j]
            )
            ready_s[p] = ready
            if ready <= engagements.close_s[p] and ready < wake_s[j]:
                wake_s[j] = ready
        if fire_units.magazine[j] < fire_units.salvo[j]:
            wake_s[j] = np.inf
    return Battle(
        wake_s,
        rounds_left,
        ready_s,
        np.zeros(n_windows, dtype=np.int64),
        np.full(n_windows, -np.inf),
        np.full((fire_units.picture_groups, n_threats), -np.inf),
        np.full(n_threats, np.inf),
        np.zeros(n_threats, dtype=np.int64),
        np.full(n_threats, np.inf),
    )


@njit(cache=True, inline="always")
def _waits(now: float, busy_s: float, close_s: float, cycle_s: float, left: int) -> bool:
    """Whether a fire unit holds fire while an engagement of its picture group is in flight at the
    threat until ``busy_s``: only if it could still fire every round it has ``left`` in the window after
    that engagement is assessed; otherwise this is its last opportunity and it fires now."""
    return _rounds_fitting(busy_s, close_s, cycle_s, left) >= _rounds_fitting(now, close_s, cycle_s, left)


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
def _next_to_act(wake_s):  # type: ignore[no-untyped-def]
    """The fire unit whose next possible launch is earliest (-1: none left), and that time."""
    j = -1
    now = np.inf
    for candidate in range(len(wake_s)):
        if wake_s[candidate] < now:
            now = wake_s[candidate]
            j = candidate
    return j, now


@njit(cache=True)
def _engage(  # type: ignore[no-untyped-def]
    k0, k1, track_s, threats: Threats, fire_units: FireUnits, engagements: EngagementWindows, shots
):
    """Fire units act in exact time order until none can launch again (rounds fired into ``shots``).
    Returns the final state and the number of double engagements."""
    battle = _battle(track_s, threats, fire_units, engagements)
    # The event loop reads plain arrays: reading records' fields inside it made the kernel about 15%
    # slower (benchmarks/bench_rehearse.py), as Numba does not hoist them out of the loop.
    wake_s, rounds_left, ready_s, window_rounds, assessed_s, busy_s, kill_s, times_engaged, first_fire_s = (
        battle
    )
    group, salvo, reload_s, flight_s = (
        fire_units.picture_group,
        fire_units.salvo,
        fire_units.reload_s,
        fire_units.time_of_flight_s,
    )
    first_window, threat, close_s, salvo_kill = (
        fire_units.first_window,
        engagements.threat,
        engagements.close_s,
        engagements.salvo_kill,
    )
    doubles = 0
    while True:
        j, now = _next_to_act(wake_s)
        if j < 0:
            return battle, doubles
        g = group[j]
        cycle_s = max(reload_s[j], flight_s[j])  # from one round at a threat to the next, looking between
        # Choose: the first window in priority order through which j may engage now.
        chosen = -1
        next_s = np.inf
        for p in range(first_window[j], first_window[j + 1]):
            i = threat[p]
            if window_rounds[p] >= engagements.rounds or kill_s[i] <= now or close_s[p] < now:
                continue
            ready = max(ready_s[p], assessed_s[p])
            if ready > close_s[p]:
                continue
            if ready > now:
                next_s = min(next_s, ready)
                continue
            if busy_s[g, i] > now:  # its picture group has an engagement in flight at the threat
                left = min(engagements.rounds - window_rounds[p], rounds_left[j] // salvo[j])
                if _waits(now, busy_s[g, i], close_s[p], cycle_s, left):
                    next_s = min(next_s, busy_s[g, i])
                    continue
            chosen = p
            break
        if chosen < 0:
            wake_s[j] = next_s
            continue
        # Fire: a salvo through the chosen window, its kill drawn now and known once assessed.
        i = threat[chosen]
        rounds_left[j] -= salvo[j]
        shots[j] += salvo[j]
        window_rounds[chosen] += 1
        assessed_at_s = now + flight_s[j]
        for h in range(fire_units.picture_groups):
            if h != g and busy_s[h, i] > now:
                doubles += 1
                break
        busy_s[g, i] = max(busy_s[g, i], assessed_at_s)
        draw = (i << ENGAGEMENT_INDEX_BITS) + times_engaged[i]
        times_engaged[i] += 1
        assessed_s[chosen] = assessed_at_s
        if uniform(k0, k1, KILL_STREAM, draw) < salvo_kill[chosen]:
            kill_s[i] = min(kill_s[i], assessed_at_s)
        first_fire_s[i] = min(first_fire_s[i], now)
        wake_s[j] = now + reload_s[j] if rounds_left[j] >= salvo[j] else np.inf


@njit(cache=True)
def _tally(first_detect_s, battle: Battle, doubles, threats: Threats, leakers, out):  # type: ignore[no-untyped-def]
    """Leakers per defended asset into ``leakers``; double engagements, the mean detect-to-engage time
    and the threats never detected into ``out``."""
    engaged = 0
    delay_total_s = 0.0
    never = 0
    for i in range(len(threats.impact_s)):
        if battle.kill_s[i] > threats.impact_s[i]:
            leakers[threats.asset[i]] += 1
        if first_detect_s[i] == np.inf:
            never += 1
        if battle.first_fire_s[i] < np.inf:
            engaged += 1
            delay_total_s += battle.first_fire_s[i] - first_detect_s[i]
    out[0] = doubles
    out[1] = delay_total_s / engaged if engaged else np.nan
    out[2] = never


@njit(cache=True)
def _replicate(  # type: ignore[no-untyped-def]
    k0,
    k1,
    sensors: Sensors,
    threats: Threats,
    fire_units: FireUnits,
    detections: DetectionWindows,
    engagements: EngagementWindows,
    leakers,
    shots,
    out,
):
    """One replication, keyed ``(k0, k1)``: detections, tracks, engagements, then the tally."""
    detected_s = _detections(k0, k1, sensors, detections)
    track_s, first_detect_s = _tracks(detected_s, sensors, detections, threats)
    battle, doubles = _engage(k0, k1, track_s, threats, fire_units, engagements, shots)
    _tally(first_detect_s, battle, doubles, threats, leakers, out)


@njit(cache=True, parallel=True)
def run_batch(  # type: ignore[no-untyped-def]
    keys,
    sensors: Sensors,
    threats: Threats,
    fire_units: FireUnits,
    detections: DetectionWindows,
    engagements: EngagementWindows,
):
    """Per replication (a row of ``keys``): leakers per asset ``[r, asset]``, shots per fire unit
    ``[r, fire unit]``, and ``[r, (double engagements, mean detect-to-engage s, threats never detected)]``."""
    count = keys.shape[0]
    leakers = np.zeros((count, threats.assets))
    shots = np.zeros((count, len(fire_units.nation)))
    out = np.zeros((count, 3))
    for r in prange(count):
        _replicate(
            keys[r, 0],
            keys[r, 1],
            sensors,
            threats,
            fire_units,
            detections,
            engagements,
            leakers[r],
            shots[r],
            out[r],
        )
    return leakers, shots, out
