"""Printing a rehearsal: one row per metric, a column per mode, the paired difference, and the kind's
detail tables."""

from __future__ import annotations

from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from jointex.cli.output import PIPED_WIDTH, console
from jointex.model.metrics import METRICS
from jointex.model.metrics.display import format_estimate_brief, metric_title, metric_unit, plural
from jointex.rehearse.engine import Estimate
from jointex.rehearse.simulate import Simulation
from jointex.rehearse.vignettes.plugin import DetailTable


def _cell(e: Estimate, signed: bool = False) -> str:
    if e.n == 0:
        return "n/a"
    return format_estimate_brief(e.mean, e.ci_low, e.ci_high, signed=signed)


def render_detail(table: DetailTable) -> None:
    """A table of the kind's detail result; rows past ``shown`` summed up in its note."""
    shown = table.rows if table.shown is None else table.rows[: table.shown]
    out = Table(title=table.title, show_header=True, header_style="bold")
    for k, column in enumerate(table.columns):
        out.add_column(column, justify="left" if k < table.left_columns else "right", no_wrap=True)
    for row in shown:
        out.add_row(*row)
    console.print(out)
    if len(shown) < len(table.rows) and table.rest_note:
        console.print(table.rest_note, markup=False)
    if table.note:
        console.print(table.note, markup=False)


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
    for detail in simulation.detail.tables() if simulation.detail is not None else ():
        render_detail(detail)
    if simulation.differences() is not None and simulation.model.modes_note:
        console.print(simulation.model.modes_note, markup=False)


def _estimates(simulation: Simulation, narrow: bool) -> Table:
    """One row per metric: its title, unit, an estimate per mode, the paired difference and the name an
    objective uses. ``narrow`` (a terminal too narrow for that on one line): each row on two lines, the
    name under the title and each interval under its estimate."""
    summaries = {mode: simulation.summary(mode) for mode in simulation.runs}
    differences = simulation.differences()
    table = Table(show_header=True, header_style="bold")
    table.add_column("metric (unit)\nname (for objectives)" if narrow else "metric", overflow="fold")
    if not narrow:
        table.add_column("unit")
    for mode in summaries:
        table.add_column(mode if simulation.modes else "estimate", justify="right", no_wrap=True)
    if differences is not None:
        header = simulation.difference_title.replace(" − ", "\n− " if narrow else " − ")
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
