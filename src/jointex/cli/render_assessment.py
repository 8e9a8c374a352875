"""Rich rendering of an assessment: ratings with their evidence, and the improvement plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from jointex.cli.output import console
from jointex.model.metrics.display import metric_title, plural

if TYPE_CHECKING:
    from jointex.assess import Assessment

_STYLE = {"P": "green", "S": "green", "M": "yellow", "U": "bold red"}


def render_assessment(assessment: Assessment, label: str) -> None:
    console.print(f"[bold]Assessment[/bold] — {label}")
    table = Table(title="Objective ratings (HSEEP P/S/M/U, JTS T/P/U)", title_justify="left")
    for column in ("Objective", "Aspect", "Rating", "T/P/U", "Evidence", "Rule"):
        table.add_column(column)
    for rating in assessment.ratings:
        hseep = rating.hseep.value if rating.hseep else "-"
        evidence = Text("\n").join(
            Text.assemble(
                f"{metric_title(m.measure.metric, assessment.metric_labels)}: {m.status.value} ",
                (f"({m.measure.metric})", "dim"),
            )
            for m in rating.measures
        )
        table.add_row(
            rating.objective.id,
            rating.objective.aspect.value,
            f"[{_STYLE.get(hseep, 'dim')}]{hseep}[/]",
            rating.training.value if rating.training else "-",
            evidence,
            rating.rule,
        )
    console.print(table)
    shown = min(len(assessment.plan), 10)
    count = plural(len(assessment.plan), "action")
    title = f"Improvement plan ({count}{f', the first {shown}' if shown < len(assessment.plan) else ''})"
    table = Table(title=title, title_justify="left")
    for column in ("Action", "Owner", "Due", "Status"):
        table.add_column(column)
    for item in assessment.plan[:shown]:
        table.add_row(
            item.action + (" (proposed)" if item.proposed else ""),
            item.owner,
            item.due.isoformat(),
            item.status,
        )
    console.print(table)
