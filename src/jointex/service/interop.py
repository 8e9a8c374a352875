"""Interoperability analysis of an exercise file, and its HTML report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jointex.analyse.interop import InteropResult, analyse_interop
from jointex.service.exercises import LoadedExercise, load_exercise
from jointex.service.files import write_text_atomically


@dataclass(frozen=True)
class InteropRun:
    loaded: LoadedExercise
    result: InteropResult


def interop_for_file(path: str | Path) -> InteropRun:
    """Load an exercise (raising `InputError` when it is invalid) and analyse its interoperability."""
    loaded = load_exercise(path)
    return InteropRun(loaded, analyse_interop(loaded.exercise, loaded.catalogue))


def write_interop_report(run: InteropRun, out: Path) -> Path:
    """Write the self-contained HTML report (heatmaps and network drawing inline) atomically."""
    from jointex.render.interop_html import render_interop_html

    write_text_atomically(out, render_interop_html(run.loaded.exercise, run.result))
    return out
