"""Colours, sizes and fonts of the maps, in one place."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

LAYOUT_DPI = 100
"""Dots per inch at which labels are placed; any output resolution scales the whole map alike."""
PNG_DPI = 150

A4_TEXT_WIDTH_IN = (210 - 2 * 14) / 25.4
"""The width of the text on an A4 page with the reports' 14 mm side margins (7.17 inches)."""
SMALLEST_PRINTED_PT = 7.0
"""No text of a map is smaller than this where it is printed at its own size."""

_LEFT_IN, _RIGHT_IN, _BOTTOM_IN, _TOP_IN, _GAP_IN = 0.66, 0.15, 0.6, 0.98, 0.25
"""Margins around the map: the graticule's degree labels at the left and bottom, the label, title and
subtitle at the top, the gap between the map and its key."""


@dataclass(frozen=True)
class Layout:
    """The size of a map's figure, in inches, and where the map and its key go on it. A map is drawn at
    the size it is printed at, so that its text keeps its point size on paper."""

    name: str
    width_in: float
    height_in: float
    key_width_in: float

    @property
    def figure_in(self) -> tuple[float, float]:
        return (self.width_in, self.height_in)

    @property
    def map_box(self) -> tuple[float, float, float, float]:
        """The map's axes in figure fractions (left, bottom, width, height); the key sits to its right."""
        width = self.width_in - _LEFT_IN - _GAP_IN - self.key_width_in - _RIGHT_IN
        return (
            _LEFT_IN / self.width_in,
            _BOTTOM_IN / self.height_in,
            width / self.width_in,
            (self.height_in - _BOTTOM_IN - _TOP_IN) / self.height_in,
        )

    @property
    def key_box(self) -> tuple[float, float, float, float]:
        left = self.width_in - _RIGHT_IN - self.key_width_in
        box = self.map_box
        return (left / self.width_in, box[1], self.key_width_in / self.width_in, box[3])

    def from_top(self, inches: float) -> float:
        """The figure fraction (from the bottom) of a height ``inches`` below the top edge."""
        return 1 - inches / self.height_in

    @property
    def left(self) -> float:
        return _LEFT_IN / self.width_in

    def characters(self, width_in: float, size_pt: float) -> int:
        """About how many characters of text at ``size_pt`` fit in ``width_in`` (DejaVu Sans averages a
        little over half an em per character)."""
        return max(12, int(width_in * 72 / (0.56 * size_pt)))


SHEET = Layout("sheet", 11.0, 8.5, 2.64)
"""A map of its own (`jointex map`): letter landscape, printed on one page at its size."""
REPORT = Layout("report", 7.1, 6.2, 2.0)
"""A map in a report: as wide as the text of an A4 page, so that printing keeps its size."""
REPORT_TALL = Layout("report-tall", 7.1, 7.2, 2.0)
"""A map in a report whose key is long (a vignette's: threats, nations, kinds of transport)."""

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
SITE_LABEL_PT = 7.0
KEY_PT = 7.0
NOTE_PT = 7.0
TICK_PT = 7.0
COUNTRY_PT = 8.5
TITLE_PT = 13.0
SUBTITLE_PT = 8.5
MARKING_PT = 8.5
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
