"""The relief vignette for the engine: replications of the whole relief operation, day by day.

A replication plans day 1 from the starting state, lives through day 1's disruptions, plans day 2 from
what was reached (stock left, vehicles repaired or not, roads closed, sites' deprivation) and so on.
Replications run on worker processes (`jointex.rehearse.engine.parallel`: planning is Python and PyVRP,
which keep the interpreter, so threads would take turns); each depends only on its key, so results are
the same for any batch size or number of workers.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np
from numpy.typing import NDArray

from jointex.model import Exercise, Vignette
from jointex.model.metrics import HADR_METRICS, MetricSpec, metric_names
from jointex.rehearse.engine.parallel import map_replications
from jointex.rehearse.engine.stopping import StoppingRule
from jointex.rehearse.engine.streams import replication_keys
from jointex.rehearse.vignettes.hadr.execute import DayEvents, coverage, draw_events, execute_day, plan_seed
from jointex.rehearse.vignettes.hadr.plan import DayPlan, ReliefState, plan_day
from jointex.rehearse.vignettes.hadr.scene import HadrScene, compile_scene


@dataclass(frozen=True)
class Replication:
    """One relief operation lived through: daily coverage and who moved what."""

    coverage: NDArray[np.float64]
    """[day, site]."""
    first_delivery_h: NDArray[np.float64]
    """[site]: hours from the start of day 1's working day; ``inf`` when never."""
    delivered_kg: NDArray[np.float64]
    """[asset]."""
    tonne_km: NDArray[np.float64]
    sorties: NDArray[np.float64]
    km: NDArray[np.float64]
    plans: tuple[DayPlan, ...] = ()


def run_replication(
    scene: HadrScene, key: NDArray[np.uint64], *, disruptions: bool = True, keep_plans: bool = False
) -> Replication:
    """Plan and execute every day of one replication."""
    state = ReliefState.initial(scene)
    days, assets = scene.days, len(scene.assets)
    covered = np.zeros((days, scene.sites))
    first = np.full(scene.sites, np.inf)
    totals = np.zeros((4, assets))
    plans: list[DayPlan] = []
    for day in range(days):
        plan = plan_day(scene, state, plan_seed(key, day))
        if keep_plans:
            plans.append(plan)
        events = (
            draw_events(scene, key, day, state.vehicle_down_until.shape)
            if disruptions
            else DayEvents.none(scene, state)
        )
        outcome = execute_day(scene, state, plan, events)
        covered[day] = coverage(scene, outcome.delivered_units)
        first = np.minimum(first, day * 24 + outcome.first_delivery_s / 3600)
        totals += [outcome.delivered_kg, outcome.tonne_km, outcome.sorties, outcome.km]
    delivered, tonne_km, sorties, km = totals
    return Replication(covered, first, delivered, tonne_km, sorties, km, tuple(plans))


def gini(values: NDArray[np.float64]) -> float:
    """Gini coefficient of non-negative values: 0 when all are equal (including all zero), toward 1 when
    one site gets everything."""
    mean = float(values.mean()) if len(values) else 0.0
    if mean <= 0:
        return 0.0
    return float(np.abs(values[:, None] - values[None, :]).sum() / (2 * len(values) ** 2 * mean))


