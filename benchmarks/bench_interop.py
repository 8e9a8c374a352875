"""Claim: interoperability of 10,000 units, all domains, all pairs, in <= 1 s and <= 2 GB here; and the
vectorised engine is >= 100x faster than a tidy pair-by-pair loop of the same rules.

Prints the median time of the domain analysis (every domain's states for all unit pairs and nation
pairs), the time to materialise every domain's full 10,000 x 10,000 unit matrix one after another, the
peak memory of the process, and, measured in the same run on a subset, the baseline: the fair peer
(tests/analyse/pairwise_peer.py: a dict-lookup loop over unit pairs, with everything that depends only
on nations, units or platforms worked out once beforehand), its time per pair, the check that it and
the engine agree on every pair of the subset with the plain statement of the rules
(tests/analyse/pairwise_reference.py, which rebuilds what it needs for every pair and is kept as the
correctness reference, not the baseline), and the speed ratio.

    .venv/bin/python benchmarks/bench_interop.py [--units 10000] [--subset 300] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.analyse.pairwise_peer import peer_matrices
from tests.analyse.pairwise_reference import pairwise_matrices

from jointex.analyse.interop.profiles import unit_profiles
from jointex.analyse.interop.result import analyse_domains
from jointex.analyse.interop.scoring import pair_scores
from jointex.catalogue import builtin_catalogue
from jointex.model import Exercise

TARGET_S = 1.0
TARGET_BYTES = 2 * 1024**3
NATIONS = [
    "USA",
    "GBR",
    "FRA",
    "DEU",
    "POL",
    "NLD",
    "NOR",
    "LTU",
    "LVA",
    "EST",
    "ITA",
    "ESP",
    "CAN",
    "DNK",
    "FIN",
    "SWE",
    "JPN",
    "AUS",
    "KOR",
    "PHL",
]
LANGUAGES = ["en", "fr", "de", "pl", "nl", "no", "lt", "lv", "et", "it", "es", "da", "fi", "sv", "ja", "ko"]


def synthetic_exercise(n_units: int, seed: int = 11) -> Exercise:
    rng = random.Random(seed)
    catalogue = builtin_catalogue()
    platforms = sorted(catalogue.platforms)
    waveforms = sorted(catalogue.waveforms)
    links = sorted(catalogue.data_links)
    standards = sorted(catalogue.standards)[:12]
    units: list[dict[str, Any]] = []
    for i in range(n_units):
        units.append(
            {
                "id": f"U{i:05d}",
                "name": f"Unit {i}",
                "nation": rng.choice(NATIONS),
                "service": rng.choice(["land", "air", "maritime"]),
                "echelon": "company",
                "personnel": 100,
                "equipment": [{"platform": p} for p in rng.sample(platforms, rng.randint(1, 3))],
                "comms": {
                    "waveforms": rng.sample(waveforms, rng.randint(0, 2)),
                    "data_links": rng.sample(links, rng.randint(0, 1)),
                    "key_material": rng.sample(["K1", "K2", "K3", "K4"], rng.randint(0, 2)),
                    "gateway": rng.random() < 0.01,
                },
            }
        )
    participants = [
        {"nation": n, "languages": rng.sample(LANGUAGES, 2), "standards": rng.sample(standards, 6)}
        for n in NATIONS
    ]
    return Exercise.model_validate(
        {
            "id": "BIG",
            "name": "Big",
            "type": "cax",
            "host_nation": "USA",
            "start_date": "2027-01-01",
            "end_date": "2027-01-10",
            "area": {"boundary": ["0, 0", "0, 1", "1, 1"]},
            "participants": participants,
            "units": units,
        }
    )


def analyse(exercise: Exercise) -> dict[Any, Any]:
    catalogue = builtin_catalogue()
    domains = analyse_domains(exercise, catalogue)
    pair_scores(domains, exercise.nations)
    return domains


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--subset", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    catalogue = builtin_catalogue()
    exercise = synthetic_exercise(args.units)
    analyse(exercise)  # warm caches (catalogue, imports)
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        domains = analyse(exercise)
        times.append(time.perf_counter() - start)
    analysis_s = statistics.median(times)
    start = time.perf_counter()
    pairs_by_state = np.zeros(4, dtype=np.int64)
    for result in domains.values():
        matrix = result.unit_matrix()
        for state in range(4):
            pairs_by_state[state] += int(np.count_nonzero(matrix == state))
        del matrix
    materialise_s = time.perf_counter() - start
    peak_bytes = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    n_pairs = args.units * (args.units - 1)

    subset = Exercise.model_validate(
        {
            **exercise.model_dump(by_alias=True),
            "units": [u.model_dump(by_alias=True) for u in exercise.units[: args.subset]],
        }
    )
    profiles = unit_profiles(subset, catalogue)
    peer_times = []
    for _ in range(3):
        start = time.perf_counter()
        peer = peer_matrices(subset, catalogue, profiles)
        peer_times.append(time.perf_counter() - start)
    loop_s = statistics.median(peer_times)
    start = time.perf_counter()
    reference = pairwise_matrices(subset, catalogue, profiles)
    reference_s = time.perf_counter() - start
    vectorised = analyse_domains(subset, catalogue, profiles)
    agree = all(
        np.array_equal(vectorised[d].unit_matrix(), m) and np.array_equal(peer[d], m)
        for d, m in reference.items()
    )
    subset_pairs = args.subset * (args.subset - 1)
    loop_per_pair_s = loop_s / subset_pairs
    loop_estimate_s = loop_per_pair_s * n_pairs

    print(
        f"units: {args.units:,} in {len(exercise.nations)} nations; "
        f"{n_pairs:,} ordered unit pairs x 9 domains"
    )
    print(
        f"domain analysis (all pairs as classes, nation counts, scores): median {analysis_s:.3f} s over "
        f"{args.runs} runs"
    )
    print(
        f"materialising every domain's full unit x unit matrix, one after another: {materialise_s:.2f} s "
        f"({int(pairs_by_state[1:].sum()):,} applicable pair states)"
    )
    print(f"peak memory of the process: {peak_bytes / 1024**2:,.0f} MiB")
    print(
        f"baseline, the tidy pair-by-pair loop, on {args.subset} units: median {loop_s:.2f} s of 3 "
        f"({loop_per_pair_s * 1e6:.1f} us per pair)"
    )
    print(
        f"correctness reference, the plain loop of the rules, on the same units: {reference_s:.2f} s "
        f"({reference_s / loop_s:.0f}x the baseline); engine, baseline and reference agree on every pair: "
        f"{agree}"
    )
    print(f"baseline extrapolated to {args.units:,} units: {loop_estimate_s:,.0f} s")
    print(
        f"speed ratio (baseline / domain analysis): {loop_estimate_s / analysis_s:,.0f}x; "
        f"(baseline / analysis + full matrices): {loop_estimate_s / (analysis_s + materialise_s):,.0f}x"
    )
    met = analysis_s <= TARGET_S and peak_bytes <= TARGET_BYTES
    print(f"target <= {TARGET_S:.0f} s and <= 2 GiB: {'met' if met else 'NOT met'}")
    if not agree:
        raise SystemExit("the engine, the pair-by-pair baseline and the reference disagree")


if __name__ == "__main__":
    main()
