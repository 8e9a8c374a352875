"""The IAMD model as a discrete-event simulation, the way a simulation engineer writes it in Python: events
at detections, launches and intercept assessments, no clock ticks, plain Python numbers.

It is the baseline of benchmarks/bench_rehearse.py (the fair peer of the kernel: same physics, same
compiled scene, written as well as we write our own code) and an independent check of the kernel in the
tests. It reads the compiled scene (detection windows, engagement windows in priority order, envelopes,
latencies), not the kernel's event loop or random streams, so the two agree in distribution, not draw by
draw. The doctrine is the object model's (tests/rehearse/iamd_objects.py), event by event:

- Detection. A sensor scans every period from a random phase and detects a threat in range with its
  probability of detection, so the first detection in a window is geometric: one draw gives its time.
- Track sharing. A detection gives each nation a track after the link latency (0 inside a nation, none
  without a link); a fire unit that could engage that threat is woken for when the track plus its
  reaction time allows.
- Engagement. A free fire unit takes the first threat in priority order it may engage now; it holds fire
  while its picture group already has an engagement in flight at that threat, unless this is its last
  opportunity (the rounds it has left in the window would no longer fit after the assessment). Each salvo
  is assessed after its time of flight.

Two schedulers drive the same doctrine: SimPy (a process per sensor and per fire unit, idle fire units
interrupted by new tracks) and a plain ``heapq`` event list.
"""

from __future__ import annotations

import contextlib
import heapq
import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
import simpy
from numpy.typing import NDArray

from jointex.rehearse.vignettes.iamd import IamdVignette

INF = math.inf


@dataclass(frozen=True)
class EventScene:
    """The compiled scene as Python lists, built once per vignette and shared by every replication."""

    impact_s: list[float]
    sensor_period_s: list[float]
    sensor_pd: list[float]
    sensor_windows: list[list[tuple[int, float, float]]]
    """Per sensor: (threat, first second in range, last second in range)."""
    latency_s: list[list[float]]
    """``[sensor][nation]``: when a nation holds a sensor's track, after the detection."""
    unit_nation: list[int]
    unit_group: list[int]
    groups: int
    reaction_s: list[float]
    reload_s: list[float]
    flight_s: list[float]
    magazine: list[int]
    salvo: list[int]
    unit_pairs: list[range]
    """Per fire unit: its engagement windows (indices into the pair lists), in priority order."""
    pair_threat: list[int]
    pair_open_s: list[float]
    pair_close_s: list[float]
    pair_kill: list[float]
    max_rounds: int
    listeners: list[dict[int, list[tuple[int, float]]]]
    """``[nation][threat]``: the nation's fire units with a window on the threat, and its first opening."""

    @classmethod
    def of(cls, vignette: IamdVignette) -> EventScene:
        sensors, threats, units, detections, windows = vignette.arrays

        def floats(values: NDArray[np.float64]) -> list[float]:
            return [float(x) for x in values]

        def ints(values: NDArray[np.int64]) -> list[int]:
            return [int(x) for x in values]

        sensor_windows: list[list[tuple[int, float, float]]] = [[] for _ in sensors.scan_period_s]
        for i, s, enter, leave in zip(
            ints(detections.threat),
            ints(detections.sensor),
            floats(detections.enter_s),
            floats(detections.leave_s),
            strict=True,
        ):
            sensor_windows[s].append((i, enter, leave))
        start = ints(units.first_window)
        unit_nation = ints(units.nation)
        pair_threat, pair_open = ints(windows.threat), floats(windows.open_s)
        listeners: list[dict[int, list[tuple[int, float]]]] = [{} for _ in range(sensors.latency_s.shape[1])]
        for j, nation in enumerate(unit_nation):
            first_open: dict[int, float] = {}
            for p in range(start[j], start[j + 1]):
                first_open[pair_threat[p]] = min(first_open.get(pair_threat[p], INF), pair_open[p])
            for threat, open_s in first_open.items():
                listeners[nation].setdefault(threat, []).append((j, open_s))
        return cls(
            impact_s=floats(threats.impact_s),
            sensor_period_s=floats(sensors.scan_period_s),
            sensor_pd=floats(sensors.detection_probability),
            sensor_windows=sensor_windows,
            latency_s=[[float(x) for x in row] for row in sensors.latency_s],
            unit_nation=unit_nation,
            unit_group=ints(units.picture_group),
            groups=units.picture_groups,
            reaction_s=floats(units.reaction_s),
            reload_s=floats(units.reload_s),
            flight_s=floats(units.time_of_flight_s),
            magazine=ints(units.magazine),
            salvo=ints(units.salvo),
            unit_pairs=[range(start[j], start[j + 1]) for j in range(len(unit_nation))],
            pair_threat=pair_threat,
            pair_open_s=pair_open,
            pair_close_s=floats(windows.close_s),
            pair_kill=floats(windows.salvo_kill),
            max_rounds=windows.rounds,
            listeners=listeners,
        )


