"""Gaps name the nations that must act on their remedy: the one lacking the standard, radio, key or tanker,
or both sides of an agreement (issue 13, point 3)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from jointex import load_exercise
from jointex.analyse.interop import State, analyse_interop
from jointex.analyse.interop.gaps import Gap
from jointex.model import InteropDomain, Platform
from tests.analyse.test_interop import CATALOGUE, exercise, unit
from tests.conftest import EXAMPLES

D = InteropDomain


def gap_of(units: list[dict[str, Any]], domain: InteropDomain, **options: Any) -> Gap:
    """The one gap of ``domain`` in an exercise of ``units`` (all in one vignette)."""
    result = analyse_interop(exercise(units, **options), CATALOGUE)
    (gap,) = [g for g in result.gaps if g.domain == domain.value and g.critical_pairs > 0]
    return gap


def test_a_receiver_no_tanker_can_refuel_is_its_own_nation_s_to_solve() -> None:
    gap = gap_of([unit("GBR-VOY", "GBR", "VOYAGER"), unit("USA-A", "USA", "F-35A")], D.AAR)
    assert gap.problem == "F-35A needs a boom (receptacle); VOYAGER offers drogue"
    assert (gap.nations, gap.owners) == (("GBR", "USA"), ("USA",))


def test_a_sortie_conflict_is_the_tanker_nation_s_to_plan() -> None:
    units = [unit("USA-KC", "USA", "KC-135R"), unit("NLD-A", "NLD", "F-35A"), unit("GBR-B", "GBR", "F-35B")]
    result = analyse_interop(exercise(units), CATALOGUE)
    (gap,) = [g for g in result.gaps if "same sortie" in g.problem]
    assert gap.owners == ("USA",)


def test_a_receiver_type_no_tanker_in_the_exercise_serves_is_owned_by_the_nations_flying_it() -> None:
    units = [unit("GBR-VOY", "GBR", "VOYAGER"), unit("USA-A", "USA", "F-35A"), unit("NLD-A", "NLD", "F-35A")]
    result = analyse_interop(exercise(units), CATALOGUE)
    (gap,) = [g for g in result.gaps if g.problem == "no tanker in the exercise can refuel F-35A"]
    assert gap.owners == ("NLD", "USA")


def test_fuel_and_ammunition_shortfalls_are_for_each_side_to_supply() -> None:
    jet = Platform.model_validate(
        {"id": "CIVIL-JET", "name": "Civil jet", "category": "airlift", "domain": "air", "fuels": ["F-35"]}
    )
    fuel = analyse_interop(
        exercise([unit("FRA-S", "FRA", "TIDE-CLASS"), unit("POL-J", "POL", "CIVIL-JET")]),
        CATALOGUE.with_platforms([jet]),
    )
    assert fuel.cell(D.FUEL, "FRA-S", "POL-J").state is State.INCOMPATIBLE
    (gap,) = [g for g in fuel.gaps if g.domain == "fuel"]
    assert gap.owners == ("FRA", "POL")
    assert "FRA-S" in gap.remedy and "POL-J" in gap.remedy
    gap = gap_of([unit("GBR-T", "GBR", "EF-2000"), unit("NLD-F", "NLD", "F-35A")], D.AMMUNITION)
    assert gap.owners == ("GBR", "NLD")
    assert "GBR-T" in gap.remedy and "NLD-F" in gap.remedy


def test_a_gateway_between_two_links_or_c2_systems_is_an_agreement_of_both() -> None:
    links = [unit("FRA-1", "FRA", data_links=["LINK-11"]), unit("POL-1", "POL", data_links=["LINK-22"])]
    assert gap_of(links, D.DATA_LINK).owners == ("FRA", "POL")
    c2 = [unit("LTU-1", "LTU", c2_systems=["ACCS"]), unit("USA-1", "USA", c2_systems=["IBCS"])]
    gap = gap_of(c2, D.C2)
    assert gap.problem == "no common C2 system: ACCS vs IBCS"
    assert gap.owners == ("LTU", "USA")


def test_key_material_is_for_the_nation_lacking_it_or_both_when_neither_holds_any() -> None:
    one_holds = [
        unit("FRA-1", "FRA", waveforms=["HAVEQUICK-II"], key_material=["K1"]),
        unit("POL-1", "POL", waveforms=["HAVEQUICK-II"]),
    ]
    for units in (one_holds, one_holds[::-1]):
        gap = gap_of(units, D.VOICE)
        assert gap.remedy == "distribute key material K1, held by FRA-1, to POL-1 (POL)"
        assert gap.owners == ("POL",)
    none_holds = [unit("FRA-1", "FRA", waveforms=["VHF-AM"]), unit("POL-1", "POL", waveforms=["VHF-AM"])]
    gap = gap_of(none_holds, D.VOICE)
    assert gap.remedy == "agree common key material for FRA-1 (FRA), POL-1 (POL)"
    assert gap.owners == ("FRA", "POL")


def test_keys_held_by_each_side_go_to_the_side_holding_the_less_widely_held_one() -> None:
    units = [
        unit("FRA-1", "FRA", waveforms=["HAVEQUICK-II"], key_material=["K1"]),
        unit("GBR-1", "GBR", waveforms=["HAVEQUICK-II"], key_material=["K1"]),
        unit("POL-1", "POL", waveforms=["HAVEQUICK-II"], key_material=["K2"]),
    ]
    for order in (units, units[::-1]):
        gap = gap_of(order, D.VOICE)
        assert gap.critical_pairs == 2  # POL-1 with FRA-1, and with GBR-1
        assert (gap.remedy, gap.owners) == (
            "distribute key material K1, held by FRA-1, to POL-1 (POL)",
            ("POL",),
        )


def radios(*held: tuple[str, str, str]) -> list[dict[str, Any]]:
    """Units ``(id, nation, waveform)``, all holding key K1, so that only waveforms can part them."""
    return [unit(uid, nation, waveforms=[waveform], key_material=["K1"]) for uid, nation, waveform in held]


@pytest.mark.parametrize("reverse", [False, True], ids=["file order", "reversed"])
def test_a_radio_goes_to_the_side_off_the_more_widely_held_waveform_whatever_the_unit_order(
    reverse: bool,
) -> None:
    units = radios(
        ("POL-1", "POL", "SINCGARS"), ("FRA-1", "FRA", "HAVEQUICK-II"), ("GBR-1", "GBR", "HAVEQUICK-II")
    )
    gap = gap_of(units[::-1] if reverse else units, D.VOICE)
    assert gap.problem == "no common waveform: HAVEQUICK-II vs SINCGARS"
    assert gap.critical_pairs == 2  # POL-1 with FRA-1, and with GBR-1
    assert gap.remedy == "issue POL-1 (POL) a radio on HAVEQUICK-II"
    assert gap.owners == ("POL",)


@pytest.mark.parametrize("reverse", [False, True], ids=["file order", "reversed"])
def test_waveforms_held_as_widely_on_each_side_are_for_both_nations_to_agree(reverse: bool) -> None:
    units = radios(("FRA-1", "FRA", "HAVEQUICK-II"), ("POL-1", "POL", "SINCGARS"))
    gap = gap_of(units[::-1] if reverse else units, D.VOICE)
    assert gap.remedy == (
        "agree a common waveform (HAVEQUICK-II or SINCGARS) "
        "and issue radios on it to FRA-1 (FRA), POL-1 (POL)"
    )
    assert gap.owners == ("FRA", "POL")


def test_a_gap_over_several_pairs_names_everyone_who_must_act_in_its_remedy() -> None:
    units = radios(
        ("FRA-1", "FRA", "HAVEQUICK-II"),
        ("POL-1", "POL", "SINCGARS"),
        ("GBR-1", "GBR", "HAVEQUICK-II"),
        ("LTU-1", "LTU", "SINCGARS"),
        ("USA-1", "USA", "HAVEQUICK-II"),
    )
    gap = gap_of(units, D.VOICE)
    assert gap.critical_pairs == 6
    assert gap.owners == ("LTU", "POL")
    assert gap.remedy == "issue LTU-1 (LTU), POL-1 (POL) a radio on HAVEQUICK-II"


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_every_unit_a_remedy_names_to_act_belongs_to_an_owner_and_every_owner_is_named(path: Path) -> None:
    """Where a remedy names the units that must act (``POL-1 (POL)``), those are the gap's owners: one
    pair's units do not stand for a gap that several nations must act on."""
    loaded = load_exercise(path)
    named = 0
    for gap in analyse_interop(loaded.exercise, loaded.catalogue).gaps:
        acting = {m.group(1) for m in re.finditer(r"[\w-]+ \(([A-Z]{3})[,)]", gap.remedy)}
        if acting:
            named += 1
            assert acting == set(gap.owners), (gap.problem, gap.remedy)
    assert named > 0


