"""The after-action report as one self-contained HTML file, and as PDF from the same HTML.

Page one is the executive summary a staff officer reads first (the exercise, every objective with its
ratings, the most important gaps and actions); the sections follow without forced page breaks, tables
never split a row and repeat their header, and aspects without objectives are one line of the summary.
Charts are HTML (`jointex.render.html_charts`), so rendering needs no matplotlib; the exercise map is an image
the service draws (`jointex.service.maps`) and passes in.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

import numpy as np

from jointex.assess.ratings import MeasureResult
from jointex.assess.report import AspectSection, ReportData
from jointex.model.metrics.display import (
    format_estimate,
    format_number,
    metric_unit,
)
from jointex.model.metrics.interop import domain_title
from jointex.render.environment import add_helpers, template
from jointex.render.html_charts import (
    RATING_COLOURS,
    STATUS_COLOURS,
    Heatmap,
    StackedBars,
    heatmap,
    stacked_bars,
)
from jointex.render.page_layout import pages_holding

if TYPE_CHECKING:
    from weasyprint.document import Document


COMPARATOR_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "="}


def _unit(result: MeasureResult) -> str:
    """The metric's unit from the registry (``%`` for a percentage), else as the objective wrote it."""
    return metric_unit(result.measure.metric) or result.measure.unit or ""


def threshold(result: MeasureResult) -> str:
    """``≥ 95%``, ``≤ 900 s``."""
    measure = result.measure
    return f"{COMPARATOR_SIGNS[measure.comparator]} {format_number(measure.threshold, unit=_unit(result))}"


def evidence(result: MeasureResult) -> str:
    """The value found, with its 95% interval when it is an estimate: ``60%``, ``3.7 (95% CI 2.2 to
    4)``; a dash when nothing measured it."""
    found = result.evidence
    if found is None:
        return "—"
    if found.exact or found.ci_low is None or found.ci_high is None:
        return format_number(found.value, unit=_unit(result))
    return format_estimate(found.value, found.ci_low, found.ci_high, unit=_unit(result))


add_helpers(domain_title=domain_title, threshold=threshold, evidence=evidence)


def _figures(report: ReportData, sections: list[AspectSection]) -> dict[str, StackedBars | Heatmap]:
    ratings: dict[str, dict[str, int]] = {}
    statuses: dict[str, dict[str, int]] = {}
    for section in sections:
        ratings[section.title] = dict(
            Counter(
                (item.item.hseep.value if item.item.hseep else "not rated") for item in section.objectives
            )
        )
        statuses[section.title] = dict(
            Counter(m.status.value for item in section.objectives for m in item.item.measures)
        )
    interop = report.assessment.interop
    nations = interop.nations
    scores = np.full((len(nations), len(nations)), np.nan)
    index = {n: i for i, n in enumerate(nations)}
    for pair in interop.pairs:
        a, b = index[pair.nations[0]], index[pair.nations[1]]
        scores[a, b] = scores[b, a] = pair.score
    return {
        "ratings": stacked_bars("Objectives by aspect and HSEEP rating", ratings, RATING_COLOURS),
        "measures": stacked_bars("Measures by aspect and status", statuses, STATUS_COLOURS),
        "interop": heatmap("Interoperability score by nation pair", nations, scores, directed=False),
    }


def css_string(text: str) -> str:
    """Text safe inside a CSS string in a <style> element (page headers): letters, digits and , / - only."""
    return re.sub(r"[^A-Za-z0-9 ,/\-]", "", text)


def render_report_html(report: ReportData) -> str:
    sections = [s for s in report.sections if s.objectives]
    context: dict[str, Any] = {
        "report": report,
        "sections": sections,
        "empty_aspects": [s.title for s in report.sections if not s.objectives],
        "figures": _figures(report, sections),
        "page_label": css_string(report.label.marking),
    }
    return template("report.html.j2").render(context)


SUMMARY_ALONE = '<section class="summary alone">'
"""The executive summary, on a page of its own."""


def layout_report(html: str) -> Document:
    """The report laid out on A4 pages (WeasyPrint), the label at the top and bottom of every page.

    The executive summary has page one to itself; when it is too long for one page, the report runs on
    after it without a page break, so that no page holds only the summary's last lines."""
    from jointex.render.pdf_engine import weasyprint_html

    html_class = weasyprint_html()
    document = html_class(string=html).render()
    if SUMMARY_ALONE in html and pages_holding(document, "summary") != [1]:
        document = html_class(string=html.replace(SUMMARY_ALONE, '<section class="summary">', 1)).render()
    return document


def render_report_pdf(html: str) -> bytes:
    """The same report as PDF."""
    pdf: bytes = layout_report(html).write_pdf()
    return pdf
