from __future__ import annotations

import pytest
from pydantic import ValidationError

from jointex.model import Classification, Label


def test_a_banner_marking_is_read_into_its_parts() -> None:
    label = Label.model_validate("NATO RESTRICTED // REL TO usa, GBR // exercise")
    assert label.policy == "NATO"
    assert label.classification is Classification.RESTRICTED
    assert label.releasable_to == ("GBR", "USA")
    assert label.caveats == ("EXERCISE",)
    assert label.marking == "NATO RESTRICTED // REL TO GBR, USA // EXERCISE"


def test_the_marking_round_trips() -> None:
    label = Label(classification=Classification.SECRET, releasable_to=("POL", "DEU"), caveats=("EXERCISE",))
    assert Label.model_validate(label.marking) == label


def test_a_label_without_releasability_releases_to_everyone() -> None:
    assert Label().releases_to("FRA")
    assert not Label(releasable_to=("USA",)).releases_to("FRA")


@pytest.mark.parametrize(
    ("child", "parent", "loosenings"),
    [
        ("NATO SECRET", "NATO RESTRICTED", []),
        ("NATO RESTRICTED", "NATO SECRET", ["classification RESTRICTED is lower than SECRET"]),
        ("NATO RESTRICTED // REL TO USA", "NATO RESTRICTED // REL TO USA, GBR", []),
        (
            "NATO RESTRICTED // REL TO USA, FRA",
            "NATO RESTRICTED // REL TO USA, GBR",
            ["releases to FRA, which the parent does not"],
        ),
        (
            "NATO RESTRICTED",
            "NATO RESTRICTED // REL TO USA",
            ["releasable to all participants, but the parent is REL TO USA"],
        ),
        ("NATO RESTRICTED", "NATO RESTRICTED // EXERCISE", ["drops the caveat EXERCISE"]),
    ],
)
def test_a_child_label_may_only_tighten(child: str, parent: str, loosenings: list[str]) -> None:
    assert Label.model_validate(child).loosenings_of(Label.model_validate(parent)) == loosenings


def test_an_unknown_classification_says_what_is_expected() -> None:
    with pytest.raises(ValidationError, match="expected one of UNCLASSIFIED, RESTRICTED"):
        Label.model_validate({"classification": "SUPER SECRET"})
