"""Map symbols drawn once are kept in the user's cache folder: a later report draws the same pixels
without loading military-symbol or CairoSVG, and a damaged or unwritable cache only costs time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jointex.render.maps.symbol_cache import SymbolCache

SIDC = "10031000161211020000"  # a friendly air defence battery

_DRAW = """
import json, sys
from jointex.render.maps.symbols import pixels, symbol
drawn = pixels(sys.argv[1])
print(json.dumps({
    "loaded": sorted(m for m in ("military_symbol", "cairosvg") if m in sys.modules),
    "shape": list(drawn.shape),
    "sum": float(drawn.sum()),
    "view_box": list(symbol(sys.argv[1]).view_box),
}))
"""


def _draw_in_a_new_process(cache: Path) -> dict[str, object]:
    environment = {**os.environ, "JOINTEX_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", _DRAW, SIDC], env=environment, capture_output=True, text=True, check=True
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_a_symbol_drawn_once_is_read_back_without_the_drawing_libraries(tmp_path: Path) -> None:
    first = _draw_in_a_new_process(tmp_path)
    second = _draw_in_a_new_process(tmp_path)
    assert first["loaded"] == ["cairosvg", "military_symbol"]
    assert second["loaded"] == []
    assert second["shape"] == first["shape"] and second["sum"] == first["sum"]
    assert second["view_box"] == first["view_box"]
    kept = sorted(p.name for p in tmp_path.glob("symbols/*/*"))
    assert kept == [f"{SIDC}.png", f"{SIDC}.svg"]  # no half-written .part files left behind


def test_a_damaged_drawing_is_drawn_again(tmp_path: Path) -> None:
    first = _draw_in_a_new_process(tmp_path)
    for kept in tmp_path.glob("symbols/*/*"):
        kept.write_bytes(b"not a drawing")
    again = _draw_in_a_new_process(tmp_path)
    assert again["loaded"] == ["cairosvg", "military_symbol"]
    assert again["sum"] == first["sum"]


def test_an_unwritable_or_odd_cache_only_means_drawing_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    monkeypatch.setenv("JOINTEX_CACHE_DIR", str(blocked))
    cache = SymbolCache(96)
    cache.write_png(SIDC, b"\x89PNG\r\n\x1a\n...")
    assert cache.read_png(SIDC) is None
    monkeypatch.setenv("JOINTEX_CACHE_DIR", str(tmp_path / "cache"))
    cache = SymbolCache(96)
    cache.write_svg("../../escape", '<svg viewBox="0 0 1 1"></svg>')  # not a SIDC: never a file name
    assert not any(tmp_path.rglob("escape*"))
    cache.write_svg(SIDC, '<svg viewBox="0 0 1 1"></svg>')
    assert cache.read_svg(SIDC) == '<svg viewBox="0 0 1 1"></svg>'
