"""The IAMD vignette as a plug-in: the registry finds it, it compiles either air picture from a setting,
refuses a mode it does not have, reports its costs in the vignette's currency and draws its figures."""

from __future__ import annotations

import numpy as np
import pydantic
import pytest

from jointex.errors import InputError
from jointex.model import VignetteKind
from jointex.model.iamd import IamdParameters
from jointex.rehearse.engine import StoppingRule, run_replications
from jointex.rehearse.vignettes.iamd import VIGNETTE, CostDetail
from jointex.rehearse.vignettes.plugin import CompiledVignette, Rehearsed, Setting
from jointex.rehearse.vignettes.registry import vignette_model
from jointex.service.exercises import load_exercise
from tests.conftest import REPO

FLAGSHIP = REPO / "examples" / "baltic-shield" / "exercise.yaml"


@pytest.fixture(scope="module")
def setting() -> Setting:
    loaded = load_exercise(FLAGSHIP)
    vignette = next(v for v in loaded.exercise.vignettes if v.kind is VignetteKind.IAMD)
    return Setting(loaded.exercise, vignette, loaded.catalogue)


def test_the_registry_gives_the_iamd_package_s_model() -> None:
    assert vignette_model(VignetteKind.IAMD) is VIGNETTE
    assert VIGNETTE.modes == ("integrated", "national")


def test_the_national_mode_compiles_and_runs_with_no_track_crossing_between_nations(setting: Setting) -> None:
    national: CompiledVignette = VIGNETTE.compile(setting, "national")
    integrated = VIGNETTE.compile(setting, "integrated")
    apart = ~np.eye(len(integrated.nations), dtype=bool)
    assert np.isinf(national.scene.nation_latency_s[apart]).all()  # type: ignore[attr-defined]
    assert np.isfinite(integrated.scene.nation_latency_s[apart]).any()  # the flagship's nations share links
    assert isinstance(national.stopping, StoppingRule)
    assert national.headline == ("iamd.leak_probability",)

    table = run_replications(national, 40, seed=5)
    assert list(table.columns) == list(national.metrics)
    leak = table.columns["iamd.leak_probability"]
    assert len(leak) == 40 and ((leak >= 0) & (leak <= 1)).all()


@pytest.mark.parametrize("mode", ["coalition", "INTEGRATED", ""])
def test_a_mode_the_kind_does_not_have_is_refused(mode: str) -> None:
    with pytest.raises(InputError) as raised:
        VIGNETTE.runs_for(mode)
    [problem] = raised.value.problems
    assert problem.field == ("--mode",)
    assert problem.expected == "one of integrated, national, both"


def test_the_runs_a_request_makes() -> None:
    assert VIGNETTE.runs_for(None) == ("integrated",)
    assert VIGNETTE.runs_for("national") == ("national",)
    assert VIGNETTE.runs_for("both") == ("integrated", "national")


def _rehearsed(setting: Setting, modes: tuple[str, ...], replications: int = 30) -> Rehearsed:
    runs = {mode: run_replications(VIGNETTE.compile(setting, mode), replications, seed=2) for mode in modes}
    compiled = VIGNETTE.compile(setting, modes[0])
    return Rehearsed(setting, runs, 2, VIGNETTE.detail(setting, compiled, runs, 2))


def test_costs_are_told_in_the_vignette_s_currency(setting: Setting) -> None:
    rehearsed = _rehearsed(setting, ("integrated", "national"))
    detail = rehearsed.detail
    assert isinstance(detail, CostDetail)
    assert detail.to_dict()["currency"] == "USD"  # the default
    [table] = detail.tables()
    assert table.title == "Costs (USD million)"
    assert [row[0] for row in table.rows] == ["integrated", "national"]
    mean = rehearsed.runs["national"].summary()["iamd.interceptor_cost_millions"].mean
    assert detail.interceptor_cost_millions["national"].mean == mean

    parameters = setting.vignette.parameters_as(IamdParameters)
    in_nok = setting.vignette.model_copy(
        update={"parameters": parameters.model_copy(update={"currency": "NOK"})}
    )
    nok = Setting(setting.exercise, in_nok, setting.catalogue, setting.interop)
    compiled = VIGNETTE.compile(setting, "integrated")  # the same scene: the costs are only read in NOK
    [nok_table] = VIGNETTE.detail(nok, compiled, rehearsed.runs, 2).tables()
    assert nok_table.title == "Costs (NOK million)"


def test_a_currency_that_is_no_iso_4217_code_is_refused(setting: Setting) -> None:
    data = setting.vignette.parameters_as(IamdParameters).model_dump(mode="json")
    with pytest.raises(pydantic.ValidationError, match="'DOLLARS' is not an ISO 4217 currency code"):
        IamdParameters.model_validate({**data, "currency": "DOLLARS"})
    assert IamdParameters.model_validate({**data, "currency": "eur"}).currency == "EUR"


def test_the_report_shows_the_map_then_leakers_and_rounds_one_bar_per_mode(setting: Setting) -> None:
    from jointex.model import Label

    figures = VIGNETTE.figures(_rehearsed(setting, ("integrated", "national"), 10), Label())
    assert [f.title for f in figures] == [
        "Map of the vignette",
        "Leakers per defended asset",
        "Interceptors fired per nation",
    ]
    drawn, *charts = figures
    assert drawn.markup.startswith("<svg") and 'aria-label="' in drawn.markup and not drawn.warnings
    assert all(chart.markup.startswith('<img src="data:image/png;base64,') for chart in charts)


@pytest.mark.usefixtures("without_cairo")
def test_without_cairo_the_report_goes_without_its_map_and_says_what_to_install(setting: Setting) -> None:
    from jointex.model import Label

    drawn, *charts = VIGNETTE.figures(_rehearsed(setting, ("integrated",), 10), Label())
    assert drawn.markup == ""
    [warning] = drawn.warnings
    assert warning.message.startswith("written without its map: maps need Cairo")
    assert "install it" in warning.message
    assert len(charts) == 2
