"""Interoperability analysis of an exercise file, and its HTML report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from jointex.analyse.interop import InteropResult, analyse_interop
from jointex.model import Exercise, Label
from jointex.model.platform import Platform
from jointex.security.labels import document_label, interop_labels
from jointex.security.release import Release, release_exercise, release_statement
from jointex.service.exercises import LoadedExercise, load_exercise
from jointex.service.files import Written, placed_in, write_text_atomically


@dataclass(frozen=True)
class InteropRun:
    result: InteropResult
    label: Label
    """The aggregate of what the analysis was built from: the forces of the released exercise."""
    release: Release
    platforms: Mapping[str, Platform] = field(default_factory=dict)
    """The catalogue's platform types, for the units' map symbols."""

    @property
    def exercise(self) -> Exercise:
        return self.release.exercise

    @property
    def reader(self) -> str | None:
        """The nation this version is for; None for the coalition version."""
        return self.release.reader.nation


def interop_for_exercise(loaded: LoadedExercise, reader: str | None = None) -> InteropRun:
    """Analyse interoperability of the exercise as ``reader`` (a nation) may see it, or, by default or
    with ``ALL``, as every participating nation may (the coalition version). Raises `InputError`."""
    release = release_exercise(loaded.exercise, reader)
    result = analyse_interop(release.exercise, loaded.catalogue)
    return InteropRun(
        result,
        document_label(release.exercise, interop_labels(release.exercise), release.reader.nations),
        release,
        loaded.catalogue.platforms,
    )


def interop_for_file(path: str | Path, reader: str | None = None) -> InteropRun:
    """Load an exercise (raising `InputError` when it is invalid) and analyse its interoperability."""
    return interop_for_exercise(load_exercise(path), reader)


def write_interop_report(run: InteropRun, out: Path) -> Written:
    """Write the self-contained HTML report (heatmaps, the exercise map and the network drawing inline)
    atomically; its warnings say when it went without its map (no Cairo library)."""
    from jointex.render.interop_html import render_interop_html
    from jointex.service.maps import exercise_map_image

    image = exercise_map_image(run.exercise, run.platforms, run.release.reader.nations)
    html = render_interop_html(
        run.exercise, run.result, run.label, release_statement(run.release), image.image
    )
    write_text_atomically(out, html)
    return Written(out, placed_in(out, image.warnings))
