"""Compile a MASCAL vignette of an exercise into the kernel's arrays, once, for any number of runs."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from jointex.errors import InputError
from jointex.model import Exercise, GeoPoint, Vignette
from jointex.model.mascal import (
    CareTime,
    Eligibility,
    EvacuationType,
    Facility,
    MascalParameters,
    Stage,
    SurgeryTimes,
    TriageTimes,
)
from jointex.rehearse.vignettes.mascal.arrays import (
    EXPONENTIAL,
    FIXED,
    LOGNORMAL,
    Assets,
    CareTimes,
    Facilities,
    Incidents,
    Outcomes,
    Scene,
    Variants,
)

EARTH_RADIUS_KM = 6_371.0088
FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Place:
    """A point of injury, a facility or an asset's base, as the flow diagram and the map show it."""

    id: str
    name: str
    nation: str
    position: GeoPoint
    stage: Stage | None
    """None for an asset's base."""


@dataclass(frozen=True)
class Asset:
    id: str
    name: str
    nation: str
    unit: str | None
    type: EvacuationType
    vehicles: int
    litters: int


@dataclass(frozen=True)
class Group:
    nation: str
    civilian: bool

    def describe(self) -> str:
        return f"{self.nation} {'civilians' if self.civilian else 'service members'}"


@dataclass(frozen=True)
class MascalScene:
    """The compiled scene in plain terms, beside the kernel's arrays: who and what each number is."""

    incidents: tuple[Place, ...]
    facilities: tuple[Place, ...]
    bases: tuple[Place, ...]
    assets: tuple[Asset, ...]
    groups: tuple[Group, ...]
    facility_units: tuple[str | None, ...]
    casualties: int
    horizon_min: float
    arrays: Scene

    @property
    def places(self) -> tuple[Place, ...]:
        """The pick-up places, numbered as the kernel numbers them: incidents, then facilities."""
        return (*self.incidents, *self.facilities)

    @property
    def nations(self) -> tuple[str, ...]:
        """The nations whose facilities or vehicles take part, sorted."""
        return tuple(sorted({p.nation for p in self.facilities} | {a.nation for a in self.assets}))

    def surgical(self) -> tuple[int, ...]:
        """The numbers of the facilities that operate."""
        return tuple(f for f, tables in enumerate(self.arrays.facilities.tables) if tables > 0)


def great_circle_km(points: list[GeoPoint]) -> NDArray[np.float64]:
    """``[i, j]``: haversine distance between points i and j, km."""
    lat = np.radians([p.lat_deg for p in points])
    lon = np.radians([p.lon_deg for p in points])
    dlat = lat[:, None] - lat[None, :]
    dlon = lon[:, None] - lon[None, :]
    h = np.sin(dlat / 2) ** 2 + np.cos(lat[:, None]) * np.cos(lat[None, :]) * np.sin(dlon / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1))), dtype=np.float64)


def _care_times(rows: list[tuple[CareTime, CareTime, CareTime]]) -> CareTimes:
    shape = (len(rows), 3)
    kind, mean = np.zeros(shape, dtype=np.int64), np.zeros(shape)
    mu, sigma = np.zeros(shape), np.zeros(shape)
    for r, row in enumerate(rows):
        for c, time in enumerate(row):
            mean[r, c] = time.mean_min
            if time.distribution == "exponential":
                kind[r, c] = EXPONENTIAL
            elif time.distribution == "fixed" or time.cv == 0:
                kind[r, c] = FIXED
            else:
                kind[r, c] = LOGNORMAL
                sigma[r, c] = math.sqrt(math.log1p(time.cv**2))
                mu[r, c] = math.log(time.mean_min) - sigma[r, c] ** 2 / 2
    return CareTimes(kind, mean, mu, sigma)


def _triple(times: TriageTimes) -> tuple[CareTime, CareTime, CareTime]:
    return times.t1, times.t2, times.t3


def _surgery_triple(times: SurgeryTimes) -> tuple[CareTime, CareTime, CareTime]:
    return times.t1, times.t2, times.t2  # T3 casualties are not operated on


