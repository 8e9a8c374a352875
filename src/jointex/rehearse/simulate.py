"""Rehearse a vignette: compile it for each mode asked for and run the replications.

Every kind is a plug-in (`jointex.rehearse.vignettes.plugin`): this module asks the kind's model to
compile the vignette, runs the engine, and asks the model for its detail result. A kind with modes (IAMD:
the integrated and the national air picture) can run them all on the same replications (the same seed,
so the same random numbers decide the same events), and the paired differences say what the first mode
buys over the second, with confidence intervals.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jointex import __version__
from jointex.analyse.metric_labels import metric_labels
from jointex.catalogue import Catalogue
from jointex.errors import InputError
from jointex.model import Exercise, Label, Vignette, VignetteKind
from jointex.model.runs import RunResult
from jointex.rehearse.engine import Estimate, Progress, RunTable, StoppingRule, run_replications
from jointex.rehearse.vignettes.plugin import (
    SINGLE_RUN,
    CompiledVignette,
    Rehearsed,
    Setting,
    VignetteDetail,
    VignetteModel,
)
from jointex.rehearse.vignettes.registry import rehearsed_kinds, vignette_model

if TYPE_CHECKING:
    from jointex.analyse.interop import InteropResult


@dataclass(frozen=True)
class Simulation:
    """The runs of one vignette: a table per mode (one, keyed `SINGLE_RUN`, for a kind without modes), in
    replication order, and what the kind makes of them."""

    exercise: str
    vignette: Vignette
    seed: int
    runs: dict[str, RunTable]
    model: VignetteModel = field(repr=False, compare=False)
    setting: Setting = field(repr=False, compare=False)
    """What the vignette was compiled from (the version rehearsed), for the kind's maps and charts."""
    detail: VignetteDetail | None = None
    """What the kind tells beyond its metrics' estimates (a relief run's sites by need met)."""
    targets: dict[str, float] = field(default_factory=dict)
    """Thresholds of the vignette's objectives, by metric."""
    caveats: tuple[str, ...] = ()
    """Where the model's guarantees may not hold for this scene, one sentence each (docs/rehearsal.md)."""
    metric_labels: dict[str, str] = field(default_factory=dict)
    """Names of the ids in metric names (assets, sites, nations), from the version rehearsed, for titles
    (`jointex.analyse.metric_labels`); not in `to_dict`, which keeps the raw names."""

    @property
    def replications(self) -> int:
        return min(table.replications for table in self.runs.values())

    @property
    def modes(self) -> tuple[str, ...]:
        """The modes run, the primary first; empty for a kind without modes."""
        return () if SINGLE_RUN in self.runs else tuple(self.runs)

    @property
    def primary(self) -> RunTable:
        """The run of the first mode (IAMD: integrated, the plan), or the only run."""
        return next(iter(self.runs.values()))

    def summary(self, mode: str) -> dict[str, Estimate]:
        return self.runs[mode].summary()

    def estimated_metrics(self) -> list[str]:
        """The metrics a table of estimates shows, in the run's order: those the kind does not show in a
        detail table instead (``--json`` keeps them all)."""
        return [m for m in self.primary.columns if self.model.estimated(m)]

    def differences(self) -> dict[str, Estimate] | None:
        """The first mode minus the second per metric, paired by replication; None unless two ran."""
        if len(self.runs) < 2:
            return None
        first, second = list(self.runs.values())[:2]
        return first.difference(second)

    @property
    def difference_title(self) -> str:
        """``integrated − national``: what the differences subtract."""
        first, second = [*self.runs, "", ""][:2]
        return f"{first} − {second}"

    @property
    def mode(self) -> str:
        """The mode run, ``both`` when every mode of the kind ran, or ``run`` for a kind without modes."""
        if len(self.runs) > 1:
            return "both"
        return next(iter(self.runs))

    def rehearsed(self) -> Rehearsed:
        """The finished run as the kind's renderers see it."""
        return Rehearsed(self.setting, self.runs, self.seed, self.detail, self.targets, self.metric_labels)

    def to_run_result(
        self,
        label: Label | None,
        *,
        exercise_digest: str,
        vignette_digest: str,
        reader: str | None = None,
    ) -> RunResult:
        """The run file `jointex report --runs` reads: the primary run's metrics, and those of the other
        modes as ``<kind>.<mode>.<metric>`` (``iamd.national.leakers``); and what produced them: the
        digests of the exercise version and of the vignette rehearsed (`jointex.model.digests`, of all of
        the exercise, before anything was withheld for ``reader``), the reader (None for the coalition
        version), the mode, seed, replications and the jointex version."""
        metrics = self.primary.metric_estimates()
        for mode, table in list(self.runs.items())[1:]:
            metrics |= {
                metric.replace(".", f".{mode}.", 1): estimate
                for metric, estimate in table.metric_estimates().items()
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
                mode: {metric: _estimate(e) for metric, e in table.summary().items()}
                for mode, table in self.runs.items()
            },
            "differences": None
            if differences is None
            else {
                "of": list(self.runs)[:2],
                "metrics": {metric: _estimate(e) for metric, e in differences.items()},
            },
            "caveats": list(self.caveats),
            "detail": None if self.detail is None else self.detail.to_dict(),
        }


