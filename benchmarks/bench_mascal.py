"""Claim: a mass casualty rehearsal of 500 casualties, 1,000 replications, each with its what-ifs (one more
surgical team at each facility that operates, one more vehicle of each evacuation asset, all on the
replication's random numbers), runs in <= 10 s here; and the kernel agrees in distribution with a SimPy
model of the same scene (tests/rehearse/mascal/simpy_peer.py: a process per casualty, per vehicle
mission and per step of care), which is the baseline of the speed ratio.

The scene: a strike with 500 casualties over two hours, two Role 1 aid stations, two Role 2 surgical
facilities and a host-nation hospital, ambulances and two nations' MEDEVAC helicopters (one with a
national caveat), a 24-hour window.

Prints the median wall time of the 1,000 replications (with the what-ifs) on all cores and on one thread
(compiled once; Numba's compile is cached and reported apart), the plan alone (no what-ifs) per
replication, the SimPy model's time per replication (the plan alone, one thread, fewer replications), the
ratio, and the headline estimates of both side by side with their 95% intervals and their agreement in
standard errors, all measured in the same run.

    .venv/bin/python benchmarks/bench_mascal.py [--replications 1000] [--baseline 40] [--runs 3]
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

from tests.rehearse.mascal.scenes import compiled
from tests.rehearse.mascal.simpy_peer import run_peer
from tests.rehearse.scenes import at

from jointex.rehearse.engine import Estimate, run_replications
from jointex.rehearse.vignettes.mascal import MascalVignette
from jointex.rehearse.vignettes.mascal.compile import variants
from timing import median_s

TARGET_S = 10.0
AGREEMENT = (  # metric, label
    ("mascal.surgery_within_2h_pct", "T1 in surgery within 2 h (%)"),
    ("mascal.resuscitation_within_1h_pct", "T1 resuscitated within 1 h (%)"),
    ("mascal.time_to_surgery_h", "time to surgery (h)"),
    ("mascal.deaths", "deaths awaiting surgery"),
)


def scene(casualties: int) -> dict[str, object]:
    """The benchmark's scene, on the tests' local km plane (NOR-MED and USA-MED units)."""
    return {
        "incidents": [
            {
                "id": "STRIKE",
                "name": "Strike",
                "position": at(0, 0),
                "casualties": casualties,
                "over_min": 120,
                "profile": "front_loaded",
                "first_responders": 12,
                "groups": [
                    {"nation": "USA", "share": 0.5},
                    {"nation": "NOR", "share": 0.3},
                    {"nation": "NOR", "civilian": True, "share": 0.2},
                ],
            }
        ],
        "facilities": [
            {"id": "R1-A", "role": 1, "unit": "NOR-MED", "position": at(3, 0), "treatment_teams": 6},
            {"id": "R1-B", "role": 1, "unit": "USA-MED", "position": at(0, 4), "treatment_teams": 6},
            {
                "id": "R2-A",
                "role": 2,
                "unit": "USA-MED",
                "position": at(45, 10),
                "surgical_tables": 4,
                "beds": 40,
            },
            {
                "id": "R2-B",
                "role": 2,
                "unit": "NOR-MED",
                "position": at(-30, 20),
                "surgical_tables": 3,
                "beds": 30,
            },
            {
                "id": "HOSP",
                "role": 3,
                "position": at(90, -20),
                "treatment_teams": 4,
                "surgical_tables": 8,
                "beds": 80,
            },
        ],
        "evacuation": [
            {
                "id": "AMB",
                "unit": "NOR-MED",
                "type": "ambulance",
                "count": 16,
                "base": at(3, 0),
                "pick_up_at": ["point_of_injury", "role1"],
                "deliver_to": ["role1", "role2", "role3"],
            },
            {"id": "USA-HELO", "unit": "USA-MED", "type": "helicopter", "count": 6, "base": at(45, 10)},
            {
                "id": "NOR-HELO",
                "unit": "NOR-MED",
                "type": "helicopter",
                "count": 3,
                "base": at(-30, 20),
                "carries": "own",
            },
        ],
    }


def agreement(kernel: dict[str, np.ndarray], peer: dict[str, np.ndarray]) -> bool:
    """Print the headline estimates side by side; True when every mean agrees within 4 standard errors."""
    agree = True
    for metric, label in AGREEMENT:
        k, p = kernel[metric][np.isfinite(kernel[metric])], peer[metric][np.isfinite(peer[metric])]
        ek, ep = Estimate.of_metric(metric, k), Estimate.of_metric(metric, p)
        se = math.hypot(k.std(ddof=1) / math.sqrt(len(k)), p.std(ddof=1) / math.sqrt(len(p)))
        z = abs(k.mean() - p.mean()) / se if se > 0 else 0.0
        agree &= bool(z <= 4)
        print(
            f"    {label:32s} kernel {ek.mean:8.3f} [{ek.ci_low:.3f}, {ek.ci_high:.3f}] (n={ek.n})   "
            f"SimPy {ep.mean:8.3f} [{ep.ci_low:.3f}, {ep.ci_high:.3f}] (n={ep.n})   "
            f"{z:.1f} standard errors apart: {'agree' if z <= 4 else 'DIFFER'}"
        )
    return agree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--casualties", type=int, default=500)
    parser.add_argument("--replications", type=int, default=1_000)
    parser.add_argument("--baseline", type=int, default=40, help="replications of the SimPy model")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    started = time.perf_counter()
    vignette = compiled(scene(args.casualties), hours=24)
    compile_s = time.perf_counter() - started
    plan = MascalVignette(vignette.scene, variants(vignette.scene, what_ifs=False)[0], ())
    started = time.perf_counter()
    run_replications(vignette, 2, seed=1)
    run_replications(plan, 2, seed=1)
    warm_s = time.perf_counter() - started
    threads = numba.get_num_threads()
    table = run_replications(vignette, args.replications, seed=1)
    wall_s = median_s(lambda: run_replications(vignette, args.replications, seed=1), args.runs)
    plan_table = run_replications(plan, args.replications, seed=1)
    numba.set_num_threads(1)
    one_thread_s = median_s(lambda: run_replications(vignette, args.replications, seed=1), args.runs)
    plan_one_s = median_s(lambda: run_replications(plan, args.replications, seed=1), args.runs)
    numba.set_num_threads(threads)
    runs_each = 1 + len(vignette.what_ifs)
    print(
        f"scene: {args.casualties} casualties, {len(vignette.scene.facilities)} facilities, "
        f"{sum(a.vehicles for a in vignette.scene.assets)} vehicles of {len(vignette.scene.assets)} assets, "
        f"{vignette.scene.horizon_min / 60:.0f} h; {runs_each} runs per replication (the plan and "
        f"{len(vignette.what_ifs)} what-ifs)"
    )
    print(f"compile scene {compile_s:.2f} s; first calls (Numba load or compile) {warm_s:.2f} s")
    print(
        f"kernel: {args.replications} replications with their what-ifs in {wall_s:.2f} s "
        f"on {threads} threads "
        f"(median of {args.runs}; target <= {TARGET_S:.0f} s: {'met' if wall_s <= TARGET_S else 'NOT met'}), "
        f"{one_thread_s:.2f} s on one thread"
    )
    plan_one_per_rep = plan_one_s / args.replications
    print(f"kernel, the plan alone: {plan_one_per_rep * 1e3:.2f} ms per replication on one thread")

    started = time.perf_counter()
    peer = run_peer(vignette.scene, args.baseline, seed=2)
    peer_per_rep = (time.perf_counter() - started) / args.baseline
    print(
        f"SimPy model, the plan alone: {peer_per_rep * 1e3:.1f} ms per replication ({args.baseline} "
        f"replications, one thread); {peer_per_rep / plan_one_per_rep:,.0f}x the kernel on one thread; "
        f"{args.replications} replications with what-ifs would take it about "
        f"{peer_per_rep * runs_each * args.replications:,.0f} s"
    )
    agree = agreement(plan_table.columns, peer)
    print(f"statistics agree: {agree} (every mean within 4 standard errors of the kernel's)")
    headline = table.summary()["mascal.surgery_within_2h_pct"]
    print(
        f"headline: T1 casualties in surgery within 2 h {headline.mean:.1f}% "
        f"[{headline.ci_low:.1f}, {headline.ci_high:.1f}] over {headline.n} replications"
    )
    if not agree:
        raise SystemExit("the kernel and its SimPy model disagree")


if __name__ == "__main__":
    main()