class _Reader:
    """Resolves the parameters' units and positions against the exercise, with errors that say where."""

    def __init__(self, exercise: Exercise, vignette: Vignette) -> None:
        self.exercise, self.vignette = exercise, vignette
        self.base: FieldPath = ("vignettes", exercise.vignettes.index(vignette), "parameters")

    def nation(self, unit: str | None, field: FieldPath) -> str:
        if unit is None:
            return self.exercise.host_nation
        found = self.exercise.units_by_id.get(unit)
        if found is None:
            raise InputError.single(
                f"unit {unit} is not in {self.exercise.id}",
                field=(*self.base, *field),
                expected="the id of a unit of the exercise that takes part in the vignette",
            )
        return found.nation

    def position(self, unit: str | None, given: GeoPoint | None, field: FieldPath) -> GeoPoint:
        if given is not None:
            return given
        found = self.exercise.units_by_id.get(unit or "")
        if found is None or found.exercise_location is None:
            raise InputError.single(
                f"unit {unit} has no exercise_location; give a position for it in {self.vignette.id}",
                field=(*self.base, *field),
                expected="a position",
            )
        return found.exercise_location.position


def _eligible(rule: Eligibility, nation: str, group: Group, coalition: set[str]) -> bool:
    if rule is Eligibility.OWN:
        return group.nation == nation
    if rule is Eligibility.COALITION:
        return not group.civilian and group.nation in coalition
    return True


def compile_scene(exercise: Exercise, vignette: Vignette) -> MascalScene:
    """The vignette as the kernel's arrays. Raises `InputError` for a unit the exercise does not hold, a
    facility or base without a position, an incident that goes on past the vignette's end, or a chain
    with no facility that operates or no evacuation asset (all withheld from this version)."""
    parameters = vignette.parameters_as(MascalParameters)
    reader = _Reader(exercise, vignette)
    horizon_min = vignette.duration.total_seconds() / 60
    host = exercise.host_nation
    for k, incident in enumerate(parameters.incidents):
        if incident.start_min + incident.over_min > horizon_min:
            raise InputError.single(
                f"incident {incident.id} goes on until minute {incident.start_min + incident.over_min:g}, "
                f"after the vignette's end (minute {horizon_min:g})",
                field=(*reader.base, "incidents", k),
                expected="start_min + over_min within the vignette's window",
            )
    facilities = parameters.facilities
    if not any(f.surgical_tables for f in facilities):
        raise InputError.single(
            f"no facility of {vignette.id} in this version operates (a Role 2 or 3 with surgical tables)",
            field=(*reader.base, "facilities"),
            expected="a facility with surgical_tables",
        )
    if not parameters.evacuation:
        raise InputError.single(
            f"no evacuation asset of {vignette.id} is in this version (all are of withheld units)",
            field=(*reader.base, "evacuation"),
            expected="an ambulance or helicopter the version holds",
        )
    incidents = tuple(
        Place(i.id, i.name or i.id, host, i.position, Stage.POINT_OF_INJURY) for i in parameters.incidents
    )
    places_f = tuple(
        Place(
            f.id,
            f.name or f.id,
            reader.nation(f.unit, ("facilities", k, "unit")),
            reader.position(f.unit, f.position, ("facilities", k, "position")),
            f.stage,
        )
        for k, f in enumerate(facilities)
    )
    assets = tuple(
        Asset(
            a.id,
            a.name or a.id,
            reader.nation(a.unit, ("evacuation", k, "unit")),
            a.unit,
            a.type,
            a.vehicles,
            a.litters,
        )
        for k, a in enumerate(parameters.evacuation)
    )
    bases = tuple(
        Place(
            f"{a.id}@base",
            f"{a.name or a.id} base",
            asset.nation,
            reader.position(a.unit, a.base, ("evacuation", k, "base")),
            None,
        )
        for k, (a, asset) in enumerate(zip(parameters.evacuation, assets, strict=True))
    )
    groups = _groups(parameters, host)
    arrays = Scene(
        horizon_min=float(horizon_min),
        incidents=_incidents(parameters, groups, host),
        first_aid=_care_times([_triple(parameters.first_aid)]),
        treatment=_care_times([_triple(f.treatment or parameters.treatment) for f in facilities]),
        surgery=_care_times([_surgery_triple(f.surgery or parameters.surgery) for f in facilities]),
        facilities=_facilities(facilities, parameters),
        assets=_assets(parameters, incidents, places_f, bases, assets, groups, set(exercise.nations)),
        outcomes=Outcomes(
            float(parameters.deterioration.t1_survival_scale_h * 60),
            float(parameters.deterioration.t1_survival_shape),
            float(parameters.deterioration.t2_deterioration_mean_h * 60),
        ),
        evacuation_estimate_min=np.empty(0),
    )
    arrays = arrays._replace(evacuation_estimate_min=_estimates(arrays.assets, len(incidents), len(groups)))
    return MascalScene(
        incidents=incidents,
        facilities=places_f,
        bases=bases,
        assets=assets,
        groups=groups,
        facility_units=tuple(f.unit for f in facilities),
        casualties=sum(i.casualties for i in parameters.incidents),
        horizon_min=horizon_min,
        arrays=arrays,
    )


