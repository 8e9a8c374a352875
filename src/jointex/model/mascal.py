"""Parameters and metrics of the mass casualty (MASCAL) vignette: casualties through the medical chain.

The planner describes the incident (where, how many casualties, over how long, the triage mix and who
the casualties are), the treatment facilities of the chain (Role 1 aid stations, Role 2 surgical
facilities, Role 3 hospitals: each from a unit of the vignette, which gives its nation, or a host-nation
hospital) and the evacuation assets (ambulances and helicopters of the vignette's units or of the host
nation, with their national caveats). A rehearsal measures the chain against the 10-1-2 timeline
(bleeding control within 10 minutes, advanced resuscitation within 1 hour, surgery within 2 hours).

Every figure here is a notional planning default, not data: set your own. Triage follows NATO's
categories (AJP-4.10, Allied Joint Doctrine for Medical Support): T1 immediate, T2 delayed, T3 minimal,
T4 expectant, and the dead. Deterioration is a stated proxy, not a physiological model: see
docs/mascal.md.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import ConfigDict, Field, model_validator

from jointex.model.base import Frozen, Identifier, NationCode, ShortText
from jointex.model.geo import GeoPoint
from jointex.model.metrics.spec import COUNT, NON_NEGATIVE, PERCENT, UNBOUNDED, MetricSpec
from jointex.model.vignette_kind import FieldPath, KindDeclaration, VignetteKind, VignetteParameters


class Stage(StrEnum):
    """A place in the chain where casualties are picked up or delivered."""

    POINT_OF_INJURY = "point_of_injury"
    ROLE_1 = "role1"
    ROLE_2 = "role2"
    ROLE_3 = "role3"


class EvacuationAccess(StrEnum):
    """How an evacuation vehicle reaches a place: by road (ambulances) or by air (helicopters)."""

    ROAD = "road"
    HELICOPTER = "helicopter"


class EvacuationType(StrEnum):
    AMBULANCE = "ambulance"
    HELICOPTER = "helicopter"

    @property
    def access(self) -> EvacuationAccess:
        return EvacuationAccess.ROAD if self is EvacuationType.AMBULANCE else EvacuationAccess.HELICOPTER


class Eligibility(StrEnum):
    """Whom a nation's asset may carry (its medical rules of eligibility, a national caveat)."""

    ANY = "any"
    """Anyone: coalition forces, host-nation forces and civilians."""
    OWN = "own"
    """Only its own nation's casualties (service members and citizens)."""
    COALITION = "coalition"
    """Only service members of the exercise's nations, no civilians."""


class CareTime(Frozen):
    """How long one step of care takes: a mean and its spread."""

    mean_min: float = Field(gt=0, le=24 * 60, description="Mean duration, minutes.")
    cv: float = Field(
        default=0.5, ge=0, le=3, description="Coefficient of variation (sd / mean); lognormal only."
    )
    distribution: Literal["lognormal", "exponential", "fixed"] = Field(
        default="lognormal",
        description="lognormal (surgical and treatment times, Strum et al. 2000), exponential (the M/M/c "
        "textbook case; its cv is 1) or fixed.",
    )


class TriageTimes(Frozen):
    """A step's duration for each category that receives it."""

    t1: CareTime
    t2: CareTime
    t3: CareTime


class SurgeryTimes(Frozen):
    """Damage-control surgery's duration for the categories that need it."""

    t1: CareTime
    t2: CareTime


DEFAULT_FIRST_AID = TriageTimes(t1=CareTime(mean_min=10), t2=CareTime(mean_min=8), t3=CareTime(mean_min=5))
DEFAULT_TREATMENT = TriageTimes(t1=CareTime(mean_min=30), t2=CareTime(mean_min=20), t3=CareTime(mean_min=15))
DEFAULT_SURGERY = SurgeryTimes(t1=CareTime(mean_min=90), t2=CareTime(mean_min=60))


class TriageMix(Frozen):
    """Shares of the casualties by triage category at the point of injury (they sum to 1)."""

    t1: float = Field(default=0.20, ge=0, le=1, description="Immediate: life-saving surgery needed now.")
    t2: float = Field(default=0.25, ge=0, le=1, description="Delayed: surgery needed, can wait some hours.")
    t3: float = Field(default=0.45, ge=0, le=1, description="Minimal: treated at Role 1, back to duty.")
    expectant: float = Field(
        default=0.03, ge=0, le=1, description="T4: not expected to survive; comfort care."
    )
    dead: float = Field(default=0.07, ge=0, le=1, description="Killed at the scene.")

    @model_validator(mode="after")
    def _sums_to_one(self) -> TriageMix:
        total = self.t1 + self.t2 + self.t3 + self.expectant + self.dead
        if abs(total - 1) > 1e-6:
            raise ValueError(f"the triage shares sum to {total:g}; expected 1")
        return self

    def shares(self) -> tuple[float, float, float, float, float]:
        return (self.t1, self.t2, self.t3, self.expectant, self.dead)


