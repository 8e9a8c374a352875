"""Ids must be unique, so every reference names exactly one thing."""

from __future__ import annotations

from collections.abc import Iterable

from jointex.errors import FieldPath, Problem
from jointex.model import Exercise


def _duplicates(kind: str, entries: Iterable[tuple[FieldPath, str]]) -> list[Problem]:
    first: dict[str, FieldPath] = {}
    problems: list[Problem] = []
    for path, key in entries:
        if key in first:
            problems.append(
                Problem(
                    f"duplicate {kind} {key!r}", field=path, expected=f"a unique {kind}", also_at=first[key]
                )
            )
        else:
            first[key] = path
    return problems


def check_unique_ids(exercise: Exercise) -> list[Problem]:
    problems: list[Problem] = []
    problems += _duplicates(
        "nation", ((("participants", i, "nation"), p.nation) for i, p in enumerate(exercise.participants))
    )
    for section in ("phases", "controllers", "actors", "units", "objectives", "vignettes"):
        items = getattr(exercise, section)
        problems += _duplicates(
            f"{section[:-1]} id", (((section, i, "id"), item.id) for i, item in enumerate(items))
        )
    problems += _shared_namespace(exercise)
    events = exercise.scenario.events
    problems += _duplicates(
        "event id", ((("scenario", "events", e, "id"), ev.id) for e, ev in enumerate(events))
    )
    problems += _duplicates(
        "incident id",
        (
            (("scenario", "events", e, "incidents", i, "id"), inc.id)
            for e, ev in enumerate(events)
            for i, inc in enumerate(ev.incidents)
        ),
    )
    problems += _duplicates(
        "inject serial",
        (
            (("scenario", "events", e, "incidents", i, "injects", j, "serial"), inject.serial)
            for (e, i, j), inject in exercise.scenario.injects()
        ),
    )
    return problems


def _shared_namespace(exercise: Exercise) -> list[Problem]:
    """Units, controllers and actors share one namespace: injects are sent from and to any of them."""
    problems: list[Problem] = []
    first: dict[str, FieldPath] = {}
    for section in ("controllers", "actors", "units"):
        in_section: set[str] = set()
        for i, item in enumerate(getattr(exercise, section)):
            if item.id in in_section:
                continue  # reported as a duplicate within its own section
            in_section.add(item.id)
            if item.id in first:
                problems.append(
                    Problem(
                        f"id {item.id!r} is used by both {first[item.id][0]} and {section}",
                        field=(section, i, "id"),
                        expected="one id per unit, controller and actor",
                        also_at=first[item.id],
                    )
                )
            else:
                first[item.id] = (section, i, "id")
    return problems
