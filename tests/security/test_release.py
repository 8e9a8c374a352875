"""The release policy where data leaves: what a nation may see of an exercise, and a document's label."""

from __future__ import annotations

import pytest
from pydantic import Field

from jointex import load_exercise
from jointex.errors import InputError
from jointex.model import Classification, Exercise, Frozen, Label, Vignette, VignetteKind, VignetteParameters
from jointex.model.iamd import IamdParameters
from jointex.model.kinds import DECLARATIONS
from jointex.model.vignette_kind import FieldPath, KindDeclaration
from jointex.security.labels import document_label, exercise_labels, force_labels, within
from jointex.security.release import (
    Release,
    names_withheld,
    releasable_exercise,
    release_exercise,
    report_label,
    withheld_note,
)
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


def test_without_a_reader_the_coalition_version_holds_what_every_nation_may_see() -> None:
    exercise = load_exercise(EXAMPLES[0]).exercise
    coalition = release_exercise(exercise, None)
    assert coalition.reader.is_coalition and coalition.reader.nations == set(exercise.nations)
    assert "GBR-BATTLEGROUP" not in coalition.exercise.units_by_id  # REL TO GBR, EST, USA
    assert "3003" not in {i.serial for i in coalition.exercise.injects()}  # REL TO DEU, LTU, USA
    assert coalition.withheld == {"units": 1, "injects": 1}
    assert release_exercise(exercise, "all").exercise == coalition.exercise
    assert withheld_note(coalition.withheld) == "Withheld from this version: 1 unit, 1 inject."


def test_a_document_is_labelled_rel_to_the_nations_every_element_releases_to() -> None:
    exercise = load_exercise(EXAMPLES[0]).exercise
    everyone = ", ".join(sorted(exercise.nations))
    coalition = release_exercise(exercise, None).exercise
    assert (
        document_label(coalition, exercise_labels(coalition)).marking
        == f"NATO UNCLASSIFIED // REL TO {everyone}"
    )
    usa = release_exercise(exercise, "USA").exercise
    assert document_label(usa, force_labels(usa)).marking == "NATO RESTRICTED // REL TO EST, GBR, USA"


def _with(exercise: Exercise, **changes: object) -> Exercise:
    return Exercise.model_validate({**exercise.model_dump(by_alias=True), **changes})


def test_a_withheld_participant_takes_its_units_controllers_and_nation_code_with_it() -> None:
    exercise = load_exercise(EXAMPLES[0]).exercise
    restricted = Label.model_validate("NATO RESTRICTED // REL TO NLD, USA")
    participants = [
        p.model_copy(update={"label": restricted}) if p.nation == "NLD" else p for p in exercise.participants
    ]
    objectives = [
        o.model_copy(update={"owners": ("NLD", "USA")}) if o.id == "OBJ-IAMD-1" else o
        for o in exercise.objectives
    ]
    changed = _with(
        exercise,
        participants=[p.model_dump(by_alias=True) for p in participants],
        objectives=[o.model_dump(by_alias=True) for o in objectives],
    )
    release = release_exercise(changed, "POL")
    for_pol = release.exercise
    assert "NLD" not in for_pol.nations
    assert not [u for u in for_pol.units if u.nation == "NLD"]
    assert for_pol.objectives_by_id["OBJ-IAMD-1"].owners == ("USA",)
    assert all("NLD" not in p.liaison_officers_to for p in for_pol.participants)
    assert all("NLD" not in w.nations for w in for_pol.interoperability.waivers)
    assert not [c for c in for_pol.controllers if c.nation == "NLD"]
    assert release.withheld["participants"] == 1
    # The NLD fire unit named in the IAMD raid goes from its parameters, and the raid still runs.
    raid = next(v for v in for_pol.vignettes if v.id == "V-IAMD-RAID")
    assert "NLD-PATRIOT" not in str(raid.parameters)
    assert release.withheld["iamd fire units"] >= 1


def test_a_version_whose_reader_may_not_see_the_host_is_refused_without_naming_it() -> None:
    exercise = load_exercise(EXAMPLES[0]).exercise
    restricted = Label.model_validate("NATO RESTRICTED // REL TO LTU, USA")
    participants = [
        p.model_copy(update={"label": restricted}) if p.nation == exercise.host_nation else p
        for p in exercise.participants
    ]
    changed = _with(exercise, participants=[p.model_dump(by_alias=True) for p in participants])
    with pytest.raises(InputError) as refused:
        release_exercise(changed, "POL")
    assert "host nation's participation is not releasable to POL" in str(refused.value)
    assert exercise.host_nation not in str(refused.value)
    assert release_exercise(changed, "USA").exercise.host_nation == "LTU"


def test_an_exercise_not_releasable_to_the_reader_is_refused_clearly() -> None:
    exercise = load_exercise(EXAMPLES[0]).exercise
    changed = _with(exercise, label="NATO RESTRICTED // REL TO USA")
    with pytest.raises(
        InputError, match=r"the exercise is not releasable to POL \(NATO RESTRICTED // REL TO USA\)"
    ):
        release_exercise(changed, "POL")
    with pytest.raises(InputError, match="not releasable to every participating nation"):
        release_exercise(changed, None)


