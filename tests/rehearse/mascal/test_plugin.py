"""The MASCAL plug-in as the rest of jointex uses it: found by its kind, one way of running, a detail
with tables and JSON, a flow diagram of the chain and a map."""

from __future__ import annotations

import json

import pytest

from jointex.catalogue import builtin_catalogue
from jointex.errors import InputError
from jointex.model.labels import UNCLASSIFIED
from jointex.model.vignette_kind import VignetteKind
from jointex.rehearse.engine import run_replications
from jointex.rehearse.vignettes.mascal import VIGNETTE
from jointex.rehearse.vignettes.mascal.detail import MascalDetail
from jointex.rehearse.vignettes.plugin import SINGLE_RUN, Rehearsed, Setting
from jointex.rehearse.vignettes.registry import vignette_model
from tests.rehearse.mascal.scenes import chain, exercise


@pytest.fixture(scope="module")
def rehearsed() -> Rehearsed:
    parameters = chain(
        80,
        evacuation=[
            {"id": "AMB", "name": "Ambulances", "unit": "NOR-MED", "type": "ambulance", "count": 4},
            {
                "id": "HELO",
                "name": "MEDEVAC",
                "unit": "USA-MED",
                "type": "helicopter",
                "count": 1,
                "base": "60.0, 11.2",
            },
        ],
    )
    parameters["facilities"][0]["treatment_teams"] = 8
    ex = exercise(parameters)
    setting = Setting(ex, ex.vignettes[0], builtin_catalogue())
    compiled = VIGNETTE.compile(setting, SINGLE_RUN)
    runs = {SINGLE_RUN: run_replications(compiled, 60, seed=5)}
    return Rehearsed(setting, runs, 5, VIGNETTE.detail(setting, compiled, runs, 5))


def test_the_registry_finds_the_kind() -> None:
    assert vignette_model(VignetteKind.MASCAL) is VIGNETTE
    assert VIGNETTE.runs_for(None) == (SINGLE_RUN,)
    with pytest.raises(InputError, match="runs only one way"):
        VIGNETTE.runs_for("both")


def test_the_estimates_table_keeps_the_chains_headline(rehearsed: Rehearsed) -> None:
    metrics = list(rehearsed.runs[SINGLE_RUN].columns)
    shown = [m for m in metrics if VIGNETTE.estimated(m)]
    assert "mascal.surgery_within_2h_pct" in shown and "mascal.deaths" in shown
    assert not any(".R2" in m or ".HELO" in m or ".USA" in m for m in shown)


def test_the_detail_names_the_bottleneck_and_the_best_what_if(rehearsed: Rehearsed) -> None:
    detail = rehearsed.detail
    assert isinstance(detail, MascalDetail)
    # one helicopter for 80 casualties: casualties wait longest for it at the aid station or the scene
    assert detail.bottleneck is not None and detail.bottleneck.stage == "evacuation"
    best = detail.best_what_if()
    assert best is not None and (best.kind, best.id) == ("vehicle", "HELO")
    data = json.loads(json.dumps(detail.to_dict()))
    assert data["best_what_if"] == {"kind": "vehicle", "id": "HELO"}
    assert {f["id"] for f in data["facilities"]} == {"R1", "R2", "HOSP"}
    assert sum(leg["casualties"] for leg in data["legs"] if leg["from"] == "BLAST") > 0
    titles = [table.title for table in detail.tables()]
    assert titles == [
        "Facilities: queues, waiting and utilisation",
        "Evacuation",
        "Evacuation legs",
        "Waits for evacuation",
        "Load by nation",
        "What one more would change",
    ]
    for table in detail.tables():
        assert all(len(row) == len(table.columns) for row in table.rows)
    assert "Most useful: one more vehicle of MEDEVAC." in detail.tables()[-1].note


def test_the_report_draws_the_chain_and_its_map(rehearsed: Rehearsed) -> None:
    chain_figure, map_figure = VIGNETTE.figures(rehearsed, UNCLASSIFIED)
    assert chain_figure.markup.startswith("<svg") and chain_figure.markup.endswith("</svg>")
    for name in ("Blast", "Aid station", "Field hospital", "City hospital", "bottleneck"):
        assert name in chain_figure.markup
    assert map_figure.markup.startswith("<svg") or map_figure.warnings
