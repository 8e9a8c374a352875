"""Messages a planner reads without help: no library internals, the file an element came from, real
echelon names, and an include file validated alone recognised as one."""

from __future__ import annotations

from pathlib import Path

import pytest

from jointex.errors import Problem
from jointex.model import Echelon
from jointex.service.exercises import load_exercise, validate_exercise
from tests.conftest import MINIMAL, WriteFolder
from tests.formats.bad_input_corpus import CASES, swap

INTERNALS = ("errors.pydantic.dev", "For further information", "<input>", "Value error,", "[type=")


@pytest.mark.parametrize("files", [f for _, f, _ in CASES], ids=[n for n, _, _ in CASES])
def test_no_message_of_the_corpus_shows_library_internals(
    write_folder: WriteFolder, files: dict[str, str | bytes]
) -> None:
    for problem in validate_exercise(write_folder(files)).problems:
        for text in (str(problem), str(problem.to_dict())):
            assert not any(internal in text for internal in INTERNALS), text


def test_a_problem_with_no_file_starts_with_its_field() -> None:
    problem = Problem("is a folder", field=("--html",), expected="a file path")
    assert str(problem) == "--html: is a folder (expected a file path)"


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("battery", Echelon.BATTERY),
        ("troop", Echelon.TROOP),
        ("detachment", Echelon.DETACHMENT),
        ("group", Echelon.GROUP),
        ("Coy", Echelon.COMPANY),
        ("BTY", Echelon.BATTERY),
        ("bn", Echelon.BATTALION),
        ("Task Force", Echelon.TASK_FORCE),
        ("army_group", Echelon.ARMY_GROUP),
    ],
)
def test_app6_echelons_and_their_abbreviations_are_read(
    write_folder: WriteFolder, written: str, read: Echelon
) -> None:
    loaded = load_exercise(write_folder({"exercise.yaml": swap("echelon: company", f"echelon: {written}")}))
    assert loaded.exercise.units[1].echelon is read


def test_an_unknown_echelon_names_those_accepted(write_folder: WriteFolder) -> None:
    report = validate_exercise(write_folder({"exercise.yaml": swap("echelon: company", "echelon: batery")}))
    (problem,) = report.problems
    assert problem.message.startswith(
        "unknown echelon 'batery' (did you mean battery?); expected one of team,"
    )
    assert "company, battery, troop" in problem.message and "coy, bty, bn" in problem.message


def test_an_included_element_is_placed_in_its_own_file(write_folder: WriteFolder) -> None:
    nation = (
        "units:\n"
        "  - {id: USA-2, name: Medics, nation: USA, service: medical, echelon: platoon, personnel: 30,\n"
        "     exercise_location: '59.0, 10.6'}\n"
    )
    report = validate_exercise(
        write_folder({"exercise.yaml": MINIMAL + "include: [nations/usa.yaml]\n", "nations/usa.yaml": nation})
    )
    assert [str(p) for p in report.problems] == [
        "nations/usa.yaml:3:25: units[0].exercise_location: unit USA-2 at 59.00000, 10.60000 is outside the "
        "exercise area (expected a position inside the area, or home_base: true for a unit operating from "
        "home)"
    ]


def test_an_include_file_validated_alone_names_its_exercise(write_folder: WriteFolder) -> None:
    write_folder(
        {
            "exercise.yaml": MINIMAL + "include: [nations/*.yaml]\n",
            "nations/fra.yaml": "participants:\n  - {nation: FRA}\n",
        }
    )
    report = validate_exercise(Path("nations/fra.yaml"))
    assert [str(p) for p in report.problems] == [
        "nations/fra.yaml: this is an include file of exercise.yaml (it holds only participants); validate "
        "that exercise instead (expected an exercise file, with id, name, type, host_nation, start_date, "
        "end_date and area; or its folder)"
    ]


def test_an_include_file_nobody_includes_is_still_recognised(write_folder: WriteFolder) -> None:
    write_folder({"exercise.yaml": MINIMAL, "spare/fra.yaml": "units: []\n"})
    (problem,) = validate_exercise(Path("spare/fra.yaml")).problems
    assert problem.message == (
        "this looks like an include file (it holds only units), and no exercise.yaml in its folder or the "
        "folder above includes it"
    )


def test_an_exercise_folder_is_read_as_its_exercise_file(write_folder: WriteFolder) -> None:
    write_folder({"ex/exercise.yaml": MINIMAL})
    assert load_exercise("ex").exercise.id == "EX1"
    assert validate_exercise(Path("ex")).path == Path("ex/exercise.yaml")


def test_a_date_written_day_first_is_refused_with_the_form_expected(tmp_path: Path) -> None:
    import shutil

    from jointex.errors import InputError
    from tests.conftest import REPO

    folder = tmp_path / "exercise"
    shutil.copytree(REPO / "examples" / "baltic-shield", folder)
    text = (folder / "exercise.yaml").read_text()
    (folder / "exercise.yaml").write_text(text.replace("start_date: 2027-05-10", "start_date: 10/05/2027", 1))
    with pytest.raises(InputError) as raised:
        load_exercise(folder / "exercise.yaml")
    (problem,) = [p for p in raised.value.problems if p.field == ("start_date",)]
    assert problem.message.startswith("not a date") and "YYYY-MM-DD" in (problem.expected or "")
    assert problem.line == 12
