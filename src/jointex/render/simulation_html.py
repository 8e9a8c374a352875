"""The rehearsal report: one self-contained HTML file with the estimates, their intervals and charts."""

from __future__ import annotations

from datetime import UTC, datetime

from jinja2 import Environment, PackageLoader, select_autoescape

from jointex.model import Label
from jointex.model.metrics import METRICS
from jointex.rehearse.engine import Estimate
from jointex.rehearse.simulate import Simulation
from jointex.render.charts import interval_bars, interval_line
from jointex.render.relief_map import nation_colours, relief_map_svg

_environment = Environment(
    loader=PackageLoader("jointex.render", "templates"), autoescape=select_autoescape(["html", "j2"])
)


def _triple(e: Estimate) -> tuple[float, float, float]:
    return (e.mean, e.ci_low, e.ci_high)


def _chart(simulation: Simulation, prefix: str, title: str, ylabel: str) -> str | None:
    summaries = {mode.value: simulation.summary(mode) for mode in simulation.runs}
    first = next(iter(summaries.values()))
    metrics = [m for m in first if m.startswith(prefix + ".")]
    if not metrics:
        return None
    categories = [m.removeprefix(prefix + ".") for m in metrics]
    series = {mode: [_triple(summary[m]) for m in metrics] for mode, summary in summaries.items()}
    return interval_bars(title, categories, series, ylabel)


def render_simulation_html(simulation: Simulation, label: Label, release: str = "") -> str:
    """The report, marked with ``label`` (worked out by the caller from what the run was built from)."""
    modes = list(simulation.runs)
    summaries = {mode.value: simulation.summary(mode) for mode in modes}
    metrics = list(next(iter(summaries.values())))
    charts = [
        chart
        for chart in (
            _chart(simulation, "iamd.leakers", "Leakers per defended asset (mean, 95% CI)", "threats"),
            _chart(simulation, "iamd.shots", "Interceptors fired per nation (mean, 95% CI)", "rounds"),
        )
        if chart
    ]
    relief = _relief(simulation)
    differences = simulation.differences()
    changes = {
        metric: {True: "better", False: "worse", None: ""}[METRICS.improvement(metric, d.ci_low, d.ci_high)]
        for metric, d in (differences or {}).items()
    }
    return _environment.get_template("simulation.html.j2").render(
        relief=relief,
        simulation=simulation,
        label=label,
        release=release,
        modes=[m.value for m in modes],
        metrics=metrics,
        summaries=summaries,
        differences=differences,
        changes=changes,
        charts=charts,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )


def _relief(simulation: Simulation) -> dict[str, object] | None:
    """The relief section: need met over time, the route map, the longest waits and nations' shares."""
    scene, summary = simulation.scene, simulation.relief_summary()
    if scene is None or summary is None:
        return None
    estimates = simulation.primary.summary()
    target = next((t for m, t in simulation.targets.items() if m.startswith("hadr.need_met_day")), None)
    chart = interval_line(
        "Share of the day's need met (mean, 95% CI)",
        [f"day {d + 1}" for d in range(scene.days)],
        [_triple(e) for e in summary.need_met_by_day],
        "% of need",
        float(target) if target is not None else None,
    )
    need_met = [estimates[f"hadr.need_met_pct.{site}"].mean for site in scene.site_ids]
    return {
        "summary": summary,
        "chart": chart,
        "map": relief_map_svg(scene, simulation.plans, need_met),
        "days": scene.days,
        "colours": nation_colours(scene),
    }
