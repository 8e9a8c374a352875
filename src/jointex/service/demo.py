"""The main job on the bundled flagship example: what `jointex demo` runs."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from jointex.analyse.summary import ExerciseSummary, summarise
from jointex.service.exercises import ValidationReport, validate_exercise

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

    def to_dict(self) -> dict[str, object]:
        return {
            "validation": self.report.to_dict(),
            "summary": self.summary.to_dict() if self.summary else None,
        }


def run_demo() -> DemoResult:
    """Validate and summarise the flagship example. Later stages (analyse, rehearse, assess) join here."""
    report = validate_exercise(flagship_exercise_file())
    summary = summarise(report.loaded.exercise, report.loaded.catalogue) if report.loaded else None
    return DemoResult(report, summary)
