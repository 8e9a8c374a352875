"""The after-action report as one self-contained HTML file, and as PDF from the same HTML."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
from jinja2 import Environment, PackageLoader, select_autoescape

from jointex.assess.report import ReportData
from jointex.render.charts import RATING_COLOURS, STATUS_COLOURS, heatmap, stacked_bars

_environment = Environment(
    loader=PackageLoader("jointex.render", "templates"), autoescape=select_autoescape(["html", "j2"])
)


def _charts(report: ReportData) -> dict[str, str]:
    ratings: dict[str, dict[str, int]] = {}
    statuses: dict[str, dict[str, int]] = {}
    for section in report.sections:
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
        "ratings": stacked_bars("Objective ratings by aspect (HSEEP)", ratings, RATING_COLOURS),
        "measures": stacked_bars("Measures by aspect", statuses, STATUS_COLOURS),
        "interop": heatmap("Interoperability score by nation pair", nations, scores, directed=False),
    }


def css_string(text: str) -> str:
    """Text safe inside a CSS string in a <style> element (page headers): letters, digits and , / - only."""
    return re.sub(r"[^A-Za-z0-9 ,/\-]", "", text)


def render_report_html(report: ReportData) -> str:
    return _environment.get_template("report.html.j2").render(
        report=report, charts=_charts(report), page_label=css_string(report.label.marking)
    )


def render_report_pdf(html: str) -> bytes:
    """The same report as PDF (WeasyPrint), the label at the top and bottom of every page."""
    from weasyprint import HTML

    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
