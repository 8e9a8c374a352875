"""The evaluators' file: YAML with observations and actions, or CSV rows, with placed errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jointex.errors import InputError
from jointex.formats.observations import read_observations
from jointex.model.assessment import HseepRating
from jointex.service.exercises import validate_exercise
from tests.conftest import REPO


def test_the_example_files_read() -> None:
    baltic = read_observations(REPO / "examples" / "baltic-shield" / "observations.yaml")
    assert len(baltic.observations) == 10 and len(baltic.actions) == 2
    pacific = read_observations(REPO / "examples" / "pacific-shelter" / "observations.csv")
    assert [o.rating for o in pacific.observations] == [
        HseepRating.S,
        HseepRating.P,
        HseepRating.S,
        HseepRating.M,
    ]
    assert pacific.observations[0].value == 5.5


def test_csv_errors_name_the_row_and_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("o.csv").write_text(
        "time,observer,objective,rating,text\nD+1,EVAL,OBJ-1,X,fine\nD+1,EVAL,OBJ-1,P,\n"
    )
    with pytest.raises(InputError) as caught:
        read_observations(Path("o.csv"))
    assert [str(p) for p in caught.value.problems] == [
        "o.csv:2:4: rating: Input should be 'P', 'S', 'M' or 'U'",
        "o.csv:3:1: text: required field 'text' is missing",
    ]


def test_csv_without_required_columns_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("o.csv").write_text("when,who,text\n")
    with pytest.raises(InputError) as caught:
        read_observations(Path("o.csv"))
    assert [p.message for p in caught.value.problems] == [
        "missing column 'time'",
        "missing column 'observer'",
        "missing column 'objective'",
        "unknown column 'when'",
        "unknown column 'who'",
    ]


def test_yaml_errors_are_placed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("o.yaml").write_text(
        "observations:\n  - {time: D+1, observer: E, objective: O, metric: m, text: t}\n"
    )
    with pytest.raises(InputError) as caught:
        read_observations(Path("o.yaml"))
    assert [str(p) for p in caught.value.problems] == [
        "o.yaml:2:5: observations[0]: give metric and value together, or neither"
    ]


def test_a_rating_off_its_scale_is_placed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("o.yaml").write_text(
        "observations:\n"
        "  - {time: D+1, observer: E, objective: O, metric: observer.trust_rating, value: 5, text: t}\n"
    )
    with pytest.raises(InputError) as caught:
        read_observations(Path("o.yaml"))
    assert [str(p) for p in caught.value.problems] == [
        "o.yaml:2:5: observations[0]: value 5 is outside the rating [1, 4] of observer.trust_rating"
    ]


def test_unknown_objectives_are_placed_at_each_entry_with_the_ids_meant(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("o.yaml").write_text(
        "observations:\n"
        "  - {time: D+1, observer: E, objective: OBJ-AAR-1, rating: S, text: t}\n"
        "  - {time: D+1, observer: E, objective: OBJ-AAR-2, rating: S, text: t}\n"
    )
    Path("o.csv").write_text("time,observer,objective,text\nD+1,E,OBJ-AAR-1,t\nD+1,E,OBJ-AAR-2,t\n")
    objectives = {"OBJ-AAR-1", "OBJ-IAMD-1"}
    hint = "unknown objective 'OBJ-AAR-2'; did you mean OBJ-AAR-1, OBJ-IAMD-1?"
    for name, place in (
        ("o.yaml", "o.yaml:3:41: observations[1].objective"),
        ("o.csv", "o.csv:3:3: objective"),
    ):
        assert len(read_observations(Path(name)).observations) == 2  # without the exercise, not checked
        with pytest.raises(InputError) as caught:
            read_observations(Path(name), objectives)
        assert [str(p) for p in caught.value.problems] == [
            f"{place}: {hint} (expected the id of an objective of the exercise)"
        ]


def test_validate_checks_the_observations_beside_the_exercise(tmp_path: Path) -> None:
    folder = tmp_path / "baltic-shield"
    shutil.copytree(REPO / "examples" / "baltic-shield", folder)
    assert validate_exercise(folder).ok
    observations = folder / "observations.yaml"
    text = observations.read_text(encoding="utf-8")
    observations.write_text(text.replace("objective: OBJ-AAR-1, unit", "objective: OBJ-AAR-2, unit"))
    report = validate_exercise(folder)
    assert not report.ok
    assert [(p.file and p.file.resolve(), p.line, p.field, p.message) for p in report.problems] == [
        (
            observations.resolve(),
            8,
            ("observations", 2, "objective"),
            "unknown objective 'OBJ-AAR-2'; did you mean OBJ-AAR-1, OBJ-IAMD-1, OBJ-CUAS-1?",
        )
    ]
