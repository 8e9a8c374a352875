"""What a search and rescue rehearsal tells beyond its estimates: the probability of success hour by
hour, each nation's search effort and the value of its units, and the optimal allocation beside even
coverage, as data for ``--json`` and as tables for the terminal and the HTML report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jointex.model.metrics.display import MISSING, format_estimate_brief, format_number
from jointex.model.sar import ALLOCATIONS
from jointex.rehearse.engine import Estimate, RunTable
from jointex.rehearse.vignettes.plugin import DetailTable
from jointex.rehearse.vignettes.sar.compile import SarVignette

HOURS_SHOWN = 12
"""A search longer than this shows every third hour (and the last) in its table."""
OUTCOMES = (  # metric, column
    ("sar.pos", "probability of success"),
    ("sar.found", "found (alive or not)"),
    ("sar.time_to_find_h", "time to find (h)"),
    ("sar.lives_saved", "lives saved"),
)


def _cell(e: Estimate | None) -> str:
    """An estimate with its 95% interval in one cell, rounded to what the interval supports."""
    return MISSING if e is None or e.n == 0 else format_estimate_brief(e.mean, e.ci_low, e.ci_high)


def _estimate(e: Estimate) -> dict[str, float]:
    return {"mean": e.mean, "ci_low": e.ci_low, "ci_high": e.ci_high}


@dataclass(frozen=True)
class NationEffort:
    """One nation's part in the search."""

    nation: str
    units: tuple[str, ...]
    """Its search units' ids."""
    effort_nm2: float
    effort_share_pct: float
    value: Estimate
    """The probability of success its units add (with all minus without them, paired replications)."""
    pos_without: Estimate
    """The probability of success of the search re-planned without its units."""


@dataclass(frozen=True)
class SarDetail:
    """The detail of a search rehearsal (a `jointex.rehearse.vignettes.plugin.VignetteDetail`)."""

    people: int
    survival_median_h: float
    pos_by_hour: Mapping[str, tuple[Estimate, ...]]
    """Per allocation run: the probability of success by hour 1, 2, ... of the search."""
    nations: tuple[NationEffort, ...]
    """The first allocation run's, largest effort first."""
    planned_pod: Mapping[str, float]
    """Per allocation (both, run or not): the share of the planning cases the plan expects to find."""
    outcomes: Mapping[str, Mapping[str, Estimate]]
    """Per allocation run: the estimates of `OUTCOMES`."""

    def to_dict(self) -> dict[str, Any]:
        """Every hour's probability of success, the nations' effort and value, the allocations."""
        return {
            "people": self.people,
            "survival_median_h": self.survival_median_h,
            "pos_by_hour": {
                allocation: [{"hour": h, **_estimate(e)} for h, e in enumerate(values, start=1)]
                for allocation, values in self.pos_by_hour.items()
            },
            "nations": [
                {
                    "nation": n.nation,
                    "units": list(n.units),
                    "effort_nm2": n.effort_nm2,
                    "effort_share_pct": n.effort_share_pct,
                    "value_pos": _estimate(n.value),
                    "pos_without": _estimate(n.pos_without),
                }
                for n in self.nations
            ],
            "allocations": [
                {
                    "allocation": allocation,
                    "planned_pod": self.planned_pod[allocation],
                    **{
                        metric.removeprefix("sar."): _estimate(estimate)
                        for metric, estimate in self.outcomes.get(allocation, {}).items()
                    },
                }
                for allocation in ALLOCATIONS
            ],
        }

    @property
    def hours(self) -> int:
        """Hours of the search."""
        return len(next(iter(self.pos_by_hour.values()), ()))

    def hours_shown(self) -> tuple[int, ...]:
        """Every hour of a short search; every third (and the last) of a long one."""
        hours = self.hours
        if hours <= HOURS_SHOWN:
            return tuple(range(1, hours + 1))
        return tuple(sorted({*range(3, hours + 1, 3), hours}))

    def tables(self) -> tuple[DetailTable, ...]:
        """The probability of success by hour; the nations' effort and value; the allocations."""
        runs = tuple(self.pos_by_hour)
        hours = DetailTable(
            "Probability of success by hour of the search",
            ("hour", *runs),
            tuple((str(h), *(_cell(self.pos_by_hour[r][h - 1]) for r in runs)) for h in self.hours_shown()),
            note="Found with someone alive by the end of that hour; mean and 95% interval over the "
            "replications." + (" Every third hour shown." if len(self.hours_shown()) < self.hours else ""),
        )
        nations = DetailTable(
            f"Search effort and value by nation ({runs[0]} allocation)",
            ("nation", "search units", "effort (NM²)", "share (%)", "probability added", "without it"),
            tuple(
                (
                    n.nation,
                    ", ".join(n.units),
                    format_number(n.effort_nm2),
                    format_number(n.effort_share_pct),
                    _cell(n.value),
                    _cell(n.pos_without),
                )
                for n in self.nations
            ),
            left_columns=2,
            note="Effort: sweep width x track length flown on scene. Probability added: the probability "
            "of success with every unit minus that of the search re-planned without the nation's units, "
            "on the same drift and survival draws.",
        )
        allocations = DetailTable(
            "Optimal allocation and even coverage",
            ("allocation", "planned to find", *(column for _, column in OUTCOMES)),
            tuple(
                (
                    allocation,
                    format_number(self.planned_pod[allocation]),
                    *(
                        _cell(self.outcomes[allocation][metric]) if allocation in self.outcomes else "not run"
                        for metric, _ in OUTCOMES
                    ),
                )
                for allocation in ALLOCATIONS
            ),
            note="Planned to find: the share of the planning cases the plan's tracks are expected to find "
            "(survival aside). Optimal: each block's effort where Stone's allocation puts it on the map "
            "after the search so far; uniform: spread evenly over the search area. --mode both runs both.",
        )
        return (hours, nations, allocations)


def sar_detail(
    compiled: SarVignette, runs: Mapping[str, RunTable], planned_pod: Mapping[str, float]
) -> SarDetail:
    """The detail of the runs (by allocation) of ``compiled`` (the first allocation's compiled search)."""
    scene = compiled.scene
    summaries = {allocation: table.summary() for allocation, table in runs.items()}
    first = next(iter(runs.values()))
    effort = compiled.effort_by_nation()
    total = sum(effort.values())
    nations = []
    for nation in scene.nations:
        without = first.columns["sar.pos"] - first.columns[f"sar.value_pos.{nation}"]
        nations.append(
            NationEffort(
                nation,
                tuple(u.id for u in scene.units if u.nation == nation),
                effort[nation],
                100 * effort[nation] / total if total > 0 else 0.0,
                summaries[next(iter(runs))][f"sar.value_pos.{nation}"],
                Estimate.of_metric("sar.pos", without),
            )
        )
    nations.sort(key=lambda n: -n.effort_nm2)
    return SarDetail(
        people=scene.people,
        survival_median_h=scene.survival_median_h,
        pos_by_hour={
            allocation: tuple(summary[f"sar.pos_h{h}"] for h in range(1, scene.hours + 1))
            for allocation, summary in summaries.items()
        },
        nations=tuple(nations),
        planned_pod=dict(planned_pod),
        outcomes={
            allocation: {metric: summary[metric] for metric, _ in OUTCOMES}
            for allocation, summary in summaries.items()
        },
    )
