"""Validation reports every problem in one run: a wrong value does not hide the checks beyond types.

The exercise below has seven problems of every stage: a negative head count and an unknown echelon (types),
ENDEX before STARTEX (dates), a duplicate id across two files (ids), a label looser than the exercise's and
one naming a nation that does not take part (labels), and a reference to a unit nobody declared
(references). Each problem about an element of an included file names that file and the element's own
position in it.
"""

from __future__ import annotations

from typer.testing import CliRunner

from jointex.cli.main import app
from jointex.service.exercises import validate_exercise
from tests.conftest import WriteFolder
from tests.formats.bad_input_corpus import swap

SEVEN_PROBLEMS = {
    "exercise.yaml": swap(
        "end_date: 2027-06-10",
        "end_date: 2027-05-20",
        swap(
            "type: ftx",
            "type: ftx\nlabel: NATO RESTRICTED",
            swap(
                "personnel: 500",
                "personnel: -500",
                swap("to: [NOR-1]", "to: [NOR-1, NOR-7]"),
            ),
        ),
    )
    + "include: [nations/*.yaml]\n",
    "nations/usa.yaml": (
        "# The United States' contribution.\n"
        "units:\n"
        "  - {id: USA-2, name: Air defence battery, nation: USA, service: land, echelon: battery,\n"
        "     personnel: 90, exercise_location: '60.6, 10.6', label: NATO UNCLASSIFIED}\n"
        "  - {id: USA-4, name: Engineers, nation: USA, service: land, echelon: kompanie, personnel: 80}\n"
        "  - id: USA-2\n"
        "    name: Signals company\n"
        "    nation: USA\n"
        "    service: land\n"
        "    echelon: company\n"
        "    personnel: 120\n"
        "    label: NATO RESTRICTED // REL TO NOR, USA, CHN\n"
    ),
}

EXPECTED = [
    "exercise.yaml:8:11: end_date: ENDEX 2027-05-20 is before STARTEX 2027-06-01 "
    "(expected end_date on or after start_date)",
    "exercise.yaml:15:102: units[0].personnel: Input should be greater than or equal to 0",
    # NOR-1 is named too, but it is the unit whose head count is wrong: not reported as unknown
    "exercise.yaml:29:69: scenario.events[0].incidents[0].injects[0].to[1]: unknown unit, controller or "
    "actor 'NOR-7' (expected the id of a unit, controller or actor declared in the exercise)",
    "nations/usa.yaml:4:61: units[0].label: label is less restrictive than the exercise's "
    "(NATO RESTRICTED): classification UNCLASSIFIED is lower than RESTRICTED "
    "(expected a label at least as restrictive as its parent's)",
    "nations/usa.yaml:5:71: units[1].echelon: unknown echelon 'kompanie' (did you mean company?); "
    "expected one of team, crew, squad, section, platoon, detachment, company, battery, troop, battalion, "
    "regiment, group, brigade, division, corps, army, army-group, flight, squadron, wing, ship, task-unit, "
    "task-group, task-force, headquarters, or an abbreviation such as plt, coy, bty, bn, sqn, regt, bde, "
    "div, hq",
    "nations/usa.yaml:6:9: units[2].id: duplicate unit id 'USA-2' (also at nations/usa.yaml:3:10) "
    "(expected a unique unit id)",
    "nations/usa.yaml:12:12: units[2].label.releasable_to: releasable to CHN, which is not participating "
    "(expected participating nations only)",
]


def test_seven_problems_of_every_stage_are_reported_in_one_run(write_folder: WriteFolder) -> None:
    report = validate_exercise(write_folder(SEVEN_PROBLEMS))
    assert [str(p) for p in report.problems] == EXPECTED


def test_the_command_line_prints_them_all_and_exits_2(write_folder: WriteFolder) -> None:
    result = CliRunner().invoke(app, ["validate", str(write_folder(SEVEN_PROBLEMS).parent)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == "✗ exercise.yaml: invalid"
    assert lines[1:] == EXPECTED


def test_a_date_that_cannot_be_read_stops_only_the_checks_that_need_it(write_folder: WriteFolder) -> None:
    text = swap("start_date: 2027-06-01", "start_date: first of June", SEVEN_PROBLEMS["exercise.yaml"])
    report = validate_exercise(write_folder({**SEVEN_PROBLEMS, "exercise.yaml": text}))
    assert [str(p) for p in report.problems] == [
        "exercise.yaml:7:13: start_date: not a date (invalid character in year) "
        "(expected a date written YYYY-MM-DD, such as 2027-05-10)",
        *EXPECTED[1:],
        "1 more check could not run until these are fixed: dates and times",
    ]


def test_a_unit_set_aside_is_not_reported_as_missing_from_the_exercise(write_folder: WriteFolder) -> None:
    """NOR-1's head count is wrong; the inject sending to it and its nation's other checks are fine."""
    report = validate_exercise(write_folder({"exercise.yaml": swap("personnel: 500", "personnel: lots")}))
    assert [str(p) for p in report.problems] == [
        "exercise.yaml:14:102: units[0].personnel: Input should be a valid integer, unable to parse string "
        "as an integer"
    ]


def test_a_participant_set_aside_does_not_make_its_units_outsiders(write_folder: WriteFolder) -> None:
    report = validate_exercise(write_folder({"exercise.yaml": swap("- {nation: USA}", "- {nation: US}")}))
    assert [str(p) for p in report.problems] == [
        "exercise.yaml:12:14: participants[1].nation: is not a nation code (expected an ISO 3166-1 alpha-3 "
        "code such as USA, GBR, POL)"
    ]


def test_nothing_readable_says_which_checks_could_not_run(write_folder: WriteFolder) -> None:
    report = validate_exercise(
        write_folder({"exercise.yaml": swap("participants:", "participants: none\nx:")})
    )
    assert [str(p) for p in report.problems][-1] == (
        "9 more checks could not run until these are fixed: unique ids, nations, references, metric names, "
        "catalogue entries, dates and times, places, labels, vignette parameters"
    )
