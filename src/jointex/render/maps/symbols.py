"""APP-6 unit symbols drawn by the military-symbol library, as SVG and as pixels for matplotlib.

military-symbol turns a SIDC into an SVG (the frame, the fill of the standard identity, the branch icon
and the echelon). CairoSVG rasterises that SVG for the PNG map (libcairo is a system library WeasyPrint's
stack already needs); the SVG map embeds the library's SVG itself. Both are cached per SIDC: in memory, and
in the user's cache folder (`symbol_cache.SymbolCache`), so that a report whose symbols were drawn before
loads neither library (together about 0.8 s of every `jointex report`).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

from jointex.errors import MissingSystemLibrary, Problem, Severity
from jointex.render.maps.symbol_cache import SymbolCache

RASTER_HEIGHT_PX = 96
"""Pixels of a rasterised symbol's height: about three times its size on a 150 dpi map, so downsampling
keeps the lines crisp."""

_VIEWBOX = re.compile(r'viewBox="([^"]+)"')
_SVG_BODY = re.compile(r"<svg[^>]*>(.*)</svg>", re.DOTALL)


class SymbolError(ValueError):
    """military-symbol does not recognise a SIDC (an unknown symbol set, entity or amplifier)."""


@dataclass(frozen=True)
class Symbol:
    """One symbol: the library's SVG, its view box and its size ratio."""

    sidc: str
    svg: str
    view_box: tuple[float, float, float, float]

    @property
    def aspect(self) -> float:
        """Width over height."""
        return self.view_box[2] / self.view_box[3]

    @property
    def body(self) -> str:
        """The SVG's content without its ``<svg>`` element, to nest in another SVG."""
        match = _SVG_BODY.search(self.svg)
        return match[1] if match else ""


def _library() -> object:
    import military_symbol

    return military_symbol


def recognised(sidc: str) -> bool:
    """military-symbol knows every part of this SIDC: symbol set, entity and, when given, the echelon
    and headquarters codes (it reads the same 20 digits back)."""
    library = _library()
    symbol = library.get_symbol_class_from_sidc(sidc)  # type: ignore[attr-defined]
    return symbol is not None and symbol.entity is not None and symbol.get_sidc() == sidc


_CACHE = SymbolCache(RASTER_HEIGHT_PX)


@cache
def symbol(sidc: str) -> Symbol:
    """The symbol of a SIDC. Raises `SymbolError` when the library does not recognise it."""
    svg = _CACHE.read_svg(sidc)
    if svg is None:
        if not recognised(sidc):
            raise SymbolError(f"military-symbol does not recognise the SIDC {sidc}")
        drawn: str = _library().get_symbol_svg_string_from_sidc(sidc, bounding_padding=2)  # type: ignore[attr-defined]
        svg = re.sub(r"^<\?xml[^>]*>\s*", "", drawn)
        _CACHE.write_svg(sidc, svg)
    match = _VIEWBOX.search(svg)
    if match is None:
        raise SymbolError(f"military-symbol drew the SIDC {sidc} without a view box")
    x, y, width, height = (float(v) for v in match[1].replace(",", " ").split())
    return Symbol(sidc, svg, (x, y, width, height))


INSTALL_CAIRO = (
    "on Debian/Ubuntu with `sudo apt-get install libcairo2`, on Fedora with `sudo dnf install cairo`, "
    "on macOS with `brew install cairo`"
)


def _cairosvg() -> Any:
    """CairoSVG. Raises `MissingSystemLibrary` when the Cairo library cannot be loaded."""
    try:
        import cairosvg
    except OSError as error:  # cairocffi could not open libcairo: the message names the library
        reason = str(error).splitlines()[0][:200]
        problem = Problem(
            f"maps need Cairo to draw their unit symbols, a system library that is not installed "
            f"({reason}); install it {INSTALL_CAIRO}"
        )
        raise MissingSystemLibrary((problem,)) from None
    return cairosvg


def map_left_out(missing: MissingSystemLibrary) -> tuple[Problem, ...]:
    """Warnings for a report written without its map (the reports still go out without Cairo), saying
    what to install to get it."""
    return tuple(
        Problem(f"written without its map: {problem.message}", severity=Severity.WARNING)
        for problem in missing.problems
    )


@cache
def pixels(sidc: str) -> NDArray[np.float32]:
    """The symbol as RGBA pixels (rows top to bottom), ``RASTER_HEIGHT_PX`` high. Raises
    `MissingSystemLibrary` without the Cairo library."""
    import matplotlib.image

    png = _CACHE.read_png(sidc)
    if png is None:
        png = _cairosvg().svg2png(bytestring=symbol(sidc).svg.encode("utf-8"), output_height=RASTER_HEIGHT_PX)
        _CACHE.write_png(sidc, png)
    return np.asarray(matplotlib.image.imread(io.BytesIO(png)), dtype=np.float32)
