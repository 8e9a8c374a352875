"""The part of the Earth a map shows, fitted to the map's box, and its graticule and scale bar steps.

Maps use the equirectangular projection with the east-west scale set true at the frame's middle
latitude: straight meridians and parallels that read as a grid, true to a few per cent over an exercise
area (the scale bar is measured at the middle latitude).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from jointex.render.maps.geodesy import km_per_degree_lon

GRATICULE_STEPS = (0.05, 0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0)
MIN_SPAN_DEG = 0.4


@dataclass(frozen=True)
class Frame:
    lon_min: float
    lat_min: float
    lon_max: float
    lat_max: float

    @classmethod
    def around(
        cls, points: Iterable[tuple[float, float]], width_px: float, height_px: float, margin: float = 0.08
    ) -> Frame:
        """The smallest frame holding ``points`` (lon, lat) with ``margin`` of its size on each side, widened
        along one axis to fill a box of ``width_px`` x ``height_px``."""
        lons, lats = zip(*points, strict=True)
        lon_min, lon_max, lat_min, lat_max = min(lons), max(lons), min(lats), max(lats)
        lat_mid = (lat_min + lat_max) / 2
        lon_span = max(lon_max - lon_min, MIN_SPAN_DEG) * (1 + 2 * margin)
        lat_span = max(lat_max - lat_min, MIN_SPAN_DEG) * (1 + 2 * margin)
        lon_mid = (lon_min + lon_max) / 2
        squeeze = math.cos(math.radians(lat_mid))
        if lon_span * squeeze / lat_span < width_px / height_px:
            lon_span = lat_span * (width_px / height_px) / squeeze
        else:
            lat_span = lon_span * squeeze / (width_px / height_px)
        lat_low = min(max(lat_mid - lat_span / 2, -85.0), 85.0 - lat_span)
        lon_low = min(max(lon_mid - lon_span / 2, -180.0), 180.0 - lon_span)
        return cls(lon_low, lat_low, lon_low + lon_span, lat_low + lat_span)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        return (self.lon_min, self.lat_min, self.lon_max, self.lat_max)

    @property
    def lat_mid(self) -> float:
        return (self.lat_min + self.lat_max) / 2

    @property
    def aspect(self) -> float:
        """Display length of a degree of latitude over one of longitude."""
        return 1 / math.cos(math.radians(self.lat_mid))

    @property
    def width_km(self) -> float:
        return (self.lon_max - self.lon_min) * km_per_degree_lon(self.lat_mid)


def graticule_step(span_deg: float, lines: int = 6) -> float:
    """The smallest round step that draws at most ``lines`` lines across ``span_deg``."""
    return next((s for s in GRATICULE_STEPS if span_deg / s <= lines), GRATICULE_STEPS[-1])


def graticule_ticks(low: float, high: float, step: float) -> list[float]:
    first = math.ceil(low / step - 1e-9) * step
    count = math.floor((high - first) / step + 1e-9) + 1
    return [round(first + i * step, 6) for i in range(max(count, 0))]


def degree_label(value: float, positive: str, negative: str) -> str:
    """``24°E``, ``55°30′N``, ``10°15′S``."""
    hemisphere = positive if value >= 0 else negative
    minutes_total = round(abs(value) * 60)
    degrees, minutes = divmod(minutes_total, 60)
    return f"{degrees}°{minutes:02d}′{hemisphere}" if minutes else f"{degrees}°{hemisphere}"


def scale_bar_km(width_km: float) -> float:
    """A round length (1, 2 or 5 times a power of ten) about a quarter of the map's width."""
    target = width_km / 4
    power = 10 ** math.floor(math.log10(target))
    return float(max(s * power for s in (1, 2, 5) if s * power <= target))
