"""Timing helpers shared by the benchmarks: medians of repeated runs."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable


def median_s(action: Callable[[], object], runs: int) -> float:
    """Median wall time of ``action`` over ``runs`` calls, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def command_median_s(command: list[str], runs: int) -> float:
    """Median wall time of a command run as a fresh process, in seconds."""
    return median_s(lambda: subprocess.run(command, check=True, capture_output=True), runs)
