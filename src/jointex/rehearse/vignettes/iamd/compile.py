"""Compile an IAMD vignette of an exercise into the kernel's arrays, once, for any number of runs."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

import numpy as np
from numpy.typing import NDArray

from jointex.errors import InputError
from jointex.model import Exercise, GeoPoint, Unit, Vignette
from jointex.model.iamd import IamdParameters, ThreatClass
from jointex.model.metrics import IAMD_METRICS, MetricSpec, metric_names
from jointex.rehearse.engine.stopping import StoppingRule
from jointex.rehearse.vignettes.iamd.geometry import project_km, radar_horizon_km, range_windows
from jointex.rehearse.vignettes.iamd.guarantees import caveats
from jointex.rehearse.vignettes.iamd.kernel import run_batch
from jointex.rehearse.vignettes.iamd.records import (
    DetectionWindows,
    EngagementWindows,
    FireUnits,
    KernelScene,
    Sensors,
    Threats,
)

THREAT_CLASSES = tuple(ThreatClass)


class Mode(StrEnum):
    """Integrated: tracks and engagement status flow over shared data links. National: stovepipes."""

    INTEGRATED = "integrated"
    NATIONAL = "national"


@dataclass(frozen=True)
class Raid:
    """The threats, one row each."""

    threat_class: NDArray[np.intp]
    launch_s: NDArray[np.float64]
    impact_s: NDArray[np.float64]
    start_km: NDArray[np.float64]
    heading: NDArray[np.float64]
    length_km: NDArray[np.float64]
    speed_kmps: NDArray[np.float64]
    asset: NDArray[np.intp]
    priority: NDArray[np.float64]
    cost: NDArray[np.float64]


@dataclass(frozen=True)
class Scene:
    """The compiled scene in plain terms (km on the local plane, seconds, per threat class), for
    reference implementations and plots: what the kernel's windows are computed from."""

    raid: Raid
    sensor_km: NDArray[np.float64]
    sensor_reach_km: NDArray[np.float64]
    shooter_km: NDArray[np.float64]
    shooter_near_km: NDArray[np.float64]
    shooter_far_km: NDArray[np.float64]
    shooter_kill: NDArray[np.float64]
    sensor_nation: NDArray[np.intp]
    nation_latency_s: NDArray[np.float64]
    picture_group: NDArray[np.intp]


@dataclass(frozen=True)
class IamdVignette:
    """A compiled IAMD vignette in one C2 mode: a `CompiledVignette` for the engine's runner."""

    mode: Mode
    assets: tuple[str, ...]
    nations: tuple[str, ...]
    shooter_units: tuple[str, ...]
    threat_cost_total: float
    threats: int
    shooter_cost_per_shot: NDArray[np.float64]
    arrays: KernelScene
    """What the kernel reads: sensors, threats, fire units and their detection and engagement windows."""
    scene: Scene
    caveats: tuple[str, ...] = ()
    """Where the model's guarantees may not hold for this scene (`guarantees.py`), for the output."""

    declared: ClassVar[tuple[MetricSpec, ...]] = IAMD_METRICS
    """The metrics a run produces, as declared in the registry of metrics (unit, domain, better)."""
    stopping: ClassVar[StoppingRule] = StoppingRule(cap=1000, half_width=0.005, minimum=100, batch_size=256)
    """Without --replications: replications take microseconds, so up to 1,000, stopping once the leak
    probability is known to +-0.005 (half a percentage point)."""

    @property
    def metrics(self) -> tuple[str, ...]:
        return metric_names(self.declared, {"asset": self.assets, "nation": self.nations})

    @property
    def headline(self) -> tuple[str, ...]:
        return ("iamd.leak_probability",)

    def run(self, keys: NDArray[np.uint64]) -> dict[str, NDArray[np.float64]]:
        arrays = self.arrays
        leakers, shots, out = run_batch(
            keys, arrays.sensors, arrays.threats, arrays.fire_units, arrays.detections, arrays.engagements
        )
        total_leakers = leakers.sum(axis=1)
        cost = shots @ self.shooter_cost_per_shot
        nation = arrays.fire_units.nation
        return {
            "iamd.leakers": total_leakers,
            "iamd.leak_probability": total_leakers / self.threats,
            **{f"iamd.leakers.{a}": leakers[:, k] for k, a in enumerate(self.assets)},
            "iamd.shots": shots.sum(axis=1),
            **{f"iamd.shots.{n}": shots[:, nation == k].sum(axis=1) for k, n in enumerate(self.nations)},
            "iamd.interceptor_cost_millions": cost / 1e6,
            "iamd.cost_exchange_ratio": cost / self.threat_cost_total
            if self.threat_cost_total > 0
            else np.full(len(keys), np.nan),
            "iamd.double_engagements": out[:, 0],
            "iamd.detect_to_engage_s": out[:, 1],
            "iamd.never_detected": out[:, 2],
        }


