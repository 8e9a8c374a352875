"""Charts drawn as HTML tables with coloured cells and CSS bars, not pictures.

They print crisp at any size, a screen reader reads their numbers, text in them can be searched, and they
cost microseconds where a matplotlib image costs half a second. The templates draw them with the macros in
``templates/charts.html.j2``; this module only works out what each cell and bar says and its colour.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from jointex.model.metrics.display import format_number

RATING_COLOURS = {"P": "#2e7d32", "S": "#7cb342", "M": "#f9a825", "U": "#c62828", "not rated": "#9e9e9e"}
"""HSEEP ratings, best (green) to worst (red); the same colours as the rating badges."""
STATUS_COLOURS = {"met": "#2e7d32", "uncertain": "#f9a825", "not met": "#c62828", "no evidence": "#9e9e9e"}
"""Measure statuses."""
NOT_APPLICABLE = "#e0e0e0"

# ColorBrewer RdYlGn, 11 classes (red = 0, green = 1): the scale of the earlier matplotlib heatmaps
_RED_YELLOW_GREEN = (
    "#a50026",
    "#d73027",
    "#f46d43",
    "#fdae61",
    "#fee08b",
    "#ffffbf",
    "#d9ef8b",
    "#a6d96a",
    "#66bd63",
    "#1a9850",
    "#006837",
)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def score_colour(score: float) -> str:
    """The colour of a share in [0, 1] on the red-yellow-green scale (clipped outside it)."""
    position = min(max(score, 0.0), 1.0) * (len(_RED_YELLOW_GREEN) - 1)
    low = min(int(position), len(_RED_YELLOW_GREEN) - 2)
    fraction = position - low
    a, b = _rgb(_RED_YELLOW_GREEN[low]), _rgb(_RED_YELLOW_GREEN[low + 1])
    mixed = (round(x + (y - x) * fraction) for x, y in zip(a, b, strict=True))
    return "#{:02x}{:02x}{:02x}".format(*mixed)


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (WCAG relative luminance)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(background))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#000000" if luminance > 0.18 else "#ffffff"


@dataclass(frozen=True)
class HeatCell:
    text: str
    background: str
    colour: str
    title: str


@dataclass(frozen=True)
class Heatmap:
    """A nation x nation matrix of shares, each cell coloured by its value."""

    title: str
    nations: tuple[str, ...]
    rows: tuple[tuple[HeatCell, ...], ...]
    reading: str
    """How to read a cell of a directed matrix, e.g. "row refuels column"; empty when symmetric."""
    scale: str
    """What the colour measures."""
    scale_stops: tuple[str, ...] = _RED_YELLOW_GREEN


def heatmap(
    title: str,
    nations: Sequence[str],
    scores: NDArray[np.float64],
    directed: bool,
    scale: str = "share of unit pairs that work",
) -> Heatmap:
    """Nation x nation scores in [0, 1]; NaN (the domain does not apply, or a nation with itself where
    nothing is scored) is a grey cell."""
    rows = []
    for row, nation in enumerate(nations):
        cells = []
        for column, other in enumerate(nations):
            value = float(scores[row, column])
            pair = f"{nation} → {other}" if directed else f"{nation} – {other}"
            if math.isnan(value):
                cells.append(HeatCell("", NOT_APPLICABLE, "#000000", f"{pair}: not applicable"))
            else:
                background = score_colour(value)
                share = format_number(100 * value, unit="%", decimals=0)
                cells.append(HeatCell(share, background, text_colour(background), f"{pair}: {share}"))
        rows.append(tuple(cells))
    return Heatmap(
        title,
        tuple(nations),
        tuple(rows),
        "row refuels column" if directed else "",
        scale,
    )


@dataclass(frozen=True)
class Segment:
    category: str
    count: int
    width_pct: float
    background: str
    colour: str


@dataclass(frozen=True)
class BarRow:
    name: str
    total: int
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class StackedBars:
    """One horizontal bar per row, stacked by category; bars share one scale, the longest filling the row.
    The legend is drawn below the bars, never over them."""

    title: str
    rows: tuple[BarRow, ...]
    legend: tuple[tuple[str, str], ...]


def stacked_bars(
    title: str, rows: Mapping[str, Mapping[str, int]], colours: Mapping[str, str]
) -> StackedBars:
    """``rows[name][category]`` counts, e.g. objectives of an aspect by rating; categories in the order
    of ``colours``, which lists every category the legend shows."""
    longest = max((sum(counts.values()) for counts in rows.values()), default=0) or 1
    bars = []
    for name, counts in rows.items():
        segments = tuple(
            Segment(category, counts[category], 100 * counts[category] / longest, colour, text_colour(colour))
            for category, colour in colours.items()
            if counts.get(category, 0) > 0
        )
        bars.append(BarRow(name, sum(counts.values()), segments))
    return StackedBars(title, tuple(bars), tuple(colours.items()))