def test_a_metric_naming_a_withheld_id_is_found_even_when_the_id_holds_dots() -> None:
    names = frozenset({"ELEK.TRENAI", "NLD"})
    assert names_withheld("iamd.leakers.ELEK.TRENAI", names)
    assert names_withheld("iamd.shots.NLD", names)
    assert not names_withheld("iamd.leakers.ELEK", names)
    assert not names_withheld("iamd.shots.NLDX", names)


def test_a_version_names_no_withheld_nation_even_in_its_rel_to_lists() -> None:
    exercise = load_exercise(EXAMPLES[0]).exercise
    everyone = ", ".join(exercise.nations)
    restricted = Label.model_validate("NATO UNCLASSIFIED // REL TO DEU, USA")
    participants = [
        p.model_copy(update={"label": restricted}) if p.nation == "DEU" else p for p in exercise.participants
    ]
    changed = _with(
        exercise,
        label=f"NATO UNCLASSIFIED // REL TO {everyone}",
        participants=[p.model_dump(by_alias=True) for p in participants],
    )
    for_pol = release_exercise(changed, "POL")
    banner = document_label(for_pol.exercise, force_labels(for_pol.exercise), for_pol.reader.nations)
    assert "DEU" not in banner.marking and "POL" in banner.marking
    assert within(changed.label, for_pol.exercise.nations).releasable_to == tuple(
        sorted(set(exercise.nations) - {"DEU"})
    )


def test_a_withheld_units_sensor_leaves_the_typed_parameters() -> None:
    exercise = load_exercise(EXAMPLES[0]).exercise
    usa_only = Label.model_validate("NATO RESTRICTED // REL TO USA")
    units = [u.model_copy(update={"label": usa_only}) if u.id == "USA-AWACS" else u for u in exercise.units]
    changed = _with(exercise, units=[u.model_dump(by_alias=True) for u in units])
    release = release_exercise(changed, "POL")
    before = _vignette(changed, "V-IAMD-RAID").parameters_as(IamdParameters)
    after = _vignette(release.exercise, "V-IAMD-RAID").parameters_as(IamdParameters)
    assert [s.unit for s in after.sensors] == [s.unit for s in before.sensors if s.unit != "USA-AWACS"]
    assert after.shooters == before.shooters
    assert release.withheld["iamd sensors"] == 1
    assert "USA-AWACS" not in str(release.exercise.model_dump())


def _vignette(exercise: Exercise, vignette_id: str) -> Vignette:
    return next(v for v in exercise.vignettes if v.id == vignette_id)


class _Station(Frozen):
    id: str
    unit: str


class _NetParameters(VignetteParameters):
    """A made-up comms drill's parameters: the release policy knows them only through the references
    they declare."""

    stations: tuple[_Station, ...] = Field(min_length=1)

    def unit_references(self) -> list[tuple[FieldPath, str]]:
        return [(("stations", i, "unit"), station.unit) for i, station in enumerate(self.stations)]


def test_any_kind_loses_a_withheld_units_elements_through_the_references_it_declares(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(
        DECLARATIONS, VignetteKind.COMMS, KindDeclaration(VignetteKind.COMMS, _NetParameters, ())
    )
    exercise = load_exercise(EXAMPLES[0]).exercise
    restricted = Label.model_validate("NATO RESTRICTED // REL TO NLD, USA")
    participants = [
        p.model_copy(update={"label": restricted}) if p.nation == "NLD" else p for p in exercise.participants
    ]

    def net(*stations: tuple[str, str]) -> dict[str, object]:
        return {
            "id": "V-NET",
            "name": "Air defence net",
            "kind": "comms",
            "start": "D+1",
            "end": "D+2",
            "units": ["NLD-PATRIOT", "DEU-PATRIOT"],
            "parameters": {"stations": [{"id": sid, "unit": unit} for sid, unit in stations]},
        }

    def released(vignette: dict[str, object]) -> Release:
        vignettes = [*(v.model_dump(by_alias=True) for v in exercise.vignettes), vignette]
        dumped = [p.model_dump(by_alias=True) for p in participants]
        return release_exercise(_with(exercise, participants=dumped, vignettes=vignettes), "POL")

    release = released(net(("S-NLD", "NLD-PATRIOT"), ("S-DEU", "DEU-PATRIOT")))
    kept = _vignette(release.exercise, "V-NET").parameters_as(_NetParameters)
    assert [s.id for s in kept.stations] == ["S-DEU"]
    assert release.withheld["comms stations"] == 1
    assert "S-NLD" in release.withheld_names
    # A drill left without any station cannot stand: the whole vignette is withheld.
    alone = released(net(("S-NLD", "NLD-PATRIOT")))
    assert "V-NET" not in {v.id for v in alone.exercise.vignettes}
    assert {"V-NET", "S-NLD"} <= alone.withheld_names
