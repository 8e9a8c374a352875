"""Drawn map symbols kept between runs, in the user's cache folder.

Drawing a unit symbol needs military-symbol (which loads SciPy through svgpathtools) and CairoSVG (which
parses Cairo's C headers): about 0.8 s before the first symbol, on every report. The drawings depend only on
the SIDC, the two libraries' versions and the raster size, so they are kept on disk under a folder named
after all of these; a new library version starts a new folder. The cache is only ever an optimisation:
a file that cannot be read, or a folder that cannot be written, means the symbol is drawn again.

The folder is `platformdirs.user_cache_path("jointex") / "symbols"`, or ``$JOINTEX_CACHE_DIR/symbols`` when
that variable is set (a read-only home, a test).
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from functools import cached_property
from importlib import metadata
from pathlib import Path

_SIDC = re.compile(r"[0-9]{20,30}")
"""What a SIDC looks like, checked before it becomes a file name."""

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"


class SymbolCache:
    """The SVG and PNG drawings of symbols, per SIDC, at one raster height."""

    def __init__(self, raster_height_px: int) -> None:
        self.raster_height_px = raster_height_px

    @cached_property
    def folder(self) -> Path:
        override = os.environ.get("JOINTEX_CACHE_DIR")
        if override:
            root = Path(override)
        else:
            import platformdirs

            root = platformdirs.user_cache_path("jointex")
        versions = f"military-symbol-{_version('military-symbol')}-cairosvg-{_version('cairosvg')}"
        return root / "symbols" / f"{versions}-{self.raster_height_px}px"

    def read_svg(self, sidc: str) -> str | None:
        """The SVG drawn before for ``sidc``, or None."""
        data = self._read(sidc, "svg")
        if data is None:
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        return text if text.startswith("<svg") and "viewBox=" in text else None

    def write_svg(self, sidc: str, svg: str) -> None:
        self._write(sidc, "svg", svg.encode("utf-8"))

    def read_png(self, sidc: str) -> bytes | None:
        """The PNG drawn before for ``sidc``, or None."""
        data = self._read(sidc, "png")
        return data if data is not None and data.startswith(PNG_SIGNATURE) else None

    def write_png(self, sidc: str, png: bytes) -> None:
        self._write(sidc, "png", png)

    def _path(self, sidc: str, suffix: str) -> Path | None:
        return self.folder / f"{sidc}.{suffix}" if _SIDC.fullmatch(sidc) else None

    def _read(self, sidc: str, suffix: str) -> bytes | None:
        path = self._path(sidc, suffix)
        if path is None:
            return None
        try:
            return path.read_bytes()
        except OSError:
            return None

    def _write(self, sidc: str, suffix: str, data: bytes) -> None:
        """Write atomically (a temporary file renamed), so a reader never sees half a drawing; give up
        quietly where the folder cannot be written."""
        path = self._path(sidc, suffix)
        if path is None:
            return
        part: Path | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part", delete=False) as file:
                part = Path(file.name)
                file.write(data)
            part.replace(path)
        except OSError:
            if part is not None:
                with contextlib.suppress(OSError):
                    part.unlink()
