"""Rehearse a vignette of a loaded exercise for a reader; its documents: the run file (for `jointex report
--runs`), the HTML report and the files its kind exports. Writing them is the shell's step."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jointex.errors import InputError
from jointex.model import Label, Vignette
from jointex.model.digests import exercise_digest, vignette_digest
from jointex.model.runs import RunResult
from jointex.rehearse.engine.stopping import Progress
from jointex.rehearse.simulate import Simulation, find_vignette, simulate_exercise
from jointex.rehearse.vignettes.registry import rehearsed_kinds, vignette_model
from jointex.security.labels import document_label, vignette_labels
from jointex.security.readers import Reader, reader_for
from jointex.security.release import Release, release_exercise, release_statement
from jointex.service.exercises import LoadedExercise, load_exercise
from jointex.service.files import Document, Written, write_document, write_documents

if TYPE_CHECKING:
    from jointex.service.interop import InteropRun


@dataclass(frozen=True)
class SimulationRun:
    simulation: Simulation
    label: Label
    """The aggregate of what the rehearsal was built from: the vignette, its units and objectives."""
    release: Release
    exercise_digest: str
    """The digest of the exercise version rehearsed, all of it (`jointex.model.digests`), for the run file."""
    vignette_digest: str

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
    mode: str | None = None,
    reader: Reader | str | None = None,
    batch_size: int | None = None,
    precision: float | None = None,
    progress: Progress | None = None,
    with_exports: bool = False,
    interop: InteropRun | None = None,
) -> SimulationRun:
    """Rehearse ``vignette`` of an exercise (a file, or one already loaded) by Monte Carlo.

    ``mode`` is one of the kind's modes (IAMD: ``integrated``, tracks flow over the data links the
    interoperability analysis finds, or ``national``, each nation fights from its own sensors), ``both``
    (all of them on common random numbers, with paired differences), or None for the kind's default; a
    kind without modes refuses one. Without ``replications`` and ``precision`` the vignette kind's own rule
    decides how many (IAMD: up to 1,000, stopping once the leak probability is known to +-0.005; HADR: up
    to 100, stopping once the need met is known to +-1 point); ``replications`` runs exactly that many, or
    with ``precision`` up to that many, stopping once the headline metric's 95% interval is narrower than
    ``precision`` on each side. ``progress(done, total)`` is called as replications finish. With
    ``reader`` (a nation), only what is releasable to it goes in; without, or with ``ALL``, only what every
    participating nation may see (the coalition version). Results depend on ``seed`` alone, never on
    ``batch_size`` (default: the kind's) or the number of threads. ``with_exports`` refuses, before any
    work, a vignette whose kind has no files to export (`write_exports`: a relief plan). ``interop``: the
    interoperability analysis of this reader's version (`interop_for_exercise`), when the caller has it;
    raises ValueError when it is another reader's. Raises `InputError`.
    """
    loaded = source if isinstance(source, LoadedExercise) else load_exercise(source)
    chosen = reader_for(loaded.exercise, reader)
    if interop is not None and interop.reader != chosen:
        raise ValueError(
            f"the interoperability analysis is of {interop.reader.name}'s version, not {chosen.name}'s"
        )
    release = release_exercise(loaded.exercise, chosen)
    exercise = release.exercise
    if with_exports:
        _refuse_without_exports(find_vignette(exercise, vignette))
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
        interop=interop.result if interop is not None else None,
    )
    label = document_label(exercise, vignette_labels(exercise, simulation.vignette), release.reader.nations)
    rehearsed = next(v for v in loaded.exercise.vignettes if v.id == simulation.vignette.id)
    return SimulationRun(
        simulation,
        label,
        release,
        exercise_digest(loaded.exercise),
        vignette_digest(rehearsed),
    )


def run_file(run: SimulationRun) -> RunResult:
    """The run file of a rehearsal: its metrics, and what produced them."""
    return run.simulation.to_run_result(
        run.label,
        exercise_digest=run.exercise_digest,
        vignette_digest=run.vignette_digest,
        reader=run.reader,
    )


def run_file_document(run: SimulationRun) -> Document:
    """``<vignette>.json`` in the `jointex-run/2` format."""
    result = run_file(run)
    text = json.dumps(result.model_dump(mode="json"), indent=2) + "\n"
    return Document.text(f"{run.simulation.vignette.id}.json", text, "application/json")


def simulation_page(run: SimulationRun) -> Document:
    """The rehearsal report, ``<vignette>-rehearsal.html``; its warnings say what it went without (a map,
    without the Cairo library)."""
    from jointex.render.simulation_html import render_simulation_page

    html, warnings = render_simulation_page(run.simulation, run.label, release_statement(run.release))
    return Document.text(f"{run.simulation.vignette.id}-rehearsal.html", html, "text/html", warnings)


def export_documents(run: SimulationRun) -> list[Document]:
    """The files the vignette's kind exports for other tools (a relief vignette's daily plans without
    disruptions, as ``<vignette>-plan.csv`` and ``<vignette>-plan.geojson``). Raises `InputError` for a
    kind that exports nothing."""
    simulation = run.simulation
    files = simulation.model.exports(simulation.rehearsed(), run.label)
    if not files:
        _refuse_without_exports(simulation.vignette)
    return [
        Document.text(
            f"{simulation.vignette.id}{suffix}", text, _MEDIA_TYPES.get(Path(suffix).suffix, "text/plain")
        )
        for suffix, text in files.items()
    ]


_MEDIA_TYPES = {".csv": "text/csv", ".geojson": "application/geo+json", ".json": "application/json"}


def write_run_file(run: SimulationRun, folder: Path) -> Path:
    """The run file written atomically into ``folder``."""
    document = run_file_document(run)
    return write_document(document, folder / document.name).path


def write_simulation_html(run: SimulationRun, out: Path) -> Written:
    """The rehearsal report written atomically to ``out``."""
    return write_document(simulation_page(run), out)


def write_exports(run: SimulationRun, folder: Path) -> list[Path]:
    """The kind's exported files written into ``folder``, all or none."""
    return [written.path for written in write_documents(export_documents(run), folder)]


def _refuse_without_exports(vignette: Vignette) -> None:
    model = vignette_model(vignette.kind)
    if model is None or not model.exports_files:
        kinds = [k.value for k in rehearsed_kinds() if (m := vignette_model(k)) and m.exports_files]
        raise InputError.single(
            f"vignette {vignette.id} is {vignette.kind.value}; only {' and '.join(kinds)} vignettes have "
            "plans to write",
            expected=f"--plans with a {' or '.join(kinds)} vignette",
        )
