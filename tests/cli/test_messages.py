"""What the command line says to a user who makes a mistake, or whose machine lacks a system library."""

from __future__ import annotations

import importlib.abc
import json
import shutil
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from typer.testing import CliRunner

from jointex.cli.main import app
from jointex.rehearse.vignettes.registry import rehearsed_kinds
from tests.conftest import MINIMAL, REPO, WriteFolder

runner = CliRunner()
FLAGSHIP = REPO / "examples" / "baltic-shield"
INTERNALS = ("errors.pydantic.dev", "For further information", "<input>", "Traceback")


def test_validate_takes_an_exercise_folder() -> None:
    result = runner.invoke(app, ["validate", str(FLAGSHIP)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"✓ {FLAGSHIP / 'exercise.yaml'}: BALTIC SHIELD 27 is valid")


def test_validate_of_a_nation_file_names_the_exercise_that_includes_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO)
    result = runner.invoke(app, ["validate", "examples/baltic-shield/nations/pol.yaml"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [
        "examples/baltic-shield/nations/pol.yaml: this is an include file of "
        "examples/baltic-shield/exercise.yaml (it holds only participants, units); validate that exercise "
        "instead (expected an exercise file, with id, name, type, host_nation, start_date, end_date and "
        "area; or its folder)"
    ]


def test_a_folder_without_an_exercise_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", str(tmp_path)])
    assert result.exit_code == 2
    assert "the folder has no exercise.yaml" in result.stderr


def test_runs_given_a_file_asks_for_a_folder(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["report", str(FLAGSHIP), "--runs", str(FLAGSHIP / "exercise.yaml"), "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "exercise.yaml: a file, not a folder of runs (expected the folder of run files" in result.stderr
    assert "runs folder not found" not in result.stderr


def test_an_exercise_without_a_rehearsable_vignette_names_the_kinds_that_are(
    write_folder: WriteFolder,
) -> None:
    text = MINIMAL + "vignettes:\n  - {id: V-1, name: Check, kind: comms, start: D+1, end: D+2}\n"
    result = runner.invoke(app, ["simulate", str(write_folder({"exercise.yaml": text}))])
    assert result.exit_code == 2
    names = [kind.value for kind in rehearsed_kinds()]
    kinds = f"{', '.join(names[:-1])} or {names[-1]}"
    assert {"iamd", "hadr"} <= set(names)
    assert result.stderr.splitlines()[0] == (
        f"EX1 has no vignette jointex can rehearse: jointex rehearses vignettes of kind {kinds}, and "
        f"this exercise has only V-1 (comms) (expected a vignette of kind {kinds} in the exercise)"
    )


@pytest.mark.parametrize(
    ("arguments", "line"),
    [
        (["--centre", "somewhere"], "--centre: 'somewhere' is not a valid MGRS reference"),
        (["--centre", "95, 10"], "--centre: latitude: Input should be less than or equal to 90"),
        (["--start", "2027-13-01"], "--start: cannot read the date '2027-13-01' (expected YYYY-MM-DD)"),
    ],
)
def test_new_names_the_option_without_library_internals(
    tmp_path: Path, arguments: list[str], line: str
) -> None:
    result = runner.invoke(app, ["new", "X", "--dir", str(tmp_path), *arguments])
    assert result.exit_code == 2
    assert result.stderr.startswith(line)
    assert not any(internal in result.output for internal in INTERNALS)


class _NoPango(importlib.abc.MetaPathFinder):
    """Imports WeasyPrint as on a machine without Pango: cffi cannot open GLib's library."""

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name.split(".")[0] == "weasyprint":
            raise OSError(
                "cannot load library 'libgobject-2.0-0': libgobject-2.0-0: cannot open shared object "
                "file: No such file or directory"
            )
        return None


@pytest.fixture
def without_pango(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(sys.modules):
        if name.split(".")[0] == "weasyprint":
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [_NoPango(), *sys.meta_path])


@pytest.mark.usefixtures("without_pango")
def test_report_pdf_without_pango_says_how_to_install_it(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(FLAGSHIP), "--pdf", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "PDF output needs Pango, a system library that is not installed (cannot load library "
        "'libgobject-2.0-0': libgobject-2.0-0: cannot open shared object file: No such file or directory); "
        "install it on Debian/Ubuntu with `sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0`, on Fedora "
        "with `sudo dnf install pango`, on macOS with `brew install pango`",
        "1 problem found.",
    ]
    assert list(tmp_path.iterdir()) == []  # nothing half-written: not the HTML alone either


@pytest.mark.usefixtures("without_pango")
def test_demo_without_pango_makes_the_report_as_html_and_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    from jointex.model.assessment import Observations
    from jointex.service import demo
    from jointex.service.exercises import load_exercise

    asked: list[bool] = []
    report_documents = demo.report_documents

    def counted_report(*args: Any, **options: Any) -> Any:
        asked.append(options["pdf"])
        return report_documents(*args, **options)

    monkeypatch.setattr(demo, "report_documents", counted_report)
    made, warnings = demo.after_action_documents(load_exercise(FLAGSHIP), Observations())
    assert asked == [False]  # decided once, before assessing: the report is not made twice
    assert [document.name for document in made.documents] == ["BS27-after-action-report.html"]
    (warning,) = warnings
    assert warning.severity.value == "warning"
    assert warning.message.startswith(
        "the after-action report was written as HTML only: PDF output needs Pango, a system library that "
        "is not installed"
    )
    assert "apt-get install libpango-1.0-0 libpangoft2-1.0-0" in warning.message
    assert "brew install pango" in warning.message


def test_checks_that_could_not_run_have_their_own_key_in_json_and_one_line_for_people(
    write_folder: WriteFolder,
) -> None:
    path = write_folder({"exercise.yaml": MINIMAL.replace("end_date: 2027-06-10", "end_date: 2027-06-31")})
    result = runner.invoke(app, ["validate", "--json", str(path)])
    assert result.exit_code == 2
    (report,) = json.loads(result.stdout)["files"]
    assert report["checks_not_run"] == ["dates and times"]
    assert [p["field"] for p in report["problems"]] == ["end_date"]  # the note is not a problem
    shown = runner.invoke(app, ["validate", str(path)]).stderr
    assert shown.count("could not run") == 1
    assert "1 more check could not run until these are fixed: dates and times" in shown
    show = json.loads(runner.invoke(app, ["show", "--json", str(path)]).stdout)
    assert (show["checks_not_run"], len(show["problems"])) == (["dates and times"], 1)


def test_a_wrong_iamd_parameter_is_placed_at_its_line_with_its_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Vignette parameters are read by their kind's model with the rest of the file, so a wrong sensor
    value and a misspelt sensor field are each placed at their line, with the field path and a fix."""
    folder = tmp_path / "baltic-shield"
    shutil.copytree(FLAGSHIP, folder)
    exercise = folder / "exercise.yaml"
    text = exercise.read_text(encoding="utf-8")
    awacs = 'position: "55.30, 23.80", antenna_height_m: 9000,'
    assert awacs in text and "           detection_probability: 0.85," in text
    text = text.replace(awacs, awacs.replace("antenna_height_m", "antenna_hieght_m")).replace(
        "           detection_probability: 0.85,", "           detection_probability: 1.5,"
    )
    exercise.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    misspelt = next(n for n, line in enumerate(lines, 1) if "antenna_hieght_m" in line)
    too_high = next(n for n, line in enumerate(lines, 1) if "detection_probability: 1.5" in line)
    monkeypatch.chdir(folder)
    result = runner.invoke(app, ["validate", "exercise.yaml"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [
        f"exercise.yaml:{misspelt}:{lines[misspelt - 1].index('9000') + 1}: "
        "vignettes[0].parameters.sensors[1].antenna_hieght_m: unknown field 'antenna_hieght_m'; "
        "did you mean 'antenna_height_m'?",
        f"exercise.yaml:{too_high}:{lines[too_high - 1].index('1.5') + 1}: "
        "vignettes[0].parameters.sensors[1].detection_probability: Input should be less than or equal to 1",
    ]
    assert not any(internal in result.output for internal in INTERNALS)
