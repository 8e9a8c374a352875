"""The release policy, applied where data leaves: before anything is analysed for a document.

`release_exercise` returns a new version of the exercise holding only what its reader may see (one nation,
or every participating nation for the coalition version), and counts what it withheld. Every reference an
element holds to another is followed, so nothing withheld is named by something kept:

- participants: a withheld participant takes its units and its controllers with it, and its nation code
  leaves objective owners, liaison officers, waivers and clearances;
- units: removed from vignettes' unit lists and from the elements of vignette parameters that name them
  (sensors and fire units of an IAMD raid, transport assets of a relief operation: each kind's typed
  parameters declare their references with ``unit_references()``); a vignette left without what it
  cannot do without is withheld;
- objectives: removed from vignettes and injects; an objective whose every owner is withheld is withheld;
- injects: withheld with their label, or when their sender or every recipient is withheld.

Analyses, ratings and documents built from the released exercise cannot show what it does not hold. The
host nation cannot be withheld from a version of its own exercise: a version whose reader may not see the
host's participation is refused.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from jointex.errors import InputError
from jointex.model import Controller, Exercise, Objective, Vignette, VignetteParameters
from jointex.security.labels import exercise_labels, report_label, unit_labels
from jointex.security.readers import Reader, reader_for

__all__ = [
    "Release",
    "exercise_labels",
    "releasable_exercise",
    "release_exercise",
    "release_statement",
    "report_label",
    "unit_labels",
    "withheld_note",
]


@dataclass(frozen=True)
class Release:
    """An exercise as one reader may see it, and how many elements of each kind were withheld."""

    exercise: Exercise
    reader: Reader
    withheld: Counter[str] = field(default_factory=Counter)
    """Element kind (``units``, ``injects``, ``fire units``...) -> how many were withheld. Counts only:
    what was withheld is never named."""
    withheld_names: frozenset[str] = frozenset()
    """The identifiers the version must not name (for the evidence released with it); never shown."""

    def to_dict(self) -> dict[str, Any]:
        return {"reader": self.reader.name, "withheld": dict(sorted(self.withheld.items()))}


def withheld_note(withheld: Counter[str]) -> str:
    """'Withheld from this version: 2 units, 1 inject.' or '' when nothing was."""
    parts = [f"{count} {kind if count != 1 else kind.removesuffix('s')}" for kind, count in withheld.items()]
    return ("Withheld from this version: " + ", ".join(parts) + ".") if parts else ""


def releasable_exercise(exercise: Exercise, nation: str | None) -> Exercise:
    """The exercise as ``nation`` (or the coalition, for None or ``ALL``) may see it."""
    return release_exercise(exercise, nation).exercise


def release_exercise(exercise: Exercise, wanted: Reader | str | None) -> Release:
    """The exercise as ``wanted`` may see it (a `Reader`, a nation code, or None for the coalition: see
    `reader_for`). Raises `InputError` when that reader does not take part, or when what it may see does
    not make an exercise (nothing releasable to it)."""
    reader = reader_for(exercise, wanted)
    top = exercise.label
    if not reader.may_see(top):
        raise InputError.single(
            f"the exercise is not releasable to {reader.description} ({top.marking})",
            field=("--for",),
            expected="a nation its label releases to",
        )
    withheld: Counter[str] = Counter()
    participants = [p for p in exercise.participants if reader.may_see(p.label or top)]
    withheld["participants"] += len(exercise.participants) - len(participants)
    if exercise.host_nation not in {p.nation for p in participants}:
        raise InputError.single(
            f"the host nation's participation is not releasable to {reader.description}, so no version "
            f"of the exercise can be built for {reader.description}",
            field=("--for",),
            expected="a reader the host nation's participant label releases to",
        )
    nations = {p.nation for p in participants}
    nation_label = {p.nation: p.label or top for p in participants}
    units = [
        u for u in exercise.units if u.nation in nations and reader.may_see(u.label or nation_label[u.nation])
    ]
    withheld["units"] += len(exercise.units) - len(units)
    unit_ids = {u.id for u in units}
    controllers = [c for c in exercise.controllers if c.nation in nations or c.nation not in exercise.nations]
    parameters = _vignette_parameters(exercise, reader, unit_ids, withheld)
    names = _withheld_names(exercise, nations, unit_ids, controllers, parameters)
    objectives = _objectives(exercise, reader, nations, names, withheld)
    objective_ids = {o.id for o in objectives}
    names |= set(exercise.objectives_by_id) - objective_ids
    parties = unit_ids | {c.id for c in controllers} | {a.id for a in exercise.actors}

    data: dict[str, Any] = exercise.model_dump(
        by_alias=True,
        exclude={"participants", "units", "objectives", "vignettes", "scenario", "controllers"},
    )
    data["participants"] = [
        {
            **p.model_dump(by_alias=True),
            "liaison_officers_to": [n for n in p.liaison_officers_to if n in nations],
        }
        for p in participants
    ]
    data["units"] = [u.model_dump(by_alias=True) for u in units]
    data["controllers"] = [c.model_dump(by_alias=True) for c in controllers]
    data["objectives"] = [o.model_dump(by_alias=True) for o in objectives]
    data["vignettes"] = [
        {
            **v.model_dump(by_alias=True),
            "units": [u for u in v.units if u in unit_ids],
            "objectives": [o for o in v.objectives if o in objective_ids],
            "parameters": parameters[v.id],
        }
        for v in exercise.vignettes
        if parameters[v.id] is not None
    ]
    data["scenario"] = _scenario(exercise, reader, parties, objective_ids, withheld)
    data["interoperability"] = _interop_settings(exercise, nations)
    try:
        released = Exercise.model_validate(data)
    except ValidationError:
        raise InputError.single(
            f"too little of the exercise is releasable to {reader.description} to build a version for it",
            field=("--for",),
            expected="a reader the exercise's participants, units and objectives release to",
        ) from None
    return Release(released, reader, +withheld, frozenset(names))


def _vignette_parameters(
    exercise: Exercise, reader: Reader, units: set[str], withheld: Counter[str]
) -> dict[str, VignetteParameters | None]:
    """Each vignette's releasable parameters, or None for a vignette withheld (by its label, or because
    it cannot stand without what was withheld from its parameters)."""
    kept: dict[str, VignetteParameters | None] = {}
    for vignette in exercise.vignettes:
        parameters = (
            releasable_parameters(vignette, units, withheld)
            if reader.may_see(vignette.label or exercise.label)
            else None
        )
        withheld["vignettes"] += parameters is None
        kept[vignette.id] = parameters
    return kept


def _withheld_names(
    exercise: Exercise,
    nations: set[str],
    units: set[str],
    controllers: list[Controller],
    parameters: dict[str, VignetteParameters | None],
) -> set[str]:
    """Every identifier the version must not name: withheld nations, units, controllers and vignettes,
    and the ids inside vignette parameters that went with them (defended assets, sites, transport
    assets...). Metric names and observations that name one of them are withheld too."""
    names = (set(exercise.nations) - nations) | (set(exercise.units_by_id) - units)
    names |= {c.id for c in exercise.controllers} - {c.id for c in controllers}
    for vignette in exercise.vignettes:
        kept = parameters[vignette.id]
        if kept is None:
            names.add(vignette.id)
        names |= _ids_in(vignette.parameters) - (_ids_in(kept) if kept is not None else set())
    return names


def _ids_in(parameters: VignetteParameters) -> set[str]:
    """The ``id`` values anywhere in a vignette's parameters."""
    return _ids_in_data(parameters.model_dump(mode="json"))


