"""`--json` output is strict JSON: what is not a finite number is written as null; tables piped into
another program keep each row on one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jointex.cli.output import print_json
from tests.conftest import REPO

FLAGSHIP = REPO / "examples" / "baltic-shield" / "exercise.yaml"


def test_json_output_has_no_nan_or_infinity(capsys: pytest.CaptureFixture[str]) -> None:
    print_json({"a": float("nan"), "b": [1.5, float("inf"), (float("-inf"),)], "c": {"d": 2}})

    def refuse(constant: str) -> None:
        raise ValueError(constant)

    assert json.loads(capsys.readouterr().out, parse_constant=refuse) == {
        "a": None,
        "b": [1.5, None, [None]],
        "c": {"d": 2},
    }


def _piped(*args: str) -> list[str]:
    """The lines ``jointex ARGS`` prints into a pipe (not a terminal), as when it is piped into grep."""
    command = Path(sys.executable).parent / "jointex"
    environment = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    result = subprocess.run(
        [str(command), *args], capture_output=True, text=True, env=environment, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def _on_one_line(lines: list[str], *texts: str) -> bool:
    return any(all(text in line for text in texts) for line in lines)


def test_piped_rehearsal_tables_keep_each_metric_on_one_line() -> None:
    lines = _piped(
        "simulate", str(FLAGSHIP), "--vignette", "V-IAMD-RAID", "--replications", "20", "--mode", "both"
    )
    for title, name in (
        ("Leak probability", "iamd.leak_probability"),
        ("Leakers at Siauliai air base", "iamd.leakers.SIAULIAI-AB"),
        ("Leakers at Vilnius government district", "iamd.leakers.VILNIUS"),
        ("Interceptor cost", "iamd.interceptor_cost_millions"),
        ("Detect-to-engage time", "iamd.detect_to_engage_s"),
    ):
        assert _on_one_line(lines, title, name), f"{title} / {name} broken across lines"


def test_piped_interoperability_tables_keep_each_measure_on_one_line() -> None:
    lines = _piped("interop", str(FLAGSHIP))
    assert _on_one_line(lines, "Ammunition pairs that work", "interop.ammunition.compatible_pairs_pct")
    assert _on_one_line(lines, "Single points of failure", "interop.single_points_of_failure")
    gaps = [line for line in lines if "has not adopted STANAG" in line]
    assert gaps and all("implements STANAG" in line for line in gaps), "a gap's row wrapped"
