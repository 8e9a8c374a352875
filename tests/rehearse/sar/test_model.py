"""The SAR plug-in end to end: reproducible runs, the probability of success against its closed form,
survival, the value of each nation's units, the two allocations, the detail, the charts and the map."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.special import ndtr

from jointex.catalogue.catalogue import builtin_catalogue
from jointex.errors import InputError
from jointex.model import Exercise
from jointex.model.vignette_kind import VignetteKind
from jointex.rehearse.engine import Estimate, run_replications
from jointex.rehearse.engine.streams import replication_keys
from jointex.rehearse.vignettes.plugin import SINGLE_RUN, Rehearsed, Setting
from jointex.rehearse.vignettes.registry import vignette_model
from jointex.rehearse.vignettes.sar import VIGNETTE
from jointex.rehearse.vignettes.sar.compile import SarVignette
from jointex.rehearse.vignettes.sar.detail import SarDetail
from tests.rehearse.sar.scenes import CALM, NO_LEEWAY, helicopter, sar_exercise
from tests.rehearse.scenes import at

STILL = {"type": "person_in_water", "leeway": NO_LEEWAY}
FOREVER = {"median_h": 1_000, "spread": 0}


def _setting(exercise: Exercise) -> Setting:
    return Setting(exercise, exercise.vignettes[0], builtin_catalogue())


def _three_helicopters() -> Setting:
    return _setting(
        sar_exercise(
            [
                helicopter("H1", "NOR-HELO"),
                helicopter("H2", "USA-HELO", pattern="expanding_square"),
                helicopter("H3", "USA-HELO", pattern="sector", available_after_h=3),
            ]
        )
    )


def test_the_kind_is_registered_with_its_two_allocations() -> None:
    assert vignette_model(VignetteKind.SAR) is VIGNETTE
    assert VIGNETTE.modes == ("optimal", "uniform")
    assert VIGNETTE.runs_for(None) == ("optimal",) and VIGNETTE.runs_for("both") == ("optimal", "uniform")
    assert SINGLE_RUN not in VIGNETTE.modes
    with pytest.raises(InputError):
        VIGNETTE.runs_for("random")


def test_a_run_is_the_same_whatever_the_batch_size() -> None:
    compiled = VIGNETTE.compile(_three_helicopters(), "optimal")
    whole = run_replications(compiled, 600, seed=5, batch_size=600)
    pieces = run_replications(compiled, 600, seed=5, batch_size=37)
    assert whole.columns.keys() == pieces.columns.keys()
    for metric, values in whole.columns.items():
        assert np.array_equal(values, pieces.columns[metric], equal_nan=True), metric
    assert not np.array_equal(
        whole.columns["sar.pos"], run_replications(compiled, 600, seed=6).columns["sar.pos"]
    )


def test_the_probability_of_success_matches_its_closed_form() -> None:
    """A still object about the datum (2 NM in each direction), a parallel sweep at S = W under the
    definite-range law over a 6 NM wide band centred on it (40 NM long: its ends are out of reach), no
    deaths: POS = P(|x| < 3 NM) = 2 Phi(1.5) - 1 = 0.866."""
    area = {"centre": at(0, 0), "length_nm": 40.0, "width_nm": 6.0, "orientation_deg": 0.0}
    exercise = sar_exercise(
        [helicopter("H1", "NOR-HELO", endurance_h=8, sweep_width_nm=0.5, area=area, track_spacing_nm=0.5)],
        detection="definite_range",
        datum={"position": at(0, 0), "hours_before_start": 2, "position_error_nm": 2.0},
        search_object=STILL,
        environment={**CALM, "water_temperature_c": 25},
        survival=FOREVER,
    )
    compiled = VIGNETTE.compile(_setting(exercise), "optimal")
    table = run_replications(compiled, 4_000, seed=2)
    analytic = 2 * float(ndtr(3.0 / 2.0)) - 1
    pos = Estimate.of_metric("sar.pos", table.columns["sar.pos"])
    assert abs(pos.mean - analytic) < 4 * math.sqrt(analytic * (1 - analytic) / 4_000)
    assert pos.ci_low <= analytic <= pos.ci_high or abs(pos.mean - analytic) < 0.02
    assert np.array_equal(table.columns["sar.found"], table.columns["sar.pos"])
    assert np.array_equal(table.columns["sar.lives_saved"], table.columns["sar.pos"])


def test_someone_found_after_death_is_not_a_life_saved() -> None:
    exercise = sar_exercise(
        [helicopter("H1", "NOR-HELO")],
        search_object={"type": "person_in_water", "people": 3},
        survival={"median_h": 0.5, "spread": 0},  # all three die 1.5 h before the search begins
    )
    table = run_replications(VIGNETTE.compile(_setting(exercise), "optimal"), 500, seed=1)
    assert table.columns["sar.found"].mean() > 0.5
    assert not table.columns["sar.pos"].any() and not table.columns["sar.lives_saved"].any()
    found = np.isfinite(table.columns["sar.time_to_find_h"])
    assert np.array_equal(found, table.columns["sar.found"].astype(bool))


def test_lives_saved_are_the_people_still_alive_when_found() -> None:
    exercise = sar_exercise(
        [helicopter("H1", "NOR-HELO")],
        search_object={"type": "person_in_water", "people": 5},
        survival={"median_h": 4.0, "spread": 0.5},
    )
    compiled = VIGNETTE.compile(_setting(exercise), "optimal")
    assert isinstance(compiled, SarVignette)
    keys = replication_keys(3, 0, 800)
    outcome = compiled.outcome(keys)
    columns = compiled.run(keys)
    lives = columns["sar.lives_saved"]
    assert set(np.unique(lives)) <= set(range(6)) and 0 < lives.mean() < 5
    assert np.array_equal(columns["sar.pos"], (lives > 0).astype(float))
    assert not lives[~np.isfinite(outcome.found_h[:, 0])].any()
    late = columns["sar.time_to_find_h"] > 4.0 + 1.0  # found after most would have died
    early = columns["sar.time_to_find_h"] < 1.0
    assert lives[early].mean() > lives[late].mean()


def test_a_nation_whose_units_cannot_see_the_object_adds_nothing() -> None:
    """Norway's only unit searches by radar, which cannot see a person in the water: its value is 0 in
    every replication and its share of the effort 0; the US units' value is the whole success."""
    exercise = sar_exercise([helicopter("H1", "NOR-HELO", sensor="radar"), helicopter("H2", "USA-HELO")])
    compiled = VIGNETTE.compile(_setting(exercise), "optimal")
    assert any("radar cannot detect" in c for c in compiled.caveats)
    table = run_replications(compiled, 500, seed=4)
    assert not table.columns["sar.value_pos.NOR"].any()
    assert np.array_equal(table.columns["sar.value_pos.USA"], table.columns["sar.pos"])
    assert table.columns["sar.effort_share_pct.NOR"][0] == 0
    assert table.columns["sar.effort_share_pct.USA"][0] == pytest.approx(100)


