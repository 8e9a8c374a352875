"""An objective's measures must name metrics that an analysis, a vignette or evaluators produce."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from jointex.cli.main import app
from jointex.service.exercises import validate_exercise
from tests.conftest import WriteFolder
from tests.formats.bad_input_corpus import swap

GOOD = "metric: interop.comms.connected_pairs_pct"


def _problems(write_folder: WriteFolder, metric: str) -> list[str]:
    path = write_folder({"exercise.yaml": swap(GOOD, f"metric: {metric}")})
    return [str(p) for p in validate_exercise(path).problems]


def test_a_misspelt_metric_is_an_error_at_its_line_with_did_you_mean(write_folder: WriteFolder) -> None:
    (problem,) = _problems(write_folder, "interop.data_links.connected_pairs_pct")
    assert problem.startswith(
        "exercise.yaml:17:101: objectives[0].measures[0].metric: unknown metric "
        "'interop.data_links.connected_pairs_pct'; did you mean interop.datalink.connected_pairs_pct"
    )


def test_validate_exits_2_on_an_unknown_metric_even_without_strict(write_folder: WriteFolder) -> None:
    path = write_folder({"exercise.yaml": swap(GOOD, "metric: iamd.leak_probabilty")})
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert "did you mean iamd.leak_probability" in result.output


@pytest.mark.parametrize(
    ("metric", "suggestion"),
    [
        ("hadr.need_met_day_3_pct", "hadr.need_met_day<day>_pct"),
        ("iamd.leaker.VILNIUS", "iamd.leakers.VILNIUS"),
        ("obsever.transparency_rating", "observer.transparency_rating"),
    ],
)
def test_names_that_depend_on_the_exercise_are_suggested_filled_in(
    write_folder: WriteFolder, metric: str, suggestion: str
) -> None:
    (problem,) = _problems(write_folder, metric)
    assert f"did you mean {suggestion}" in problem


@pytest.mark.parametrize(
    "metric",
    [
        "iamd.leakers.VILNIUS",
        "iamd.shots.POL",
        "iamd.national.leak_probability",
        "hadr.need_met_day3_pct",
        "hadr.need_met_pct.S-12",
        "observer.transparency_rating",
        "observer.data_sharing_delay_h",
        "cyber.time_to_detect_min",
    ],
)
def test_names_that_depend_on_the_exercise_match_their_pattern(
    write_folder: WriteFolder, metric: str
) -> None:
    assert _problems(write_folder, metric) == []
