"""Rich rendering of the interoperability result for a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from rich.table import Table

from jointex.cli.output import console
from jointex.model.metrics.display import format_number, plural
from jointex.model.metrics.interop import domain_title

if TYPE_CHECKING:
    from collections.abc import Sequence

    from jointex.analyse.interop import InteropResult
    from jointex.service.interop import MeasureValue

_STYLE = {3: "green", 2: "yellow", 1: "bold red", 0: "dim"}


def render_interop(result: InteropResult, measures: Sequence[MeasureValue] = (), top: int = 15) -> None:
    """Everything: domain matrices, nation pairs, gaps, sortie conflicts, single points of failure, and the
    ``measures`` for objectives (`InteropRun.measures`)."""
    console.print(
        f"[bold]Interoperability[/bold]: overall {_percent(result.overall_score)} of applicable unit "
        f"pairs work, {plural(len(result.nations), 'nation')}, {plural(len(result.unit_ids), 'unit')} "
        "(✓ compatible, ~ bridged, ✗ incompatible, · not applicable)"
    )
    _render_domains(result)
    _render_pairs(result)
    _render_gaps(result, top)
    _render_spofs(result, top)
    _render_measures(measures)


def render_interop_brief(result: InteropResult, top: int = 5) -> None:
    """The headline for the demo: nation pair degrees, the top gaps and single points of failure."""
    console.print(
        f"[bold]Interoperability[/bold]: overall {_percent(result.overall_score)} of applicable unit "
        "pairs work"
    )
    _render_pairs(result)
    _render_gaps(result, top)
    _render_spofs(result, top)


def _render_domains(result: InteropResult) -> None:
    from jointex.analyse.interop import State

    for domain, domain_result in result.domains.items():
        title = domain_title(domain) + (" (row refuels column)" if domain_result.directed else "")
        table = Table(title=title, title_justify="left", pad_edge=False)
        table.add_column("")
        for nation in result.nations:
            table.add_column(nation, justify="center")
        scores = domain_result.score
        for a, nation in enumerate(result.nations):
            cells = []
            for b in range(len(result.nations)):
                state = int(domain_result.state[a, b])
                score = "" if np.isnan(scores[a, b]) or state == 0 else f"{scores[a, b]:.0%}"
                cells.append(f"[{_STYLE[state]}]{State(state).symbol}{score}[/]")
            table.add_row(nation, *cells)
        console.print(table)


def _render_pairs(result: InteropResult) -> None:
    from jointex.analyse.interop.scoring import LISI_LEVELS, NATO_DEGREES

    table = Table(title="Nation pairs", title_justify="left")
    for column in ("Pair", "Score", "NATO degree", "LISI level", "Weakest"):
        table.add_column(column)
    for pair in result.pairs:
        score = _percent(pair.score)
        table.add_row(
            " – ".join(pair.nations),
            score,
            f"{pair.nato_degree} {NATO_DEGREES[pair.nato_degree]}",
            f"{pair.lisi_level} {LISI_LEVELS[pair.lisi_level]}",
            domain_title(pair.weakest_domain) if pair.weakest_domain else "",
        )
    console.print(table)


def _render_gaps(result: InteropResult, top: int) -> None:
    table = Table(
        title=f"Gaps and remedies (top {min(top, len(result.gaps))} of {len(result.gaps)})",
        title_justify="left",
    )
    for column in ("#", "Domain", "Problem", "Remedy", "Pairs"):
        table.add_column(column, justify="right" if column in ("#", "Pairs") else "left")
    for i, gap in enumerate(result.gaps[:top], start=1):
        table.add_row(str(i), domain_title(gap.domain), gap.problem, gap.remedy, str(gap.critical_pairs))
    console.print(table)
    for conflict in result.sortie_conflicts:
        console.print(
            f"AAR sortie conflict in {conflict.vignette}: {conflict.message}", style="yellow", markup=False
        )


def _render_spofs(result: InteropResult, top: int) -> None:
    spofs = result.single_points_of_failure
    shown = f"top {min(top, len(spofs))} of {len(spofs)}" if len(spofs) > top else str(len(spofs))
    table = Table(title=f"Single points of failure ({shown})", title_justify="left")
    for column in ("Kind", "Name", "Nation pairs cut", "Vignette pairs cut", "Units cut off"):
        table.add_column(column)
    for spof in spofs[:top]:
        table.add_row(
            spof.kind,
            spof.name,
            ", ".join("–".join(p) for p in spof.nation_pairs_cut) or "-",
            str(spof.vignette_pairs_cut),
            str(spof.units_cut_off),
        )
    console.print(table)


def _render_measures(measures: Sequence[MeasureValue]) -> None:
    """The measures an objective can name, with the value this analysis gives each."""
    if not measures:
        return
    table = Table(title="Measures for objectives", title_justify="left")
    table.add_column("Measure", no_wrap=True)
    table.add_column("Value", justify="right", no_wrap=True)
    table.add_column("Name (for objectives)", style="dim", no_wrap=True)
    for measure in measures:
        table.add_row(measure.title, measure.value, measure.name)
    console.print(table)


def _percent(share: float) -> str:
    """A share in [0, 1] as a whole percentage, ``n/a`` when there is none."""
    return format_number(share * 100, unit="%", decimals=0)
