"""The interoperability report: one self-contained HTML file with heatmaps and the network drawing."""

from __future__ import annotations

from datetime import UTC, datetime

from jointex.analyse.interop import InteropResult, State
from jointex.analyse.interop.scoring import LISI_LEVELS, NATO_DEGREES
from jointex.assess.evidence import interop_metrics
from jointex.model import Exercise, Label
from jointex.model.metrics.display import format_metric, metric_title
from jointex.model.metrics.interop import domain_title
from jointex.render.charts import network_drawing
from jointex.render.environment import add_helpers, template
from jointex.render.html_charts import heatmap

add_helpers(domain_title=domain_title)


def render_interop_html(
    exercise: Exercise, result: InteropResult, label: Label, release: str = "", map_image: str = ""
) -> str:
    """The report, marked with ``label`` (worked out by the caller from what the analysis was built from),
    opening with ``release``: whom it is for and how much was withheld (security/release.py); with
    ``map_image`` (a data URI), the map of the exercise area and its units after the opening."""
    domains = []
    for domain, domain_result in result.domains.items():
        states = domain_result.state
        domains.append(
            {
                "name": domain_title(domain),
                "heatmap": heatmap(
                    domain_title(domain), result.nations, domain_result.score, domain_result.directed
                ),
                "rows": [[State(int(s)).symbol for s in row] for row in states],
            }
        )
    spof_nodes = {s.node for s in result.single_points_of_failure}
    return template("interop.html.j2").render(
        exercise=exercise,
        result=result,
        label=label,
        release=release,
        map_image=map_image,
        domains=domains,
        network_image=network_drawing(result.network.graph, result.network.unit_nation, spof_nodes),
        nato_degrees=NATO_DEGREES,
        lisi_levels=LISI_LEVELS,
        measures=[
            {"name": name, "title": metric_title(name), "value": format_metric(name, value.value)}
            for name, value in interop_metrics(result).items()
        ],
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )
