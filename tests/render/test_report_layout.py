"""The after-action report laid out as a staff officer reads it, checked on the laid-out pages themselves:
an executive summary on page one, tables that never split a row, no nearly empty page but the last,
legends beside (never over) what they explain, cell labels big enough to read in print."""

from __future__ import annotations

import io
import itertools
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.text import Annotation, Text
from matplotlib.transforms import Bbox
from pypdf import PdfReader

from jointex.analyse.interop import InteropResult
from jointex.assess.report import ReportData
from jointex.render.charts import (
    SINGLE_POINT_RING,
    interval_bars_figure,
    interval_line_figure,
    network_figure,
)
from jointex.render.page_layout import boxes, descendants, fill, has_class, pages_holding, split_rows
from jointex.render.report_html import layout_report, render_report_html
from jointex.security.readers import reader_for
from jointex.service.exercises import load_exercise
from jointex.service.interop import interop_for_exercise
from jointex.service.report import ReportDocuments, observations_for, report_documents
from tests.conftest import EXAMPLES, REPO

FLAGSHIP = REPO / "examples" / "baltic-shield" / "exercise.yaml"
POINTS_PER_PX = 0.75  # CSS: 96 px to 72 pt


@dataclass(frozen=True)
class Rendered:
    report: ReportData
    document: Any  # weasyprint Document
    texts: list[str]  # each page's text as pypdf reads it from the PDF


def _report(path: Path, nation: str | None = None) -> ReportDocuments:
    """The report as `jointex report PATH [--for NATION]` makes it, with the observations beside it."""
    loaded = load_exercise(path)
    return report_documents(
        loaded, reader_for(loaded.exercise, nation), observations=observations_for(loaded)
    )


@pytest.fixture(scope="module", params=[None, "LTU"], ids=["coalition", "for-LTU"])
def rendered(request: pytest.FixtureRequest) -> Rendered:
    """The report as `jointex report` writes it (exercise map included), laid out once per version."""
    run = _report(FLAGSHIP, request.param)
    document = layout_report(run.documents[0].content.decode("utf-8"))
    pdf = PdfReader(io.BytesIO(document.write_pdf()))
    return Rendered(run.report, document, [" ".join(page.extract_text().split()) for page in pdf.pages])


def test_page_one_is_the_executive_summary_with_every_objective_rated(rendered: Rendered) -> None:
    first = rendered.texts[0]
    assert "Executive summary" in first
    assert rendered.report.exercise.name in first
    assert ", ".join(rendered.report.exercise.nations) in first
    objectives = [entry.item for section in rendered.report.sections for entry in section.objectives]
    assert len(objectives) == len(rendered.report.exercise.objectives) >= 5
    for rating in objectives:
        assert rating.objective.id in first
        assert rating.hseep is not None and rating.training is not None
    glance = [
        " ".join("".join(b.element.itertext()).split())
        for b in boxes(rendered.document.pages[0])
        if b.element_tag == "tr" and b.element.get("data-label")
    ]
    assert len(glance) == len(objectives), "one row per objective in the at-a-glance table"
    assert any(
        row.startswith("OBJ-AAR-1") and " U unable " in f" {row} " and "U untrained" in row for row in glance
    )
    # the three most important gaps and actions, each on page one
    assert len(rendered.report.key_gaps) == 3 and len(rendered.report.key_actions) == 3
    for entry in rendered.report.key_gaps:
        assert entry.item.problem in first
    assert "Most important corrective actions" in first
    # the summary has page one to itself: the sections start on page two
    assert "Ratings by aspect" not in first and "Ratings by aspect" in rendered.texts[1]


def test_a_summary_too_long_for_one_page_runs_on_into_the_report(rendered: Rendered) -> None:
    """Twice the objectives: the summary cannot fit page one. With a page break after it, page two would
    hold only its last lines (under a quarter of the page); instead the report runs on after it."""
    sections = tuple(replace(s, objectives=s.objectives * 2) for s in rendered.report.sections)
    document = layout_report(render_report_html(replace(rendered.report, sections=sections)))
    assert pages_holding(document, "summary") == [1, 2]
    assert not any(has_class(box, "alone") for box in boxes(document.pages[0])), "no page break after it"
    filled = [round(fill(page), 2) for page in document.pages]
    assert all(share >= 0.25 for share in filled[:-1]), filled


