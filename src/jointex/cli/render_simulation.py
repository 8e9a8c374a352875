"""Printing a rehearsal: one row per metric, a column per C2 mode, and the paired difference."""

from __future__ import annotations

from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from jointex.cli.output import PIPED_WIDTH, console
from jointex.model.metrics import METRICS
from jointex.model.metrics.display import format_estimate_brief, metric_title, metric_unit, plural
from jointex.rehearse.engine import Estimate
from jointex.rehearse.simulate import Simulation
from jointex.rehearse.vignettes.hadr.summary import WORST_SITES_SHOWN


def _cell(e: Estimate, signed: bool = False) -> str:
    if e.n == 0:
        return "n/a"
    return format_estimate_brief(e.mean, e.ci_low, e.ci_high, signed=signed)


def render_relief(simulation: Simulation) -> None:
    """The planners' view of a relief rehearsal: need met by day, the worst-served sites, nations' shares."""
    summary = simulation.relief_summary()
    if summary is None:
        return
    days = Table(title="Share of the day's need met (%)", show_header=True, header_style="bold")
    for day in range(1, len(summary.need_met_by_day) + 1):
        days.add_column(f"day {day}", justify="right", no_wrap=True)
    days.add_row(*(_cell(e) for e in summary.need_met_by_day))
    console.print(days)
    shown = summary.sites[:WORST_SITES_SHOWN]
    sites = Table(
        title=f"Sites by need met, worst first ({len(shown)} of {plural(len(summary.sites), 'site')})",
        show_header=True,
        header_style="bold",
    )
    for column in ("site", "id", "people in need", "need met (%)", "first delivery (h)"):
        sites.add_column(column, justify="left" if column in ("site", "id") else "right", no_wrap=True)
    for w in shown:
        sites.add_row(
            w.name,
            Text(w.site, style="dim"),
            f"{w.population:,}",
            _cell(w.need_met_pct),
            _cell(w.first_delivery_h),
        )
    console.print(sites)
    if rest := summary.rest_of_sites(len(shown)):
        console.print(rest, markup=False)
    nations = Table(title="Deliveries by nation", show_header=True, header_style="bold")
    for column in ("nation", "share (%)", "delivered (t)", "trips", "tonne-km"):
        nations.add_column(column, justify="left" if column == "nation" else "right", no_wrap=True)
    for n in summary.nations:
        nations.add_row(
            n.nation, _cell(n.delivery_share_pct), _cell(n.delivered_t), _cell(n.sorties), _cell(n.tonne_km)
        )
    console.print(nations)


def render_simulation(simulation: Simulation) -> None:
    vignette = simulation.vignette
    console.print(
        f"{vignette.id} — {vignette.name}: {plural(simulation.replications, 'replication')}, "
        f"seed {simulation.seed}. Mean [95% confidence interval].",
        markup=False,
    )
    table = _estimates(simulation, narrow=False)
    unbounded = console.options.update(max_width=PIPED_WIDTH)
    if Measurement.get(console, unbounded, table).maximum > console.width:
        table = _estimates(simulation, narrow=True)
    console.print(table)
    for caveat in simulation.caveats:
        console.print(f"Read with care: {caveat}", markup=False)
    render_relief(simulation)
    if simulation.differences() is not None:
        console.print(
            "Both modes drew the same random numbers (common random numbers); a difference whose interval "
            "excludes 0 is what the shared air picture changes.",
            markup=False,
        )


def _estimates(simulation: Simulation, narrow: bool) -> Table:
    """One row per metric: its title, unit, an estimate per C2 mode, the paired difference and the name an
    objective uses. ``narrow`` (a terminal too narrow for that on one line): each row on two lines, the
    name under the title and each interval under its estimate."""
    summaries = {mode.value: simulation.summary(mode) for mode in simulation.runs}
    differences = simulation.differences()
    table = Table(show_header=True, header_style="bold")
    table.add_column("metric (unit)\nname (for objectives)" if narrow else "metric", overflow="fold")
    if not narrow:
        table.add_column("unit")
    for mode in summaries:
        table.add_column(mode, justify="right", no_wrap=True)
    if differences is not None:
        header = "integrated\n− national" if narrow else "integrated − national"
        table.add_column(header, justify="right", no_wrap=True)
    if not narrow:
        table.add_column("name (for objectives)", style="dim", no_wrap=True)

    def cell(e: Estimate, signed: bool = False) -> str:
        return _cell(e, signed).replace(" [", "\n[") if narrow else _cell(e, signed)

    for metric in simulation.estimated_metrics():
        title, unit = metric_title(metric, simulation.metric_labels), metric_unit(metric)
        row: list[str | Text] = [title, unit]
        if narrow:
            shown = title if unit.lower() in title.lower() else f"{title} ({unit})"
            row = [Text.assemble(shown, "\n", (metric, "dim"))]
        row += [cell(s[metric]) for s in summaries.values()]
        if differences is not None:
            d = differences[metric]
            style = {True: "green", False: "red", None: ""}[METRICS.improvement(metric, d.ci_low, d.ci_high)]
            row.append(Text(cell(d, signed=True), style=style))
        if not narrow:
            row.append(metric)
        table.add_row(*row)
    return table
