"""Parameters of the integrated air and missile defence (IAMD) and counter-drone vignette.

Everything here is notional and set by the planner: threat classes, the raid, the defended assets, the
sensors and shooters (each tied to a unit of the exercise, which gives its nation and, by default, its
position), the command and control latencies and the engagement doctrine. The defaults are neutral
round numbers, not data about any real system; docs/rehearsal.md lists them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import Field, field_validator, model_validator

from jointex.model.base import Frozen, Identifier, ShortText
from jointex.model.geo import GeoPoint
from jointex.model.metrics.iamd import IAMD_METRICS
from jointex.model.vignette_kind import FieldPath, KindDeclaration, VignetteKind, VignetteParameters


class ThreatClass(StrEnum):
    SMALL_DRONE = "small_drone"
    LOITERING_MUNITION = "loitering_munition"
    CRUISE_MISSILE = "cruise_missile"
    BALLISTIC_MISSILE = "ballistic_missile"


class ThreatType(Frozen):
    """How a class of threat flies and what it is worth to the attacker."""

    speed_mps: float = Field(gt=0, description="Ground speed, metres per second.")
    altitude_m: tuple[float, float] = Field(
        description="Altitude band [low, high] in metres; radar horizons use the low edge (worst case)."
    )
    signature: Literal["very_small", "small", "medium", "large"] = "small"
    cost: float = Field(ge=0, description="Cost of one threat to the attacker, for the cost exchange ratio.")
    priority: float = Field(gt=0, description="Class weight in engagement priority (times the asset value).")

    @model_validator(mode="after")
    def _band_in_order(self) -> ThreatType:
        low, high = self.altitude_m
        if not 0 <= low <= high:
            raise ValueError("expected an altitude band [low, high] with 0 <= low <= high")
        return self


DEFAULT_THREAT_TYPES: dict[ThreatClass, ThreatType] = {
    ThreatClass.SMALL_DRONE: ThreatType(
        speed_mps=40, altitude_m=(50, 500), signature="very_small", cost=20_000, priority=1
    ),
    ThreatClass.LOITERING_MUNITION: ThreatType(
        speed_mps=50, altitude_m=(100, 1_500), signature="small", cost=50_000, priority=2
    ),
    ThreatClass.CRUISE_MISSILE: ThreatType(
        speed_mps=250, altitude_m=(30, 100), signature="medium", cost=1_500_000, priority=3
    ),
    ThreatClass.BALLISTIC_MISSILE: ThreatType(
        speed_mps=2_000, altitude_m=(20_000, 80_000), signature="large", cost=3_000_000, priority=4
    ),
}
"""Notional, neutral defaults; a vignette overrides any class under ``threat_types``."""


class DefendedAsset(Frozen):
    """Something the raid targets and the defence protects; its value weights engagement priority."""

    id: Identifier
    name: ShortText | None = None
    position: GeoPoint
    value: float = Field(default=1.0, gt=0)


class Raid(Frozen):
    """A wave of threats of one class from one launch point at one defended asset."""

    id: Identifier
    threat: ThreatClass
    count: int = Field(ge=1, le=100_000)
    target: Identifier = Field(description="Id of a defended asset.")
    launch_point: GeoPoint
    launch_after_s: float = Field(
        default=0.0, ge=0, description="First launch, seconds after vignette start."
    )
    interval_s: float = Field(default=0.0, ge=0, description="Seconds between successive launches.")
    priority: float | None = Field(
        default=None, gt=0, description="Engagement priority; default: class priority x asset value."
    )


class Sensor(Frozen):
    """A radar (or other sensor) of a unit taking part: it feeds its own nation's air picture."""

    unit: Identifier
    position: GeoPoint | None = Field(default=None, description="Default: the unit's exercise location.")
    antenna_height_m: float = Field(
        default=10.0, ge=0, description="Above ground; 9,000 for an AEW aircraft."
    )
    detection_range_km: dict[ThreatClass, float] = Field(
        description="Free-space detection range per threat class, km; capped by the radar horizon."
    )
    scan_period_s: float = Field(default=10.0, gt=0)
    detection_probability: float = Field(default=0.9, gt=0, le=1, description="Per scan, target in range.")


