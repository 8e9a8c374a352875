"""How many replications a run makes when the user does not say, and the progress it reports."""

from __future__ import annotations

import itertools
import os

import jointex
from jointex.catalogue import builtin_catalogue
from jointex.rehearse.engine import StoppingRule, run_replications
from jointex.rehearse.simulate import simulate_exercise
from jointex.rehearse.vignettes.hadr.compile import HadrVignette
from jointex.rehearse.vignettes.iamd.compile import IamdVignette
from tests.conftest import REPO
from tests.rehearse.hadr_scenes import QUIET, depot, relief, site, truck
from tests.rehearse.scenes import exercise_with

FLAGSHIP = REPO / "examples" / "baltic-shield" / "exercise.yaml"
PARAMETERS = {
    "sites": [site(f"S{i}", 6 * i, 3 * (i % 3), people=300) for i in range(1, 6)],
    "sources": [depot("D", 0, 0, water_l=20_000, food_kcal=3_000_000)],
    "assets": [truck("T", capacity_kg=3_000, count=2, crew_duty_h=8)],
    "disruptions": {**QUIET, "breakdown_per_vehicle_day": 0.4},
    "planning": {"iterations": 30},
}
RELIEF = {
    "name": "Relief",
    "kind": "hadr",
    "start": "D+1 06:00",
    "end": "D+2 18:00",
    "parameters": PARAMETERS,
}


def test_iamd_by_default_stops_once_the_leak_probability_is_known_to_half_a_point() -> None:
    rule = IamdVignette.stopping
    calls: list[tuple[int, int]] = []
    run = jointex.simulate(FLAGSHIP, "V-IAMD-RAID", seed=3, progress=lambda d, t: calls.append((d, t)))
    estimate = run.simulation.primary.summary()["iamd.leak_probability"]
    assert rule.minimum <= run.simulation.replications < rule.cap  # the flagship is precise well before
    assert estimate.half_width < rule.half_width
    assert calls[0] == (0, rule.cap) and calls[-1][0] == run.simulation.replications


def test_an_explicit_replication_count_is_run_in_full() -> None:
    assert jointex.simulate(FLAGSHIP, "V-IAMD-RAID", replications=300, seed=3).simulation.replications == 300


def test_both_modes_report_one_progress_over_the_two_runs() -> None:
    calls: list[tuple[int, int]] = []
    run = jointex.simulate(
        FLAGSHIP,
        "V-IAMD-RAID",
        replications=40,
        mode="both",
        batch_size=16,
        progress=lambda d, t: calls.append((d, t)),
    )
    assert run.simulation.replications == 40
    assert calls[0] == (0, 80) and calls[-1] == (80, 80)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_hadr_by_default_reports_progress_per_thread_batch_and_stops_between_30_and_100() -> None:
    exercise = exercise_with({"TRUCKS": "NOR"}, "logistics", RELIEF)
    calls: list[tuple[int, int]] = []
    simulation = simulate_exercise(
        exercise, builtin_catalogue(), None, seed=2, progress=lambda d, t: calls.append((d, t))
    )
    rule = HadrVignette(relief(PARAMETERS).scene).stopping
    n = simulation.replications
    assert rule.minimum <= n <= rule.cap == 100
    assert n == rule.cap or simulation.primary.summary()["hadr.need_met_pct"].half_width < rule.half_width
    steps = [b - a for (a, _), (b, _) in itertools.pairwise(calls)]
    assert calls[0] == (0, 100) and max(steps) <= (os.cpu_count() or 1)


def test_one_relief_worker_moves_the_progress_at_every_replication() -> None:
    vignette = relief(PARAMETERS)
    vignette.workers = 1
    assert vignette.stopping.batch_size == 1
    calls: list[tuple[int, int]] = []
    run_replications(
        vignette,
        3,
        seed=1,
        batch_size=vignette.stopping.batch_size,
        progress=lambda d, t: calls.append((d, t)),
    )
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_the_cli_reference_states_each_kind_default() -> None:
    help_line = next(
        line
        for line in (REPO / "docs" / "cli.md").read_text().splitlines()
        if line.startswith("- `--replications`")
    )
    for rule in (IamdVignette.stopping, HadrVignette(relief(PARAMETERS).scene).stopping):
        assert isinstance(rule, StoppingRule) and rule.half_width is not None
        assert f"up to {rule.cap:,}" in help_line
        assert f"+-{rule.half_width:g}" in help_line
        assert f"at least {rule.minimum})" in help_line