class Raid:
    """One replication's state and doctrine; a scheduler calls `detected`, `choose`, `launch`, `assess`."""

    def __init__(self, scene: EventScene, rng: random.Random) -> None:
        threats, nations = len(scene.impact_s), len(scene.listeners)
        self.scene = scene
        self.rng = rng
        self.track_s = [[INF] * threats for _ in range(nations)]
        self.first_detect_s = [INF] * threats
        self.first_fire_s = [INF] * threats
        self.kill_s = [INF] * threats
        self.busy_s = [[-INF] * threats for _ in range(scene.groups)]
        self.pair_rounds = [0] * len(scene.pair_threat)
        self.pair_resolve_s = [-INF] * len(scene.pair_threat)
        self.rounds_left = list(scene.magazine)
        self.live = [list(pairs) for pairs in scene.unit_pairs]
        """Per fire unit: the windows it may still use, in priority order."""
        self.shots = 0
        self.doubles = 0

    def detections(self, sensor: int) -> list[tuple[float, int]]:
        """The sensor's first detection of each threat it can see, in time order: (time, threat)."""
        period, pd = self.scene.sensor_period_s[sensor], self.scene.sensor_pd[sensor]
        phase = self.rng.random() * period
        found = []
        for threat, enter, leave in self.scene.sensor_windows[sensor]:
            when = phase + math.ceil((enter - phase) / period) * period
            if pd < 1.0:
                when += math.floor(math.log1p(-self.rng.random()) / math.log1p(-pd)) * period
            if when <= leave:
                found.append((when, threat))
        found.sort()
        return found

    def detected(self, threat: int, sensor: int, now: float) -> Iterator[tuple[int, float]]:
        """Record a detection; yield each fire unit that may now engage sooner, and from when."""
        if self.kill_s[threat] <= now:
            return
        self.first_detect_s[threat] = min(self.first_detect_s[threat], now)
        for nation, latency in enumerate(self.scene.latency_s[sensor]):
            held_s = now + latency
            if held_s >= self.track_s[nation][threat]:
                continue
            self.track_s[nation][threat] = held_s
            for unit, open_s in self.scene.listeners[nation].get(threat, ()):
                yield unit, max(open_s, held_s + self.scene.reaction_s[unit])

    def choose(self, unit: int, now: float) -> tuple[int, float]:
        """The engagement window the unit fires into now (-1 for none), and else when to look again.

        Windows that can never be used again (rounds spent, threat down, window closed) are dropped from
        the unit's list once they are a quarter of it, so later looks skip them."""
        s = self.scene
        track_s, busy_s = self.track_s[s.unit_nation[unit]], self.busy_s[s.unit_group[unit]]
        pair_rounds, kill_s, max_rounds = self.pair_rounds, self.kill_s, s.max_rounds
        reaction_s, salvo = s.reaction_s[unit], s.salvo[unit]
        cycle_s = max(s.reload_s[unit], s.flight_s[unit])
        live = self.live[unit]
        spent = 0
        next_s = INF
        chosen = -1
        for p in live:
            threat, close_s = s.pair_threat[p], s.pair_close_s[p]
            if pair_rounds[p] >= max_rounds or kill_s[threat] <= now or close_s < now:
                spent += 1
                continue
            ready = track_s[threat] + reaction_s
            if ready > close_s:
                continue
            ready = max(ready, s.pair_open_s[p], self.pair_resolve_s[p])
            if ready > close_s:
                continue
            if ready > now:
                if ready < next_s:
                    next_s = ready
                continue
            busy = busy_s[threat]
            if busy > now:
                left = min(max_rounds - pair_rounds[p], self.rounds_left[unit] // salvo)
                if _fitting(busy, close_s, cycle_s, left) >= _fitting(now, close_s, cycle_s, left):
                    if busy < next_s:
                        next_s = busy  # waiting for the assessment loses none of our rounds
                    continue
            chosen = p
            break
        if spent * 4 > len(live):  # rebuild once a quarter of the list is spent
            self.live[unit] = [
                p
                for p in live
                if pair_rounds[p] < max_rounds and kill_s[s.pair_threat[p]] > now and s.pair_close_s[p] >= now
            ]
        return chosen, next_s if chosen < 0 else INF

    def launch(self, unit: int, pair: int, now: float) -> float:
        """Fire one salvo into the window; returns when it is assessed."""
        s = self.scene
        threat, group = s.pair_threat[pair], s.unit_group[unit]
        self.rounds_left[unit] -= s.salvo[unit]
        self.shots += s.salvo[unit]
        self.pair_rounds[pair] += 1
        resolved_s = now + s.flight_s[unit]
        if any(h != group and busy[threat] > now for h, busy in enumerate(self.busy_s)):
            self.doubles += 1
        self.busy_s[group][threat] = max(self.busy_s[group][threat], resolved_s)
        self.pair_resolve_s[pair] = resolved_s
        self.first_fire_s[threat] = min(self.first_fire_s[threat], now)
        return resolved_s

    def assess(self, pair: int, now: float) -> None:
        if self.rng.random() < self.scene.pair_kill[pair]:
            threat = self.scene.pair_threat[pair]
            self.kill_s[threat] = min(self.kill_s[threat], now)

    def can_fire_again(self, unit: int) -> bool:
        return self.rounds_left[unit] >= self.scene.salvo[unit]

    def metrics(self) -> dict[str, float]:
        threats = len(self.scene.impact_s)
        leakers = sum(1 for k, t in zip(self.kill_s, self.scene.impact_s, strict=True) if k > t)
        delays = [f - d for f, d in zip(self.first_fire_s, self.first_detect_s, strict=True) if f < INF]
        return {
            "iamd.leakers": float(leakers),
            "iamd.leak_probability": leakers / threats,
            "iamd.shots": float(self.shots),
            "iamd.double_engagements": float(self.doubles),
            "iamd.detect_to_engage_s": sum(delays) / len(delays) if delays else math.nan,
            "iamd.never_detected": float(sum(1 for d in self.first_detect_s if d == INF)),
        }


def _fitting(from_s: float, close_s: float, cycle_s: float, left: int) -> int:
    """Rounds that still fit in a window closing at ``close_s`` from ``from_s``, one every ``cycle_s``."""
    if from_s > close_s:
        return 0
    return left if cycle_s <= 0 else min(left, math.floor((close_s - from_s) / cycle_s) + 1)


def simulate_simpy(raid: Raid) -> None:
    """Run one replication with SimPy: a process per sensor and per fire unit."""
    env = simpy.Environment()
    scene = raid.scene
    idle_until: list[float | None] = [None] * len(scene.unit_nation)
    """When an idle fire unit wakes by itself; None while it is busy (reloading or being woken)."""

    def sensor(s: int) -> simpy.events.ProcessGenerator:
        for when, threat in raid.detections(s):
            yield env.timeout(when - env.now)
            for unit, ready_s in raid.detected(threat, s, env.now):
                until = idle_until[unit]
                if until is not None and ready_s < until:
                    idle_until[unit] = None
                    units[unit].interrupt()

    def assessment(pair: int) -> Callable[[simpy.events.Event], None]:
        return lambda _event: raid.assess(pair, env.now)

    def fire_unit(j: int) -> simpy.events.ProcessGenerator:
        while raid.can_fire_again(j):
            pair, next_s = raid.choose(j, env.now)
            if pair >= 0:
                resolved_s = raid.launch(j, pair, env.now)
                env.timeout(resolved_s - env.now).callbacks.append(assessment(pair))
                yield env.timeout(scene.reload_s[j])
                continue
            idle_until[j] = next_s
            with contextlib.suppress(simpy.Interrupt):  # a new track: look again now
                yield env.timeout(next_s - env.now) if next_s < INF else env.event()
            idle_until[j] = None

    units = [env.process(fire_unit(j)) for j in range(len(scene.unit_nation))]
    for s in range(len(scene.sensor_period_s)):
        env.process(sensor(s))
    env.run()


ASSESS, DETECT, ACT = 0, 1, 2
"""Event kinds, in the order they are handled at the same instant: a threat killed at t is gone for a
fire unit acting at t."""


def simulate_heapq(raid: Raid) -> None:
    """Run one replication on a plain event list (``heapq``): (time, kind, tie-break, subject, sensor)."""
    scene = raid.scene
    events: list[tuple[float, int, int, int, int]] = []
    for s in range(len(scene.sensor_period_s)):
        for when, threat in raid.detections(s):
            events.append((when, DETECT, threat, threat, s))
    heapq.heapify(events)
    planned_s = [INF] * len(scene.unit_nation)  # each fire unit's next scheduled action
    free_s = [0.0 if raid.can_fire_again(j) else INF for j in range(len(scene.unit_nation))]
    serial = 0
    while events:
        now, kind, _, subject, sensor = heapq.heappop(events)
        if kind == ASSESS:
            raid.assess(subject, now)
        elif kind == DETECT:
            for unit, ready_s in raid.detected(subject, sensor, now):
                ready_s = max(ready_s, free_s[unit])
                if ready_s < planned_s[unit]:
                    planned_s[unit] = ready_s
                    heapq.heappush(events, (ready_s, ACT, unit, unit, 0))
        elif planned_s[subject] == now:  # else superseded by an earlier wake
            unit = subject
            pair, next_s = raid.choose(unit, now)
            if pair >= 0:
                serial += 1
                heapq.heappush(events, (raid.launch(unit, pair, now), ASSESS, serial, pair, 0))
                free_s[unit] = now + scene.reload_s[unit] if raid.can_fire_again(unit) else INF
                next_s = free_s[unit]
            planned_s[unit] = next_s
            if next_s < INF:
                heapq.heappush(events, (next_s, ACT, unit, unit, 0))


SCHEDULERS: dict[str, Callable[[Raid], None]] = {"simpy": simulate_simpy, "heapq": simulate_heapq}


def run_events(
    vignette: IamdVignette, replications: int, seed: int, scheduler: str = "simpy"
) -> dict[str, np.ndarray]:
    """Per-replication metrics of the event-driven model run by ``scheduler`` (simpy or heapq)."""
    scene = EventScene.of(vignette)
    rows = []
    for replication in range(replications):
        raid = Raid(scene, random.Random(seed * 1_000_003 + replication))
        SCHEDULERS[scheduler](raid)
        rows.append(raid.metrics())
    return {m: np.array([row[m] for row in rows]) for m in rows[0]}
