"""The main job on the bundled flagship example: what `jointex demo` runs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from jointex.analyse.interop import InteropResult
from jointex.analyse.summary import ExerciseSummary
from jointex.assess import Assessment
from jointex.errors import Problem, Severity
from jointex.model.metrics.display import plural
from jointex.render.pdf_engine import pdf_engine_problem
from jointex.security.release import release_statement
from jointex.service.exercises import LoadedExercise, ValidationReport, load_exercise, validate_exercise
from jointex.service.files import Written
from jointex.service.interop import interop_for_exercise, write_interop_report
from jointex.service.report import ReportRun, write_report
from jointex.service.simulate import (
    SimulationRun,
    simulate,
    write_plan_files,
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


def _per_nation(loaded: LoadedExercise, out: Path, runs: Path | None, left_out: list[Problem]) -> list[Path]:
    """Each participating nation's own version of the after-action report and the interoperability
    report, in ``per-nation/<NATION>/``: built from what is releasable to that nation (the coalition run
    files are releasable to every nation, so each version cites them). Their warnings go to
    ``left_out``."""
    written: list[Path] = []
    for nation in loaded.exercise.nations:
        folder = out / "per-nation" / nation
        report = write_report(flagship_exercise_file(), folder, runs=runs, reader=nation, loaded=loaded)
        written.extend(report.written)
        left_out.extend(report.warnings)
        run = interop_for_exercise(loaded, nation)
        written.append(_kept(write_interop_report(run, folder / f"interop-for-{nation}.html"), left_out))
    return written


def _kept(page: Written, left_out: list[Problem]) -> Path:
    """The page's path; its warnings go to ``left_out``."""
    left_out.extend(page.warnings)
    return page.path


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


def write_after_action_report(
    loaded: LoadedExercise, out: Path, runs: Path | None
) -> tuple[ReportRun, tuple[Problem, ...]]:
    """The flagship's coalition after-action report in ``out``, as HTML and PDF, and what could not be
    done. The demo shows the whole job: on a machine without Pango (which the PDF needs) it writes the
    report as HTML only, with a warning saying how to install Pango, rather than stop at its last step;
    `jointex report --pdf`, which asks for the PDF, fails instead. Whether a PDF can be made is decided
    once, before the report is assessed and written."""
    missing = pdf_engine_problem()
    run = write_report(flagship_exercise_file(), out, runs=runs, pdf=missing is None, loaded=loaded)
    if missing is None:
        return run, ()
    warning = Problem(
        f"the after-action report was written as HTML only: {missing.message}", severity=Severity.WARNING
    )
    return run, (warning,)


def run_demo(out: Path, replications: int = DEMO_REPLICATIONS) -> DemoResult:
    """The pipeline on the flagship example: validate, summarise, analyse interoperability, rehearse every
    vignette jointex can simulate (integrated and national picture, on common random numbers), assess the
    objectives with the rehearsal's evidence, and write into ``out`` the interoperability report, each
    rehearsal's HTML report and run file (``runs/``), and the after-action report (HTML and PDF): the
    coalition version, which every participating nation may read, and in ``per-nation/<NATION>/`` each
    nation's own version. Then the relief distribution rehearsal of the Pacific HADR example, with its
    plans (``relief/``)."""
    from jointex.rehearse.simulate import SIMULATED_KINDS

    report = validate_exercise(flagship_exercise_file())
    if report.loaded is None:
        return DemoResult(report, None, None, ())
    loaded = report.loaded
    shown = summary_for_exercise(loaded)  # the coalition version, as the reports below
    summary = shown.summary
    interop_run = interop_for_exercise(loaded)
    interop = interop_run.result
    left_out: list[Problem] = []
    written = [_kept(write_interop_report(interop_run, out / "interop.html"), left_out)]
    rehearsals = []
    for vignette in loaded.exercise.vignettes:
        if vignette.kind in SIMULATED_KINDS:
            rehearsal = simulate(loaded, vignette.id, replications=replications, seed=DEMO_SEED, mode="both")
            rehearsals.append(rehearsal)
            page = write_simulation_html(rehearsal, out / f"{vignette.id}-rehearsal.html")
            written.append(_kept(page, left_out))
            written.append(write_run_file(rehearsal, out / "runs"))
    relief = simulate(
        load_exercise(bundled_examples_folder() / RELIEF_EXAMPLE / "exercise.yaml"),
        RELIEF_VIGNETTE,
        replications=min(replications, RELIEF_REPLICATIONS),
        seed=DEMO_SEED,
    )
    rehearsals.append(relief)
    page = write_simulation_html(relief, out / "relief" / f"{RELIEF_VIGNETTE}-rehearsal.html")
    written.append(_kept(page, left_out))
    written.extend(write_plan_files(relief, out / "relief"))
    after_action, warnings = write_after_action_report(loaded, out, out / "runs" if rehearsals else None)
    written.extend(_per_nation(loaded, out, out / "runs" if rehearsals else None, left_out))
    return DemoResult(
        report,
        summary,
        interop,
        (*after_action.written, *written),
        after_action.assessment,
        after_action.report.label.marking,
        tuple(f"{v.id} ({v.kind.value})" for v in loaded.exercise.vignettes if v.kind not in SIMULATED_KINDS),
        tuple(rehearsals),
        _once([*warnings, *after_action.warnings, *left_out]),
        release_statement(shown.release),
    )
