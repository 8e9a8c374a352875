"""Docs that cannot drift: the file-format reference is generated from the schema, and the examples of
the README and docs/ run (Python blocks in full, the `jointex` commands of the shell blocks where cheap)."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jointex.formats.schema_reference import render_format_reference
from tests.conftest import REPO


def test_the_file_format_reference_is_up_to_date() -> None:
    written = (REPO / "docs" / "file-format.md").read_text(encoding="utf-8")
    assert written == render_format_reference(), (
        "docs/file-format.md is stale: run `jointex schema --markdown --out docs/file-format.md`"
    )


def test_the_reference_documents_every_model() -> None:
    text = render_format_reference()
    for section in (
        "## Exercise",
        "## Unit",
        "## Inject",
        "## Label",
        "## Vignette",
        "## Objective",
        "## Measure",
    ):
        assert section in text


def test_the_cli_reference_is_up_to_date() -> None:
    from jointex.cli.reference import render_cli_reference

    written = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert written == render_cli_reference(), (
        "docs/cli.md is stale: run `python -m jointex.cli.reference > docs/cli.md`"
    )


def test_the_readme_quick_start_has_exactly_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    block = section.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line for line in block.splitlines() if line.strip()]
    assert [c.split()[0] for c in commands] == ["./scripts/demo", "./scripts/test"]
    assert "./scripts/test" in (REPO / ".ci" / "run").read_text()


def test_the_metric_reference_is_up_to_date_and_lists_every_metric() -> None:
    from jointex.formats.metric_reference import render_metric_reference
    from jointex.model.metrics import METRICS

    written = (REPO / "docs" / "metrics.md").read_text(encoding="utf-8")
    assert written == render_metric_reference(), (
        "docs/metrics.md is stale: run `python -m jointex.formats.metric_reference > docs/metrics.md`"
    )
    for spec in METRICS:
        assert f"`{spec.name}`" in written


DOCS = (REPO / "README.md", *sorted((REPO / "docs").glob("*.md")))


def code_blocks(language: str) -> list[tuple[str, str]]:
    """``(file:line, code)`` of every fenced block in ``language`` in the README and docs/."""
    found = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(rf"^```{language}\n(.*?)^```", text, re.MULTILINE | re.DOTALL):
            line = text.count("\n", 0, match.start()) + 1
            found.append((f"{path.relative_to(REPO)}:{line}", match.group(1)))
    return found


PYTHON_BLOCKS = code_blocks("python")


@cache
def run_python_block(code: str) -> str:
    """What a Python block prints, run as a script from a temporary folder with the repository as the
    current folder (the examples' paths are relative to it)."""
    folder = Path(tempfile.mkdtemp(prefix="jointex-docs-"))
    try:
        script = folder / "example.py"
        script.write_text(code, encoding="utf-8")
        result = subprocess.run(
            [sys.executable, str(script)], cwd=REPO, capture_output=True, text=True, timeout=300
        )
    finally:
        shutil.rmtree(folder)
    assert result.returncode == 0, f"the example failed:\n{code}\n{result.stderr}"
    return result.stdout


@pytest.mark.parametrize(("where", "code"), PYTHON_BLOCKS, ids=[where for where, _ in PYTHON_BLOCKS])
def test_every_python_example_in_the_docs_runs(where: str, code: str) -> None:
    assert run_python_block(code).strip(), f"{where} prints nothing"


def test_the_readme_python_example_gives_the_ratings_of_jointex_report(tmp_path: Path) -> None:
    from jointex.cli.main import app

    (code,) = [code for where, code in PYTHON_BLOCKS if where.startswith("README.md")]
    exercise = "examples/baltic-shield/exercise.yaml"
    assert f'"{exercise}"' in code
    result = CliRunner().invoke(app, ["report", str(REPO / exercise), "--json", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    ratings = json.loads(result.stdout)["ratings"]
    expected = [f"{r['objective']} {r['hseep'] or '-'} {r['training'] or '-'} {r['rule']}" for r in ratings]
    objectives = {r["objective"] for r in ratings}
    printed = [line for line in run_python_block(code).splitlines() if line.split(" ")[0] in objectives]
    assert printed == expected
    assert any(r["hseep"] for r in ratings) and any(r["observations"] for r in ratings)  # observations count


def jointex_commands() -> list[tuple[str, list[str]]]:
    """``(file:line, arguments)`` of every `jointex` command in the shell blocks, in document order."""
    commands = []
    for where, code in code_blocks("sh"):
        for line in code.replace("\\\n", " ").splitlines():
            words = shlex.split(line, comments=True)
            if words and Path(words[0]).name == "jointex":
                commands.append((where, words[1:]))
    return commands


def _option(arguments: list[str], name: str) -> str | None:
    return arguments[arguments.index(name) + 1] if name in arguments else None


def _costly(arguments: list[str]) -> bool:
    """A relief (HADR) rehearsal takes most of a minute: tests/rehearse runs it; the docs check skips it."""
    from jointex import load_exercise

    if arguments[0] != "simulate" or _option(arguments, "--vignette") is None:
        return False
    exercise = load_exercise(arguments[1]).exercise
    return any(v.kind == "hadr" for v in exercise.vignettes if v.id == _option(arguments, "--vignette"))


def test_the_jointex_commands_in_the_docs_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each in a folder holding a copy of the examples; a report reading a runs folder runs after the
    commands that write one."""
    from jointex.cli.main import app

    shutil.copytree(REPO / "examples", tmp_path / "examples")
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path)
    commands = jointex_commands()
    assert {arguments[0] for _, arguments in commands} >= {"validate", "interop", "report", "simulate"}
    waiting = []
    for where, arguments in commands:
        runs = _option(arguments, "--runs")
        if arguments[0] == "report" and runs is not None and not Path(runs).is_dir():
            waiting.append((where, arguments))
        elif not _costly(arguments):
            _run(where, arguments, app)
    for where, arguments in waiting:
        _run(where, arguments, app)


def _run(where: str, arguments: list[str], app: object) -> None:
    expanded = [
        match
        for word in arguments
        for match in ((sorted(map(str, Path().glob(word))) if "*" in word else []) or [word])
    ]
    result = CliRunner().invoke(app, expanded)  # type: ignore[arg-type]
    assert result.exit_code == 0, f"{where}: jointex {shlex.join(arguments)}\n{result.output}"
    if "--json" in arguments:
        json.loads(result.stdout)
