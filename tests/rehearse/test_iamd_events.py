"""The kernel against its event-driven peer (tests/rehearse/iamd_events.py, the benchmark's baseline):
the same raid on the same compiled scene gives the same leak probability, shots and timings in
distribution, run by SimPy or by a plain heapq event list."""

from __future__ import annotations

import math

import numpy as np
import pytest

from jointex.rehearse.engine import run_replications
from jointex.rehearse.vignettes.iamd import Mode
from tests.rehearse.iamd_events import run_events
from tests.rehearse.test_iamd import coalition

METRICS = ("iamd.leak_probability", "iamd.shots", "iamd.detect_to_engage_s", "iamd.double_engagements")


def differ_by_standard_errors(kernel: np.ndarray, events: np.ndarray) -> float:
    se = math.hypot(kernel.std(ddof=1) / math.sqrt(len(kernel)), events.std(ddof=1) / math.sqrt(len(events)))
    gap = abs(kernel.mean() - events.mean())
    return gap / se if se > 0 else (0.0 if gap == 0 else math.inf)


@pytest.mark.parametrize("scheduler", ["simpy", "heapq"])
@pytest.mark.parametrize("mode", [Mode.NATIONAL, Mode.INTEGRATED])
def test_the_event_driven_peer_agrees_with_the_kernel_in_distribution(mode: Mode, scheduler: str) -> None:
    vignette = coalition(mode, usa_radar_km=25, magazine=100)
    kernel = run_replications(vignette, 2000, seed=1).columns
    events = run_events(vignette, 400, seed=2, scheduler=scheduler)
    for metric in METRICS:
        assert differ_by_standard_errors(kernel[metric], events[metric]) <= 4, metric
    if mode is Mode.INTEGRATED:
        assert events["iamd.double_engagements"].max() == 0  # one picture: nobody fires at a busy threat


def test_the_comparison_tells_apart_a_radar_that_sees_5_km_further() -> None:
    """The agreement is not loose: the same raid with the US radar reaching 30 km instead of 25 fails it."""
    kernel = run_replications(coalition(Mode.NATIONAL, usa_radar_km=25, magazine=100), 2000, seed=1).columns
    events = run_events(coalition(Mode.NATIONAL, usa_radar_km=30, magazine=100), 400, seed=2)
    assert max(differ_by_standard_errors(kernel[m], events[m]) for m in METRICS) > 4