def _estimate(e: Estimate) -> dict[str, float | int | None]:
    def clean(value: float) -> float | None:
        return None if value != value or value in (float("inf"), float("-inf")) else round(value, 6)

    return {"mean": clean(e.mean), "ci_low": clean(e.ci_low), "ci_high": clean(e.ci_high), "n": e.n}


def find_vignette(
    exercise: Exercise, vignette_id: str | None, among: Iterable[VignetteKind] | None = None
) -> Vignette:
    """The vignette with this id (case-insensitive; without one, the only vignette that can be rehearsed),
    or a clear error listing those that can be. ``among``: the kinds wanted (by default those jointex
    rehearses; a map takes any)."""
    wanted = tuple(rehearsed_kinds() if among is None else among)
    choices = [v.id for v in exercise.vignettes if v.kind in wanted]
    names = [k.value for k in wanted]
    kinds = " or ".join(names) if len(names) < 3 else f"{', '.join(names[:-1])} or {names[-1]}"
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
    mode: str | None = None,
    batch_size: int | None = None,
    target_half_width: float | None = None,
    progress: Progress | None = None,
    interop: InteropResult | None = None,
) -> Simulation:
    """Rehearse a vignette. Results depend on the seed alone, never on the batch size or thread count.

    ``mode``: one of the kind's modes, ``both`` for all of them on common random numbers, or None for the
    kind's first (a kind without modes refuses any). Without ``replications`` and ``target_half_width``,
    the compiled vignette's own `StoppingRule` decides (IAMD up to 1,000, HADR up to 100, each stopping
    once its headline metric is precise enough). ``replications`` alone runs exactly that many; with
    ``target_half_width`` too, up to that many (see `run_replications`); ``target_half_width`` alone, up
    to the kind's cap. ``batch_size`` defaults to the kind's. ``progress(done, total)`` is called after
    each batch, over all the modes run. ``interop``: the interoperability analysis of ``exercise``, when
    the caller has it (computed here on first need otherwise)."""
    vignette = find_vignette(exercise, vignette_id)
    model = vignette_model(vignette.kind)
    if model is None:  # find_vignette only returns kinds with a model
        raise InputError.single(f"vignette {vignette.id} cannot be rehearsed", expected="a rehearsed kind")
    modes = model.runs_for(mode)
    setting = Setting(exercise, vignette, catalogue, interop)
    runs: dict[str, RunTable] = {}
    caveats: dict[str, None] = {}
    tracker = _ModesProgress(progress, len(modes))
    first: CompiledVignette | None = None
    for chosen in modes:
        compiled = model.compile(setting, chosen)
        first = first or compiled
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
    assert first is not None
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
        runs,
        model,
        setting,
        model.detail(setting, first, runs, seed),
        targets,
        tuple(caveats),
        metric_labels(exercise, vignette),
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
