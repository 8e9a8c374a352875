"""Rehearse a vignette: compile it for each C2 mode asked for and run the replications.

``mode="both"`` runs the integrated and the national picture on the same replications (the same seed, so
the same random numbers decide the same detections and engagements) and reports the paired differences:
what the shared air picture buys, with confidence intervals.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from jointex import __version__
from jointex.analyse.interop import analyse_interop
from jointex.analyse.metric_labels import metric_labels
from jointex.catalogue import Catalogue
from jointex.errors import InputError
from jointex.model import Exercise, Label, Vignette, VignetteKind
from jointex.model.iamd import IamdParameters
from jointex.model.runs import RunResult
from jointex.rehearse.engine import (
    CompiledVignette,
    Estimate,
    Progress,
    RunTable,
    StoppingRule,
    run_replications,
)
from jointex.rehearse.vignettes.hadr import DayPlan, HadrScene, compile_hadr
from jointex.rehearse.vignettes.hadr.summary import ReliefSummary, summarise_relief
from jointex.rehearse.vignettes.iamd import Mode, compile_iamd, link_latency

SIMULATED_KINDS = (VignetteKind.IAMD, VignetteKind.HADR)
ModeChoice = Literal["integrated", "national", "both"]


@dataclass(frozen=True)
class Simulation:
    """The runs of one vignette: a table per C2 mode, in replication order."""

    exercise: str
    vignette: Vignette
    seed: int
    runs: dict[Mode, RunTable]
    scene: HadrScene | None = None
    """For a relief vignette: the compiled scene (sites, sources, assets), for maps and plan exports."""
    plans: tuple[DayPlan, ...] = ()
    """For a relief vignette: the daily plans without disruptions (seed's first replication)."""
    targets: dict[str, float] = field(default_factory=dict)
    """Thresholds of the vignette's objectives, by metric."""
    caveats: tuple[str, ...] = ()
    """Where the model's guarantees may not hold for this scene, one sentence each (docs/rehearsal.md)."""
    metric_labels: dict[str, str] = field(default_factory=dict)
    """Names of the ids in metric names (assets, sites, nations), from the version rehearsed, for titles
    (`jointex.analyse.metric_labels`); not in `to_dict`, which keeps the raw names."""

    def relief_summary(self) -> ReliefSummary | None:
        """Need met by day, longest waits and nations' shares, for a relief vignette."""
        return None if self.scene is None else summarise_relief(self.scene, self.primary.summary())

    @property
    def replications(self) -> int:
        return min(table.replications for table in self.runs.values())

    @property
    def primary(self) -> RunTable:
        """The integrated run when there is one (the plan), else the national run."""
        return self.runs.get(Mode.INTEGRATED) or self.runs[Mode.NATIONAL]

    def summary(self, mode: Mode) -> dict[str, Estimate]:
        return self.runs[mode].summary()

    def estimated_metrics(self) -> list[str]:
        """The metrics a table of estimates shows, in the run's order: all of them, except a relief run's
        per-site and per-nation metrics (``hadr.need_met_pct.<site>``), which its tables of sites and
        nations hold (and ``--json`` keeps)."""
        metrics = list(next(iter(self.runs.values())).summary())
        return [m for m in metrics if self.scene is None or m.count(".") <= 1]

    def differences(self) -> dict[str, Estimate] | None:
        """Integrated minus national per metric, paired by replication; None unless both ran."""
        if len(self.runs) < 2:
            return None
        return self.runs[Mode.INTEGRATED].difference(self.runs[Mode.NATIONAL])

    @property
    def mode(self) -> ModeChoice:
        """The C2 mode run, or ``both``."""
        if len(self.runs) > 1:
            return "both"
        return "integrated" if Mode.INTEGRATED in self.runs else "national"

    def to_run_result(
        self,
        label: Label | None,
        *,
        exercise_digest: str,
        vignette_digest: str,
        reader: str | None = None,
    ) -> RunResult:
        """The run file `jointex report --runs` reads: the primary run's metrics, and with both modes the
        national ones as ``<kind>.national.<metric>``; and what produced them: the digests of the exercise
        version and of the vignette rehearsed (`jointex.model.digests`, of all of the exercise, before
        anything was withheld for ``reader``), the reader (None for the coalition version), the mode,
        seed, replications and the jointex version."""
        metrics = self.primary.metric_estimates()
        if Mode.NATIONAL in self.runs and self.primary is not self.runs[Mode.NATIONAL]:
            metrics |= {
                metric.replace(".", ".national.", 1): estimate
                for metric, estimate in self.runs[Mode.NATIONAL].metric_estimates().items()
            }
        return RunResult(
            exercise=self.exercise,
            exercise_digest=exercise_digest,
            vignette=self.vignette.id,
            vignette_kind=self.vignette.kind,
            vignette_digest=vignette_digest,
            reader=reader,
            mode=self.mode,
            replications=self.primary.replications,
            seed=self.seed,
            jointex_version=__version__,
            label=label,
            metrics=metrics,
        )

    def to_dict(self) -> dict[str, Any]:
        differences = self.differences()
        return {
            "exercise": self.exercise,
            "vignette": self.vignette.id,
            "kind": self.vignette.kind.value,
            "seed": self.seed,
            "replications": self.replications,
            "modes": {
                mode.value: {metric: _estimate(e) for metric, e in table.summary().items()}
                for mode, table in self.runs.items()
            },
            "integrated_minus_national": None
            if differences is None
            else {metric: _estimate(e) for metric, e in differences.items()},
            "caveats": list(self.caveats),
            **({"relief": relief.to_dict()} if (relief := self.relief_summary()) else {}),
        }


def _estimate(e: Estimate) -> dict[str, float | int | None]:
    def clean(value: float) -> float | None:
        return None if value != value or value in (float("inf"), float("-inf")) else round(value, 6)

    return {"mean": clean(e.mean), "ci_low": clean(e.ci_low), "ci_high": clean(e.ci_high), "n": e.n}


def find_vignette(
    exercise: Exercise, vignette_id: str | None, among: Iterable[VignetteKind] = SIMULATED_KINDS
) -> Vignette:
    """The vignette with this id (case-insensitive; without one, the only vignette that can be rehearsed),
    or a clear error listing those that can be. ``among``: the kinds wanted (by default those jointex
    rehearses; a map takes any)."""
    wanted = tuple(among)
    choices = [v.id for v in exercise.vignettes if v.kind in wanted]
    kinds = " or ".join(k.value for k in wanted)
    if vignette_id is None:
        if len(choices) == 1:
            return next(v for v in exercise.vignettes if v.id == choices[0])
        if not choices:
            others = ", ".join(f"{v.id} ({v.kind.value})" for v in exercise.vignettes)
            raise InputError.single(
                f"{exercise.id} has no vignette jointex can rehearse: jointex rehearses vignettes of kind "
                f"{kinds}"
                + (f", and this exercise has only {others}" if others else ", and this exercise has none"),
                expected=f"a vignette of kind {kinds} in the exercise",
            )
        raise InputError.single(
            f"{exercise.id} has {len(choices)} vignettes jointex can rehearse; name one with --vignette",
            expected=f"one of {', '.join(choices)}",
        )
    for vignette in exercise.vignettes:
        if vignette.id.upper() == vignette_id.upper():
            if vignette.kind not in wanted:
                raise InputError.single(
                    f"vignette {vignette.id} is of kind {vignette.kind.value}, which jointex cannot "
                    f"rehearse yet",
                    expected=f"a vignette of kind {kinds}",
                )
            return vignette
    raise InputError.single(
        f"no vignette {vignette_id!r} in {exercise.id}",
        expected=f"one of {', '.join(choices)}" if choices else f"a vignette of kind {kinds} in the exercise",
    )


def simulate_exercise(
    exercise: Exercise,
    catalogue: Catalogue,
    vignette_id: str | None,
    *,
    replications: int | None = None,
    seed: int = 0,
    mode: ModeChoice = "integrated",
    batch_size: int | None = None,
    target_half_width: float | None = None,
    progress: Progress | None = None,
) -> Simulation:
    """Rehearse a vignette. Results depend on the seed alone, never on the batch size or thread count.

    Without ``replications`` and ``target_half_width``, the kind's own `StoppingRule` decides (its
    ``stopping``: IAMD up to 1,000, HADR up to 100, each stopping once its headline metric is precise
    enough). ``replications`` alone runs exactly that many; with ``target_half_width`` too, up to that many
    (see `run_replications`); ``target_half_width`` alone, up to the kind's cap. ``batch_size`` defaults to
    the kind's. ``progress(done, total)`` is called after each batch, over all the modes run."""
    vignette = find_vignette(exercise, vignette_id)
    if vignette.kind is VignetteKind.HADR and mode != "integrated":
        raise InputError.single(
            f"--mode {mode} compares air pictures and applies to iamd vignettes; {vignette.id} is hadr",
            expected="--mode integrated (the default) for a relief vignette",
        )
    if vignette.kind is VignetteKind.HADR:
        relief = compile_hadr(exercise, vignette)
        table = _run(relief, relief.stopping, replications, seed, batch_size, target_half_width, progress)
        targets = {
            measure.metric: measure.threshold
            for objective in exercise.objectives
            if objective.id in vignette.objectives
            for measure in objective.measures
        }
        return Simulation(
            exercise.id,
            vignette,
            seed,
            {Mode.INTEGRATED: table},
            relief.scene,
            relief.nominal_plans(seed),
            targets,
            metric_labels=metric_labels(exercise, vignette),
        )
    parameters = IamdParameters.model_validate(vignette.parameters)
    latency, nations = link_latency(analyse_interop(exercise, catalogue), vignette, parameters.c2)
    modes = [Mode.INTEGRATED, Mode.NATIONAL] if mode == "both" else [Mode(mode)]
    runs: dict[Mode, RunTable] = {}
    caveats: dict[str, None] = {}
    tracker = _ModesProgress(progress, len(modes))
    for chosen in modes:
        compiled = compile_iamd(exercise, vignette, latency, nations, chosen)
        caveats.update(dict.fromkeys(compiled.caveats))
        if not runs:
            table = _run(
                compiled, compiled.stopping, replications, seed, batch_size, target_half_width, tracker
            )
        else:  # the same replications as the first mode, for the paired differences
            count = next(iter(runs.values())).replications
            tracker.next_mode(count)
            table = _run(compiled, compiled.stopping, count, seed, batch_size, None, tracker)
        runs[chosen] = table
    return Simulation(
        exercise.id,
        vignette,
        seed,
        runs,
        caveats=tuple(caveats),
        metric_labels=metric_labels(exercise, vignette),
    )


def _run(
    compiled: CompiledVignette,
    rule: StoppingRule,
    replications: int | None,
    seed: int,
    batch_size: int | None,
    target_half_width: float | None,
    progress: Progress | None,
) -> RunTable:
    """One run under the user's choices, the kind's rule filling in what they left out."""
    if replications is None and target_half_width is None:
        target_half_width = rule.half_width
    return run_replications(
        compiled,
        replications or rule.cap,
        seed,
        batch_size=batch_size or rule.batch_size,
        target_half_width=target_half_width,
        minimum=rule.minimum,
        progress=progress,
    )


class _ModesProgress:
    """Progress over several modes run one after the other: the later modes run as many replications as
    the first did, so the total is known once the first has stopped."""

    def __init__(self, progress: Progress | None, modes: int) -> None:
        self.progress, self.modes_left, self.before = progress, modes - 1, 0
        self.each: int | None = None

    def next_mode(self, count: int) -> None:
        self.before += count
        self.each = count
        self.modes_left -= 1

    def __call__(self, done: int, total: int) -> None:
        if self.progress is not None:
            each = self.each if self.each is not None else total
            self.progress(self.before + done, self.before + total + self.modes_left * each)
