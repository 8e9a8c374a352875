"""`jointex report`: assess one reader's version of an exercise and make its after-action report (HTML,
and PDF on request) as documents; the shell writes them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jointex.assess import Assessment, assess
from jointex.assess.report import ReportData, build_report
from jointex.assess.run_checks import RunFile, check_run_files, used_run_files
from jointex.assess.unrehearsed import unrehearsed_vignettes
from jointex.errors import MissingSystemLibrary, Problem
from jointex.formats.observations import find_observations, read_observations
from jointex.model.assessment import Observations
from jointex.render.pdf_engine import pdf_engine_problem
from jointex.security.evidence import ReleasedEvidence, release_evidence
from jointex.security.readers import Reader, reader_for
from jointex.security.release import Release, release_exercise
from jointex.service.exercises import LoadedExercise, load_exercise
from jointex.service.files import Document

if TYPE_CHECKING:
    from jointex.service.interop import InteropRun


@dataclass(frozen=True)
class AssessedVersion:
    """The assessment of one reader's version of an exercise, with what was withheld from it."""

    assessment: Assessment
    release: Release
    evidence: ReleasedEvidence


@dataclass(frozen=True)
class ReportDocuments:
    """The after-action report of one reader's version: the assessment, what the report shows, and its
    documents (``<ID>-after-action-report[-for-NATION].html``, and ``.pdf`` when asked for)."""

    assessment: Assessment
    report: ReportData
    documents: tuple[Document, ...]
    warnings: tuple[Problem, ...] = ()
    """What the assessment had to go without (a rehearsal's evidence, without its run), and how to get
    it; what each document went without is in its own warnings."""

    def to_dict(self) -> dict[str, Any]:
        report = self.report
        return {
            **self.assessment.to_dict(),
            "label": report.label.marking,
            "release": {
                "reader": report.reader or "ALL",
                "withheld": report.withheld,
                "evidence_withheld_by_objective": report.withheld_by_objective,
            },
        }


def observations_for(loaded: LoadedExercise, file: Path | None = None) -> Observations:
    """The evaluators' observations of a loaded exercise file: those of ``file``, or by default of the
    ``observations.yaml`` (``.yml``, ``.csv``) beside the exercise file, or none. Raises `InputError`."""
    found = file or find_observations(loaded.path)
    return read_observations(found, loaded.exercise.objectives_by_id) if found else Observations()


def assess_version(
    loaded: LoadedExercise,
    reader: Reader | None = None,
    *,
    runs: Sequence[RunFile] = (),
    observations: Observations | None = None,
    interop: InteropRun | None = None,
) -> AssessedVersion:
    """Release ``loaded`` to ``reader`` (by default the coalition) where data leaves, and assess from the
    evidence that reader may see: ``observations`` and ``runs`` (each checked against the exercise as
    loaded, before anything is withheld, `check_run_files`). ``interop``: the interoperability analysis
    of this reader's version, when the caller has it (`interop_for_exercise`), else it is run here.
    Raises `InputError`."""
    reader = reader_for(loaded.exercise, reader)
    check_run_files(runs, loaded.exercise, reader.nation)
    if interop is not None and interop.reader != reader:
        raise ValueError(
            f"the interoperability analysis is of {interop.reader.name}'s version, not {reader.name}'s"
        )
    release = interop.release if interop is not None else release_exercise(loaded.exercise, reader)
    evidence = release_evidence(
        observations or Observations(), [f.run for f in runs], loaded.exercise, release
    )
    assessment = assess(
        release.exercise,
        loaded.catalogue,
        evidence.observations,
        evidence.runs,
        interop.result if interop is not None else None,
    )
    assessment = replace(assessment, runs_used=used_run_files(runs, evidence.runs))
    return AssessedVersion(assessment, release, evidence)


def report_documents(
    loaded: LoadedExercise,
    reader: Reader | None = None,
    *,
    runs: Sequence[RunFile] = (),
    observations: Observations | None = None,
    pdf: bool = False,
    interop: InteropRun | None = None,
) -> ReportDocuments:
    """Assess ``reader``'s version (`assess_version`) and make its after-action report: the HTML, and
    with ``pdf`` the PDF too. With ``pdf``, raises `MissingSystemLibrary` before assessing anything when
    the PDF engine cannot run (Pango missing), so a shell never writes the HTML alone. Raises
    `InputError`."""
    from jointex.render.report_html import render_report_html, render_report_pdf
    from jointex.service.maps import exercise_map_image

    if pdf and (missing := pdf_engine_problem()) is not None:
        raise MissingSystemLibrary((missing,))
    version = assess_version(loaded, reader, runs=runs, observations=observations, interop=interop)
    assessment = version.assessment
    report = build_report(assessment, version.release, version.evidence)
    exercise_map = exercise_map_image(
        report.exercise, loaded.catalogue.platforms, version.release.reader.nations
    )
    report = replace(report, charts={**report.charts, "map": exercise_map.image})
    nation = version.release.reader.nation
    stem = f"{assessment.exercise.id}-after-action-report" + (f"-for-{nation}" if nation else "")
    html = render_report_html(report)
    documents = [Document.text(f"{stem}.html", html, "text/html", exercise_map.warnings)]
    if pdf:
        documents.append(Document(f"{stem}.pdf", render_report_pdf(html), "application/pdf"))
    return ReportDocuments(assessment, report, tuple(documents), unrehearsed_vignettes(assessment))


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
    interoperability analysis, for ``reader``'s version (a nation code; by default, or with ``ALL``, the
    coalition version, what every participant may see). Raises `InputError` for a bad file, as the
    command exits 2 for one."""
    from jointex.service.runs import read_run_files

    loaded = load_exercise(path)
    return assess_version(
        loaded,
        reader_for(loaded.exercise, reader),
        runs=read_run_files(Path(runs)) if runs is not None else (),
        observations=observations_for(loaded, Path(observations) if observations is not None else None),
    ).assessment
