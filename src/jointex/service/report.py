"""`jointex report`: assess an exercise and write its after-action report (HTML, and PDF on request)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jointex.assess import Assessment, assess
from jointex.assess.report import ReportData, build_report
from jointex.errors import InputError
from jointex.formats.observations import read_observations
from jointex.formats.run_results import read_runs
from jointex.model.assessment import Observations
from jointex.security.release import releasable_exercise, releasable_observations, releasable_runs
from jointex.service.exercises import LoadedExercise, load_exercise
from jointex.service.files import write_bytes_atomically, write_text_atomically

OBSERVATION_FILES = ("observations.yaml", "observations.yml", "observations.csv")


@dataclass(frozen=True)
class ReportRun:
    assessment: Assessment
    report: ReportData
    written: tuple[Path, ...]


def find_observations(exercise_file: Path) -> Path | None:
    """The evaluators' file in the exercise folder, if there is one."""
    for name in OBSERVATION_FILES:
        candidate = exercise_file.parent / name
        if candidate.is_file():
            return candidate
    return None


def assess_file(
    path: Path,
    runs: Path | None = None,
    reader: str | None = None,
    observations: Path | None = None,
    loaded: LoadedExercise | None = None,
) -> Assessment:
    """Load, filter for ``reader`` (a nation) where data leaves, and assess."""
    loaded = loaded or load_exercise(path)
    exercise = loaded.exercise
    found = observations or find_observations(Path(path))
    notes = read_observations(found) if found else Observations()
    results = read_runs(runs) if runs else []
    if reader is not None:
        reader = reader.upper()
        exercise = releasable_exercise(exercise, reader)
        notes = releasable_observations(notes, exercise, reader)
        results = releasable_runs(results, exercise, reader)
    unknown = sorted({o.objective for o in notes.observations} - {o.id for o in exercise.objectives})
    if unknown and reader is None:
        raise InputError.single(
            f"observations name unknown objectives: {', '.join(unknown)}",
            file=found,
            expected="objective ids of the exercise",
        )
    return assess(exercise, loaded.catalogue, notes, results)


def write_report(
    path: Path,
    out: Path,
    runs: Path | None = None,
    reader: str | None = None,
    pdf: bool = False,
    observations: Path | None = None,
    loaded: LoadedExercise | None = None,
) -> ReportRun:
    """Assess and write ``<ID>-after-action-report[-for-NATION].html`` (and ``.pdf``) into ``out``."""
    from jointex.render.report_html import render_report_html, render_report_pdf

    assessment = assess_file(path, runs, reader, observations, loaded)
    report = build_report(assessment, reader.upper() if reader else None)
    stem = f"{assessment.exercise.id}-after-action-report" + (f"-for-{reader.upper()}" if reader else "")
    html = render_report_html(report)
    written = [out / f"{stem}.html"]
    write_text_atomically(written[0], html)
    if pdf:
        written.append(out / f"{stem}.pdf")
        write_bytes_atomically(written[1], render_report_pdf(html))
    return ReportRun(assessment, report, tuple(written))
