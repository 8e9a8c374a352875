"""An include file validated alone is matched to the exercise beside it or one folder up, and to no
exercise file further away (a stray file in /tmp or a home folder must not read what lies above it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jointex.formats import include_files
from jointex.service.exercises import validate_exercise
from tests.conftest import MINIMAL, WriteFolder

NATION = "participants:\n  - {nation: FRA}\n"


def read_files(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the include-file check reads, recorded as it reads them."""
    read: list[Path] = []
    real = include_files.read_yaml_mapping

    def spy(file: Path, display: Path | None = None) -> object:
        read.append(file.resolve())
        return real(file, display)

    monkeypatch.setattr(include_files, "read_yaml_mapping", spy)
    return read


def test_an_exercise_two_folders_up_is_not_read_even_if_it_includes_the_file(
    write_folder: WriteFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_folder(
        {
            "exercise.yaml": MINIMAL + "include: [far/nations/fra.yaml]\n",
            "far/nations/fra.yaml": NATION,
        }
    )
    read = read_files(monkeypatch)
    (problem,) = validate_exercise(Path("far/nations/fra.yaml")).problems
    assert "no exercise.yaml in its folder or the folder above includes it" in problem.message
    assert Path("exercise.yaml").resolve() not in read


@pytest.mark.parametrize(
    ("include", "where"),
    [
        ("nations/fra.yaml", "nations/fra.yaml"),
        ("nations/*.yaml", "nations/fra.yaml"),
        ("*.yaml", "fra.yaml"),
    ],
)
def test_the_exercise_beside_the_file_or_one_folder_up_is_named_by_its_include_list(
    write_folder: WriteFolder, monkeypatch: pytest.MonkeyPatch, include: str, where: str
) -> None:
    write_folder({"ex/exercise.yaml": MINIMAL + f"include: ['{include}']\n", f"ex/{where}": NATION})
    read = read_files(monkeypatch)
    (problem,) = validate_exercise(Path("ex") / where).problems
    assert problem.message.startswith(
        "this is an include file of ex/exercise.yaml (it holds only participants)"
    )
    assert read == [Path("ex/exercise.yaml").resolve()]  # its includes are not followed


def test_an_exercise_beside_the_file_that_does_not_include_it_is_not_its_exercise(
    write_folder: WriteFolder,
) -> None:
    write_folder(
        {
            "ex/exercise.yaml": MINIMAL + "include: [nations/usa.yaml]\n",
            "ex/nations/usa.yaml": "units: []\n",
            "ex/nations/fra.yaml": NATION,
        }
    )
    (problem,) = validate_exercise(Path("ex/nations/fra.yaml")).problems
    assert "no exercise.yaml in its folder or the folder above includes it" in problem.message
