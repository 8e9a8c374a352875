"""Dates, phases, vignette windows and inject times must be in order and inside the exercise."""

from __future__ import annotations

from datetime import timedelta

from jointex.errors import Problem, Severity
from jointex.model import Exercise
from jointex.model.times import format_scenario_time


def check_timeline(exercise: Exercise) -> list[Problem]:
    problems: list[Problem] = []
    if exercise.end_date < exercise.start_date:
        problems.append(
            Problem(
                f"ENDEX {exercise.end_date} is before STARTEX {exercise.start_date}",
                field=("end_date",),
                expected="end_date on or after start_date",
            )
        )
        return problems
    previous = None
    for i, phase in enumerate(exercise.phases):
        if phase.start < exercise.start_date or phase.end > exercise.end_date:
            problems.append(
                Problem(
                    f"phase {phase.id} ({phase.start} to {phase.end}) lies outside the exercise "
                    f"({exercise.start_date} to {exercise.end_date})",
                    field=("phases", i),
                    expected="phases within start_date and end_date",
                )
            )
        if previous is not None and phase.start <= previous.end:
            problems.append(
                Problem(
                    f"phase {phase.id} starts {phase.start}, before phase {previous.id} ends {previous.end}",
                    field=("phases", i, "start"),
                    expected="phases in order, without overlap",
                )
            )
        previous = phase
    endex = exercise.duration
    for v, vignette in enumerate(exercise.vignettes):
        if vignette.start < timedelta(0) or vignette.end > endex:
            problems.append(
                Problem(
                    f"vignette window {format_scenario_time(vignette.start)} to "
                    f"{format_scenario_time(vignette.end)} "
                    f"is outside the exercise (D+0 00:00 to {format_scenario_time(endex)})",
                    field=("vignettes", v),
                    expected="a window between STARTEX and ENDEX",
                )
            )
    for (e, i, j), inject in exercise.scenario.injects():
        path = ("scenario", "events", e, "incidents", i, "injects", j, "time")
        if inject.time > endex:
            problems.append(
                Problem(
                    f"inject {inject.serial} at {format_scenario_time(inject.time)} is after ENDEX "
                    f"({format_scenario_time(endex)})",
                    field=path,
                    expected="a time before ENDEX",
                )
            )
        elif inject.time < timedelta(0):
            problems.append(
                Problem(
                    f"inject {inject.serial} is released before STARTEX",
                    field=path,
                    severity=Severity.WARNING,
                )
            )
    return problems