def test_the_optimal_allocation_beats_even_coverage_on_the_same_draws() -> None:
    setting = _three_helicopters()
    keys = replication_keys(8, 0, 2_000)
    optimal, uniform = (VIGNETTE.compile(setting, mode) for mode in VIGNETTE.modes)
    assert isinstance(optimal, SarVignette) and isinstance(uniform, SarVignette)
    gain = optimal.run(keys)["sar.pos"] - uniform.run(keys)["sar.pos"]
    assert gain.mean() - 4 * gain.std() / math.sqrt(len(gain)) > 0
    assert optimal.plan.planned_pod > uniform.plan.planned_pod


def test_the_detail_tells_hours_nations_and_allocations() -> None:
    setting = _three_helicopters()
    compiled = VIGNETTE.compile(setting, "optimal")
    runs = {"optimal": run_replications(compiled, 400, seed=1)}
    detail = VIGNETTE.detail(setting, compiled, runs, 1)
    assert isinstance(detail, SarDetail)
    hours, nations, allocations = detail.tables()
    assert [row[0] for row in hours.rows] == [str(h) for h in range(1, 13)]
    assert {row[0] for row in nations.rows} == {"NOR", "USA"}
    assert nations.rows[0][0] == "USA"  # two of the three units: most effort first
    assert [row[0] for row in allocations.rows] == ["optimal", "uniform"]
    assert allocations.rows[1][2:] == ("not run",) * 4
    data = detail.to_dict()
    assert len(data["pos_by_hour"]["optimal"]) == 12
    assert data["pos_by_hour"]["optimal"][-1]["mean"] == pytest.approx(
        runs["optimal"].columns["sar.pos"].mean()
    )
    assert sum(n["effort_share_pct"] for n in data["nations"]) == pytest.approx(100)
    assert {a["allocation"] for a in data["allocations"]} == {"optimal", "uniform"}
    assert not VIGNETTE.estimated("sar.pos_h3") and VIGNETTE.estimated("sar.pos")


