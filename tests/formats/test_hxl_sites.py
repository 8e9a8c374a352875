"""Needs data from HXL: the Pacific example's assessment, MGRS positions, and clear errors naming the
file, the line and the hashtag."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jointex.cli.main import app
from jointex.errors import InputError
from jointex.formats.hxl_sites import read_hxl_sites
from jointex.model.hadr import Access
from tests.conftest import REPO

PACIFIC = REPO / "examples" / "pacific-shelter"
runner = CliRunner()


def test_the_pacific_assessment_reads_as_46_sites_with_priorities_and_access() -> None:
    sites = read_hxl_sites(PACIFIC / "needs.csv")
    assert len(sites) == 46
    guiuan = next(s for s in sites if s.id == "PH0826-GUI")
    assert guiuan.name == "Guiuan" and guiuan.population == 4200 and guiuan.priority == 5
    assert guiuan.access == {Access.ROAD, Access.HELICOPTER, Access.AIRSTRIP, Access.BEACH}
    assert guiuan.position.lat_deg == pytest.approx(11.03)
    homonhon = next(s for s in sites if s.id == "PH0826-HOM")
    assert Access.ROAD not in homonhon.access


def test_positions_may_be_mgrs_and_numbers_may_have_thousands_separators(tmp_path: Path) -> None:
    csv = tmp_path / "needs.csv"
    csv.write_text(
        "Code,Where,Affected\n#loc+code,#geo+coord,#affected\n"
        'A,51PYN9721720647,"12,500"\nB,"11.2, 125.1",300\n'
    )
    a, b = read_hxl_sites(csv)
    assert a.population == 12_500
    assert (a.position.lat_deg, a.position.lon_deg) == pytest.approx((11.03, 125.72), abs=1e-4)
    assert (b.position.lat_deg, b.position.lon_deg) == (11.2, 125.1)
    assert a.priority == 3 and a.access == {Access.ROAD, Access.HELICOPTER}


def test_missing_hashtags_are_named(tmp_path: Path) -> None:
    csv = tmp_path / "needs.csv"
    csv.write_text("Name,People\n#loc+name,#population\nX,10\n")
    with pytest.raises(InputError) as caught:
        read_hxl_sites(csv)
    message = str(caught.value.problems[0])
    assert "#loc+code" in message and "#geo+lat and #geo+lon" in message
    csv.write_text("a,b\n1,2\n")
    with pytest.raises(InputError, match="no row of HXL hashtags"):
        read_hxl_sites(csv)


def test_a_bad_value_is_reported_at_its_line_and_hashtag(tmp_path: Path) -> None:
    csv = tmp_path / "needs.csv"
    csv.write_text(
        "#loc+code,#geo+lat,#geo+lon,#inneed,#severity\nA,11,125,many,3\nB,95,125,10,3\nC,11,125,10,9\nD,11,125,1,1\nD,11,125,2,1\n"
    )
    with pytest.raises(InputError) as caught:
        read_hxl_sites(csv)
    where = {(p.line, p.field[0]) for p in caught.value.problems}
    assert (2, "#inneed") in where
    assert (3, "#geo") in where
    assert (4, "#severity") in where
    assert (6, "#loc+code") in where


def _copy_pacific(tmp_path: Path) -> Path:
    folder = tmp_path / "pacific"
    shutil.copytree(PACIFIC, folder)
    return folder


def test_validate_reports_a_bad_needs_file_with_exit_2(tmp_path: Path) -> None:
    folder = _copy_pacific(tmp_path)
    (folder / "needs.csv").write_text("#loc+code,#geo+lat,#geo+lon,#inneed\nX,11,125,lots\n")
    result = runner.invoke(app, ["validate", str(folder / "exercise.yaml")])
    assert result.exit_code == 2
    assert "needs.csv:2" in result.output and "#inneed" in result.output
    assert "Traceback" not in result.output


def test_a_needs_file_outside_the_exercise_folder_is_refused(tmp_path: Path) -> None:
    folder = _copy_pacific(tmp_path)
    exercise = folder / "exercise.yaml"
    exercise.write_text(exercise.read_text().replace("sites_file: needs.csv", "sites_file: ../../etc/passwd"))
    result = runner.invoke(app, ["validate", str(exercise)])
    assert result.exit_code == 2
    assert "outside the exercise folder" in result.output
