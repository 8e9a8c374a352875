"""The release policy, applied where data leaves: before anything is analysed for a report.

`releasable_exercise` returns a new version of the exercise holding only what is releasable to a nation:
participants, units, objectives, vignettes and injects whose effective label (their own, else their
parent's, else the exercise's) releases to it, with references to what was withheld removed. Analyses,
ratings and reports built from it cannot show what it does not hold. `report_label` is the label of a
whole document: the highest classification, the intersection of the releasability lists and every caveat
of what it contains.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from jointex.errors import InputError
from jointex.model import Classification, Exercise, Label
from jointex.model.assessment import Observations
from jointex.model.runs import RunResult


def _releases(label: Label | None, parent: Label, nation: str) -> bool:
    return (label or parent).releases_to(nation)


def releasable_exercise(exercise: Exercise, nation: str) -> Exercise:
    """The exercise as ``nation`` may see it. Raises `InputError` when nothing of it is releasable."""
    top = exercise.label
    if nation not in exercise.nations:
        raise InputError.single(
            f"{nation} does not take part in the exercise",
            field=("--for",),
            expected="one of " + ", ".join(exercise.nations),
        )
    if not top.releases_to(nation):
        raise InputError.single(
            f"the exercise is not releasable to {nation} ({top.marking})",
            field=("--for",),
            expected="a nation its label releases to",
        )
    participants = [p for p in exercise.participants if _releases(p.label, top, nation)]
    nation_label = {p.nation: p.label or top for p in participants}
    units = [
        u
        for u in exercise.units
        if u.nation in nation_label and _releases(u.label, nation_label[u.nation], nation)
    ]
    unit_ids = {u.id for u in units}
    objectives = [o for o in exercise.objectives if _releases(o.label, top, nation)]
    objective_ids = {o.id for o in objectives}
    parties = unit_ids | {c.id for c in exercise.controllers} | {a.id for a in exercise.actors}
    data: dict[str, Any] = exercise.model_dump(
        by_alias=True, exclude={"participants", "units", "objectives", "vignettes", "scenario"}
    )
    data["participants"] = [p.model_dump(by_alias=True) for p in participants]
    data["units"] = [u.model_dump(by_alias=True) for u in units]
    data["objectives"] = [o.model_dump(by_alias=True) for o in objectives]
    data["vignettes"] = [
        {
            **v.model_dump(by_alias=True),
            "units": [u for u in v.units if u in unit_ids],
            "objectives": [o for o in v.objectives if o in objective_ids],
        }
        for v in exercise.vignettes
        if _releases(v.label, top, nation)
    ]
    events = []
    for event in exercise.scenario.events:
        incidents = []
        for incident in event.incidents:
            injects = [
                {
                    **i.model_dump(by_alias=True),
                    "to": [r for r in i.recipients if r in parties],
                    "objectives": [o for o in i.objectives if o in objective_ids],
                }
                for i in incident.injects
                if _releases(i.label, top, nation)
                and i.sender in parties
                and any(r in parties for r in i.recipients)
            ]
            incidents.append({**incident.model_dump(by_alias=True), "injects": injects})
        events.append({**event.model_dump(by_alias=True), "incidents": incidents})
    data["scenario"] = {**exercise.scenario.model_dump(by_alias=True), "events": events}
    return Exercise.model_validate(data)


def releasable_observations(observations: Observations, exercise: Exercise, nation: str) -> Observations:
    """Observations and actions ``nation`` may see, about objectives and units it may see."""
    objectives = {o.id: o for o in exercise.objectives}
    units = set(exercise.units_by_id)
    top = exercise.label
    kept = [
        o
        for o in observations.observations
        if o.objective in objectives
        and (o.unit is None or o.unit in units)
        and _releases(o.label, objectives[o.objective].label or top, nation)
    ]
    actions = [
        a
        for a in observations.actions
        if (a.objective is None or a.objective in objectives)
        and _releases(a.label, objectives[a.objective].label or top if a.objective else top, nation)
    ]
    return Observations(observations=tuple(kept), actions=tuple(actions))


def releasable_runs(runs: Sequence[RunResult], exercise: Exercise, nation: str) -> list[RunResult]:
    vignettes = {v.id for v in exercise.vignettes}
    return [r for r in runs if r.vignette in vignettes and _releases(r.label, exercise.label, nation)]


def report_label(labels: Iterable[Label]) -> Label:
    """The label of a document holding elements with these labels."""
    labels = list(labels)
    classification = max(
        (lab.classification for lab in labels), key=lambda c: c.rank, default=Classification.UNCLASSIFIED
    )
    restricted = [set(lab.releasable_to) for lab in labels if lab.releasable_to is not None]
    releasable = tuple(sorted(set.intersection(*restricted))) if restricted else None
    caveats = tuple(sorted({c for lab in labels for c in lab.caveats}))
    policy = labels[0].policy if labels else "NATO"
    return Label(policy=policy, classification=classification, releasable_to=releasable, caveats=caveats)


def unit_labels(exercise: Exercise) -> dict[str, Label]:
    """Each unit's effective label: its own, else its nation's participant label, else the exercise's."""
    top = exercise.label
    nation_label = {p.nation: p.label or top for p in exercise.participants}
    return {u.id: u.label or nation_label.get(u.nation, top) for u in exercise.units}


def exercise_labels(exercise: Exercise) -> list[Label]:
    """The effective labels of everything an exercise holds: what any document built from it carries."""
    top = exercise.label
    labels = [top, *(p.label or top for p in exercise.participants), *unit_labels(exercise).values()]
    labels += [o.label for o in exercise.objectives if o.label]
    labels += [v.label for v in exercise.vignettes if v.label]
    labels += [i.label for i in exercise.injects() if i.label]
    return labels
