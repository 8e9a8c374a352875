"""Claim: `jointex demo` end to end on the flagship example in <= 30 s here.

Runs the installed command as a user would (a fresh process each time: imports, validation,
interoperability analysis, the IAMD and relief rehearsals, assessment, HTML and PDF reports) and prints
the median wall time and the machine's load average (the figure moves with what else runs); in the same
run, the baseline of `jointex validate` on the same example (the first stage alone) and the ratio.

    .venv/bin/python benchmarks/bench_demo.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from timing import command_median_s

TARGET_S = 30.0
FLAGSHIP = Path(__file__).resolve().parents[1] / "examples" / "baltic-shield" / "exercise.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    jointex = str(Path(sys.executable).parent / "jointex")
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as out:
        demo_s = command_median_s([jointex, "demo", "--out", out], args.runs)
    validate_s = command_median_s([jointex, "validate", str(FLAGSHIP)], args.runs)
    print(
        f"jointex demo (validate, interop, assess, HTML + PDF): median {demo_s:.1f} s over {args.runs} runs"
    )
    print(f"baseline jointex validate on the same example: median {validate_s:.2f} s")
    print(f"ratio demo / validate: {demo_s / validate_s:.1f}x")
    print(
        f"machine load (1-minute average) {load_before:.2f} before, {os.getloadavg()[0]:.2f} after, "
        f"on {os.cpu_count()} cores"
    )
    print(
        f"target <= {TARGET_S:.0f} s: {'met' if demo_s <= TARGET_S else 'NOT met'} "
        f"({demo_s / TARGET_S:.0%} of target)"
    )


if __name__ == "__main__":
    main()
