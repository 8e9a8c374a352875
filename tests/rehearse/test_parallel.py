"""Replications on worker processes: the same results as in this process, in the order of the keys,
computed elsewhere."""

from __future__ import annotations

import os
from collections.abc import Iterator

import numpy as np
import pytest

from jointex.rehearse.engine import parallel, replication_keys
from jointex.rehearse.engine.parallel import map_replications
from jointex.rehearse.engine.streams import uniforms


def draw(scale: float, key: np.ndarray) -> tuple[float, int]:
    """A replication stand-in: a number from the key's own stream, and the process that drew it."""
    return float(uniforms(key.reshape(1, 2), 1, 1)[0, 0] * scale), os.getpid()


@pytest.fixture
def processes_allowed() -> Iterator[None]:
    parallel.allow_worker_processes()
    yield
    parallel.allow_worker_processes(False)


def test_worker_processes_give_the_results_of_one_process_in_key_order(processes_allowed: None) -> None:
    keys = list(replication_keys(5, 0, 6))
    here = map_replications(draw, 10.0, keys, workers=1)
    spread = map_replications(draw, 10.0, keys, workers=2)
    assert [value for value, _ in spread] == [value for value, _ in here]
    assert {pid for _, pid in here} == {os.getpid()}
    assert os.getpid() not in {pid for _, pid in spread}


def test_a_program_that_has_not_allowed_processes_runs_every_replication_here() -> None:
    """A script calling `jointex.simulate` at its top level must not be imported again by workers."""
    keys = list(replication_keys(5, 0, 4))
    assert {pid for _, pid in map_replications(draw, 1.0, keys, workers=2)} == {os.getpid()}


def test_one_key_runs_here_without_starting_a_worker(processes_allowed: None) -> None:
    (result,) = map_replications(draw, 1.0, list(replication_keys(5, 0, 1)), workers=4)
    assert result[1] == os.getpid()
