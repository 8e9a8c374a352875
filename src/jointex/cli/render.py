"""Rich renderings of service results. Results are data; this only lays them out for a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table

from jointex.cli.output import console, errors
from jointex.model.metrics.display import plural

if TYPE_CHECKING:
    from jointex.analyse.summary import ExerciseSummary
    from jointex.service.exercises import ValidationReport


def render_validation(report: ValidationReport) -> None:
    if report.loaded is None or not report.ok:  # a valid exercise may still have a bad observations file
        errors.print(f"✗ {report.path}: invalid", style="bold red", markup=False)
        return
    exercise = report.loaded.exercise
    console.print(
        f"✓ {report.path}: {exercise.name} is valid — {plural(len(exercise.participants), 'nation')}, "
        f"{plural(len(exercise.units), 'unit')}, {plural(len(exercise.objectives), 'objective')}, "
        f"{plural(len(exercise.vignettes), 'vignette')}, "
        f"{plural(len(exercise.injects()), 'inject')} ({plural(len(report.files), 'file')})",
        style="green",
        markup=False,
    )


def render_summary(summary: ExerciseSummary, label: str, release: str = "") -> None:
    """The summary, under its label (the marking of what it counts) and, when given, the sentence saying
    whom this version is for."""
    console.print(
        f"[bold]{summary.name}[/bold] ({summary.id}) — {summary.type.upper()} hosted by "
        f"{summary.host_nation}, {summary.start_date} to {summary.end_date}"
    )
    console.print(f"Label: {label}", style="bold", markup=False)
    if release:
        console.print(release, markup=False)

    table = Table(title="Participants", title_justify="left")
    for column in ("Nation", "Name", "Role", "Languages", "Standards", "Units", "Personnel"):
        table.add_column(column, justify="right" if column in ("Standards", "Units", "Personnel") else "left")
    for p in summary.participants:
        table.add_row(
            p.nation,
            p.name,
            p.role,
            ", ".join(p.languages),
            str(p.standards),
            str(p.units),
            f"{p.personnel:,}",
        )
    console.print(table)

    table = Table(title="Forces by nation and service", title_justify="left")
    for column in ("Nation", "Service", "Units", "Personnel", "Equipment"):
        table.add_column(column, justify="left" if column in ("Nation", "Service") else "right")
    for f in summary.forces:
        table.add_row(f.nation, f.service, str(f.units), f"{f.personnel:,}", f"{f.equipment:,}")
    table.add_row(
        "[bold]All[/bold]",
        "",
        str(sum(f.units for f in summary.forces)),
        f"[bold]{summary.total_personnel:,}[/bold]",
        f"{sum(summary.equipment.values()):,}",
    )
    console.print(table)

    table = Table(title="Equipment", title_justify="left")
    table.add_column("Platform")
    table.add_column("Count", justify="right")
    for platform, count in summary.equipment.items():
        table.add_row(platform, f"{count:,}")
    console.print(table)

    table = Table(title="Objectives by aspect", title_justify="left")
    table.add_column("Aspect")
    table.add_column("Objectives")
    for aspect, ids in summary.objectives_by_aspect.items():
        table.add_row(aspect, ", ".join(ids))
    console.print(table)

    table = Table(title="Vignettes", title_justify="left")
    for column in ("Id", "Kind", "Name", "From", "To", "Units"):
        table.add_column(column, justify="right" if column == "Units" else "left")
    for v in summary.vignettes:
        table.add_row(v.id, v.kind, v.name, v.start, v.end, str(v.units))
    console.print(table)

    msel = summary.msel
    if msel.injects:
        methods = ", ".join(f"{k} {v}" for k, v in msel.by_method.items())
        console.print(
            f"MSEL: {plural(msel.injects, 'inject')} in {plural(msel.events, 'event')} / "
            f"{plural(msel.incidents, 'incident')}, "
            f"{msel.first} to {msel.last} ({msel.span_h:g} h); by method: {methods}",
            markup=False,
        )
    else:
        console.print("MSEL: no injects yet", markup=False)
