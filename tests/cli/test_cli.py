"""The `jointex` command as users run it: exit codes, tables, JSON, scaffolding and the demo."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from jointex.cli import main as cli_main
from jointex.cli.main import app
from jointex.service.exercises import validate_exercise
from tests.conftest import EXAMPLES, MINIMAL, WriteFolder

runner = CliRunner()


def test_help_lists_every_command() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("validate", "show", "schema", "catalogue", "new", "demo"):
        assert command in result.output


def test_validate_all_examples_prints_a_clean_summary() -> None:
    result = runner.invoke(app, ["validate", *map(str, EXAMPLES)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert all(line.startswith("✓ ") and " is valid — " in line for line in lines)
    assert result.stderr == ""


def test_validate_json_is_machine_readable() -> None:
    result = runner.invoke(app, ["validate", "--json", str(EXAMPLES[0])])
    data = json.loads(result.stdout)
    assert data["ok"] is True
    assert data["files"][0]["exercise"]["nations"] == 7


def test_validate_strict_fails_on_warnings(write_folder: WriteFolder) -> None:
    path = write_folder(
        {"exercise.yaml": MINIMAL.replace('languages: ["no", en]', "standards: [STANAG 9999]")}
    )
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0
    assert runner.invoke(app, ["validate", "--strict", str(path)]).exit_code == 2


def test_show_totals_forces_by_nation_and_service() -> None:
    result = runner.invoke(app, ["show", "--json", str(EXAMPLES[0]), "--for", "USA"])
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary["total_personnel"] == sum(f["personnel"] for f in summary["forces"])
    assert sum(p["units"] for p in summary["participants"]) == 19  # the USA may see every unit
    assert summary["msel"]["injects"] == 12
    assert summary["msel"]["first"] == "D+1 08:00"
    assert set(summary["objectives_by_aspect"]) == {
        "interoperability",
        "deterrence",
        "technology",
        "diplomacy-and-trust",
    }


def test_show_prints_tables_for_people() -> None:
    result = runner.invoke(app, ["show", str(EXAMPLES[0])], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    for heading in (
        "Participants",
        "Forces by nation and service",
        "Objectives by aspect",
        "Vignettes",
        "MSEL:",
    ):
        assert heading in result.stdout


def test_show_on_bad_input_exits_2_with_json_problems(write_folder: WriteFolder) -> None:
    path = write_folder({"exercise.yaml": MINIMAL.replace("type: ftx", "type: wargame")})
    result = runner.invoke(app, ["show", "--json", str(path)])
    assert result.exit_code == 2
    problem = json.loads(result.stdout)["problems"][0]
    assert (problem["file"], problem["line"], problem["column"], problem["field"]) == (
        "exercise.yaml",
        4,
        7,
        "type",
    )


def test_schema_is_json_schema_that_accepts_every_example() -> None:
    from jointex.formats.includes import read_with_includes

    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in EXAMPLES:
        data = json.loads(json.dumps(read_with_includes(path).data, default=str))
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        assert errors == [], path


def test_schema_out_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    assert runner.invoke(app, ["schema", "--out", str(target)]).exit_code == 0
    assert json.loads(target.read_text())["title"] == "Exercise"


def test_catalogue_list_and_show() -> None:
    tankers = json.loads(runner.invoke(app, ["catalogue", "list", "--category", "tanker", "--json"]).stdout)
    assert {"KC-135R", "VOYAGER", "KC-46A"} <= {row["id"] for row in tankers}
    shown = json.loads(runner.invoke(app, ["catalogue", "show", "voyager", "--json"]).stdout)
    assert shown["aar"] == {"tanker": ["drogue"]}
    fuels = json.loads(runner.invoke(app, ["catalogue", "list", "fuels", "--json"]).stdout)
    assert {"F-34", "F-44", "F-76"} <= {row["id"] for row in fuels}
    assert runner.invoke(app, ["catalogue", "list", "nations"]).exit_code == 0


def test_catalogue_show_suggests_close_names() -> None:
    result = runner.invoke(app, ["catalogue", "show", "F35A"])
    assert result.exit_code == 2
    assert "did you mean F-35A" in result.stderr


def test_new_scaffolds_a_valid_exercise(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "new",
            "NORDIC BRIDGE 28",
            "--dir",
            str(tmp_path),
            "--host",
            "nor",
            "--nations",
            "USA,SWE,FIN",
            "--start",
            "2028-03-01",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    main = Path(json.loads(result.stdout)["exercise"])
    assert main == tmp_path / "nordic-bridge-28" / "exercise.yaml"
    report = validate_exercise(main)
    assert report.ok and report.problems == ()
    assert report.loaded is not None
    assert report.loaded.exercise.nations == ("FIN", "NOR", "SWE", "USA")
    assert sorted(p.name for p in (main.parent / "nations").iterdir()) == [
        "fin.yaml",
        "nor.yaml",
        "swe.yaml",
        "usa.yaml",
    ]


def test_new_refuses_to_overwrite_and_bad_nations(tmp_path: Path) -> None:
    assert runner.invoke(app, ["new", "X", "--dir", str(tmp_path)]).exit_code == 0
    again = runner.invoke(app, ["new", "X", "--dir", str(tmp_path)])
    assert again.exit_code == 2 and "already exists" in again.stderr
    bad = runner.invoke(app, ["new", "Y", "--dir", str(tmp_path), "--nations", "XYZ"])
    assert bad.exit_code == 2 and "unknown nation XYZ" in bad.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x"], "nothing half-written"


def test_demo_validates_analyses_and_writes_the_report(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--json", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["validation"]["valid"] is True
    assert data["summary"]["name"] == "BALTIC SHIELD 27"
    assert data["interop"]["gaps"]
    assert data["assessment"]["rating_counts"] == {"P": 0, "S": 1, "M": 1, "U": 4, "not rated": 0}
    assert data["not_rehearsed"] == ["V-AAR-TRAIL (movement)"]
    raid, casualties, relief = data["rehearsals"]
    assert raid["vignette"] == "V-IAMD-RAID" and raid["replications"] == 1000
    assert casualties["vignette"] == "V-MASCAL-AIRBASE" and casualties["detail"]["facilities"]
    assert relief["vignette"] == "V-HADR-RELIEF" and relief["replications"] == 30
    assert len(relief["detail"]["need_met_by_day_pct"]) == 7
    assert raid["differences"]["metrics"]["iamd.leakers"]["ci_high"] < 0
    out = tmp_path / "out"
    assert data["written"] == [
        str(out / "BS27-after-action-report.html"),
        str(out / "BS27-after-action-report.pdf"),
        str(out / "interop.html"),
        str(out / "V-IAMD-RAID-rehearsal.html"),
        str(out / "runs" / "V-IAMD-RAID.json"),
        str(out / "V-MASCAL-AIRBASE-rehearsal.html"),
        str(out / "runs" / "V-MASCAL-AIRBASE.json"),
        str(out / "relief" / "V-HADR-RELIEF-rehearsal.html"),
        str(out / "relief" / "V-HADR-RELIEF-plan.csv"),
        str(out / "relief" / "V-HADR-RELIEF-plan.geojson"),
        *(
            str(out / "per-nation" / nation / name)
            for nation in ("DEU", "EST", "GBR", "LTU", "NLD", "POL", "USA")
            for name in (f"BS27-after-action-report-for-{nation}.html", f"interop-for-{nation}.html")
        ),
    ]
    ratings = {r["objective"]: r for r in data["assessment"]["ratings"]}
    assert "no evidence" not in json.dumps(ratings["OBJ-DEF-1"]), "the rehearsal is the evidence"
    assert all(Path(p).stat().st_size > 1_000 for p in data["written"])


def test_demo_writes_into_jointex_demo_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["demo"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "Report: jointex-demo/BS27-after-action-report.pdf" in result.stdout
    assert "Nation pairs" in result.stdout and "Objective ratings" in result.stdout
    # The summary counts the coalition version (18 of the 19 units validated): it says so.
    assert "Withheld from this version: 1 unit, 1 inject" in " ".join(result.stdout.split())
    assert "integrated − national" in result.stdout and "iamd.shots.USA" in result.stdout
    assert "Rounds fired by United States" in result.stdout
    assert "Sites by need met, worst first" in result.stdout and "Deliveries by nation" in result.stdout
    assert (tmp_path / "jointex-demo" / "BS27-after-action-report.html").is_file()


def test_an_internal_error_exits_1_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(path: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("jointex.service.exercises.validate_exercise", broken)
    monkeypatch.setattr(sys, "argv", ["jointex", "validate", str(EXAMPLES[0])])
    with pytest.raises(SystemExit) as leaving:
        cli_main.run()
    assert leaving.value.code == 1
    captured = capsys.readouterr()
    assert "internal error: RuntimeError: boom" in captured.err
    assert "Traceback" not in captured.err


def test_usage_errors_exit_2() -> None:
    assert runner.invoke(app, ["validate"]).exit_code == 2
    assert runner.invoke(app, ["frobnicate"]).exit_code == 2


def test_the_installed_command_runs() -> None:
    command = Path(sys.executable).parent / "jointex"
    result = subprocess.run([str(command), "validate", str(EXAMPLES[1])], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "COALITION CYBER SHIELD 27 is valid" in result.stdout
