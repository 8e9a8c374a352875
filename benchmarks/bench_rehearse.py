"""Claim: a raid of 1,000 threats against 50 sensors and 100 fire units, 1,000 replications, in <= 10 s
here; and the kernel is >= 50x faster per replication than its event-driven peer written with SimPy
(tests/rehearse/iamd_events.py: the same physics on the same compiled scene, events at detections,
launches and intercept assessments, no clock ticks), whose statistics agree.

Prints the median wall time of the 1,000 replications on all cores and on one thread (compiled once;
Numba's compile is cached and reported apart), the SimPy peer's and a plain heapq event list's time per
replication (the same doctrine, one thread, fewer replications), the headline statistics side by side
with their agreement in standard errors, and the speed ratios, all measured in the same run. The 1 s-tick
object model (tests/rehearse/iamd_objects.py) is no baseline: it stays a correctness reference in the tests.

    .venv/bin/python benchmarks/bench_rehearse.py [--replications 1000] [--baseline 30] [--runs 3]
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import numba
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tests.rehearse.iamd_events import run_events

from jointex.rehearse.engine import run_replications
from jointex.rehearse.vignettes.iamd import IamdVignette, Mode, compile_iamd
from synthetic import iamd_raid_exercise
from timing import median_s

TARGET_S = 10.0
TARGET_RATIO = 50.0
AGREEMENT = (  # metric, label, shown per threat
    ("iamd.leak_probability", "leak probability", False),
    ("iamd.shots", "shots per threat", True),
    ("iamd.detect_to_engage_s", "detect to engage (s)", False),
)


def compile_raid(threats: int, sensors: int, shooters: int) -> tuple[IamdVignette, int, float]:
    exercise = iamd_raid_exercise(threats, sensors, shooters)
    nations = tuple(sorted({u.nation for u in exercise.units}))
    latency = np.full((len(nations), len(nations)), 2.0)
    np.fill_diagonal(latency, 0.0)
    started = time.perf_counter()
    vignette = compile_iamd(exercise, exercise.vignettes[0], latency, nations, Mode.INTEGRATED)
    return vignette, len(nations), time.perf_counter() - started


def peer_per_replication_s(
    vignette: IamdVignette, replications: int, scheduler: str
) -> tuple[float, dict[str, np.ndarray]]:
    started = time.perf_counter()
    columns = run_events(vignette, replications, seed=2, scheduler=scheduler)
    return (time.perf_counter() - started) / replications, columns


def agreement(kernel: dict[str, np.ndarray], peer: dict[str, np.ndarray], threats: int) -> bool:
    """Print the headline statistics side by side; True when every mean agrees within 4 standard errors."""
    agree = True
    for metric, label, per_threat in AGREEMENT:
        k, p = (
            (kernel[metric], peer[metric])
            if not per_threat
            else (kernel[metric] / threats, peer[metric] / threats)
        )
        se = math.hypot(k.std(ddof=1) / math.sqrt(len(k)), p.std(ddof=1) / math.sqrt(len(p)))
        z = abs(k.mean() - p.mean()) / se if se > 0 else 0.0
        agree &= bool(z <= 4)
        print(
            f"    {label:22s} kernel {k.mean():9.4f} (n={len(k)})   peer {p.mean():9.4f} (n={len(p)})   "
            f"{z:.1f} standard errors apart: {'agree' if z <= 4 else 'DIFFER'}"
        )
    return agree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threats", type=int, default=1_000)
    parser.add_argument("--sensors", type=int, default=50)
    parser.add_argument("--shooters", type=int, default=100)
    parser.add_argument("--replications", type=int, default=1_000)
    parser.add_argument("--baseline", type=int, default=30, help="replications of each event-driven peer")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    vignette, nations, compile_s = compile_raid(args.threats, args.sensors, args.shooters)
    started = time.perf_counter()
    run_replications(vignette, 2, seed=1)
    warm_s = time.perf_counter() - started
    threads = numba.get_num_threads()
    table = run_replications(vignette, args.replications, seed=1)
    wall_s = median_s(lambda: run_replications(vignette, args.replications, seed=1), args.runs)
    numba.set_num_threads(1)
    one_thread_s = median_s(lambda: run_replications(vignette, args.replications, seed=1), args.runs)
    numba.set_num_threads(threads)
    duration_s = float(vignette.scene.raid.impact_s.max())
    print(
        f"scene: {vignette.threats} threats, {args.sensors} sensors, {args.shooters} fire units, "
        f"{nations} nations, {duration_s:.0f} s of raid; "
        f"{len(vignette.arrays.detections.threat)} detection windows, "
        f"{len(vignette.arrays.engagements.threat)} engagement windows"
    )
    print(f"compile scene {compile_s:.2f} s; first call (Numba load or compile) {warm_s:.2f} s")
    print(
        f"kernel: {args.replications} replications in {wall_s:.2f} s on {threads} threads "
        f"(median of {args.runs}; target <= {TARGET_S:.0f} s), {one_thread_s:.2f} s on one thread"
    )
    kernel_s = wall_s / args.replications
    kernel_one_s = one_thread_s / args.replications
    print(f"kernel per replication: {kernel_s * 1e3:.2f} ms ({kernel_one_s * 1e3:.2f} ms on one thread)")

    agree = True
    ratios = {}
    for scheduler, name in (("simpy", "SimPy"), ("heapq", "plain heapq")):
        peer_s, columns = peer_per_replication_s(vignette, args.baseline, scheduler)
        ratios[scheduler] = peer_s / kernel_s
        print(
            f"{name} event-driven peer: {peer_s * 1e3:.1f} ms per replication ({args.baseline} "
            f"replications, one thread); {peer_s / kernel_s:,.0f}x the kernel per replication "
            f"({peer_s / kernel_one_s:,.0f}x the kernel on one thread)"
        )
        agree &= agreement(table.columns, columns, vignette.threats)
    print(f"statistics agree: {agree} (every mean within 4 standard errors of the kernel's)")
    print(
        f"speed ratio against the SimPy peer: {ratios['simpy']:,.0f}x per replication "
        f"(target >= {TARGET_RATIO:.0f}x: {'met' if ratios['simpy'] >= TARGET_RATIO else 'NOT met'})"
    )
    if not agree:
        raise SystemExit("the kernel and its event-driven peer disagree")


if __name__ == "__main__":
    main()