class CasualtyGroup(Frozen):
    """Who some of the casualties are: their nation, and whether they are civilians."""

    nation: NationCode | None = Field(default=None, description="Nation; default the host nation.")
    civilian: bool = False
    share: float = Field(gt=0, le=1)


class CasualtyIncident(Frozen):
    """An incident that causes casualties, at its point of injury: where and when the casualties are hurt,
    how many, and who gives first aid."""

    id: Identifier
    name: ShortText | None = None
    position: GeoPoint
    casualties: int = Field(ge=1, le=100_000)
    start_min: float = Field(default=0, ge=0, description="Minutes after the vignette's start.")
    over_min: float = Field(
        default=0, ge=0, description="Minutes over which casualties are hurt or extracted (0: all at once)."
    )
    profile: Literal["uniform", "front_loaded"] = Field(
        default="uniform",
        description="uniform: at random over over_min (a Poisson stream given the count); front_loaded: "
        "most early (a truncated exponential with mean over_min / 3), as from rubble.",
    )
    triage: TriageMix = TriageMix()
    groups: tuple[CasualtyGroup, ...] = Field(
        default=(), description="Who the casualties are, by share; none: civilians of the host nation."
    )
    first_responders: int = Field(
        default=4,
        ge=0,
        le=1_000,
        description="Teams giving first aid at the point of injury (buddy aid, combat lifesavers, "
        "paramedics); "
        "0: not rehearsed, casualties wait for evacuation untreated.",
    )
    access: frozenset[EvacuationAccess] = Field(
        default=frozenset({EvacuationAccess.ROAD, EvacuationAccess.HELICOPTER})
    )
    t1_direct_to_surgery: bool = Field(
        default=True,
        description="T1 casualties go straight from here to a surgical facility (bypassing Role 1) when a "
        "vehicle may carry them there; false: every casualty goes through a Role 1 first.",
    )

    @model_validator(mode="after")
    def _groups_sum_to_one(self) -> CasualtyIncident:
        if self.groups and abs(sum(g.share for g in self.groups) - 1) > 1e-6:
            raise ValueError(f"incident {self.id}: the groups' shares must sum to 1")
        return self


class Facility(Frozen):
    """A treatment facility of the chain: from a unit of the vignette (its nation; its position unless
    given) or, without a unit, a host-nation hospital (its position required)."""

    id: Identifier
    name: ShortText | None = None
    role: int = Field(ge=1, le=3, description="NATO role of care: 1, 2 (damage-control surgery) or 3.")
    unit: Identifier | None = Field(default=None, description="Unit of the vignette; none: host nation.")
    position: GeoPoint | None = Field(default=None, description="Default: the unit's exercise location.")
    treatment_teams: int = Field(
        default=2, ge=0, le=100, description="Teams that triage, resuscitate and treat (Role 1 care)."
    )
    surgical_tables: int = Field(
        default=0, ge=0, le=100, description="Operating tables with their surgical teams (Role 2 and 3)."
    )
    beds: int | None = Field(
        default=None, ge=1, le=10_000, description="Beds after surgery; surgery waits for a free one."
    )
    hold_h: float = Field(
        default=24, gt=0, le=24 * 30, description="Hours a casualty holds a bed after surgery."
    )
    access: frozenset[EvacuationAccess] = Field(
        default=frozenset({EvacuationAccess.ROAD, EvacuationAccess.HELICOPTER}),
        description="How evacuation reaches it: a hospital ship, by helicopter only.",
    )
    treatment: TriageTimes | None = Field(
        default=None, description="Overrides the vignette's treatment times."
    )
    surgery: SurgeryTimes | None = Field(default=None, description="Overrides the vignette's surgery times.")

    @model_validator(mode="after")
    def _capabilities_fit_role(self) -> Facility:
        if self.unit is None and self.position is None:
            raise ValueError(f"facility {self.id}: a host-nation facility (no unit) needs a position")
        if self.role == 1 and self.surgical_tables:
            raise ValueError(f"facility {self.id}: a Role 1 has no surgical tables; expected 0")
        if self.role > 1 and not self.surgical_tables:
            raise ValueError(
                f"facility {self.id}: a Role {self.role} operates; expected surgical_tables >= 1"
            )
        if self.treatment_teams == 0 and self.role == 1:
            raise ValueError(f"facility {self.id}: a Role 1 needs treatment_teams >= 1")
        return self

    @property
    def stage(self) -> Stage:
        return (Stage.ROLE_1, Stage.ROLE_2, Stage.ROLE_3)[self.role - 1]


