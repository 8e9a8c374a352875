"""A compiled search and rescue vignette for the engine: replications of the search, on common draws.

Each replication draws its truth: the object's drift case (`drift.py`) and each person's time of death
(log-normal around the survival median, `survival.py`). The plan with all search units and, for each
nation, the plan re-made without that nation's units (the counterfactual search) are run on the same
draws in the same replication (`kernel.find_times`). The object is found when a leg first detects it; it
is a success when someone with it is still alive then, and the people alive then are the lives saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from scipy.special import ndtri

from jointex.model.metrics import metric_names
from jointex.model.sar import SAR_METRICS
from jointex.rehearse.engine.stopping import StoppingRule
from jointex.rehearse.engine.streams import uniforms
from jointex.rehearse.vignettes.sar.kernel import find_times
from jointex.rehearse.vignettes.sar.plan import SearchPlan, plan_search
from jointex.rehearse.vignettes.sar.scene import SarScene

SURVIVAL_STREAM = 3


@dataclass(frozen=True)
class Outcome:
    """What the replications of a batch found, per plan (all units first, then without each nation)."""

    found_h: NDArray[np.float64]
    """[replication, plan]: hour of the search at which the object was found (inf: never)."""
    alive: NDArray[np.float64]
    """[replication, plan]: people alive when found (0: not found)."""


@dataclass
class SarVignette:
    """A compiled search in one allocation (a `jointex.rehearse.vignettes.plugin.CompiledVignette`)."""

    scene: SarScene
    allocation: str
    plans: tuple[SearchPlan, ...] = field(init=False)
    """The plan with every unit, then one without each nation's units, in the order of ``scene.nations``."""

    declared = SAR_METRICS
    stopping = StoppingRule(cap=5_000, half_width=0.015, minimum=500, batch_size=500)
    """Without --replications: a replication takes microseconds, so up to 5,000, stopping once the
    probability of success is known to +-0.015 (1.5 percentage points), after at least 500."""

    def __post_init__(self) -> None:
        everyone = plan_search(self.scene, self.allocation)
        without = tuple(
            plan_search(
                self.scene,
                self.allocation,
                tuple(i for i, unit in enumerate(self.scene.units) if unit.nation != nation),
            )
            for nation in self.scene.nations
        )
        self.plans = (everyone, *without)

    @property
    def plan(self) -> SearchPlan:
        return self.plans[0]

    @property
    def metrics(self) -> tuple[str, ...]:
        values = {"hour": tuple(str(h) for h in range(1, self.scene.hours + 1)), "nation": self.scene.nations}
        return metric_names(self.declared, values)

    @property
    def headline(self) -> tuple[str, ...]:
        return ("sar.pos",)

    @property
    def caveats(self) -> tuple[str, ...]:
        return self.scene.caveats

    def outcome(self, keys: NDArray[np.uint64]) -> Outcome:
        """Every plan's find hour and the people alive then, for the replications of ``keys``."""
        scene = self.scene
        p0, v = scene.drift.cases(keys)
        legs = np.vstack([plan.legs for plan in self.plans])
        draws = np.concatenate([plan.leg_draw for plan in self.plans])
        bounds = np.concatenate([[0], np.cumsum([len(plan.legs) for plan in self.plans])]).astype(np.int64)
        found = find_times(keys, p0, v, scene.drift.lkp_h, legs, draws, bounds, scene.definite)
        u = np.clip(uniforms(keys, SURVIVAL_STREAM, scene.people), 1e-16, 1 - 1e-16)
        death_h = scene.survival_median_h * np.exp(scene.survival_spread * ndtri(u)) - scene.drift.lkp_h
        alive = np.stack([(death_h > found[:, [p]]).sum(axis=1) for p in range(len(self.plans))], axis=1)
        return Outcome(found, alive.astype(np.float64))

    def run(self, keys: NDArray[np.uint64]) -> dict[str, NDArray[np.float64]]:
        outcome = self.outcome(keys)
        found, alive = outcome.found_h[:, 0], outcome.alive[:, 0]
        success = (alive > 0).astype(np.float64)
        columns: dict[str, NDArray[np.float64]] = {
            "sar.pos": success,
            "sar.found": np.isfinite(found).astype(np.float64),
            "sar.time_to_find_h": np.where(np.isfinite(found), found, np.nan),
            "sar.lives_saved": alive,
        }
        for hour in range(1, self.scene.hours + 1):
            columns[f"sar.pos_h{hour}"] = success * (found <= hour)
        effort = self.effort_by_nation()
        total = sum(effort.values())
        count = len(keys)
        for n, nation in enumerate(self.scene.nations):
            share = 100 * effort[nation] / total if total > 0 else 0.0
            columns[f"sar.effort_share_pct.{nation}"] = np.full(count, share)
            columns[f"sar.effort_nm2.{nation}"] = np.full(count, effort[nation])
            columns[f"sar.value_pos.{nation}"] = success - (outcome.alive[:, 1 + n] > 0)
        return columns

    def effort_by_nation(self, plan: SearchPlan | None = None) -> dict[str, float]:
        """Sweep width x track length each nation's units fly on scene in ``plan`` (default: all units'),
        NM²."""
        chosen = plan or self.plan
        effort = dict.fromkeys(self.scene.nations, 0.0)
        for unit, amount in zip(self.scene.units, chosen.effort_nm2, strict=True):
            effort[unit.nation] += float(amount)
        return effort