def _position(
    unit: Unit, given: GeoPoint | None, field: tuple[str | int, ...], vignette: Vignette
) -> GeoPoint:
    if given is not None:
        return given
    if unit.exercise_location is None:
        raise InputError.single(
            f"unit {unit.id} has no exercise_location; give a position for it in {vignette.id}",
            field=field,
            expected="a position",
        )
    return unit.exercise_location.position


def compile_iamd(
    exercise: Exercise,
    vignette: Vignette,
    link_latency_s: NDArray[np.float64],
    link_nations: tuple[str, ...],
    mode: Mode,
) -> IamdVignette:
    """Compile ``vignette`` for ``mode``.

    ``link_latency_s[a, b]`` is the delay of a track from nation a's units to nation b's over the best data
    link the interoperability analysis finds between the two among the vignette's units (``inf`` where
    none); ``link_nations`` names its rows.
    """
    parameters = vignette.parameters_as(IamdParameters)
    units = {u.id: u for u in exercise.units}
    base: tuple[str | int, ...] = ("vignettes", exercise.vignettes.index(vignette), "parameters")

    assets = parameters.defended_assets
    asset_index = {a.id: k for k, a in enumerate(assets)}
    sensor_points = [
        _position(units[s.unit], s.position, (*base, "sensors", k, "position"), vignette)
        for k, s in enumerate(parameters.sensors)
    ]
    shooter_points = [
        _position(units[s.unit], s.position, (*base, "shooters", k, "position"), vignette)
        for k, s in enumerate(parameters.shooters)
    ]
    launch_points = [r.launch_point for r in parameters.raids]
    xy = project_km([a.position for a in assets] + sensor_points + shooter_points + launch_points)
    asset_km = xy[: len(assets)]
    sensor_km = xy[len(assets) : len(assets) + len(sensor_points)]
    shooter_km = xy[len(assets) + len(sensor_points) : len(assets) + len(sensor_points) + len(shooter_points)]
    launch_km = xy[len(xy) - len(launch_points) :]

    raid = _raid(parameters, asset_index, asset_km, launch_km, vignette, base)

    nations = tuple(sorted({units[unit].nation for _, unit in parameters.unit_references()}))
    nation_index = {n: k for k, n in enumerate(nations)}
    sensor_nation = np.array([nation_index[units[s.unit].nation] for s in parameters.sensors], dtype=np.intp)
    shooter_nation = np.array(
        [nation_index[units[s.unit].nation] for s in parameters.shooters], dtype=np.intp
    )
    between = _nation_latency(nations, link_latency_s, link_nations, mode)
    latency_s = between[sensor_nation]
    groups = _picture_groups(between)

    reach = _sensor_reach_km(parameters)
    rounds = 1 if parameters.doctrine == "shoot-shoot" else parameters.engagement_rounds
    first_window, engagements = _engagement_windows(parameters, raid, shooter_km, rounds)
    shooters = parameters.shooters
    scene = Scene(
        raid,
        sensor_km,
        reach,
        shooter_km,
        *_envelopes(parameters),
        sensor_nation,
        between,
        groups,
    )
    arrays = KernelScene(
        Sensors(
            scan_period_s=np.array([s.scan_period_s for s in parameters.sensors], dtype=np.float64),
            detection_probability=np.array(
                [s.detection_probability for s in parameters.sensors], dtype=np.float64
            ),
            latency_s=latency_s,
        ),
        Threats(impact_s=raid.impact_s, asset=raid.asset.astype(np.int64), assets=len(assets)),
        FireUnits(
            nation=shooter_nation.astype(np.int64),
            picture_group=groups[shooter_nation].astype(np.int64),
            reaction_s=np.array([s.reaction_s for s in shooters], dtype=np.float64),
            reload_s=np.array([s.reload_s for s in shooters], dtype=np.float64),
            time_of_flight_s=np.array([s.time_of_flight_s for s in shooters], dtype=np.float64),
            magazine=np.array([s.magazine for s in shooters], dtype=np.int64),
            salvo=np.array([s.salvo for s in shooters], dtype=np.int64),
            first_window=first_window,
            picture_groups=int(groups.max()) + 1,
        ),
        _detection_windows(reach, raid, sensor_km),
        engagements,
    )
    return IamdVignette(
        mode=mode,
        assets=tuple(a.id for a in assets),
        nations=nations,
        shooter_units=tuple(s.unit for s in shooters),
        threat_cost_total=float(raid.cost.sum()),
        threats=len(raid.impact_s),
        shooter_cost_per_shot=np.array([s.cost_per_shot for s in shooters], dtype=np.float64),
        arrays=arrays,
        scene=scene,
        caveats=caveats(arrays.fire_units, arrays.engagements, tuple(s.unit for s in shooters)),
    )