_TYPE_DEFAULTS: dict[EvacuationType, dict[str, Any]] = {
    EvacuationType.AMBULANCE: {
        "litters": 2,
        "speed_kmh": 50.0,
        "launch_min": 5.0,
        "pick_up_at": (Stage.POINT_OF_INJURY,),
        "deliver_to": (Stage.ROLE_1,),
    },
    EvacuationType.HELICOPTER: {
        "litters": 4,
        "speed_kmh": 220.0,
        "launch_min": 15.0,
        "pick_up_at": (Stage.POINT_OF_INJURY, Stage.ROLE_1),
        "deliver_to": (Stage.ROLE_2, Stage.ROLE_3),
    },
}
"""Notional defaults by type (docs/mascal.md): a field ambulance with 2 litters at 50 km/h on roads,
a MEDEVAC helicopter with 4 litters at 220 km/h, launched within 5 and 15 minutes."""
_TYPE_DEFAULTS_NAMES = frozenset(_TYPE_DEFAULTS[EvacuationType.AMBULANCE])


def _defaults_by_type_optional(schema: dict[str, Any]) -> None:
    """The schema of an evacuation asset: the fields its type gives defaults are not required."""
    schema["required"] = [name for name in schema.get("required", ()) if name not in _TYPE_DEFAULTS_NAMES]


class EvacuationAsset(Frozen):
    """``count`` identical ambulances or helicopters: from a unit of the vignette (its nation; based at
    its position unless given) or, without a unit, the host nation's (its base required)."""

    model_config = ConfigDict(json_schema_extra=_defaults_by_type_optional)

    id: Identifier
    name: ShortText | None = None
    unit: Identifier | None = Field(default=None, description="Unit of the vignette; none: host nation.")
    type: EvacuationType
    count: int = Field(default=1, ge=1, le=200)
    crews: int | None = Field(default=None, ge=1, le=400, description="Crews; default one per vehicle.")
    litters: int = Field(ge=1, le=60, description="Casualties on litters per trip; by type: 2 or 4.")
    speed_kmh: float = Field(gt=0, le=1_000, description="By type: 50 or 220 km/h.")
    road_factor: float = Field(
        default=1.4, ge=1, le=5, description="Road distance over great-circle distance (ambulances)."
    )
    launch_min: float = Field(
        ge=0, le=24 * 60, description="Notice to move after a call, minutes; by type: 5 or 15."
    )
    load_min: float = Field(default=5, ge=0, le=240, description="Loading at the pick-up point, minutes.")
    turnaround_min: float = Field(
        default=10, ge=0, le=24 * 60, description="Unloading and preparing at the destination, minutes."
    )
    base: GeoPoint | None = Field(default=None, description="Where it waits; default its unit's location.")
    pick_up_at: tuple[Stage, ...] = Field(
        min_length=1,
        description="Where it picks up; by type: point_of_injury (ambulance), and role1 (helicopter).",
    )
    deliver_to: tuple[Stage, ...] = Field(
        min_length=1,
        description="Where it delivers; by type: role1 (ambulance), role2 and role3 (helicopter).",
    )
    carries: Eligibility = Field(
        default=Eligibility.ANY, description="National caveat: any, own (its nation's) or coalition."
    )

    @model_validator(mode="before")
    @classmethod
    def _defaults_by_type(cls, value: Any) -> Any:
        if isinstance(value, dict):
            try:
                kind = EvacuationType(str(value.get("type")))
            except ValueError:
                return value  # the field's own error names the types
            return {**_TYPE_DEFAULTS[kind], **{k: v for k, v in value.items() if v is not None}}
        return value

    @model_validator(mode="after")
    def _legs_make_sense(self) -> EvacuationAsset:
        if self.unit is None and self.base is None:
            raise ValueError(f"evacuation asset {self.id}: a host-nation asset (no unit) needs a base")
        if Stage.POINT_OF_INJURY in self.deliver_to:
            raise ValueError(f"evacuation asset {self.id}: deliver_to names facilities' roles (role1..role3)")
        return self

    @property
    def vehicles(self) -> int:
        """Vehicles that can be on a mission at once: one crew each."""
        return min(self.count, self.crews or self.count)


