"""Claim: a raid of 1,000 threats against 50 sensors and 100 fire units, 1,000 replications, in <= 10 s
here; and the kernel is >= 50x faster per replication than a straightforward object-per-entity model of
the same raid (tests/rehearse/iamd_objects.py: plain Python classes, a 1 s clock), whose statistics agree.

Prints the median wall time of the 1,000 replications (compiled once; Numba's compile is cached and
reported apart), the entity-updates per second (replications x entities x simulated seconds, the work a
1 s clocked model does), the object model's time per replication on fewer replications, the two models'
headline statistics side by side, and the speed ratio.

    .venv/bin/python benchmarks/bench_rehearse.py [--replications 1000] [--baseline 2] [--runs 3]
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tests.rehearse.iamd_objects import run_objects

from jointex.rehearse.engine import run_replications
from jointex.rehearse.vignettes.iamd import Mode, compile_iamd
from synthetic import iamd_raid_exercise
from timing import median_s

HEADLINE = ("iamd.leak_probability", "iamd.shots", "iamd.detect_to_engage_s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threats", type=int, default=1_000)
    parser.add_argument("--sensors", type=int, default=50)
    parser.add_argument("--shooters", type=int, default=100)
    parser.add_argument("--replications", type=int, default=1_000)
    parser.add_argument("--baseline", type=int, default=2, help="replications of the object model")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    exercise = iamd_raid_exercise(args.threats, args.sensors, args.shooters)
    nations = tuple(sorted({u.nation for u in exercise.units}))
    latency = np.full((len(nations), len(nations)), 2.0)
    np.fill_diagonal(latency, 0.0)
    started = time.perf_counter()
    vignette = compile_iamd(exercise, exercise.vignettes[0], latency, nations, Mode.INTEGRATED)
    compile_s = time.perf_counter() - started
    started = time.perf_counter()
    run_replications(vignette, 2, seed=1)
    warm_s = time.perf_counter() - started

    table = run_replications(vignette, args.replications, seed=1)
    wall_s = median_s(lambda: run_replications(vignette, args.replications, seed=1), args.runs)
    duration_s = float(vignette.scene.raid.impact_s.max())
    entities = args.threats + args.sensors + args.shooters
    updates = args.replications * entities * math.ceil(duration_s + 1)
    print(
        f"scene: {vignette.threats} threats, {args.sensors} sensors, {args.shooters} fire units, "
        f"{len(nations)} nations, {duration_s:.0f} s of raid; "
        f"{len(vignette.scene.raid.impact_s)} flight paths"
    )
    print(f"compile scene {compile_s:.2f} s; first call (Numba load or compile) {warm_s:.2f} s")
    print(
        f"kernel: {args.replications} replications in {wall_s:.2f} s (median of {args.runs}); target <= 10 s"
    )
    print(
        f"kernel: {updates / wall_s:,.0f} entity-updates/s ({updates:,} = replications x entities x seconds)"
    )

    started = time.perf_counter()
    objects, object_updates = run_objects(vignette, args.baseline, seed=1)
    object_s = (time.perf_counter() - started) / args.baseline
    kernel_per_replication_s = wall_s / args.replications
    print(
        f"objects: {object_s:.2f} s per replication ({args.baseline} replications), "
        f"{object_updates / (object_s * args.baseline):,.0f} entity-updates/s"
    )
    agree = True
    for metric in HEADLINE:
        k, o = table.columns[metric], objects[metric]
        sd = np.nanstd(k, ddof=1)  # the object model's few replications share the kernel's spread
        se = math.hypot(sd / math.sqrt(len(k)), sd / math.sqrt(len(o)))
        close = abs(np.nanmean(k) - np.nanmean(o)) <= max(4 * se, 0.02 * abs(np.nanmean(k)))
        agree &= bool(close)
        print(
            f"  {metric:28s} kernel {np.nanmean(k):10.4f} (sd {np.nanstd(k, ddof=1):.4f})   "
            f"objects {np.nanmean(o):10.4f}   {'agree' if close else 'DIFFER'}"
        )
    print(f"statistics agree: {agree} (within 4 standard errors or 2%; the object model acts on a 1 s clock)")
    print(f"speed ratio: {object_s / kernel_per_replication_s:,.0f}x per replication (target >= 50x)")


if __name__ == "__main__":
    main()
