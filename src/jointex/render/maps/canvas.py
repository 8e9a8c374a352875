"""A map being drawn: the base map and its furniture, then layers, markers, unit symbols and labels.

The canvas sets up what every map has: sea and land (Natural Earth), coastlines, borders, a graticule
with degree labels, a scale bar and a north arrow (`furniture.py`), the title, the key beside the map and
the document's label at top and bottom. Figures are drawn with matplotlib's Agg canvas directly, never
through pyplot, so no global state is touched. Callers draw their layers in data coordinates (lon, lat),
then their markers, then units and labels, which `placement.Placer` keeps from covering each other;
`finish` returns the `MapDocument`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch, Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.text import Text
from numpy.typing import NDArray

from jointex.render.maps import style
from jointex.render.maps.basemap import BaseMap, base_map
from jointex.render.maps.document import KeyRow, MapDocument, PlacedLabel
from jointex.render.maps.frame import Frame, degree_label
from jointex.render.maps.furniture import HALO, draw_base, draw_furniture, draw_graticule, padded
from jointex.render.maps.placement import GAP_PX, Box, Placer
from jointex.render.maps.symbols import pixels, symbol

KeyEntry = tuple[Any, str]
"""(legend handle or None for a heading, text)."""


@dataclass
class MapCanvas:
    """One map in the making. Create with `MapCanvas.start`."""

    figure: Figure
    axes: Any
    frame: Frame
    base: BaseMap
    placer: Placer
    title: str
    marking: str
    layout: style.Layout
    labels: list[PlacedLabel] = field(default_factory=list)
    symbols: dict[str, str] = field(default_factory=dict)
    """gid of the drawn symbol image -> its SIDC (for the SVG, which embeds the vector symbol)."""
    anchors: dict[str, int] = field(default_factory=dict)

    @classmethod
    def start(
        cls,
        title: str,
        subtitle: str,
        marking: str,
        points: Sequence[tuple[float, float]],
        layout: style.Layout = style.SHEET,
    ) -> MapCanvas:
        """A map framing ``points`` (lon, lat), its base map, furniture and title drawn, on a figure of
        ``layout``'s size (the size it is printed at)."""
        figure = Figure(figsize=layout.figure_in, dpi=style.LAYOUT_DPI)
        FigureCanvasAgg(figure)
        box = layout.map_box
        axes = figure.add_axes(box)
        width_px = box[2] * layout.width_in * style.LAYOUT_DPI
        height_px = box[3] * layout.height_in * style.LAYOUT_DPI
        frame = Frame.around(points, width_px, height_px)
        axes.set_xlim(frame.lon_min, frame.lon_max)
        axes.set_ylim(frame.lat_min, frame.lat_max)
        axes.set_facecolor(style.SEA)
        base = base_map(padded(frame))
        draw_base(axes, base)
        draw_graticule(axes, frame)
        bounds = tuple(float(v) for v in axes.bbox.extents)
        placer = Placer((bounds[0], bounds[1], bounds[2], bounds[3]))
        canvas = cls(figure, axes, frame, base, placer, title, marking, layout)
        draw_furniture(axes, frame, canvas.placer, canvas.renderer, points)
        text_width_in = layout.width_in * (1 - layout.left) - 0.15
        heading = figure.text(
            layout.left,
            layout.from_top(0.42),
            title,
            fontsize=style.TITLE_PT,
            fontweight="bold",
            color=style.TEXT,
            va="center",
        )
        drawn_in = heading.get_window_extent(canvas.renderer).width / style.LAYOUT_DPI
        if drawn_in > text_width_in:  # a long title is set smaller rather than cut
            heading.set_fontsize(max(0.97 * style.TITLE_PT * text_width_in / drawn_in, style.SUBTITLE_PT))
            drawn_in = heading.get_window_extent(canvas.renderer).width / style.LAYOUT_DPI
            if drawn_in > text_width_in:
                heading.set_text(
                    textwrap.shorten(title, int(len(title) * text_width_in / drawn_in), placeholder="…")
                )
        figure.text(
            layout.left,
            layout.from_top(0.56),
            textwrap.fill(
                subtitle, layout.characters(text_width_in, style.SUBTITLE_PT), break_on_hyphens=False
            ),
            fontsize=style.SUBTITLE_PT,
            color=style.MUTED,
            va="top",
            linespacing=1.25,
        )
        for y, va in ((layout.from_top(0.02), "top"), (1 - layout.from_top(0.02), "bottom")):
            figure.text(
                0.5,
                y,
                marking,
                ha="center",
                va=va,
                fontsize=style.MARKING_PT,
                fontweight="bold",
                color=style.TEXT,
                bbox={"boxstyle": "square,pad=0.25", "facecolor": "#eeeeee", "edgecolor": "none"},
            )
        return canvas

    # -- coordinates -------------------------------------------------------------------------------
    @property
    def renderer(self) -> Any:
        """The renderer that measures text as the saved map draws it."""
        canvas: Any = self.figure.canvas
        return canvas.get_renderer()

    def display(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self.axes.transData.transform((lon, lat))
        return float(x), float(y)

    def geographic(self, x: float, y: float) -> tuple[float, float]:
        lon, lat = self.axes.transData.inverted().transform((x, y))
        return float(lon), float(lat)

    def _data_box(self, box: Box) -> tuple[float, float, float, float]:
        left, bottom = self.geographic(box[0], box[1])
        right, top = self.geographic(box[2], box[3])
        return left, right, bottom, top

    # -- layers ------------------------------------------------------------------------------------
    def polygon(self, coords: NDArray[np.float64], **kwargs: Any) -> None:
        """A closed shape in (lon, lat), e.g. the exercise area or a range ring; the first corner need not be
        repeated at the end."""
        ring = np.asarray(coords, dtype=float)
        if len(ring) and not np.array_equal(ring[0], ring[-1]):
            ring = np.vstack([ring, ring[:1]])  # a closed path's last vertex only closes it
        self.axes.add_patch(PathPatch(MplPath(ring, closed=True), **kwargs))

    def line(self, coords: NDArray[np.float64] | Sequence[tuple[float, float]], **kwargs: Any) -> Any:
        xy = np.asarray(coords, dtype=float)
        (artist,) = self.axes.plot(xy[:, 0], xy[:, 1], **kwargs)
        return artist

    def marker(self, lon: float, lat: float, radius_px: float, **kwargs: Any) -> None:
        """A point marker of ``radius_px`` that labels stay off."""
        size_pt = 2 * radius_px * 72 / style.LAYOUT_DPI
        self.axes.plot([lon], [lat], linestyle="none", markersize=size_pt, **kwargs)
        x, y = self.display(lon, lat)
        self.placer.block((x - radius_px, y - radius_px, x + radius_px, y + radius_px))

    def anchor(self, key: str, lon: float, lat: float) -> None:
        """Keep labels off a unit's position (the unit's own symbol may still cover it)."""
        x, y = self.display(lon, lat)
        self.anchors[key] = len(self.placer.taken)
        self.placer.block((x - 2, y - 2, x + 2, y + 2))

    # -- labels and symbols ------------------------------------------------------------------------
    def _text(self, text: str, size: float, **kwargs: Any) -> tuple[Text, float, float]:
        artist = self.axes.text(
            0,
            0,
            text,
            fontsize=size,
            ha="left",
            va="bottom",
            color=kwargs.pop("color", style.TEXT),
            zorder=8,
            path_effects=HALO,
            clip_on=False,
            **kwargs,
        )
        extent = artist.get_window_extent(self.renderer)
        return artist, float(extent.width), float(extent.height)

    def label(
        self,
        key: str,
        role: str,
        text: str,
        lon: float,
        lat: float,
        clearance_px: float = 3.0,
        size: float = style.LABEL_PT,
        **kwargs: Any,
    ) -> None:
        """A label for the point (lon, lat), placed clear of every other label and marker."""
        artist, width, height = self._text(text, size, **kwargs)
        anchor = self.display(lon, lat)
        box = self.placer.place(anchor, (width, height), clearance_px)
        artist.set_position(self.geographic(box[0], box[1]))
        artist.set_gid(f"label-{role}-{key}")
        self._leader(anchor, box, clearance_px + GAP_PX + height)
        self.labels.append(PlacedLabel(key, role, text, artist))

    def unit(self, key: str, sidc: str, text: str, lon: float, lat: float, colour: str = style.TEXT) -> None:
        """A unit's APP-6 symbol with its label beside it, on its position or, where that is taken, as
        near as the map allows with a leader line to the position."""
        height = style.SYMBOL_HEIGHT_PX
        width = height * symbol(sidc).aspect
        artist, text_w, text_h = self._text(text, style.LABEL_PT, color=colour, fontweight="bold")
        tag = (width + 3 + text_w, max(height, text_h))
        x, y = self.display(lon, lat)
        on_point: Box = (x - width / 2, y - tag[1] / 2, x - width / 2 + tag[0], y + tag[1] / 2)
        box = self.placer.place((x, y), tag, height / 2, first=on_point, ignore=self.anchors.get(key))
        symbol_left = (box[0] + box[2]) / 2 >= x or box == on_point
        sx0 = box[0] if symbol_left else box[2] - width
        tx0 = box[0] + width + 3 if symbol_left else box[0]
        symbol_box = (sx0, (box[1] + box[3] - height) / 2, sx0 + width, (box[1] + box[3] + height) / 2)
        gid = f"symbol-{len(self.symbols)}"
        image = self.axes.imshow(
            pixels(sidc),
            extent=self._data_box(symbol_box),
            aspect="auto",
            zorder=7,
            interpolation="antialiased",
            clip_on=False,
        )
        image.set_gid(gid)
        self.symbols[gid] = sidc
        artist.set_position(self.geographic(tx0, (box[1] + box[3] - text_h) / 2))
        artist.set_gid(f"label-unit-{key}")
        self.labels.append(PlacedLabel(key, "unit", text, artist))
        if not (symbol_box[0] <= x <= symbol_box[2] and symbol_box[1] <= y <= symbol_box[3]):
            self._leader((x, y), symbol_box, 0.0)
            self.axes.plot([lon], [lat], marker="o", markersize=3, color=style.LEADER, zorder=6)
        self.axes.set_xlim(self.frame.lon_min, self.frame.lon_max)  # imshow must not reframe the map
        self.axes.set_ylim(self.frame.lat_min, self.frame.lat_max)

    def optional_label(self, text: str, lon: float, lat: float, **kwargs: Any) -> None:
        """A label drawn only where it covers nothing (country names)."""
        artist, width, height = self._text(text, kwargs.pop("size", style.COUNTRY_PT), **kwargs)
        x, y = self.display(lon, lat)
        box = (x - width / 2, y - height / 2, x + width / 2, y + height / 2)
        if self.placer.place_at(box):
            artist.set_position(self.geographic(box[0], box[1]))
        else:
            artist.remove()

    def _leader(self, anchor: tuple[float, float], box: Box, near_px: float) -> None:
        nearest = (min(max(anchor[0], box[0]), box[2]), min(max(anchor[1], box[1]), box[3]))
        if np.hypot(nearest[0] - anchor[0], nearest[1] - anchor[1]) <= near_px:
            return
        ends = [self.geographic(*anchor), self.geographic(*nearest)]
        self.line(ends, color=style.LEADER, linewidth=0.5, zorder=6, solid_capstyle="round")

    # -- key and document --------------------------------------------------------------------------
    def finish(
        self,
        key: Sequence[KeyEntry],
        notes: Sequence[str] = (),
        rows: Sequence[KeyRow] = (),
        layers: Sequence[tuple[str, Any]] = (),
    ) -> MapDocument:
        """Draw the key beside the map (legend entries, then notes) and return the document."""
        layout = self.layout
        side = self.figure.add_axes(layout.key_box)
        side.set_axis_off()
        handles = [h if h is not None else Rectangle((0, 0), 0, 0, visible=False) for h, _ in key]
        handle_in = (2.2 + 0.8) * style.KEY_PT / 72  # the handle and the space after it
        legend = side.legend(
            handles,
            [
                textwrap.fill(t, layout.characters(layout.key_width_in - handle_in, style.KEY_PT))
                for _, t in key
            ],
            loc="upper left",
            frameon=False,
            fontsize=style.KEY_PT,
            handlelength=2.2,
            borderaxespad=0.0,
            labelspacing=0.45,
        )
        for (handle, _), text in zip(key, legend.get_texts(), strict=True):
            if handle is None:
                text.set_fontweight("bold")
        width = layout.characters(layout.key_width_in, style.NOTE_PT)
        note = "\n".join(textwrap.fill(n, width) for n in (*notes, self._source_note()))
        side.text(
            0.0,
            0.0,
            note,
            fontsize=style.NOTE_PT,
            color=style.MUTED,
            va="bottom",
            ha="left",
            transform=side.transAxes,
        )
        return MapDocument(
            title=self.title,
            marking=self.marking,
            figure=self.figure,
            symbols=dict(self.symbols),
            labels=tuple(self.labels),
            land=self.base.land,
            rows=tuple(rows),
            layers=tuple(name for name, _ in layers),
            layer_artists=tuple(artist for _, artist in layers),
        )

    def _source_note(self) -> str:
        return (
            f"Base map: Natural Earth 1:{self.base.scale.removesuffix('m')} million (public domain). "
            f"Unit symbols: APP-6(D), drawn by military-symbol. Projection: equirectangular, distances "
            f"true at {degree_label(self.frame.lat_mid, 'N', 'S')}."
        )
