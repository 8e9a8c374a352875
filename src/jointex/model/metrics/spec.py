"""What a metric is: its name (or name pattern), unit, domain and which way is better.

A name pattern has placeholders in angle brackets for what depends on the exercise: ``iamd.leakers.<asset>``,
``hadr.need_met_day<day>_pct``. ``<day>`` stands for a day number; any other placeholder for an id (letters,
digits and ``_ . : / -``, as `jointex.model.base.Identifier` allows).
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from itertools import product


class DomainKind(StrEnum):
    PROPORTION = "proportion"
    """A probability or a share, in [0, 1]."""
    PERCENT = "percent"
    """A share in percent, in [0, 100]."""
    COUNT = "count"
    """A number of things per replication, >= 0 (its mean need not be whole)."""
    NON_NEGATIVE = "non-negative"
    """A quantity >= 0: a time, a cost, a ratio of costs."""
    RATING = "rating"
    """A judgement on a declared scale [low, high]."""
    DIFFERENCE = "difference"
    """The difference of two bounded values: within +-(high - low) of the values' domain."""
    UNBOUNDED = "unbounded"


@dataclass(frozen=True)
class Domain:
    """The values a metric can take: a kind and its bounds (``inf`` where there is none)."""

    kind: DomainKind
    low: float = -math.inf
    high: float = math.inf

    def __post_init__(self) -> None:
        if not self.low <= self.high:
            raise ValueError(f"expected low <= high for a {self.kind} domain, got [{self.low}, {self.high}]")

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def clip(self, value: float) -> float:
        """``value`` brought inside the domain (NaN stays NaN)."""
        return value if math.isnan(value) else min(max(value, self.low), self.high)

    def difference(self) -> Domain:
        """The domain of a difference of two such values: +-(high - low) when bounded, else unbounded."""
        width = self.high - self.low
        return Domain(DomainKind.DIFFERENCE, -width, width) if math.isfinite(width) else UNBOUNDED

    def __str__(self) -> str:
        if self.kind in (DomainKind.RATING, DomainKind.DIFFERENCE, DomainKind.PROPORTION, DomainKind.PERCENT):
            return f"{self.kind.value} [{self.low:g}, {self.high:g}]"
        if self.kind in (DomainKind.COUNT, DomainKind.NON_NEGATIVE):
            return f"{self.kind.value} (>= 0)"
        return self.kind.value


PROPORTION = Domain(DomainKind.PROPORTION, 0.0, 1.0)
PERCENT = Domain(DomainKind.PERCENT, 0.0, 100.0)
COUNT = Domain(DomainKind.COUNT, 0.0)
NON_NEGATIVE = Domain(DomainKind.NON_NEGATIVE, 0.0)
UNBOUNDED = Domain(DomainKind.UNBOUNDED)


def rating(low: float, high: float) -> Domain:
    """A rating scale from ``low`` (worst or least) to ``high``."""
    return Domain(DomainKind.RATING, low, high)


_PLACEHOLDER = re.compile(r"<([a-z_]+)>")
_ID = r"[A-Za-z0-9][A-Za-z0-9_.:/\-]*"
_DAY = r"[1-9][0-9]*"


@lru_cache(maxsize=512)
def _regex(pattern: str) -> re.Pattern[str]:
    parts = _PLACEHOLDER.split(pattern)  # literal, name, literal, name, ...
    text = "".join(
        re.escape(part) if i % 2 == 0 else f"({_DAY if part == 'day' else _ID})"
        for i, part in enumerate(parts)
    )
    return re.compile(text)