class Shooter(Frozen):
    """An interceptor, gun or jammer fire unit of a unit taking part."""

    unit: Identifier
    position: GeoPoint | None = Field(default=None, description="Default: the unit's exercise location.")
    range_km: dict[ThreatClass, tuple[float, float]] = Field(
        description="Engagement envelope [min, max] per threat class, km, at the moment of intercept."
    )
    kill_probability: dict[ThreatClass, float] = Field(description="Single-shot kill probability per class.")
    magazine: int = Field(ge=0, description="Rounds ready to fire.")
    salvo: int = Field(default=1, ge=1, description="Rounds per engagement; only full salvos are fired.")
    reaction_s: float = Field(default=10.0, ge=0, description="From holding a track to the first launch.")
    reload_s: float = Field(default=5.0, ge=0, description="From one launch to the next engagement.")
    time_of_flight_s: float = Field(
        default=10.0, ge=0, description="From launch to intercept and kill assessment."
    )
    cost_per_shot: float = Field(default=0.0, ge=0)

    @model_validator(mode="after")
    def _consistent(self) -> Shooter:
        for threat, (low, high) in self.range_km.items():
            if not 0 <= low < high:
                raise ValueError(f"range_km of {threat.value}: expected [min, max] with 0 <= min < max")
        for threat, p in self.kill_probability.items():
            if not 0 <= p <= 1:
                raise ValueError(f"kill_probability of {threat.value}: expected a probability in [0, 1]")
        return self


class CommandAndControl(Frozen):
    """How fast tracks cross between nations over a shared data link."""

    data_link_latency_s: float = Field(default=2.0, ge=0, description="Track delay over a direct link.")
    gateway_latency_s: float = Field(default=6.0, ge=0, description="Extra delay when a gateway forwards it.")


class IamdParameters(VignetteParameters):
    """The raid, the defence and its doctrine. Times are seconds after the vignette's start."""

    threat_types: dict[ThreatClass, ThreatType] = Field(
        default_factory=dict, description="Overrides of the notional defaults per threat class."
    )
    defended_assets: tuple[DefendedAsset, ...] = Field(min_length=1)
    raids: tuple[Raid, ...] = Field(min_length=1)
    sensors: tuple[Sensor, ...] = Field(min_length=1)
    shooters: tuple[Shooter, ...] = Field(min_length=1, title="fire units")
    doctrine: Literal["shoot-shoot", "shoot-look-shoot"] = Field(
        default="shoot-look-shoot",
        description="shoot-shoot: each fire unit engages a threat once with its salvo; shoot-look-shoot: "
        "it looks after each salvo and may engage again, up to engagement_rounds.",
    )
    engagement_rounds: int = Field(default=2, ge=1, le=16)
    c2: CommandAndControl = Field(default_factory=CommandAndControl)
    currency: str = Field(
        default="USD",
        description="ISO 4217 code of the currency every cost here is written in (each fire unit's "
        "cost_per_shot, each threat class's cost); reports give the interceptor cost in millions of it.",
    )
    note: ShortText | None = None

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, code: str) -> str:
        import pycountry

        currency = pycountry.currencies.get(alpha_3=code) if len(code) == 3 else None
        if currency is None:
            raise ValueError(
                f"{code!r} is not an ISO 4217 currency code; expected one such as USD, EUR or NOK"
            )
        return str(currency.alpha_3)

    @model_validator(mode="after")
    def _targets_known(self) -> IamdParameters:
        assets = {a.id for a in self.defended_assets}
        if len(assets) != len(self.defended_assets):
            raise ValueError("defended asset ids must be unique")
        for raid in self.raids:
            if raid.target not in assets:
                raise ValueError(f"raid {raid.id} targets {raid.target!r}; expected one of {sorted(assets)}")
        return self

    def threat_type(self, threat: ThreatClass) -> ThreatType:
        return self.threat_types.get(threat, DEFAULT_THREAT_TYPES[threat])

    def place_names(self) -> dict[str, str]:
        """The defended assets' names by id, for titles people read (``Leakers at Vilnius government
        district``); an asset without a name is left out."""
        return {asset.id: asset.name for asset in self.defended_assets if asset.name}

    def unit_references(self) -> list[tuple[FieldPath, str]]:
        """(field path, unit id) of every sensor's and fire unit's unit: the exercise checks find one
        that does not take part, and the release policy removes the sensor or fire unit of a withheld
        unit."""
        references: list[tuple[FieldPath, str]] = []
        references.extend((("sensors", i, "unit"), sensor.unit) for i, sensor in enumerate(self.sensors))
        references.extend((("shooters", i, "unit"), shooter.unit) for i, shooter in enumerate(self.shooters))
        return references


DECLARATION = KindDeclaration(
    VignetteKind.IAMD,
    IamdParameters,
    IAMD_METRICS,
    modes=("integrated", "national"),
    mode_titles={"national": "national pictures"},
)
"""The IAMD kind: its parameters, and its metrics (coalition-wide, then per nation)."""
