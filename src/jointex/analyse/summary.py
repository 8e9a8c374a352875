"""What is in an exercise, at a glance: the figures `jointex show` prints."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from datetime import timedelta

from jointex.catalogue import Catalogue, nation_name
from jointex.model import Exercise
from jointex.model.times import format_scenario_time
from jointex.security.labels import document_label, exercise_labels


@dataclass(frozen=True)
class ParticipantLine:
    nation: str
    name: str
    role: str
    languages: tuple[str, ...]
    standards: int
    units: int
    personnel: int


@dataclass(frozen=True)
class ForceLine:
    """One nation's units of one service."""

    nation: str
    service: str
    units: int
    personnel: int
    equipment: int


@dataclass(frozen=True)
class VignetteLine:
    id: str
    name: str
    kind: str
    start: str
    end: str
    units: int


@dataclass(frozen=True)
class MselSummary:
    injects: int
    first: str | None
    last: str | None
    span_h: float
    events: int
    incidents: int
    by_method: dict[str, int]


@dataclass(frozen=True)
class ExerciseSummary:
    id: str
    name: str
    type: str
    host_nation: str
    start_date: str
    end_date: str
    label: str
    """The aggregate of the labels of everything summarised, not only the exercise's own."""
    participants: tuple[ParticipantLine, ...]
    forces: tuple[ForceLine, ...]
    equipment: dict[str, int]
    objectives_by_aspect: dict[str, list[str]]
    vignettes: tuple[VignetteLine, ...]
    msel: MselSummary
    total_personnel: int

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _msel(exercise: Exercise) -> MselSummary:
    injects = exercise.injects()
    times = sorted(inject.time for inject in injects)
    span = (times[-1] - times[0]) if times else timedelta(0)
    return MselSummary(
        injects=len(injects),
        first=format_scenario_time(times[0]) if times else None,
        last=format_scenario_time(times[-1]) if times else None,
        span_h=round(span.total_seconds() / 3600, 2),
        events=len(exercise.scenario.events),
        incidents=sum(len(event.incidents) for event in exercise.scenario.events),
        by_method=dict(Counter(inject.method.value for inject in injects).most_common()),
    )


def summarise(exercise: Exercise, catalogue: Catalogue) -> ExerciseSummary:
    """Participants, forces by nation and service, equipment, objectives, vignettes and the MSEL."""
    units_by_nation: dict[str, int] = Counter(unit.nation for unit in exercise.units)
    personnel_by_nation: dict[str, int] = defaultdict(int)
    forces: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    equipment: Counter[str] = Counter()
    for unit in exercise.units:
        personnel_by_nation[unit.nation] += unit.personnel
        line = forces[(unit.nation, unit.service.value)]
        line[0] += 1
        line[1] += unit.personnel
        for item in unit.equipment:
            line[2] += item.count
            equipment[item.platform] += item.count
    participants = tuple(
        ParticipantLine(
            p.nation,
            nation_name(p.nation),
            p.role.value,
            p.languages,
            len(p.standards),
            units_by_nation.get(p.nation, 0),
            personnel_by_nation.get(p.nation, 0),
        )
        for p in exercise.participants
    )
    aspects: dict[str, list[str]] = defaultdict(list)
    for objective in exercise.objectives:
        aspects[objective.aspect.value].append(objective.id)
    return ExerciseSummary(
        id=exercise.id,
        name=exercise.name,
        type=exercise.type.value,
        host_nation=exercise.host_nation,
        start_date=exercise.start_date.isoformat(),
        end_date=exercise.end_date.isoformat(),
        label=document_label(exercise, exercise_labels(exercise)).marking,
        participants=participants,
        forces=tuple(ForceLine(n, s, *v) for (n, s), v in sorted(forces.items())),
        equipment={
            catalogue.platforms[k].id if k in catalogue.platforms else k: v
            for k, v in equipment.most_common()
        },
        objectives_by_aspect=dict(aspects),
        vignettes=tuple(
            VignetteLine(
                v.id,
                v.name,
                v.kind.value,
                format_scenario_time(v.start),
                format_scenario_time(v.end),
                len(v.units),
            )
            for v in exercise.vignettes
        ),
        msel=_msel(exercise),
        total_personnel=sum(unit.personnel for unit in exercise.units),
    )
