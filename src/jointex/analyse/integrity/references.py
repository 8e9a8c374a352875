"""Every name an exercise uses (nations, languages, units, objectives, controllers) must resolve."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Set

from jointex.catalogue import languages, nations
from jointex.errors import FieldPath, Problem, Severity
from jointex.model import Exercise, ParticipantRole


def _did_you_mean(wanted: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(wanted, sorted(known), n=3, cutoff=0.5)
    return f"; did you mean {', '.join(close)}?" if close else ""


def _article(noun: str) -> str:
    """``a`` or ``an`` as the noun is spoken: an objective, a unit (a "you" sound)."""
    return "an" if noun[0] in "aeio" or (noun[0] == "u" and not noun.startswith("uni")) else "a"


def _nation_fields(exercise: Exercise) -> Iterable[tuple[FieldPath, str]]:
    yield ("host_nation",), exercise.host_nation
    for i, participant in enumerate(exercise.participants):
        yield ("participants", i, "nation"), participant.nation
    for i, unit in enumerate(exercise.units):
        yield ("units", i, "nation"), unit.nation
    for i, controller in enumerate(exercise.controllers):
        yield ("controllers", i, "nation"), controller.nation
    for i, objective in enumerate(exercise.objectives):
        for k, owner in enumerate(objective.owners):
            yield ("objectives", i, "owners", k), owner


def check_nations(exercise: Exercise, unreadable: Set[str] = frozenset()) -> list[Problem]:
    """Nations are ISO 3166 trigraphs and take part in the exercise; languages are ISO 639.

    ``unreadable``: nations of participants that could not be read; with any, who takes part is not
    known, and nations are not checked for taking part.
    """
    problems: list[Problem] = []
    iso = nations()
    taking_part = set(exercise.nations)
    for path, code in _nation_fields(exercise):
        if code not in iso:
            problems.append(
                Problem(
                    f"unknown nation {code!r}{_did_you_mean(code, iso)}",
                    field=path,
                    expected="an ISO 3166-1 alpha-3 code such as USA, GBR, POL",
                )
            )
        elif path[0] != "participants" and code not in taking_part and not unreadable:
            problems.append(
                Problem(
                    f"nation {code} is not a participant of the exercise",
                    field=path,
                    expected="one of " + ", ".join(exercise.nations),
                )
            )
    known_languages = languages()
    for i, participant in enumerate(exercise.participants):
        for k, language in enumerate(participant.languages):
            if language not in known_languages:
                problems.append(
                    Problem(
                        f"unknown language {language!r}",
                        field=("participants", i, "languages", k),
                        expected="an ISO 639 code such as en, fr, pol",
                    )
                )
    hosts = [i for i, p in enumerate(exercise.participants) if p.role is ParticipantRole.HOST]
    for i in hosts:
        if exercise.participants[i].nation != exercise.host_nation:
            problems.append(
                Problem(
                    f"{exercise.participants[i].nation} has role host but the host nation is "
                    f"{exercise.host_nation}",
                    field=("participants", i, "role"),
                    expected="role host only for the host nation",
                )
            )
    return problems


def check_references(exercise: Exercise, unreadable: Set[str] = frozenset()) -> list[Problem]:
    """Units, objectives, controllers and actors named anywhere exist.

    ``unreadable``: ids of elements that could not be read (their problems are reported); naming one is
    not reported as naming an unknown element.
    """
    problems: list[Problem] = []
    units = set(exercise.units_by_id)
    objectives = set(exercise.objectives_by_id)
    controllers = {c.id for c in exercise.controllers}
    parties = units | controllers | {a.id for a in exercise.actors}

    def need(path: FieldPath, ref: str, known: set[str], what: str) -> None:
        if ref not in known and ref not in unreadable:
            problems.append(
                Problem(
                    f"unknown {what} {ref!r}{_did_you_mean(ref, known)}",
                    field=path,
                    expected=f"the id of {_article(what)} {what} declared in the exercise",
                )
            )

    for v, vignette in enumerate(exercise.vignettes):
        for k, ref in enumerate(vignette.units):
            need(("vignettes", v, "units", k), ref, units, "unit")
        for k, ref in enumerate(vignette.objectives):
            need(("vignettes", v, "objectives", k), ref, objectives, "objective")
    for (e, i, j), inject in exercise.scenario.injects():
        base: FieldPath = ("scenario", "events", e, "incidents", i, "injects", j)
        need((*base, "from"), inject.sender, parties, "unit, controller or actor")
        for k, ref in enumerate(inject.recipients):
            need((*base, "to", k), ref, parties, "unit, controller or actor")
        for k, ref in enumerate(inject.objectives):
            need((*base, "objectives", k), ref, objectives, "objective")
        if inject.controller is not None:
            need((*base, "controller"), inject.controller, controllers, "controller")
    if exercise.units and not exercise.objectives and not unreadable:
        problems.append(
            Problem(
                "the exercise has no training objectives", field=("objectives",), severity=Severity.WARNING
            )
        )
    return problems
