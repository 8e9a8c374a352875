"""Claim: a 7-day relief rehearsal of >= 40 sites with 100 replications runs in <= 60 s here (each
replication plans every day with PyVRP and replans from the state reached). The Pacific HADR example has
46 sites, 8 sources and 44 vehicles of 14 asset types from 8 nations.

Prints the median wall time of the 100 replications on one worker process per core, the time per
replication in one process (the baseline, measured on fewer replications in the same run), the ratio,
and the headline estimates so a faster setting can be checked for the same answers.

    .venv/bin/python benchmarks/bench_hadr.py [--replications 100] [--baseline 8] [--runs 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from jointex.rehearse.engine import run_replications
from jointex.rehearse.engine.parallel import allow_worker_processes
from jointex.rehearse.vignettes.hadr import compile_hadr
from jointex.service.exercises import load_exercise
from timing import median_s

PACIFIC = Path(__file__).resolve().parents[1] / "examples" / "pacific-shelter" / "exercise.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replications", type=int, default=100)
    parser.add_argument("--baseline", type=int, default=8, help="replications in one process")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    allow_worker_processes()  # this script does its work under `if __name__ == "__main__":`
    exercise = load_exercise(PACIFIC).exercise
    vignette = next(v for v in exercise.vignettes if v.id == "V-HADR-RELIEF")
    relief = compile_hadr(exercise, vignette)
    scene = relief.scene
    print(
        f"scenario: {scene.sites} sites, {scene.sources} sources, {int(scene.assets.count.sum())} vehicles, "
        f"{len(scene.nations)} nations, {scene.days} days; "
        f"PyVRP at most {scene.planning.iterations} iterations per plan; {relief.workers} worker processes"
    )
    tables = []
    wall_s = median_s(lambda: tables.append(run_replications(relief, args.replications, seed=1)), args.runs)
    summary = tables[-1].summary()
    relief.workers = 1
    started = time.perf_counter()
    run_replications(relief, args.baseline, seed=1)
    serial_per_rep_s = (time.perf_counter() - started) / args.baseline
    print(f"{args.replications} replications: median {wall_s:.1f} s over {args.runs} runs (target <= 60 s)")
    print(
        f"one process: {serial_per_rep_s:.2f} s per replication "
        f"({serial_per_rep_s * args.replications:.1f} s for {args.replications}); "
        f"ratio {serial_per_rep_s * args.replications / wall_s:.2f}x"
    )
    for metric in ("hadr.need_met_pct", "hadr.need_met_day3_pct", "hadr.max_time_to_first_delivery_h"):
        e = summary[metric]
        print(f"{metric}: {e.mean:.2f} [{e.ci_low:.2f}, {e.ci_high:.2f}]")


if __name__ == "__main__":
    main()
