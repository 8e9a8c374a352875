"""Printing a rehearsal: one row per metric, a column per C2 mode, and the paired difference."""

from __future__ import annotations

from rich.table import Table

from jointex.cli.output import console
from jointex.rehearse.engine import Estimate
from jointex.rehearse.simulate import Simulation


def _cell(e: Estimate) -> str:
    if e.n == 0:
        return "n/a"
    scale = abs(e.mean)
    digits = 0 if scale >= 100 else 1 if scale >= 10 else 2 if scale >= 1 else 3
    return f"{e.mean:,.{digits}f} [{e.ci_low:,.{digits}f}, {e.ci_high:,.{digits}f}]"


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
        row = [metric, *(_cell(summary[metric]) for summary in summaries.values())]
        if differences is not None:
            row.append(_cell(differences[metric]))
        table.add_row(*row)
    console.print(table)
    if differences is not None:
        console.print(
            "Both modes drew the same random numbers (common random numbers); a difference whose interval "
            "excludes 0 is what the shared air picture changes.",
            markup=False,
        )
