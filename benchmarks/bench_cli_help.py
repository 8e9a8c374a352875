"""Claim: `jointex --help` answers in <= 0.3 s here (heavy libraries are imported lazily).

Prints the median wall time of `jointex --help` and, measured in the same run, the baseline of a bare
Python start (`python -c pass`) on the same interpreter, and the ratio between them.

    .venv/bin/python benchmarks/bench_cli_help.py [--runs 15]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from timing import command_median_s

TARGET_S = 0.3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    jointex = str(Path(sys.executable).parent / "jointex")
    command_median_s([jointex, "--help"], 2)  # warm the file cache and byte-code
    help_s = command_median_s([jointex, "--help"], args.runs)
    bare_s = command_median_s([sys.executable, "-c", "pass"], args.runs)
    print(f"jointex --help: median {help_s * 1000:.0f} ms over {args.runs} runs")
    print(f"baseline python -c pass: median {bare_s * 1000:.0f} ms")
    print(f"ratio jointex --help / bare interpreter: {help_s / bare_s:.1f}x")
    print(
        f"target <= {TARGET_S * 1000:.0f} ms: {'met' if help_s <= TARGET_S else 'NOT met'} "
        f"({help_s / TARGET_S:.0%} of target)"
    )


if __name__ == "__main__":
    main()
