"""Metric titles name assets, relief sites and nations as people know them, from the version of the
exercise the reader was given (issue 13, point 2)."""

from __future__ import annotations

from jointex import load_exercise
from jointex.analyse.metric_labels import metric_labels
from jointex.model.metrics.display import metric_title
from jointex.security.release import release_exercise
from tests.conftest import REPO

FLAGSHIP = REPO / "examples" / "baltic-shield" / "exercise.yaml"
PACIFIC = REPO / "examples" / "pacific-shelter" / "exercise.yaml"


def test_defended_assets_and_nations_are_named_as_the_exercise_names_them() -> None:
    exercise = load_exercise(FLAGSHIP).exercise
    labels = metric_labels(exercise)
    assert metric_title("iamd.leakers.VILNIUS", labels) == "Leakers at Vilnius government district"
    assert metric_title("iamd.national.leakers.KAUNAS-HPP", labels) == (
        "Leakers at Kaunas hydroelectric plant, national pictures"
    )
    assert metric_title("iamd.shots.LTU", labels) == "Rounds fired by Lithuania"
    assert metric_title("iamd.leakers.NOWHERE", labels) == "Leakers at NOWHERE", "an unknown id as it is"


def test_relief_sites_from_the_needs_spreadsheet_are_named() -> None:
    exercise = load_exercise(PACIFIC).exercise
    labels = metric_labels(exercise)
    assert metric_title("hadr.need_met_pct.PH0826-GUI", labels) == "Need met at Guiuan"  # from needs.csv
    assert metric_title("hadr.time_to_first_delivery_h.PH0826-GUI", labels) == (
        "Wait for a first delivery at Guiuan"
    )


def test_a_name_withheld_from_the_reader_is_not_in_their_titles() -> None:
    exercise = load_exercise(FLAGSHIP).exercise
    restricted = exercise.units_by_id["GBR-BATTLEGROUP"]  # REL TO GBR, EST, USA
    coalition = metric_labels(release_exercise(exercise, None).exercise)
    british = metric_labels(release_exercise(exercise, "GBR").exercise)
    assert british["GBR-BATTLEGROUP"] == restricted.name
    assert "GBR-BATTLEGROUP" not in coalition
    assert restricted.name not in coalition.values()
