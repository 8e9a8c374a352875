"""Claim: report generation alone (assessment, HTML and PDF) takes <= 5 s here.

Loads the flagship exercise once, then times `write_report` with the PDF (median of several runs) and,
in the same run, the HTML alone as the baseline, and prints the ratio.

    .venv/bin/python benchmarks/bench_report.py [--runs 5]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from jointex import load_exercise
from jointex.service.report import write_report
from timing import median_s

TARGET_S = 5.0
FLAGSHIP = Path(__file__).resolve().parents[1] / "examples" / "baltic-shield" / "exercise.yaml"


def report_median_s(pdf: bool, runs: int) -> float:
    loaded = load_exercise(FLAGSHIP)
    with tempfile.TemporaryDirectory() as out:
        return median_s(lambda: write_report(FLAGSHIP, Path(out), pdf=pdf, loaded=loaded), runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    report_median_s(True, 1)  # warm imports (matplotlib, WeasyPrint) and font caches
    full_s = report_median_s(True, args.runs)
    html_s = report_median_s(False, args.runs)
    print(f"report generation (assessment, HTML and PDF): median {full_s:.2f} s over {args.runs} runs")
    print(f"baseline HTML only: median {html_s:.2f} s")
    print(f"ratio with PDF / HTML only: {full_s / html_s:.1f}x")
    print(
        f"target <= {TARGET_S:.0f} s: {'met' if full_s <= TARGET_S else 'NOT met'} "
        f"({full_s / TARGET_S:.0%} of target)"
    )


if __name__ == "__main__":
    main()
