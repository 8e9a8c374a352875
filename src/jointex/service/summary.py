"""`jointex show`: what is in an exercise, as one reader may see it, labelled as what it shows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jointex.analyse.summary import ExerciseSummary, summarise
from jointex.model import Label
from jointex.security.labels import document_label, exercise_labels
from jointex.security.release import Release, release_exercise
from jointex.service.exercises import LoadedExercise, load_exercise


@dataclass(frozen=True)
class SummaryRun:
    summary: ExerciseSummary
    label: Label
    """The aggregate of the labels of everything the summary counts (`document_label`)."""
    release: Release

    @property
    def reader(self) -> str | None:
        """The nation this version is for; None for the coalition version."""
        return self.release.reader.nation

    def to_dict(self) -> dict[str, Any]:
        return {**self.summary.to_dict(), "label": self.label.marking, "release": self.release.to_dict()}


def summary_for_exercise(loaded: LoadedExercise, reader: str | None = None) -> SummaryRun:
    """Summarise the exercise as ``reader`` (a nation) may see it, or, by default or with ``ALL``, as
    every participating nation may (the coalition version). Raises `InputError`."""
    release = release_exercise(loaded.exercise, reader)
    exercise = release.exercise
    label = document_label(exercise, exercise_labels(exercise), release.reader.nations)
    return SummaryRun(summarise(exercise, loaded.catalogue), label, release)


def summary_for_file(path: str | Path, reader: str | None = None) -> SummaryRun:
    """Load an exercise (raising `InputError` when it is invalid) and summarise it for ``reader``."""
    return summary_for_exercise(load_exercise(path), reader)
