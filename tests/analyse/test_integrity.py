"""Integrity checks beyond the corpus: timeline, hosts, warnings, user catalogues, vignette parameters."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pydantic import Field

from jointex.errors import Severity
from jointex.model import VignetteKind, VignetteParameters
from jointex.model.kinds import DECLARATIONS
from jointex.model.vignette_kind import KindDeclaration
from jointex.service.exercises import load_exercise, validate_exercise
from tests.conftest import MINIMAL, REPO, WriteFolder
from tests.formats.bad_input_corpus import swap


def _messages(write_folder: WriteFolder, text: str, **files: str) -> list[str]:
    return [str(p) for p in validate_exercise(write_folder({"exercise.yaml": text, **files})).problems]


def test_the_minimal_exercise_is_valid(write_folder: WriteFolder) -> None:
    loaded = load_exercise(write_folder({"exercise.yaml": MINIMAL}))
    assert loaded.exercise.nations == ("NOR", "USA")
    assert loaded.warnings == ()


def test_phases_must_be_ordered_and_inside_the_exercise(write_folder: WriteFolder) -> None:
    text = MINIMAL + (
        "phases:\n"
        "  - {id: A, name: A, start: 2027-06-01, end: 2027-06-05}\n"
        "  - {id: B, name: B, start: 2027-06-04, end: 2027-06-12}\n"
    )
    assert _messages(write_folder, text) == [
        "exercise.yaml:31:5: phases[1]: phase B (2027-06-04 to 2027-06-12) lies outside the exercise "
        "(2027-06-01 to 2027-06-10) (expected phases within start_date and end_date)",
        "exercise.yaml:31:29: phases[1].start: phase B starts 2027-06-04, before phase A ends 2027-06-05 "
        "(expected phases in order, without overlap)",
    ]


def test_a_vignette_must_fit_the_exercise_and_end_after_it_starts(write_folder: WriteFolder) -> None:
    text = MINIMAL + (
        "vignettes:\n"
        "  - {id: V1, name: Late, kind: comms, start: D+9 12:00, end: D+11 00:00, units: [NOR-1]}\n"
        "  - {id: V2, name: Backwards, kind: cyber, start: D+2, end: D+1}\n"
    )
    assert _messages(write_folder, text) == [
        "exercise.yaml:30:5: vignettes[0]: vignette window D+9 12:00 to D+11 00:00 is outside the exercise "
        "(D+0 00:00 to D+10 00:00) (expected a window between STARTEX and ENDEX)",
        "exercise.yaml:31:5: vignettes[1]: the vignette ends before it starts; expected end after start",
    ]
    text = MINIMAL + "vignettes:\n  - {id: V1, name: Late, kind: comms, start: D+9 12:00, end: D+11 00:00}\n"
    assert _messages(write_folder, text) == [
        "exercise.yaml:30:5: vignettes[0]: vignette window D+9 12:00 to D+11 00:00 is outside the exercise "
        "(D+0 00:00 to D+10 00:00) (expected a window between STARTEX and ENDEX)",
    ]


def test_only_the_host_nation_may_have_the_host_role(write_folder: WriteFolder) -> None:
    text = swap("- {nation: USA}", "- {nation: USA, role: host}")
    assert _messages(write_folder, text) == [
        "exercise.yaml:12:25: participants[1].role: USA has role host but the host nation is NOR "
        "(expected role host only for the host nation)",
    ]


def test_unknown_standards_and_waveforms_warn_but_do_not_fail(write_folder: WriteFolder) -> None:
    text = swap(
        'languages: ["no", en]}',
        'languages: ["no", en], standards: [STANAG 3917]}',
        swap("personnel: 150,", "personnel: 150, comms: {waveforms: [HAVEQUIK]},"),
    )
    report = validate_exercise(write_folder({"exercise.yaml": text}))
    assert report.ok
    assert all(p.severity is Severity.WARNING for p in report.problems)
    assert [p.message for p in report.problems] == [
        "unknown standard 'STANAG 3917'; did you mean STANAG 3971, STANAG 5631, STANAG 4372?",
        "unknown waveform 'HAVEQUIK'; did you mean HAVEQUICK-II?",
    ]


def test_a_user_catalogue_file_adds_platforms(write_folder: WriteFolder) -> None:
    text = swap("platform: CV90", "platform: NOTIONAL-IFV") + "catalogue: [catalogue/ours.yaml]\n"
    ours = (
        "platforms:\n"
        "  - {id: NOTIONAL-IFV, name: Notional IFV, category: armoured-combat-vehicle, domain: land}\n"
    )
    loaded = load_exercise(write_folder({"exercise.yaml": text, "catalogue/ours.yaml": ours}))
    assert loaded.catalogue.platforms["NOTIONAL-IFV"].name == "Notional IFV"
    assert "CV90" in loaded.catalogue.platforms


def test_errors_in_a_user_catalogue_file_are_placed_in_that_file(write_folder: WriteFolder) -> None:
    """The unit's platform X is in the file that could not be read: it is not reported as unknown."""
    text = swap("platform: CV90", "platform: X") + "catalogue: [ours.yaml]\n"
    ours = "platforms:\n  - {id: X, name: X, category: spaceship, domain: land}\n"
    assert _messages(write_folder, text, **{"ours.yaml": ours}) == [
        "ours.yaml:2:32: platforms[0].category: Input should be 'fighter', 'tanker', 'airlift', "
        "'helicopter', 'isr', 'uncrewed-aircraft', 'main-battle-tank', 'armoured-combat-vehicle', "
        "'artillery', 'tactical-vehicle', 'surface-combatant', 'submarine', 'amphibious-ship', "
        "'auxiliary-ship', 'air-defence', 'counter-drone', 'radar', 'medical', 'engineer', "
        "'logistics' or 'c2'",
        "1 more check could not run until these are fixed: catalogue entries",
    ]


