"""Printing a rehearsal: one row per metric, a column per C2 mode, and the paired difference."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from jointex.cli.output import console
from jointex.model.metrics import METRICS
from jointex.rehearse.engine import Estimate
from jointex.rehearse.simulate import Simulation


def _cell(e: Estimate) -> str:
    if e.n == 0:
        return "n/a"
    scale = abs(e.mean)
    digits = 0 if scale >= 100 else 1 if scale >= 10 else 2 if scale >= 1 else 3
    return f"{e.mean:,.{digits}f} [{e.ci_low:,.{digits}f}, {e.ci_high:,.{digits}f}]"


def render_relief(simulation: Simulation) -> None:
    """The planners' view of a relief rehearsal: need met by day, longest waits, nations' shares."""
    summary = simulation.relief_summary()
    if summary is None:
        return
    days = Table(title="Share of the day's need met (%)", show_header=True, header_style="bold")
    for day in range(1, len(summary.need_met_by_day) + 1):
        days.add_column(f"day {day}", justify="right", no_wrap=True)
    days.add_row(*(_cell(e) for e in summary.need_met_by_day))
    console.print(days)
    waits = Table(title="Longest-waiting sites", show_header=True, header_style="bold")
    for column in ("site", "people in need", "first delivery (h)", "need met (%)"):
        waits.add_column(column, justify="left" if column == "site" else "right", no_wrap=column != "site")
    for w in summary.longest_waiting:
        waits.add_row(
            f"{w.name} ({w.site})", f"{w.population:,}", _cell(w.first_delivery_h), _cell(w.need_met_pct)
        )
    console.print(waits)
    nations = Table(title="Deliveries by nation", show_header=True, header_style="bold")
    for column in ("nation", "share (%)", "delivered (t)", "sorties", "tonne-km"):
        nations.add_column(column, justify="left" if column == "nation" else "right", no_wrap=True)
    for n in summary.nations:
        nations.add_row(
            n.nation, _cell(n.delivery_share_pct), _cell(n.delivered_t), _cell(n.sorties), _cell(n.tonne_km)
        )
    console.print(nations)


def render_simulation(simulation: Simulation) -> None:
    vignette = simulation.vignette
    console.print(
        f"{vignette.id} — {vignette.name}: {simulation.replications} replications, seed {simulation.seed}. "
        "Mean [95% confidence interval].",
        markup=False,
    )
    summaries = {mode.value: simulation.summary(mode) for mode in simulation.runs}
    differences = simulation.differences()
    table = Table(show_header=True, header_style="bold")
    table.add_column("metric", overflow="fold")
    for mode in summaries:
        table.add_column(mode, justify="right", no_wrap=True)
    if differences is not None:
        table.add_column("integrated − national", justify="right", no_wrap=True)
    for metric in next(iter(summaries.values())):
        if simulation.scene is not None and metric.count(".") > 1:
            continue  # a relief run's per-site and per-nation metrics are in the tables below (and --json)
        row: list[str | Text] = [metric, *(_cell(summary[metric]) for summary in summaries.values())]
        if differences is not None:
            d = differences[metric]
            style = {True: "green", False: "red", None: ""}[METRICS.improvement(metric, d.ci_low, d.ci_high)]
            row.append(Text(_cell(d), style=style))
        table.add_row(*row)
    console.print(table)
    for caveat in simulation.caveats:
        console.print(f"Read with care: {caveat}", markup=False)
    render_relief(simulation)
    if differences is not None:
        console.print(
            "Both modes drew the same random numbers (common random numbers); a difference whose interval "
            "excludes 0 is what the shared air picture changes.",
            markup=False,
        )
