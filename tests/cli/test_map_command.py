"""`jointex map`: the exercise or vignette map as SVG, PNG or a self-contained HTML page; bad input
exits 2."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jointex.cli.main import app
from tests.conftest import REPO

runner = CliRunner()
BALTIC = REPO / "examples" / "baltic-shield"
PACIFIC = REPO / "examples" / "pacific-shelter"


@pytest.mark.parametrize("suffix", ["svg", "png", "html"])
def test_map_writes_the_format_its_file_name_asks_for(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"baltic.{suffix}"
    result = runner.invoke(app, ["map", str(BALTIC), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "NATO UNCLASSIFIED" in result.output
    data = out.read_bytes()
    if suffix == "png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        return
    text = data.decode("utf-8")
    assert "<svg" in text and 'class="app6"' in text
    assert "label-unit-LTU-NASAMS" in text
    if suffix == "html":
        assert text.startswith("<!DOCTYPE html>") and "NATO UNCLASSIFIED" in text
        loaded = re.findall(r'<(?:script|link|img)[^>]*(?:src|href)="([^"]+)"', text)
        assert loaded == []  # self-contained: nothing fetched from a network or a CDN
        assert "Counter-drone battery" in text  # the key names each unit


def test_map_of_a_relief_vignette_is_a_page_with_a_day_to_choose(tmp_path: Path) -> None:
    out = tmp_path / "relief.html"
    result = runner.invoke(app, ["map", str(PACIFIC), "--vignette", "v-hadr-relief", "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert 'id="day-choice"' in text
    assert text.count('class="day"') == 7
    assert "Guiuan" in text and "label-site-PH0826-GUI" in text


def test_map_json_says_what_it_wrote(tmp_path: Path) -> None:
    out = tmp_path / "raid.svg"
    result = runner.invoke(
        app, ["map", str(BALTIC), "--vignette", "V-IAMD-RAID", "--json", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["written"] == str(out) and data["label"].startswith("NATO UNCLASSIFIED")
    assert "label-asset-VILNIUS" in out.read_text(encoding="utf-8")


def test_map_for_a_nation_leaves_out_the_units_withheld_from_it(tmp_path: Path) -> None:
    for nation, shown in (("POL", False), ("GBR", True)):
        out = tmp_path / f"for-{nation}.svg"
        result = runner.invoke(app, ["map", str(BALTIC), "--for", nation, "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert ("label-unit-GBR-BATTLEGROUP" in out.read_text(encoding="utf-8")) is shown


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--out", "{tmp}/map.jpg"], "expected a file name ending in .svg, .png, .html"),
        (["--out", "{tmp}/map"], "expected a file name ending in .svg"),
        (["--vignette", "V-NOPE", "--out", "{tmp}/map.png"], "no vignette 'V-NOPE' in BS27"),
        (["--for", "FRA", "--out", "{tmp}/map.png"], "FRA does not take part"),
        (["--out", "{tmp}"], "--out"),
    ],
    ids=["jpeg", "no-suffix", "unknown-vignette", "nation-not-taking-part", "folder-for-a-file"],
)
def test_map_refuses_bad_input_with_exit_2_and_no_traceback(
    tmp_path: Path, arguments: list[str], message: str
) -> None:
    result = runner.invoke(app, ["map", str(BALTIC), *(a.format(tmp=tmp_path) for a in arguments)])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert not list(tmp_path.glob("map*"))


def test_map_of_a_missing_exercise_file_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["map", str(tmp_path / "none.yaml"), "--out", str(tmp_path / "m.png")])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_without_the_cairo_library_map_names_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    from jointex.render.maps import symbols

    real_import = builtins.__import__

    def no_cairo(name: str, *args: object, **kwargs: object) -> object:
        if name == "cairosvg":
            raise OSError(
                "cannot load library 'libcairo.so.2': libcairo.so.2: cannot open shared object file"
            )
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    symbols.pixels.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_cairo)
    result = runner.invoke(app, ["map", str(BALTIC), "--out", str(tmp_path / "map.png")])
    monkeypatch.undo()
    symbols.pixels.cache_clear()
    assert result.exit_code == 2, result.output
    assert "libcairo2" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "map.png").exists()