def test_an_aspect_without_objectives_is_one_line_of_the_summary_not_a_page(rendered: Rendered) -> None:
    assert not any(s.objectives for s in rendered.report.sections if s.title == "Crisis response")
    text = " ".join(rendered.texts)
    assert "No training objective for crisis response." in rendered.texts[0]
    assert "No training objective of this aspect" not in text
    headings = [b for p in rendered.document.pages for b in boxes(p) if b.element_tag == "h2"]
    assert "Crisis response" not in {"".join(h.element.itertext()) for h in headings}


def test_no_page_but_the_last_is_under_a_quarter_full(rendered: Rendered) -> None:
    pages = rendered.document.pages
    assert len(pages) >= 4
    filled = [round(fill(page), 2) for page in pages]
    assert all(share >= 0.25 for share in filled[:-1]), filled


def test_tables_continue_across_pages_with_their_header_and_never_split_a_row(rendered: Rendered) -> None:
    assert split_rows(rendered.document) == []
    # the improvement plan runs over a page break (so the check above saw a table continue): its header
    # is repeated on the next page
    continued = [i for i, text in enumerate(rendered.texts) if "Corrective action Owner Due Status" in text]
    assert len(continued) >= 2, continued
    assert continued == list(range(continued[0], continued[0] + len(continued)))


@pytest.mark.parametrize("exercise", [p for p in EXAMPLES if p != FLAGSHIP], ids=lambda p: p.parent.name)
def test_every_example_report_keeps_the_page_rules(exercise: Path) -> None:
    document = layout_report(_report(exercise).documents[0].content.decode("utf-8"))
    filled = [round(fill(page), 2) for page in document.pages]
    assert all(share >= 0.25 for share in filled[:-1]), filled
    assert split_rows(document) == []
    last = {box.element_tag for box in boxes(document.pages[-1])}
    assert last & {"h2", "h3", "tr", "li"}, "the last page holds more than the closing line"


def test_every_page_carries_the_label(rendered: Rendered) -> None:
    marking = rendered.report.label.marking
    assert all(text.count(marking) >= 2 for text in rendered.texts), "at the top and at the bottom"


def _within(page: Any, name: str) -> list[Any]:
    return [inner for box in boxes(page) if has_class(box, name) for inner in descendants(box)]


def test_heatmap_cell_labels_are_at_least_8_points(rendered: Rendered) -> None:
    from weasyprint.formatting_structure.boxes import TextBox

    labels = [
        box
        for page in rendered.document.pages
        for box in _within(page, "heatmap")
        if isinstance(box, TextBox) and box.text.strip()
    ]
    percentages = [box for box in labels if box.text.endswith("%")]
    nations = len(rendered.report.assessment.interop.nations)
    assert len(percentages) >= nations * (nations - 1), "a share in every off-diagonal cell"
    assert min(box.style["font_size"] * POINTS_PER_PX for box in labels) >= 8


def test_the_bar_legends_stand_below_the_bars(rendered: Rendered) -> None:
    """The rating and measure charts: the lowest bar (deterrence) is clear of the legend."""
    for page in rendered.document.pages:
        figures = [b for b in boxes(page) if b.element_tag == "figure" and has_class(b, "bars")]
        for figure in figures:
            inside = list(descendants(figure))
            bars = [b for b in inside if has_class(b, "bar")]
            legend = next(b for b in inside if has_class(b, "legend"))
            assert bars and "Deterrence" in "".join(figure.element.itertext())
            lowest = max(b.position_y + b.margin_height() for b in bars)
            assert legend.position_y >= lowest


# -- pictures drawn with matplotlib -------------------------------------------------------------------


def _extent(artist: Any, figure: Figure) -> Bbox:
    return artist.get_window_extent(figure.canvas.get_renderer())  # type: ignore[attr-defined, no-any-return]


def _overlap(a: Bbox, b: Bbox) -> bool:
    return bool(min(a.x1, b.x1) > max(a.x0, b.x0) and min(a.y1, b.y1) > max(a.y0, b.y0))


