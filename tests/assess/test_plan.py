"""The improvement plan: a proposed action is owned by the nations that must act (issue 13, point 3), and
an action owned by several reads "LTU, POL" wherever it is shown."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from jointex import assess, load_exercise
from jointex.assess.plan import PlanItem
from jointex.assess.report import build_report
from jointex.cli.main import app
from jointex.model import Exercise, Label
from jointex.security.release import release_exercise
from tests.conftest import EXAMPLES

ACCS_VS_IBCS = "no common C2 system: ACCS vs IBCS"


def plan_of(exercise: Exercise) -> dict[str, PlanItem]:
    """The proposed actions closing interoperability gaps, by the gap's problem."""
    loaded = load_exercise(EXAMPLES[0])
    plan = assess(exercise, loaded.catalogue).plan
    return {p.action.split(" — ")[0]: p for p in plan if p.proposed and p.objective is None}


def test_a_gap_s_action_goes_to_the_nation_that_must_act() -> None:
    exercise = load_exercise(EXAMPLES[0]).exercise
    plan = plan_of(exercise)
    assert plan["LTU has not adopted STANAG 4172"].owners == ("LTU",)
    assert plan["POL has not adopted STANAG 3971"].owners == ("POL",)
    gateway = plan[ACCS_VS_IBCS]
    assert len(gateway.owners) >= 2 and "LTU" in gateway.owners and "USA" in gateway.owners
    assert gateway.owner == ", ".join(gateway.owners)
    assert gateway.to_dict()["owner"] == gateway.owner
    assert gateway.to_dict()["owners"] == list(gateway.owners)


def test_an_action_with_several_owners_reads_as_a_list_in_the_cli_json_and_report(tmp_path: Path) -> None:
    path = str(EXAMPLES[0])
    result = CliRunner().invoke(app, ["report", path, "--json", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (gateway,) = [p for p in data["improvement_plan"] if p["action"].startswith(ACCS_VS_IBCS)]
    owners = ", ".join(gateway["owners"])
    assert gateway["owner"] == owners and owners.count(", ") >= 1
    (html,) = tmp_path.glob("*.html")
    assert f"<td>{owners}</td>" in html.read_text(encoding="utf-8")
    text = CliRunner().invoke(app, ["report", path, "--out", str(tmp_path)], env={"COLUMNS": "400"})
    assert text.exit_code == 0, text.output
    assert f" {owners} " in text.stdout


def _relabelled(exercise: Exercise, nation: str, marking: str) -> Exercise:
    label = Label.model_validate(marking)
    participants = [
        p.model_copy(update={"label": label}) if p.nation == nation else p for p in exercise.participants
    ]
    data = exercise.model_dump(by_alias=True)
    return Exercise.model_validate(
        {**data, "participants": [p.model_dump(by_alias=True) for p in participants]}
    )


def test_an_action_owned_by_two_nations_names_only_the_nations_of_the_version() -> None:
    exercise = _relabelled(load_exercise(EXAMPLES[0]).exercise, "NLD", "NATO UNCLASSIFIED // REL TO NLD, USA")
    for_usa = plan_of(release_exercise(exercise, "USA").exercise)
    assert "NLD" in for_usa[ACCS_VS_IBCS].owners
    for_pol = plan_of(release_exercise(exercise, "POL").exercise)
    assert len(for_pol[ACCS_VS_IBCS].owners) >= 2
    assert all("NLD" not in item.owners and "NLD" not in item.action for item in for_pol.values())


def test_an_action_naming_units_carries_their_labels() -> None:
    loaded = load_exercise(EXAMPLES[0])
    restricted = f"NATO RESTRICTED // REL TO {', '.join(sorted(loaded.exercise.nations))}"
    exercise = _relabelled(loaded.exercise, "LTU", restricted)  # LTU's units, among them the ACCS CRC
    release = release_exercise(exercise, None)
    report = build_report(assess(release.exercise, loaded.catalogue), release)
    (gateway,) = [e for e in report.plan if e.item.action.startswith(ACCS_VS_IBCS)]
    (gap,) = [e for e in report.gaps if e.item.problem == ACCS_VS_IBCS]
    assert gateway.marking == gap.marking
    assert gateway.marking.startswith("NATO RESTRICTED")
