"""Rehearse a vignette of an exercise file; write its run file (for `jointex report --runs`) and HTML."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from jointex.errors import InputError
from jointex.model import Label, Vignette, VignetteKind
from jointex.model.digests import exercise_digest, vignette_digest
from jointex.model.platform import Platform
from jointex.model.runs import RunResult
from jointex.rehearse.engine.stopping import Progress
from jointex.rehearse.simulate import ModeChoice, Simulation, find_vignette, simulate_exercise
from jointex.security.labels import document_label, vignette_labels
from jointex.security.release import Release, release_exercise, release_statement
from jointex.service.exercises import LoadedExercise, load_exercise
from jointex.service.files import Written, placed_in, write_text_atomically


@dataclass(frozen=True)
class SimulationRun:
    simulation: Simulation
    label: Label
    """The aggregate of what the rehearsal was built from: the vignette, its units and objectives."""
    release: Release
    exercise_digest: str
    """The digest of the exercise version rehearsed, all of it (`jointex.model.digests`), for the run file."""
    vignette_digest: str
    platforms: Mapping[str, Platform] = field(default_factory=dict)
    """The catalogue's platform types, for the units' map symbols."""

    @property
    def reader(self) -> str | None:
        """The nation this version is for; None for the coalition version."""
        return self.release.reader.nation


def simulate(
    source: str | Path | LoadedExercise,
    vignette: str | None = None,
    *,
    replications: int | None = None,
    seed: int = 0,
    mode: ModeChoice = "integrated",
    reader: str | None = None,
    batch_size: int | None = None,
    precision: float | None = None,
    progress: Progress | None = None,
    with_plans: bool = False,
) -> SimulationRun:
    """Rehearse ``vignette`` of an exercise (a file, or one already loaded) by Monte Carlo.

    ``mode`` is ``integrated`` (tracks flow over the data links the interoperability analysis finds),
    ``national`` (each nation fights from its own sensors) or ``both`` (the two on common random numbers,
    with paired differences). Without ``replications`` and ``precision`` the vignette kind's own rule
    decides how many (IAMD: up to 1,000, stopping once the leak probability is known to +-0.005; HADR: up
    to 100, stopping once the need met is known to +-1 point); ``replications`` runs exactly that many, or
    with ``precision`` up to that many, stopping once the headline metric's 95% interval is narrower than
    ``precision`` on each side. ``progress(done, total)`` is called as replications finish. With
    ``reader`` (a nation), only what is releasable to it goes in; without, or with ``ALL``, only what every
    participating nation may see (the coalition version). Results depend on ``seed`` alone, never on
    ``batch_size`` (default: the kind's) or the number of threads. ``with_plans`` refuses, before any
    work, a vignette that has no distribution plans to write (`write_plan_files`). Raises `InputError`.
    """
    loaded = source if isinstance(source, LoadedExercise) else load_exercise(source)
    release = release_exercise(loaded.exercise, reader)
    exercise = release.exercise
    if with_plans:
        _refuse_without_plans(find_vignette(exercise, vignette))
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
    label = document_label(exercise, vignette_labels(exercise, simulation.vignette), release.reader.nations)
    rehearsed = next(v for v in loaded.exercise.vignettes if v.id == simulation.vignette.id)
    return SimulationRun(
        simulation,
        label,
        release,
        exercise_digest(loaded.exercise),
        vignette_digest(rehearsed),
        loaded.catalogue.platforms,
    )


def run_file(run: SimulationRun) -> RunResult:
    """The run file of a rehearsal: its metrics, and what produced them."""
    return run.simulation.to_run_result(
        run.label,
        exercise_digest=run.exercise_digest,
        vignette_digest=run.vignette_digest,
        reader=run.reader,
    )


def write_run_file(run: SimulationRun, folder: Path) -> Path:
    """``folder/<vignette>.json`` in the `jointex-run/2` format, written atomically."""
    result = run_file(run)
    path = folder / f"{run.simulation.vignette.id}.json"
    write_text_atomically(path, json.dumps(result.model_dump(mode="json"), indent=2) + "\n")
    return path


def write_simulation_html(run: SimulationRun, out: Path) -> Written:
    """The rehearsal report, written atomically; its warnings say when it went without its map (an IAMD
    map without the Cairo library)."""
    from jointex.render.simulation_html import render_simulation_page

    html, warnings = render_simulation_page(
        run.simulation, run.label, release_statement(run.release), run.release.exercise, run.platforms
    )
    write_text_atomically(out, html)
    return Written(out, placed_in(out, warnings))


def write_plan_files(run: SimulationRun, folder: Path) -> list[Path]:
    """A relief vignette's daily plans (no disruptions) as ``<vignette>-plan.csv`` and
    ``<vignette>-plan.geojson`` in ``folder``, written atomically. Raises `InputError` for other kinds."""
    from jointex.render.relief_plan import plan_csv, plan_geojson

    simulation = run.simulation
    if simulation.scene is None:
        _refuse_without_plans(simulation.vignette)
        return []
    csv_path = folder / f"{simulation.vignette.id}-plan.csv"
    geojson_path = folder / f"{simulation.vignette.id}-plan.geojson"
    write_text_atomically(csv_path, plan_csv(simulation.scene, simulation.plans, run.label))
    geojson = plan_geojson(simulation.scene, simulation.plans, run.label)
    write_text_atomically(geojson_path, json.dumps(geojson) + "\n")
    return [csv_path, geojson_path]


def _refuse_without_plans(vignette: Vignette) -> None:
    if vignette.kind is not VignetteKind.HADR:
        raise InputError.single(
            f"vignette {vignette.id} is {vignette.kind.value}; only relief (hadr) vignettes have "
            "distribution plans",
            expected="--plans with a hadr vignette",
        )