@pytest.mark.parametrize("draw", ["bars", "line"])
def test_chart_legends_do_not_cover_the_data(draw: str) -> None:
    """Tall bars (or a line) at the right end, where a legend inside the axes would sit."""
    if draw == "bars":
        series = {
            "national": [(1.0, 0.5, 1.5), (9.0, 8.0, 10.0)],
            "coalition": [(2.0, 1.0, 3.0), (9.5, 9.0, 10.0)],
        }
        figure = interval_bars_figure("Leakers", ["ELEKTRENAI", "VILNIUS"], series, "threats")
    else:
        values = [(0.2, 0.1, 0.3), (0.6, 0.5, 0.7), (0.95, 0.9, 1.0)]
        figure = interval_line_figure("Need met", ["day 1", "day 2", "day 3"], values, "share", target=0.9)
    figure.canvas.draw()
    legends = figure.legends + [a.get_legend() for a in figure.axes if a.get_legend()]
    assert len(legends) == 1
    legend = _extent(legends[0], figure)
    axes = figure.axes[0]
    assert not _overlap(legend, _extent(axes, figure)), "the legend stands outside the plotted area"
    for artist in [*axes.patches, *axes.lines, *axes.collections, *axes.get_xticklabels()]:
        assert not _overlap(legend, _extent(artist, figure)), artist
    plt.close(figure)


@pytest.fixture(scope="module")
def interop() -> InteropResult:
    return interop_for_exercise(load_exercise(FLAGSHIP)).result


@pytest.fixture(scope="module")
def network(interop: InteropResult) -> Iterator[Figure]:
    result = interop
    single_points = {s.node for s in result.single_points_of_failure}
    assert single_points, "the flagship has a single point of failure to mark"
    figure = network_figure(result.network.graph, result.network.unit_nation, single_points)
    figure.canvas.draw()
    yield figure
    plt.close(figure)


def test_network_labels_never_overlap_each_other_or_a_node(network: Figure, interop: InteropResult) -> None:
    axes = network.axes[0]
    labels = [
        a for a in axes.texts if isinstance(a, Annotation) and a.get_text() != "On no shared secure net:"
    ]
    graph = interop.network.graph
    assert sorted(a.get_text() for a in labels) == sorted(n.split(":", 1)[1] for n in graph.nodes)
    renderer = network.canvas.get_renderer()  # type: ignore[attr-defined]
    extents = {a.get_text(): Text.get_window_extent(a, renderer) for a in labels}  # the text, not its leader
    for (one, a), (other, b) in itertools.combinations(extents.items(), 2):
        assert not _overlap(a, b), (one, other)
    markers = [c for c in axes.collections if isinstance(c, PathCollection)]
    for collection in markers:
        sizes = np.asarray(collection.get_sizes())
        for i, (x, y) in enumerate(np.asarray(collection.get_offsets())):
            cx, cy = axes.transData.transform((float(x), float(y)))
            r = (sizes[i % len(sizes)] ** 0.5) / 2 * network.dpi / 72 * 0.7  # inside the marker
            node = Bbox([[cx - r, cy - r], [cx + r, cy + r]])
            for text, box in extents.items():
                assert not _overlap(node, box), text


def _reddish(colour: Any) -> bool:
    r, g, b = to_rgb(colour)
    return bool(r > 0.6 and g < 0.35 and b < 0.35)


def test_no_nation_is_drawn_in_red_and_single_points_have_their_own_mark(
    network: Figure, interop: InteropResult
) -> None:
    axes = network.axes[0]
    markers = [c for c in axes.collections if isinstance(c, PathCollection)]
    fills = [tuple(c) for collection in markers for c in np.atleast_2d(collection.get_facecolor())]
    assert fills and not any(_reddish(c) for c in fills)
    assert not _reddish(SINGLE_POINT_RING)
    rings = [c for c in markers if len(np.asarray(c.get_facecolor())) == 0]
    assert len(rings) == 1
    edges = np.atleast_2d(rings[0].get_edgecolor())
    assert all(to_rgb(tuple(e)) == to_rgb(SINGLE_POINT_RING) for e in edges)
    assert len(np.asarray(rings[0].get_offsets())) == len(interop.single_points_of_failure)
    keys = [t.get_text() for legend in network.legends for t in legend.get_texts()]
    assert "single point of failure" in keys
    assert set(interop.nations) <= set(keys)


def test_the_report_charts_are_drawn_without_matplotlib() -> None:
    """Its charts are HTML: assessing and rendering the report (all but the exercise map, an image the
    service draws and passes in) never loads matplotlib."""
    code = (
        "import sys\n"
        "from jointex.assess.report import build_report\n"
        "from jointex.render.report_html import render_report_html\n"
        "from jointex.service.exercises import load_exercise\n"
        "from jointex.service.report import assess_version\n"
        f"version = assess_version(load_exercise({str(REPO / 'examples' / 'baltic-shield')!r}))\n"
        "html = render_report_html(build_report(version.assessment, version.release, version.evidence))\n"
        "assert 'Executive summary' in html\n"
        "sys.exit('matplotlib' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(REPO), check=False, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
