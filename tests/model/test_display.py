"""Numbers and metric names read the same way in every table and report (`jointex.model.metrics.display`)."""

from __future__ import annotations

import math

import pytest

from jointex.model.metrics import METRICS
from jointex.model.metrics.display import (
    estimate_parts,
    format_estimate,
    format_estimate_brief,
    format_number,
    format_range,
    metric_title,
    metric_unit,
    plural,
)

NAN = math.nan


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (0, None, "0"),
        (-0.0, None, "0"),
        (265624.637, None, "265,625"),
        (265624.637, "kg", "265,625 kg"),
        (-1234.5, None, "-1,235"),
        (45.3, "%", "45.3%"),
        (45.0, "%", "45%"),
        (12.5, "h", "12.5 h"),
        (3.0, "threats", "3 threats"),
        (0.118489, None, "0.118"),
        (0.00372, None, "0.00372"),
        (1.2e-7, None, "1.2 × 10⁻⁷"),
        (1.5e12, None, "1,500,000,000,000"),
        (2.0e20, None, "2 × 10²⁰"),
        (50.5, None, "50.5"),
        (0.12, "probability", "0.12"),
        (1.0, "points", "1 point"),
        (1.0, "launches", "1 launch"),
        (1.0, "person-days", "1 person-day"),
        (1.0, "s", "1 s"),
        (1.0, "USD", "1 USD"),
        (2.0, "points", "2 points"),
        (NAN, "%", "n/a"),
        (math.inf, None, "∞"),
    ],
)
def test_a_number_reads_with_separators_three_figures_and_its_unit(
    value: float, unit: str | None, shown: str
) -> None:
    assert format_number(value, unit=unit) == shown


def test_fixed_decimals_keep_trailing_zeros_and_round_half_up_as_written() -> None:
    assert format_number(12345678.9, decimals=2) == "12,345,678.90"
    assert format_number(50.5, decimals=0) == "51"
    assert format_number(2.675, decimals=2) == "2.68"  # 2.67499999... in binary
    assert format_number(-0.001, decimals=2) == "0.00"


@pytest.mark.parametrize(
    ("mean", "low", "high", "unit", "shown"),
    [
        (0.118489, 0.117164, 0.119814, None, "0.118 (95% CI 0.117 to 0.120)"),
        (0.118489, 0.08, 0.16, None, "0.12 (95% CI 0.08 to 0.16)"),
        (0.118489, 0.118488, 0.118490, None, "0.118489 (95% CI 0.118488 to 0.118490)"),
        (45.3, 40.1, 50.5, "%", "45% (95% CI 40 to 51%)"),
        (265624.637, 263280.2, 267970.9, "kg", "266,000 kg (95% CI 263,000 to 268,000 kg)"),
        (934626.0, 867031.0, 1006091.0, "USD", "930,000 USD (95% CI 870,000 to 1,010,000 USD)"),
        (11.02, 10.5, 11.4, "threats", "11.0 threats (95% CI 10.5 to 11.4 threats)"),
        (0.0, 0.0, 0.0037, None, "0 (95% CI 0 to 0.0037)"),
        (0.0, 0.0, 0.0, None, "0 (95% CI 0 to 0)"),
        (12.0, 12.0, 12.0, "h", "12 h (95% CI 12 to 12 h)"),
        (205.7142857, 205.7142857142, 205.7142857143, "t", "206 t (95% CI 206 to 206 t)"),
        (-0.52, -1.24, 0.21, None, "-0.5 (95% CI -1.2 to 0.2)"),
    ],
)
def test_an_estimate_is_rounded_to_what_its_interval_supports(
    mean: float, low: float, high: float, unit: str | None, shown: str
) -> None:
    assert format_estimate(mean, low, high, unit=unit) == shown


def test_a_difference_is_signed_and_its_parts_round_alike() -> None:
    assert format_estimate(12.9, 12.3, 13.6, signed=True) == "+12.9 (95% CI 12.3 to 13.6)"
    assert format_estimate(-12.9, -13.3, -12.6, signed=True) == "-12.9 (95% CI -13.3 to -12.6)"
    assert format_estimate(0.0, 0.0, 0.0, signed=True) == "0 (95% CI 0 to 0)"
    assert estimate_parts(0.118489, 0.117164, 0.119814) == ("0.118", "0.117 to 0.120")
    assert format_estimate_brief(162.4, 160.1, 163.9) == "162 [160 to 164]"


def test_a_missing_estimate_or_interval_reads_sensibly() -> None:
    assert format_estimate(NAN, 0.1, 0.2) == "n/a"
    assert format_estimate(3.25, NAN, NAN, unit="h") == "3.25 h"
    assert format_estimate(0.5, 0.4, 0.6, level=0.9).startswith("0.5 (90% CI")


def test_a_range_reads_with_one_unit() -> None:
    assert format_range(149451.029, 158012.060, unit="kg") == "149,451 – 158,012 kg"
    assert format_range(40, 51, unit="%") == "40 – 51%"
    assert format_range(NAN, 3) == "n/a"


@pytest.mark.parametrize(
    ("count", "singular", "given", "shown"),
    [
        (1, "objective", None, "1 objective"),
        (2, "objective", None, "2 objectives"),
        (0, "action", None, "0 actions"),
        (1, "single point of failure", None, "1 single point of failure"),
        (3, "single point of failure", None, "3 single points of failure"),
        (1204, "site", None, "1,204 sites"),
        (2, "capability", None, "2 capabilities"),
        (2, "day", None, "2 days"),
        (2, "match", None, "2 matches"),
        (5, "person", "people", "5 people"),
        (1, "person", "people", "1 person"),
    ],
)
def test_a_count_agrees_with_its_noun(count: int, singular: str, given: str | None, shown: str) -> None:
    assert plural(count, singular, given) == shown


def test_every_metric_has_a_title_in_words_that_keeps_its_placeholders() -> None:
    for spec in METRICS:
        assert spec.title, spec.name
        assert all(f"<{p}>" in spec.title for p in spec.placeholders), spec.name
        assert "_" not in spec.title.replace("<name>", ""), spec.name  # words, not ids


def test_a_metric_title_fills_its_placeholders_and_takes_known_names() -> None:
    assert metric_title("iamd.leakers.VILNIUS") == "Leakers at VILNIUS"
    assert metric_title("hadr.need_met_day3_pct") == "Need met on day 3"
    assert metric_title("hadr.need_met_pct.PH0826-GUI", {"PH0826-GUI": "Guiuan"}) == "Need met at Guiuan"
    assert metric_title("observer.brief_quality_rating") == "Brief quality (evaluators' rating)"
    assert metric_title("iamd.national.shots.POL") == "Rounds fired by POL, national pictures"
    assert metric_title("no.such_metric") == "no.such_metric"


def test_a_metric_unit_comes_from_the_registry() -> None:
    assert metric_unit("hadr.need_met_pct.PH0826-GUI") == "%"
    assert metric_unit("iamd.detect_to_engage_s") == "s"
    assert metric_unit("no.such_metric") == ""
