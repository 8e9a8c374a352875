"""One domain's result: states on unit classes, expanded to nation pairs (by counting) and unit pairs
(on demand)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np
from numpy.typing import NDArray

from jointex.analyse.interop.classes import nation_counts, pair_counts
from jointex.analyse.interop.states import Cell, State
from jointex.model import InteropDomain

ClassPair = tuple[int, int]


Explanation = tuple[str | None, str | None]  # (the bridge that makes a pair work, why a pair fails)


def _unexplained(row: int, column: int) -> Explanation:
    return None, None


@dataclass(frozen=True)
class ClassStates:
    """States between provider classes (rows) and receiver classes (columns).

    ``explain(row, column)`` names the bridge of a bridged pair and the reason of an incompatible one. It
    is computed on demand: an exercise of thousands of distinct units has millions of class pairs, and a
    planner reads the explanation of a few.
    """

    states: NDArray[np.int8]
    explain: Callable[[int, int], Explanation] = _unexplained

    @classmethod
    def from_tables(
        cls, states: NDArray[np.int8], via: Mapping[ClassPair, str], reasons: Mapping[ClassPair, str]
    ) -> ClassStates:
        """For small domains whose explanations are cheap to write out in full."""
        return cls(states, lambda r, c: (via.get((r, c)), reasons.get((r, c))))

    def bridged_pairs(self) -> list[tuple[ClassPair, str]]:
        """Every bridged class pair with its bridge."""
        found = []
        for r, c in zip(*np.nonzero(self.states == State.BRIDGED), strict=True):
            via = self.explain(int(r), int(c))[0]
            if via:
                found.append(((int(r), int(c)), via))
        return found


def cached(explain: Callable[[int, int], Explanation]) -> Callable[[int, int], Explanation]:
    return cache(explain)


@dataclass(frozen=True)
class DomainResult:
    """Compatibility in one domain for every unit pair and nation pair of an exercise.

    ``counts[s, a, b]`` is the number of unit pairs (a unit of nation a, a unit of nation b, never a unit
    with itself) in state s; ``state[a, b]`` is the best state any such pair reaches, so it answers "can
    these two nations do this at all", while ``score`` says how much of their forces can.
    """

    domain: InteropDomain
    directed: bool
    nations: tuple[str, ...]
    unit_ids: tuple[str, ...]
    unit_nation: NDArray[np.intp]
    row_class: NDArray[np.intp]
    column_class: NDArray[np.intp]
    classes: ClassStates
    counts: NDArray[np.float64]
    overrides: Mapping[tuple[int, int], Cell] = field(default_factory=dict)

    @property
    def state(self) -> NDArray[np.int8]:
        best = np.zeros(self.counts.shape[1:], dtype=np.int8)
        for state in (State.INCOMPATIBLE, State.BRIDGED, State.COMPATIBLE):
            best[self.counts[state] > 0] = state
        return best

    @property
    def score(self) -> NDArray[np.float64]:
        """Share of applicable unit pairs that work, a bridged pair counting half; NaN where none applies."""
        applicable = self.counts[1:].sum(axis=0)
        worth = self.counts[State.COMPATIBLE] + 0.5 * self.counts[State.BRIDGED]
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(applicable > 0, worth / np.maximum(applicable, 1), np.nan)

    def unit_matrix(self, units: Sequence[int] | None = None) -> NDArray[np.int8]:
        """States of every pair among ``units`` (all units by default), with nation overrides applied."""
        chosen = np.arange(len(self.unit_ids)) if units is None else np.asarray(units, dtype=np.intp)
        matrix = self.classes.states.take(self.row_class[chosen], axis=0).take(
            self.column_class[chosen], axis=1
        )
        for (a, b), cell in self.overrides.items():
            rows = self.unit_nation[chosen] == a
            columns = self.unit_nation[chosen] == b
            block = np.ix_(rows, columns)
            matrix[block] = _overridden(matrix[block], cell.state)
        np.fill_diagonal(matrix, State.NOT_APPLICABLE)
        return matrix

    def unit_cell(self, a: int, b: int) -> Cell:
        """The state between units a and b (indices in file order), with its bridge and reason."""
        row, column = int(self.row_class[a]), int(self.column_class[b])
        state = State(int(self.classes.states[row, column]))
        override = self.overrides.get((int(self.unit_nation[a]), int(self.unit_nation[b])))
        if override is not None and _applies(override.state, state):
            return override
        if state is State.NOT_APPLICABLE:
            return Cell(state)
        via, reason = self.classes.explain(row, column)
        return Cell(
            state,
            via if state is not State.INCOMPATIBLE else None,
            reason if state is State.INCOMPATIBLE else None,
        )


def _applies(forced: State, state: State) -> bool:
    """Whether a nation override changes a pair in ``state`` (the scalar form of `_overridden`)."""
    if forced is State.INCOMPATIBLE:
        return state in (State.BRIDGED, State.COMPATIBLE)
    return state is State.INCOMPATIBLE


def _overridden(states: NDArray[np.int8], forced: State) -> NDArray[np.int8]:
    """States after a nation override: a refusal turns every applicable pair incompatible, a waiver or
    clearance turns incompatible pairs into ``forced``."""
    if forced is State.INCOMPATIBLE:
        return np.where(states != State.NOT_APPLICABLE, np.int8(State.INCOMPATIBLE), states).astype(np.int8)
    return np.where(states == State.INCOMPATIBLE, np.int8(forced), states).astype(np.int8)


def build_domain(
    domain: InteropDomain,
    *,
    directed: bool,
    nations: Sequence[str],
    unit_ids: Sequence[str],
    unit_nation: Sequence[int],
    row_class: NDArray[np.intp],
    column_class: NDArray[np.intp],
    classes: ClassStates,
    overrides: Mapping[tuple[int, int], Cell] | None = None,
) -> DomainResult:
    """Count unit pairs per nation pair and state; apply nation overrides (waivers, clearances)."""
    nation_index = np.asarray(unit_nation, dtype=np.intp)
    n = len(nations)
    rows = nation_counts(row_class, nation_index, n, classes.states.shape[0])
    columns = nation_counts(column_class, nation_index, n, classes.states.shape[1])
    counts = pair_counts(classes.states, rows, columns)
    own = classes.states[row_class, column_class].astype(np.intp)  # a unit paired with itself
    np.add.at(counts, (own, nation_index, nation_index), -1.0)
    overrides = dict(overrides or {})
    for (a, b), cell in overrides.items():
        if cell.state is State.INCOMPATIBLE:  # a refusal: nothing applicable works
            moved = counts[State.BRIDGED, a, b] + counts[State.COMPATIBLE, a, b]
            counts[State.BRIDGED, a, b] = counts[State.COMPATIBLE, a, b] = 0.0
        else:  # a waiver or clearance: what the rule refuses works
            moved = counts[State.INCOMPATIBLE, a, b]
            counts[State.INCOMPATIBLE, a, b] = 0.0
        counts[cell.state, a, b] += moved
    return DomainResult(
        domain,
        directed,
        tuple(nations),
        tuple(unit_ids),
        nation_index,
        row_class,
        column_class,
        classes,
        counts,
        overrides,
    )
