"""Claim: 1,000 replications of a 24-hour search with 10 search units on a 200 x 200 grid in <= 10 s here,
with the search re-planned without each nation's units on the same draws (the value of each nation's
units); and the detection kernel (Numba, arrays) is much faster per replication than a plain
object-per-entity model of the same scene and plans (tests/rehearse/sar/objects.py: a drifting object,
one agent per search unit flying its legs one by one from an event heap), whose statistics agree.

Prints the time to compile the scene and plan every search (apart: done once per scene), the median wall
time of the 1,000 replications, the object model's time per replication (fewer replications), the
probability of success and of finding with their 95% intervals from both, their agreement in standard
errors, and the speed ratio, all measured in the same run.

    .venv/bin/python benchmarks/bench_sar.py [--replications 1000] [--baseline 300] [--runs 3]
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path
from typing import Any

import numba
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tests.rehearse.sar.objects import run_objects
from tests.rehearse.sar.scenes import sar_exercise

from jointex.model import Exercise
from jointex.rehearse.engine import Estimate, run_replications
from jointex.rehearse.vignettes.sar.compile import SarVignette
from jointex.rehearse.vignettes.sar.scene import compile_scene
from timing import median_s

TARGET_S = 10.0
AGREEMENT = (("sar.pos", "probability of success"), ("sar.found", "probability of finding"))


def unit(asset_id: str, unit_id: str, platform: str, speed: float, **extra: Any) -> dict[str, Any]:
    return {"id": asset_id, "unit": unit_id, "platform": platform, "search_speed_kn": speed, **extra}


def search_exercise(cells: int) -> Exercise:
    """A person in the water lost 8 hours before a 24-hour search in 17 C water, a 15 kn
    north-easterly and a 0.6 kn current; ten search units of two nations: helicopters by eye and with
    FLIR (parallel sweep, expanding square, sector), patrol aircraft by eye and by radar, two ships."""
    assets = [
        unit("US-H1", "USA-HELO", "helicopter", 90, endurance_h=4, transit_nm=30),
        unit("US-H2", "USA-HELO", "helicopter", 90, endurance_h=4, transit_nm=30, available_after_h=2),
        unit("US-F1", "USA-AIR", "fixed_wing", 180, endurance_h=8, transit_nm=100, altitude_ft=1000),
        unit("US-S1", "USA-SHIP", "ship", 12, transit_nm=40, available_after_h=4),
        unit("US-H3", "USA-HELO", "helicopter", 70, endurance_h=3.5, transit_nm=30, sensor="flir",
             pattern="expanding_square", available_after_h=12),
        unit("NO-H4", "NOR-HELO", "helicopter", 90, endurance_h=4, transit_nm=20, pattern="expanding_square"),
        unit("NO-H5", "NOR-HELO", "helicopter", 80, endurance_h=3, transit_nm=20, pattern="sector",
             available_after_h=1),
        unit("NO-F2", "NOR-AIR", "fixed_wing", 200, endurance_h=10, transit_nm=150, sensor="radar"),
        unit("NO-S2", "NOR-SHIP", "ship", 14, transit_nm=30, available_after_h=2),
        unit("NO-H6", "NOR-HELO", "helicopter", 90, endurance_h=4, transit_nm=20, sensor="flir",
             available_after_h=10),
    ]  # fmt: skip
    return sar_exercise(
        assets,
        units={"USA-HELO": "USA", "USA-AIR": "USA", "USA-SHIP": "USA", "NOR-HELO": "NOR", "NOR-AIR": "NOR",
               "NOR-SHIP": "NOR"},
        start="D+1 06:00",
        end="D+2 06:00",
        datum={"position": "60.0, 10.5", "hours_before_start": 8, "position_error_nm": 4.0},
        search_object={"type": "person_in_water", "people": 1},
        environment={
            "wind": {"from_deg": 45, "speed_kn": 15},
            "current": {"set_deg": 200, "drift_kn": 0.6},
            "water_temperature_c": 17,
            "visibility_nm": 10,
        },
        grid={"cells": cells},
        planning_particles=4_000,
    )  # fmt: skip


def agreement(kernel: dict[str, np.ndarray], peer: dict[str, np.ndarray]) -> bool:
    """Print both estimates with their intervals; True when each pair agrees within 4 standard errors."""
    agree = True
    for metric, label in AGREEMENT:
        k, p = kernel[metric], peer[metric]
        ek, ep = Estimate.of_metric(metric, k), Estimate.of_metric(metric, p)
        se = math.hypot(ek.sd / math.sqrt(ek.n), ep.sd / math.sqrt(ep.n))
        z = abs(ek.mean - ep.mean) / se if se > 0 else 0.0
        agree &= bool(z <= 4)
        print(
            f"    {label:24s} kernel {ek.mean:.3f} [{ek.ci_low:.3f}, {ek.ci_high:.3f}] (n={ek.n})   "
            f"objects {ep.mean:.3f} [{ep.ci_low:.3f}, {ep.ci_high:.3f}] (n={ep.n})   "
            f"{z:.1f} standard errors apart: {'agree' if z <= 4 else 'DIFFER'}"
        )
    return agree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replications", type=int, default=1_000)
    parser.add_argument("--baseline", type=int, default=300, help="replications of the object model")
    parser.add_argument("--cells", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    exercise = search_exercise(args.cells)
    started = time.perf_counter()
    scene = compile_scene(exercise, exercise.vignettes[0])
    vignette = SarVignette(scene, "optimal")
    compile_s = time.perf_counter() - started
    started = time.perf_counter()
    run_replications(vignette, 2, seed=1)
    warm_s = time.perf_counter() - started
    threads = numba.get_num_threads()
    table = run_replications(vignette, args.replications, seed=1, batch_size=500)
    wall_s = median_s(
        lambda: run_replications(vignette, args.replications, seed=1, batch_size=500), args.runs
    )
    legs = [len(plan.legs) for plan in vignette.plans]
    print(
        f"scene: {len(scene.units)} search units of {len(scene.nations)} nations, {scene.window_h:g} h of "
        f"search, {scene.grid.cells} x {scene.grid.cells} grid of {scene.grid.cell_nm:.2g} NM cells, "
        f"{len(scene.blocks)} blocks planned; {legs[0]:,} legs with every unit, "
        f"{', '.join(f'{n:,}' for n in legs[1:])} without each nation"
    )
    print(
        f"compile scene and plan the {len(vignette.plans)} searches {compile_s:.2f} s; "
        f"first call {warm_s:.2f} s"
    )
    print(
        f"kernel: {args.replications:,} replications in {wall_s:.2f} s on {threads} threads (median of "
        f"{args.runs}; target <= {TARGET_S:.0f} s: {'met' if wall_s <= TARGET_S else 'NOT met'}); "
        f"with the planning, {compile_s + wall_s:.2f} s"
    )
    kernel_s = wall_s / args.replications
    started = time.perf_counter()
    peer = run_objects(vignette, args.baseline, seed=2)
    peer_s = (time.perf_counter() - started) / args.baseline
    print(
        f"object model: {peer_s * 1e3:.1f} ms per replication ({args.baseline} replications, one thread); "
        f"kernel {kernel_s * 1e3:.3f} ms per replication"
    )
    agree = agreement(table.columns, peer)
    print(f"statistics agree: {agree} (every mean within 4 standard errors of the kernel's)")
    print(f"speed ratio against the object model: {peer_s / kernel_s:,.0f}x per replication")
    if not agree:
        raise SystemExit("the kernel and the object model disagree")


if __name__ == "__main__":
    main()
