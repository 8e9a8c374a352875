"""The release policy where data leaves: what a nation may see of an exercise, and a document's label."""

from __future__ import annotations

import pytest

from jointex import load_exercise
from jointex.errors import InputError
from jointex.model import Classification, Label
from jointex.security.release import releasable_exercise, report_label
from tests.conftest import EXAMPLES


def test_a_nation_sees_only_what_is_released_to_it() -> None:
    exercise = load_exercise(EXAMPLES[0]).exercise  # the GBR battle group is REL TO GBR, EST, USA
    for_pol = releasable_exercise(exercise, "POL")
    assert "GBR-BATTLEGROUP" not in for_pol.units_by_id
    assert "3003" not in {i.serial for i in for_pol.injects()}  # REL TO DEU, LTU, USA
    assert "GBR-BATTLEGROUP" in releasable_exercise(exercise, "EST").units_by_id
    assert len(for_pol.units) == len(exercise.units) - 1


def test_references_to_withheld_elements_are_removed() -> None:
    exercise = load_exercise(EXAMPLES[1]).exercise  # OBJ-DET-1 is REL TO EST, GBR, USA
    for_fra = releasable_exercise(exercise, "FRA")
    assert "OBJ-DET-1" not in for_fra.objectives_by_id
    assert all("OBJ-DET-1" not in i.objectives for i in for_fra.injects())


def test_non_participants_and_unreleased_nations_are_refused() -> None:
    exercise = load_exercise(EXAMPLES[2]).exercise
    with pytest.raises(InputError, match="CHN does not take part in the exercise"):
        releasable_exercise(exercise, "CHN")


def test_a_document_label_is_the_highest_classification_and_the_common_releasability() -> None:
    label = report_label(
        [
            Label.model_validate("NATO UNCLASSIFIED"),
            Label.model_validate("NATO RESTRICTED // REL TO USA, GBR, EST"),
            Label.model_validate("NATO CONFIDENTIAL // REL TO USA, EST // EXERCISE"),
        ]
    )
    assert label.classification is Classification.CONFIDENTIAL
    assert label.marking == "NATO CONFIDENTIAL // REL TO EST, USA // EXERCISE"
    disjoint = report_label(
        [
            Label.model_validate("NATO RESTRICTED // REL TO USA"),
            Label.model_validate("NATO RESTRICTED // REL TO GBR"),
        ]
    )
    assert disjoint.marking == "NATO RESTRICTED // REL TO NONE"
