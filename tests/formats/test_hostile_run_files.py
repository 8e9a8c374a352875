"""Run files (`report --runs DIR`) and observation files that are not what they claim: each one is one clear
problem (exit 2) within seconds, having read only a regular file within the size limit."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from jointex.errors import InputError
from jointex.formats.json_source import MAX_NUMBER_CHARS, parse_json
from jointex.formats.observations import read_observations
from jointex.formats.run_results import read_runs

RUN = {"format": "jointex-run/1", "exercise": "BS27", "vignette": "V-1", "replications": 10, "seed": 1}


def _problems(call: Callable[[], object], seconds: float = 10) -> list[str]:
    """The problems ``call`` raises, failing the test if it has not finished in ``seconds`` (a pipe hangs)."""
    outcome: list[BaseException | None] = []

    def target() -> None:
        try:
            call()
        except BaseException as error:
            outcome.append(error)
        else:
            outcome.append(None)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, f"still reading after {seconds} s"
    error = outcome[0]
    assert isinstance(error, InputError), f"expected InputError, got {error!r}"
    return [str(problem) for problem in error.problems]


@pytest.fixture
def runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = Path("runs")
    folder.mkdir()
    return folder


def _run_text(metrics: str) -> str:
    return json.dumps(RUN)[:-1] + f',\n "metrics": {metrics}}}\n'


def test_a_folder_named_like_a_run_file_is_refused(runs: Path) -> None:
    (runs / "x.json").mkdir()
    assert _problems(lambda: read_runs(runs)) == [
        "runs/x.json: not a regular file: it is a folder (expected a run JSON file)"
    ]


def test_a_dangling_symlink_is_refused(runs: Path) -> None:
    (runs / "a.json").symlink_to("missing.json")
    assert _problems(lambda: read_runs(runs)) == [
        "runs/a.json: a symbolic link to a file that does not exist"
    ]


def test_a_symlink_to_dev_zero_is_refused_unread(runs: Path) -> None:
    (runs / "a.json").symlink_to("/dev/zero")
    assert _problems(lambda: read_runs(runs)) == [
        "runs/a.json: a symbolic link leading out of its folder (expected a run JSON file)"
    ]


def test_a_symlink_leaving_the_runs_folder_is_refused(runs: Path) -> None:
    Path("elsewhere.json").write_text(_run_text("{}"))
    (runs / "a.json").symlink_to(Path("elsewhere.json").resolve())
    assert _problems(lambda: read_runs(runs)) == [
        "runs/a.json: a symbolic link leading out of its folder (expected a run JSON file)"
    ]


def test_a_named_pipe_is_refused_without_waiting(runs: Path) -> None:
    os.mkfifo(runs / "a.json")
    (runs / "b.json").symlink_to("a.json")
    assert _problems(lambda: read_runs(runs)) == [
        "runs/a.json: not a regular file: it is a named pipe (expected a run JSON file)",
        "runs/b.json: not a regular file: it is a named pipe (expected a run JSON file)",
    ]


def test_json_nested_100_000_deep_is_refused_at_its_place(runs: Path) -> None:
    (runs / "a.json").write_text("\n[" + "[" * 100_000 + "]" * 100_000)
    assert _problems(lambda: read_runs(runs)) == ["runs/a.json:2:65: values nested over 64 levels deep"]


def test_a_5000_digit_integer_is_refused_at_its_place(runs: Path) -> None:
    assert parse_json(f'{{"seed": {"9" * MAX_NUMBER_CHARS}}}', Path("a.json")) == {
        "seed": 10**MAX_NUMBER_CHARS - 1
    }
    (runs / "a.json").write_text(_run_text("{}").replace('"seed": 1', '"seed": ' + "9" * 5000))
    assert _problems(lambda: read_runs(runs)) == [
        f"runs/a.json:1:96: an integer of 5,000 characters (expected at most {MAX_NUMBER_CHARS} digits)"
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("NaN", "NaN is not a number JSON allows"),
        ("Infinity", "Infinity is not a number JSON allows"),
        ("-Infinity", "-Infinity is not a number JSON allows"),
        ("1e999", "the number 1e999 is too large"),
    ],
)
def test_non_finite_numbers_are_refused_at_their_place(runs: Path, value: str, message: str) -> None:
    assert parse_json('{"ci_low": -1e3, "ci_high": 1.5e308}', Path("a.json")) == {
        "ci_low": -1e3,
        "ci_high": 1.5e308,
    }
    (runs / "a.json").write_text(_run_text('{"NaN": {"mean": 0.5, "ci_low": ' + value + "}}"))
    assert _problems(lambda: read_runs(runs)) == [f"runs/a.json:2:45: {message} (expected a finite number)"]


def test_a_named_pipe_given_as_observations_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    os.mkfifo("observations.csv")
    os.mkfifo("observations.yaml")
    assert _problems(lambda: read_observations(Path("observations.csv"))) == [
        "observations.csv: not a regular file: it is a named pipe (expected a CSV file)"
    ]
    assert _problems(lambda: read_observations(Path("observations.yaml"))) == [
        "observations.yaml: not a regular file: it is a named pipe (expected a YAML file)"
    ]


def test_dev_zero_and_folders_given_as_observations_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("zero.csv").symlink_to("/dev/zero")
    Path("folder.csv").mkdir()
    assert _problems(lambda: read_observations(Path("zero.csv"))) == [
        "zero.csv: not a regular file: it is a device (expected a CSV file)"
    ]
    assert _problems(lambda: read_observations(Path("folder.csv"))) == [
        "folder.csv: not a regular file: it is a folder (expected a CSV file)"
    ]


def test_a_csv_cell_over_128_kib_is_refused_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("o.csv").write_text("time,observer,objective,text\nD+1,E,O,fine\nD+1,E,O," + "x" * 200_000 + "\n")
    assert _problems(lambda: read_observations(Path("o.csv"))) == [
        "o.csv:3: a cell is over 131,072 characters long (expected cells of at most 128 KiB)"
    ]


def test_checking_a_csv_stops_after_200_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("o.csv").write_text("time,observer,objective,rating,text\n" + "D+1,E,O,X,t\n" * 100_000)
    problems = _problems(lambda: read_observations(Path("o.csv")), seconds=5)
    assert len(problems) == 201
    assert problems[-1] == "o.csv:202: checking stopped after 200 problems"