def _groups(parameters: MascalParameters, host: str) -> tuple[Group, ...]:
    found: dict[Group, None] = {}
    for incident in parameters.incidents:
        for group in incident.groups or ():
            found[Group(group.nation or host, group.civilian)] = None
        if not incident.groups:
            found[Group(host, True)] = None
    return tuple(found)


def _incidents(parameters: MascalParameters, groups: tuple[Group, ...], host: str) -> Incidents:
    count = len(parameters.incidents)
    first = np.zeros(count + 1, dtype=np.int64)
    triage = np.zeros((count, 5))
    group_cdf = np.zeros((count, len(groups)))
    for k, incident in enumerate(parameters.incidents):
        first[k + 1] = first[k] + incident.casualties
        triage[k] = np.cumsum(incident.triage.shares())
        shares = np.zeros(len(groups))
        for group in incident.groups:
            shares[groups.index(Group(group.nation or host, group.civilian))] += group.share
        if not incident.groups:
            shares[groups.index(Group(host, True))] = 1.0
        group_cdf[k] = np.cumsum(shares)
    triage[:, -1] = 1.0  # exactly, whatever the rounding of the shares
    group_cdf[:, -1] = 1.0
    return Incidents(
        first=first,
        start_min=np.array([i.start_min for i in parameters.incidents]),
        over_min=np.array([i.over_min for i in parameters.incidents]),
        front_loaded=np.array([i.profile == "front_loaded" for i in parameters.incidents]),
        responders=np.array([i.first_responders for i in parameters.incidents], dtype=np.int64),
        t1_direct=np.array([i.t1_direct_to_surgery for i in parameters.incidents]),
        triage_cdf=triage,
        group_cdf=group_cdf,
    )


def _facilities(facilities: tuple[Facility, ...], parameters: MascalParameters) -> Facilities:
    return Facilities(
        role=np.array([f.role for f in facilities], dtype=np.int64),
        teams=np.array([f.treatment_teams for f in facilities], dtype=np.int64),
        tables=np.array([f.surgical_tables for f in facilities], dtype=np.int64),
        beds=np.array([-1 if f.beds is None else f.beds for f in facilities], dtype=np.int64),
        hold_min=np.array([f.hold_h * 60 for f in facilities]),
        mean_treatment_min=np.array([(f.treatment or parameters.treatment).t1.mean_min for f in facilities]),
        mean_operation_min=np.array([(f.surgery or parameters.surgery).t1.mean_min for f in facilities]),
    )