class Deterioration(Frozen):
    """The proxy of what waiting costs (docs/mascal.md): untreated T2 casualties become T1, and a T1
    casualty without surgery dies with a hazard rising with time (Weibull)."""

    t1_survival_scale_h: float = Field(
        default=6,
        gt=0,
        le=240,
        description="Weibull scale of the time from injury (or from becoming T1) to "
        "death without surgery, hours.",
    )
    t1_survival_shape: float = Field(
        default=2, ge=1, le=10, description="Weibull shape; above 1 the hazard rises with time."
    )
    t2_deterioration_mean_h: float = Field(
        default=8, gt=0, le=240, description="Mean time until an unoperated T2 casualty becomes T1, hours."
    )


class MascalParameters(VignetteParameters):
    """The incident, the medical chain, the evacuation assets and the times of care."""

    incidents: tuple[CasualtyIncident, ...] = Field(min_length=1)
    facilities: tuple[Facility, ...] = Field(min_length=1)
    evacuation: tuple[EvacuationAsset, ...] = Field(min_length=1)
    first_aid: TriageTimes = DEFAULT_FIRST_AID
    treatment: TriageTimes = DEFAULT_TREATMENT
    surgery: SurgeryTimes = DEFAULT_SURGERY
    deterioration: Deterioration = Deterioration()
    note: ShortText | None = None

    @model_validator(mode="after")
    def _ids_unique(self) -> MascalParameters:
        ids = [
            *(i.id for i in self.incidents),
            *(f.id for f in self.facilities),
            *(a.id for a in self.evacuation),
        ]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"ids {duplicates} appear more than once among incidents, facilities and assets")
        if not any(f.surgical_tables for f in self.facilities):
            raise ValueError("no facility operates; expected a Role 2 or Role 3 with surgical_tables")
        return self

    def place_names(self) -> dict[str, str]:
        """Names of the incidents, facilities and evacuation assets by id (``Surgery queue at Role 2
        Tacloban``); one without a name is left out."""
        named = [
            *((i.id, i.name) for i in self.incidents),
            *((f.id, f.name) for f in self.facilities),
            *((a.id, a.name) for a in self.evacuation),
        ]
        return {id_: name for id_, name in named if name}

    def unit_references(self) -> list[tuple[FieldPath, str]]:
        """(field path, unit id) of every facility's and evacuation asset's unit: the release policy
        removes the facility or asset of a withheld unit."""
        facilities = [(("facilities", i, "unit"), f.unit) for i, f in enumerate(self.facilities) if f.unit]
        assets = [(("evacuation", i, "unit"), a.unit) for i, a in enumerate(self.evacuation) if a.unit]
        return [*facilities, *assets]


SOURCE = "MASCAL (mass casualty) vignette"

