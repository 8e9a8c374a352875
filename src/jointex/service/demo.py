"""The main job on the bundled flagship example: what `jointex demo` runs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from jointex.analyse.interop import InteropResult
from jointex.analyse.summary import ExerciseSummary
from jointex.assess import Assessment
from jointex.assess.run_checks import RunFile
from jointex.errors import Problem, Severity
from jointex.model.assessment import Observations
from jointex.model.metrics.display import plural
from jointex.rehearse.vignettes.registry import vignette_model
from jointex.render.pdf_engine import pdf_engine_problem
from jointex.security.readers import reader_for
from jointex.service.exercises import LoadedExercise, ValidationReport, load_exercise, validate_exercise
from jointex.service.files import Document, Written, write_documents
from jointex.service.interop import InteropRun, interop_for_exercise, interop_report
from jointex.service.report import ReportDocuments, observations_for, report_documents
from jointex.service.simulate import (
    SimulationRun,
    run_file,
    simulate,
    write_exports,
    write_run_file,
    write_simulation_html,
)
from jointex.service.summary import summary_for_exercise

FLAGSHIP = "baltic-shield"
DEMO_REPLICATIONS = 1000
DEMO_SEED = 2027
RELIEF_EXAMPLE = "pacific-shelter"
RELIEF_VIGNETTE = "V-HADR-RELIEF"
RELIEF_REPLICATIONS = 30
"""Each relief replication plans seven days with PyVRP (about a second); 30 give intervals of a few points."""


def bundled_examples_folder() -> Path:
    """Where the example exercises are: inside the installed package, or the source checkout's examples/."""
    packaged = Path(str(resources.files("jointex").joinpath("_bundled_examples")))
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "examples"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("the bundled examples are missing from this installation of jointex")


def flagship_exercise_file() -> Path:
    return bundled_examples_folder() / FLAGSHIP / "exercise.yaml"


@dataclass(frozen=True)
class DemoResult:
    report: ValidationReport
    summary: ExerciseSummary | None
    interop: InteropResult | None
    written: tuple[Path, ...]
    assessment: Assessment | None = None
    label: str = ""
    not_rehearsed: tuple[str, ...] = ()
    rehearsals: tuple[SimulationRun, ...] = ()
    warnings: tuple[Problem, ...] = ()
    """What the demo could not do on this machine (the PDF without Pango, the maps without Cairo), and how
    to make it."""
    release: str = ""
    """Whom the summary and the reports are for and how much was withheld from them (the coalition
    version), as `jointex show` opens."""

    @property
    def not_rehearsed_note(self) -> str:
        """The sentence naming the vignettes left out of the rehearsals, or '' when none was."""
        if not self.not_rehearsed:
            return ""
        return (
            f"Not rehearsed (no simulation for their kind yet): {', '.join(self.not_rehearsed)}; their "
            "metrics count as no evidence."
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "validation": self.report.to_dict(),
            "summary": self.summary.to_dict() if self.summary else None,
            "interop": self.interop.to_dict() if self.interop else None,
            "assessment": self.assessment.to_dict() if self.assessment else None,
            "label": self.label,
            "release": self.release,
            "not_rehearsed": list(self.not_rehearsed),
            "rehearsals": [r.simulation.to_dict() for r in self.rehearsals],
            "written": [str(path) for path in self.written],
            "warnings": [problem.to_dict() for problem in self.warnings],
        }


@dataclass(frozen=True)
class _Evidence:
    """What every version's report is assessed from: the evaluators' observations and the rehearsals'
    runs (the coalition version's, which every nation's version may cite)."""

    observations: Observations
    runs: tuple[RunFile, ...]


def after_action_documents(
    loaded: LoadedExercise,
    observations: Observations,
    runs: Iterable[RunFile] = (),
    interop: InteropRun | None = None,
) -> tuple[ReportDocuments, tuple[Problem, ...]]:
    """The flagship's coalition after-action report, as HTML and PDF, and what could not be done. The
    demo shows the whole job: on a machine without Pango (which the PDF needs) it makes the report as HTML
    only, with a warning saying how to install Pango, rather than stop at its last step; `jointex report
    --pdf`, which asks for the PDF, fails instead. Whether a PDF can be made is decided once, before the
    report is assessed. ``interop``: the coalition version's interoperability analysis, when made."""
    missing = pdf_engine_problem()
    report = report_documents(
        loaded, runs=tuple(runs), observations=observations, pdf=missing is None, interop=interop
    )
    if missing is None:
        return report, ()
    warning = Problem(
        f"the after-action report was written as HTML only: {missing.message}", severity=Severity.WARNING
    )
    return report, (warning,)


