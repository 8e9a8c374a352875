"""Hostile input is refused politely: bombs, huge files, deep nesting, escaping paths."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from jointex.errors import InputError
from jointex.formats.yaml_source import MAX_FILE_BYTES, read_yaml_mapping
from jointex.service.exercises import load_exercise, validate_exercise
from tests.conftest import MINIMAL, WriteFolder
from tests.formats.bad_input_corpus import BILLION_LAUGHS


def test_a_billion_laughs_is_refused_without_eating_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(BILLION_LAUGHS)
    tracemalloc.start()
    with pytest.raises(InputError, match="possible YAML bomb"):
        read_yaml_mapping(bomb)
    _, peak_bytes = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak_bytes < 64 * 1024 * 1024  # expanded, the document would hold 9**9 strings


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as stream:
        stream.truncate(50 * 1000 * 1000)
    with pytest.raises(InputError) as caught:
        read_yaml_mapping(huge)
    assert str(caught.value).startswith(
        f"{huge}: file is 50.0 MB, over the {MAX_FILE_BYTES // 2**20} MiB limit"
    )


def test_deep_nesting_is_a_syntax_error(tmp_path: Path) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("id: " + "[" * 100_000 + "]" * 100_000)
    with pytest.raises(InputError, match="YAML syntax error: exceeded maximum nesting depth"):
        read_yaml_mapping(deep)


def test_a_symlink_pointing_outside_the_folder_is_refused(write_folder: WriteFolder, tmp_path: Path) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-secret.yaml"
    outside.write_text("units: []\n")
    main = write_folder({"exercise.yaml": MINIMAL + "include: [nations/link.yaml]\n"})
    (tmp_path / "nations").mkdir()
    os.symlink(outside, tmp_path / "nations" / "link.yaml")
    report = validate_exercise(main)
    assert [p.message for p in report.problems] == [
        "include nations/link.yaml is outside the exercise folder"
    ]


def test_a_file_included_twice_is_reported(write_folder: WriteFolder) -> None:
    main = write_folder(
        {
            "exercise.yaml": MINIMAL + "include: [a.yaml, b.yaml]\n",
            "a.yaml": "include: [c.yaml]\n",
            "b.yaml": "include: [c.yaml]\n",
            "c.yaml": "units: []\n",
        }
    )
    report = validate_exercise(main)
    assert [str(p) for p in report.problems] == [
        "b.yaml:1:11: include[0]: c.yaml is already included by a.yaml (expected each file included once)"
    ]


def test_a_glob_that_matches_nothing_is_reported(write_folder: WriteFolder) -> None:
    report = validate_exercise(write_folder({"exercise.yaml": MINIMAL + "include: [nations/*.yaml]\n"}))
    assert [p.message for p in report.problems] == ["no file matches 'nations/*.yaml'"]


def test_a_folder_without_an_exercise_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.yaml").write_text("a: 1\n")
    with pytest.raises(InputError, match=r"the folder has no exercise.yaml; it holds notes.yaml"):
        load_exercise(tmp_path)


def test_a_missing_exercise_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        load_exercise(tmp_path / "nope.yaml")


def test_paths_with_nul_characters_are_refused(write_folder: WriteFolder) -> None:
    main = write_folder({"exercise.yaml": MINIMAL + 'include: ["a\\0b.yaml"]\ncatalogue: ["c\\0.yaml"]\n'})
    report = validate_exercise(main)
    assert [str(p) for p in report.problems] == [
        "exercise.yaml:29:11: include[0]: include 'a\\x00b.yaml' contains a NUL character "
        "(expected a path relative to this file, such as 'nations/usa.yaml')",
        "exercise.yaml:30:13: catalogue[0]: catalogue path 'c\\x00.yaml' contains a NUL character "
        "(expected a path relative to this file, such as 'catalogue/platforms.yaml')",
    ]


def test_over_long_include_paths_are_refused(write_folder: WriteFolder) -> None:
    report = validate_exercise(write_folder({"exercise.yaml": MINIMAL + f"include: [{'a' * 300}.yaml]\n"}))
    assert [p.message for p in report.problems] == [f"include {('a' * 80)!r} is too long"]


def test_a_glob_climbing_out_of_the_folder_is_refused_before_it_is_expanded(
    write_folder: WriteFolder, tmp_path: Path
) -> None:
    (tmp_path.parent / f"{tmp_path.name}-outside.yaml").write_text("units: []\n")
    pattern = "../../../../../../../../**/*.yaml"
    main = write_folder({"exercise.yaml": MINIMAL + f'include: ["{pattern}"]\n'})
    report = validate_exercise(main)
    assert [str(p) for p in report.problems] == [
        f"exercise.yaml:{MINIMAL.count(chr(10)) + 1}:11: include[0]: include {pattern!r} leads out of the "
        "exercise folder "
        "(expected a pattern for files in the exercise folder, such as 'nations/*.yaml')"
    ]


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        ("C:/Users/*.yaml", "is absolute"),
        ("nations/*/../../../*.yaml", "has '..' after a wildcard"),
        ("nations/../../*.yaml", "leads out of the exercise folder"),
    ],
)
def test_globs_that_could_leave_the_folder_are_refused(
    write_folder: WriteFolder, pattern: str, why: str
) -> None:
    main = write_folder({"exercise.yaml": MINIMAL + f'include: ["{pattern}"]\n', "nations/usa/x.yaml": ""})
    assert [p.message for p in validate_exercise(main).problems] == [f"include {pattern!r} {why}"]


@pytest.mark.parametrize("pattern", ["shared/*.yaml", "*/*.yaml", "shared/**/*.yaml"])
def test_a_glob_through_a_symlinked_folder_leaving_it_names_nothing_outside(
    write_folder: WriteFolder, tmp_path: Path, pattern: str
) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    (outside / "deep").mkdir(parents=True)
    (outside / "secret.yaml").write_text("units: []\n")
    (outside / "deep" / "secret.yaml").write_text("units: []\n")
    main = write_folder({"exercise.yaml": MINIMAL + f'include: ["{pattern}"]\n'})
    (tmp_path / "shared").symlink_to(outside, target_is_directory=True)
    problems = [str(p) for p in validate_exercise(main).problems]
    assert len(problems) == 1 and "leads out of the exercise folder" in problems[0]
    assert "secret" not in problems[0]


def test_globs_inside_the_folder_still_include_files(write_folder: WriteFolder) -> None:
    main = write_folder(
        {
            "exercise.yaml": MINIMAL.replace("  - {nation: USA}\n", "")
            + 'include: ["nations/**/*.yaml", "./more/*.yaml"]\n',
            "nations/north/usa.yaml": "participants: [{nation: USA}]\n",
            "nations/south/deeper/gbr.yaml": "participants: [{nation: GBR}]\n",
            "more/fra.yaml": "participants: [{nation: FRA}]\n",
        }
    )
    report = validate_exercise(main)
    assert report.ok, report.problems
    assert report.loaded is not None
    assert [p.nation for p in report.loaded.exercise.participants] == ["NOR", "USA", "GBR", "FRA"]


def test_an_include_that_is_a_symlink_loop_is_reported(write_folder: WriteFolder, tmp_path: Path) -> None:
    main = write_folder({"exercise.yaml": MINIMAL + "include: [loop.yaml]\n"})
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    assert [p.message for p in validate_exercise(main).problems] == [
        "included file loop.yaml: cannot read the file: Too many levels of symbolic links"
    ]


def test_a_named_pipe_given_as_the_exercise_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "exercise.yaml")
    with pytest.raises(InputError, match="not a regular file: it is a named pipe"):
        load_exercise(tmp_path / "exercise.yaml")
