"""`jointex show`: the summary of one reader's version, labelled as the aggregate of what it counts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from jointex.cli.main import app
from jointex.security.labels import document_label, exercise_labels
from jointex.security.release import release_exercise
from jointex.service.exercises import load_exercise
from tests.conftest import REPO

runner = CliRunner()
FLAGSHIP = REPO / "examples" / "baltic-shield" / "exercise.yaml"
BATTLEGROUP_PERSONNEL = 850
"""GBR-BATTLEGROUP, labelled NATO RESTRICTED // REL TO GBR, EST, USA."""


def _show(*options: str) -> dict[str, Any]:
    result = runner.invoke(app, ["show", str(FLAGSHIP), "--json", *options])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _gbr(summary: dict[str, Any]) -> dict[str, Any]:
    return next(p for p in summary["participants"] if p["nation"] == "GBR")


def test_a_version_that_counts_the_battle_group_carries_its_rel_to() -> None:
    coalition, gbr = _show(), _show("--for", "GBR")
    assert _gbr(gbr)["personnel"] - _gbr(coalition)["personnel"] == BATTLEGROUP_PERSONNEL
    assert gbr["label"] == "NATO RESTRICTED // REL TO EST, GBR, USA"
    assert gbr["release"] == {"reader": "GBR", "withheld": {"injects": 1}}
    usa = _show("--for", "usa")  # sees the battle group and the inject released to DEU, LTU, USA
    assert usa["msel"]["injects"] == 12 and _gbr(usa)["units"] == _gbr(gbr)["units"]
    assert usa["label"] == "NATO RESTRICTED // REL TO USA"


def test_the_label_is_the_aggregate_of_what_the_summary_counts() -> None:
    loaded = load_exercise(FLAGSHIP)
    for reader in (None, "GBR", "POL", "USA"):
        released = release_exercise(loaded.exercise, reader).exercise
        shown = _show(*(("--for", reader) if reader else ()))
        assert shown["label"] == document_label(released, exercise_labels(released)).marking
        assert shown["total_personnel"] == sum(u.personnel for u in released.units)


def test_show_for_pol_omits_what_is_withheld_from_poland() -> None:
    pol = _show("--for", "POL")
    assert pol["label"] == "NATO UNCLASSIFIED // REL TO DEU, EST, GBR, LTU, NLD, POL, USA"
    assert pol["release"] == {"reader": "POL", "withheld": {"injects": 1, "units": 1}}
    assert _gbr(pol)["units"] == 2 and _gbr(pol)["personnel"] == 195
    assert pol["msel"]["injects"] == 11
    assert "CHALLENGER-2" not in pol["equipment"]


def test_show_prints_the_label_and_whom_the_version_is_for() -> None:
    result = runner.invoke(app, ["show", str(FLAGSHIP), "--for", "GBR"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1] == "Label: NATO RESTRICTED // REL TO EST, GBR, USA"
    assert lines[2].startswith("Prepared for release to GBR")


def test_show_for_a_nation_not_taking_part_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", str(FLAGSHIP), "--for", "CHN", "--json"])
    assert result.exit_code == 2
    assert "CHN does not take part" in json.loads(result.stdout)["problems"][0]["message"]