def _assets(
    parameters: MascalParameters,
    incidents: tuple[Place, ...],
    facilities: tuple[Place, ...],
    bases: tuple[Place, ...],
    assets: tuple[Asset, ...],
    groups: tuple[Group, ...],
    coalition: set[str],
) -> Assets:
    places = (*incidents, *facilities)
    distance_km = great_circle_km([p.position for p in (*places, *bases)])
    n_assets, n_places = len(assets), len(places)
    travel = np.zeros((n_assets, *distance_km.shape))
    carries = np.zeros((n_assets, n_places, len(facilities), len(groups)), dtype=np.bool_)
    access = [i.access for i in parameters.incidents] + [f.access for f in parameters.facilities]
    for a, (given, asset) in enumerate(zip(parameters.evacuation, assets, strict=True)):
        road = given.road_factor if given.type is EvacuationType.AMBULANCE else 1.0
        travel[a] = distance_km * road / given.speed_kmh * 60
        reach = [given.type.access in access[p] for p in range(n_places)]
        picks = [reach[p] and places[p].stage in given.pick_up_at for p in range(n_places)]
        delivers = [
            reach[len(incidents) + f] and facilities[f].stage in given.deliver_to
            for f in range(len(facilities))
        ]
        allowed = [_eligible(given.carries, asset.nation, g, coalition) for g in groups]
        for p in range(n_places):
            for f in range(len(facilities)):
                if picks[p] and delivers[f] and p != len(incidents) + f:
                    carries[a, p, f, :] = allowed
    return Assets(
        vehicles=np.array([a.vehicles for a in assets], dtype=np.int64),
        litters=np.array([a.litters for a in assets], dtype=np.int64),
        launch_min=np.array([a.launch_min for a in parameters.evacuation]),
        load_min=np.array([a.load_min for a in parameters.evacuation]),
        turnaround_min=np.array([a.turnaround_min for a in parameters.evacuation]),
        base=np.arange(n_places, n_places + n_assets, dtype=np.int64),
        travel_min=travel,
        carries=carries,
    )


def _estimates(assets: Assets, incidents: int, groups: int) -> NDArray[np.float64]:
    """``[group, place, facility]``: the soonest delivery by an eligible asset (what regulation uses)."""
    n_assets, places, facilities, _ = assets.carries.shape
    estimate = np.full((groups, places, facilities), np.inf)
    for a in range(n_assets):
        for p in range(places):
            for f in range(facilities):
                took = (
                    assets.launch_min[a]
                    + assets.travel_min[a, assets.base[a], p]
                    + assets.load_min[a]
                    + assets.travel_min[a, p, incidents + f]
                )
                allowed = assets.carries[a, p, f]
                estimate[allowed, p, f] = np.minimum(estimate[allowed, p, f], took)
    return estimate


def variants(scene: MascalScene, what_ifs: bool = True) -> tuple[Variants, tuple[tuple[str, str], ...]]:
    """The scene as planned, then (with ``what_ifs``) one more surgical team at each facility that
    operates and one more vehicle of each asset: the arrays, and each what-if as (kind, id)."""
    facilities, assets = len(scene.facilities), len(scene.assets)
    rows: list[tuple[str, str]] = []
    if what_ifs:
        rows += [("surgical_team", scene.facilities[f].id) for f in scene.surgical()]
        rows += [("vehicle", a.id) for a in scene.assets]
    tables = np.zeros((1 + len(rows), facilities), dtype=np.int64)
    vehicles = np.zeros((1 + len(rows), assets), dtype=np.int64)
    facility_index = {p.id: f for f, p in enumerate(scene.facilities)}
    asset_index = {a.id: k for k, a in enumerate(scene.assets)}
    for v, (kind, id_) in enumerate(rows, start=1):
        if kind == "surgical_team":
            tables[v, facility_index[id_]] = 1
        else:
            vehicles[v, asset_index[id_]] = 1
    return Variants(tables, vehicles), tuple(rows)


def caveats(scene: MascalScene) -> tuple[str, ...]:
    """Where the scene leaves casualties with no way on: a group no vehicle may carry from a point of
    injury, or from a Role 1 to surgery."""
    found: list[str] = []
    estimate = scene.arrays.evacuation_estimate_min
    incidents = len(scene.incidents)
    surgical = scene.surgical()
    for g, group in enumerate(scene.groups):
        for k, place in enumerate(scene.incidents):
            if not np.isfinite(estimate[g, k]).any():
                found.append(
                    f"No evacuation asset may carry {group.describe()} from {place.name}: they wait there "
                    "until the end of the vignette."
                )
        for f, place in enumerate(scene.facilities):
            reachable_to = np.isfinite(estimate[g, :, f]).any()
            onward = any(np.isfinite(estimate[g, incidents + f, s]) for s in surgical)
            if place.stage is Stage.ROLE_1 and reachable_to and not onward:
                found.append(
                    f"No evacuation asset may carry {group.describe()} on from {place.name} to surgery: "
                    "T1 and T2 casualties wait there."
                )
    return tuple(found)
