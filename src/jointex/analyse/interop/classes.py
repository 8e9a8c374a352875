"""Equivalence classes of units: units with the same attribute set behave alike in a domain.

Every domain computes its states on the distinct attribute sets (a few dozen even for thousands of units)
and expands them to unit pairs and nation pairs by indexing and counting. This is what makes all pairs
of 10,000 units cost well under a second: no loop over pairs, and no N x N array unless one is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from jointex.analyse.interop.states import State


@dataclass(frozen=True)
class Classes:
    """Units grouped by an attribute set: ``of_unit[u]`` is unit u's class; ``items[c]`` class c's set."""

    of_unit: NDArray[np.intp]
    items: tuple[frozenset[str], ...]
    vocabulary: tuple[str, ...]
    membership: NDArray[np.bool_]  # classes x vocabulary

    @property
    def size(self) -> int:
        return len(self.items)


def group(sets: Sequence[frozenset[str]]) -> Classes:
    """Group units by their attribute sets; each distinct set becomes a class with a bitset row."""
    index: dict[frozenset[str], int] = {}
    of_unit = np.fromiter((index.setdefault(s, len(index)) for s in sets), dtype=np.intp, count=len(sets))
    items = tuple(index)
    vocabulary = tuple(sorted(frozenset().union(*items)))
    column = {item: i for i, item in enumerate(vocabulary)}
    membership = np.zeros((len(items), len(vocabulary)), dtype=np.bool_)
    for row, members in enumerate(items):
        membership[row, [column[m] for m in members]] = True
    return Classes(of_unit, items, vocabulary, membership)


def shares(left: NDArray[np.bool_], right: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """``[i, j]`` true when row i of ``left`` and row j of ``right`` have a common column.

    One matrix product in float32, which BLAS does in milliseconds; counts stay exact far beyond the
    number of items a catalogue holds."""
    return np.asarray((left.astype(np.float32) @ right.astype(np.float32).T) > 0.5)


def overlap(classes: Classes) -> NDArray[np.bool_]:
    """``[c, d]`` true when classes c and d share an item."""
    return shares(classes.membership, classes.membership)


def empty(classes: Classes) -> NDArray[np.bool_]:
    return np.array([not items for items in classes.items], dtype=np.bool_)


def nation_counts(
    of_unit: NDArray[np.intp], unit_nations: NDArray[np.intp], n_nations: int, n_classes: int
) -> NDArray[np.float64]:
    """``[n, c]``: how many units of nation n fall in class c."""
    counts = np.zeros((n_nations, n_classes), dtype=np.float64)
    np.add.at(counts, (np.asarray(unit_nations, dtype=np.intp), of_unit), 1.0)
    return counts


def pair_counts(
    states: NDArray[np.int8], rows: NDArray[np.float64], columns: NDArray[np.float64]
) -> NDArray[np.float64]:
    """``[s, a, b]``: number of unit pairs (a unit of nation a, a unit of nation b) in state s."""
    result = np.zeros((len(State), rows.shape[0], columns.shape[0]), dtype=np.float64)
    for state in State:
        result[state] = rows @ (states == state).astype(np.float64) @ columns.T
    return result
