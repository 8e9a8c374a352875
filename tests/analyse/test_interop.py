"""Interoperability analysis: the hand-checked cases of the issue, the rules, and agreement with the
pair-by-pair reference on every unit pair of the examples."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from jointex import load_exercise
from jointex.analyse.interop import State, analyse_interop
from jointex.analyse.interop.aar import aar_cell
from jointex.analyse.interop.profiles import unit_profiles
from jointex.analyse.interop.scoring import degree
from jointex.catalogue import builtin_catalogue
from jointex.model import Exercise, InteropDomain, Platform
from tests.analyse.pairwise_reference import pairwise_matrices
from tests.conftest import EXAMPLES

D = InteropDomain


def unit(uid: str, nation: str, *platforms: str, **comms: Any) -> dict[str, Any]:
    return {
        "id": uid,
        "name": uid,
        "nation": nation,
        "service": "air",
        "echelon": "flight",
        "personnel": 10,
        "equipment": [{"platform": p} for p in platforms],
        "comms": comms,
    }


def exercise(
    units: list[dict[str, Any]],
    vignette_units: list[str] | None = None,
    participants: list[dict[str, Any]] | None = None,
    **interop: Any,
) -> Exercise:
    nations = sorted({u["nation"] for u in units} | {p["nation"] for p in participants or []})
    given = {p["nation"]: p for p in participants or []}
    return Exercise.model_validate(
        {
            "id": "T",
            "name": "T",
            "type": "ftx",
            "host_nation": nations[0],
            "start_date": "2027-01-01",
            "end_date": "2027-01-05",
            "area": {"boundary": ["0, 0", "0, 1", "1, 1"]},
            "participants": [given.get(n, {"nation": n, "languages": ["en"]}) for n in nations],
            "units": units,
            "vignettes": [
                {
                    "id": "V",
                    "name": "V",
                    "kind": "movement",
                    "start": "D+1",
                    "end": "D+2",
                    "units": vignette_units or [u["id"] for u in units],
                }
            ],
            "interoperability": interop,
        }
    )


CATALOGUE = builtin_catalogue()


def test_f35a_cannot_take_fuel_from_a_voyager_but_f35b_can() -> None:
    voyager, f35a, f35b = (CATALOGUE.platforms[p] for p in ("VOYAGER", "F-35A", "F-35B"))
    assert aar_cell(voyager, f35a, {}).state is State.INCOMPATIBLE
    assert aar_cell(voyager, f35b, {}).state is State.COMPATIBLE
    result = analyse_interop(
        exercise(
            [unit("GBR-VOY", "GBR", "VOYAGER"), unit("USA-A", "USA", "F-35A"), unit("USA-B", "USA", "F-35B")]
        ),
        CATALOGUE,
    )
    cell = result.cell(D.AAR, "GBR-VOY", "USA-A")
    assert cell.state is State.INCOMPATIBLE
    assert cell.reason == "F-35A needs a boom (receptacle); VOYAGER offers drogue"
    assert result.cell(D.AAR, "GBR-VOY", "USA-B").state is State.COMPATIBLE
    assert result.cell(D.AAR, "USA-A", "GBR-VOY").state is State.NOT_APPLICABLE  # a receiver refuels nobody
    (gap,) = [g for g in result.gaps if g.domain == "aar" and "VOYAGER" in g.problem]
    assert gap.critical_pairs == 1
    assert gap.remedy.startswith("request a tanker offering a boom (none in the exercise)")


def test_the_kc135_adapter_bridges_a_probe_receiver_but_not_on_the_same_sortie_as_a_boom_receiver() -> None:
    result = analyse_interop(
        exercise(
            [unit("USA-KC", "USA", "KC-135R"), unit("USA-A", "USA", "F-35A"), unit("USA-B", "USA", "F-35B")]
        ),
        CATALOGUE,
    )
    assert result.cell(D.AAR, "USA-KC", "USA-A").state is State.COMPATIBLE
    bridged = result.cell(D.AAR, "USA-KC", "USA-B")
    assert bridged.state is State.BRIDGED
    assert bridged.via == "boom-drogue adapter (BDA): fitted on the ground: one method per sortie"
    (conflict,) = result.sortie_conflicts
    assert (conflict.tanker, conflict.native, conflict.via_adapter) == ("KC-135R", ("F-35A",), ("F-35B",))
    assert "cannot refuel F-35A and F-35B on the same sortie" in conflict.message
    assert any("same sortie" in g.problem for g in result.gaps)


def test_a_national_clearance_overrides_the_rule() -> None:
    cleared = {
        "clearances": [
            {
                "domain": "aar",
                "provider": "VOYAGER",
                "receiver": "F-35A",
                "cleared": True,
                "source": "notional annex",
            }
        ]
    }
    result = analyse_interop(
        exercise([unit("GBR-VOY", "GBR", "VOYAGER"), unit("USA-A", "USA", "F-35A")], **cleared), CATALOGUE
    )
    cell = result.cell(D.AAR, "GBR-VOY", "USA-A")
    assert (cell.state, cell.via) == (State.COMPATIBLE, "national clearance (notional annex)")


def test_nations_with_no_shared_waveform_meet_through_a_gateway_that_is_a_single_point_of_failure() -> None:
    units = [
        unit("AAA-1", "FRA", waveforms=["HAVEQUICK-II"], key_material=["K1"]),
        unit("AAA-2", "FRA", waveforms=["HAVEQUICK-II"], key_material=["K1"]),
        unit("BBB-1", "POL", waveforms=["SINCGARS"], key_material=["K2"]),
        unit("GW", "USA", waveforms=["HAVEQUICK-II", "SINCGARS"], key_material=["K1", "K2"], gateway=True),
    ]
    result = analyse_interop(exercise(units, vignette_units=["AAA-1", "BBB-1", "GW"]), CATALOGUE)
    cell = result.cell(D.VOICE, "AAA-1", "BBB-1")
    assert (cell.state, cell.via) == (State.BRIDGED, "gateway GW")
    assert result.network.relay_path("AAA-1", "BBB-1") == [
        "AAA-1",
        "HAVEQUICK-II / K1",
        "GW",
        "SINCGARS / K2",
        "BBB-1",
    ]
    top = result.single_points_of_failure[0]
    assert (top.kind, top.name) == ("unit", "GW")
    assert ("FRA", "POL") in top.nation_pairs_cut
    assert top.vignette_pairs_cut == 1


def test_a_shared_waveform_without_key_material_is_plain_voice_only() -> None:
    units = [
        unit("A", "FRA", waveforms=["HAVEQUICK-II"], key_material=["K1"]),
        unit("B", "POL", waveforms=["HAVEQUICK-II"], key_material=["K2"]),
    ]
    result = analyse_interop(exercise(units), CATALOGUE)
    cell = result.cell(D.VOICE, "A", "B")
    assert cell.state is State.INCOMPATIBLE
    assert cell.reason == "common waveform HAVEQUICK-II but no shared key material: plain voice only"
    (gap,) = [g for g in result.gaps if g.domain == "voice"]
    assert gap.remedy == "agree common key material (K1 or K2) for A (FRA), B (POL)"  # each holds its own


def test_a_fuel_substitution_is_reported_with_its_caveat() -> None:
    jet = Platform.model_validate(
        {
            "id": "CIVIL-JET",
            "name": "Civil charter jet",
            "category": "airlift",
            "domain": "air",
            "fuels": ["F-35"],
        }
    )
    catalogue = CATALOGUE.with_platforms([jet])
    result = analyse_interop(
        exercise(
            [
                unit("C", "FRA", "CIVIL-JET"),
                unit("M", "POL", "F-16C"),
                unit("S", "FRA", "TIDE-CLASS"),
                unit("T", "POL", "ROLE1-AID-STATION"),
            ]
        ),
        catalogue,
    )
    assert result.cell(D.FUEL, "C", "M").state is State.COMPATIBLE  # the F-16 burns F-35 as well
    substitution = result.cell(D.FUEL, "S", "T")  # F-76 ship, F-54 generator
    assert substitution.state is State.BRIDGED
    assert substitution.via is not None
    assert substitution.via.startswith(
        "F-54 for F-76: Commercial diesel may replace F-76 if it meets the flash point"
    )
    assert substitution.via.endswith("[check]")
    assert any(b["domain"] == "fuel" and "F-54 for F-76" in str(b["via"]) for b in result.bridges())


def test_interpreters_liaison_officers_and_waivers_bridge_nations() -> None:
    participants = [
        {"nation": "FRA", "languages": ["fr"], "interpreters": ["ja"]},
        {"nation": "JPN", "languages": ["ja"]},
        {"nation": "KOR", "languages": ["ko"], "liaison_officers_to": ["FRA"]},
        {"nation": "IDN", "languages": ["id"]},
    ]
    units = [unit(f"{n}-1", n) for n in ("FRA", "JPN", "KOR", "IDN")]
    waiver = {"waivers": [{"domain": "human", "nations": ["JPN", "IDN"], "note": "bilingual staff"}]}
    result = analyse_interop(exercise(units, participants=participants, **waiver), CATALOGUE)
    assert result.cell(D.HUMAN, "FRA-1", "JPN-1").via == "FRA interpreters for ja"
    assert result.cell(D.HUMAN, "FRA-1", "KOR-1").via == "KOR liaison officers to FRA"
    assert result.cell(D.HUMAN, "JPN-1", "IDN-1").via == "waiver: bilingual staff"
    assert result.cell(D.HUMAN, "KOR-1", "IDN-1").state is State.INCOMPATIBLE


@pytest.mark.parametrize(
    ("best", "expected"),
    [
        ({}, 0),
        ({D.VOICE: 3}, 1),
        ({D.VOICE: 1, D.DATA_LINK: 2}, 2),
        ({D.DATA_LINK: 3, D.C2: 3, D.PROCEDURAL: 1, D.HUMAN: 3}, 3),
        ({D.DATA_LINK: 3, D.C2: 2, D.PROCEDURAL: 0, D.HUMAN: 3}, 4),
    ],
)
def test_the_degree_rule(best: dict[InteropDomain, int], expected: int) -> None:
    assert degree(best) == expected


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_the_engine_agrees_with_the_pairwise_reference_on_every_pair(path: object) -> None:
    loaded = load_exercise(path)  # type: ignore[arg-type]
    result = analyse_interop(loaded.exercise, loaded.catalogue)
    reference = pairwise_matrices(
        loaded.exercise, loaded.catalogue, unit_profiles(loaded.exercise, loaded.catalogue)
    )
    for domain, expected in reference.items():
        np.testing.assert_array_equal(result.domains[domain].unit_matrix(), expected, err_msg=domain.value)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_pair_counts_cover_every_ordered_pair_of_distinct_units(path: object) -> None:
    loaded = load_exercise(path)  # type: ignore[arg-type]
    result = analyse_interop(loaded.exercise, loaded.catalogue)
    per_nation = np.array([sum(1 for u in loaded.exercise.units if u.nation == n) for n in result.nations])
    expected = np.outer(per_nation, per_nation) - np.diag(per_nation)
    for domain_result in result.domains.values():
        np.testing.assert_array_equal(domain_result.counts.sum(axis=0), expected)


def test_the_flagship_finds_the_voyager_gap_and_the_tanker_that_closes_it() -> None:
    loaded = load_exercise(EXAMPLES[0])
    result = analyse_interop(loaded.exercise, loaded.catalogue)
    (gap,) = [g for g in result.gaps if g.problem == "F-35A needs a boom (receptacle); VOYAGER offers drogue"]
    assert (
        gap.remedy == "assign a tanker offering a boom to NLD-F35 (NLD), USA-F35 (USA): KC-135R (USA-TANKER)"
    )
    assert gap.critical_pairs == 2 and gap.vignettes == ("V-AAR-TRAIL",)
    assert all(1 <= p.nato_degree <= 4 for p in result.pairs)


def test_a_fuel_refusal_and_a_waiver_agree_with_the_reference() -> None:
    participants = [
        {"nation": "USA", "languages": ["en"]},
        {"nation": "JPN", "languages": ["ja"]},
        {"nation": "FRA", "languages": ["fr"]},
    ]
    overrides = {
        "clearances": [
            {
                "domain": "fuel",
                "provider": "USA",
                "receiver": "JPN",
                "cleared": False,
                "source": "no bilateral fuel agreement",
            }
        ],
        "waivers": [{"domain": "human", "nations": ["JPN", "FRA"], "note": "English-speaking staff"}],
    }
    built = exercise(
        [unit("U", "USA", "F-16C"), unit("J", "JPN", "F-2A"), unit("F", "FRA", "RAFALE-B")],
        participants=participants,
        **overrides,
    )
    result = analyse_interop(built, CATALOGUE)
    refused = result.cell(D.FUEL, "U", "J")
    assert (refused.state, refused.reason) == (
        State.INCOMPATIBLE,
        "not cleared (no bilateral fuel agreement)",
    )
    assert result.cell(D.FUEL, "J", "U").state is State.COMPATIBLE  # the refusal is one way
    assert result.cell(D.HUMAN, "J", "F").via == "waiver: English-speaking staff"
    reference = pairwise_matrices(built, CATALOGUE, unit_profiles(built, CATALOGUE))
    for domain, expected in reference.items():
        np.testing.assert_array_equal(result.domains[domain].unit_matrix(), expected, err_msg=domain.value)


NATION_LEVEL = (D.GEOSPATIAL, D.PROCEDURAL, D.HUMAN)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_a_nation_paired_with_itself_is_its_own_units_paired(path: object) -> None:
    """The diagonal of every domain's nation matrix: in the nation-level domains a nation's units always
    work together (they share its datum, procedures and language); in the equipment domains they are
    judged pair by pair, like any other units (the reference's best state over the nation's unit pairs)."""
    loaded = load_exercise(path)  # type: ignore[arg-type]
    result = analyse_interop(loaded.exercise, loaded.catalogue)
    reference = pairwise_matrices(
        loaded.exercise, loaded.catalogue, unit_profiles(loaded.exercise, loaded.catalogue)
    )
    units_of = {n: [i for i, u in enumerate(loaded.exercise.units) if u.nation == n] for n in result.nations}
    for domain, domain_result in result.domains.items():
        for k, nation in enumerate(result.nations):
            own = units_of[nation]
            if len(own) < 2:
                assert domain_result.state[k, k] == State.NOT_APPLICABLE
                continue
            best = max(int(reference[domain][i, j]) for i in own for j in own if i != j)
            assert domain_result.state[k, k] == best, (domain.value, nation)
            if domain in NATION_LEVEL and best != State.NOT_APPLICABLE:
                assert domain_result.state[k, k] == State.COMPATIBLE, (domain.value, nation)
                assert domain_result.score[k, k] == 1.0, (domain.value, nation)


def test_a_nation_lacking_a_required_standard_still_works_with_itself() -> None:
    participants = [
        {"nation": "FRA", "languages": ["fr"]},
        {"nation": "POL", "languages": ["pl"], "standards": ["STANAG 2014"]},
    ]
    units = [
        unit("FRA-1", "FRA", waveforms=["HAVEQUICK-II"], key_material=["K1"]),
        unit("FRA-2", "FRA", waveforms=["SINCGARS"], key_material=["K1"]),
        unit("POL-1", "POL"),
    ]
    result = analyse_interop(
        exercise(units, participants=participants, required_standards=["STANAG 2014"]), CATALOGUE
    )
    assert result.cell(D.PROCEDURAL, "FRA-1", "FRA-2").state is State.COMPATIBLE
    assert result.cell(D.PROCEDURAL, "FRA-1", "POL-1").state is State.INCOMPATIBLE
    assert [g.problem for g in result.gaps if g.domain == "procedural"] == ["FRA has not adopted STANAG 2014"]
    assert next(g for g in result.gaps if g.domain == "procedural").critical_pairs == 2  # FRA-x with POL-1
    # Equipment is judged as it is, whatever the flag: two French radios on different waveforms do not talk.
    assert result.cell(D.VOICE, "FRA-1", "FRA-2").state is State.INCOMPATIBLE
