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


@pytest.mark.usefixtures("without_cairo")
def test_without_the_cairo_library_map_names_what_to_install(tmp_path: Path) -> None:
    result = runner.invoke(app, ["map", str(BALTIC), "--out", str(tmp_path / "map.png")])
    assert result.exit_code == 2, result.output
    assert "libcairo2" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "map.png").exists()


@pytest.mark.usefixtures("without_cairo")
@pytest.mark.parametrize(
    ("command", "written"),
    [
        (["report", str(BALTIC), "--out", "{tmp}"], "BS27-after-action-report.html"),
        (["interop", str(BALTIC), "--html", "{tmp}/interop.html"], "interop.html"),
        (
            [
                "simulate",
                str(BALTIC),
                "--vignette",
                "V-IAMD-RAID",
                "--replications",
                "20",
                "--html",
                "{tmp}/raid.html",
            ],
            "raid.html",
        ),
    ],
    ids=["report", "interop", "simulate"],
)
def test_without_the_cairo_library_reports_go_out_without_their_map_and_say_so(
    tmp_path: Path, command: list[str], written: str
) -> None:
    result = runner.invoke(app, [a.format(tmp=tmp_path) for a in command])
    assert result.exit_code == 0, result.output
    page = tmp_path / written
    assert page.is_file()
    html = page.read_text(encoding="utf-8")
    assert 'id="exercise-map"' not in html and 'class="app6"' not in html
    warning = f"{page}: warning: written without its map: maps need Cairo"
    assert warning in " ".join(result.output.split())
    assert "sudo apt-get install libcairo2" in result.output

    data = json.loads(runner.invoke(app, [*(a.format(tmp=tmp_path) for a in command), "--json"]).stdout)
    about_the_map = [w for w in data["warnings"] if "without its map" in w["message"]]
    assert [w["severity"] for w in about_the_map] == ["warning"]  # one, whatever else is said
    assert "libcairo2" in about_the_map[0]["message"]


def test_a_missing_folder_for_the_map_is_created_as_for_the_other_reports(tmp_path: Path) -> None:
    """`map --out`, like `interop --html` and `report --out`, writes into folders that do not exist yet."""
    for command, path in (
        (["map", str(BALTIC), "--out"], tmp_path / "maps" / "new" / "baltic.svg"),
        (["interop", str(BALTIC), "--html"], tmp_path / "interop" / "new" / "interop.html"),
        (["report", str(BALTIC), "--out"], tmp_path / "report" / "new"),
    ):
        result = runner.invoke(app, [*command, str(path)])
        assert result.exit_code == 0, result.output
        assert path.exists()
