"""A drawn map and its three forms: PNG, SVG (with the unit symbols as vector drawings) and an HTML page."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from typing import Any, Literal

import matplotlib

from jointex.render.maps import style
from jointex.render.maps.symbols import symbol

MapFormat = Literal["svg", "png", "html"]
FORMATS: tuple[MapFormat, ...] = ("svg", "png", "html")

_IMAGE = re.compile(
    r'<image xlink:href="data:image/png;base64,[^"]*" id="(?P<gid>symbol-\d+)" '
    r'transform="scale\(1 -1\) translate\(0 (?P<shift>-?[\d.]+)\)" '
    r'x="(?P<x>-?[\d.]+)" y="(?P<y>-?[\d.]+)" width="(?P<w>[\d.]+)" height="(?P<h>[\d.]+)"/>'
)
_LAYER = re.compile(r'<g id="(?P<id>day-(?P<day>\d+))">')


@dataclass(frozen=True)
class PlacedLabel:
    """A label on the map: what it names (``key``), its kind (``unit``, ``site``...) and the drawn text."""

    key: str
    role: str
    text: str
    artist: Any


@dataclass(frozen=True)
class KeyRow:
    """A line of the HTML page's table: a unit (with its SIDC) or another element of the map."""

    sidc: str | None
    name: str
    nation: str
    detail: str


@dataclass(frozen=True)
class MapDocument:
    title: str
    marking: str
    figure: Any
    symbols: dict[str, str]
    """gid of each drawn symbol image -> SIDC."""
    labels: tuple[PlacedLabel, ...]
    land: Any
    """The land drawn (a shapely geometry, in lon/lat)."""
    rows: tuple[KeyRow, ...] = ()
    layers: tuple[str, ...] = ()
    """Ids of layers a reader switches between (``day-1``...); the first is shown."""
    layer_artists: tuple[Any, ...] = ()
    """The drawn layers, in the order of `layers`: the PNG shows the first, the SVG holds them all."""

    def png(self, dpi: int = style.PNG_DPI) -> bytes:
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
        return buffer.getvalue()

    def svg(self) -> str:
        """A standalone SVG file: unit symbols are military-symbol's own SVG, nested where they stand;
        of switchable layers only the first is shown."""
        buffer = io.BytesIO()
        for artist in self.layer_artists:
            artist.set_visible(True)
        try:
            with matplotlib.rc_context({"svg.hashsalt": "jointex", "svg.fonttype": "path"}):
                self.figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        finally:
            for i, artist in enumerate(self.layer_artists):
                artist.set_visible(i == 0)
        text = _IMAGE.sub(self._vector_symbol, buffer.getvalue().decode("utf-8"))
        return _LAYER.sub(_layer_group, text)

    def svg_element(self) -> str:
        """The SVG as an element to put inside an HTML page (no XML prolog, as wide as its container)."""
        text = self.svg()
        text = text[text.index("<svg") :]
        return re.sub(
            r'<svg ([^>]*?)width="[\d.]+pt" height="[\d.]+pt"',
            lambda m: f'<svg {m[1]}width="100%" role="img" aria-label="{escape(self.title)}"',
            text,
            count=1,
        )

    def html(self) -> str:
        """A self-contained page: the label, the title, the map (SVG) and a table of what it shows."""
        from jointex.render.environment import template

        return template("map.html.j2").render(
            document=self,
            map_svg=self.svg_element(),
            rows=[(row, _small_symbol(row.sidc) if row.sidc else "") for row in self.rows],
            generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        )

    def render(self, kind: MapFormat) -> bytes:
        if kind == "png":
            return self.png()
        return (self.svg() if kind == "svg" else self.html()).encode("utf-8")

    def png_data_uri(self, dpi: int = style.PNG_DPI) -> str:
        """The map as a PNG data URI, for reports that go to PDF too."""
        import base64

        return "data:image/png;base64," + base64.b64encode(self.png(dpi)).decode("ascii")

    def _vector_symbol(self, match: re.Match[str]) -> str:
        sidc = self.symbols.get(match["gid"])
        if sidc is None:
            return match[0]
        drawn = symbol(sidc)
        x, width, height = float(match["x"]), float(match["w"]), float(match["h"])
        top = float(match["shift"]) * -1 - (float(match["y"]) + height)
        view_box = " ".join(f"{v:g}" for v in drawn.view_box)
        return (
            f'<svg id="{match["gid"]}" class="app6" data-sidc="{sidc}" x="{x:g}" y="{top:g}" '
            f'width="{width:g}" height="{height:g}" viewBox="{view_box}" preserveAspectRatio="none">'
            f"{drawn.body}</svg>"
        )


def _layer_group(match: re.Match[str]) -> str:
    hidden = ' style="display:none"' if match["day"] != "1" else ""
    return f'<g id="{match["id"]}" class="day"{hidden}>'


def _small_symbol(sidc: str) -> str:
    """The symbol's SVG at the height of a table row."""
    drawn = symbol(sidc)
    opening = drawn.svg[: drawn.svg.index(">") + 1]
    sized = re.sub(r' (width|height)="[\d.]+"', "", opening).replace("<svg", '<svg height="22"', 1)
    return sized + drawn.svg[len(opening) :]
