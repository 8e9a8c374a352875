"""The relief vignette as a plug-in: one way of running, the detail's tables (sites worst served first, the
rest summed up), the plan files and the report's figures, from a small coast of 14 sites."""

from __future__ import annotations

import csv
import io
import json
import math

import pytest

from jointex.errors import InputError
from jointex.model import Label, VignetteKind
from jointex.rehearse.engine import Estimate, run_replications
from jointex.rehearse.vignettes.hadr import VIGNETTE, ReliefDetail
from jointex.rehearse.vignettes.hadr.summary import WORST_SITES_SHOWN, ReliefSummary
from jointex.rehearse.vignettes.plugin import SINGLE_RUN, Rehearsed
from jointex.rehearse.vignettes.registry import vignette_model
from tests.rehearse.hadr_scenes import QUIET, depot, relief_setting, site, truck

LABEL = Label.model_validate({"classification": "RESTRICTED", "releasable_to": ["NOR"]})


@pytest.fixture(scope="module")
def rehearsed() -> Rehearsed:
    """Three replications of 13 sites a truck reaches and an island only a helicopter could (none
    comes): the island is the worst served, though its id sorts last."""
    sites = [site(f"S{i:02d}", 6 * i, 3 * (i % 4), people=100 * i) for i in range(1, 14)]
    sites.append(site("Z-ISLAND", 20, 30, people=500, name="Isla Verde", access=["helicopter"]))
    setting = relief_setting(
        {
            "sites": sites,
            "sources": [depot("D", 0, 0)],
            "assets": [truck("T", capacity_kg=20_000, crew_duty_h=12)],
            "disruptions": QUIET,
            "planning": {"iterations": 40},
        }
    )
    compiled = VIGNETTE.compile(setting, SINGLE_RUN)
    compiled.workers = 1
    runs = {SINGLE_RUN: run_replications(compiled, 3, seed=2)}
    detail = VIGNETTE.detail(setting, compiled, runs, seed=2)
    return Rehearsed(setting, runs, 2, detail, targets={"hadr.need_met_day2_pct": 80.0})


def _detail(rehearsed: Rehearsed) -> ReliefDetail:
    assert isinstance(rehearsed.detail, ReliefDetail)
    return rehearsed.detail


def test_the_relief_kind_is_registered_and_runs_one_way_only() -> None:
    assert vignette_model(VignetteKind.HADR) is VIGNETTE
    assert VIGNETTE.modes == () and VIGNETTE.runs_for(None) == (SINGLE_RUN,)
    for mode in ("national", "both"):
        with pytest.raises(InputError, match=r"runs only one way") as refused:
            VIGNETTE.runs_for(mode)
        assert refused.value.problems[0].field == ("--mode",)


def test_per_site_and_per_nation_metrics_stay_out_of_the_table_of_estimates() -> None:
    assert VIGNETTE.estimated("hadr.need_met_pct") and VIGNETTE.estimated("hadr.need_met_day2_pct")
    assert not VIGNETTE.estimated("hadr.need_met_pct.Z-ISLAND")
    assert not VIGNETTE.estimated("hadr.delivered_t.NOR")


def test_the_detail_lists_sites_worst_first_and_sums_up_the_rest(rehearsed: Rehearsed) -> None:
    detail = _detail(rehearsed)
    days, sites, nations = detail.tables()
    assert days.columns == ("day 1", "day 2", "day 3") and len(days.rows) == 1 and days.left_columns == 0
    assert sites.title == f"Sites by need met, worst first ({WORST_SITES_SHOWN} of 14 sites)"
    assert len(sites.rows) == 14 and sites.shown == WORST_SITES_SHOWN and sites.left_columns == 2
    assert sites.rows[0][:3] == ("Isla Verde", "Z-ISLAND", "500")  # first, though last by id
    assert sites.rows[0][3].startswith("0 [")  # never reached: none of its need met
    estimates = rehearsed.runs[SINGLE_RUN].summary()
    met = [estimates[f"hadr.need_met_pct.{row[1]}"].mean for row in sites.rows]
    assert met == sorted(met) and met[0] == 0 < met[1]
    rest = min(met[WORST_SITES_SHOWN:])
    assert sites.rest_note == (
        "… and 2 more sites, each with all of its need met."
        if rest >= 100
        else f"… and 2 more sites, each with at least {int(rest)}% of its need met."
    )
    assert [row[0] for row in nations.rows] == ["NOR"] and nations.rows[0][1].startswith("100")
    unknown = Estimate(math.nan, math.nan, math.nan, math.nan, 0)  # no replication defines it
    (blank,) = ReliefDetail(detail.scene, (), ReliefSummary((unknown,), (), ())).tables()[0].rows
    assert blank == ("n/a",)
    data = detail.to_dict()
    assert [s["site"] for s in data["sites"]] == [row[1] for row in sites.rows]
    assert len(data["need_met_by_day_pct"]) == 3 and data["nations"][0]["nation"] == "NOR"


def test_the_plan_exports_as_csv_and_geojson_with_the_label(rehearsed: Rehearsed) -> None:
    detail = _detail(rehearsed)
    files = VIGNETTE.exports(rehearsed, LABEL)
    assert set(files) == {"-plan.csv", "-plan.geojson"}
    header, *rows = list(csv.reader(io.StringIO(files["-plan.csv"])))
    assert header[:12] == [
        *("label", "day", "trip", "asset", "nation", "type", "vehicle", "source", "depart", "site"),
        *("site_name", "arrive"),
    ]
    assert header[-1] == "kg"
    stops = [(p.day + 1, s.site) for p in detail.plans for t in p.trips for s in t.stops]
    assert len(rows) == len(stops) > 0
    assert {row[0] for row in rows} == {LABEL.marking}
    assert "Z-ISLAND" not in {row[9] for row in rows}  # no truck reaches the island
    geojson = json.loads(files["-plan.geojson"])
    assert geojson["label"] == LABEL.marking
    roles = [f["properties"]["role"] for f in geojson["features"]]
    trips = sum(len(p.trips) for p in detail.plans)
    assert (roles.count("source"), roles.count("site"), roles.count("trip")) == (1, 14, trips)
    depot_at = next(f for f in geojson["features"] if f["properties"]["role"] == "source")
    for feature in geojson["features"]:
        if feature["properties"]["role"] == "trip":
            assert feature["geometry"]["type"] == "LineString"
            assert feature["geometry"]["coordinates"][0] == depot_at["geometry"]["coordinates"]


def test_the_report_shows_need_met_by_day_then_the_map_with_a_day_to_choose(rehearsed: Rehearsed) -> None:
    chart, drawn = VIGNETTE.figures(rehearsed, LABEL)
    assert chart.markup.startswith('<img src="data:image/png;base64,')
    assert drawn.markup.count("<option") == 3 and '<select id="day-choice"' in drawn.markup
    assert '<g id="day-3" class="day"' in drawn.markup and LABEL.marking in drawn.markup


def test_the_map_colours_sites_by_need_met_only_after_a_rehearsal(rehearsed: Rehearsed) -> None:
    def key(rehearsal: Rehearsed | None) -> list[str]:
        document = VIGNETTE.map(rehearsed.setting, LABEL, rehearsed=rehearsal)
        assert document.layers == ("day-1", "day-2", "day-3")
        return [" ".join(t.get_text().split()) for t in document.figure.axes[1].get_legend().get_texts()]

    coloured = key(rehearsed)
    assert any("coloured by the share of its need met" in text for text in coloured)
    assert {"100%", "0%"} <= set(coloured)
    assert not any("coloured by" in text or text == "0%" for text in key(None))
