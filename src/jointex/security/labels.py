"""The label of a document: the aggregate of the labels of what it contains.

A document holding several elements carries the highest classification among them, the intersection of
their releasability lists and every caveat. Each document is labelled from what it actually contains,
never from everything the exercise holds.
"""

from __future__ import annotations

from collections.abc import Iterable

from jointex.model import Classification, Exercise, Label, Vignette


def report_label(labels: Iterable[Label], everyone: Iterable[str] | None = None) -> Label:
    """The label of a document holding elements with these labels. With ``everyone`` (the participating
    nations of the version and its readers), an element without a releasability list counts as releasable
    to each of them, so that the document says REL TO whom it may go; and it goes to none beyond them, so
    that a nation withheld from the version is not named in its banner."""
    labels = list(labels)
    if everyone is not None:
        nations = tuple(sorted(everyone))
        labels = [
            lab if lab.releasable_to is not None else lab.model_copy(update={"releasable_to": nations})
            for lab in labels
        ]
    classification = max(
        (lab.classification for lab in labels), key=lambda c: c.rank, default=Classification.UNCLASSIFIED
    )
    restricted = [set(lab.releasable_to) for lab in labels if lab.releasable_to is not None]
    releasable = tuple(sorted(set.intersection(*restricted))) if restricted else None
    if everyone is not None and releasable is not None:
        releasable = tuple(n for n in releasable if n in set(everyone))
    caveats = tuple(sorted({c for lab in labels for c in lab.caveats}))
    policy = labels[0].policy if labels else "NATO"
    return Label(policy=policy, classification=classification, releasable_to=releasable, caveats=caveats)


def document_label(exercise: Exercise, labels: Iterable[Label], readers: Iterable[str] = ()) -> Label:
    """The banner of a document built from ``exercise`` (a released version) for ``readers`` (the nations
    it is for), holding these labels: the aggregate, in which an element without a releasability list
    counts as releasable to every participating nation of the version and to its readers."""
    return report_label(labels, {*exercise.nations, *readers})


def within(label: Label, nations: Iterable[str]) -> Label:
    """``label`` as marked in a version for ``nations`` (its participating nations and readers): its
    releasability list without nations withheld from the version."""
    if label.releasable_to is None:
        return label
    keep = set(nations)
    return label.model_copy(update={"releasable_to": tuple(n for n in label.releasable_to if n in keep)})


def unit_labels(exercise: Exercise) -> dict[str, Label]:
    """Each unit's effective label: its own, else its nation's participant label, else the exercise's."""
    top = exercise.label
    nation_label = {p.nation: p.label or top for p in exercise.participants}
    return {u.id: u.label or nation_label.get(u.nation, top) for u in exercise.units}


def force_labels(exercise: Exercise) -> list[Label]:
    """The labels of the exercise, its participants and its units: what a summary of the forces, or an
    analysis of them (interoperability), contains."""
    top = exercise.label
    return [top, *(p.label or top for p in exercise.participants), *unit_labels(exercise).values()]


def interop_labels(exercise: Exercise) -> list[Label]:
    """What an interoperability analysis contains: the forces, and the vignettes its gaps name (a gap is
    ranked by the pairs of units that rehearse a vignette together)."""
    return [*force_labels(exercise), *(v.label or exercise.label for v in exercise.vignettes)]


def vignette_labels(exercise: Exercise, vignette: Vignette) -> list[Label]:
    """What a rehearsal of ``vignette`` contains: the exercise's and the vignette's labels, its units'
    (with their nations') and its objectives'."""
    top = exercise.label
    units = unit_labels(exercise)
    nation_label = {p.nation: p.label or top for p in exercise.participants}
    taking_part = [exercise.units_by_id[u] for u in vignette.units if u in exercise.units_by_id]
    objectives = exercise.objectives_by_id
    return [
        top,
        vignette.label or top,
        *(units[u.id] for u in taking_part),
        *(nation_label.get(u.nation, top) for u in taking_part),
        *(objectives[o].label or top for o in vignette.objectives if o in objectives),
    ]


def exercise_labels(exercise: Exercise) -> list[Label]:
    """The effective labels of everything an exercise holds, injects included: the label of the exercise
    file itself, or of a document that shows all of it."""
    labels = force_labels(exercise)
    labels += [o.label for o in exercise.objectives if o.label]
    labels += [v.label for v in exercise.vignettes if v.label]
    labels += [i.label for i in exercise.injects() if i.label]
    return labels
