"""Interoperability analysis of one reader's version of an exercise, and its HTML report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from jointex.analyse.interop import InteropResult, analyse_interop
from jointex.model import Exercise, Label
from jointex.model.platform import Platform
from jointex.security.labels import document_label, interop_labels
from jointex.security.readers import Reader
from jointex.security.release import Release, release_exercise, release_statement
from jointex.service.exercises import LoadedExercise
from jointex.service.files import Document


@dataclass(frozen=True)
class MeasureValue:
    """A measure an objective can name, with the value the analysis gives it, as people read it."""

    name: str
    """The metric's name, as objectives write it (``interop.overall``)."""
    title: str
    value: str


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
    def reader(self) -> Reader:
        return self.release.reader

    @property
    def statement(self) -> str:
        """Whom this version is for and how much was withheld from it (`release_statement`)."""
        return release_statement(self.release)

    def measures(self) -> tuple[MeasureValue, ...]:
        """The measures for objectives this analysis gives a value, titled and formatted as every
        document shows them."""
        from jointex.assess.evidence import interop_metrics
        from jointex.model.metrics.display import format_metric, metric_title

        return tuple(
            MeasureValue(name, metric_title(name), format_metric(name, value.value))
            for name, value in interop_metrics(self.result).items()
        )

    def to_dict(self) -> dict[str, Any]:
        return {**self.result.to_dict(), "label": self.label.marking, "release": self.release.to_dict()}


def interop_for_exercise(loaded: LoadedExercise, reader: Reader | None = None) -> InteropRun:
    """Analyse interoperability of the exercise as ``reader`` may see it, or, by default, as every
    participating nation may (the coalition version). Raises `InputError`."""
    release = release_exercise(loaded.exercise, reader)
    result = analyse_interop(release.exercise, loaded.catalogue)
    return InteropRun(
        result,
        document_label(release.exercise, interop_labels(release.exercise), release.reader.nations),
        release,
        loaded.catalogue.platforms,
    )


def interop_report(run: InteropRun) -> Document:
    """The self-contained HTML report (heatmaps, the exercise map and the network drawing inline), named
    ``interop.html`` (``interop-for-POL.html`` for a nation's version); its warnings say when it went
    without its map (no Cairo library)."""
    from jointex.render.interop_html import render_interop_html
    from jointex.service.maps import exercise_map_image

    image = exercise_map_image(run.exercise, run.platforms, run.reader.nations)
    html = render_interop_html(run.exercise, run.result, run.label, run.statement, image.image)
    nation = run.reader.nation
    name = "interop" + (f"-for-{nation}" if nation else "") + ".html"
    return Document.text(name, html, "text/html", image.warnings)