def _per_nation(loaded: LoadedExercise, evidence: _Evidence) -> tuple[list[Document], list[Problem]]:
    """Each participating nation's own version of the after-action report and the interoperability
    report, in ``per-nation/<NATION>/``, from one interoperability analysis of that version: built from
    what is releasable to that nation (the coalition run files are releasable to every nation, so each
    version cites them), and the reports' warnings."""
    documents: list[Document] = []
    warnings: list[Problem] = []
    for nation in loaded.exercise.nations:
        interop = interop_for_exercise(loaded, reader_for(loaded.exercise, nation))
        report = report_documents(
            loaded, interop.reader, runs=evidence.runs, observations=evidence.observations, interop=interop
        )
        documents += [d.under(f"per-nation/{nation}") for d in (*report.documents, interop_report(interop))]
        warnings += report.warnings
    return documents, warnings


def _once(warnings: Iterable[Problem]) -> tuple[Problem, ...]:
    """Each warning once: one that several reports share (written without its map, without Cairo)
    counts them and names the first."""
    alike: dict[str, list[Problem]] = {}
    for warning in warnings:
        alike.setdefault(warning.message, []).append(warning)
    return tuple(
        same[0]
        if len(same) == 1
        else replace(
            same[0],
            file=None,
            message=f"{message} ({plural(len(same), 'report')}; the first: {same[0].file})",
        )
        for message, same in alike.items()
    )


@dataclass(frozen=True)
class _Rehearsals:
    runs: list[SimulationRun]
    files: list[Written]
    evidence: list[RunFile]


def _rehearse(loaded: LoadedExercise, interop: InteropRun, out: Path, replications: int) -> _Rehearsals:
    """Rehearse every vignette of the flagship jointex can simulate (every mode of a kind with modes, on
    common random numbers) from the coalition version and its interoperability analysis, and write each
    rehearsal's HTML report and run file (``runs/``)."""
    done = _Rehearsals([], [], [])
    for vignette in loaded.exercise.vignettes:
        model = vignette_model(vignette.kind)
        if model is None:
            continue
        rehearsal = simulate(
            loaded,
            vignette.id,
            replications=replications,
            seed=DEMO_SEED,
            mode="both" if model.modes else None,
            interop=interop,
        )
        done.runs.append(rehearsal)
        done.files.append(write_simulation_html(rehearsal, out / f"{vignette.id}-rehearsal.html"))
        path = write_run_file(rehearsal, out / "runs")
        done.files.append(Written(path))
        done.evidence.append(RunFile(path, run_file(rehearsal)))
    return done


def _relief(out: Path, replications: int) -> tuple[SimulationRun, list[Written]]:
    """The relief distribution rehearsal of the Pacific HADR example, its HTML report and plans
    (``relief/``)."""
    relief = simulate(
        load_exercise(bundled_examples_folder() / RELIEF_EXAMPLE / "exercise.yaml"),
        RELIEF_VIGNETTE,
        replications=min(replications, RELIEF_REPLICATIONS),
        seed=DEMO_SEED,
    )
    page = write_simulation_html(relief, out / "relief" / f"{RELIEF_VIGNETTE}-rehearsal.html")
    return relief, [page, *(Written(path) for path in write_exports(relief, out / "relief"))]


def run_demo(out: Path, replications: int = DEMO_REPLICATIONS) -> DemoResult:
    """The pipeline on the flagship example: validate, summarise, analyse interoperability, rehearse every
    vignette jointex can simulate (integrated and national picture, on common random numbers), assess the
    objectives with the rehearsal's evidence, and write into ``out`` the interoperability report, each
    rehearsal's HTML report and run file (``runs/``), and the after-action report (HTML and PDF): the
    coalition version, which every participating nation may read, and in ``per-nation/<NATION>/`` each
    nation's own version. Then the relief distribution rehearsal of the Pacific HADR example, with its
    plans (``relief/``). The interoperability analysis runs once per version: the coalition version's
    feeds its report, the rehearsals and the coalition assessment; each nation's, its own two reports."""
    report = validate_exercise(flagship_exercise_file())
    if report.loaded is None:
        return DemoResult(report, None, None, ())
    loaded = report.loaded
    shown = summary_for_exercise(loaded)  # the coalition version, as the reports below
    interop = interop_for_exercise(loaded)
    rehearsed = _rehearse(loaded, interop, out, replications)
    relief, relief_files = _relief(out, replications)
    evidence = _Evidence(observations_for(loaded), tuple(rehearsed.evidence))
    after_action, pdf_warnings = after_action_documents(loaded, evidence.observations, evidence.runs, interop)
    per_nation, nation_warnings = _per_nation(loaded, evidence)
    reports = write_documents([*after_action.documents, interop_report(interop), *per_nation], out)
    coalition_reports = len(after_action.documents) + 1
    written = [*reports[:coalition_reports], *rehearsed.files, *relief_files, *reports[coalition_reports:]]
    return DemoResult(
        report,
        shown.summary,
        interop.result,
        tuple(w.path for w in written),
        after_action.assessment,
        after_action.report.label.marking,
        tuple(
            f"{v.id} ({v.kind.value})" for v in loaded.exercise.vignettes if vignette_model(v.kind) is None
        ),
        (*rehearsed.runs, relief),
        _once(
            [
                *pdf_warnings,
                *after_action.warnings,
                *nation_warnings,
                *(warning for file in written for warning in file.warnings),
            ]
        ),
        shown.statement,
    )