@dataclass(frozen=True)
class MetricSpec:
    """One metric (or family of metrics, by pattern) an analysis, a vignette or evaluators produce."""

    name: str
    unit: str
    domain: Domain
    lower_is_better: bool | None
    """True when less is better (leakers), False when more is (need met), None when neither is."""
    description: str
    source: str
    """Who produces it: ``interoperability analysis``, ``IAMD vignette``, ``evaluator observations``..."""
    title: str
    """A short name in the planners' words, with the name's placeholders: ``Leakers at <asset>``."""

    @property
    def placeholders(self) -> tuple[str, ...]:
        return tuple(_PLACEHOLDER.findall(self.name))

    def matches(self, metric: str) -> bool:
        return _regex(self.name).fullmatch(metric) is not None

    def values(self, metric: str) -> dict[str, str]:
        """The placeholder values of a concrete name (``{"asset": "VILNIUS"}`` for
        ``iamd.leakers.VILNIUS``); empty when the name has none or does not match."""
        found = _regex(self.name).fullmatch(metric)
        return dict(zip(self.placeholders, found.groups(), strict=True)) if found else {}

    def title_for(self, metric: str, labels: Mapping[str, str] | None = None) -> str:
        """The title of a concrete name, placeholders filled from it (``Leakers at VILNIUS``); ``labels``
        maps an id to the name a person knows it by (``{"PH0826-GUI": "Guiuan"}``). An evaluator's own
        ``<name>`` reads as words (``brief_quality`` -> ``brief quality``)."""
        labels = labels or {}
        title = self.title
        for placeholder, value in self.values(metric).items():
            shown = value.replace("_", " ") if placeholder == "name" else labels.get(value, value)
            title = title.replace(f"<{placeholder}>", shown, 1)
        return title[:1].upper() + title[1:]

    def expand(self, values: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
        """Every name of the family for these placeholder values (``{"asset": ("VILNIUS", ...)}``)."""
        names = self.placeholders
        if not names:
            return (self.name,)
        result = []
        for combination in product(*(values[n] for n in names)):
            name = self.name
            for placeholder, value in zip(names, combination, strict=True):
                name = name.replace(f"<{placeholder}>", str(value), 1)
            result.append(name)
        return tuple(result)


@dataclass(frozen=True)
class MetricRegistry:
    """Every metric jointex knows, in declaration order; the first spec whose pattern matches a name wins."""

    specs: tuple[MetricSpec, ...]
    _found: dict[str, MetricSpec | None] = field(default_factory=dict, compare=False, repr=False)

    def __iter__(self) -> Iterator[MetricSpec]:
        return iter(self.specs)

    def __len__(self) -> int:
        return len(self.specs)

    def find(self, metric: str) -> MetricSpec | None:
        """The spec of ``metric``, or None when no analysis, vignette or observation produces it."""
        if metric not in self._found:
            self._found[metric] = next((s for s in self.specs if s.matches(metric)), None)
        return self._found[metric]

    def domain(self, metric: str) -> Domain:
        """The metric's domain; unbounded for a name the registry does not know."""
        spec = self.find(metric)
        return spec.domain if spec else UNBOUNDED

    def lower_is_better(self, metric: str) -> bool | None:
        spec = self.find(metric)
        return spec.lower_is_better if spec else None

    def improvement(self, metric: str, ci_low: float, ci_high: float) -> bool | None:
        """Whether a difference (new minus old) whose 95% interval is [ci_low, ci_high] is an improvement
        (True), a deterioration (False), or neither shown (None: the interval holds 0, or neither way
        is better for the metric)."""
        lower = self.lower_is_better(metric)
        if lower is None or ci_low <= 0 <= ci_high or math.isnan(ci_low) or math.isnan(ci_high):
            return None
        return (ci_high < 0) == lower

    def suggest(self, metric: str, count: int = 3) -> list[str]:
        """Known names close to ``metric``, for a 'did you mean' hint: among the metrics of its namespace
        (``iamd``, ``hadr``...) when that is known, else among all. A pattern is offered with a placeholder
        segment filled from ``metric`` where that segment fits it (``iamd.leakers.<asset>`` becomes
        ``iamd.leakers.VILNIUS`` for ``iamd.leaker.VILNIUS``)."""
        segments = metric.split(".")
        namespaces = {spec.name.split(".")[0] for spec in self.specs}
        candidates: dict[str, None] = {}
        for spec in self.specs:
            parts = spec.name.split(".")
            if segments[0] in namespaces and parts[0] != segments[0]:
                continue
            if len(parts) == len(segments):
                parts = [
                    segments[i] if _PLACEHOLDER.search(part) and _regex(part).fullmatch(segments[i]) else part
                    for i, part in enumerate(parts)
                ]
            candidates[".".join(parts)] = None
        candidates.pop(metric, None)
        return difflib.get_close_matches(metric, list(candidates), n=count, cutoff=0.6)


def metric_names(specs: Sequence[MetricSpec], values: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """Every name the ``specs`` stand for with these placeholder values, in declaration order."""
    return tuple(name for spec in specs for name in spec.expand(values))
