"""Evidence from the interoperability analysis, observations and simulation runs."""

from __future__ import annotations

import json
import math
import statistics
from pathlib import Path

import pytest

from jointex import load_exercise
from jointex.analyse.interop import analyse_interop
from jointex.assess.evidence import interop_metrics, observed_metrics
from jointex.errors import InputError
from jointex.formats.run_results import read_runs
from jointex.model.assessment import Observation
from tests.conftest import EXAMPLES
from tests.run_files import unchecked_run_file


def test_interop_metrics_are_shares_of_working_pairs() -> None:
    loaded = load_exercise(EXAMPLES[0])
    result = analyse_interop(loaded.exercise, loaded.catalogue)
    metrics = interop_metrics(result)
    counts = result.domains[next(d for d in result.domains if d.value == "aar")].counts.sum(axis=(1, 2))
    assert metrics["interop.aar.compatible_pairs_pct"].value == pytest.approx(
        100 * (counts[2] + counts[3]) / counts[1:].sum(), abs=0.01
    )
    assert (
        metrics["interop.datalink.connected_pairs_pct"].value
        == metrics["interop.datalink.compatible_pairs_pct"].value
    )
    assert 0 <= metrics["interop.comms.connected_pairs_pct"].value <= 100
    assert all(m.exact for m in metrics.values())


def test_repeated_observations_give_a_t_interval() -> None:
    values = [4.0, 3.0, 4.0]
    found = observed_metrics(
        [
            Observation.model_validate(
                {"time": "D+1", "observer": "E", "objective": "O", "metric": "r", "value": v, "text": "t"}
            )
            for v in values
        ]
    )
    estimate = found["r"]
    half = 4.302652729911275 * statistics.stdev(values) / math.sqrt(3)  # t(0.975, 2)
    assert estimate.value == pytest.approx(11 / 3, abs=1e-4)
    assert (estimate.ci_low, estimate.ci_high) == pytest.approx((11 / 3 - half, 11 / 3 + half), abs=1e-3)
    assert estimate.samples == 3


def _observed(metric: str, values: list[float]) -> list[Observation]:
    return [
        Observation.model_validate(
            {"time": "D+1", "observer": "E", "objective": "O", "metric": metric, "value": v, "text": "t"}
        )
        for v in values
    ]


def test_a_rating_of_3_67_with_wide_spread_keeps_its_interval_on_the_1_to_4_scale() -> None:
    estimate = observed_metrics(_observed("observer.transparency_rating", [4.0, 3.0, 4.0]))[
        "observer.transparency_rating"
    ]
    assert estimate.value == pytest.approx(3.6667, abs=1e-4)
    assert estimate.ci_low == pytest.approx(2.2324, abs=1e-3)  # the t-interval's lower end
    assert estimate.ci_high == 4  # not 5.10: the scale ends at 4


def test_an_observed_percentage_stays_below_100() -> None:
    estimate = observed_metrics(_observed("observer.tracks_shared_pct", [100.0, 100.0, 90.0]))[
        "observer.tracks_shared_pct"
    ]
    assert estimate.ci_high <= 100 and estimate.ci_low < estimate.value


def test_run_files_with_intervals_outside_the_domain_are_clipped() -> None:
    from jointex.assess.assessment import run_metrics
    from jointex.model.runs import RunResult

    run = RunResult.model_validate(
        unchecked_run_file(
            "V-HADR-RELIEF",
            "hadr",
            {"hadr.sites_never_reached": {"mean": 0.033, "ci_low": -0.032, "ci_high": 0.099}},
            replications=30,
            seed=0,
        )
    )
    value = run_metrics([run])["hadr.sites_never_reached"]
    assert (value.ci_low, value.ci_high) == (0.0, 0.099)


def test_run_results_are_read_and_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    good = unchecked_run_file(
        "V-IAMD-RAID",
        "iamd",
        {"iamd.leak_probability": {"mean": 0.04, "ci_low": 0.03, "ci_high": 0.05}},
        seed=7,
    )
    (tmp_path / "a.json").write_text(json.dumps(good))
    (run,) = read_runs(tmp_path)
    assert run.metrics["iamd.leak_probability"].ci_high == 0.05
    (tmp_path / "b.json").write_text(
        json.dumps({**good, "metrics": {"x": {"mean": 1, "ci_low": 2, "ci_high": 3}}})
    )
    (tmp_path / "c.json").write_text("{not json")
    with pytest.raises(InputError) as caught:
        read_runs(tmp_path)
    lines = str(caught.value).splitlines()
    assert lines[0] == "b.json: metrics.x: expected ci_low <= mean <= ci_high"
    assert lines[1].startswith("c.json:1:2: not valid JSON")