def _raid(
    parameters: IamdParameters,
    asset_index: dict[str, int],
    asset_km: NDArray[np.float64],
    launch_km: NDArray[np.float64],
    vignette: Vignette,
    base: tuple[str | int, ...],
) -> Raid:
    rows: list[tuple[int, float, int, int, float, float]] = []
    for r, raid in enumerate(parameters.raids):
        kind = parameters.threat_type(raid.threat)
        target = asset_index[raid.target]
        priority = raid.priority or kind.priority * parameters.defended_assets[target].value
        for n in range(raid.count):
            rows.append(
                (
                    THREAT_CLASSES.index(raid.threat),
                    raid.launch_after_s + n * raid.interval_s,
                    r,
                    target,
                    priority,
                    kind.cost,
                )
            )
    threat_class = np.array([row[0] for row in rows], dtype=np.intp)
    launch_s = np.array([row[1] for row in rows], dtype=np.float64)
    raid_of = np.array([row[2] for row in rows], dtype=np.intp)
    asset = np.array([row[3] for row in rows], dtype=np.intp)
    start = launch_km[raid_of]
    travel = asset_km[asset] - start
    length = np.hypot(travel[:, 0], travel[:, 1])
    heading = travel / np.maximum(length, 1e-9)[:, None]
    speed = np.array([parameters.threat_type(THREAT_CLASSES[c]).speed_mps / 1000 for c in threat_class])
    impact_s = launch_s + length / speed
    if impact_s.max() > vignette.duration.total_seconds():
        late = int(np.argmax(impact_s))
        raise InputError.single(
            f"raid {parameters.raids[raid_of[late]].id} reaches its target {impact_s[late]:.0f} s after "
            f"the start of {vignette.id}, after its end ({vignette.duration.total_seconds():.0f} s)",
            field=(*base, "raids", int(raid_of[late])),
            expected="every threat to arrive within the vignette window",
        )
    return Raid(
        threat_class,
        launch_s,
        impact_s,
        start,
        heading,
        length,
        speed,
        asset,
        np.array([row[4] for row in rows], dtype=np.float64),
        np.array([row[5] for row in rows], dtype=np.float64),
    )


def _sensor_reach_km(parameters: IamdParameters) -> NDArray[np.float64]:
    """``[sensor, class]``: detection range, capped by the radar horizon at the class's lowest altitude."""
    reach = np.array([[s.detection_range_km.get(c, 0.0) for c in THREAT_CLASSES] for s in parameters.sensors])
    low_m = np.array([parameters.threat_type(c).altitude_m[0] for c in THREAT_CLASSES])
    antenna_m = np.array([s.antenna_height_m for s in parameters.sensors])
    capped: NDArray[np.float64] = np.minimum(reach, radar_horizon_km(antenna_m[:, None], low_m[None, :]))
    return capped


