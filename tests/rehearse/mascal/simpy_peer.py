"""The MASCAL chain as a SimPy model, the way a simulation engineer writes it in Python: a process per
casualty, per vehicle mission and per step of care, objects for casualties, facilities and vehicles, and
Python's own random numbers.

It is the baseline of benchmarks/bench_mascal.py and an independent check of the kernel in the tests. It
reads the compiled scene (`MascalScene`: places, travel times, who may carry whom, care-time laws), not
the kernel's event list, lines or random streams, so the two agree in distribution, not draw by draw.
The rules are the chain's (docs/mascal.md), step by step:

- Injury at a drawn time in a drawn category; the dead and the expectant stay at the scene. A T1
  casualty dies after a Weibull time unless its surgery has started; a T2 casualty not yet operated on
  becomes T1 after an exponential time (and its own Weibull clock starts).
- Every step of care (first aid at the point of injury, treatment at a facility, surgery) serves the most
  urgent first: category, then time in the category (a casualty who deteriorates counts from then).
  Surgery needs a free table and, where beds are counted, a free bed, held until the hold time after.
- Destinations: from a point of injury the Role 1 an eligible vehicle delivers to soonest (T3 casualties
  without one, the nearest facility); otherwise the surgical facility with the soonest estimated start
  (delivery, plus the surgical work waiting, operating or on its way, shared over its tables).
- Dispatch: whenever a casualty is ready to move or a vehicle comes back, the most urgent waiting
  casualty an idle vehicle may carry gets the vehicle that reaches it soonest, which takes up to its
  litters of casualties at that place going to the same facility.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

import numpy as np
import simpy

from jointex.rehearse.vignettes.mascal.arrays import EXPONENTIAL, FIXED, T1, T2, T3, CareTimes
from jointex.rehearse.vignettes.mascal.compile import MascalScene

DEAD, EXPECTANT = 4, 3


@dataclass(eq=False)
class Casualty:
    number: int
    incident: int
    injured: float
    category: int
    first_category: int
    group: int
    key: float = 0.0
    alive: bool = True
    operated: bool = False
    resuscitated: bool = False
    reached: bool = False
    done: bool = False
    waiting_at: Station | None = None
    place: int = -1
    destination: int = -1
    ready: float = math.inf
    first_aid: float = math.inf
    resuscitation: float = math.inf
    surgery: float = math.inf
    reached_destination: bool = True

    def urgency(self) -> tuple[int, float, int]:
        return (self.category, self.key, self.number)


@dataclass(eq=False)
class Station:
    """A step of care with its servers, and the casualties waiting for it."""

    servers: int
    waiting: list[Casualty] = field(default_factory=list)
    busy: int = 0


@dataclass(eq=False)
class Vehicle:
    asset: int
    load: list[Casualty] = field(default_factory=list)
    busy_since: float = 0.0


class Chain:
    """One replication of one variant of the scene."""

    def __init__(
        self, scene: MascalScene, rng: random.Random, extra_tables: np.ndarray, extra_vehicles: np.ndarray
    ) -> None:
        self.scene, self.arrays, self.rng = scene, scene.arrays, rng
        self.env = simpy.Environment()
        a = self.arrays
        self.incidents = len(scene.incidents)
        self.first_aid = [Station(int(n)) for n in a.incidents.responders]
        self.treatment = [Station(int(n)) for n in a.facilities.teams]
        self.surgery = [Station(int(n + e)) for n, e in zip(a.facilities.tables, extra_tables, strict=True)]
        self.beds = [int(b) for b in a.facilities.beds]
        self.assigned = [0] * len(scene.facilities)
        self.waiting_to_move: list[list[Casualty]] = [[] for _ in scene.places]
        counts = a.assets.vehicles + extra_vehicles
        self.idle: list[list[Vehicle]] = [[Vehicle(k) for _ in range(int(n))] for k, n in enumerate(counts)]
        self.vehicles = [v for fleet in self.idle for v in fleet]
        self.casualties: list[Casualty] = []
        self.deaths = 0

    # -- chance -------------------------------------------------------------------------------------
    def _duration(self, times: CareTimes, row: int, category: int) -> float:
        kind = times.kind[row, category]
        if kind == FIXED:
            return float(times.mean_min[row, category])
        if kind == EXPONENTIAL:
            return self.rng.expovariate(1 / times.mean_min[row, category])
        return self.rng.lognormvariate(times.mu[row, category], times.sigma[row, category])

    def _time_to_death(self) -> float:
        outcomes = self.arrays.outcomes
        return outcomes.t1_scale_min * self.rng.weibullvariate(1.0, outcomes.t1_shape)

    def populate(self) -> None:
        incidents = self.arrays.incidents
        number = 0
        for k in range(self.incidents):
            start, over = incidents.start_min[k], incidents.over_min[k]
            for _ in range(incidents.first[k + 1] - incidents.first[k]):
                u = self.rng.random()
                if over <= 0:
                    when = start
                elif incidents.front_loaded[k]:
                    mean = over / 3
                    when = start - mean * math.log1p(-u * (1 - math.exp(-over / mean)))
                else:
                    when = start + u * over
                category = int(np.searchsorted(incidents.triage_cdf[k], self.rng.random(), side="right"))
                group = int(np.searchsorted(incidents.group_cdf[k], self.rng.random(), side="right"))
                casualty = Casualty(
                    number,
                    k,
                    float(when),
                    min(category, 4),
                    min(category, 4),
                    min(group, len(incidents.group_cdf[k]) - 1),
                )
                self.casualties.append(casualty)
                self.env.process(self._life(casualty))
                number += 1

    # -- a casualty's life -------------------------------------------------------------------------------
    def _life(self, c: Casualty):  # type: ignore[no-untyped-def]
        yield self.env.timeout(c.injured)
        if c.category in (DEAD, EXPECTANT):
            c.alive = c.category != DEAD
            c.done = True
            return
        if c.category == T1:
            self.env.process(self._death_clock(c, self._time_to_death()))
        elif c.category == T2:
            self.env.process(self._deterioration(c))
        station = self.first_aid[c.incident]
        if station.servers > 0:
            self._join(station, c)
            self._serve_first_aid(c.incident)
        else:
            self._ready_to_move(c, c.incident)

    def _death_clock(self, c: Casualty, after: float):  # type: ignore[no-untyped-def]
        yield self.env.timeout(after)
        if c.alive and not c.operated and not c.done:
            c.alive = False
            self.deaths += 1
            if c.waiting_at is not None:
                c.waiting_at.waiting.remove(c)
                c.waiting_at = None
            if c.destination >= 0 and not c.reached_destination:
                self.assigned[c.destination] -= 1
            for line in self.waiting_to_move:
                if c in line:
                    line.remove(c)

    def _deterioration(self, c: Casualty):  # type: ignore[no-untyped-def]
        yield self.env.timeout(-self.arrays.outcomes.t2_mean_min * math.log1p(-self.rng.random()))
        if c.alive and not c.operated and not c.done and c.category == T2:
            c.category = T1
            c.key = self.env.now
            self.env.process(self._death_clock(c, self._time_to_death()))

    # -- care --------------------------------------------------------------------------------------------
    def _join(self, station: Station, c: Casualty) -> None:
        c.key = self.env.now
        c.waiting_at = station
        station.waiting.append(c)

    def _next(self, station: Station) -> Casualty:
        c = min(station.waiting, key=Casualty.urgency)
        station.waiting.remove(c)
        c.waiting_at = None
        return c

    def _serve_first_aid(self, k: int) -> None:
        station = self.first_aid[k]
        while station.busy < station.servers and station.waiting:
            c = self._next(station)
            c.first_aid = self.env.now
            station.busy += 1
            self.env.process(self._first_aid(c, k, self._duration(self.arrays.first_aid, 0, c.category)))

    def _first_aid(self, c: Casualty, k: int, took: float):  # type: ignore[no-untyped-def]
        yield self.env.timeout(took)
        self.first_aid[k].busy -= 1
        if c.alive:
            self._ready_to_move(c, k)
        self._serve_first_aid(k)

    def _serve_treatment(self, f: int) -> None:
        station = self.treatment[f]
        while station.busy < station.servers and station.waiting:
            c = self._next(station)
            if c.category != T3 and not c.resuscitated:
                c.resuscitation = self.env.now
            station.busy += 1
            self.env.process(self._treat(c, f, self._duration(self.arrays.treatment, f, c.category)))

    def _treat(self, c: Casualty, f: int, took: float):  # type: ignore[no-untyped-def]
        yield self.env.timeout(took)
        self.treatment[f].busy -= 1
        if c.alive:
            if c.category != T3:
                c.resuscitated = True
            self._after_treatment(c, f)
        self._serve_treatment(f)

    def _serve_surgery(self, f: int) -> None:
        station = self.surgery[f]
        while station.busy < station.servers and self.beds[f] != 0 and station.waiting:
            c = self._next(station)
            c.operated = True
            c.surgery = self.env.now
            station.busy += 1
            if self.beds[f] > 0:
                self.beds[f] -= 1
            self.env.process(self._operate(c, f, self._duration(self.arrays.surgery, f, c.category)))

    def _operate(self, c: Casualty, f: int, took: float):  # type: ignore[no-untyped-def]
        yield self.env.timeout(took)
        self.surgery[f].busy -= 1
        c.done = True
        if self.beds[f] >= 0:
            self.env.process(self._free_bed(f))
        self._serve_surgery(f)

    def _free_bed(self, f: int):  # type: ignore[no-untyped-def]
        yield self.env.timeout(self.arrays.facilities.hold_min[f])
        self.beds[f] += 1
        self._serve_surgery(f)

    def _after_treatment(self, c: Casualty, f: int) -> None:
        if c.category == T3:
            c.done = True
        elif self.surgery[f].servers > 0:
            self._join(self.surgery[f], c)
            self._serve_surgery(f)
        else:
            self._ready_to_move(c, self.incidents + f)

    def _arrive(self, c: Casualty, f: int) -> None:
        c.reached = True
        c.reached_destination = True
        self.assigned[f] -= 1
        if c.category == T3 or not c.resuscitated:
            if self.treatment[f].servers > 0:
                self._join(self.treatment[f], c)
                self._serve_treatment(f)
                return
            if c.category != T3:
                c.resuscitated = True
                c.resuscitation = self.env.now
        self._after_treatment(c, f)

    # -- evacuation --------------------------------------------------------------------------------------
    def _soonest(self, c: Casualty, place: int, surgery: bool) -> int:
        """The Role 1 (or, with ``surgery``, the facility that operates) where care would start soonest:
        delivery plus the work waiting, in hand or on its way, shared over its servers."""
        estimate = self.arrays.evacuation_estimate_min[c.group]
        facilities = self.arrays.facilities
        best, soonest = -1, math.inf
        for f in range(len(facilities.role)):
            if surgery:
                station, mean = self.surgery[f], facilities.mean_operation_min[f]
            elif facilities.role[f] == 1:
                station, mean = self.treatment[f], facilities.mean_treatment_min[f]
            else:
                continue
            if station.servers == 0 or not math.isfinite(estimate[place, f]):
                continue
            work = len(station.waiting) + station.busy + self.assigned[f]
            start = estimate[place, f] + work * mean / station.servers
            if start < soonest:
                best, soonest = f, start
        return best

    def _regulate(self, c: Casualty, place: int) -> int:
        if place < self.incidents:
            if c.category == T1 and self.arrays.incidents.t1_direct[place]:
                surgical = self._soonest(c, place, surgery=True)
                if surgical >= 0:
                    return surgical
            aid = self._soonest(c, place, surgery=False)
            if aid >= 0:
                return aid
            if c.category == T3:
                estimate = self.arrays.evacuation_estimate_min[c.group][place]
                finite = [f for f in range(len(estimate)) if math.isfinite(estimate[f])]
                return min(finite, key=lambda f: estimate[f], default=-1)
        return self._soonest(c, place, surgery=True)

    def _ready_to_move(self, c: Casualty, place: int) -> None:
        c.place, c.ready = place, self.env.now
        c.destination = self._regulate(c, place)
        c.reached_destination = False
        if c.destination < 0:
            return
        self.assigned[c.destination] += 1
        c.key = self.env.now
        self.waiting_to_move[place].append(c)
        self._dispatch()

    def _carrier(self, place: int, facility: int, group: int) -> int:
        assets = self.arrays.assets
        best, soonest = -1, math.inf
        for a, fleet in enumerate(self.idle):
            if fleet and assets.carries[a, place, facility, group]:
                arrival = assets.launch_min[a] + assets.travel_min[a, assets.base[a], place]
                if arrival < soonest:
                    best, soonest = a, arrival
        return best

    def _dispatch(self) -> None:
        assets = self.arrays.assets
        while any(self.idle):
            candidates = [
                (c, p)
                for p, line in enumerate(self.waiting_to_move)
                for c in line
                if self._carrier(p, c.destination, c.group) >= 0
            ]
            if not candidates:
                return
            first, place = min(candidates, key=lambda pair: pair[0].urgency())
            a = self._carrier(place, first.destination, first.group)
            vehicle = self.idle[a].pop()
            vehicle.busy_since = self.env.now
            line = self.waiting_to_move[place]
            others = sorted(
                (
                    c
                    for c in line
                    if c is not first
                    and c.destination == first.destination
                    and assets.carries[a, place, first.destination, c.group]
                ),
                key=Casualty.urgency,
            )
            vehicle.load = [first, *others[: assets.litters[a] - 1]]
            for c in vehicle.load:
                line.remove(c)
            self.env.process(self._mission(vehicle, place, first.destination))

    def _mission(self, vehicle: Vehicle, place: int, facility: int):  # type: ignore[no-untyped-def]
        assets = self.arrays.assets
        a = vehicle.asset
        yield self.env.timeout(assets.launch_min[a] + assets.travel_min[a, assets.base[a], place])
        aboard = [c for c in vehicle.load if c.alive]
        there = self.incidents + facility
        if aboard:
            yield self.env.timeout(assets.load_min[a] + assets.travel_min[a, place, there])
            for c in aboard:
                if c.alive:
                    self._arrive(c, facility)
            yield self.env.timeout(assets.turnaround_min[a] + assets.travel_min[a, there, assets.base[a]])
        else:
            yield self.env.timeout(assets.travel_min[a, place, assets.base[a]])
        self.idle[a].append(vehicle)
        self._dispatch()

    def run(self) -> dict[str, float]:
        self.populate()
        self.env.run(until=self.scene.horizon_min)
        t1 = [c for c in self.casualties if c.first_category == T1]
        operated = [c.surgery - c.injured for c in t1 if math.isfinite(c.surgery)]
        return {
            "mascal.surgery_within_2h_pct": 100 * sum(c.surgery - c.injured <= 120 for c in t1) / len(t1)
            if t1
            else math.nan,
            "mascal.resuscitation_within_1h_pct": 100
            * sum(c.resuscitation - c.injured <= 60 for c in t1)
            / len(t1)
            if t1
            else math.nan,
            "mascal.time_to_surgery_h": sum(operated) / len(operated) / 60 if operated else math.nan,
            "mascal.deaths": float(self.deaths),
        }


def run_peer(scene: MascalScene, replications: int, seed: int) -> dict[str, np.ndarray]:
    """The headline metrics of ``replications`` runs of the scene as planned, one value each."""
    rng = random.Random(seed)
    rows = []
    for _ in range(replications):
        chain = Chain(
            scene,
            rng,
            np.zeros(len(scene.facilities), dtype=np.int64),
            np.zeros(len(scene.assets), dtype=np.int64),
        )
        rows.append(chain.run())
    return {metric: np.array([row[metric] for row in rows]) for metric in rows[0]}
