"""Interoperability analysis of an exercise file, and its HTML report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jointex.analyse.interop import InteropResult, analyse_interop
from jointex.model import Exercise, Label
from jointex.security.release import exercise_labels, releasable_exercise, report_label
from jointex.service.exercises import LoadedExercise, load_exercise
from jointex.service.files import write_text_atomically


@dataclass(frozen=True)
class InteropRun:
    exercise: Exercise
    result: InteropResult
    label: Label
    reader: str | None = None


def interop_for_exercise(loaded: LoadedExercise, reader: str | None = None) -> InteropRun:
    """Analyse interoperability of the exercise as ``reader`` (a nation) may see it, or of all of it."""
    exercise = releasable_exercise(loaded.exercise, reader.upper()) if reader else loaded.exercise
    result = analyse_interop(exercise, loaded.catalogue)
    return InteropRun(
        exercise, result, report_label(exercise_labels(exercise)), reader.upper() if reader else None
    )


def interop_for_file(path: str | Path, reader: str | None = None) -> InteropRun:
    """Load an exercise (raising `InputError` when it is invalid) and analyse its interoperability."""
    return interop_for_exercise(load_exercise(path), reader)


def write_interop_report(run: InteropRun, out: Path) -> Path:
    """Write the self-contained HTML report (heatmaps and network drawing inline) atomically."""
    from jointex.render.interop_html import render_interop_html

    write_text_atomically(out, render_interop_html(run.exercise, run.result, run.label, run.reader))
    return out
