"""Colours, sizes and fonts of the maps, in one place."""

from __future__ import annotations

from collections.abc import Iterable

FIGURE_IN = (11.0, 8.5)
"""Letter landscape: prints on one page and fits a report's width."""
LAYOUT_DPI = 100
"""Dots per inch at which labels are placed; any output resolution scales the whole map alike."""
PNG_DPI = 150
MAP_BOX = (0.06, 0.07, 0.665, 0.835)
"""The map's axes in figure fractions (left, bottom, width, height); the key sits to its right."""
KEY_BOX = (0.745, 0.07, 0.24, 0.835)

SEA = "#d4e4f1"
LAND = "#f3f0e6"
COAST = "#5f7a8f"
BORDER = "#8e6c8a"
GRID = "#9fb3c4"
AREA = "#b71c1c"
TEXT = "#212121"
MUTED = "#616161"
LEADER = "#424242"
COUNTRY = "#8a8478"

LABEL_PT = 7.0
SITE_LABEL_PT = 6.5
SYMBOL_HEIGHT_PX = 24.0
"""Height of a unit symbol at `LAYOUT_DPI` (0.24 inch, the size of a symbol on a printed overlay)."""

NATION_COLOURS = (
    "#1565c0",
    "#c62828",
    "#2e7d32",
    "#ef6c00",
    "#6a1b9a",
    "#00838f",
    "#ad1457",
    "#4e342e",
    "#558b2f",
    "#283593",
)


def nation_colours(nations: Iterable[str]) -> dict[str, str]:
    """A distinct colour per nation, in the order given."""
    return {n: NATION_COLOURS[i % len(NATION_COLOURS)] for i, n in enumerate(nations)}


def coverage_colour(pct: float) -> str:
    """Red (nothing) through amber to green (all need met)."""
    t = min(1.0, max(0.0, pct / 100))
    red, green = (int(198 + (46 - 198) * t), int(40 + (125 - 40) * t))
    return f"#{red:02x}{green:02x}32"
