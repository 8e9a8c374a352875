"""Rehearsal end to end: the kernel against the object model, the flagship vignette from the command
line and the Python API, run files the assessment reads, and clear errors for bad requests."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

import jointex
from jointex.cli.main import app
from jointex.rehearse.engine import run_replications
from jointex.rehearse.vignettes.iamd import Mode
from tests.conftest import REPO
from tests.rehearse.iamd_objects import run_objects
from tests.rehearse.test_iamd import coalition

FLAGSHIP = REPO / "examples" / "baltic-shield" / "exercise.yaml"
runner = CliRunner()


def test_the_kernel_and_the_object_model_agree_in_distribution() -> None:
    vignette = coalition(Mode.NATIONAL, usa_radar_km=25, magazine=100)
    kernel = run_replications(vignette, 1000, seed=1).columns
    objects, _ = run_objects(vignette, 60, seed=2)
    for metric in ("iamd.leakers", "iamd.shots", "iamd.detect_to_engage_s"):
        k, o = kernel[metric], objects[metric]
        se = math.hypot(k.std(ddof=1) / math.sqrt(len(k)), o.std(ddof=1) / math.sqrt(len(o)))
        assert abs(k.mean() - o.mean()) <= 4 * se + 0.01 * abs(k.mean()), metric


def test_simulate_both_modes_prints_leakers_and_interceptors_per_nation_with_intervals(
    tmp_path: Path,
) -> None:
    result = runner.invoke(
        app,
        [
            "simulate",
            str(FLAGSHIP),
            "--vignette",
            "V-IAMD-RAID",
            "--mode",
            "both",
            "--replications",
            "200",
            "--seed",
            "3",
            "--html",
            str(tmp_path / "r.html"),
            "--runs",
            str(tmp_path / "runs"),
        ],
        env={"COLUMNS": "160"},
    )
    assert result.exit_code == 0, result.output
    for text in (
        "integrated",
        "national",
        "integrated − national",
        "iamd.leakers",
        "iamd.shots.USA",
        "iamd.shots.POL",
        "iamd.double_engagements",
    ):
        assert text in result.output
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "NATO UNCLASSIFIED // REL TO DEU, EST, GBR, LTU, NLD, POL, USA" in html  # the coalition version
    assert "data:image/png;base64," in html
    run = json.loads((tmp_path / "runs" / "V-IAMD-RAID.json").read_text(encoding="utf-8"))
    assert run["format"] == "jointex-run/2" and run["replications"] == 200 and run["mode"] == "both"
    assert "iamd.national.leak_probability" in run["metrics"]

    report = runner.invoke(
        app, ["report", str(FLAGSHIP), "--runs", str(tmp_path / "runs"), "--out", str(tmp_path), "--json"]
    )
    assert report.exit_code == 0, report.output
    evidence = json.dumps(json.loads(report.output))
    assert "iamd.leak_probability" in evidence and "no evidence" not in evidence.split("OBJ-DEF-1")[1][:2000]


def test_the_shared_picture_helps_in_the_flagship_raid() -> None:
    run = jointex.simulate(FLAGSHIP, "V-IAMD-RAID", replications=200, seed=5, mode="both")
    gain = run.simulation.differences()
    assert gain is not None
    assert gain["iamd.leakers"].ci_high < 0
    assert gain["iamd.double_engagements"].ci_high < 0
    integrated = run.simulation.summary("integrated")
    assert integrated["iamd.double_engagements"].mean == 0


def test_json_output_and_seed_reproducibility() -> None:
    outputs = [
        runner.invoke(
            app,
            [
                "simulate",
                str(FLAGSHIP),
                "--vignette",
                "V-IAMD-RAID",
                "--replications",
                "50",
                "--seed",
                "8",
                "--json",
                "--batch-size",
                size,
            ],
        )
        for size in ("7", "50")
    ]
    assert all(o.exit_code == 0 for o in outputs)
    first, second = (json.loads(o.output) for o in outputs)
    assert first["modes"] == second["modes"]
    assert first["vignette"] == "V-IAMD-RAID" and first["replications"] == 50


def test_the_stop_rule_runs_fewer_replications_when_precise_enough() -> None:
    run = jointex.simulate(FLAGSHIP, "V-IAMD-RAID", replications=5000, seed=1, precision=0.01, batch_size=100)
    assert 100 <= run.simulation.replications < 5000


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--vignette", "NOPE"], "no vignette 'NOPE'"),
        (["--vignette", "V-AAR-TRAIL"], "cannot rehearse yet"),
    ],
)
def test_bad_requests_are_clear_errors_with_exit_code_2(arguments: list[str], message: str) -> None:
    result = runner.invoke(app, ["simulate", str(FLAGSHIP), "--vignette", "V-IAMD-RAID", *arguments])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_sensors_and_shooters_must_be_units_of_the_vignette(write_folder) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import MINIMAL

    vignette = """\
vignettes:
  - id: V
    name: Raid
    kind: iamd
    start: D+1 00:00
    end: D+1 06:00
    units: [NOR-1]
    parameters:
      defended_assets: [{id: T, position: "60.5, 10.5"}]
      raids: [{id: R, threat: small_drone, count: 2, target: T, launch_point: "60.6, 10.6"}]
      sensors: [{unit: USA-1, detection_range_km: {small_drone: 10}}]
      shooters: [{unit: NOR-1, magazine: 4, range_km: {small_drone: [0, 2]},
                  kill_probability: {small_drone: 2}}]
"""
    path = write_folder({"exercise.yaml": MINIMAL + vignette})
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert "vignettes[0].parameters.shooters[0]" in result.output
    assert "expected a probability in [0, 1]" in result.output
    fixed = (MINIMAL + vignette).replace("small_drone: 2}", "small_drone: 0.5}")
    path = write_folder({"exercise.yaml": fixed})
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert "vignettes[0].parameters.sensors[0].unit" in result.output
    assert "does not take part in V" in result.output


def test_the_flagship_numbers_do_not_depend_on_the_batch() -> None:
    a = jointex.simulate(FLAGSHIP, "V-IAMD-RAID", replications=40, seed=2, batch_size=40).simulation.primary
    b = jointex.simulate(FLAGSHIP, "V-IAMD-RAID", replications=40, seed=2, batch_size=3).simulation.primary
    for metric, column in a.columns.items():
        assert np.array_equal(column, b.columns[metric], equal_nan=True)
