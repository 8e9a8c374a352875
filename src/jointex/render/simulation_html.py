"""The rehearsal report: one self-contained HTML file with the estimates, their intervals and charts."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from textwrap import wrap

from jointex.errors import MissingSystemLibrary, Problem
from jointex.model import Exercise, Label, VignetteKind
from jointex.model.hadr import HadrParameters
from jointex.model.metrics import METRICS
from jointex.model.metrics.display import estimate_parts
from jointex.model.platform import Platform
from jointex.rehearse.engine import Estimate
from jointex.rehearse.simulate import Simulation
from jointex.rehearse.vignettes.hadr.summary import WORST_SITES_SHOWN
from jointex.render.charts import interval_bars, interval_line
from jointex.render.environment import add_helpers, template
from jointex.render.maps.relief import relief_map
from jointex.render.maps.style import REPORT_TALL, nation_colours
from jointex.render.maps.symbols import map_left_out


def _parts(e: Estimate, signed: bool = False) -> tuple[str, str]:
    """An estimate and its 95% interval as two cells, rounded to what the interval supports."""
    if e.n == 0:
        return "n/a", ""
    estimate, interval = estimate_parts(e.mean, e.ci_low, e.ci_high, signed=signed)
    return estimate, interval or ""


add_helpers(parts=_parts)


def _triple(e: Estimate) -> tuple[float, float, float]:
    return (e.mean, e.ci_low, e.ci_high)


_CATEGORY_WIDTH = 16
"""Characters per line of a bar's name under a chart."""


def _chart(simulation: Simulation, prefix: str, title: str, ylabel: str) -> str | None:
    summaries = {mode.value: simulation.summary(mode) for mode in simulation.runs}
    first = next(iter(summaries.values()))
    metrics = [m for m in first if m.startswith(prefix + ".")]
    if not metrics:
        return None
    # each bar by the name of its asset or nation, wrapped to stay under its bars
    categories = [
        "\n".join(wrap(simulation.metric_labels.get(id_, id_), _CATEGORY_WIDTH))
        for id_ in (m.removeprefix(prefix + ".") for m in metrics)
    ]
    series = {mode: [_triple(summary[m]) for m in metrics] for mode, summary in summaries.items()}
    return interval_bars(title, categories, series, ylabel)


def render_simulation_html(
    simulation: Simulation,
    label: Label,
    release: str = "",
    exercise: Exercise | None = None,
    platforms: Mapping[str, Platform] | None = None,
) -> str:
    """The report, marked with ``label`` (worked out by the caller from what the run was built from).
    With ``exercise`` (the version rehearsed) an IAMD report carries the vignette's map; a relief report
    always carries its relief map."""
    return render_simulation_page(simulation, label, release, exercise, platforms)[0]


def render_simulation_page(
    simulation: Simulation,
    label: Label,
    release: str = "",
    exercise: Exercise | None = None,
    platforms: Mapping[str, Platform] | None = None,
) -> tuple[str, tuple[Problem, ...]]:
    """The report (`render_simulation_html`) and what it had to go without: the IAMD map, without the
    Cairo library that draws its unit symbols, in a warning that says what to install."""
    modes = list(simulation.runs)
    summaries = {mode.value: simulation.summary(mode) for mode in modes}
    metrics = simulation.estimated_metrics()
    charts = [
        chart
        for chart in (
            _chart(simulation, "iamd.leakers", "Leakers per defended asset (mean, 95% CI)", "threats"),
            _chart(simulation, "iamd.shots", "Interceptors fired per nation (mean, 95% CI)", "rounds"),
        )
        if chart
    ]
    relief = _relief(simulation, label)
    differences = simulation.differences()
    changes = {
        metric: {True: "better", False: "worse", None: ""}[METRICS.improvement(metric, d.ci_low, d.ci_high)]
        for metric, d in (differences or {}).items()
    }
    vignette_map, warnings = _iamd_map(simulation, label, exercise, platforms or {})
    html = template("simulation.html.j2").render(
        relief=relief,
        vignette_map=vignette_map,
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
    return html, warnings


def _iamd_map(
    simulation: Simulation, label: Label, exercise: Exercise | None, platforms: Mapping[str, Platform]
) -> tuple[str, tuple[Problem, ...]]:
    """The IAMD vignette's map as an SVG element, printed as wide as the text of an A4 page; empty for
    other kinds or without the exercise. Without the Cairo library that draws its unit symbols the report
    goes out without its map, and the warning says so."""
    if exercise is None or simulation.vignette.kind is not VignetteKind.IAMD:
        return "", ()
    from jointex.render.maps.iamd import iamd_map

    try:
        return iamd_map(exercise, platforms, simulation.vignette, label, REPORT_TALL).svg_element(), ()
    except MissingSystemLibrary as missing:
        return "", map_left_out(missing)


def _relief(simulation: Simulation, label: Label) -> dict[str, object] | None:
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
        "worst": summary.sites[:WORST_SITES_SHOWN],
        "rest": summary.sites[WORST_SITES_SHOWN:],
        "rest_note": summary.rest_of_sites(WORST_SITES_SHOWN),
        "chart": chart,
        "map": relief_map(
            scene,
            simulation.plans,
            HadrParameters.model_validate(simulation.vignette.parameters),
            label,
            simulation.vignette.name,
            need_met,
            REPORT_TALL,
        ).svg_element(),
        "days": scene.days,
        "colours": nation_colours(scene.nations),
    }
