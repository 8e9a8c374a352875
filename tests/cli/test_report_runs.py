"""`jointex report --runs`: only run files that rehearsed this exercise version are evidence, and the report
shows which it used. Each fault below was accepted before run files recorded what produced them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from jointex.cli.main import app
from jointex.service.exercises import load_exercise
from tests.conftest import REPO
from tests.run_files import run_file

runner = CliRunner()
FLAGSHIP = REPO / "examples" / "baltic-shield" / "exercise.yaml"
CYBER = REPO / "examples" / "coalition-cyber" / "exercise.yaml"
LEAK = {"iamd.leak_probability": {"mean": 0.03, "ci_low": 0.02, "ci_high": 0.04}}


def strict_json(text: str) -> Any:
    """Parse as a strict parser would: NaN and infinities are not JSON."""

    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def _raid(**changes: Any) -> dict[str, Any]:
    return run_file(load_exercise(FLAGSHIP).exercise, "V-IAMD-RAID", LEAK, **changes)


def _another_exercise() -> str:
    cyber = load_exercise(CYBER).exercise
    return json.dumps(run_file(cyber, cyber.vignettes[0].id, LEAK, vignette_kind="iamd"))


def _edited(**changes: Any) -> Callable[[], str]:
    return lambda: json.dumps(_raid(**changes))


def _replaced(old: str, new: str) -> Callable[[], str]:
    def text() -> str:
        written = json.dumps(_raid())
        assert old in written
        return written.replace(old, new)

    return text


FAULTS: list[tuple[str, Callable[[], str], str]] = [
    ("another exercise", _another_exercise, "a run of exercise CCS27, not BS27"),
    ("unknown vignette", _edited(vignette="V-GHOST"), "BS27 has no vignette V-GHOST"),
    ("NaN", _replaced('"mean": 0.03', '"mean": NaN'), "NaN"),
    ("infinity", _replaced('"ci_high": 0.04', '"ci_high": Infinity'), "Infinity"),
    (
        "negative probability",
        _edited(metrics={"iamd.leak_probability": {"mean": -0.2}}),
        "-0.2 is outside the values iamd.leak_probability can take",
    ),
    (
        "interop metric",
        _edited(metrics={**LEAK, "interop.overall_score_pct": {"mean": 100}}),
        "interop.overall_score_pct is not a metric that rehearsals of kind iamd produce",
    ),
    (
        "observer metric",
        _edited(metrics={**LEAK, "observer.picture_rating": {"mean": 4}}),
        "observer.picture_rating is not a metric",
    ),
    (
        "hadr metric in an iamd run",
        _edited(metrics={"hadr.need_met_pct": {"mean": 99}}),
        "hadr.need_met_pct is not a metric that rehearsals of kind iamd produce",
    ),
    (
        "edited exercise digest",
        _edited(exercise_digest="sha256:" + "1" * 64),
        "rehearsed from another version of BS27",
    ),
    (
        "edited vignette digest",
        _edited(vignette_digest="sha256:" + "2" * 64),
        "vignette V-IAMD-RAID differs from the one rehearsed",
    ),
    ("wrong kind", _edited(vignette_kind="hadr"), "vignette V-IAMD-RAID is of kind iamd"),
    (
        "older format",
        lambda: json.dumps({"format": "jointex-run/1", "exercise": "BS27", "vignette": "V-IAMD-RAID"}),
        "made by an older jointex",
    ),
    ("another reader's version", _edited(reader="GBR"), "a rehearsal of GBR's version"),
]


@pytest.mark.parametrize(("text", "says"), [f[1:] for f in FAULTS], ids=[f[0] for f in FAULTS])
def test_a_run_file_that_is_not_evidence_is_refused_naming_the_file(
    tmp_path: Path, text: Callable[[], str], says: str
) -> None:
    runs, out = tmp_path / "runs", tmp_path / "out"
    runs.mkdir()
    (runs / "raid.json").write_text(text(), encoding="utf-8")
    result = runner.invoke(app, ["report", str(FLAGSHIP), "--runs", str(runs), "--out", str(out), "--json"])
    assert result.exit_code == 2, result.output
    problems = strict_json(result.stdout)["problems"]
    assert any(says in p["message"] for p in problems), problems
    assert all(Path(p["file"]).name == "raid.json" for p in problems)
    assert not out.exists(), "nothing written"


def test_the_refusal_names_the_file_for_people(tmp_path: Path) -> None:
    (tmp_path / "raid.json").write_text(json.dumps(_raid(exercise="PS27")), encoding="utf-8")
    result = runner.invoke(app, ["report", str(FLAGSHIP), "--runs", str(tmp_path), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "raid.json: exercise: a run of exercise PS27, not BS27" in result.stderr


def test_the_report_shows_the_runs_it_used_and_is_strict_json(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    runs.mkdir()
    (runs / "raid.json").write_text(json.dumps(_raid()), encoding="utf-8")
    result = runner.invoke(
        app, ["report", str(FLAGSHIP), "--runs", str(runs), "--out", str(tmp_path), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = strict_json(result.stdout)
    (used,) = data["simulation_runs"]
    raid = _raid()
    assert Path(used["file"]).name == "raid.json"
    assert used["vignette"] == "V-IAMD-RAID" and used["kind"] == "iamd" and used["mode"] == "integrated"
    assert (used["seed"], used["replications"], used["reader"]) == (1, 1000, None)
    assert used["jointex_version"] == raid["jointex_version"]
    assert used["exercise_digest"] == raid["exercise_digest"].removeprefix("sha256:")[:12]
    html = (tmp_path / "BS27-after-action-report.html").read_text(encoding="utf-8")
    section = html.split('id="simulation-runs"')[1]
    assert "raid.json" in section and used["exercise_digest"] in section and "V-IAMD-RAID" in section


def test_a_nations_rehearsal_is_evidence_for_its_version_only(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    simulated = runner.invoke(
        app,
        [
            "simulate",
            str(FLAGSHIP),
            "--vignette",
            "V-IAMD-RAID",
            "--for",
            "POL",
            "--replications",
            "50",
            "--runs",
            str(runs),
            "--json",
        ],
    )
    assert simulated.exit_code == 0, simulated.output
    written = json.loads((runs / "V-IAMD-RAID.json").read_text(encoding="utf-8"))
    assert written["reader"] == "POL"
    assert written["exercise_digest"] == _raid()["exercise_digest"], "the digest of all of the exercise"
    for_pol = runner.invoke(
        app, ["report", str(FLAGSHIP), "--for", "POL", "--runs", str(runs), "--out", str(tmp_path), "--json"]
    )
    assert for_pol.exit_code == 0, for_pol.output
    assert strict_json(for_pol.stdout)["simulation_runs"][0]["reader"] == "POL"
    coalition = runner.invoke(app, ["report", str(FLAGSHIP), "--runs", str(runs), "--out", str(tmp_path)])
    assert coalition.exit_code == 2
    assert "a rehearsal of POL's version of the exercise; this report is the coalition version" in (
        coalition.stderr
    )
