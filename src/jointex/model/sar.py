"""Parameters and metrics of the search and rescue (SAR) vignette: a search at sea for survivors.

The planner describes the case as a search mission coordinator (SMC) would: the datum (last known
position, when, and how well it is known), the search object (people in the water, a life raft, a small
boat) and how many people it holds, the wind, the surface current and the water temperature, and the
search units each nation brings (each tied to a unit of the exercise, which gives its nation and, by
default, its base). Distances are in nautical miles (NM), speeds in knots (kn), as at sea.

Leeway (the object's drift through the water under the wind) follows the US Coast Guard's leeway
taxonomy: downwind and crosswind leeway as linear functions of the wind at 10 m, with the regression's
standard error as the spread, from the field experiments reviewed by Allen & Plourde (1999), *Review of
Leeway: Field Experiments and Implementation*, USCG R&D Center report CG-D-08-99, and Allen (2005),
*Leeway Divergence*, CG-D-05-05, as tabulated for operational drift models by Breivik & Allen (2008), *An
operational search and rescue model for the Norwegian Sea and the North Sea*, J. Marine Systems 69:99-113
(`LEEWAY`). The IAMSAR Manual, Vol. II (IMO/ICAO), draws its leeway guidance from the same experiments.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from jointex.model.base import Frozen, Identifier, ShortText
from jointex.model.geo import GeoPoint
from jointex.model.metrics.spec import COUNT, NON_NEGATIVE, PERCENT, PROPORTION, MetricSpec
from jointex.model.vignette_kind import FieldPath, KindDeclaration, VignetteKind, VignetteParameters


class SearchObjectType(StrEnum):
    """What is searched for, as the leeway taxonomy names its classes."""

    PERSON_IN_WATER = "person_in_water"
    LIFE_RAFT = "life_raft"
    LIFE_RAFT_NO_BALLAST = "life_raft_no_ballast"
    SMALL_BOAT = "small_boat"
    FISHING_VESSEL = "fishing_vessel"


class Leeway(Frozen):
    """Leeway of a class of drifting object: downwind leeway ``slope x W10 + offset`` and crosswind
    leeway to the right and left of downwind (a left slope is negative), with the standard error of each
    regression. ``W10`` is the wind at 10 m in m/s; a slope in per cent of it gives leeway in cm/s."""

    downwind_slope_pct: float = Field(ge=0, le=20)
    downwind_offset_cms: float = Field(ge=-50, le=50)
    downwind_sd_cms: float = Field(ge=0, le=50)
    right_slope_pct: float = Field(ge=-20, le=20)
    right_offset_cms: float = Field(ge=-50, le=50)
    right_sd_cms: float = Field(ge=0, le=50)
    left_slope_pct: float = Field(ge=-20, le=20)
    left_offset_cms: float = Field(ge=-50, le=50)
    left_sd_cms: float = Field(ge=0, le=50)


LEEWAY: dict[SearchObjectType, Leeway] = {
    # PIW-1: person in water, unknown state (mean values)
    SearchObjectType.PERSON_IN_WATER: Leeway(
        downwind_slope_pct=0.96, downwind_offset_cms=0.0, downwind_sd_cms=12.0,
        right_slope_pct=0.54, right_offset_cms=0.0, right_sd_cms=9.4,
        left_slope_pct=-0.54, left_offset_cms=0.0, left_sd_cms=9.4,
    ),
    # LIFE-RAFT-DB-10: life raft, deep ballast system, general (mean values)
    SearchObjectType.LIFE_RAFT: Leeway(
        downwind_slope_pct=3.52, downwind_offset_cms=-2.50, downwind_sd_cms=6.10,
        right_slope_pct=0.62, right_offset_cms=-3.00, right_sd_cms=3.50,
        left_slope_pct=-0.45, left_offset_cms=-0.20, left_sd_cms=3.60,
    ),
    # LIFE-RAFT-NB-1: life raft, no ballast system, general (mean values)
    SearchObjectType.LIFE_RAFT_NO_BALLAST: Leeway(
        downwind_slope_pct=3.70, downwind_offset_cms=0.0, downwind_sd_cms=12.0,
        right_slope_pct=1.98, right_offset_cms=0.0, right_sd_cms=9.4,
        left_slope_pct=-1.98, left_offset_cms=0.0, left_sd_cms=9.4,
    ),
    # SKIFF-1: skiff, modified-v hull, outboard powerboat (the nearest class to a small open boat)
    SearchObjectType.SMALL_BOAT: Leeway(
        downwind_slope_pct=3.15, downwind_offset_cms=0.0, downwind_sd_cms=2.20,
        right_slope_pct=1.29, right_offset_cms=0.0, right_sd_cms=2.20,
        left_slope_pct=-1.29, left_offset_cms=0.0, left_sd_cms=2.20,
    ),
    # FISHING-VESSEL-1: fishing vessel, general (mean values)
    SearchObjectType.FISHING_VESSEL: Leeway(
        downwind_slope_pct=2.47, downwind_offset_cms=0.0, downwind_sd_cms=12.0,
        right_slope_pct=2.76, right_offset_cms=0.0, right_sd_cms=9.4,
        left_slope_pct=-2.76, left_offset_cms=0.0, left_sd_cms=9.4,
    ),
}  # fmt: skip
"""Leeway of each class: the mean-values row of the class in the SAROPS leeway table (Allen & Plourde
1999; Allen 2005; as listed by Breivik & Allen 2008), class ids in the comments."""


class Datum(Frozen):
    """Where and when the search object was last known to be."""

    position: GeoPoint = Field(description="Last known position (LKP).")
    hours_before_start: float = Field(
        ge=0, le=240, description="Hours from the last known position to the start of the search."
    )
    position_error_nm: float = Field(
        default=1.0,
        gt=0,
        le=100,
        description="Standard deviation of the last known position in each direction, NM (IAMSAR's "
        "probable error X, the radius holding half the cases, is 1.18 times it).",
    )


class SearchObject(Frozen):
    """The drifting object and the people with it."""

    type: SearchObjectType
    people: int = Field(default=1, ge=1, le=10_000, description="People with the object.")
    leeway: Leeway | None = Field(
        default=None, description="The object's own leeway; default: its class's (LEEWAY)."
    )
    in_water: bool | None = Field(
        default=None,
        description="Whether the people are immersed (cold-water survival applies); default: only for "
        "a person in the water.",
    )

    @property
    def immersed(self) -> bool:
        return self.type is SearchObjectType.PERSON_IN_WATER if self.in_water is None else self.in_water

    @property
    def drift(self) -> Leeway:
        return self.leeway or LEEWAY[self.type]


class Wind(Frozen):
    """The wind at 10 m over the search, held for the whole search (a replication draws its own)."""

    from_deg: float = Field(ge=0, lt=360, description="Direction the wind blows from, degrees true.")
    speed_kn: float = Field(ge=0, le=100)
    speed_sd_kn: float = Field(default=2.0, ge=0, le=50)
    direction_sd_deg: float = Field(default=15.0, ge=0, le=180)


class Current(Frozen):
    """The total surface current (set and drift), with its uncertainty in each direction."""

    set_deg: float = Field(ge=0, lt=360, description="Direction the current flows towards, degrees true.")
    drift_kn: float = Field(ge=0, le=10)
    sd_kn: float = Field(default=0.2, ge=0, le=5, description="Standard deviation of each component, kn.")


class Environment(Frozen):
    """Wind, current, water and light over the search area."""

    wind: Wind
    current: Current
    water_temperature_c: float = Field(ge=-2, le=35)
    visibility_nm: float = Field(default=10.0, gt=0, le=50, description="Meteorological visibility, NM.")
    daylight_h: tuple[float, float] = Field(
        default=(6.0, 18.0), description="First and last light, local clock hours; visual search is by day."
    )
    night_visual_factor: float = Field(
        default=0.0,
        ge=0,
        le=1,
        description="Share of a visual sweep width left at night (0: none; a raft with lights may be seen).",
    )

    @model_validator(mode="after")
    def _light_in_order(self) -> Environment:
        first, last = self.daylight_h
        if not 0 <= first < last <= 24:
            raise ValueError("expected daylight_h [first light, last light] with 0 <= first < last <= 24")
        return self


class Survival(Frozen):
    """How long people last: in the water by its temperature (`jointex.rehearse.vignettes.sar.survival`),
    out of it up to ``limit_h``."""

    median_h: float | None = Field(
        default=None, gt=0, le=1_000, description="Median survival time, overriding the table, hours."
    )
    spread: float = Field(default=0.3, ge=0, le=2, description="Log standard deviation of survival times.")
    limit_h: float = Field(
        default=72.0,
        gt=0,
        le=1_000,
        description="Survival out of the water, or in water too warm for the table to limit it (exposure, "
        "thirst and exhaustion), hours.",
    )


class SearchGrid(Frozen):
    """The square grid of the probability map, centred by default on the object's mean position at the
    middle of the search."""

    cells: int = Field(default=200, ge=10, le=1_000, description="Cells along each side.")
    extent_nm: float | None = Field(
        default=None, gt=0, le=2_000, description="Side of the grid, NM; default: wide enough for the drift."
    )
    centre: GeoPoint | None = None


class SearchPlatform(StrEnum):
    """What carries the sensor: it picks the row of the sweep width table."""

    HELICOPTER = "helicopter"
    FIXED_WING = "fixed_wing"
    SHIP = "ship"


class SensorKind(StrEnum):
    VISUAL = "visual"
    RADAR = "radar"
    FLIR = "flir"


class SearchPattern(StrEnum):
    """IAMSAR search patterns: parallel sweep (PS), expanding square (SS), sector (VS)."""

    PARALLEL_SWEEP = "parallel_sweep"
    EXPANDING_SQUARE = "expanding_square"
    SECTOR = "sector"


class SearchArea(Frozen):
    """A search area assigned by hand: a rectangle whose legs run along ``orientation_deg``."""

    centre: GeoPoint
    length_nm: float = Field(gt=0, le=1_000, description="Along the legs.")
    width_nm: float = Field(gt=0, le=1_000, description="Across the legs.")
    orientation_deg: float = Field(
        default=0.0, ge=0, lt=360, description="Direction of the legs, degrees true."
    )


class SearchAsset(Frozen):
    """A search unit (SRU) of a unit taking part: one aircraft or ship, flying sorties from its base."""

    id: Identifier
    unit: Identifier = Field(description="Unit of the vignette that brings the asset; gives its nation.")
    platform: SearchPlatform
    sensor: SensorKind = SensorKind.VISUAL
    altitude_ft: float | None = Field(
        default=None,
        ge=0,
        le=40_000,
        description="Search altitude (aircraft); the sweep width table's is "
        "500 ft for helicopters, 1,000 ft for fixed-wing aircraft.",
    )
    search_speed_kn: float = Field(gt=0, le=400)
    transit_speed_kn: float | None = Field(default=None, gt=0, le=600, description="Default: search speed.")
    endurance_h: float | None = Field(
        default=None,
        gt=0,
        le=1_000,
        description="Hours a sortie lasts, transits included; none: on scene "
        "to the end of the search (a ship).",
    )
    turnaround_h: float = Field(default=1.0, ge=0, le=48, description="Hours between sorties at base.")
    sorties: int | None = Field(default=None, ge=1, le=100, description="At most; default: as many as fit.")
    available_after_h: float = Field(
        default=0.0, ge=0, le=1_000, description="Hours after the start of the search it can first leave."
    )
    base: GeoPoint | None = Field(default=None, description="Default: the unit's exercise location.")
    transit_nm: float | None = Field(
        default=None, ge=0, le=5_000, description="Distance from base to the search area; default: measured."
    )
    pattern: SearchPattern = SearchPattern.PARALLEL_SWEEP
    sweep_width_nm: float | None = Field(
        default=None, ge=0, le=50, description="Overrides the table (corrected for weather and fatigue)."
    )
    area: SearchArea | None = Field(default=None, description="An area assigned by hand, every sortie.")
    track_spacing_nm: float | None = Field(
        default=None,
        gt=0,
        le=100,
        description="With an area by hand; default: the sortie's track spread evenly over it.",
    )

    @model_validator(mode="after")
    def _consistent(self) -> SearchAsset:
        if self.endurance_h is None and self.platform is not SearchPlatform.SHIP:
            raise ValueError(f"asset {self.id}: an aircraft needs endurance_h (hours a sortie lasts)")
        if self.track_spacing_nm is not None and self.area is None:
            raise ValueError(f"asset {self.id}: track_spacing_nm applies to an area given by hand (area)")
        return self


class DetectionLaw(StrEnum):
    """The lateral range curve of a pass: ``inverse_cube`` (Koopman's law for visual search, the curve
    behind the IAMSAR POD curves) or ``definite_range`` (certain within half a sweep width, never beyond)."""

    INVERSE_CUBE = "inverse_cube"
    DEFINITE_RANGE = "definite_range"


class SarParameters(VignetteParameters):
    """The case, the environment and the search units; times are hours from the start of the search
    (the vignette's start)."""

    datum: Datum
    search_object: SearchObject
    environment: Environment
    survival: Survival = Survival()
    grid: SearchGrid = SearchGrid()
    detection: DetectionLaw = DetectionLaw.INVERSE_CUBE
    assets: tuple[SearchAsset, ...] = Field(min_length=1)
    planning_particles: int = Field(
        default=4_000, ge=500, le=100_000, description="Drift cases the search plan is made on."
    )
    note: ShortText | None = None

    @model_validator(mode="after")
    def _unique_assets(self) -> SarParameters:
        ids = [a.id for a in self.assets]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"asset ids {duplicates} appear more than once")
        return self

    def place_names(self) -> dict[str, str]:
        """None: the SAR metrics name nations, which people know by their codes."""
        return {}

    def unit_references(self) -> list[tuple[FieldPath, str]]:
        """(field path, unit id) of every search unit's unit, for the exercise checks and releases."""
        return [(("assets", i, "unit"), asset.unit) for i, asset in enumerate(self.assets)]


