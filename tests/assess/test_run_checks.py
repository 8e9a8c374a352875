"""Run files are evidence only about the exercise version, vignette and reader they rehearsed."""

from __future__ import annotations

from typing import Any

import pytest

from jointex.assess.run_checks import RunFile, check_run_files, run_problems, used_run_files
from jointex.errors import InputError
from jointex.model import Exercise
from jointex.model.runs import RunResult
from jointex.service.exercises import load_exercise
from tests.conftest import REPO
from tests.run_files import run_file

FLAGSHIP = REPO / "examples" / "baltic-shield" / "exercise.yaml"
PACIFIC = REPO / "examples" / "pacific-shelter" / "exercise.yaml"


@pytest.fixture(scope="module")
def flagship() -> Exercise:
    return load_exercise(FLAGSHIP).exercise


def _run(exercise: Exercise, metrics: dict[str, Any], **changes: Any) -> RunResult:
    return RunResult.model_validate(run_file(exercise, "V-IAMD-RAID", metrics, **changes))


def test_a_run_of_this_version_with_declared_metrics_is_evidence(flagship: Exercise) -> None:
    metrics = {
        "iamd.leak_probability": {"mean": 0.03, "ci_low": 0.02, "ci_high": 0.04},
        "iamd.leakers.ELEKTRENAI": {"mean": 0.5, "ci_low": 0.4, "ci_high": 0.6},
        "iamd.national.shots.USA": {"mean": 12.0, "ci_low": 11.0, "ci_high": 13.0},
        "iamd.detect_to_engage_s": {"mean": 41.0},
    }
    assert run_problems(_run(flagship, metrics, mode="both"), flagship, None) == []


def test_a_relief_run_may_carry_only_relief_metrics() -> None:
    pacific = load_exercise(PACIFIC).exercise
    good = {"hadr.need_met_day3_pct": {"mean": 80.0}, "hadr.delivered_t.AUS": {"mean": 120.0}}
    run = RunResult.model_validate(run_file(pacific, "V-HADR-RELIEF", good))
    assert run_problems(run, pacific, None) == []
    bad = run.model_copy(
        update={"metrics": {**run.metrics, "iamd.leakers": run.metrics["hadr.delivered_t.AUS"]}}
    )
    (problem,) = run_problems(bad, pacific, None)
    assert problem.field == ("metrics", "iamd.leakers")
    assert problem.message == "iamd.leakers is not a metric that rehearsals of kind hadr produce"


@pytest.mark.parametrize(
    ("metric", "value"),
    [
        ("iamd.leak_probability", 1.5),
        ("iamd.leakers", -1.0),
        ("iamd.cost_exchange_ratio", -0.1),
    ],
)
def test_values_outside_their_domain_are_refused(flagship: Exercise, metric: str, value: float) -> None:
    (problem,) = run_problems(_run(flagship, {metric: {"mean": value}}), flagship, None)
    assert problem.field == ("metrics", metric, "mean")
    assert "outside the values" in problem.message


def test_non_finite_values_never_make_a_run() -> None:
    with pytest.raises(ValueError, match="finite number"):
        RunResult.model_validate(
            {
                **run_file(load_exercise(FLAGSHIP).exercise, "V-IAMD-RAID", {}),
                "metrics": {"x": {"mean": float("nan")}},
            }
        )


def test_the_coalitions_runs_serve_every_version_and_a_nations_only_its_own(flagship: Exercise) -> None:
    leak = {"iamd.leak_probability": {"mean": 0.03}}
    coalition, pol = _run(flagship, leak), _run(flagship, leak, reader="POL")
    assert run_problems(coalition, flagship, "POL") == run_problems(coalition, flagship, None) == []
    assert run_problems(pol, flagship, "POL") == []
    assert [p.field for p in run_problems(pol, flagship, None)] == [("reader",)]
    assert [p.field for p in run_problems(pol, flagship, "GBR")] == [("reader",)]


def test_an_edited_exercise_makes_its_runs_stale(flagship: Exercise) -> None:
    run = _run(flagship, {"iamd.leak_probability": {"mean": 0.03}})
    edited = flagship.model_copy(update={"name": "BALTIC SHIELD 27 (rev 2)"})
    (problem,) = run_problems(run, edited, None)
    assert problem.field == ("exercise_digest",)
    assert "rehearse again" in (problem.expected or "")


def test_every_problem_names_its_file_and_only_released_runs_are_listed(
    flagship: Exercise, tmp_path: Any
) -> None:
    good = RunFile(tmp_path / "a.json", _run(flagship, {"iamd.leak_probability": {"mean": 0.03}}))
    bad = RunFile(tmp_path / "b.json", _run(flagship, {"interop.overall_score_pct": {"mean": 100.0}}))
    with pytest.raises(InputError) as caught:
        check_run_files([good, bad], flagship, None)
    assert [p.file for p in caught.value.problems] == [tmp_path / "b.json"]
    assert used_run_files([good, bad], [good.run]) == (good,)
    assert good.to_dict()["exercise_digest"] == good.run.exercise_digest[7:19]
