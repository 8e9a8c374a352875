"""Nation-level domains: geospatial (datum and grid), procedural (standards) and human (language).

- Geospatial: the same datum and grid is compatible; the same datum on another grid is bridged by an
  exact grid conversion; different datums are incompatible until the nations agree a common one.
- Procedural: the pair is compatible when both adopted every required standard (the exercise's
  ``interoperability.required_standards``, or by default those adopted by at least half the nations). A
  nation works to its own procedures, so two of its units are always compatible, whatever it lacks.
- Human: a shared working language is compatible; interpreters or liaison officers bridge the pair.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np

from jointex.analyse.interop.domain import ClassPair, ClassStates
from jointex.analyse.interop.states import State, versus
from jointex.catalogue import language_key
from jointex.model import Exercise, Participant


def _pairs(participants: Sequence[Participant]) -> list[tuple[int, int, Participant, Participant]]:
    return [(i, j, a, b) for i, a in enumerate(participants) for j, b in enumerate(participants)]


def geospatial_states(exercise: Exercise) -> ClassStates:
    n = len(exercise.participants)
    states = np.zeros((n, n), dtype=np.int8)
    via: dict[ClassPair, str] = {}
    reasons: dict[ClassPair, str] = {}
    for i, j, a, b in _pairs(exercise.participants):
        if a.datum.upper() != b.datum.upper():
            states[i, j] = State.INCOMPATIBLE
            reasons[(i, j)] = f"maps on different datums: {versus(a.datum, b.datum)}"
        elif a.grid.upper() != b.grid.upper():
            states[i, j] = State.BRIDGED
            via[(i, j)] = f"grid conversion {a.grid} <-> {b.grid} on {a.datum}"
        else:
            states[i, j] = State.COMPATIBLE
    return ClassStates.from_tables(states, via, reasons)


def required_standards(exercise: Exercise) -> tuple[str, ...]:
    """The standards every pair needs: as the exercise says, or those adopted by at least half the nations."""
    if exercise.interoperability.required_standards is not None:
        return tuple(exercise.interoperability.required_standards)
    adopted = Counter(s for p in exercise.participants for s in set(p.standards))
    half = math.ceil(len(exercise.participants) / 2)
    return tuple(sorted(s for s, count in adopted.items() if count >= max(half, 2)))


def procedural_states(exercise: Exercise) -> ClassStates:
    required = set(required_standards(exercise))
    n = len(exercise.participants)
    states = np.full((n, n), State.NOT_APPLICABLE if not required else State.COMPATIBLE, dtype=np.int8)
    reasons: dict[ClassPair, str] = {}
    if not required:
        return ClassStates(states)
    for i, j, a, b in _pairs(exercise.participants):
        if i == j:  # one nation's units follow the same national procedures
            continue
        missing = [
            f"{s} ({', '.join(p.nation for p in (a, b) if s not in p.standards)})"
            for s in sorted(required)
            if s not in a.standards or s not in b.standards
        ]
        if missing:
            states[i, j] = State.INCOMPATIBLE
            reasons[(i, j)] = "standards not adopted by both: " + "; ".join(missing)
    return ClassStates.from_tables(states, {}, reasons)


def human_states(exercise: Exercise) -> ClassStates:
    n = len(exercise.participants)
    states = np.zeros((n, n), dtype=np.int8)
    via: dict[ClassPair, str] = {}
    reasons: dict[ClassPair, str] = {}
    for i, j, a, b in _pairs(exercise.participants):
        spoken_a = {language_key(x) for x in a.languages}
        spoken_b = {language_key(x) for x in b.languages}
        if not spoken_a or not spoken_b:
            states[i, j] = State.NOT_APPLICABLE
        elif spoken_a & spoken_b or i == j:
            states[i, j] = State.COMPATIBLE
        else:
            bridges = [
                f"{p.nation} interpreters for {lang}"
                for p, other in ((a, spoken_b), (b, spoken_a))
                for lang in p.interpreters
                if language_key(lang) in other
            ]
            bridges += [
                f"{p.nation} liaison officers to {q.nation}"
                for p, q in ((a, b), (b, a))
                if q.nation in p.liaison_officers_to
            ]
            if bridges:
                states[i, j] = State.BRIDGED
                via[(i, j)] = "; ".join(bridges)
            else:
                states[i, j] = State.INCOMPATIBLE
                reasons[(i, j)] = "no shared working language: " + versus(
                    ", ".join(a.languages), ", ".join(b.languages)
                )
    return ClassStates.from_tables(states, via, reasons)


def missing_standards(exercise: Exercise, nation: str) -> list[str]:
    """Required standards that ``nation`` has not adopted."""
    adopted = next((set(p.standards) for p in exercise.participants if p.nation == nation), set())
    return [s for s in required_standards(exercise) if s not in adopted]
