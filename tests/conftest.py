"""Shared fixtures: a minimal valid exercise and a way to write exercise folders."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "examples").glob("*/exercise.yaml"))

# A minimal valid exercise. Line numbers matter: the bad-input corpus asserts exact positions.
MINIMAL = """\
format_version: 1
id: EX1
name: Test exercise
type: ftx
host_nation: NOR
start_date: 2027-06-01
end_date: 2027-06-10
area:
  boundary: ["60.0, 10.0", "61.0, 10.0", "61.0, 11.0", "60.0, 11.0"]
participants:
  - {nation: NOR, role: host, languages: ["no", en]}
  - {nation: USA}
units:
  - {id: NOR-1, name: Telemark battalion, nation: NOR, service: land, echelon: battalion, personnel: 500, exercise_location: "60.5, 10.5", equipment: [{platform: CV90, count: 10}]}
  - {id: USA-1, name: Marine company, nation: USA, service: land, echelon: company, personnel: 150, exercise_location: "60.6, 10.6"}
objectives:
  - {id: OBJ-1, aspect: interoperability, statement: Talk., owners: [NOR, USA], measures: [{metric: interop.comms.connected_pairs_pct, threshold: 1}]}
controllers:
  - {id: EXCON, name: Director, nation: NOR}
scenario:
  events:
    - id: EV-1
      name: Event
      incidents:
        - id: INC-1
          name: Incident
          injects:
            - {serial: 1, time: D+1 08:00, from: EXCON, to: [NOR-1], method: radio, synopsis: Go.}
"""

WriteFolder = Callable[[dict[str, str | bytes]], Path]


@pytest.fixture
def write_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> WriteFolder:
    """Write files into a fresh folder (which becomes the current folder); return exercise.yaml's path."""
    monkeypatch.chdir(tmp_path)

    def write(files: dict[str, str | bytes]) -> Path:
        for name, content in files.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return Path("exercise.yaml")

    return write


@pytest.fixture(autouse=True, scope="session")
def _symbol_cache_of_the_session(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Map symbols drawn by the tests are kept in a folder of this session, not the user's cache."""
    import os

    os.environ["JOINTEX_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture
def without_cairo(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """A machine without the Cairo library on which no map symbol was drawn before: importing CairoSVG
    fails as it does when libcairo cannot be loaded, the symbol cache is an empty folder of its own, and no
    symbol or report map is kept in memory from an earlier test."""
    import builtins
    from collections import OrderedDict

    from jointex.render.maps import symbols
    from jointex.render.maps.symbol_cache import SymbolCache
    from jointex.service import maps

    real_import = builtins.__import__

    def no_cairo(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "cairosvg":
            raise OSError(
                "cannot load library 'libcairo.so.2': libcairo.so.2: cannot open shared object file"
            )
        return real_import(name, *args, **kwargs)

    monkeypatch.setenv("JOINTEX_CACHE_DIR", str(tmp_path_factory.mktemp("empty-cache")))
    monkeypatch.setattr(symbols, "_CACHE", SymbolCache(symbols.RASTER_HEIGHT_PX))
    monkeypatch.setattr(maps, "_IMAGES", OrderedDict())
    symbols.symbol.cache_clear()
    symbols.pixels.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_cairo)
    yield
    monkeypatch.undo()
    symbols.symbol.cache_clear()
    symbols.pixels.cache_clear()
