"""A plain object-per-entity model of a compiled search, the baseline of benchmarks/bench_sar.py.

The same scene and the same plans as the kernel (`SarVignette.plans`), written the way one would write
it without arrays: a `DriftingObject` with its own drawn drift, one `SearchUnitAgent` per search unit
flying its legs one by one, and an event list (a heap) that advances to each unit's next leg in time
order until the object is found. Each replication draws its own numbers from NumPy's generator of
``SeedSequence(seed, spawn_key=(i,))``, not the kernel's streams: the two agree in distribution, not
replication by replication.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field

import numpy as np

from jointex.rehearse.vignettes.sar.compile import SarVignette
from jointex.rehearse.vignettes.sar.drift import CM_S_PER_KNOT, MPS_PER_KNOT, DriftModel
from jointex.rehearse.vignettes.sar.plan import SearchPlan


@dataclass
class DriftingObject:
    """The search object: where it was at the last known position and how fast it drifts."""

    x0: float
    y0: float
    vx: float
    vy: float
    lkp_h: float

    @classmethod
    def draw(cls, drift: DriftModel, rng: np.random.Generator) -> DriftingObject:
        lw, wind, current = drift.leeway, drift.wind, drift.current
        x0, y0 = rng.normal(0.0, drift.position_error_nm, 2)
        wind_kn = max(wind.speed_kn + wind.speed_sd_kn * rng.normal(), 0.0)
        downwind_deg = wind.from_deg + wind.direction_sd_deg * rng.normal() + 180.0
        cx = current.drift_kn * math.sin(math.radians(current.set_deg)) + current.sd_kn * rng.normal()
        cy = current.drift_kn * math.cos(math.radians(current.set_deg)) + current.sd_kn * rng.normal()
        w10 = wind_kn * MPS_PER_KNOT
        downwind = lw.downwind_slope_pct * w10 + lw.downwind_offset_cms + lw.downwind_sd_cms * rng.normal()
        if rng.random() < 0.5:
            crosswind = lw.right_slope_pct * w10 + lw.right_offset_cms + lw.right_sd_cms * rng.normal()
        else:
            crosswind = lw.left_slope_pct * w10 + lw.left_offset_cms + lw.left_sd_cms * rng.normal()
        along = math.radians(downwind_deg)
        right = math.radians(downwind_deg + 90.0)
        vx = cx + (downwind * math.sin(along) + crosswind * math.sin(right)) / CM_S_PER_KNOT
        vy = cy + (downwind * math.cos(along) + crosswind * math.cos(right)) / CM_S_PER_KNOT
        return cls(float(x0), float(y0), vx, vy, drift.lkp_h)

    def position(self, hour: float) -> tuple[float, float]:
        since = hour + self.lkp_h
        return self.x0 + self.vx * since, self.y0 + self.vy * since


@dataclass
class SearchUnitAgent:
    """A search unit flying its legs in order: ``(x0, y0, x1, y1, t0, t1, sweep width)`` each."""

    name: int
    legs: list[tuple[float, ...]]
    next_leg: int = 0

    def fly_next(self, target: DriftingObject, definite: bool, rng: np.random.Generator) -> float | None:
        """Fly the next leg; the hour the object is seen on it, or None."""
        x0, y0, x1, y1, t0, t1, width = self.legs[self.next_leg]
        self.next_leg += 1
        duration = t1 - t0
        if duration <= 0 or width <= 0:
            return None
        ox, oy = target.position(t0)
        rx, ry = ox - x0, oy - y0
        wx, wy = target.vx - (x1 - x0) / duration, target.vy - (y1 - y0) / duration
        ww, rw, rr = wx * wx + wy * wy, rx * wx + ry * wy, rx * rx + ry * ry
        s = 0.0 if ww == 0 else min(max(-rw / ww, 0.0), duration)
        d2 = (rx + wx * s) ** 2 + (ry + wy * s) ** 2
        half = width / 2
        if definite:
            if d2 > half * half:
                return None
            if rr <= half * half:
                return t0
            first = (-rw - math.sqrt(max(rw * rw - ww * (rr - half * half), 0.0))) / ww
            return t0 + min(max(first, 0.0), s)
        chance = 1.0 if d2 == 0 else 1.0 - math.exp(-(half * half) / (math.pi * d2))
        return t0 + s if rng.random() < chance else None


@dataclass(order=True)
class _Event:
    hour: float
    agent: SearchUnitAgent = field(compare=False)


def legs_by_unit(plan: SearchPlan) -> dict[int, list[tuple[float, ...]]]:
    """Each search unit's legs of ``plan``, in the order it flies them."""
    legs: dict[int, list[tuple[float, ...]]] = {}
    for unit, leg in zip(plan.leg_unit.tolist(), plan.legs.tolist(), strict=True):
        legs.setdefault(unit, []).append(tuple(leg))
    return legs


def _search(
    legs: dict[int, list[tuple[float, ...]]], target: DriftingObject, definite: bool, rng: np.random.Generator
) -> float:
    """The hour the units flying ``legs`` first find ``target`` (inf: never), leg by leg in time order."""
    events = [_Event(unit_legs[0][4], SearchUnitAgent(unit, unit_legs)) for unit, unit_legs in legs.items()]
    heapq.heapify(events)
    found = math.inf
    while events and events[0].hour < found:
        event = heapq.heappop(events)
        agent = event.agent
        seen = agent.fly_next(target, definite, rng)
        if seen is not None:
            found = min(found, seen)
        if agent.next_leg < len(agent.legs):
            heapq.heappush(events, _Event(agent.legs[agent.next_leg][4], agent))
    return found


def run_objects(vignette: SarVignette, replications: int, seed: int) -> dict[str, np.ndarray]:
    """``sar.pos``, ``sar.found``, ``sar.time_to_find_h``, ``sar.lives_saved`` and ``sar.value_pos.<n>``
    per replication, from the object model."""
    scene = vignette.scene
    columns: dict[str, list[float]] = {
        "sar.pos": [], "sar.found": [], "sar.time_to_find_h": [], "sar.lives_saved": [],
        **{f"sar.value_pos.{n}": [] for n in scene.nations},
    }  # fmt: skip
    plans = [legs_by_unit(plan) for plan in vignette.plans]
    for i in range(replications):
        rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(i,)))
        target = DriftingObject.draw(scene.drift, rng)
        deaths = [
            scene.survival_median_h * math.exp(scene.survival_spread * rng.normal()) - scene.drift.lkp_h
            for _ in range(scene.people)
        ]
        alive = []
        for p, legs in enumerate(plans):
            found = _search(legs, target, scene.definite, rng)
            alive.append(sum(1 for death in deaths if death > found) if math.isfinite(found) else 0)
            if p == 0:
                columns["sar.found"].append(float(math.isfinite(found)))
                columns["sar.time_to_find_h"].append(found if math.isfinite(found) else math.nan)
        columns["sar.pos"].append(float(alive[0] > 0))
        columns["sar.lives_saved"].append(float(alive[0]))
        for n, nation in enumerate(scene.nations):
            columns[f"sar.value_pos.{nation}"].append(float(alive[0] > 0) - float(alive[1 + n] > 0))
    return {metric: np.array(values) for metric, values in columns.items()}