def _envelopes(
    parameters: IamdParameters,
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """``[shooter, class]``: minimum and maximum range at intercept (km), single-shot kill probability."""
    shooters = parameters.shooters
    near = np.array([[s.range_km.get(c, (0.0, 0.0))[0] for c in THREAT_CLASSES] for s in shooters])
    far = np.array([[s.range_km.get(c, (0.0, 0.0))[1] for c in THREAT_CLASSES] for s in shooters])
    kill = np.array([[s.kill_probability.get(c, 0.0) for c in THREAT_CLASSES] for s in shooters])
    return near, far, kill


def _detection_windows(
    reach_km: NDArray[np.float64], raid: Raid, sensor_km: NDArray[np.float64]
) -> DetectionWindows:
    """Every (threat, sensor) pair that can ever see each other, with the window in seconds."""
    radius = reach_km[:, raid.threat_class].T
    enter, leave = range_windows(raid.start_km, raid.heading, raid.length_km, sensor_km, radius)
    threat, sensor = np.nonzero(enter <= leave)
    speed = raid.speed_kmps[threat]
    return DetectionWindows(
        threat=threat.astype(np.int64),
        sensor=sensor.astype(np.int64),
        enter_s=raid.launch_s[threat] + enter[threat, sensor] / speed,
        leave_s=raid.launch_s[threat] + leave[threat, sensor] / speed,
    )


def _engagement_windows(
    parameters: IamdParameters, raid: Raid, shooter_km: NDArray[np.float64], rounds: int
) -> tuple[NDArray[np.int64], EngagementWindows]:
    """Every launch window of every (threat, fire unit) pair, grouped by fire unit in priority order,
    each allowing ``rounds`` engagements; and where each fire unit's windows start (`FireUnits.first_window`).

    The intercept must fall inside the envelope: at least the minimum and at most the maximum range from
    the fire unit, before the threat reaches its target. Along a straight path that is at most two
    stretches: approaching, from entering the maximum range to entering the minimum range, and, for a
    threat that flies through the minimum range and on, receding, from leaving the minimum range to
    leaving the maximum range. Each stretch is a window of its own, with its own engagement rounds. A path
    that starts inside the minimum range has no approaching window; a path that only touches a circle
    (tangent) gives no window at that circle. Launch times are intercept times less the time of flight.
    """
    shooters = parameters.shooters
    near, far, kill = _envelopes(parameters)
    far_in, far_out = range_windows(
        raid.start_km, raid.heading, raid.length_km, shooter_km, far[:, raid.threat_class].T
    )
    near_in, near_out = range_windows(
        raid.start_km, raid.heading, raid.length_km, shooter_km, near[:, raid.threat_class].T
    )
    crosses_near = near_in < near_out  # the path spends time strictly inside the minimum range
    approach_in = far_in
    approach_out = np.where(crosses_near, np.minimum(far_out, near_in), far_out)
    recede_in = np.where(crosses_near, np.maximum(far_in, near_out), np.inf)
    recede_out = np.where(crosses_near, far_out, -np.inf)
    salvo = np.array([s.salvo for s in shooters])
    flight = np.array([s.time_of_flight_s for s in shooters])
    p_salvo = 1.0 - (1.0 - kill[:, raid.threat_class].T) ** salvo[None, :]
    order = np.lexsort((np.arange(len(raid.impact_s)), raid.impact_s, -raid.priority))
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    threats, fire_units, ins, outs = [], [], [], []
    for enter, leave in ((approach_in, approach_out), (recede_in, recede_out)):
        threat, shooter = np.nonzero((enter < leave) & (p_salvo > 0))
        threats.append(threat)
        fire_units.append(shooter)
        ins.append(enter[threat, shooter])
        outs.append(leave[threat, shooter])
    threat, shooter = np.concatenate(threats), np.concatenate(fire_units)
    enter_km, leave_km = np.concatenate(ins), np.concatenate(outs)
    by_shooter = np.lexsort((enter_km, rank[threat], shooter))
    threat, shooter = threat[by_shooter], shooter[by_shooter]
    enter_km, leave_km = enter_km[by_shooter], leave_km[by_shooter]
    speed = raid.speed_kmps[threat]
    start = np.searchsorted(shooter, np.arange(len(shooters) + 1))
    windows = EngagementWindows(
        threat=threat.astype(np.int64),
        open_s=raid.launch_s[threat] + enter_km / speed - flight[shooter],
        close_s=raid.launch_s[threat] + leave_km / speed - flight[shooter],
        salvo_kill=p_salvo[threat, shooter],
        rounds=rounds,
    )
    return start.astype(np.int64), windows


def _nation_latency(
    nations: tuple[str, ...], link_latency_s: NDArray[np.float64], link_nations: tuple[str, ...], mode: Mode
) -> NDArray[np.float64]:
    """``[a, b]``: delay of a track from nation a to nation b in this mode."""
    between = np.full((len(nations), len(nations)), np.inf)
    where = {n: k for k, n in enumerate(link_nations)}
    for a, first in enumerate(nations):
        for b, second in enumerate(nations):
            if a == b:
                between[a, b] = 0.0
            elif mode is Mode.INTEGRATED and first in where and second in where:
                between[a, b] = link_latency_s[where[first], where[second]]
    return between


def _picture_groups(between: NDArray[np.float64]) -> NDArray[np.intp]:
    """Nations that see each other's tracks share an engagement picture: connected components."""
    from scipy.sparse.csgraph import connected_components

    linked = np.isfinite(between) & np.isfinite(between.T)
    _, labels = connected_components(linked.astype(np.int8), directed=False)
    groups: NDArray[np.intp] = np.asarray(labels, dtype=np.intp)
    return groups