@dataclass
class HadrVignette:
    """A compiled relief vignette (a `jointex.rehearse.vignettes.plugin.CompiledVignette`)."""

    scene: HadrScene
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    """Replications run at once, each on its own worker process (1: here, in this process)."""

    declared: ClassVar[tuple[MetricSpec, ...]] = HADR_METRICS
    """The metrics a run produces, as declared in the registry of metrics (unit, domain, better)."""

    @property
    def metrics(self) -> tuple[str, ...]:
        scene = self.scene
        values = {
            "day": tuple(str(d) for d in range(1, scene.days + 1)),
            "site": scene.site_ids,
            "nation": scene.nations,
        }
        return metric_names(self.declared, values)

    @property
    def headline(self) -> tuple[str, ...]:
        return ("hadr.need_met_pct",)

    @property
    def stopping(self) -> StoppingRule:
        """Without --replications: a replication plans every day with PyVRP (about half a second), so up to
        100, stopping once the need met is known to +-1 percentage point, after at least 30; batches of one
        replication per worker, so progress moves with each."""
        return StoppingRule(cap=100, half_width=1.0, minimum=30, batch_size=max(1, self.workers))

    @property
    def caveats(self) -> tuple[str, ...]:
        """None: the relief model states its limits in docs/rehearsal.md, the same for every scene."""
        return ()

    def run(self, keys: NDArray[np.uint64]) -> dict[str, NDArray[np.float64]]:
        replications = map_replications(run_replication, self.scene, list(keys), max(1, self.workers))
        rows = [self.measure(r) for r in replications]
        return {metric: np.array([row[metric] for row in rows]) for metric in self.metrics}

    def measure(self, replication: Replication) -> dict[str, float]:
        """Every metric of one replication."""
        scene = self.scene
        need_kg = scene.need_units @ scene.kg_per_unit
        weight = need_kg / need_kg.sum() if need_kg.sum() > 0 else np.full(scene.sites, 1 / scene.sites)
        horizon_h = scene.days * 24.0
        waits = np.minimum(replication.first_delivery_h, horizon_h)  # never: censored at the horizon
        site_cover = replication.coverage.mean(axis=0)
        cost = replication.km * scene.assets.cost_per_km
        row: dict[str, float] = {
            "hadr.need_met_pct": _percent((replication.coverage @ weight).mean()),
            "hadr.deprivation_person_days": float(((1 - replication.coverage) @ scene.population).sum()),
            "hadr.max_time_to_first_delivery_h": float(waits.max()),
            "hadr.mean_time_to_first_delivery_h": float(waits.mean()),
            "hadr.sites_never_reached": float(np.isinf(replication.first_delivery_h).sum()),
            "hadr.gini_coverage": gini(site_cover),
            "hadr.delivered_t": float(replication.delivered_kg.sum() / 1000),
            "hadr.tonne_km": float(replication.tonne_km.sum()),
            "hadr.sorties": float(replication.sorties.sum()),
            "hadr.cost_usd": float(cost.sum()),
        }
        for day in range(scene.days):
            row[f"hadr.need_met_day{day + 1}_pct"] = _percent(replication.coverage[day] @ weight)
        for i, site in enumerate(scene.site_ids):
            row[f"hadr.need_met_pct.{site}"] = _percent(site_cover[i])
            row[f"hadr.time_to_first_delivery_h.{site}"] = float(waits[i])
        total_kg = replication.delivered_kg.sum()
        nations = np.array(scene.assets.nations)
        for nation in scene.nations:
            mine = nations == nation
            row[f"hadr.delivered_t.{nation}"] = float(replication.delivered_kg[mine].sum() / 1000)
            row[f"hadr.delivery_share_pct.{nation}"] = (
                float(100 * replication.delivered_kg[mine].sum() / total_kg) if total_kg > 0 else 0.0
            )
            row[f"hadr.tonne_km.{nation}"] = float(replication.tonne_km[mine].sum())
            row[f"hadr.sorties.{nation}"] = float(replication.sorties[mine].sum())
            row[f"hadr.cost_usd.{nation}"] = float(cost[mine].sum())
        return row

    def nominal_plans(self, seed: int) -> tuple[DayPlan, ...]:
        """The plans of a relief operation without disruptions: the plan to brief and export."""
        key = replication_keys(seed, 0, 1)[0]
        return run_replication(self.scene, key, disruptions=False, keep_plans=True).plans


def compile_hadr(exercise: Exercise, vignette: Vignette) -> HadrVignette:
    return HadrVignette(compile_scene(exercise, vignette))


def _percent(share: float) -> float:
    """A share of need met, in per cent: a full share summed over weights that add up to 1 within
    rounding can come out a hair above 100, which a percentage never is."""
    return float(min(max(100 * share, 0.0), 100.0))
