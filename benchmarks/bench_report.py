"""Claim: `jointex report examples/baltic-shield/exercise.yaml` (a fresh process: imports, loading,
assessment and the HTML report) takes <= 2 s here; with `--pdf` too, <= 5 s.

Runs the installed command as a user would and prints the median wall time without and with `--pdf`
(the map symbols already in the cache folder, as on every report after a machine's first), the time of a
first report whose symbols must be drawn (an empty cache folder),
and, as the baseline measured in the same run, `jointex validate` on the same file (a fresh process that
loads and checks the exercise, the first stage alone), with the ratios and the machine's load (the
figures move with what else runs).

    .venv/bin/python benchmarks/bench_report.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from timing import command_median_s

TARGET_S = 2.0
TARGET_PDF_S = 5.0
FLAGSHIP = Path(__file__).resolve().parents[1] / "examples" / "baltic-shield" / "exercise.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    jointex = str(Path(sys.executable).parent / "jointex")
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as cache:
        os.environ["JOINTEX_CACHE_DIR"] = cache  # the symbol cache of this run only
        command = [jointex, "report", str(FLAGSHIP), "--out", out]
        first_s = command_median_s(command, 1)
        html_s = command_median_s(command, args.runs)
        pdf_s = command_median_s([*command, "--pdf"], args.runs)
    validate_s = command_median_s([jointex, "validate", str(FLAGSHIP)], args.runs)
    print(
        f"jointex report (HTML): median {html_s:.2f} s over {args.runs} runs; target <= {TARGET_S:.0f} s: "
        f"{'met' if html_s <= TARGET_S else 'NOT met'}"
    )
    print(f"first jointex report on a machine (map symbols not yet drawn): {first_s:.2f} s")
    print(
        f"jointex report --pdf (HTML and PDF): median {pdf_s:.2f} s; target <= {TARGET_PDF_S:.0f} s: "
        f"{'met' if pdf_s <= TARGET_PDF_S else 'NOT met'}"
    )
    print(f"baseline jointex validate on the same example: median {validate_s:.2f} s")
    print(
        f"machine load (1-minute average) {load_before:.2f} before, {os.getloadavg()[0]:.2f} after, "
        f"on {os.cpu_count()} cores"
    )
    print(f"ratios: report / validate {html_s / validate_s:.1f}x; with PDF / HTML only {pdf_s / html_s:.1f}x")


if __name__ == "__main__":
    main()
