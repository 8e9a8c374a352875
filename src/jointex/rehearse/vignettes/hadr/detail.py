"""What a relief rehearsal tells beyond its estimates: the scene, the plan to brief (the daily plans
without disruptions) and the planners' summary (need met by day, sites worst served first, nations'
deliveries), as data for ``--json`` and as tables for the terminal and the HTML report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jointex.model.metrics.display import format_estimate_brief, plural
from jointex.rehearse.engine import Estimate
from jointex.rehearse.vignettes.hadr.plan import DayPlan
from jointex.rehearse.vignettes.hadr.scene import HadrScene
from jointex.rehearse.vignettes.hadr.summary import WORST_SITES_SHOWN, ReliefSummary
from jointex.rehearse.vignettes.plugin import DetailTable


def _cell(e: Estimate) -> str:
    """An estimate with its 95% interval in one cell, rounded to what the interval supports."""
    return "n/a" if e.n == 0 else format_estimate_brief(e.mean, e.ci_low, e.ci_high)


@dataclass(frozen=True)
class ReliefDetail:
    """The detail of a relief rehearsal (a `jointex.rehearse.vignettes.plugin.VignetteDetail`)."""

    scene: HadrScene
    plans: tuple[DayPlan, ...]
    """The daily plans without disruptions (the seed's first replication): the plan to brief and export."""
    summary: ReliefSummary

    def to_dict(self) -> dict[str, Any]:
        """Need met by day, every site worst first and each nation's deliveries, with their intervals."""
        return self.summary.to_dict()

    def tables(self) -> tuple[DetailTable, ...]:
        """Need met by day; the sites worst served first (the first `WORST_SITES_SHOWN` shown, the rest
        folded away or summed up in a line); the deliveries by nation, largest share first."""
        summary = self.summary
        days = DetailTable(
            "Share of the day's need met (%)",
            tuple(f"day {d}" for d in range(1, len(summary.need_met_by_day) + 1)),
            (tuple(_cell(e) for e in summary.need_met_by_day),),
            left_columns=0,
        )
        shown = min(WORST_SITES_SHOWN, len(summary.sites))
        sites = DetailTable(
            f"Sites by need met, worst first ({shown} of {plural(len(summary.sites), 'site')})",
            ("site", "id", "people in need", "need met (%)", "first delivery (h)"),
            tuple(
                (w.name, w.site, f"{w.population:,}", _cell(w.need_met_pct), _cell(w.first_delivery_h))
                for w in summary.sites
            ),
            left_columns=2,
            shown=WORST_SITES_SHOWN,
            rest_note=summary.rest_of_sites(WORST_SITES_SHOWN),
            note="Need met: the share of a site's need delivered over the run, by its scarcest commodity; "
            "first delivery: hours from the start of day 1's working day (never: the end of the run).",
        )
        nations = DetailTable(
            "Deliveries by nation",
            ("nation", "share (%)", "delivered (t)", "trips", "tonne-km", "cost (USD)"),
            tuple(
                (
                    n.nation,
                    _cell(n.delivery_share_pct),
                    _cell(n.delivered_t),
                    _cell(n.sorties),
                    _cell(n.tonne_km),
                    _cell(n.cost_usd),
                )
                for n in summary.nations
            ),
        )
        return (days, sites, nations)
