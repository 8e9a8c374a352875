"""95% confidence intervals for a mean that stay inside the metric's domain (`jointex.model.metrics`).

The method follows the domain the metric declares:

- **proportion** [0, 1] and **percent** [0, 100]: a Wilson score interval on the effective number of
  trials. A per-replication value is often itself a share of many items (leakers / threats), so the
  replications are not single Bernoulli trials; the effective count ``n_eff = p (1 - p) / var(mean)`` is the
  number of trials whose binomial variance equals the observed variance of the mean (``n`` for 0/1
  values, more when each replication averages many items). Wilson's interval lies inside [0, 1] and stays
  honest near 0 and 1: one success in 30 gives [0.006, 0.170], where the normal interval gives
  [-0.032, 0.099]. When every replication gave 0, ``n_eff = n`` and the interval is [0, 3.84 / (n + 3.84)]
  (mirrored for 1).
- **count** and **non-negative quantity**: Garwood's exact Poisson interval on the effective total, the
  quasi-Poisson scaling by the observed dispersion: with ``scale = var(mean) / mean`` and
  ``k = mean / scale``, the interval is ``[Gamma(k).ppf(0.025), Gamma(k + 1).ppf(0.975)] x scale``. It
  is never below 0, has the normal interval's width when counts are many, and widens upwards when they are
  rare. A count that was 0 in every replication gets the Poisson bound for a zero total, [0, 3.69/n];
  a quantity that was 0 in every replication, [0, 0].
- **rating** [low, high] and **difference** (of two bounded values): the normal (or t) interval, clipped
  to the scale.
- **unbounded**: the normal (or t) interval.

Every interval contains the mean, and is clipped to the domain as a last guard.
"""

from __future__ import annotations

import math

from jointex.model.metrics import Domain, DomainKind

Z95 = 1.959963984540054
POISSON_ZERO_UPPER = 3.6888794541139363
"""The 97.5% quantile of Gamma(1): the exact upper bound of a Poisson mean after a zero total."""


def mean_interval(
    mean: float, sd: float, n: int, domain: Domain, critical: float = Z95
) -> tuple[float, float]:
    """The 95% interval ``(low, high)`` of the mean of ``n`` values with standard deviation ``sd``
    (``ddof=1``), for a metric of ``domain``. ``critical`` is the normal quantile (or the t quantile for a
    few observers' values). One value gives the whole domain; none gives NaN."""
    if n == 0 or math.isnan(mean):
        return math.nan, math.nan
    if n == 1:
        return float(min(domain.low, mean)), float(max(domain.high, mean))
    variance_of_mean = sd * sd / n
    if domain.kind in (DomainKind.PROPORTION, DomainKind.PERCENT):
        width = domain.high - domain.low
        low, high = _wilson((mean - domain.low) / width, variance_of_mean / width**2, n, critical)
        low, high = domain.low + width * low, domain.low + width * high
    elif domain.kind in (DomainKind.COUNT, DomainKind.NON_NEGATIVE):
        low, high = _garwood(mean, variance_of_mean, n, counts=domain.kind is DomainKind.COUNT)
    else:
        half = critical * math.sqrt(variance_of_mean)
        low, high = mean - half, mean + half
    if domain.contains(mean):
        low, high = domain.clip(low), domain.clip(high)
    return float(min(low, mean)), float(max(high, mean))


def _wilson(p: float, variance_of_mean: float, n: int, z: float) -> tuple[float, float]:
    p = min(max(p, 0.0), 1.0)
    spread = p * (1 - p)
    if variance_of_mean <= 0 and spread > 0:
        return p, p  # every replication gave the same share: no sampling spread to show
    effective = spread / variance_of_mean if variance_of_mean > 0 and spread > 0 else float(n)
    z2 = z * z / effective
    centre = (p + z2 / 2) / (1 + z2)
    half = z / (1 + z2) * math.sqrt(spread / effective + z2 / (4 * effective))
    return max(0.0, centre - half), min(1.0, centre + half)


def _garwood(mean: float, variance_of_mean: float, n: int, *, counts: bool) -> tuple[float, float]:
    if mean <= 0:
        return 0.0, POISSON_ZERO_UPPER / n if counts else 0.0
    if variance_of_mean <= 0:
        return mean, mean
    scale = variance_of_mean / mean
    shape = mean / scale
    return gamma_quantile(0.025, shape) * scale, gamma_quantile(0.975, shape + 1) * scale


def gamma_quantile(probability: float, shape: float) -> float:
    """The ``probability`` quantile of the unit-scale Gamma(``shape``) distribution.

    The inverse of the regularised lower incomplete gamma function, as ``scipy.stats.gamma.ppf`` computes
    it, from ``scipy.special``: importing ``scipy.stats`` costs a second on every report."""
    from scipy.special import gammaincinv

    return float(gammaincinv(shape, probability))


T_975_BY_DEGREES_OF_FREEDOM = (
    12.706204736174694, 4.302652729749462, 3.1824463052837078, 2.7764451051977934, 2.5705818356363146,
    2.4469118511449786, 2.364624251592784, 2.306004135204166, 2.262157162798205, 2.228138851986274,
    2.200985160091639, 2.1788128296672284, 2.1603686564627913, 2.144786687917804, 2.131449545559776,
    2.1199052992212546, 2.1098155778333156, 2.1009220402410382, 2.0930240544083087, 2.085963447265864,
    2.0796138447276795, 2.0738730679040254, 2.0686576104190486, 2.0638985616280245, 2.0595385527532972,
    2.0555294386428735, 2.0518305164802846, 2.0484071417952454, 2.045229642132703, 2.0422724563012378,
)  # fmt: skip
"""The 97.5% quantile of Student's t for 1 to 30 degrees of freedom, as ``scipy.special.stdtrit`` gives
it (a test checks every entry): the evaluators' intervals of a report need only these, and SciPy's
special functions take a quarter of a second to load."""


def t_quantile(probability: float, degrees_of_freedom: int) -> float:
    """The ``probability`` quantile of Student's t with ``degrees_of_freedom``, as
    ``scipy.stats.t.ppf`` computes it: from `T_975_BY_DEGREES_OF_FREEDOM` where it holds the value, else
    from the lighter ``scipy.special``."""
    if probability == 0.975 and 1 <= degrees_of_freedom <= len(T_975_BY_DEGREES_OF_FREEDOM):
        return T_975_BY_DEGREES_OF_FREEDOM[degrees_of_freedom - 1]
    from scipy.special import stdtrit

    return float(stdtrit(degrees_of_freedom, probability))
