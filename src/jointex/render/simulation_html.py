"""The rehearsal report: one self-contained HTML file with the estimates, their intervals, and the kind's
own figures and tables (`jointex.rehearse.vignettes.plugin`: each kind draws its map and charts and lays
out its detail; this page does not ask which kind it shows)."""

from __future__ import annotations

from datetime import UTC, datetime

from jointex.errors import Problem
from jointex.model import Label
from jointex.model.metrics import METRICS
from jointex.model.metrics.display import estimate_parts
from jointex.rehearse.engine import Estimate
from jointex.rehearse.simulate import Simulation
from jointex.render.environment import add_helpers, template


def _parts(e: Estimate, signed: bool = False) -> tuple[str, str]:
    """An estimate and its 95% interval as two cells, rounded to what the interval supports."""
    if e.n == 0:
        return "n/a", ""
    estimate, interval = estimate_parts(e.mean, e.ci_low, e.ci_high, signed=signed)
    return estimate, interval or ""


add_helpers(parts=_parts)


def render_simulation_html(simulation: Simulation, label: Label, release: str = "") -> str:
    """The report, marked with ``label`` (worked out by the caller from what the run was built from)."""
    return render_simulation_page(simulation, label, release)[0]


def render_simulation_page(
    simulation: Simulation, label: Label, release: str = ""
) -> tuple[str, tuple[Problem, ...]]:
    """The report (`render_simulation_html`) and what it had to go without (a map, without the Cairo
    library that draws its unit symbols), as warnings that say what to install."""
    runs = list(simulation.runs)
    summaries = {mode: simulation.summary(mode) for mode in runs}
    differences = simulation.differences()
    changes = {
        metric: {True: "better", False: "worse", None: ""}[METRICS.improvement(metric, d.ci_low, d.ci_high)]
        for metric, d in (differences or {}).items()
    }
    figures = list(simulation.model.figures(simulation.rehearsed(), label))
    warnings = tuple(w for figure in figures for w in figure.warnings)
    html = template("simulation.html.j2").render(
        simulation=simulation,
        kind_title=simulation.model.title,
        modes_note=simulation.model.modes_note,
        label=label,
        release=release,
        runs=runs,
        modes=list(simulation.modes),
        metrics=simulation.estimated_metrics(),
        summaries=summaries,
        differences=differences,
        difference_title=simulation.difference_title,
        changes=changes,
        figures=[f for f in figures if f.markup],
        tables=simulation.detail.tables() if simulation.detail is not None else (),
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )
    return html, warnings
