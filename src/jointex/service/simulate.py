"""Rehearse a vignette of an exercise file; write its run file (for `jointex report --runs`) and HTML."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from jointex.model import Label
from jointex.rehearse.simulate import ModeChoice, Simulation, simulate_exercise
from jointex.security.release import exercise_labels, releasable_exercise, report_label
from jointex.service.exercises import LoadedExercise, load_exercise
from jointex.service.files import write_text_atomically


@dataclass(frozen=True)
class SimulationRun:
    simulation: Simulation
    label: Label
    reader: str | None = None


def simulate(
    source: str | Path | LoadedExercise,
    vignette: str | None = None,
    *,
    replications: int = 1000,
    seed: int = 0,
    mode: ModeChoice = "integrated",
    reader: str | None = None,
    batch_size: int = 256,
    precision: float | None = None,
    progress: bool = False,
) -> SimulationRun:
    """Rehearse ``vignette`` of an exercise (a file, or one already loaded) by Monte Carlo.

    ``mode`` is ``integrated`` (tracks flow over the data links the interoperability analysis finds),
    ``national`` (each nation fights from its own sensors) or ``both`` (the two on common random numbers,
    with paired differences). With ``precision``, the run stops early once the headline metric's 95%
    interval is narrower than that on each side. With ``reader``, only what is releasable to that nation
    goes in. Results depend on ``seed`` alone, never on ``batch_size`` or the number of threads.
    Raises `InputError`.
    """
    loaded = source if isinstance(source, LoadedExercise) else load_exercise(source)
    exercise = releasable_exercise(loaded.exercise, reader.upper()) if reader else loaded.exercise
    simulation = simulate_exercise(
        exercise,
        loaded.catalogue,
        vignette,
        replications=replications,
        seed=seed,
        mode=mode,
        batch_size=batch_size,
        target_half_width=precision,
        progress=progress,
    )
    label = report_label(exercise_labels(exercise))
    return SimulationRun(simulation, label, reader.upper() if reader else None)


def write_run_file(run: SimulationRun, folder: Path) -> Path:
    """``folder/<vignette>.json`` in the `jointex-run/1` format, written atomically."""
    result = run.simulation.to_run_result(run.label)
    path = folder / f"{run.simulation.vignette.id}.json"
    write_text_atomically(path, json.dumps(result.model_dump(mode="json"), indent=2) + "\n")
    return path


def write_simulation_html(run: SimulationRun, out: Path) -> Path:
    from jointex.render.simulation_html import render_simulation_html

    write_text_atomically(out, render_simulation_html(run.simulation, run.label, run.reader))
    return out


def write_plan_files(run: SimulationRun, folder: Path) -> list[Path]:
    """A relief vignette's daily plans (no disruptions) as ``<vignette>-plan.csv`` and
    ``<vignette>-plan.geojson`` in ``folder``, written atomically. Raises `InputError` for other kinds."""
    from jointex.errors import InputError
    from jointex.render.relief_plan import plan_csv, plan_geojson

    simulation = run.simulation
    if simulation.scene is None:
        raise InputError.single(
            f"vignette {simulation.vignette.id} is {simulation.vignette.kind.value}; only relief (hadr) "
            "vignettes have distribution plans",
            expected="--plans with a hadr vignette",
        )
    csv_path = folder / f"{simulation.vignette.id}-plan.csv"
    geojson_path = folder / f"{simulation.vignette.id}-plan.geojson"
    write_text_atomically(csv_path, plan_csv(simulation.scene, simulation.plans, run.label))
    geojson = plan_geojson(simulation.scene, simulation.plans, run.label)
    write_text_atomically(geojson_path, json.dumps(geojson) + "\n")
    return [csv_path, geojson_path]
