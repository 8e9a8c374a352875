"""The Monte Carlo engine: stream quality, reproducibility for any batch size, intervals, the stop rule,
and the run file, checked on a salvo whose leak probability is known in closed form."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from jointex.formats.run_results import read_runs
from jointex.model.runs import RunResult
from jointex.rehearse.engine import RunTable, replication_keys, run_replications, uniforms
from tests.run_files import unchecked_run_file


@dataclass(frozen=True)
class Salvo:
    """n independent shots with kill probability p at one threat: leak probability (1 - p)^n."""

    p: float
    n: int
    stream: int = 1
    metrics: tuple[str, ...] = ("test.leak", "test.shots")
    headline: tuple[str, ...] = ("test.leak",)

    def run(self, keys: NDArray[np.uint64]) -> dict[str, NDArray[np.float64]]:
        hits = uniforms(keys, self.stream, self.n) < self.p
        return {
            "test.leak": (~hits.any(axis=1)).astype(float),
            "test.shots": np.full(len(keys), float(self.n)),
        }


def test_uniforms_look_uniform_and_independent() -> None:
    u = uniforms(replication_keys(7, 0, 2000), stream=3, count=50)
    assert u.min() >= 0.0 and u.max() < 1.0
    assert u.mean() == pytest.approx(0.5, abs=0.005)
    assert u.var() == pytest.approx(1 / 12, abs=0.002)
    other = uniforms(replication_keys(7, 0, 2000), stream=4, count=50)
    assert abs(np.corrcoef(u.ravel(), other.ravel())[0, 1]) < 0.01
    assert abs(np.corrcoef(u[:, :-1].ravel(), u[:, 1:].ravel())[0, 1]) < 0.01


def test_a_number_depends_only_on_seed_replication_stream_and_index() -> None:
    keys = replication_keys(11, 0, 10)
    assert np.array_equal(uniforms(keys[3:5], 2, 5), uniforms(replication_keys(11, 3, 2), 2, 5))
    assert np.array_equal(uniforms(keys, 2, 8)[:, 5:], uniforms(keys, 2, 3, start=5))
    assert not np.array_equal(uniforms(keys, 2, 5), uniforms(replication_keys(12, 0, 10), 2, 5))


def test_keys_come_from_seedsequence_spawn() -> None:
    children = np.random.SeedSequence(5).spawn(3)
    expected = np.stack([c.generate_state(2, dtype=np.uint64) for c in children])
    assert np.array_equal(replication_keys(5, 0, 3), expected)


@pytest.mark.parametrize("batch_size", [1, 7, 256, 5000])
def test_results_are_identical_for_any_batch_size(batch_size: int) -> None:
    reference = run_replications(Salvo(0.7, 2), 600, seed=3, batch_size=600)
    table = run_replications(Salvo(0.7, 2), 600, seed=3, batch_size=batch_size)
    assert np.array_equal(table.columns["test.leak"], reference.columns["test.leak"])


@pytest.mark.parametrize(("p", "n"), [(0.7, 1), (0.7, 2), (0.5, 4), (0.9, 3)])
def test_salvo_leak_matches_the_closed_form(p: float, n: int) -> None:
    estimate = run_replications(Salvo(p, n), 20_000, seed=1).summary()["test.leak"]
    expected = (1 - p) ** n
    assert abs(estimate.mean - expected) < 4 * max(estimate.sd, 1e-9) / np.sqrt(estimate.n) + 1e-12
    assert estimate.ci_low <= expected + 1e-3 and expected - 1e-3 <= estimate.ci_high


def test_the_stop_rule_ends_when_intervals_are_narrow_and_keeps_the_first_replications() -> None:
    table = run_replications(Salvo(0.7, 1), 100_000, seed=2, batch_size=500, target_half_width=0.01)
    assert table.replications < 100_000
    assert table.summary()["test.leak"].half_width < 0.01
    fixed = run_replications(Salvo(0.7, 1), table.replications, seed=2, batch_size=500)
    assert np.array_equal(table.columns["test.leak"], fixed.columns["test.leak"])


def test_common_random_numbers_make_paired_differences_sharp() -> None:
    more = run_replications(Salvo(0.7, 3), 5000, seed=4)
    fewer = run_replications(Salvo(0.7, 2), 5000, seed=4)
    difference = more.difference(fewer)["test.leak"]
    assert difference.mean == pytest.approx(0.3**3 - 0.3**2, abs=0.01)
    assert (more.columns["test.leak"] <= fewer.columns["test.leak"]).all()  # a third shot never adds a leak


def test_the_run_file_is_what_the_assessment_reads(tmp_path: Path) -> None:
    table: RunTable = run_replications(Salvo(0.7, 2), 2000, seed=9)
    result = RunResult.model_validate(
        unchecked_run_file("V-IAMD-RAID", "iamd", {}, replications=table.replications, seed=table.seed)
    ).model_copy(update={"metrics": table.metric_estimates()})
    (tmp_path / "run.json").write_text(json.dumps(result.model_dump(mode="json")))
    (read,) = read_runs(tmp_path)
    assert read.metrics["test.leak"].mean == pytest.approx(table.summary()["test.leak"].mean)
    assert read.replications == 2000 and read.seed == 9
    assert read.metrics["test.shots"].mean == 2.0


def test_the_progress_callback_hears_of_every_batch_and_the_total() -> None:
    calls: list[tuple[int, int]] = []
    run_replications(Salvo(0.7, 2), 10, seed=1, batch_size=4, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(0, 10), (4, 10), (8, 10), (10, 10)]


def test_summaries_keep_each_metric_inside_its_declared_domain() -> None:
    once_in_30 = np.array([1.0] + [0.0] * 29)
    table = RunTable(
        {
            "iamd.leak_probability": once_in_30,
            "hadr.sites_never_reached": once_in_30,
            "test.free": once_in_30,
        },
        seed=0,
    )
    summary = table.summary()
    assert summary["iamd.leak_probability"].ci_low >= 0 and summary["iamd.leak_probability"].ci_high <= 1
    assert summary["hadr.sites_never_reached"].ci_low >= 0
    assert summary["test.free"].ci_low < 0  # a name the registry does not know keeps the normal interval


def test_a_paired_difference_of_probabilities_stays_within_plus_minus_1() -> None:
    always = RunTable({"iamd.leak_probability": np.array([1.0, 1.0, 1.0, 0.0])}, seed=0)
    never = RunTable({"iamd.leak_probability": np.zeros(4)}, seed=0)
    difference = always.difference(never)["iamd.leak_probability"]
    assert -1 <= difference.ci_low <= difference.mean <= difference.ci_high <= 1
