"""The interoperability report: one self-contained HTML file with heatmaps and the network drawing."""

from __future__ import annotations

from datetime import UTC, datetime

from jinja2 import Environment, PackageLoader, select_autoescape

from jointex.analyse.interop import InteropResult, State
from jointex.analyse.interop.scoring import LISI_LEVELS, NATO_DEGREES
from jointex.model import Exercise, Label
from jointex.render.charts import heatmap, network_drawing

_environment = Environment(
    loader=PackageLoader("jointex.render", "templates"), autoescape=select_autoescape(["html", "j2"])
)


def render_interop_html(exercise: Exercise, result: InteropResult, label: Label, release: str = "") -> str:
    """The report, marked with ``label`` (worked out by the caller from what the analysis was built from),
    opening with ``release``: whom it is for and how much was withheld (security/release.py)."""
    domains = []
    for domain, domain_result in result.domains.items():
        states = domain_result.state
        domains.append(
            {
                "name": domain.value,
                "image": heatmap(domain.value, result.nations, domain_result.score, domain_result.directed),
                "rows": [[State(int(s)).symbol for s in row] for row in states],
            }
        )
    spof_nodes = {s.node for s in result.single_points_of_failure}
    return _environment.get_template("interop.html.j2").render(
        exercise=exercise,
        result=result,
        label=label,
        release=release,
        domains=domains,
        network_image=network_drawing(result.network.graph, result.network.unit_nation, spof_nodes),
        nato_degrees=NATO_DEGREES,
        lisi_levels=LISI_LEVELS,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )
