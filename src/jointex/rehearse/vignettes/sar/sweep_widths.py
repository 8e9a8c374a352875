"""Sweep widths: how wide a swath a search unit sweeps clean, by platform, sensor, object and visibility.

The table ships with jointex (``data/sweep_widths.csv``): uncorrected sweep widths in NM at five
meteorological visibilities, laid out like the IAMSAR Manual Vol. II, Appendix N tables (visual search
from ships, from helicopters at 500 ft and from fixed-wing aircraft at 1,000 ft), with notional round
figures of their magnitudes, and radar and FLIR rows that do not depend on visibility. Between the
tabulated visibilities the width is interpolated linearly; beyond them it is held at the end value.

The IAMSAR weather correction follows (`weather_factor`): winds of 15 to 25 kn (or seas of 3 to 5 ft)
halve the sweep width for a person in the water, a raft or a small boat and take a tenth off for larger
objects; above 25 kn, a quarter is left for the small objects and nine tenths for the others. An asset's
``sweep_width_nm`` overrides the table and the correction (the planner's figure is final).
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources

import numpy as np

from jointex.model.sar import SearchObjectType, SearchPlatform, SensorKind

SMALL_OBJECTS = frozenset(
    {
        SearchObjectType.PERSON_IN_WATER,
        SearchObjectType.LIFE_RAFT,
        SearchObjectType.LIFE_RAFT_NO_BALLAST,
        SearchObjectType.SMALL_BOAT,
    }
)
"""Objects IAMSAR's weather correction treats as small: a person in the water, rafts, boats under 10 m."""

TABLE_ALTITUDE_FT = {SearchPlatform.HELICOPTER: 500.0, SearchPlatform.FIXED_WING: 1_000.0}


@cache
def _table() -> tuple[tuple[float, ...], dict[tuple[str, str, str], tuple[float, ...]]]:
    text = (
        resources.files("jointex.rehearse.vignettes.sar")
        .joinpath("data")
        .joinpath("sweep_widths.csv")
        .read_text()
    )
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    reader = csv.reader(io.StringIO("\n".join(rows)))
    header = next(reader)
    visibilities = tuple(float(v) for v in header[3:])
    table = {(r[0], r[1], r[2]): tuple(float(v) for v in r[3:]) for r in reader}
    return visibilities, table


def table_sweep_width_nm(
    platform: SearchPlatform, sensor: SensorKind, search_object: SearchObjectType, visibility_nm: float
) -> float:
    """The uncorrected sweep width from the shipped table, NM."""
    visibilities, table = _table()
    widths = table[(platform.value, sensor.value, search_object.value)]
    return float(np.interp(visibility_nm, visibilities, widths))


def weather_factor(search_object: SearchObjectType, wind_kn: float) -> float:
    """IAMSAR's weather correction factor for the wind over the search area."""
    if wind_kn <= 15:
        return 1.0
    small = search_object in SMALL_OBJECTS
    if wind_kn <= 25:
        return 0.5 if small else 0.9
    return 0.25 if small else 0.9


def sweep_width_nm(
    platform: SearchPlatform,
    sensor: SensorKind,
    search_object: SearchObjectType,
    visibility_nm: float,
    wind_kn: float,
) -> float:
    """The corrected sweep width: the table's, times the weather correction."""
    return table_sweep_width_nm(platform, sensor, search_object, visibility_nm) * weather_factor(
        search_object, wind_kn
    )
