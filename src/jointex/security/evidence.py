"""The release policy for evidence: evaluators' observations and actions, and simulation run files.

An observation goes only where its objective, its unit and its inject all went, its observer (a controller)
and the metric it measured name nothing withheld, and its own label allows;
a corrective action only where its objective and its owner nation went. A run file only where its
vignette went and the label of what the run was built from allows. That label is worked out again from
the exercise (the version the run was made for: its reader's, the coalition's), and the file's own label
must release too, so an edited label can narrow but never widen who sees a run; the run's exercise digest
is checked before this (`jointex.assess.run_checks`). Each objective keeps a count of the evidence
withheld from it, so that a version can say why its rating may differ.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from jointex.errors import InputError
from jointex.model import Exercise, Label
from jointex.model.assessment import Observations
from jointex.model.runs import RunResult
from jointex.security.labels import document_label, vignette_labels
from jointex.security.release import Release, names_withheld, release_exercise


@dataclass(frozen=True)
class ReleasedEvidence:
    observations: Observations
    runs: tuple[RunResult, ...]
    withheld: Counter[str] = field(default_factory=Counter)
    """Kind (``observations``, ``corrective actions``, ``simulation runs``) -> count withheld."""
    withheld_by_objective: Counter[str] = field(default_factory=Counter)
    """Objective id (of those released) -> pieces of evidence about it withheld from this version."""


def release_evidence(
    observations: Observations, runs: Sequence[RunResult], original: Exercise, release: Release
) -> ReleasedEvidence:
    """The observations, actions and runs ``release``'s reader may see of ``original``'s evidence."""
    exercise, reader = release.exercise, release.reader
    top = original.label
    objectives = exercise.objectives_by_id
    objective_label = {o.id: o.label or top for o in original.objectives}
    units = set(exercise.units_by_id)
    injects = {i.serial for i in exercise.injects()}
    nations = set(exercise.nations)
    withheld: Counter[str] = Counter()
    by_objective: Counter[str] = Counter()

    kept = []
    for o in observations.observations:
        if (
            o.objective in objectives
            and (o.unit is None or o.unit in units)
            and (o.inject is None or o.inject in injects)
            and o.observer not in release.withheld_names
            and not (o.metric and names_withheld(o.metric, release.withheld_names))
            and reader.may_see(o.label or objective_label[o.objective])
        ):
            kept.append(o)
        else:
            withheld["observations"] += 1
            if o.objective in objectives:
                by_objective[o.objective] += 1
    actions = []
    for a in observations.actions:
        parent = objective_label.get(a.objective or "", top)
        if (
            (a.objective is None or a.objective in objectives)
            and a.owner in nations
            and reader.may_see(a.label or parent)
        ):
            actions.append(a)
        else:
            withheld["corrective actions"] += 1

    vignettes = {v.id: v for v in exercise.vignettes}
    served = {v.id: v.objectives for v in original.vignettes}
    labels = _RunLabels(original, release)
    kept_runs = []
    for run in runs:
        label = labels.of(run)
        if (
            run.vignette in vignettes
            and label is not None
            and reader.may_see(label)
            and reader.may_see(run.label or top)
        ):
            kept_runs.append(run)
        else:
            withheld["simulation runs"] += 1
            for objective in served.get(run.vignette, ()):
                if objective in objectives:
                    by_objective[objective] += 1
    return ReleasedEvidence(
        Observations(observations=tuple(kept), actions=tuple(actions)),
        tuple(kept_runs),
        +withheld,
        by_objective,
    )


class _RunLabels:
    """The label of what each run was built from: the vignette, its units and objectives in the version
    of the exercise the run was made for, as `jointex simulate` labels it."""

    def __init__(self, original: Exercise, known: Release) -> None:
        self.original = original
        self.releases: dict[str | None, Release | None] = {known.reader.nation: known}

    def of(self, run: RunResult) -> Label | None:
        """None when the run's version or vignette cannot be built from the exercise (never cited)."""
        if run.reader not in self.releases:
            try:
                self.releases[run.reader] = release_exercise(self.original, run.reader)
            except InputError:
                self.releases[run.reader] = None
        release = self.releases[run.reader]
        if release is None:
            return None
        vignette = next((v for v in release.exercise.vignettes if v.id == run.vignette), None)
        if vignette is None:
            return None
        made_from = release.exercise
        return document_label(made_from, vignette_labels(made_from, vignette), release.reader.nations)
