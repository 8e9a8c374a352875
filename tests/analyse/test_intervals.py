"""Confidence intervals stay inside the metric's domain and still cover the truth."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jointex.analyse.intervals import T_975_BY_DEGREES_OF_FREEDOM, gamma_quantile, mean_interval, t_quantile
from jointex.model.metrics import COUNT, NON_NEGATIVE, PERCENT, PROPORTION, UNBOUNDED, Domain, rating


def interval(values: list[float] | np.ndarray, domain: Domain, critical: float = 1.959963984540054):
    v = np.asarray(values, dtype=float)
    return mean_interval(float(v.mean()), float(v.std(ddof=1)), len(v), domain, critical)


ONE_IN_30 = [1.0] + [0.0] * 29


def test_one_success_in_30_gives_a_proportion_interval_inside_0_1() -> None:
    assert interval(ONE_IN_30, UNBOUNDED)[0] < 0  # what the normal interval did
    low, high = interval(ONE_IN_30, PROPORTION)
    assert 0 < low < 1 / 30 < high < 0.2
    assert (low, high) == pytest.approx((0.0058, 0.1701), abs=1e-4)  # Wilson with n_eff = 29


def test_one_site_never_reached_in_30_replications_gives_a_count_interval_above_0() -> None:
    low, high = interval(ONE_IN_30, COUNT)
    assert 0 <= low < 1 / 30 < high


def test_a_count_that_never_happened_keeps_a_poisson_upper_bound() -> None:
    assert interval([0.0] * 30, COUNT) == pytest.approx((0.0, 3.6889 / 30), abs=1e-4)
    assert interval([0.0] * 30, NON_NEGATIVE) == (0.0, 0.0)
    assert interval([0.0] * 30, PROPORTION) == pytest.approx((0.0, 3.8415 / (30 + 3.8415)), abs=1e-4)


def test_a_rating_of_3_67_with_wide_spread_stays_on_the_1_to_4_scale() -> None:
    t95 = 4.302652729911275  # 2 degrees of freedom
    assert interval([4, 3, 4], UNBOUNDED, t95)[1] > 5  # the reviewer's 2.23 to 5.10
    low, high = interval([4, 3, 4], rating(1, 4), t95)
    assert low == pytest.approx(2.23, abs=0.01) and high == 4


def test_a_probability_difference_stays_within_plus_minus_1() -> None:
    low, high = interval([-1.0, 1.0, -1.0, -1.0], PROPORTION.difference())
    assert -1 <= low < high <= 1


def test_a_share_of_many_items_per_replication_is_as_narrow_as_its_spread_says() -> None:
    rng = np.random.default_rng(1)
    shares = rng.binomial(40, 0.1, 1000) / 40  # leakers / threats with 40 threats a replication
    low, high = interval(shares, PROPORTION)
    normal = interval(shares, UNBOUNDED)
    assert (high - low) == pytest.approx(normal[1] - normal[0], rel=0.02)


@pytest.mark.parametrize(("domain", "draw"), [(PROPORTION, "bernoulli"), (COUNT, "poisson")])
def test_rare_events_are_covered_about_95_percent_of_the_time(domain: Domain, draw: str) -> None:
    rng = np.random.default_rng(7)
    truth, n, trials = 0.03, 50, 2000
    samples = rng.random((trials, n)) < truth if draw == "bernoulli" else rng.poisson(truth, (trials, n))
    covered = 0
    for values in samples.astype(float):
        low, high = interval(values, domain)
        covered += low <= truth <= high
    assert covered / trials >= 0.93


DOMAINS = [PROPORTION, PERCENT, COUNT, NON_NEGATIVE, rating(1, 4)]


@given(st.sampled_from(DOMAINS), st.data())
def test_every_interval_lies_in_its_domain_and_holds_the_mean(domain: Domain, data: st.DataObject) -> None:
    high = domain.high if math.isfinite(domain.high) else 1e6
    values = data.draw(st.lists(st.floats(domain.low, high), min_size=2, max_size=40))
    low_ci, high_ci = interval(values, domain)
    mean = float(np.mean(values))
    assert domain.low <= low_ci <= mean <= high_ci <= domain.high


@pytest.mark.parametrize("degrees_of_freedom", [1, 2, 3, 5, 9, 29, 100])
@pytest.mark.parametrize("probability", [0.025, 0.5, 0.975])
def test_the_light_t_quantile_equals_scipy_stats(probability: float, degrees_of_freedom: int) -> None:
    from scipy.stats import t

    expected = float(t.ppf(probability, degrees_of_freedom))
    assert t_quantile(probability, degrees_of_freedom) == pytest.approx(expected, rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("shape", [0.01, 0.3, 1.0, 2.5, 17.0, 400.0, 1e5])
@pytest.mark.parametrize("probability", [0.025, 0.5, 0.975])
def test_the_light_gamma_quantile_equals_scipy_stats(probability: float, shape: float) -> None:
    from scipy.stats import gamma

    expected = float(gamma.ppf(probability, shape))
    assert gamma_quantile(probability, shape) == pytest.approx(expected, rel=1e-12, abs=1e-12)


def test_assessing_observations_does_not_import_scipy_stats() -> None:
    """``scipy.stats`` takes a second to import: the report's intervals must not need it."""
    import subprocess
    import sys

    code = (
        "import sys; from jointex.assess.evidence import observed_metrics;"
        "from jointex.model.assessment import Observation;"
        "from jointex.analyse.intervals import mean_interval; from jointex.model.metrics import COUNT;"
        "mean_interval(2.0, 1.0, 10, COUNT);"
        "from jointex.assess.evidence import _t95; _t95(3);"
        "print('scipy.stats' in sys.modules)"
    )
    found = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert found.stdout.strip() == "False"


def test_the_t_table_of_the_reports_holds_scipys_values() -> None:
    from scipy.special import stdtrit

    for degrees_of_freedom, value in enumerate(T_975_BY_DEGREES_OF_FREEDOM, start=1):
        assert value == pytest.approx(float(stdtrit(degrees_of_freedom, 0.975)), rel=1e-14)
    assert t_quantile(0.975, 31) == pytest.approx(float(stdtrit(31, 0.975)), rel=1e-14)  # beyond the table


def test_evaluators_intervals_of_up_to_31_observations_load_no_scipy() -> None:
    """SciPy's special functions take a quarter of a second to load: a report rating evaluators'
    observations does without them."""
    import subprocess
    import sys

    code = (
        "import sys; from jointex.assess.evidence import _t95; _t95(31); "
        "print('scipy.special' in sys.modules)"
    )
    found = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert found.stdout.strip() == "False"
