"""The after-action report as data: what it says and the label it carries, decided here, not in templates.

The builder receives an assessment of an exercise that has already been filtered for the reader (see
`jointex.security.release`), so everything it lists is releasable to them; it works out the label of the
whole report and of each element, which the renderer prints and tags.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Generic, TypeVar

from jointex.analyse.interop.gaps import Gap
from jointex.assess.assessment import Assessment
from jointex.assess.plan import PlanItem
from jointex.assess.ratings import ObjectiveRating
from jointex.model import Aspect, Exercise, Label
from jointex.model.metrics.display import format_number, plural
from jointex.model.runs import RunResult
from jointex.security.evidence import ReleasedEvidence
from jointex.security.labels import document_label, force_labels, report_label, unit_labels, within
from jointex.security.release import Release, release_statement

T = TypeVar("T")

ASPECT_TITLES = {
    Aspect.INTEROPERABILITY: "Interoperability",
    Aspect.CRISIS_RESPONSE: "Crisis response",
    Aspect.TECHNOLOGY: "Technology",
    Aspect.DIPLOMACY_AND_TRUST: "Diplomacy and trust",
    Aspect.DETERRENCE: "Deterrence",
}


@dataclass(frozen=True)
class Labelled(Generic[T]):
    """An element of the report with the marking of its label."""

    item: T
    marking: str


@dataclass(frozen=True)
class AspectSection:
    aspect: Aspect
    title: str
    objectives: tuple[Labelled[ObjectiveRating], ...]


@dataclass(frozen=True)
class ReportData:
    exercise: Exercise
    label: Label
    reader: str | None
    generated: str
    rating_counts: dict[str, int]
    summary: tuple[str, ...]
    sections: tuple[AspectSection, ...]
    gaps: tuple[Labelled[Gap], ...]
    plan: tuple[Labelled[PlanItem], ...]
    assessment: Assessment
    charts: dict[str, str] = field(default_factory=dict)
    release: str = ""
    """Whom this version is for and how much was withheld from it (counts), as one paragraph."""
    withheld: dict[str, int] = field(default_factory=dict)
    """Element kind -> how many were withheld from this version (counts only)."""
    withheld_by_objective: dict[str, int] = field(default_factory=dict)
    """Objective id -> pieces of evidence about it withheld from this version."""
    key_gaps: tuple[Labelled[Gap], ...] = ()
    """The gaps the executive summary names: those blocking the most vignette pairs (at most three)."""
    key_actions: tuple[Labelled[PlanItem], ...] = ()
    """The corrective actions the executive summary names (at most three; see `key_actions`)."""


def _everything(exercise: Exercise, assessment: Assessment, runs: Sequence[RunResult]) -> list[Label]:
    """The labels of everything the report was built from: the forces it summarises, the objectives
    and vignettes it rates and names, the observations, actions and simulation runs it cites."""
    top = exercise.label
    labels = force_labels(exercise)
    labels += [o.label or top for o in exercise.objectives]
    labels += [v.label or top for v in exercise.vignettes]
    labels += [o.label for o in assessment.observations.observations if o.label]
    labels += [a.label for a in assessment.observations.actions if a.label]
    labels += [r.label for r in runs if r.label]
    return labels


def _summary(assessment: Assessment) -> tuple[str, ...]:
    exercise, counts = assessment.exercise, assessment.rating_counts
    rated = len(assessment.ratings) - counts["not rated"]
    lines = [
        f"{exercise.name} ({exercise.type.value.upper()}) was hosted by {exercise.host_nation} from "
        f"{exercise.start_date} to {exercise.end_date} with {plural(len(exercise.participants), 'nation')} "
        f"and {format_number(sum(u.personnel for u in exercise.units))} personnel in "
        f"{plural(len(exercise.units), 'unit')}.",
        f"{rated} of {plural(len(assessment.ratings), 'training objective')} "
        f"{'was' if rated == 1 else 'were'} rated: {counts['P']} performed "
        f"without challenges, {counts['S']} with some, {counts['M']} with major challenges, {counts['U']} "
        f"unable to be performed; {counts['not rated']} had no evidence.",
    ]
    interop = assessment.interop
    critical = [g for g in interop.gaps if g.critical_pairs > 0]
    lines.append(
        f"Interoperability: {format_number(100 * interop.overall_score, unit='%', decimals=0)} of "
        f"applicable unit pairs work across nine domains; {plural(len(critical), 'gap')} "
        f"{'blocks' if len(critical) == 1 else 'block'} pairs rehearsing the same vignette, "
        f"{plural(len(interop.single_points_of_failure), 'single point of failure')} in the "
        "communications network."
    )
    if critical:
        lines.append(f"Most pressing gap: {critical[0].problem} (remedy: {critical[0].remedy}).")
    lines.append(f"The improvement plan holds {plural(len(assessment.plan), 'corrective action')}.")
    return tuple(lines)


KEY_ITEMS = 3
"""How many gaps and corrective actions the executive summary names."""


def key_actions(plan: Sequence[PlanItem], ratings: Sequence[ObjectiveRating]) -> list[int]:
    """Positions in ``plan`` of the most important actions not yet done, most important first: those on
    objectives rated U (unable), then M (major challenges), then those closing interoperability gaps (in
    the plan's order, which follows how many vignette pairs a gap blocks), then the rest; the evaluators'
    own actions before proposed ones. One action per objective, so three objectives are named, not one
    objective three times."""
    severity = {"U": 0, "M": 1}
    hseep = {r.objective.id: r.hseep.value for r in ratings if r.hseep}

    def rank(position: int) -> tuple[int, bool, int]:
        item = plan[position]
        if item.objective is None:
            return (2, item.proposed, position)
        return (severity.get(hseep.get(item.objective, ""), 3), item.proposed, position)

    chosen: list[int] = []
    named: set[str] = set()
    for position in sorted((i for i, p in enumerate(plan) if p.status != "done"), key=rank):
        objective = plan[position].objective
        if objective is not None and objective in named:
            continue
        chosen.append(position)
        named.add(objective or "")
        if len(chosen) == KEY_ITEMS:
            break
    return chosen


def build_report(
    assessment: Assessment, release: Release, evidence: ReleasedEvidence | None = None
) -> ReportData:
    """The report of ``release``'s version: ``assessment`` must be of ``release.exercise``, from the
    ``evidence`` released with it."""
    exercise = assessment.exercise
    top = exercise.label
    withheld = release.withheld + (evidence.withheld if evidence else Counter())
    labels_of_units = unit_labels(exercise)
    objective_labels = {o.id: o.label or top for o in exercise.objectives}
    version = {*exercise.nations, *release.reader.nations}

    def marking(labels: list[Label]) -> str:
        return within(report_label(labels), version).marking

    def objective(rating: ObjectiveRating) -> Labelled[ObjectiveRating]:
        own = [objective_labels[rating.objective.id]] + [o.label for o in rating.observations if o.label]
        return Labelled(rating, marking(own))

    def gap(item: Gap) -> Labelled[Gap]:
        return Labelled(
            item, marking([top] + [labels_of_units[u] for u in item.units if u in labels_of_units])
        )

    def action(item: PlanItem) -> Labelled[PlanItem]:
        units = [labels_of_units[u] for u in item.units if u in labels_of_units]
        return Labelled(item, marking([objective_labels.get(item.objective or "", top), *units]))

    sections = tuple(
        AspectSection(
            aspect, title, tuple(objective(r) for r in assessment.ratings if r.objective.aspect is aspect)
        )
        for aspect, title in ASPECT_TITLES.items()
    )
    gaps = tuple(gap(g) for g in assessment.interop.gaps)
    plan = tuple(action(p) for p in assessment.plan)
    return ReportData(
        exercise=exercise,
        label=document_label(
            exercise,
            _everything(exercise, assessment, evidence.runs if evidence else ()),
            release.reader.nations,
        ),
        reader=release.reader.nation,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        rating_counts=assessment.rating_counts,
        summary=_summary(assessment),
        sections=sections,
        gaps=gaps,
        plan=plan,
        assessment=assessment,
        release=release_statement(Release(release.exercise, release.reader, withheld)),
        withheld=dict(withheld),
        withheld_by_objective=dict(evidence.withheld_by_objective) if evidence else {},
        key_gaps=gaps[:KEY_ITEMS],
        key_actions=tuple(plan[i] for i in key_actions(assessment.plan, assessment.ratings)),
    )
