"""The IAMD model written the way agent-based modelling users write it: one Python object per threat,
sensor and fire unit, a clock that ticks every ``tick_s`` seconds, and Python's own random numbers.

It is the baseline of benchmarks/bench_rehearse.py and an independent check of the kernel in the tests:
it shares only the compiled scene (positions in km, ranges, parameters), not the kernel's windows,
event loop or random streams, so the two agree in distribution, not draw by draw. Fire units act on the
tick (up to one tick late against the kernel's exact times), so the agreement is within tick tolerance.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

import numpy as np

from jointex.rehearse.vignettes.iamd import IamdVignette


class Threat:
    def __init__(self, index: int, vignette: IamdVignette) -> None:
        raid = vignette.scene.raid
        self.index = index
        self.threat_class = int(raid.threat_class[index])
        self.launch_s = float(raid.launch_s[index])
        self.impact_s = float(raid.impact_s[index])
        self.start = (float(raid.start_km[index, 0]), float(raid.start_km[index, 1]))
        self.heading = (float(raid.heading[index, 0]), float(raid.heading[index, 1]))
        self.speed_kmps = float(raid.speed_kmps[index])
        self.asset = int(raid.asset[index])
        self.killed_s = math.inf
        self.first_detected_s = math.inf
        self.first_fired_s = math.inf

    def position(self, time_s: float) -> tuple[float, float]:
        flown = self.speed_kmps * (min(max(time_s, self.launch_s), self.impact_s) - self.launch_s)
        return (self.start[0] + self.heading[0] * flown, self.start[1] + self.heading[1] * flown)

    def distance_to(self, point: tuple[float, float], time_s: float) -> float:
        x, y = self.position(time_s)
        return math.hypot(x - point[0], y - point[1])

    def in_flight(self, time_s: float) -> bool:
        return self.launch_s <= time_s <= self.impact_s and self.killed_s > time_s


class Sensor:
    def __init__(self, index: int, vignette: IamdVignette, rng: random.Random) -> None:
        scene = vignette.scene
        self.position = (float(scene.sensor_km[index, 0]), float(scene.sensor_km[index, 1]))
        self.reach_km = [float(r) for r in scene.sensor_reach_km[index]]
        self.period_s = float(vignette.arrays.sensors.scan_period_s[index])
        self.pd = float(vignette.arrays.sensors.detection_probability[index])
        self.nation = int(scene.sensor_nation[index])
        self.next_scan_s = rng.random() * self.period_s
        self.holds: set[int] = set()

    def scan(self, time_s: float, threats: list[Threat], world: World) -> None:
        for threat in threats:
            if threat.index in self.holds or not threat.in_flight(time_s):
                continue
            in_range = threat.distance_to(self.position, time_s) <= self.reach_km[threat.threat_class]
            if in_range and world.rng.random() < self.pd:
                self.holds.add(threat.index)
                threat.first_detected_s = min(threat.first_detected_s, time_s)
                world.report_track(self.nation, threat.index, time_s)


class Shooter:
    def __init__(self, index: int, vignette: IamdVignette, threats: list[Threat]) -> None:
        scene, units = vignette.scene, vignette.arrays.fire_units
        self.index = index
        self.position = (float(scene.shooter_km[index, 0]), float(scene.shooter_km[index, 1]))
        self.nation = int(units.nation[index])
        self.group = int(units.picture_group[index])
        self.near_km = scene.shooter_near_km[index]
        self.far_km = scene.shooter_far_km[index]
        self.salvo = int(units.salvo[index])
        self.kill = [1 - (1 - float(p)) ** self.salvo for p in scene.shooter_kill[index]]
        self.magazine = int(units.magazine[index])
        self.reaction_s = float(units.reaction_s[index])
        self.reload_s = float(units.reload_s[index])
        self.flight_s = float(units.time_of_flight_s[index])
        self.max_rounds = vignette.arrays.engagements.rounds
        self.free_s = 0.0
        self.shots = 0
        self.rounds: dict[tuple[int, int], int] = {}
        self.assessed_s: dict[tuple[int, int], float] = {}
        raid = scene.raid
        # A spatial filter any modeller would add: only threats whose path ever comes within reach.
        self.candidates = sorted(
            (
                t
                for t in threats
                if self.far_km[t.threat_class] > 0
                and self.kill[t.threat_class] > 0
                and _closest_approach(t, self.position) <= self.far_km[t.threat_class]
            ),
            key=lambda t: (-raid.priority[t.index], t.impact_s, t.index),
        )

    def act(self, time_s: float, world: World) -> None:
        while self.free_s <= time_s and self.magazine >= self.salvo:
            choice = next(
                (
                    (t, window)
                    for t in self.candidates
                    if (window := self._may_engage(t, time_s, world)) is not None
                ),
                None,
            )
            if choice is None:
                return
            self._fire(*choice, time_s, world)

    def _window(self, threat: Threat, launch_s: float) -> int | None:
        """The envelope window an intercept from a launch at ``launch_s`` falls in: 0 approaching, 1 after
        the threat has flown through the minimum range; None outside the envelope."""
        intercept_s = launch_s + self.flight_s
        if intercept_s > threat.impact_s:
            return None
        near, far = self.near_km[threat.threat_class], self.far_km[threat.threat_class]
        if not near <= threat.distance_to(self.position, intercept_s) <= far:
            return None
        return (
            1 if near > 0 and _closest_approach(threat, self.position, -math.inf, intercept_s) < near else 0
        )

    def _may_engage(self, threat: Threat, time_s: float, world: World) -> int | None:
        if threat.killed_s <= time_s:
            return None
        if world.track_s[self.nation].get(threat.index, math.inf) + self.reaction_s > time_s:
            return None
        window = self._window(threat, time_s)
        key = (threat.index, window or 0)
        if window is None or self.rounds.get(key, 0) >= self.max_rounds:
            return None
        if self.assessed_s.get(key, -math.inf) > time_s:
            return None  # look before shooting again
        busy_s = world.busy_s[self.group].get(threat.index, -math.inf)
        if busy_s > time_s and self._fitting(threat, window, busy_s) >= self._fitting(threat, window, time_s):
            return None  # wait for the engagement in flight: no round of ours is lost by waiting
        return window

    def _fitting(self, threat: Threat, window: int, from_s: float) -> int:
        """Rounds this unit can still fire at ``threat`` in ``window`` if it starts at ``from_s``."""
        left = min(self.max_rounds - self.rounds.get((threat.index, window), 0), self.magazine // self.salvo)
        close_s = self._window_close_s(threat, window)
        cycle_s = max(self.reload_s, self.flight_s)
        if from_s > close_s:
            return 0
        return left if cycle_s <= 0 else min(left, math.floor((close_s - from_s) / cycle_s) + 1)

    def _window_close_s(self, threat: Threat, window: int) -> float:
        """Last launch time whose intercept is still in ``window``: where the threat's path, flown from
        its launch point, enters the minimum range (approaching) or leaves the maximum range or arrives."""
        ox, oy = threat.start[0] - self.position[0], threat.start[1] - self.position[1]
        along = -(ox * threat.heading[0] + oy * threat.heading[1])
        miss_sq = ox * ox + oy * oy - along * along
        near, far = self.near_km[threat.threat_class], self.far_km[threat.threat_class]
        flown = min(
            along + math.sqrt(max(far * far - miss_sq, 0.0)),
            threat.speed_kmps * (threat.impact_s - threat.launch_s),
        )
        if window == 0 and near > 0 and miss_sq < near * near:
            flown = min(flown, along - math.sqrt(near * near - miss_sq))
        return threat.launch_s + flown / threat.speed_kmps - self.flight_s

    def _fire(self, threat: Threat, window: int, time_s: float, world: World) -> None:
        self.magazine -= self.salvo
        self.shots += self.salvo
        key = (threat.index, window)
        self.rounds[key] = self.rounds.get(key, 0) + 1
        self.free_s = time_s + self.reload_s
        resolved_s = time_s + self.flight_s
        self.assessed_s[key] = resolved_s
        if any(
            g != self.group and busy.get(threat.index, -math.inf) > time_s
            for g, busy in enumerate(world.busy_s)
        ):
            world.double_engagements += 1
        world.busy_s[self.group][threat.index] = max(
            world.busy_s[self.group].get(threat.index, -math.inf), resolved_s
        )
        threat.first_fired_s = min(threat.first_fired_s, time_s)
        if world.rng.random() < self.kill[threat.threat_class]:
            threat.killed_s = min(threat.killed_s, resolved_s)


def _closest_approach(
    threat: Threat, point: tuple[float, float], from_s: float = -math.inf, to_s: float = math.inf
) -> float:
    """Closest distance from ``point`` to the threat's path flown between the two times."""
    ox, oy = threat.start[0] - point[0], threat.start[1] - point[1]
    flown_from = threat.speed_kmps * (min(max(from_s, threat.launch_s), threat.impact_s) - threat.launch_s)
    flown_to = threat.speed_kmps * (min(max(to_s, threat.launch_s), threat.impact_s) - threat.launch_s)
    along = min(max(-(ox * threat.heading[0] + oy * threat.heading[1]), flown_from), flown_to)
    return math.hypot(ox + threat.heading[0] * along, oy + threat.heading[1] * along)


