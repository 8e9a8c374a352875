"""The rehearsal report colours a difference by the direction its metric declares, not by its name; it
names metrics by their titles and relief sites by their names, worst served first."""

from __future__ import annotations

import re

import jointex
from jointex.model import Label
from jointex.model.metrics.display import metric_title
from jointex.rehearse.vignettes.hadr import ReliefDetail
from jointex.rehearse.vignettes.hadr.summary import WORST_SITES_SHOWN
from jointex.render.simulation_html import render_simulation_html
from tests.conftest import REPO

FLAGSHIP = REPO / "examples" / "baltic-shield" / "exercise.yaml"
PACIFIC = REPO / "examples" / "pacific-shelter" / "exercise.yaml"


def _difference_class(html: str, metric: str) -> str:
    row = re.search(rf"<tr data-metric=\"{re.escape(metric)}\">(.*?)</tr>", html, re.S)
    assert row is not None, metric
    cells = re.findall(r'<td class="([^"]*)">', row.group(1))
    return cells[-1]


def test_differences_are_coloured_by_which_way_is_better() -> None:
    simulation = jointex.simulate(FLAGSHIP, "V-IAMD-RAID", replications=200, seed=5, mode="both").simulation
    differences = simulation.differences()
    assert differences is not None
    html = render_simulation_html(simulation, Label())
    # a faster detect-to-engage time is an improvement, though its name holds neither "leak" nor "double"
    assert differences["iamd.detect_to_engage_s"].ci_high < 0
    assert _difference_class(html, "iamd.detect_to_engage_s") == "better"
    assert differences["iamd.leakers"].ci_high < 0
    assert _difference_class(html, "iamd.leakers") == "better"
    # rounds fired are neither better nor worse
    assert _difference_class(html, "iamd.shots") == ""


def _cells(html: str, metric: str) -> list[str]:
    row = re.search(rf"<tr data-metric=\"{re.escape(metric)}\">(.*?)</tr>", html, re.S)
    assert row is not None, metric
    return re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)


def test_metrics_read_by_title_with_their_name_and_numbers_rounded_to_their_interval() -> None:
    simulation = jointex.simulate(FLAGSHIP, "V-IAMD-RAID", replications=200, seed=5).simulation
    html = render_simulation_html(simulation, Label())
    title, unit, mean, interval = _cells(html, "iamd.leak_probability")
    assert title == 'Leak probability<code class="name">iamd.leak_probability</code>'
    assert unit == "probability"
    e = simulation.summary(next(iter(simulation.runs)))["iamd.leak_probability"]
    assert 0.001 <= (e.ci_high - e.ci_low) / 2 < 0.01  # so the interval supports three decimals
    assert re.fullmatch(r"0\.\d{3}", mean) and re.fullmatch(r"0\.\d{3} to 0\.\d{3}", interval)
    # an asset by the name the exercise gives it, with the metric's own name in grey
    assert _cells(html, "iamd.leakers.VILNIUS")[0] == (
        'Leakers at Vilnius government district<code class="name">iamd.leakers.VILNIUS</code>'
    )
    assert "GBR-BATTLEGROUP" not in simulation.metric_labels, "names from the coalition version only"


def test_relief_sites_are_named_worst_first_and_the_rest_folded_away() -> None:
    simulation = jointex.simulate(PACIFIC, "V-HADR-RELIEF", replications=3).simulation
    html = render_simulation_html(simulation, Label())
    assert "hadr.need_met_pct.PH" not in html.split("<h2>Estimates</h2>", 1)[1]
    section = html.split("<h2>Sites by need met, worst first", 1)[1].split("<h2>", 1)[0]
    tables = re.findall(r'<table class="detail">(.*?)</table>', section, re.S)
    assert len(tables) == 2, "the worst sites, then the rest inside <details>"
    shown, rest = (
        re.findall(r'<td class="words">([^<]+)</td><td class="words">([^<]+)</td>', t) for t in tables
    )
    assert len(shown) == WORST_SITES_SHOWN
    estimates = simulation.primary.summary()
    assert isinstance(simulation.detail, ReliefDetail)
    scene = simulation.detail.scene
    names = dict(zip(scene.site_ids, scene.site_names, strict=True))
    assert all(names[site] == name for name, site in shown + rest)
    met = [estimates[f"hadr.need_met_pct.{site}"].mean for _, site in shown + rest]
    assert met == sorted(met) and len(met) == len(scene.site_ids)
    summary = re.search(r"<details><summary>(.*?)</summary>", html, re.S)
    assert summary is not None
    assert summary.group(1).startswith(f"… and {len(rest)} more sites, each with at least")
    # where a per-site metric is named (an objective's measure), it reads the site's name too
    assert metric_title("hadr.need_met_pct.PH0826-GUI", simulation.metric_labels) == "Need met at Guiuan"
