"""`jointex report`: assess an exercise and write its after-action report (HTML, and PDF on request)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from jointex.assess import Assessment, assess
from jointex.assess.report import ReportData, build_report
from jointex.assess.run_checks import used_run_files
from jointex.assess.unrehearsed import unrehearsed_vignettes
from jointex.errors import MissingSystemLibrary, Problem
from jointex.formats.observations import find_observations, read_observations
from jointex.model.assessment import Observations
from jointex.render.pdf_engine import pdf_engine_problem
from jointex.security.evidence import ReleasedEvidence, release_evidence
from jointex.security.release import Release, release_exercise
from jointex.service.exercises import LoadedExercise, load_exercise
from jointex.service.files import placed_in, write_bytes_atomically, write_text_atomically
from jointex.service.runs import checked_run_files


@dataclass(frozen=True)
class ReportRun:
    assessment: Assessment
    report: ReportData
    written: tuple[Path, ...]
    warnings: tuple[Problem, ...] = ()
    """What the report had to go without (its map, without the Cairo library; a rehearsal's evidence,
    without its run file), and how to get it."""


@dataclass(frozen=True)
class AssessedVersion:
    """The assessment of one reader's version of an exercise, with what was withheld from it."""

    assessment: Assessment
    release: Release
    evidence: ReleasedEvidence


def assess_version(
    path: Path,
    runs: Path | None = None,
    reader: str | None = None,
    observations: Path | None = None,
    loaded: LoadedExercise | None = None,
) -> AssessedVersion:
    """Load, release to ``reader`` (a nation; by default, or with ``ALL``, the coalition) where data
    leaves, and assess from the evidence that reader may see. Run files are checked against the exercise
    as loaded, before anything is withheld (`checked_run_files`). Raises `InputError`."""
    loaded = loaded or load_exercise(path)
    found = observations or find_observations(Path(path))
    notes = read_observations(found, loaded.exercise.objectives_by_id) if found else Observations()
    run_files = checked_run_files(runs, loaded.exercise, reader) if runs else []
    results = [f.run for f in run_files]
    release = release_exercise(loaded.exercise, reader)
    evidence = release_evidence(notes, results, loaded.exercise, release)
    assessment = assess(release.exercise, loaded.catalogue, evidence.observations, evidence.runs)
    assessment = replace(assessment, runs_used=used_run_files(run_files, evidence.runs))
    return AssessedVersion(assessment, release, evidence)


def assess_exercise(
    path: str | Path,
    *,
    runs: str | Path | None = None,
    reader: str | None = None,
    observations: str | Path | None = None,
) -> Assessment:
    """Assess an exercise file from all its evidence, as ``jointex report`` does: the evaluators'
    observations (``observations.yaml``, ``.yml`` or ``.csv`` beside the exercise, or ``observations``),
    the simulation run files in the folder ``runs`` (written by ``jointex simulate --runs``) and the
    interoperability analysis, for ``reader``'s version (a nation; by default the coalition version, what
    every participant may see). Raises `InputError` for a bad file, as the command exits 2 for one."""
    return assess_version(
        Path(path),
        Path(runs) if runs is not None else None,
        reader,
        Path(observations) if observations is not None else None,
    ).assessment


def write_report(
    path: Path,
    out: Path,
    runs: Path | None = None,
    reader: str | None = None,
    pdf: bool = False,
    observations: Path | None = None,
    loaded: LoadedExercise | None = None,
) -> ReportRun:
    """Assess and write ``<ID>-after-action-report[-for-NATION].html`` (and ``.pdf``) into ``out``: the
    coalition version, or ``reader``'s. With ``pdf``, raises `MissingSystemLibrary` before assessing or
    writing anything when the PDF engine cannot run (Pango missing), and writes nothing until both files
    are made: never the HTML alone."""
    from jointex.render.report_html import render_report_html, render_report_pdf
    from jointex.service.maps import exercise_map_image

    if pdf and (missing := pdf_engine_problem()) is not None:
        raise MissingSystemLibrary((missing,))
    loaded = loaded or load_exercise(path)
    version = assess_version(path, runs, reader, observations, loaded)
    assessment = version.assessment
    report = build_report(assessment, version.release, version.evidence)
    exercise_map = exercise_map_image(
        report.exercise, loaded.catalogue.platforms, version.release.reader.nations
    )
    report = replace(report, charts={**report.charts, "map": exercise_map.image})
    nation = version.release.reader.nation
    stem = f"{assessment.exercise.id}-after-action-report" + (f"-for-{nation}" if nation else "")
    html = render_report_html(report)
    pdf_bytes = render_report_pdf(html) if pdf else None
    written = [out / f"{stem}.html"]
    write_text_atomically(written[0], html)
    if pdf_bytes is not None:
        written.append(out / f"{stem}.pdf")
        write_bytes_atomically(written[1], pdf_bytes)
    warnings = (*placed_in(written[0], exercise_map.warnings), *unrehearsed_vignettes(assessment))
    return ReportRun(assessment, report, tuple(written), warnings)
