"""The interoperability report writes its numbers in the house style (issue 13, point 2)."""

from __future__ import annotations

import re

from jointex import load_exercise
from jointex.analyse.interop import analyse_interop
from jointex.model import Label
from jointex.render.interop_html import render_interop_html
from tests.conftest import EXAMPLES, MINIMAL, WriteFolder


def test_an_overall_score_without_nation_pairs_reads_not_applicable(write_folder: WriteFolder) -> None:
    one_nation = (
        MINIMAL.replace("  - {nation: USA}\n", "")
        .replace("nation: USA, service", "nation: NOR, service")
        .replace("owners: [NOR, USA]", "owners: [NOR]")
    )
    loaded = load_exercise(write_folder({"exercise.yaml": one_nation}))
    result = analyse_interop(loaded.exercise, loaded.catalogue)
    html = render_interop_html(loaded.exercise, result, Label())
    assert "Overall score:\n<strong>n/a</strong> of applicable unit pairs work" in html
    assert "nan%" not in html


def test_each_gap_says_which_nations_must_act() -> None:
    loaded = load_exercise(EXAMPLES[0])
    result = analyse_interop(loaded.exercise, loaded.catalogue)
    html = render_interop_html(loaded.exercise, result, Label())
    assert "<th>Who acts</th>" in html
    row = re.search(r"<td>LTU has not adopted STANAG 4172</td><td>[^<]*</td>\s*<td>([^<]*)</td>", html)
    assert row is not None and row[1] == "LTU"