@dataclass
class World:
    vignette: IamdVignette
    rng: random.Random
    tick_s: float
    track_s: list[dict[int, float]] = field(default_factory=list)
    busy_s: list[dict[int, float]] = field(default_factory=list)
    double_engagements: int = 0
    entity_updates: int = 0

    def report_track(self, nation: int, threat: int, time_s: float) -> None:
        for other, latency in enumerate(self.vignette.scene.nation_latency_s[nation]):
            if math.isfinite(latency):
                self.track_s[other][threat] = min(self.track_s[other].get(threat, math.inf), time_s + latency)

    def run(self) -> dict[str, float]:
        scene = self.vignette.scene
        nations = len(scene.nation_latency_s)
        self.track_s = [{} for _ in range(nations)]
        self.busy_s = [{} for _ in range(int(scene.picture_group.max()) + 1)]
        threats = [Threat(i, self.vignette) for i in range(self.vignette.threats)]
        sensors = [Sensor(s, self.vignette, self.rng) for s in range(len(scene.sensor_km))]
        shooters = [Shooter(j, self.vignette, threats) for j in range(len(scene.shooter_km))]
        end_s = max(t.impact_s for t in threats)
        time_s = 0.0
        while time_s <= end_s + self.tick_s:
            for sensor in sensors:
                while sensor.next_scan_s <= time_s:
                    sensor.scan(sensor.next_scan_s, threats, self)
                    sensor.next_scan_s += sensor.period_s
            for shooter in shooters:
                shooter.act(time_s, self)
            self.entity_updates += len(threats) + len(sensors) + len(shooters)
            time_s += self.tick_s
        leakers = [t for t in threats if t.killed_s > t.impact_s]
        engaged = [t for t in threats if t.first_fired_s < math.inf]
        return {
            "iamd.leakers": float(len(leakers)),
            "iamd.leak_probability": len(leakers) / len(threats),
            "iamd.shots": float(sum(s.shots for s in shooters)),
            "iamd.double_engagements": float(self.double_engagements),
            "iamd.detect_to_engage_s": float(np.mean([t.first_fired_s - t.first_detected_s for t in engaged]))
            if engaged
            else math.nan,
            "iamd.never_detected": float(sum(1 for t in threats if t.first_detected_s == math.inf)),
        }


def run_objects(
    vignette: IamdVignette, replications: int, seed: int, tick_s: float = 1.0
) -> tuple[dict[str, np.ndarray], int]:
    """Per-replication metrics of the object model, and the entity updates it made."""
    rows = []
    updates = 0
    for replication in range(replications):
        world = World(vignette, random.Random(seed * 1_000_003 + replication), tick_s)
        rows.append(world.run())
        updates += world.entity_updates
    return {m: np.array([row[m] for row in rows]) for m in rows[0]}, updates