MASCAL_METRICS: tuple[MetricSpec, ...] = (
    MetricSpec(
        "mascal.surgery_within_2h_pct",
        "%",
        PERCENT,
        False,
        "casualties triaged T1 whose surgery starts within 2 hours of injury (10-1-2); one who dies first "
        "counts as not",
        SOURCE,
        title="T1 casualties in surgery within 2 h",
    ),
    MetricSpec(
        "mascal.resuscitation_within_1h_pct",
        "%",
        PERCENT,
        False,
        "casualties triaged T1 whose treatment at a facility (advanced resuscitation) starts within 1 hour",
        SOURCE,
        title="T1 casualties resuscitated within 1 h",
    ),
    MetricSpec(
        "mascal.bleeding_control_within_10min_pct",
        "%",
        PERCENT,
        False,
        "casualties triaged T1 or T2 given first aid within 10 minutes (where first responders are "
        "rehearsed)",
        SOURCE,
        title="Bleeding control within 10 min",
    ),
    MetricSpec(
        "mascal.time_to_surgery_h",
        "h",
        NON_NEGATIVE,
        True,
        "mean time from injury to the start of surgery over T1 casualties operated",
        SOURCE,
        title="Time to surgery (T1)",
    ),
    MetricSpec(
        "mascal.deaths",
        "casualties",
        COUNT,
        True,
        "casualties alive after triage who die before surgery (the deterioration proxy; not those killed "
        "at the scene or expectant)",
        SOURCE,
        title="Deaths awaiting surgery (proxy)",
    ),
    MetricSpec(
        "mascal.died_of_wounds_pct",
        "%",
        PERCENT,
        True,
        "deaths after reaching a treatment facility, per 100 casualties who reached one alive, minimal (T3) "
        "excluded (Holcomb et al. 2006); a proxy",
        SOURCE,
        title="Died of wounds (proxy)",
    ),
    MetricSpec(
        "mascal.in_chain_at_end",
        "casualties",
        COUNT,
        True,
        "casualties still waiting, moving or in treatment when the vignette ends",
        SOURCE,
        title="Casualties still in the chain at the end",
    ),
    MetricSpec(
        "mascal.evacuation_wait_min",
        "min",
        NON_NEGATIVE,
        True,
        "mean wait from ready to move until picked up, over every leg flown or driven",
        SOURCE,
        title="Wait for evacuation",
    ),
    MetricSpec(
        "mascal.mean_queue.<facility>",
        "casualties",
        NON_NEGATIVE,
        True,
        "time-average number waiting for treatment or surgery at this facility",
        SOURCE,
        title="Queue at <facility>",
    ),
    MetricSpec(
        "mascal.max_queue.<facility>",
        "casualties",
        COUNT,
        True,
        "longest queue for treatment or surgery at this facility",
        SOURCE,
        title="Longest queue at <facility>",
    ),
    MetricSpec(
        "mascal.mean_wait_min.<facility>",
        "min",
        NON_NEGATIVE,
        True,
        "mean wait for treatment or surgery at this facility",
        SOURCE,
        title="Wait at <facility>",
    ),
    MetricSpec(
        "mascal.utilisation_pct.<facility>",
        "%",
        PERCENT,
        None,
        "share of the window its surgical tables (treatment teams at a Role 1) are busy",
        SOURCE,
        title="Utilisation of <facility>",
    ),
    MetricSpec(
        "mascal.evacuation_wait_min.<point>",
        "min",
        NON_NEGATIVE,
        True,
        "mean wait for evacuation at this point of injury or facility",
        SOURCE,
        title="Wait for evacuation at <point>",
    ),
    MetricSpec(
        "mascal.vehicle_utilisation_pct.<asset>",
        "%",
        PERCENT,
        None,
        "share of the window this asset's vehicles are on missions",
        SOURCE,
        title="Utilisation of <asset>",
    ),
    MetricSpec(
        "mascal.admitted.<nation>",
        "casualties",
        COUNT,
        None,
        "casualties admitted to this nation's facilities (a casualty counts at each facility)",
        SOURCE,
        title="Casualties admitted by <nation>",
    ),
    MetricSpec(
        "mascal.evacuated.<nation>",
        "casualties",
        COUNT,
        None,
        "casualties carried by this nation's vehicles (a casualty counts on each leg)",
        SOURCE,
        title="Casualties evacuated by <nation>",
    ),
    MetricSpec(
        "mascal.gain_pp.surgical_team.<facility>",
        "percentage points",
        PERCENT.difference(),
        False,
        "change in T1 casualties in surgery within 2 h with one more surgical team (and table) at this "
        "facility, paired on the same replications",
        SOURCE,
        title="One more surgical team at <facility>: surgery within 2 h",
    ),
    MetricSpec(
        "mascal.deaths_averted.surgical_team.<facility>",
        "casualties",
        UNBOUNDED,
        False,
        "deaths awaiting surgery averted by one more surgical team at this facility (negative: more), paired",
        SOURCE,
        title="One more surgical team at <facility>: deaths averted",
    ),
    MetricSpec(
        "mascal.gain_pp.vehicle.<asset>",
        "percentage points",
        PERCENT.difference(),
        False,
        "change in T1 casualties in surgery within 2 h with one more vehicle (and crew) of this asset, "
        "paired",
        SOURCE,
        title="One more <asset> vehicle: surgery within 2 h",
    ),
    MetricSpec(
        "mascal.deaths_averted.vehicle.<asset>",
        "casualties",
        UNBOUNDED,
        False,
        "deaths awaiting surgery averted by one more vehicle of this asset (negative: more), paired",
        SOURCE,
        title="One more <asset> vehicle: deaths averted",
    ),
)
"""In the order a run reports them: the chain's headline, then each facility, point, asset and nation,
then the what-ifs."""

DECLARATION = KindDeclaration(VignetteKind.MASCAL, MascalParameters, MASCAL_METRICS)
