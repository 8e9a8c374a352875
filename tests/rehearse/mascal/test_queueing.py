"""The chain's queues against queueing theory: a single facility with Poisson arrivals and exponential
treatment is an M/M/c queue whose mean wait Erlang's C formula gives in closed form; Little's law holds
for every facility of every run; every casualty ends somewhere."""

from __future__ import annotations

import math

import numpy as np
import pytest

from jointex.rehearse.vignettes.mascal import arrays as ar
from tests.rehearse.mascal.scenes import chain, compiled, finite, outputs, single_queue


def erlang_c_wait(arrival_rate: float, service_rate: float, servers: int) -> float:
    """Mean wait in the queue of an M/M/c system (Erlang C), in the arrivals' time unit."""
    load = arrival_rate / service_rate
    top = load**servers / math.factorial(servers) * servers / (servers - load)
    waits = top / (sum(load**k / math.factorial(k) for k in range(servers)) + top)
    return waits / (servers * service_rate - arrival_rate)


@pytest.mark.parametrize(("teams", "mean_min"), [(1, 0.7), (3, 2.5)])
def test_one_facility_waits_as_erlang_c_says(teams: int, mean_min: float) -> None:
    # 6,000 arrivals at one a minute (a Poisson stream given its count), 100 days of treatment
    vignette = compiled(single_queue(6_000, 6_000.0, teams, mean_min), hours=101)
    out = outputs(vignette, 40, seed=3)
    facility = out.facility[:, 0, 0]
    simulated = facility[:, ar.WAIT].sum() / facility[:, ar.JOINED].sum()
    expected = erlang_c_wait(1.0, 1 / mean_min, teams)
    assert simulated == pytest.approx(expected, rel=0.06)
    busy = 100 * facility[:, ar.BUSY_AREA].mean() / 6_000
    assert busy == pytest.approx(100 * mean_min / teams, rel=0.03)


def test_littles_law_holds_at_every_facility_of_every_run() -> None:
    # mean queue = arrival rate x mean wait, both measured over the window, for each facility and variant
    vignette = compiled(chain(120))
    out = outputs(vignette, 50)
    horizon = vignette.scene.horizon_min
    facility = out.facility
    queue = facility[..., ar.QUEUE_AREA] / horizon
    rate_times_wait = (
        facility[..., ar.JOINED]
        / horizon
        * np.divide(
            facility[..., ar.WAIT],
            facility[..., ar.JOINED],
            out=np.zeros_like(queue),
            where=facility[..., ar.JOINED] > 0,
        )
    )
    assert (facility[..., ar.JOINED] > 0).sum() > 100
    np.testing.assert_allclose(queue, rate_times_wait, rtol=1e-9, atol=1e-9)


def test_every_casualty_ends_somewhere() -> None:
    # killed at the scene, expectant, died, treated, or still in the chain: the count, in every run
    vignette = compiled(chain(150), hours=4)
    out = outputs(vignette, 40)
    summary = out.summary
    ends = (
        summary[..., ar.KILLED_AT_SCENE]
        + summary[..., ar.EXPECTANT_CARE]
        + summary[..., ar.DEATHS]
        + summary[..., ar.TREATED]
        + summary[..., ar.IN_CHAIN]
    )
    assert (summary[..., ar.NOT_INJURED] == 0).all()
    np.testing.assert_array_equal(ends, 150)
    assert summary[..., ar.IN_CHAIN].sum() > 0 and summary[..., ar.TREATED].sum() > 0


def test_t1_casualties_without_surgery_die_as_the_weibull_clock_says() -> None:
    # no vehicle can reach a facility: every T1 casualty waits at the scene, and dies by the end of the
    # window with the Weibull probability 1 - exp(-(T / scale)^shape)
    parameters = chain(
        400,
        incidents=[
            {
                "id": "BLAST",
                "position": "61.5, 10.5",
                "casualties": 400,
                "triage": {"t1": 1, "t2": 0, "t3": 0, "expectant": 0, "dead": 0},
            }
        ],
    )
    parameters["evacuation"] = [dict(parameters["evacuation"][0], pick_up_at=["role1"])]
    vignette = compiled(parameters, hours=6)
    out = outputs(vignette, 30)
    died = out.summary[:, 0, ar.DEATHS].sum() / out.summary[:, 0, ar.T1_COUNT].sum()
    assert died == pytest.approx(1 - math.exp(-((6 / 6) ** 2)), abs=0.02)
    assert finite(out.summary[:, 0, ar.SURGERY_2H]).sum() == 0
