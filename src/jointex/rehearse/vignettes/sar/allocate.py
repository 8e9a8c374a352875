"""Where to put the search effort: Koopman and Stone's optimal allocation on the grid, and even coverage.

Search effort is sweep width times track length, an area; spread over a cell it is the cell's coverage
``z`` (effort over the cell's area). With the exponential detection law of random search (Koopman 1946;
*Search and Screening*, 1980), a cell searched with coverage ``z`` is cleared with probability
``1 - exp(-z)``: a track of length L with sweep width W spread at random over an area A finds an object in
it with probability ``1 - exp(-W L / A)``.

Stone (*Theory of Optimal Search*, 1975) showed that the allocation of a total coverage Z over cells with
containment probabilities p_j that maximises the probability of success ``sum p_j (1 - exp(-z_j))``
fills the cells like water: ``z_j = max(0, ln(p_j / lambda))``, with the level ``lambda`` set so that the
coverages add up to Z. The most likely cells are searched first and hardest; a cell is searched at all
only once its probability, after the search, would be no higher than the others'. Even (uniform)
coverage spreads Z alike over a chosen area instead.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

NEGLIGIBLE = 1e-12
"""Cells less likely than this share of the likeliest are left out: they would get effort only at a
coverage of 27 (ln 1e12) on the likeliest, which no search reaches."""


def stone_allocation(containment: NDArray[np.float64], coverage: float) -> NDArray[np.float64]:
    """The coverage of each cell (same shape as ``containment``) that maximises the probability of
    success of a total ``coverage`` (effort over one cell's area) under the exponential detection law."""
    if coverage < 0:
        raise ValueError(f"expected a total coverage >= 0, got {coverage}")
    flat = containment.ravel()
    z = np.zeros_like(flat, dtype=np.float64)
    order = np.flatnonzero(flat > flat.max() * NEGLIGIBLE)
    if coverage == 0 or len(order) == 0:
        return z.reshape(containment.shape)
    order = order[np.argsort(-flat[order], kind="stable")]
    logs = np.log(flat[order])
    k = np.arange(1, len(order) + 1)
    level = (np.cumsum(logs) - coverage) / k  # ln(lambda) if the first k cells are searched
    searched = int(np.flatnonzero(logs > level)[-1]) + 1  # the cells above their level form a prefix
    z[order[:searched]] = logs[:searched] - level[searched - 1]
    return z.reshape(containment.shape)


def uniform_allocation(cells: NDArray[np.bool_], coverage: float) -> NDArray[np.float64]:
    """``coverage`` spread evenly over the ``cells`` marked True."""
    count = int(cells.sum())
    if count == 0:
        raise ValueError("expected at least one cell to search")
    return np.where(cells, coverage / count, 0.0)


def probability_of_success(containment: NDArray[np.float64], coverage: NDArray[np.float64]) -> float:
    """``sum p_j (1 - exp(-z_j))``: the probability of finding the object with cell coverages ``z``
    under the exponential detection law."""
    return float(np.sum(containment * -np.expm1(-coverage)))


def random_search_pod(sweep_width_nm: float, track_nm: float, area_nm2: float) -> float:
    """Koopman's random search: ``1 - exp(-W L / A)``."""
    return float(-np.expm1(-sweep_width_nm * track_nm / area_nm2))