def test_a_missing_user_catalogue_file_is_reported_where_it_is_named(write_folder: WriteFolder) -> None:
    assert _messages(write_folder, MINIMAL + "catalogue: [ours.yaml]\n") == [
        "exercise.yaml:29:13: catalogue[0]: catalogue file ours.yaml not found",
        "1 more check could not run until these are fixed: catalogue entries",
    ]


class _MovementParameters(VignetteParameters):
    """A made-up declaration, for a kind no engineer has built yet."""

    distance_km: float = Field(gt=0)


def test_vignette_parameters_are_validated_by_their_kind_when_read(
    write_folder: WriteFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    declared = KindDeclaration(VignetteKind.MOVEMENT, _MovementParameters, ())
    monkeypatch.setitem(DECLARATIONS, VignetteKind.MOVEMENT, declared)
    text = MINIMAL + (
        "vignettes:\n"
        "  - {id: V1, name: March, kind: movement, start: D+1, end: D+2, parameters: {distance_km: -5}}\n"
        "  - {id: V2, name: Attack, kind: cyber, start: D+1, end: D+2, parameters: {anything: [1, 2]}}\n"
    )
    assert _messages(write_folder, text) == [
        "exercise.yaml:30:91: vignettes[0].parameters.distance_km: Input should be greater than 0",
    ]
    loaded = load_exercise(write_folder({"exercise.yaml": text.replace("-5}", "40}")}))
    march, attack = loaded.exercise.vignettes
    assert march.parameters_as(_MovementParameters).distance_km == 40
    assert attack.parameters.model_dump() == {"anything": [1, 2]}
    with pytest.raises(TypeError, match="V2 is of kind cyber"):
        attack.parameters_as(_MovementParameters)


def test_a_label_on_a_participant_bounds_its_units(write_folder: WriteFolder) -> None:
    text = swap(
        "- {nation: USA}",
        "- {nation: USA, label: NATO RESTRICTED // REL TO USA}",
        swap("personnel: 150,", "personnel: 150, label: NATO RESTRICTED // REL TO USA // EXERCISE,"),
    )
    assert validate_exercise(write_folder({"exercise.yaml": text})).ok
    text = swap(
        "- {nation: USA}",
        "- {nation: USA, label: NATO RESTRICTED // REL TO USA}",
        swap("personnel: 150,", "personnel: 150, label: 'NATO RESTRICTED // REL TO USA, NOR // EXERCISE',"),
    )
    assert [p.message for p in validate_exercise(write_folder({"exercise.yaml": text})).problems] == [
        "label is less restrictive than participant USA's (NATO RESTRICTED // REL TO USA): "
        "releases to NOR, which the parent does not",
    ]


def _baltic_shield_with(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "baltic-shield"
    shutil.copytree(REPO / "examples" / "baltic-shield", folder)
    exercise = folder / "exercise.yaml"
    exercise.write_text(swap(old, new, exercise.read_text(encoding="utf-8")), encoding="utf-8")
    return exercise


def test_a_typo_in_a_vignette_unit_list_is_one_problem_not_three(tmp_path: Path) -> None:
    """The IAMD parameters name USA-PATRIOT; with the vignette's list misspelling it, the one problem is
    the typo, with the fix, not two more that offer the typo as the expected value."""
    units = "units: [USA-PATRIOT, DEU-PATRIOT,"
    exercise = _baltic_shield_with(tmp_path, units, units.replace("USA-PATRIOT,", "USA-PATRIOTT,"))
    problems = validate_exercise(exercise).problems
    typo_line = 1 + exercise.read_text(encoding="utf-8").splitlines().index(
        next(line for line in exercise.read_text(encoding="utf-8").splitlines() if "USA-PATRIOTT" in line)
    )
    assert [(p.line, p.message) for p in problems] == [
        (typo_line, "unknown unit 'USA-PATRIOTT'; did you mean USA-PATRIOT, DEU-PATRIOT, NLD-PATRIOT?")
    ]


def test_a_parameter_unit_missing_from_a_vignette_lists_its_units_in_words(tmp_path: Path) -> None:
    units = "units: [USA-PATRIOT, DEU-PATRIOT,"
    exercise = _baltic_shield_with(tmp_path, units, "units: [DEU-PATRIOT,")
    messages = [p.message for p in validate_exercise(exercise).problems]
    assert messages == 2 * [
        "iamd parameter: unit 'USA-PATRIOT' does not take part in V-IAMD-RAID; expected one of its "
        "units DEU-PATRIOT, NLD-PATRIOT, LTU-NASAMS, POL-CUAS, LTU-CRC, USA-AWACS"
    ]