def test_the_report_has_the_chart_by_hour_and_the_map() -> None:
    setting = _three_helicopters()
    compiled = VIGNETTE.compile(setting, "optimal")
    runs = {"optimal": run_replications(compiled, 200, seed=1)}
    rehearsed = Rehearsed(setting, runs, 1, VIGNETTE.detail(setting, compiled, runs, 1), {"sar.pos": 0.9})
    chart, drawn = VIGNETTE.figures(rehearsed, setting.exercise.label)
    assert chart.markup.startswith('<img src="data:image/png;base64,') and "target" in chart.caption
    assert drawn.markup.startswith("<svg") or drawn.warnings
    document = VIGNETTE.map(setting, setting.exercise.label)
    assert document.title == "Search"
    assert {"H1", "H2", "H3"} <= {row.name for row in document.rows}


def test_a_unit_without_a_place_needs_a_base() -> None:
    exercise = sar_exercise([{**helicopter("H1", "NOR-HELO"), "transit_nm": None}])
    units = tuple(u.model_copy(update={"exercise_location": None}) for u in exercise.units)
    placeless = exercise.model_copy(update={"units": units})
    with pytest.raises(InputError) as raised:
        VIGNETTE.compile(_setting(placeless), "optimal")
    assert raised.value.problems[0].field[-1] == "base"


def test_a_unit_too_far_to_search_is_said_so() -> None:
    exercise = sar_exercise([helicopter("H1", "NOR-HELO"), helicopter("H2", "USA-HELO", transit_nm=400)])
    compiled = VIGNETTE.compile(_setting(exercise), "optimal")
    assert any(c.startswith("H2 cannot reach the search area") for c in compiled.caveats)


def test_a_withheld_unit_takes_its_search_units_with_it() -> None:
    from jointex.security.release import releasable_parameters

    exercise = sar_exercise([helicopter("H1", "NOR-HELO"), helicopter("H2", "USA-HELO")])
    vignette = exercise.vignettes[0]
    kept = releasable_parameters(vignette, {"USA-HELO"})
    assert kept is not None and [a.id for a in kept.assets] == ["H2"]  # type: ignore[attr-defined]
    assert releasable_parameters(vignette, set()) is None  # a search without search units is withheld


def test_a_search_unit_of_a_unit_not_taking_part_is_reported() -> None:
    from jointex.analyse.integrity.vignettes import check_vignette_parameters

    exercise = sar_exercise([helicopter("H1", "NOR-HELO"), helicopter("H2", "USA-HELO")])
    vignette = exercise.vignettes[0].model_copy(update={"units": ("NOR-HELO",)})
    problems = check_vignette_parameters(exercise.model_copy(update={"vignettes": (vignette,)}))
    assert [p.field for p in problems] == [("vignettes", 0, "parameters", "assets", 1, "unit")]
    assert "USA-HELO" in problems[0].message