SOURCE = "SAR (search and rescue) vignette"
VALUE = PROPORTION.difference()
"""A difference of two probabilities: within [-1, 1]."""

SAR_METRICS: tuple[MetricSpec, ...] = (
    MetricSpec(
        "sar.pos",
        "probability",
        PROPORTION,
        False,
        "probability of success: the search object found, with someone alive, within the search",
        SOURCE,
        title="Probability of success",
    ),
    MetricSpec(
        "sar.found",
        "probability",
        PROPORTION,
        False,
        "probability the search object is found within the search, alive or not",
        SOURCE,
        title="Probability of finding the object",
    ),
    MetricSpec(
        "sar.time_to_find_h",
        "h",
        NON_NEGATIVE,
        True,
        "hours from the start of the search to the find, where the object was found",
        SOURCE,
        title="Time to find",
    ),
    MetricSpec(
        "sar.lives_saved",
        "people",
        COUNT,
        False,
        "people found alive",
        SOURCE,
        title="Lives saved",
    ),
    MetricSpec(
        "sar.pos_h<hour>",
        "probability",
        PROPORTION,
        False,
        "probability the object is found, with someone alive, by hour h of the search",
        SOURCE,
        title="Probability of success by hour <hour>",
    ),
    MetricSpec(
        "sar.effort_share_pct.<nation>",
        "%",
        PERCENT,
        None,
        "this nation's share of the search effort planned (sweep width x track length on scene)",
        SOURCE,
        title="Share of the search effort by <nation>",
    ),
    MetricSpec(
        "sar.effort_nm2.<nation>",
        "NM²",
        NON_NEGATIVE,
        None,
        "search effort this nation's units plan to fly: sweep width x track length on scene",
        SOURCE,
        title="Search effort of <nation>",
    ),
    MetricSpec(
        "sar.value_pos.<nation>",
        "probability",
        VALUE,
        False,
        "the probability of success this nation's units add: with all units minus without theirs "
        "(the search re-planned without them), on the same drift and survival draws",
        SOURCE,
        title="Probability of success added by <nation>",
    ),
)
"""In the order a run reports them."""

ALLOCATIONS = ("optimal", "uniform")
"""How a search spreads its effort, the kind's two modes: where Stone's allocation puts it on the
probability map, or evenly over the search area."""

DECLARATION = KindDeclaration(
    VignetteKind.SAR,
    SarParameters,
    SAR_METRICS,
    modes=ALLOCATIONS,
    mode_titles={"uniform": "uniform coverage"},
)
