"""A compiled MASCAL vignette: the kernel's outputs turned into one column per metric."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, NamedTuple

import numpy as np
from numpy.typing import NDArray

from jointex.model.mascal import MASCAL_METRICS
from jointex.rehearse.engine.stopping import StoppingRule
from jointex.rehearse.vignettes.mascal import arrays as ar
from jointex.rehearse.vignettes.mascal.compile import MascalScene
from jointex.rehearse.vignettes.mascal.kernel import run_batch

HEADLINE = "mascal.surgery_within_2h_pct"


class Outputs(NamedTuple):
    """The kernel's sums for a batch (`kernel.run_batch`): ``[replication, variant, ...]``."""

    summary: NDArray[np.float64]
    facility: NDArray[np.float64]
    point: NDArray[np.float64]
    asset: NDArray[np.float64]
    flow: NDArray[np.float64]


def ratio(
    numerator: NDArray[np.float64], denominator: NDArray[np.float64], scale: float = 1.0
) -> NDArray[np.float64]:
    """``scale * numerator / denominator``, NaN where the denominator is 0 (nothing to measure)."""
    out = np.full(np.broadcast(numerator, denominator).shape, np.nan)
    np.divide(numerator * scale, denominator, out=out, where=denominator > 0)
    return out


@dataclass(frozen=True)
class MascalVignette:
    """A compiled MASCAL vignette: a `CompiledVignette` for the engine's runner."""

    scene: MascalScene
    variants: ar.Variants
    what_ifs: tuple[tuple[str, str], ...]
    """Each variant after the first: (``surgical_team``, facility id) or (``vehicle``, asset id)."""
    caveats: tuple[str, ...] = ()

    stopping: ClassVar[StoppingRule] = StoppingRule(cap=1_000, half_width=1.0, minimum=100, batch_size=100)
    """Without --replications: up to 1,000, stopping once the share of T1 casualties in surgery within
    2 h is known to +-1 percentage point."""

    @property
    def headline(self) -> tuple[str, ...]:
        return (HEADLINE,)

    @property
    def pick_up_points(self) -> tuple[int, ...]:
        """The places (incidents, facilities) some asset picks up at."""
        carries = self.scene.arrays.assets.carries
        return tuple(p for p in range(carries.shape[1]) if carries[:, p].any())

    @property
    def metrics(self) -> tuple[str, ...]:
        scene = self.scene
        values = {
            "facility": tuple(p.id for p in scene.facilities),
            "point": tuple(scene.places[p].id for p in self.pick_up_points),
            "asset": tuple(a.id for a in scene.assets),
            "nation": scene.nations,
        }
        what_if = {
            kind: tuple(i for k, i in self.what_ifs if k == kind) for kind in ("surgical_team", "vehicle")
        }
        names: list[str] = []
        for spec in MASCAL_METRICS:
            for kind, ids in what_if.items():
                if f".{kind}." in spec.name:
                    names += spec.expand({spec.placeholders[0]: ids})
                    break
            else:
                names += spec.expand(values)
        return tuple(names)

    def simulate(self, keys: NDArray[np.uint64]) -> Outputs:
        """The kernel's sums for the replications keyed ``keys``, every variant."""
        return Outputs(*run_batch(keys, self.scene.arrays, self.variants))

    def run(self, keys: NDArray[np.uint64]) -> dict[str, NDArray[np.float64]]:
        return self.columns(self.simulate(keys))

    def columns(self, out: Outputs) -> dict[str, NDArray[np.float64]]:
        """One value per replication for each metric."""
        scene = self.scene
        horizon = scene.horizon_min
        base = out.summary[:, 0]
        columns = {
            HEADLINE: _surgery_within_2h(base),
            "mascal.resuscitation_within_1h_pct": ratio(
                base[:, ar.RESUSCITATION_1H], base[:, ar.T1_COUNT], 100
            ),
            "mascal.bleeding_control_within_10min_pct": ratio(
                base[:, ar.BLEEDING_10MIN], base[:, ar.BLEEDING_ELIGIBLE], 100
            ),
            "mascal.time_to_surgery_h": ratio(base[:, ar.TIME_TO_SURGERY], base[:, ar.OPERATED_T1], 1 / 60),
            "mascal.deaths": base[:, ar.DEATHS],
            "mascal.died_of_wounds_pct": ratio(base[:, ar.DIED_OF_WOUNDS], base[:, ar.REACHED_ALIVE], 100),
            "mascal.in_chain_at_end": base[:, ar.IN_CHAIN],
            "mascal.evacuation_wait_min": ratio(base[:, ar.EVACUATION_WAIT], base[:, ar.EVACUATION_LEGS]),
        }
        facility = out.facility[:, 0]
        for f, place in enumerate(scene.facilities):
            columns[f"mascal.mean_queue.{place.id}"] = facility[:, f, ar.QUEUE_AREA] / horizon
        for f, place in enumerate(scene.facilities):
            columns[f"mascal.max_queue.{place.id}"] = facility[:, f, ar.MAX_QUEUE]
        for f, place in enumerate(scene.facilities):
            columns[f"mascal.mean_wait_min.{place.id}"] = ratio(
                facility[:, f, ar.WAIT], facility[:, f, ar.JOINED]
            )
        for f, place in enumerate(scene.facilities):
            columns[f"mascal.utilisation_pct.{place.id}"] = 100 * facility[:, f, ar.BUSY_AREA] / horizon
        point = out.point[:, 0]
        for p in self.pick_up_points:
            columns[f"mascal.evacuation_wait_min.{scene.places[p].id}"] = ratio(
                point[:, p, 0], point[:, p, 1]
            )
        asset = out.asset[:, 0]
        for a, given in enumerate(scene.assets):
            columns[f"mascal.vehicle_utilisation_pct.{given.id}"] = ratio(
                asset[:, a, 0], asset[:, a, 2] * horizon, 100
            )
        for nation in scene.nations:
            mine = [f for f, p in enumerate(scene.facilities) if p.nation == nation]
            columns[f"mascal.admitted.{nation}"] = facility[:, mine, ar.ADMITTED].sum(axis=1)
        for nation in scene.nations:
            mine = [a for a, given in enumerate(scene.assets) if given.nation == nation]
            columns[f"mascal.evacuated.{nation}"] = asset[:, mine, 1].sum(axis=1)
        for metric, per_variant in (("gain_pp", _surgery_within_2h), ("deaths_averted", _deaths_averted)):
            for kind in ("surgical_team", "vehicle"):
                for v, (k, id_) in enumerate(self.what_ifs, start=1):
                    if k == kind:
                        columns[f"mascal.{metric}.{kind}.{id_}"] = per_variant(
                            out.summary[:, v]
                        ) - per_variant(base)
        return columns


def _surgery_within_2h(summary: NDArray[np.float64]) -> NDArray[np.float64]:
    return ratio(summary[:, ar.SURGERY_2H], summary[:, ar.T1_COUNT], 100)


def _deaths_averted(summary: NDArray[np.float64]) -> NDArray[np.float64]:
    return -summary[:, ar.DEATHS]
