"""Every command that writes checks its output paths before any work starts: a bad one exits 2, naming the
option and the path, with nothing rehearsed, assessed or written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jointex.cli.main import app
from tests.conftest import REPO

runner = CliRunner()
FLAGSHIP = str(REPO / "examples" / "baltic-shield" / "exercise.yaml")
PACIFIC = str(REPO / "examples" / "pacific-shelter" / "exercise.yaml")


@pytest.fixture
def no_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if a command starts its work (a rehearsal, an assessment, the demo, a new folder)."""

    def started(*args: object, **kwargs: object) -> None:
        raise AssertionError("the work started before the output paths were checked")

    for target in (
        "jointex.service.simulate.simulate",
        "jointex.service.exercises.load_exercise",
        "jointex.service.report.report_documents",
        "jointex.service.interop.interop_for_exercise",
        "jointex.service.demo.run_demo",
        "jointex.service.scaffold.scaffold_exercise",
        "jointex.formats.schema.exercise_json_schema",
    ):
        monkeypatch.setattr(target, started)


CASES = [
    ("report onto a file", ["report", FLAGSHIP, "--out", "{file}"], "--out", "is a file, not a folder"),
    ("report under a file", ["report", FLAGSHIP, "--out", "{file}/sub"], "--out", "which is a file"),
    ("interop html onto a folder", ["interop", FLAGSHIP, "--html", "{folder}"], "--html", "is a folder"),
    (
        "simulate html onto a folder",
        ["simulate", FLAGSHIP, "--vignette", "V-IAMD-RAID", "--html", "{folder}"],
        "--html",
        "is a folder",
    ),
    (
        "simulate runs onto a file",
        ["simulate", FLAGSHIP, "--vignette", "V-IAMD-RAID", "--runs", "{file}"],
        "--runs",
        "is a file",
    ),
    (
        "simulate plans onto a file",
        ["simulate", PACIFIC, "--vignette", "V-HADR-RELIEF", "--plans", "{file}"],
        "--plans",
        "is a file",
    ),
    ("demo onto a file", ["demo", "--out", "{file}"], "--out", "is a file, not a folder"),
    ("new under a file", ["new", "X", "--dir", "{file}"], "--dir", "is a file, not a folder"),
    ("schema onto a folder", ["schema", "--out", "{folder}"], "--out", "is a folder"),
]


@pytest.mark.usefixtures("no_work")
@pytest.mark.parametrize(("arguments", "option", "says"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_bad_output_path_exits_2_before_any_work(
    tmp_path: Path, arguments: list[str], option: str, says: str
) -> None:
    file, folder = tmp_path / "README.md", tmp_path / "folder"
    file.write_text("# not a folder\n", encoding="utf-8")
    folder.mkdir()
    before = sorted(tmp_path.rglob("*"))
    filled = [a.format(file=file, folder=folder) for a in arguments]
    result = runner.invoke(app, [*filled, "--json"])
    assert result.exit_code == 2, result.output
    (problem,) = json.loads(result.stdout)["problems"]
    assert problem["field"] == option and says in problem["message"]
    assert problem["message"].startswith(filled[filled.index(option) + 1])
    assert sorted(tmp_path.rglob("*")) == before, "nothing written"


@pytest.mark.usefixtures("no_work")
def test_every_bad_path_of_a_command_is_named_at_once(tmp_path: Path) -> None:
    file, folder = tmp_path / "f.txt", tmp_path / "d"
    file.write_text("x", encoding="utf-8")
    folder.mkdir()
    result = runner.invoke(
        app,
        [
            "simulate",
            FLAGSHIP,
            "--vignette",
            "V-IAMD-RAID",
            "--html",
            str(folder),
            "--runs",
            str(file),
            "--plans",
            str(file / "deeper"),
        ],
    )
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"--html: {folder} is a folder (expected a file path to write")
    assert lines[1].startswith(f"--runs: {file} is a file, not a folder")
    assert lines[2].startswith(f"--plans: {file / 'deeper'} lies under {file}, which is a file")
    assert lines[3] == "3 problems found."


def test_a_folder_in_the_way_of_a_report_file_is_bad_input(tmp_path: Path) -> None:
    """The report's file name is known once the exercise is loaded; a folder there is still bad input."""
    (tmp_path / "BS27-after-action-report.html").mkdir()
    result = runner.invoke(app, ["report", FLAGSHIP, "--out", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert "BS27-after-action-report.html: a folder (or other non-file) is in the way" in result.stderr


def test_missing_output_folders_are_created(tmp_path: Path) -> None:
    out = tmp_path / "a" / "b"
    result = runner.invoke(app, ["schema", "--out", str(out / "schema.json")])
    assert result.exit_code == 0, result.output
    assert (out / "schema.json").is_file()


def test_plans_for_a_vignette_without_plans_are_refused_before_the_rehearsal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def started(*args: object, **kwargs: object) -> None:
        raise AssertionError("the rehearsal ran before --plans was checked")

    monkeypatch.setattr("jointex.service.simulate.simulate_exercise", started)
    plans = tmp_path / "plans"
    result = runner.invoke(app, ["simulate", FLAGSHIP, "--vignette", "V-IAMD-RAID", "--plans", str(plans)])
    assert result.exit_code == 2
    assert "only hadr vignettes have plans to write" in result.stderr
    assert not plans.exists()
