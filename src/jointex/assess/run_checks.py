"""Checks of simulation run files before their numbers become evidence for a report.

A run file is plain JSON: anyone can edit it. The report takes one only when it says it rehearsed this
version of this exercise (id and digest, `jointex.model.digests`), a vignette the exercise has, of the
kind and version it has, for a reader whose version the report may cite (the coalition version's runs in
any report, a nation's in that nation's), and when it carries only metrics a rehearsal of that kind
produces (the registry of metrics, `jointex.model.metrics.VIGNETTE_METRICS`: never the interoperability
analysis's ``interop.*`` nor the evaluators' ``observer.*``), each inside its declared domain. Numbers
edited so that they stay consistent with all of this cannot be detected in a plain file
(docs/assessment.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jointex.errors import InputError, Problem
from jointex.model import Exercise
from jointex.model.digests import exercise_digest, short_digest, vignette_digest
from jointex.model.metrics import VIGNETTE_METRICS, MetricSpec
from jointex.model.runs import RunResult

REHEARSE_AGAIN = "a run of this version of the exercise: rehearse again with `jointex simulate --runs`"


@dataclass(frozen=True)
class RunFile:
    """A run and the file it was read from (None when it was not read from a file)."""

    file: Path | None
    run: RunResult

    @property
    def digest(self) -> str:
        """The short form of the digest of the exercise version the run rehearsed."""
        return short_digest(self.run.exercise_digest)

    def to_dict(self) -> dict[str, object]:
        """What produced the run, as a report shows it."""
        run = self.run
        return {
            "file": str(self.file) if self.file else None,
            "vignette": run.vignette,
            "kind": run.vignette_kind.value,
            "mode": run.mode,
            "seed": run.seed,
            "replications": run.replications,
            "reader": run.reader,
            "jointex_version": run.jointex_version,
            "exercise_digest": self.digest,
            "vignette_digest": short_digest(run.vignette_digest),
        }


def check_run_files(files: Sequence[RunFile], exercise: Exercise, reader: str | None) -> None:
    """Refuse, with every problem named by file and field, runs that are not evidence about ``exercise``
    (as loaded, all of it) for a report for ``reader`` (a nation; None for the coalition version).
    Raises `InputError`."""
    digest = exercise_digest(exercise)  # once for the folder, not once per run file
    problems = [p for f in files for p in run_problems(f.run, exercise, reader, f.file, digest)]
    if problems:
        raise InputError(tuple(problems))


def run_problems(
    run: RunResult,
    exercise: Exercise,
    reader: str | None,
    file: Path | None = None,
    digest: str | None = None,
) -> list[Problem]:
    """Why ``run`` is not evidence about ``exercise`` (whose `exercise_digest` is ``digest``, worked out
    here when not given) for ``reader``'s report (empty when it is)."""
    found = [*_origin_problems(run, exercise, digest or exercise_digest(exercise)), *_metric_problems(run)]
    if run.reader is not None and run.reader != reader:
        version = f"{reader}'s version" if reader else "the coalition version"
        found.append(
            (
                f"a rehearsal of {run.reader}'s version of the exercise; this report is {version}",
                ("reader",),
                "a run of the coalition version (simulate without --for)"
                + (f" or of {reader}'s (simulate --for {reader})" if reader else ""),
            )
        )
    return [Problem(message, file=file, field=field, expected=expected) for message, field, expected in found]


_Found = tuple[str, tuple[str, ...], str]
"""A problem's message, field path and what was expected."""


def _origin_problems(run: RunResult, exercise: Exercise, current: str) -> list[_Found]:
    if run.exercise != exercise.id:
        return [
            (
                f"a run of exercise {run.exercise}, not {exercise.id}",
                ("exercise",),
                f"a run file rehearsed from {exercise.id}",
            )
        ]
    if run.exercise_digest != current:
        return [
            (
                f"rehearsed from another version of {exercise.id} (digest "
                f"{short_digest(run.exercise_digest)}; the exercise given has {short_digest(current)})",
                ("exercise_digest",),
                REHEARSE_AGAIN,
            )
        ]
    vignettes = {v.id: v for v in exercise.vignettes}
    vignette = vignettes.get(run.vignette)
    if vignette is None:
        return [
            (
                f"{exercise.id} has no vignette {run.vignette}",
                ("vignette",),
                "one of " + ", ".join(vignettes) if vignettes else "an exercise with vignettes",
            )
        ]
    if run.vignette_kind is not vignette.kind:
        return [
            (
                f"vignette {vignette.id} is of kind {vignette.kind.value}, not {run.vignette_kind.value}",
                ("vignette_kind",),
                vignette.kind.value,
            )
        ]
    if run.vignette_digest != vignette_digest(vignette):
        return [
            (f"vignette {vignette.id} differs from the one rehearsed", ("vignette_digest",), REHEARSE_AGAIN)
        ]
    return []


def _metric_problems(run: RunResult) -> list[_Found]:
    kind = run.vignette_kind
    declared = VIGNETTE_METRICS.get(kind, ())
    problems: list[_Found] = []
    for name, estimate in run.metrics.items():
        spec = _spec(declared, name)
        if spec is None:
            problems.append(
                (
                    f"{name} is not a metric that rehearsals of kind {kind.value} produce",
                    ("metrics", name),
                    f"a metric declared for kind {kind.value} (docs/metrics.md); interop.* comes from the "
                    "interoperability analysis and observer.* from observations, never from a run file",
                )
            )
            continue
        for part in ("mean", "ci_low", "ci_high"):
            value = getattr(estimate, part)
            if value is not None and not spec.domain.contains(value):
                problems.append(
                    (
                        f"{value:g} is outside the values {name} can take",
                        ("metrics", name, part),
                        f"a value in its domain, {spec.domain}",
                    )
                )
    return problems


def _spec(declared: Sequence[MetricSpec], name: str) -> MetricSpec | None:
    return next((spec for spec in declared if spec.matches(name)), None)


def used_run_files(files: Sequence[RunFile], used: Sequence[RunResult]) -> tuple[RunFile, ...]:
    """The run files whose runs are among ``used`` (the same objects, e.g. those released to a reader)."""
    kept = {id(run) for run in used}
    return tuple(f for f in files if id(f.run) in kept)
