"""Claim: loading and validating an exercise of 5,000 units and 20,000 injects takes <= 2 s here.

Prints the median of several runs of `jointex.load_exercise` (parse, includes, types,
every integrity check) and, measured in the same run, the naive baseline most projects write:
PyYAML's pure-Python `safe_load` of the same files plus pydantic validation, no positions and no checks.

    .venv/bin/python benchmarks/bench_load.py [--runs 5]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import yaml

from jointex import load_exercise
from jointex.model import Exercise
from synthetic import write_large_exercise
from timing import median_s

TARGET_S = 2.0


def naive_load(main: Path) -> Exercise:
    data = yaml.safe_load(main.read_text())
    for path in sorted((main.parent / "nations").glob("*.yaml")):
        part = yaml.safe_load(path.read_text())
        for key, items in part.items():
            data.setdefault(key, []).extend(items)
    return Exercise.model_validate(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = write_large_exercise(Path(folder))
        size_mb = sum(p.stat().st_size for p in Path(folder).rglob("*.yaml")) / 1e6
        loaded = load_exercise(path)
        assert len(loaded.exercise.units) == 5_000 and len(loaded.exercise.injects()) == 20_000
        ours = median_s(lambda: load_exercise(path), args.runs)
        naive = median_s(lambda: naive_load(path), max(1, args.runs // 2))
    verdict = "met" if ours <= TARGET_S else "NOT met"
    print(f"exercise: 5,000 units, 20,000 injects, {size_mb:.1f} MB of YAML in 11 files")
    print(f"jointex load_exercise (includes, types, all checks; positions on demand): median {ours:.2f} s")
    print(f"  over {args.runs} runs")
    print(f"naive baseline (pure-Python yaml.safe_load + model, no checks): median {naive:.2f} s")
    print(f"ratio naive / jointex: {naive / ours:.2f}x")
    print(f"target <= {TARGET_S:.1f} s: {verdict} ({ours / TARGET_S:.0%} of target)")


if __name__ == "__main__":
    main()
