"""Labels may only tighten down the tree, and may only name nations that take part."""

from __future__ import annotations

from collections.abc import Iterable, Set

from jointex.errors import FieldPath, Problem
from jointex.model import Exercise, Label


def _labelled(exercise: Exercise) -> Iterable[tuple[FieldPath, Label | None, Label, str]]:
    """Every labelled element: (path of its label, own label, parent's effective label, parent's name)."""
    top = exercise.label
    nation_label: dict[str, Label] = {}
    for i, participant in enumerate(exercise.participants):
        yield ("participants", i, "label"), participant.label, top, "the exercise"
        if participant.label is not None:
            nation_label[participant.nation] = participant.label
    for i, unit in enumerate(exercise.units):
        parent = nation_label.get(unit.nation)
        yield (
            ("units", i, "label"),
            unit.label,
            parent or top,
            (f"participant {unit.nation}" if parent else "the exercise"),
        )
    for section in ("objectives", "vignettes"):
        for i, item in enumerate(getattr(exercise, section)):
            yield (section, i, "label"), item.label, top, "the exercise"
    for (e, i, j), inject in exercise.scenario.injects():
        yield (
            ("scenario", "events", e, "incidents", i, "injects", j, "label"),
            inject.label,
            top,
            "the exercise",
        )


def check_labels(exercise: Exercise, unreadable: Set[str] = frozenset()) -> list[Problem]:
    """Labels name participating nations and are at least as restrictive as their parent's.

    ``unreadable``: nations of participants that could not be read; with any, who takes part is not
    known, and the nations a label names are not checked for taking part."""
    problems: list[Problem] = []
    taking_part = set(exercise.nations)
    all_labels = [(("label",), exercise.label)] + [
        (path, own) for path, own, _, _ in _labelled(exercise) if own
    ]
    for path, label in all_labels:
        outsiders = [] if unreadable else sorted(set(label.releasable_to or ()) - taking_part)
        if outsiders:
            problems.append(
                Problem(
                    f"releasable to {', '.join(outsiders)}, which {'is' if len(outsiders) == 1 else 'are'} "
                    "not participating",
                    field=(*path, "releasable_to"),
                    expected="participating nations only",
                )
            )
    for path, own, parent, parent_name in _labelled(exercise):
        if own is None:
            continue
        for loosening in own.loosenings_of(parent):
            problems.append(
                Problem(
                    f"label is less restrictive than {parent_name}'s ({parent.marking}): {loosening}",
                    field=path,
                    expected="a label at least as restrictive as its parent's",
                )
            )
    return problems
