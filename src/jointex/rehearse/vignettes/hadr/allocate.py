"""Who gets what when there is not enough: the equity rule of the relief plan.

The rule is weighted max-min fairness ("water-filling"): every site receives the same *weighted* share
of its need, ``coverage_i = min(1, lambda * weight_i)``, with lambda as large as the supply allows. A
site's weight is its priority (1 to 5) times its deprivation factor ``exp(beta * h)``, where ``h`` is the
hours of unmet need it has accumulated. This combines two objectives from the relief-distribution
literature: the min-max (minimum worst-off) allocation of Campbell et al. (2008) and the deprivation cost
of Holguin-Veras et al. (2013), whose marginal cost grows exponentially with deprivation time (their fit
for water: ``exp(1.5031 + 0.1172 t)``, t in hours). Properties, tested in tests/rehearse/test_hadr_plan.py:

- no site receives more than its need, and the supply is used up before anyone is turned away;
- sites with equal need and weight receive equal amounts, up to one unit of rounding;
- a site with higher weight (priority or deprivation) never receives less than one with the same need
  and lower weight.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

DEPRIVATION_EXPONENT_CAP = 6.0
"""exp(6) ~ 400: beyond about two days without relief every site counts as fully deprived, so weights
stay within a range the route optimiser's integer prizes can hold."""


def site_weights(
    priority: NDArray[np.float64], deprivation_h: NDArray[np.float64], growth_per_h: float
) -> NDArray[np.float64]:
    """Priority times the deprivation factor ``exp(min(beta * h, cap))``."""
    return priority * np.exp(np.minimum(growth_per_h * deprivation_h, DEPRIVATION_EXPONENT_CAP))


def equitable_allocation(
    need: NDArray[np.int64], weight: NDArray[np.float64], supply: int
) -> NDArray[np.int64]:
    """Whole units for each site: weighted water-filling of ``supply`` over ``need`` (see module doc).

    Rounding is by largest remainder, ties to the higher weight and then the lower index, so the total
    is exactly ``min(supply, need.sum())``.
    """
    need = np.asarray(need, dtype=np.int64)
    weight = np.asarray(weight, dtype=np.float64)
    if np.any(need < 0) or np.any(weight <= 0):
        raise ValueError("needs must be >= 0 and weights > 0")
    total = int(need.sum())
    supply = max(0, min(int(supply), total))
    if supply == total:
        return need.copy()
    if supply == 0:
        return np.zeros_like(need)
    coverage = _coverage(need.astype(np.float64), weight, float(supply))
    exact = coverage * need
    amounts = np.floor(exact + 1e-9).astype(np.int64)
    amounts = np.minimum(amounts, need)
    left = supply - int(amounts.sum())
    if left > 0:
        remainder = exact - amounts
        remainder[amounts >= need] = -1.0
        order = np.lexsort((np.arange(len(need)), -weight, -np.round(remainder, 9)))
        amounts[order[:left]] += 1
    return amounts


def _coverage(need: NDArray[np.float64], weight: NDArray[np.float64], supply: float) -> NDArray[np.float64]:
    """``min(1, lambda * weight)`` with ``sum(coverage * need) == supply`` (0 < supply < total need)."""
    active = need > 0
    w, n = weight[active], need[active]
    breakpoints = np.sort(1.0 / w)  # the lambda at which each site becomes fully served
    lam = float(breakpoints[-1])
    for upper in breakpoints:
        if (np.minimum(1.0, upper * w) * n).sum() >= supply:
            lam = _solve_between(n, w, supply, float(upper))
            break
    coverage = np.zeros_like(need)
    coverage[active] = np.minimum(1.0, lam * w)
    return coverage


def _solve_between(n: NDArray[np.float64], w: NDArray[np.float64], supply: float, upper: float) -> float:
    """The lambda <= ``upper`` where ``sum(min(1, lambda w) n) == supply``: linear between breakpoints."""
    saturated = upper * w > 1.0 + 1e-12
    # on the segment just below `upper`, sites with breakpoint < upper are full; the rest are linear
    full_need = n[saturated].sum()
    slope = (w[~saturated] * n[~saturated]).sum()
    return float((supply - full_need) / slope) if slope > 0 else upper
