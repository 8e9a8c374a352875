"""`jointex report`: ratings with evidence, HTML and PDF, --for, --runs, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from jointex.cli.main import app
from jointex.service.exercises import load_exercise
from tests.conftest import EXAMPLES
from tests.run_files import run_file

runner = CliRunner()


def test_report_json_lists_ratings_evidence_and_plan(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(EXAMPLES[0]), "--out", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [r["objective"] for r in data["ratings"]] == [
        "OBJ-IAMD-1",
        "OBJ-AAR-1",
        "OBJ-DEF-1",
        "OBJ-CUAS-1",
        "OBJ-MED-1",
        "OBJ-DIP-1",
    ]
    dip = data["ratings"][5]
    assert dip["measures"][0]["status"] == "uncertain"
    assert dip["hseep"] == "M"
    assert any(p["owner"] == "USA" and not p["proposed"] for p in data["improvement_plan"])
    # The coalition version: Lithuania, the host, may read it (it used to be REL TO USA alone).
    assert data["label"] == "NATO UNCLASSIFIED // REL TO DEU, EST, GBR, LTU, NLD, POL, USA"
    assert data["release"]["reader"] == "ALL"
    assert data["release"]["withheld"] == {"injects": 1, "observations": 1, "units": 1}
    assert data["release"]["evidence_withheld_by_objective"] == {"OBJ-IAMD-1": 1}
    assert data["written"] == [str(tmp_path / "BS27-after-action-report.html")]


def test_report_for_a_nation_with_runs_and_pdf(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    runs.mkdir()
    metrics = {
        "iamd.leak_probability": {"mean": 0.03, "ci_low": 0.02, "ci_high": 0.04},
        "iamd.cost_exchange_ratio": {"mean": 1.4, "ci_low": 1.2, "ci_high": 1.6},
    }
    exercise = load_exercise(EXAMPLES[0]).exercise
    (runs / "raid.json").write_text(json.dumps(run_file(exercise, "V-IAMD-RAID", metrics)))
    result = runner.invoke(
        app,
        [
            "report",
            str(EXAMPLES[0]),
            "--for",
            "pol",
            "--runs",
            str(runs),
            "--pdf",
            "--out",
            str(tmp_path),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    defence = next(r for r in data["ratings"] if r["objective"] == "OBJ-DEF-1")
    assert [m["status"] for m in defence["measures"]] == ["met", "uncertain"]
    assert (
        defence["measures"][0]["evidence"]["source"]
        == "simulation of V-IAMD-RAID (1,000 replications, seed 1)"
    )
    assert [Path(p).name for p in data["written"]] == [
        "BS27-after-action-report-for-POL.html",
        "BS27-after-action-report-for-POL.pdf",
    ]
    # Everything in POL's version releases to every nation that remains in it (the GBR battle group and
    # the DEU inject are withheld): the banner says whom it may go to.
    assert data["label"] == "NATO UNCLASSIFIED // REL TO DEU, EST, GBR, LTU, NLD, POL, USA"


def test_report_prints_ratings_and_paths(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(EXAMPLES[1]), "--out", str(tmp_path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Objective ratings" in result.stdout and "Improvement plan" in result.stdout
    assert f"Report: {tmp_path / 'CCS27-after-action-report.html'}" in result.stdout


def test_report_for_a_non_participant_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(EXAMPLES[0]), "--for", "CHN", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "CHN does not take part in the exercise" in result.stderr
    assert not list(tmp_path.iterdir()), "nothing written"


def test_a_bad_runs_folder_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(EXAMPLES[0]), "--runs", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "runs folder not found" in result.stderr


def test_a_report_without_the_rehearsal_says_which_to_run_and_pass(tmp_path: Path) -> None:
    """Without its run, OBJ-DEF-1 is rated on the evaluators alone (better than with the rehearsal's
    leak probability): the planner is told so, and how to rehearse; with the run, nothing is said."""
    result = runner.invoke(app, ["report", str(EXAMPLES[0]), "--for", "POL", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    warning = " ".join(result.stderr.split())
    assert "no run of vignette V-IAMD-RAID was given" in warning and "OBJ-DEF-1" in warning
    assert "--vignette V-IAMD-RAID --runs RUNS" in warning
    runs = tmp_path / "runs"
    runs.mkdir()
    exercise = load_exercise(EXAMPLES[0]).exercise
    leak = {"iamd.leak_probability": {"mean": 0.03, "ci_low": 0.02, "ci_high": 0.04}}
    (runs / "raid.json").write_text(json.dumps(run_file(exercise, "V-IAMD-RAID", leak)))
    result = runner.invoke(app, ["report", str(EXAMPLES[0]), "--runs", str(runs), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "no run of vignette V-IAMD-RAID" not in result.stderr
