"""The main job on the bundled flagship example: what `jointex demo` runs."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from jointex.analyse.interop import InteropResult, analyse_interop
from jointex.analyse.summary import ExerciseSummary, summarise
from jointex.service.exercises import ValidationReport, validate_exercise
from jointex.service.interop import InteropRun, write_interop_report

FLAGSHIP = "baltic-shield"


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

    def to_dict(self) -> dict[str, object]:
        return {
            "validation": self.report.to_dict(),
            "summary": self.summary.to_dict() if self.summary else None,
            "interop": self.interop.to_dict() if self.interop else None,
            "written": [str(path) for path in self.written],
        }


def run_demo(out: Path) -> DemoResult:
    """The pipeline on the flagship example, as far as it is built: validate, summarise, analyse
    interoperability and write its HTML report into ``out``. Rehearsal and assessment join here."""
    report = validate_exercise(flagship_exercise_file())
    if report.loaded is None:
        return DemoResult(report, None, None, ())
    loaded = report.loaded
    summary = summarise(loaded.exercise, loaded.catalogue)
    interop = analyse_interop(loaded.exercise, loaded.catalogue)
    written = write_interop_report(InteropRun(loaded, interop), out / "interop.html")
    return DemoResult(report, summary, interop, (written,))
