"""`jointex show`: what is in an exercise, as one reader may see it, labelled as what it shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jointex.analyse.summary import ExerciseSummary, summarise
from jointex.model import Label
from jointex.security.labels import document_label, exercise_labels
from jointex.security.readers import Reader
from jointex.security.release import Release, release_exercise, release_statement
from jointex.service.exercises import LoadedExercise


@dataclass(frozen=True)
class SummaryRun:
    summary: ExerciseSummary
    label: Label
    """The aggregate of the labels of everything the summary counts (`document_label`)."""
    release: Release

    @property
    def reader(self) -> Reader:
        return self.release.reader

    @property
    def statement(self) -> str:
        """Whom this version is for and how much was withheld from it (`release_statement`), as the
        summary opens under its label."""
        return release_statement(self.release)

    def to_dict(self) -> dict[str, Any]:
        return {**self.summary.to_dict(), "label": self.label.marking, "release": self.release.to_dict()}


def summary_for_exercise(loaded: LoadedExercise, reader: Reader | None = None) -> SummaryRun:
    """Summarise the exercise as ``reader`` may see it, or, by default, as every participating nation may
    (the coalition version). Raises `InputError`."""
    release = release_exercise(loaded.exercise, reader)
    exercise = release.exercise
    label = document_label(exercise, exercise_labels(exercise), release.reader.nations)
    return SummaryRun(summarise(exercise, loaded.catalogue), label, release)
