"""What the command line says to a user who makes a mistake, or whose machine lacks a system library."""

from __future__ import annotations

import importlib.abc
import json
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from typer.testing import CliRunner

from jointex.cli.main import app
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
    assert result.stderr.splitlines()[0] == (
        "EX1 has no vignette jointex can rehearse: jointex rehearses vignettes of kind iamd or hadr, and "
        "this exercise has only V-1 (comms) (expected a vignette of kind iamd or hadr in the exercise)"
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
def test_demo_without_pango_writes_the_report_as_html_and_warns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jointex.service import demo, report
    from jointex.service.exercises import load_exercise

    asked: list[bool] = []
    writes: list[Path] = []
    write_report, write_text = report.write_report, report.write_text_atomically

    def counted_report(*args: Any, **options: Any) -> Any:
        asked.append(options["pdf"])
        return write_report(*args, **options)

    def counted_write(path: Path, text: str) -> None:
        writes.append(path)
        write_text(path, text)

    monkeypatch.setattr(demo, "write_report", counted_report)
    monkeypatch.setattr(report, "write_text_atomically", counted_write)
    written, warnings = demo.write_after_action_report(load_exercise(FLAGSHIP), tmp_path, None)
    assert asked == [False]  # decided once, before assessing: the report is not made twice
    assert writes == [tmp_path / "BS27-after-action-report.html"]
    assert written.written == (tmp_path / "BS27-after-action-report.html",)
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