def test_a_refused_clearance_is_for_both_nations_to_lift() -> None:
    units = [
        unit("FRA-1", "FRA", waveforms=["HAVEQUICK-II"], key_material=["K1"]),
        unit("POL-1", "POL", waveforms=["HAVEQUICK-II"], key_material=["K1"]),
    ]
    refusal = {"domain": "voice", "provider": "FRA", "receiver": "POL", "cleared": False, "source": "no MoU"}
    gap = gap_of(units, D.VOICE, clearances=[refusal])
    assert gap.problem == "not cleared (no MoU)"
    assert gap.owners == ("FRA", "POL")


@pytest.mark.parametrize(
    ("datums", "owners"), [(("ED50", "WGS84"), ("FRA",)), (("ED50", "PULKOVO-42"), ("FRA", "POL"))]
)
def test_a_datum_other_than_wgs84_is_for_its_nation_to_change(
    datums: tuple[str, str], owners: tuple[str, ...]
) -> None:
    participants = [
        {"nation": nation, "languages": ["en"], "datum": datum}
        for nation, datum in zip(("FRA", "POL"), datums, strict=True)
    ]
    units = [unit("FRA-1", "FRA"), unit("POL-1", "POL")]
    assert gap_of(units, D.GEOSPATIAL, participants=participants).owners == owners