def _ids_in_data(value: Any) -> set[str]:
    if isinstance(value, dict):
        found = {str(value["id"])} if isinstance(value.get("id"), str) else set()
        return found.union(*(_ids_in_data(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_ids_in_data(v) for v in value))
    return set()


def names_withheld(metric: str, names: frozenset[str] | set[str]) -> bool:
    """Whether a metric name (``iamd.leakers.ELEKTRENAI``) names something withheld: a withheld name
    standing between dots, whole (ids may hold dots themselves: ``iamd.leakers.ELEK.TRENAI``)."""
    padded = f".{metric}."
    return any(f".{name}." in padded for name in names)


def _objectives(
    exercise: Exercise, reader: Reader, nations: set[str], names: set[str], withheld: Counter[str]
) -> list[Objective]:
    """Objectives the reader may see, with only their visible owners and the measures that name
    nothing withheld; an objective left without an owner or a measure is withheld."""
    kept = []
    for objective in exercise.objectives:
        owners = tuple(n for n in objective.owners if n in nations)
        measures = tuple(m for m in objective.measures if not names_withheld(m.metric, names))
        if reader.may_see(objective.label or exercise.label) and owners and measures:
            withheld["objective measures"] += len(objective.measures) - len(measures)
            kept.append(objective.model_copy(update={"owners": owners, "measures": measures}))
        else:
            withheld["objectives"] += 1
    return kept


def releasable_parameters(
    vignette: Vignette, units: set[str], withheld: Counter[str] | None = None
) -> VignetteParameters | None:
    """The vignette's parameters without the elements (sensors, fire units, transport assets...) that
    name a unit not in ``units``, found through the references its kind's parameters declare
    (``unit_references()``); None when the drill cannot stand without them (e.g. no fire unit left), so
    that the whole vignette is withheld."""
    parameters = vignette.parameters
    dropped: dict[str, set[int]] = {}
    for path, unit in parameters.unit_references():
        if unit not in units:
            dropped.setdefault(str(path[0]), set()).add(int(path[1]))
    if not dropped:
        return parameters
    fields = dict(parameters)
    for key, indices in dropped.items():
        fields[key] = [item for k, item in enumerate(fields[key]) if k not in indices]
    try:
        kept = type(parameters).model_validate(fields)
    except ValidationError:
        return None
    if withheld is not None:
        for key, indices in dropped.items():
            field = type(parameters).model_fields.get(key)
            named = field.title if field is not None and field.title else key.replace("_", " ")
            withheld[f"{vignette.kind.value} {named}"] += len(indices)
    return kept


def _scenario(
    exercise: Exercise, reader: Reader, parties: set[str], objectives: set[str], withheld: Counter[str]
) -> dict[str, Any]:
    top = exercise.label
    events = []
    for event in exercise.scenario.events:
        incidents = []
        for incident in event.incidents:
            injects = [
                {
                    **i.model_dump(by_alias=True),
                    "to": [r for r in i.recipients if r in parties],
                    "objectives": [o for o in i.objectives if o in objectives],
                    "controller": i.controller if i.controller in parties else None,
                }
                for i in incident.injects
                if reader.may_see(i.label or top)
                and i.sender in parties
                and any(r in parties for r in i.recipients)
            ]
            withheld["injects"] += len(incident.injects) - len(injects)
            incidents.append({**incident.model_dump(by_alias=True), "injects": injects})
        events.append({**event.model_dump(by_alias=True), "incidents": incidents})
    return {**exercise.scenario.model_dump(by_alias=True), "events": events}


def _interop_settings(exercise: Exercise, nations: set[str]) -> dict[str, Any]:
    """Waivers and clearances that name a withheld nation go with it."""
    withheld = set(exercise.nations) - nations
    settings = exercise.interoperability
    return {
        **settings.model_dump(by_alias=True),
        "waivers": [w.model_dump(by_alias=True) for w in settings.waivers if not withheld & set(w.nations)],
        "clearances": [
            c.model_dump(by_alias=True)
            for c in settings.clearances
            if c.provider not in withheld and c.receiver not in withheld
        ],
    }


def release_statement(release: Release) -> str:
    """The sentence a document opens with: whom it is for, and how much was withheld from it (counts)."""
    reader = release.reader
    if reader.is_coalition:
        text = "Coalition version: built from only what every participating nation may see."
    else:
        text = f"Prepared for release to {reader.name}: built from only what is releasable to {reader.name}."
    note = withheld_note(release.withheld)
    return f"{text} {note}" if note else text
