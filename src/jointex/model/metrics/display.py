"""Numbers and metric names as a person reads them: one house style for every terminal table and report.

House rules, applied everywhere a number is shown to a person (JSON keeps raw numbers, for machines):

- thousands separated by commas (``265,625``), ``-`` for negatives, ``n/a`` for a missing value;
- about three significant figures, never fewer digits than the whole part (``265,625``, ``45.3``,
  ``0.118``), trailing zeros dropped (``12.5``, ``3``);
- ``%`` follows the number without a space (``45%``, as in ``95% CI``); every other unit follows it after
  one space (``12.5 h``, ``265,625 kg``); a unit that names the quantity rather than measures it
  (``probability``, ``ratio``...) is not written after the number;
- an estimate is rounded to the precision its interval supports: the interval's half-width to one
  significant figure sets the decimals (``0.118 (95% CI 0.117 to 0.120)``), or the tens, thousands...
  of a wide one (``930,000 USD (95% CI 870,000 to 1,010,000 USD)``); an exact 0 reads ``0``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Context, Decimal

from jointex.model.metrics import METRICS

MISSING = "n/a"
"""How a value that does not exist (NaN) reads."""

_SIGNIFICANT = 3
_SMALLEST_PLAIN = 1e-4
_LARGEST_PLAIN = 1e15
"""Below the smallest (and above 0) or from the largest up, a number is written with a power of ten:
``1.2 × 10⁻⁷``."""
_MOST_SIGNIFICANT = 6
"""An interval far narrower than its estimate still shows the estimate to six figures at most."""
_ROUNDING_NOISE = 1e-9
"""An interval narrower than this, relative to its values, is one value computed twice: zero width."""
_EXACT = Context(prec=400)
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")

_DESCRIPTIVE_UNITS = frozenset(
    {"probability", "ratio", "Gini coefficient", "as recorded", "rating 1-4", "count"}
)
"""Units of the registry that name what a number is rather than what it counts: not written after it."""


def _suffix(unit: str | None, value: float = math.nan) -> str:
    """The unit as it follows ``value``: ``%`` close up, others after a space, a counted noun in the
    singular after 1 (``1 point``, ``2 points``)."""
    if not unit or unit in _DESCRIPTIVE_UNITS:
        return ""
    if unit == "%":
        return unit
    return f" {_singular(unit) if abs(value) == 1 else unit}"


def _singular(unit: str) -> str:
    """``threats`` -> ``threat``, ``launches`` -> ``launch``, ``person-days`` -> ``person-day``; a symbol
    (``s``, ``h``, ``USD``) as it is."""
    if len(unit) <= 2 or not unit.endswith("s") or " " in unit:
        return unit
    if unit.endswith(("ches", "shes", "xes", "sses")):
        return unit[:-2]
    if unit.endswith("ies"):
        return f"{unit[:-3]}y"
    return unit[:-1]


def _decimals(value: float, significant: int = _SIGNIFICANT) -> int:
    """Decimals that show ``value`` to ``significant`` figures, and at least its whole part."""
    if value == 0 or not math.isfinite(value):
        return 0
    return max(0, significant - 1 - math.floor(math.log10(abs(value))))


def _fixed(value: float, decimals: int, *, strip: bool) -> str:
    """Rounded half away from zero as written (50.5 -> 51), not as stored in binary (50.5 -> 50)."""
    step = Decimal(1).scaleb(-decimals)  # decimals < 0: to tens, hundreds...
    exact = Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP, context=_EXACT)
    text = f"{exact:,.{max(decimals, 0)}f}"
    if strip and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text.lstrip("-").strip("0.,") == "":  # -0, -0.00
        text = text.lstrip("-")
    return text


def _scientific(value: float) -> str:
    mantissa, exponent = f"{value:.{_SIGNIFICANT - 1}e}".split("e")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa} × 10{str(int(exponent)).translate(_SUPERSCRIPT)}"


def format_number(value: float, *, unit: str | None = None, decimals: int | None = None) -> str:
    """``value`` for a person: ``265,625 kg``, ``45.3%``, ``0.118``, ``12.5 h``, ``n/a`` for NaN.

    ``decimals`` fixes the number of decimals (trailing zeros kept, for a column that lines up); by
    default about three significant figures, never fewer than the whole part, trailing zeros dropped.
    """
    if math.isnan(value):
        return MISSING
    if math.isinf(value):
        text = "∞" if value > 0 else "-∞"
    elif abs(value) >= _LARGEST_PLAIN or (decimals is None and 0 < abs(value) < _SMALLEST_PLAIN):
        text = _scientific(value)
    elif decimals is not None:
        text = _fixed(value, max(decimals, 0), strip=False)
    else:
        text = _fixed(value, _decimals(value), strip=True)
    return text + _suffix(unit, value)


def _interval_decimals(mean: float, ci_low: float, ci_high: float) -> int | None:
    """Decimals the interval supports: its half-width to one significant figure (negative: rounded to
    tens, hundreds...). An interval with the estimate on one end (a rate of 0 with its upper bound) is
    read by its open side, to two figures. None for a zero-width interval (every replication alike),
    which says nothing of precision: each value is then written as a number of its own."""
    half_width = (ci_high - ci_low) / 2
    if half_width <= _ROUNDING_NOISE * max(abs(mean), abs(ci_low), abs(ci_high)):
        return None
    if mean in (ci_low, ci_high):
        supported = 1 - math.floor(math.log10(ci_high - ci_low))
    else:
        supported = -math.floor(math.log10(half_width))
    return min(supported, _decimals(mean or max(abs(ci_low), abs(ci_high)), _MOST_SIGNIFICANT))


def _plain(*values: float) -> bool:
    """Whether every value is written without a power of ten."""
    return all(v == 0 or _SMALLEST_PLAIN <= abs(v) < _LARGEST_PLAIN for v in values)


def _exact_or_fixed(value: float, decimals: int | None) -> str:
    if decimals is None:
        return format_number(value)
    return "0" if value == 0 else _fixed(value, decimals, strip=False)


def estimate_parts(
    mean: float, ci_low: float, ci_high: float, *, signed: bool = False
) -> tuple[str, str | None]:
    """The estimate and its interval (``"0.118"``, ``"0.117 to 0.120"``), rounded alike to what the
    interval supports, for a table that puts them in two columns; the interval is None when there is
    none (a NaN estimate or bounds). ``signed`` writes ``+`` before a positive estimate (a difference)."""
    if math.isnan(mean):
        return MISSING, None
    if math.isnan(ci_low) or math.isnan(ci_high) or not math.isfinite(mean):
        return _signed(format_number(mean), mean, signed), None
    decimals = None  # each value as a number of its own, where the interval cannot say
    if math.isfinite(ci_low) and math.isfinite(ci_high) and _plain(mean, ci_low, ci_high):
        decimals = _interval_decimals(mean, ci_low, ci_high)
    low, high = sorted((ci_low, ci_high))
    estimate, low_text, high_text = (_exact_or_fixed(value, decimals) for value in (mean, low, high))
    return _signed(estimate, mean, signed), f"{low_text} to {high_text}"


def _signed(text: str, value: float, signed: bool) -> str:
    return f"+{text}" if signed and value > 0 and text.strip("0.,") else text


def format_estimate(
    mean: float,
    ci_low: float,
    ci_high: float,
    *,
    unit: str | None = None,
    level: float = 0.95,
    signed: bool = False,
) -> str:
    """An estimate with its confidence interval, rounded to the precision the interval supports:
    ``0.118 (95% CI 0.117 to 0.120)``, ``45% (95% CI 40 to 51%)``, ``0 (95% CI 0 to 0.0037)``.

    A NaN estimate reads ``n/a``; an estimate without an interval (NaN bounds: one replication) reads as
    the number alone. An exact zero reads ``0`` (a bound on the edge of the metric's domain).
    """
    estimate, interval = estimate_parts(mean, ci_low, ci_high, signed=signed)
    if estimate == MISSING:
        return MISSING
    suffix = _suffix(unit)
    if interval is None:
        return f"{estimate}{suffix}"
    return f"{estimate}{suffix} ({format_number(level * 100)}% CI {interval}{suffix})"


def format_estimate_brief(mean: float, ci_low: float, ci_high: float, *, signed: bool = False) -> str:
    """An estimate and its interval in a table cell whose header says the unit and the level:
    ``11.0 [10.5 to 11.4]``."""
    estimate, interval = estimate_parts(mean, ci_low, ci_high, signed=signed)
    return estimate if interval is None else f"{estimate} [{interval}]"


def format_range(low: float, high: float, *, unit: str | None = None) -> str:
    """A range of values: ``149,451 – 158,012 kg``, ``40 – 51%``; ``n/a`` when either end is missing."""
    if math.isnan(low) or math.isnan(high):
        return MISSING
    return f"{format_number(low)} – {format_number(high)}{_suffix(unit)}"


def _plural_of(word: str) -> str:
    head, of, tail = word.partition(" of ")  # single point of failure -> single points of failure
    if of:
        return f"{_plural_of(head)}{of}{tail}"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return f"{word}es"
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        return f"{word[:-1]}ies"
    return f"{word}s"


def plural(count: int, singular: str, plural: str | None = None) -> str:
    """The count with its noun, in the right number: ``1 objective``, ``2 objectives``, ``0 sites``,
    ``3 single points of failure``, ``1,204 sites``. ``plural`` where the noun is irregular."""
    word = singular if count == 1 else (plural or _plural_of(singular))
    return f"{format_number(count)} {word}"


def metric_title(name: str, labels: Mapping[str, str] | None = None) -> str:
    """A metric's short title in the planners' words, its placeholders filled from the name:
    ``Leakers at VILNIUS`` for ``iamd.leakers.VILNIUS``. ``labels`` maps ids to the names people know
    (``{"PH0826-GUI": "Guiuan"}``). A name the registry does not know is shown as it is."""
    spec = METRICS.find(name)
    return spec.title_for(name, labels) if spec else name


def metric_unit(name: str) -> str:
    """A metric's unit from the registry (``%``, ``h``, ``threats``); empty for an unknown name."""
    spec = METRICS.find(name)
    return spec.unit if spec else ""


def format_metric(name: str, value: float) -> str:
    """A value of the metric ``name`` with its unit: ``45.3%``, ``3 threats``."""
    return format_number(value, unit=metric_unit(name))


def format_metric_estimate(name: str, mean: float, ci_low: float, ci_high: float) -> str:
    """An estimate of the metric ``name`` with its 95% interval and unit."""
    return format_estimate(mean, ci_low, ci_high, unit=metric_unit(name))
