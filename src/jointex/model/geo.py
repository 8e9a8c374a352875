"""Places on the Earth: WGS84 points written as ``"lat, lon"``, ``[lat, lon]``, a mapping, or MGRS."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pydantic import ConfigDict, Field, field_validator, model_validator

from jointex.model.base import Frozen, ShortText

_LAT_LON = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)\s*[,\s]\s*([-+]?\d+(?:\.\d+)?)\s*$")
_MGRS = re.compile(r"^\s*(\d{1,2})\s*([C-HJ-NP-X])\s*([A-HJ-NP-Z]{2})\s*(\d{0,10})\s*$", re.IGNORECASE)
_MGRS_MIDDLE_SPACE = re.compile(r"^(\d{1,5})\s+(\d{1,5})$")

POSITION_FORMS = "'lat, lon' in decimal degrees, [lat, lon], {lat_deg: ..., lon_deg: ...} or an MGRS string"


@cache
def _mgrs_converter() -> Any:
    import mgrs

    return mgrs.MGRS()


def mgrs_to_lat_lon(text: str) -> tuple[float, float]:
    """Convert an MGRS reference (``33UXP0500444998``, spaces allowed) to WGS84 degrees."""
    compact = re.sub(r"\s+", "", text).upper()
    match = _MGRS.match(compact)
    if match is None or len(match[4]) % 2:
        raise ValueError(f"{text!r} is not a valid MGRS reference")
    converter = _mgrs_converter()
    try:
        lat, lon = converter.toLatLon(compact)
    except Exception:  # the library raises bare MGRSError/ValueError alike
        # The library writes points a metre south of the equator in band M with northing 0, which it
        # cannot read back: that northing is the equator itself, which band N holds.
        if match[2].upper() != "M":
            raise ValueError(f"{text!r} is not a valid MGRS reference") from None
        try:
            lat, lon = converter.toLatLon(compact.replace("M", "N", 1))
        except Exception:
            raise ValueError(f"{text!r} is not a valid MGRS reference") from None
    return float(lat), float(lon)


def lat_lon_to_mgrs(lat_deg: float, lon_deg: float, precision: int = 5) -> str:
    """WGS84 degrees as an MGRS reference at 1 m (precision 5) down to 100 km (precision 0)."""
    return str(_mgrs_converter().toMGRS(lat_deg, lon_deg, MGRSPrecision=precision))


def _coerce_position(value: Any) -> Any:
    if isinstance(value, GeoPoint):
        return value
    if isinstance(value, (list, tuple)):
        if len(value) != 2:
            raise ValueError(f"a position has 2 numbers [lat, lon], got {len(value)}")
        return {"lat_deg": value[0], "lon_deg": value[1]}
    if isinstance(value, str):
        match = _LAT_LON.match(value)
        if match:
            return {"lat_deg": float(match[1]), "lon_deg": float(match[2])}
        if re.search(r"[A-Za-z]", value):
            lat, lon = mgrs_to_lat_lon(value)
            return {"lat_deg": lat, "lon_deg": lon}
        raise ValueError(f"cannot read the position {value!r}; expected {POSITION_FORMS}")
    if isinstance(value, dict):
        aliases = {"lat": "lat_deg", "lon": "lon_deg", "latitude": "lat_deg", "longitude": "lon_deg"}
        return {aliases.get(key, key): item for key, item in value.items()}
    raise ValueError(f"cannot read a position from {type(value).__name__}; expected {POSITION_FORMS}")


def _or_bare_position(schema: dict[str, Any], what: str) -> None:
    """Make a model's JSON Schema also accept the string and [lat, lon] forms of a position."""
    as_object = {k: v for k, v in schema.items() if k != "description"}
    schema.clear()
    schema.update(
        {
            "description": f"{what}: {POSITION_FORMS}.",
            "anyOf": [
                {"type": "string", "description": "'lat, lon' in decimal degrees, or an MGRS reference"},
                {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2},
                as_object,
            ],
        }
    )


def _position_schema(schema: dict[str, Any]) -> None:
    _or_bare_position(schema, "A WGS84 position")


class GeoPoint(Frozen):
    """A WGS84 point in decimal degrees."""

    model_config = ConfigDict(json_schema_extra=_position_schema)

    lat_deg: float = Field(ge=-90, le=90)
    lon_deg: float = Field(ge=-180, le=180)

    @model_validator(mode="before")
    @classmethod
    def _any_form(cls, value: Any) -> Any:
        return _coerce_position(value)

    @property
    def mgrs(self) -> str:
        return lat_lon_to_mgrs(self.lat_deg, self.lon_deg)

    def __str__(self) -> str:
        return f"{self.lat_deg:.5f}, {self.lon_deg:.5f}"


class Place(Frozen):
    """A named position. ``home_base`` marks a place outside the exercise area on purpose.

    Written as a bare position (``"54.63, 25.28"``) or a mapping with ``position`` and optional ``name``.
    """

    model_config = ConfigDict(json_schema_extra=lambda schema: _or_bare_position(schema, "A named place"))

    name: ShortText | None = None
    position: GeoPoint
    home_base: bool = False

    @model_validator(mode="before")
    @classmethod
    def _bare_position(cls, value: Any) -> Any:
        if isinstance(value, (str, list, tuple)):
            return {"position": value}
        return value


class Area(Frozen):
    """The exercise area: a polygon given by its boundary points (closed automatically)."""

    name: ShortText | None = None
    boundary: tuple[GeoPoint, ...] = Field(min_length=3)

    @field_validator("boundary", mode="after")
    @classmethod
    def _distinct_corners(cls, value: tuple[GeoPoint, ...]) -> tuple[GeoPoint, ...]:
        corners = {(p.lat_deg, p.lon_deg) for p in value}
        if len(corners) < 3:
            raise ValueError("an area needs at least 3 distinct corner points")
        return value
