"""The relief rehearsal end to end: reproducible for any batch size and thread count, disruptions that
cost deliveries, and `jointex simulate` on the Pacific HADR example with its map and plan files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
from typer.testing import CliRunner

from jointex.cli.main import app
from jointex.rehearse.engine import run_replications
from tests.conftest import REPO
from tests.rehearse.hadr_scenes import QUIET, depot, relief, site, truck

PACIFIC = REPO / "examples" / "pacific-shelter" / "exercise.yaml"
runner = CliRunner()


def _coast(disruptions: dict[str, float]):  # type: ignore[no-untyped-def]
    return relief(
        {
            "sites": [site(f"S{i}", 8 * i, 4 * (i % 3), people=300, priority=1 + i % 5) for i in range(1, 9)],
            "sources": [depot("D", 0, 0, water_l=40_000, food_kcal=6_000_000)],
            "assets": [
                truck("T", capacity_kg=4_000, count=2, crew_duty_h=8),
                truck("H", unit="HELOS", type="helicopter", capacity_kg=1_500, capacity_m3=8, speed_kmh=200),
            ],
            "disruptions": disruptions,
            "planning": {"iterations": 60},
        },
        units={"TRUCKS": "NOR", "HELOS": "USA"},
    )


ROUGH = {"aftershock_per_day": 0.5, "helicopter_weather_per_day": 0.5, "breakdown_per_vehicle_day": 0.3}


def test_results_do_not_depend_on_batch_size_or_workers() -> None:
    vignette = _coast(ROUGH)
    reference = run_replications(vignette, 6, seed=11, batch_size=6).columns
    vignette.workers = 1
    for batch in (1, 4):
        columns = run_replications(vignette, 6, seed=11, batch_size=batch).columns
        for metric, values in reference.items():
            assert np.array_equal(columns[metric], values), metric


def test_disruptions_cost_deliveries_on_common_random_numbers() -> None:
    calm = run_replications(_coast(QUIET), 8, seed=4).summary()
    rough = run_replications(_coast({**ROUGH, "breakdown_per_vehicle_day": 0.6}), 8, seed=4).summary()
    assert rough["hadr.delivered_t"].mean < calm["hadr.delivered_t"].mean
    assert rough["hadr.deprivation_person_days"].mean > calm["hadr.deprivation_person_days"].mean
    # a day's share of need met is a percentage; sites are never served beyond their need
    for d in (1, 2, 3):
        assert 0 <= calm[f"hadr.need_met_day{d}_pct"].mean <= 100


def test_simulate_the_pacific_relief_vignette_prints_need_by_day_waits_and_nations(tmp_path: Path) -> None:
    html, plans = tmp_path / "relief.html", tmp_path / "plans"
    result = runner.invoke(
        app,
        [
            "simulate",
            str(PACIFIC),
            "--vignette",
            "V-HADR-RELIEF",
            "--replications",
            "3",
            "--seed",
            "5",
            "--html",
            str(html),
            "--plans",
            str(plans),
        ],
        env={"COLUMNS": "160"},
    )
    assert result.exit_code == 0, result.output
    for text in (
        "Share of the day's need met",
        "day 7",
        "Sites by need met, worst first",
        "Deliveries by nation",
        "FRA",
    ):
        assert text in result.output
    page = html.read_text()
    assert "<svg" in page
    assert re.search(r'<g id="day-7" class="day"[^>]*>\s*<path', page)  # day 7's trips, drawn as paths
    assert 'alt="Share of need met by day"' in page and "data:image/png;base64," in page
    geojson = json.loads((plans / "V-HADR-RELIEF-plan.geojson").read_text())
    roles = {f["properties"]["role"] for f in geojson["features"]}
    assert roles == {"source", "site", "trip"}
    assert geojson["label"].startswith("PS27 UNCLASSIFIED")
    rows = (plans / "V-HADR-RELIEF-plan.csv").read_text().splitlines()
    assert rows[0].startswith("label,day,trip,asset,nation")
    assert len(rows) > 50


def test_simulate_relief_json_has_the_planners_view_with_intervals() -> None:
    result = runner.invoke(  # the folder stands for its exercise.yaml
        app, ["simulate", str(PACIFIC.parent), "--vignette", "v-hadr-relief", "--replications", "2", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    relief_view = data["detail"]
    assert len(relief_view["need_met_by_day_pct"]) == 7
    assert {n["nation"] for n in relief_view["nations"]} == {
        "AUS",
        "FRA",
        "IDN",
        "JPN",
        "KOR",
        "NZL",
        "PHL",
        "USA",
    }
    shares = [n["delivery_share_pct"]["mean"] for n in relief_view["nations"]]
    assert abs(sum(shares) - 100) < 9 * 0.5e-4 + 1e-9  # each share is rounded to 4 decimals in the JSON
    day3 = data["modes"]["run"]["hadr.need_met_day3_pct"]
    assert day3["ci_low"] <= day3["mean"] <= day3["ci_high"]


def test_relief_refuses_the_air_picture_modes_and_iamd_refuses_plans(tmp_path: Path) -> None:
    result = runner.invoke(app, ["simulate", str(PACIFIC), "--vignette", "V-HADR-RELIEF", "--mode", "both"])
    assert result.exit_code == 2
    assert "runs only one way" in result.output
    flagship = REPO / "examples" / "baltic-shield" / "exercise.yaml"
    result = runner.invoke(
        app,
        [
            "simulate",
            str(flagship),
            "--vignette",
            "V-IAMD-RAID",
            "--replications",
            "2",
            "--plans",
            str(tmp_path / "p"),
        ],
    )
    assert result.exit_code == 2
    assert "only hadr vignettes have plans to write" in result.output


def test_need_met_never_exceeds_100_percent_when_every_site_is_served() -> None:
    """Site weights are shares of the need that add up to 1 only within rounding: a fully served scene must
    still read at most 100%, or its run file would be refused as out of the metric's domain."""
    people = [137, 911, 53, 4_001, 77, 263, 1_009]
    vignette = relief(
        {
            "sites": [site(f"S{i}", 3 + i, 2 * i, people=n, unload_min=0) for i, n in enumerate(people)],
            "sources": [depot("D", 0, 0)],
            "assets": [truck("T", count=4)],
            "disruptions": QUIET,
            "planning": {"day_length_h": 24, "day_start_h": 0},
        }
    )
    table = run_replications(vignette, 2, seed=1)
    for metric, values in table.columns.items():
        if metric.startswith("hadr.need_met"):
            assert np.all(values <= 100.0), metric
    assert np.all(table.columns["hadr.need_met_pct"] == 100.0)
