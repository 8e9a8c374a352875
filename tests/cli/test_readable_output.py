"""What the terminal shows a planner reads without help: relief sites by name, worst first, the rest summed
up in a line; counts that agree with their nouns (issue 13, point 2)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from jointex.cli.main import app
from jointex.errors import more_problems
from jointex.rehearse.vignettes.hadr.summary import WORST_SITES_SHOWN
from tests.conftest import MINIMAL, REPO, WriteFolder

runner = CliRunner()
PACIFIC = REPO / "examples" / "pacific-shelter" / "exercise.yaml"


def test_a_relief_rehearsal_lists_the_worst_served_sites_by_name_and_sums_up_the_rest() -> None:
    result = runner.invoke(
        app,
        ["simulate", str(PACIFIC), "--vignette", "V-HADR-RELIEF", "--replications", "3", "--json"],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    sites = json.loads(result.stdout)["detail"]["sites"]
    assert [s["need_met_pct"]["mean"] for s in sites] == sorted(s["need_met_pct"]["mean"] for s in sites)
    result = runner.invoke(
        app,
        ["simulate", str(PACIFIC), "--vignette", "V-HADR-RELIEF", "--replications", "3"],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"Sites by need met, worst first ({WORST_SITES_SHOWN} of {len(sites)} sites)" in out
    rows = [line for line in out.splitlines() if re.search(r"│ PH\d{4}-[A-Z]+ ", line)]
    assert len(rows) == WORST_SITES_SHOWN
    for row, site in zip(rows, sites, strict=False):
        assert row.startswith(f"│ {site['name']} ") and site["site"] in row
    rest = len(sites) - WORST_SITES_SHOWN
    lowest = min(s["need_met_pct"]["mean"] for s in sites[WORST_SITES_SHOWN:])
    assert f"… and {rest} more sites, each with at least {int(lowest)}% of its need met." in out
    assert "hadr.need_met_pct.PH" not in out  # per-site metrics stay in --json
    assert "Need met on day 3" in out and "hadr.need_met_day3_pct" in out


def test_validation_counts_agree_with_their_nouns(tmp_path: Path) -> None:
    made = runner.invoke(app, ["new", "LONE STAR 28", "--dir", str(tmp_path), "--nations", "USA"])
    assert made.exit_code == 0, made.output
    (folder,) = tmp_path.iterdir()
    result = runner.invoke(app, ["validate", str(folder)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "1 objective," in result.stdout and "1 vignette," in result.stdout
    assert "1 inject (" in result.stdout
    assert "1 objectives" not in result.stdout and "1 injects" not in result.stdout


def test_problem_counts_agree_with_their_nouns(write_folder: WriteFolder) -> None:
    one = write_folder({"exercise.yaml": MINIMAL.replace("personnel: 500", "personnel: -500")})
    result = runner.invoke(app, ["interop", str(one)], env={"COLUMNS": "200"})
    assert result.exit_code == 2, result.output
    assert result.stderr.rstrip().endswith("\n1 problem found.")
    assert str(more_problems(1, None)) == "... and 1 more problem"
    assert str(more_problems(1_204, None)) == "... and 1,204 more problems"