def test_a_standard_is_for_the_nation_that_has_not_adopted_it_and_a_language_gap_for_both() -> None:
    participants = [
        {"nation": "FRA", "languages": ["fr"], "standards": ["STANAG 2014"]},
        {"nation": "POL", "languages": ["pl"]},
    ]
    units = [unit("FRA-1", "FRA"), unit("POL-1", "POL")]
    options: dict[str, Any] = {"participants": participants, "required_standards": ["STANAG 2014"]}
    procedural = gap_of(units, D.PROCEDURAL, **options)
    assert (procedural.problem, procedural.owners) == ("POL has not adopted STANAG 2014", ("POL",))
    assert gap_of(units, D.HUMAN, **options).owners == ("FRA", "POL")


def test_the_flagship_s_gaps_are_owned_by_the_nations_that_must_act() -> None:
    loaded = load_exercise(EXAMPLES[0])
    assert loaded.exercise.id == "BS27"
    gaps = {g.problem: g for g in analyse_interop(loaded.exercise, loaded.catalogue).gaps}
    assert gaps["LTU has not adopted STANAG 4172"].owners == ("LTU",)
    assert gaps["POL has not adopted STANAG 3971"].owners == ("POL",)
    c2 = gaps["no common C2 system: ACCS vs IBCS"]
    assert len(c2.owners) >= 2 and c2.owners == c2.nations  # both sides of every pair
    for gap in gaps.values():
        assert gap.owners and set(gap.owners) <= set(gap.nations), gap.problem
