"""The bad-input corpus: every malformed input gets exactly the right problem lines, exit 2, no traceback."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from jointex.cli.main import app
from jointex.service.exercises import validate_exercise
from tests.conftest import WriteFolder
from tests.formats.bad_input_corpus import CASES


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 25
    assert len({name for name, _, _ in CASES}) == len(CASES)


@pytest.mark.parametrize(("files", "expected"), [(f, e) for _, f, e in CASES], ids=[n for n, _, _ in CASES])
def test_problems_are_reported_exactly(
    write_folder: WriteFolder, files: dict[str, str | bytes], expected: list[str]
) -> None:
    report = validate_exercise(write_folder(files))
    assert not report.ok
    assert [str(problem) for problem in report.problems] == expected


@pytest.mark.parametrize(("files", "expected"), [(f, e) for _, f, e in CASES], ids=[n for n, _, _ in CASES])
def test_the_command_line_prints_one_line_per_problem_and_exits_2(
    write_folder: WriteFolder, files: dict[str, str | bytes], expected: list[str]
) -> None:
    result = CliRunner().invoke(app, ["validate", str(write_folder(files))])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    for line in expected:
        assert line in lines
    assert lines[0].startswith("✗ exercise.yaml: invalid")
