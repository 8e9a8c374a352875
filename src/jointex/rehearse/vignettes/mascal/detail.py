"""What a MASCAL rehearsal tells beyond its estimates: each facility's queue, waiting and utilisation,
the evacuation legs and assets, each nation's load, the bottleneck and what one more surgical team or
vehicle would change, as data for ``--json`` and as tables for the terminal and the HTML report.

The facilities', assets', nations' and what-ifs' figures are the run's estimates. The legs (casualties
moved from each pick-up place to each facility) and the bottleneck (where casualties spent the most time
waiting) come from the kernel's sums over the run's first replications, run again as planned on the same
keys (`SAMPLE` at most): the same replications, so the same casualties.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from jointex.model.metrics import COUNT
from jointex.model.metrics.display import MISSING, format_estimate_brief, format_number
from jointex.rehearse.engine import Estimate, replication_keys
from jointex.rehearse.vignettes.mascal import arrays as ar
from jointex.rehearse.vignettes.mascal.compile import MascalScene, variants
from jointex.rehearse.vignettes.mascal.compiled import MascalVignette
from jointex.rehearse.vignettes.plugin import DetailTable

SAMPLE = 200
"""Replications run again for the legs and the bottleneck."""
ROLE_NAMES = {1: "Role 1", 2: "Role 2", 3: "Role 3"}


def _cell(e: Estimate, signed: bool = False) -> str:
    return MISSING if e.n == 0 else format_estimate_brief(e.mean, e.ci_low, e.ci_high, signed=signed)


def _estimate_dict(e: Estimate) -> dict[str, float | int | None]:
    def clean(value: float) -> float | None:
        return None if not np.isfinite(value) else float(value)

    return {"mean": clean(e.mean), "ci_low": clean(e.ci_low), "ci_high": clean(e.ci_high), "n": e.n}


@dataclass(frozen=True)
class FacilityLoad:
    id: str
    name: str
    nation: str
    role: int
    admitted: Estimate
    """Casualties admitted per replication, over the sample."""
    mean_queue: Estimate
    max_queue: Estimate
    mean_wait_min: Estimate
    utilisation_pct: Estimate
    evacuation_wait_min: Estimate | None
    """The wait to move on from here, where vehicles pick up."""


@dataclass(frozen=True)
class AssetLoad:
    id: str
    name: str
    nation: str
    type: str
    vehicles: int
    carried: float
    """Casualties carried per replication (mean over the sample)."""
    utilisation_pct: Estimate


@dataclass(frozen=True)
class Leg:
    """Casualties moved from a pick-up place to a facility, per replication (mean over the sample)."""

    origin: str
    destination: str
    casualties: float


@dataclass(frozen=True)
class WhatIf:
    kind: str
    """``surgical_team`` or ``vehicle``."""
    id: str
    name: str
    gain_pp: Estimate
    deaths_averted: Estimate

    @property
    def option(self) -> str:
        if self.kind == "surgical_team":
            return f"one more surgical team at {self.name}"
        return f"one more vehicle of {self.name}"


@dataclass(frozen=True)
class Bottleneck:
    """Where casualties spent the most time waiting: for care at a facility, or to be evacuated."""

    place: str
    name: str
    stage: str
    """``care`` (treatment or surgery there) or ``evacuation`` (a vehicle to move on)."""
    casualty_hours: float
    """Casualty-hours spent waiting there per replication (mean over the sample)."""

    def sentence(self) -> str:
        where = (
            f"waiting for care at {self.name}"
            if self.stage == "care"
            else f"waiting at {self.name} for evacuation"
        )
        return (
            f"Bottleneck: {where}, {format_number(self.casualty_hours)} casualty-hours per replication, "
            "the most of any facility or pick-up place."
        )


@dataclass(frozen=True)
class MascalDetail:
    """The detail of a MASCAL rehearsal (a `jointex.rehearse.vignettes.plugin.VignetteDetail`)."""

    incidents: tuple[tuple[str, str, Estimate | None], ...]
    """(id, name, wait for evacuation there) of each point of injury."""
    facilities: tuple[FacilityLoad, ...]
    assets: tuple[AssetLoad, ...]
    legs: tuple[Leg, ...]
    nations: tuple[tuple[str, Estimate, Estimate], ...]
    """(nation, casualties admitted by its facilities, casualties its vehicles carried)."""
    what_ifs: tuple[WhatIf, ...]
    bottleneck: Bottleneck | None
    sample: int

    def best_what_if(self) -> WhatIf | None:
        """The option that raises T1 surgery within 2 h the most, when its interval is above 0."""
        gains = [w for w in self.what_ifs if w.gain_pp.n and w.gain_pp.ci_low > 0]
        return max(gains, key=lambda w: w.gain_pp.mean, default=None)

    def to_dict(self) -> dict[str, Any]:
        best = self.best_what_if()
        return {
            "incidents": [
                {"id": i, "name": n, "evacuation_wait_min": None if w is None else _estimate_dict(w)}
                for i, n, w in self.incidents
            ],
            "facilities": [
                {
                    "id": f.id,
                    "name": f.name,
                    "nation": f.nation,
                    "role": f.role,
                    "admitted": _estimate_dict(f.admitted),
                    "mean_queue": _estimate_dict(f.mean_queue),
                    "max_queue": _estimate_dict(f.max_queue),
                    "mean_wait_min": _estimate_dict(f.mean_wait_min),
                    "utilisation_pct": _estimate_dict(f.utilisation_pct),
                    "evacuation_wait_min": None
                    if f.evacuation_wait_min is None
                    else _estimate_dict(f.evacuation_wait_min),
                }
                for f in self.facilities
            ],
            "evacuation": [
                {
                    "id": a.id,
                    "name": a.name,
                    "nation": a.nation,
                    "type": a.type,
                    "vehicles": a.vehicles,
                    "casualties_carried": a.carried,
                    "utilisation_pct": _estimate_dict(a.utilisation_pct),
                }
                for a in self.assets
            ],
            "legs": [
                {"from": leg.origin, "to": leg.destination, "casualties": leg.casualties} for leg in self.legs
            ],
            "nations": [
                {"nation": n, "admitted": _estimate_dict(a), "evacuated": _estimate_dict(e)}
                for n, a, e in self.nations
            ],
            "what_ifs": [
                {
                    "kind": w.kind,
                    "id": w.id,
                    "surgery_within_2h_gain_pp": _estimate_dict(w.gain_pp),
                    "deaths_averted": _estimate_dict(w.deaths_averted),
                }
                for w in self.what_ifs
            ],
            "best_what_if": None if best is None else {"kind": best.kind, "id": best.id},
            "bottleneck": None
            if self.bottleneck is None
            else {
                "place": self.bottleneck.place,
                "stage": self.bottleneck.stage,
                "casualty_hours": self.bottleneck.casualty_hours,
            },
            "sampled_replications": self.sample,
        }

    def tables(self) -> tuple[DetailTable, ...]:
        facilities = DetailTable(
            "Facilities: queues, waiting and utilisation",
            (
                "facility",
                "nation",
                "role",
                "admitted",
                "queue (mean)",
                "longest queue",
                "wait (min)",
                "busy (%)",
            ),
            tuple(
                (
                    f.name,
                    f.nation,
                    ROLE_NAMES[f.role],
                    _cell(f.admitted),
                    _cell(f.mean_queue),
                    _cell(f.max_queue),
                    _cell(f.mean_wait_min),
                    _cell(f.utilisation_pct),
                )
                for f in self.facilities
            ),
            left_columns=3,
            note="Queue and wait: casualties waiting for treatment or surgery there; busy: the share of the "
            "window its surgical tables (a Role 1's treatment teams) are in use. "
            + (self.bottleneck.sentence() if self.bottleneck else "No casualty waited anywhere."),
        )
        evacuation = DetailTable(
            "Evacuation",
            ("asset", "nation", "type", "vehicles", "casualties carried", "busy (%)"),
            tuple(
                (
                    a.name,
                    a.nation,
                    a.type,
                    str(a.vehicles),
                    format_number(a.carried),
                    _cell(a.utilisation_pct),
                )
                for a in self.assets
            ),
            left_columns=3,
            note=f"Casualties carried: mean per replication over the first {self.sample} replications; busy: "
            "the share of the window its vehicles are on missions.",
        )
        names = {i: n for i, n, _ in self.incidents} | {f.id: f.name for f in self.facilities}
        legs = DetailTable(
            "Evacuation legs",
            ("from", "to", "casualties"),
            tuple(
                (names[leg.origin], names[leg.destination], format_number(leg.casualties))
                for leg in self.legs
            ),
            left_columns=2,
            note=f"Casualties moved per replication, over the first {self.sample} replications.",
        )
        waits = DetailTable(
            "Waits for evacuation",
            ("place", "wait (min)"),
            tuple(
                (name, _cell(wait))
                for name, wait in (
                    *((n, w) for _, n, w in self.incidents),
                    *((f.name, f.evacuation_wait_min) for f in self.facilities),
                )
                if wait is not None
            ),
            note="Every casualty's wait there, from ready to move until picked up (or dead, or the end).",
        )
        nations = DetailTable(
            "Load by nation",
            ("nation", "admitted by its facilities", "carried by its vehicles"),
            tuple((n, _cell(a), _cell(e)) for n, a, e in self.nations),
        )
        what_ifs = DetailTable(
            "What one more would change",
            ("option", "T1 in surgery within 2 h (points)", "deaths averted"),
            tuple((w.option, _cell(w.gain_pp, True), _cell(w.deaths_averted, True)) for w in self.what_ifs),
            note="Each option run on the same replications as the plan (common random numbers); the "
            "difference to the plan with its 95% interval."
            + (f" Most useful: {best.option}." if (best := self.best_what_if()) else ""),
        )
        return (facilities, evacuation, legs, waits, nations, what_ifs)


def build_detail(
    compiled: MascalVignette, summary: Mapping[str, Estimate], replications: int, seed: int
) -> MascalDetail:
    """The detail of a run of ``compiled`` (its estimates ``summary``), the legs and bottleneck from its
    first replications run again as planned."""
    scene = compiled.scene
    sample = max(1, min(replications, SAMPLE))
    plan = MascalVignette(scene, variants(scene, what_ifs=False)[0], ())
    out = plan.simulate(replication_keys(seed, 0, sample))
    places = scene.places
    evacuation = {
        places[p].id: summary.get(f"mascal.evacuation_wait_min.{places[p].id}") for p in range(len(places))
    }
    facilities = tuple(
        FacilityLoad(
            p.id,
            p.name,
            p.nation,
            int(scene.arrays.facilities.role[f]),
            Estimate.of(out.facility[:, 0, f, ar.ADMITTED], COUNT),
            summary[f"mascal.mean_queue.{p.id}"],
            summary[f"mascal.max_queue.{p.id}"],
            summary[f"mascal.mean_wait_min.{p.id}"],
            summary[f"mascal.utilisation_pct.{p.id}"],
            evacuation[p.id],
        )
        for f, p in enumerate(scene.facilities)
    )
    assets = tuple(
        AssetLoad(
            a.id,
            a.name,
            a.nation,
            a.type.value,
            a.vehicles,
            float(out.asset[:, 0, k, 1].mean()),
            summary[f"mascal.vehicle_utilisation_pct.{a.id}"],
        )
        for k, a in enumerate(scene.assets)
    )
    flow = out.flow[:, 0].mean(axis=0)
    legs = tuple(
        Leg(places[p].id, scene.facilities[f].id, float(flow[p, f]))
        for p in range(flow.shape[0])
        for f in range(flow.shape[1])
        if flow[p, f] > 0
    )
    what_ifs = tuple(
        WhatIf(
            kind,
            id_,
            _name(scene, kind, id_),
            summary[f"mascal.gain_pp.{kind}.{id_}"],
            summary[f"mascal.deaths_averted.{kind}.{id_}"],
        )
        for kind, id_ in compiled.what_ifs
    )
    return MascalDetail(
        incidents=tuple((i.id, i.name, evacuation[i.id]) for i in scene.incidents),
        facilities=facilities,
        assets=assets,
        legs=legs,
        nations=tuple(
            (n, summary[f"mascal.admitted.{n}"], summary[f"mascal.evacuated.{n}"]) for n in scene.nations
        ),
        what_ifs=what_ifs,
        bottleneck=_bottleneck(scene, out.facility[:, 0], out.point[:, 0]),
        sample=sample,
    )


def _name(scene: MascalScene, kind: str, id_: str) -> str:
    found = scene.facilities if kind == "surgical_team" else scene.assets
    return next(x.name for x in found if x.id == id_)


def _bottleneck(scene: MascalScene, facility: Any, point: Any) -> Bottleneck | None:
    """The facility or pick-up place with the most casualty-minutes of waiting, per replication."""
    candidates: list[tuple[float, str, str, str]] = [
        (float(facility[:, f, ar.QUEUE_AREA].mean()), p.id, p.name, "care")
        for f, p in enumerate(scene.facilities)
    ]
    candidates += [
        (float(point[:, p, 0].mean()), place.id, place.name, "evacuation")
        for p, place in enumerate(scene.places)
    ]
    minutes, place, name, stage = max(candidates)
    return None if minutes <= 0 else Bottleneck(place, name, stage, minutes / 60)
