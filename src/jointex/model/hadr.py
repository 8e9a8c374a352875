"""Parameters of the humanitarian assistance and disaster relief (HADR) distribution vignette.

The planner describes the crisis as the coordination cell sees it: affected sites with the people in need
there, supply sources (ports, airfields, depots, ships) with stock and daily throughput, the transport
assets each nation brings (each tied to a unit of the exercise, which gives its nation), the road network
with its damage, the disruptions to expect, and how the daily plan is made. Sites can also come from an
HXL-tagged needs spreadsheet (``sites_file``), merged in when the exercise is read.

Needs default to the Sphere minimum standards: 15 litres of water and 2,100 kcal of food per person per
day. Vehicle figures are the planner's; the defaults are neutral round numbers (docs/rehearsal.md).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from jointex.model.base import Frozen, Identifier, ShortText
from jointex.model.geo import GeoPoint
from jointex.model.metrics.hadr import HADR_METRICS
from jointex.model.vignette_kind import FieldPath, KindDeclaration, VignetteKind, VignetteParameters


class Commodity(Frozen):
    """A relief item counted in its own unit (litres, kcal), with the weight and volume of one unit."""

    id: Identifier
    unit: ShortText
    need_per_person_day: float = Field(ge=0, description="Daily need of one person, in the commodity's unit.")
    kg_per_unit: float = Field(gt=0)
    litres_per_unit: float = Field(ge=0, description="Packed volume of one unit, litres.")


SPHERE_COMMODITIES: tuple[Commodity, ...] = (
    Commodity(id="water", unit="L", need_per_person_day=15, kg_per_unit=1.0, litres_per_unit=1.0),
    Commodity(
        id="food",
        unit="kcal",
        need_per_person_day=2_100,
        kg_per_unit=1 / 3_500,
        litres_per_unit=1 / 3_500 / 0.6,
    ),
)
"""Sphere minimums: 15 L water and 2,100 kcal per person per day; food as dry rations of 3,500 kcal/kg
packed at 0.6 kg per litre (notional)."""


class Access(StrEnum):
    """How loads can reach a place: which kind of transport can load or unload there."""

    ROAD = "road"
    HELICOPTER = "helicopter"
    AIRSTRIP = "airstrip"
    BEACH = "beach"


class AssetType(StrEnum):
    TRUCK = "truck"
    HELICOPTER = "helicopter"
    FIXED_WING = "fixed_wing"
    LANDING_CRAFT = "landing_craft"

    @property
    def access(self) -> Access:
        """What a site or source must offer for this kind of asset to use it."""
        return {
            AssetType.TRUCK: Access.ROAD,
            AssetType.HELICOPTER: Access.HELICOPTER,
            AssetType.FIXED_WING: Access.AIRSTRIP,
            AssetType.LANDING_CRAFT: Access.BEACH,
        }[self]


class Site(Frozen):
    """An affected place (barangay, camp, town) to deliver to."""

    id: Identifier
    name: ShortText | None = None
    position: GeoPoint
    population: int = Field(ge=0, le=100_000_000, description="People in need at the site.")
    priority: int = Field(
        default=3, ge=1, le=5, description="1 (lowest) to 5 (most urgent), as HXL #severity."
    )
    needs_per_day: dict[Identifier, float] = Field(
        default_factory=dict,
        description="Daily need per commodity id in its unit; overrides population x the per-person need.",
    )
    access: frozenset[Access] = Field(default=frozenset({Access.ROAD, Access.HELICOPTER}))
    window_h: tuple[float, float] = Field(
        default=(0, 24), description="Hours of the day [open, close) when deliveries are received."
    )
    unload_min: float = Field(
        default=20, ge=0, le=24 * 60, description="Unloading time per delivery, minutes."
    )

    @model_validator(mode="after")
    def _window_in_order(self) -> Site:
        low, high = self.window_h
        if not 0 <= low < high <= 24:
            raise ValueError("expected window_h [open, close] with 0 <= open < close <= 24")
        return self


class SourceKind(StrEnum):
    PORT = "port"
    AIRFIELD = "airfield"
    DEPOT = "depot"
    SHIP = "ship"


class SupplySource(Frozen):
    """Where relief is loaded: stock on hand at the start, daily arrivals and handling limit."""

    id: Identifier
    name: ShortText | None = None
    kind: SourceKind = SourceKind.DEPOT
    position: GeoPoint
    stock: dict[Identifier, float] = Field(
        default_factory=dict, description="Stock on hand at the start, per commodity id, in its unit."
    )
    resupply_per_day: dict[Identifier, float] = Field(
        default_factory=dict, description="Arrivals each morning from outside the area, per commodity."
    )
    throughput_t_per_day: float = Field(gt=0, description="Tonnes that can be loaded out per day.")
    access: frozenset[Access] = Field(default=frozenset({Access.ROAD, Access.HELICOPTER}))
    load_min: float = Field(default=30, ge=0, le=24 * 60, description="Loading time per trip, minutes.")


class TransportAsset(Frozen):
    """``count`` identical vehicles of one unit: their capacity, speed, reach and cost."""

    id: Identifier
    unit: Identifier = Field(description="Unit of the vignette that brings the asset; gives its nation.")
    type: AssetType
    count: int = Field(default=1, ge=1, le=500)
    capacity_kg: float = Field(gt=0)
    capacity_m3: float = Field(gt=0)
    speed_kmh: float = Field(gt=0, le=1_000)
    range_km: float = Field(gt=0, description="Longest trip (source, sites, back) without refuelling, km.")
    sources: tuple[Identifier, ...] = Field(
        min_length=1, description="Sources it loads at; the first is home."
    )
    available_days: tuple[int, int] | None = Field(
        default=None, description="First and last day of the vignette (1-based) it is in theatre."
    )
    crew_duty_h: float = Field(default=10, gt=0, le=24, description="Crew duty limit per day, hours.")
    cost_per_km: float = Field(default=0, ge=0, description="Operating cost per km, US dollars.")

    @property
    def capacity_litres(self) -> float:
        return self.capacity_m3 * 1_000


class SegmentState(StrEnum):
    OPEN = "open"
    DAMAGED = "damaged"
    CLOSED = "closed"


class RoadSegment(Frozen):
    """A road between two places (site, source or junction ids)."""

    ends: tuple[Identifier, Identifier]
    length_km: float | None = Field(
        default=None, gt=0, description="Length; by default the great-circle distance x the road factor."
    )
    state: SegmentState = SegmentState.OPEN


class Junction(Frozen):
    id: Identifier
    position: GeoPoint


class RoadNetwork(Frozen):
    """Roads. Without segments, every pair of road-accessible places is linked by the great-circle
    distance times ``road_factor``; with segments, trucks drive shortest paths over the open ones."""

    road_factor: float = Field(default=1.4, ge=1, le=5)
    damaged_speed_factor: float = Field(default=0.5, gt=0, le=1)
    junctions: tuple[Junction, ...] = ()
    segments: tuple[RoadSegment, ...] = ()


class Disruptions(Frozen):
    """Daily chances of what goes wrong; each happens at a uniformly random hour of the working day."""

    aftershock_per_day: float = Field(default=0.15, ge=0, le=1)
    aftershock_closes_road: float = Field(
        default=0.2, ge=0, le=1, description="Chance each open road link closes in an aftershock."
    )
    closure_days: int = Field(default=2, ge=1, le=365, description="Days a closed road stays closed.")
    helicopter_weather_per_day: float = Field(
        default=0.1,
        ge=0,
        le=1,
        description="Chance weather grounds every helicopter for the rest of the day.",
    )
    breakdown_per_vehicle_day: float = Field(default=0.03, ge=0, le=1)
    repair_days: int = Field(default=1, ge=1, le=365)


class PlanningSettings(Frozen):
    """How the coordination cell plans each day (see docs/rehearsal.md, relief distribution)."""

    day_start_h: float = Field(default=6, ge=0, lt=24, description="Start of the working day, hour.")
    day_length_h: float = Field(default=12, gt=0, le=24)
    iterations: int = Field(
        default=100,
        ge=1,
        le=100_000,
        description="PyVRP search iterations per plan, at most: the search stops early once its best plan "
        "has not improved for half of them.",
    )
    max_lots_per_site: int = Field(
        default=4, ge=1, le=20, description="Deliveries a site's need splits into."
    )
    max_trips_per_day: int = Field(default=8, ge=1, le=50)
    deprivation_growth_per_h: float = Field(
        default=0.1172,
        ge=0,
        le=1,
        description="Exponential growth of the marginal deprivation cost per hour of unmet need "
        "(Holguin-Veras et al. 2013, water).",
    )
    value_per_kg: float = Field(
        default=50, gt=0, le=400, description="Value of a kg of relief to the most deprived site, US dollars."
    )


class HadrParameters(VignetteParameters):
    """Everything the relief distribution rehearsal needs beyond the vignette's units and window."""

    commodities: tuple[Commodity, ...] = SPHERE_COMMODITIES
    sites: tuple[Site, ...] = ()
    sites_file: str | None = Field(
        default=None, description="HXL CSV of sites and people in need, relative to the exercise file."
    )
    sources: tuple[SupplySource, ...] = Field(min_length=1)
    assets: tuple[TransportAsset, ...] = Field(min_length=1)
    roads: RoadNetwork = RoadNetwork()
    disruptions: Disruptions = Disruptions()
    planning: PlanningSettings = PlanningSettings()
    days: int | None = Field(default=None, ge=1, le=60, description="Days to plan; default: the window's.")

    @model_validator(mode="after")
    def _references_known(self) -> HadrParameters:
        problems: list[str] = []
        if not self.sites and self.sites_file is None:
            problems.append("no sites: give sites or a sites_file")
        for what, items in (
            ("commodity", self.commodities),
            ("site", self.sites),
            ("source", self.sources),
            ("asset", self.assets),
            ("junction", self.roads.junctions),
        ):
            ids = [item.id for item in items]
            duplicates = sorted({i for i in ids if ids.count(i) > 1})
            if duplicates:
                problems.append(f"{what} ids {duplicates} appear more than once")
        places = (
            {s.id for s in self.sites} | {s.id for s in self.sources} | {j.id for j in self.roads.junctions}
        )
        commodities = {c.id for c in self.commodities}
        sources = {s.id for s in self.sources}
        for asset in self.assets:
            unknown = [s for s in asset.sources if s not in sources]
            if unknown:
                problems.append(f"asset {asset.id} loads at unknown sources {unknown}")
            if asset.available_days and asset.available_days[0] > asset.available_days[1]:
                problems.append(f"asset {asset.id}: available_days must be [first, last] in order")
        for source in self.sources:
            unknown = sorted((set(source.stock) | set(source.resupply_per_day)) - commodities)
            if unknown:
                problems.append(f"source {source.id} stocks unknown commodities {unknown}")
        for site in self.sites:
            unknown = sorted(set(site.needs_per_day) - commodities)
            if unknown:
                problems.append(f"site {site.id} needs unknown commodities {unknown}")
        for segment in self.roads.segments:
            unknown = [end for end in segment.ends if end not in places]
            if unknown:
                problems.append(f"road segment {list(segment.ends)} joins unknown places {unknown}")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def need_per_day(self, site: Site, commodity: Commodity) -> float:
        """The site's daily need of a commodity, in its unit (Sphere default unless the site says)."""
        return site.needs_per_day.get(commodity.id, site.population * commodity.need_per_person_day)

    def place_names(self) -> dict[str, str]:
        """The supply sources' and sites' names by id (sites from ``sites_file`` included, once the
        exercise is read), for titles people read (``Need met at Guiuan``); one without a name is left
        out."""
        names = {source.id: source.name for source in self.sources if source.name}
        return names | {site.id: site.name for site in self.sites if site.name}

    def unit_references(self) -> list[tuple[FieldPath, str]]:
        """(field path, unit id) of every transport asset's unit: the exercise checks find one that does
        not take part, and the release policy removes the asset of a withheld unit."""
        return [(("assets", i, "unit"), asset.unit) for i, asset in enumerate(self.assets)]


DECLARATION = KindDeclaration(VignetteKind.HADR, HadrParameters, HADR_METRICS)
"""The relief distribution kind: its parameters and its metrics."""
