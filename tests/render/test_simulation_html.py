"""The rehearsal report colours a difference by the direction its metric declares, not by its name."""

from __future__ import annotations

import re

import jointex
from jointex.model import Label
from jointex.render.simulation_html import render_simulation_html
from tests.conftest import REPO

FLAGSHIP = REPO / "examples" / "baltic-shield" / "exercise.yaml"


def _difference_class(html: str, metric: str) -> str:
    row = re.search(rf"<tr><td>{re.escape(metric)}</td>(.*?)</tr>", html, re.S)
    assert row is not None, metric
    cells = re.findall(r'<td class="([^"]*)">', row.group(1))
    return cells[-1]


def test_differences_are_coloured_by_which_way_is_better() -> None:
    simulation = jointex.simulate(FLAGSHIP, replications=200, seed=5, mode="both").simulation
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
