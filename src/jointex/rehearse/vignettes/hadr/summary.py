"""What a relief rehearsal tells the planners, from the run's estimates: need met by day, the sites worst
served, and each nation's share of the deliveries. Data for the terminal, the JSON and the HTML."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from jointex.model.metrics.display import plural
from jointex.rehearse.engine import Estimate
from jointex.rehearse.vignettes.hadr.scene import HadrScene

WORST_SITES_SHOWN = 12
"""How many sites a report lists before it folds the rest away (HTML) or sums them up in a line."""


@dataclass(frozen=True)
class SiteWait:
    site: str
    name: str
    population: int
    first_delivery_h: Estimate
    need_met_pct: Estimate


@dataclass(frozen=True)
class NationShare:
    nation: str
    delivery_share_pct: Estimate
    delivered_t: Estimate
    sorties: Estimate
    tonne_km: Estimate
    cost_usd: Estimate


@dataclass(frozen=True)
class ReliefSummary:
    need_met_by_day: tuple[Estimate, ...]
    """Share of the day's need met, day 1 first (need-weighted over sites), percent."""
    sites: tuple[SiteWait, ...]
    """Every site, worst served first: least need met over the rehearsal, then longest wait."""
    nations: tuple[NationShare, ...]

    def rest_of_sites(self, shown: int) -> str:
        """The line that stands for the sites after the first ``shown``: ``… and 135 more sites, each
        with at least 62% of its need met``; empty when every site is shown."""
        rest = self.sites[shown:]
        if not rest:
            return ""
        lowest = min(w.need_met_pct.mean for w in rest)
        if math.isnan(lowest):
            return f"… and {plural(len(rest), 'more site')}."
        if lowest >= 100:
            return f"… and {plural(len(rest), 'more site')}, each with all of its need met."
        return (
            f"… and {plural(len(rest), 'more site')}, each with at least {math.floor(lowest):d}% of "
            "its need met."
        )

    def to_dict(self) -> dict[str, Any]:
        def e(x: Estimate) -> dict[str, float]:
            return {"mean": round(x.mean, 4), "ci_low": round(x.ci_low, 4), "ci_high": round(x.ci_high, 4)}

        return {
            "need_met_by_day_pct": [e(x) for x in self.need_met_by_day],
            "sites": [
                {
                    "site": w.site,
                    "name": w.name,
                    "population": w.population,
                    "first_delivery_h": e(w.first_delivery_h),
                    "need_met_pct": e(w.need_met_pct),
                }
                for w in self.sites
            ],
            "nations": [
                {
                    "nation": n.nation,
                    "delivery_share_pct": e(n.delivery_share_pct),
                    "delivered_t": e(n.delivered_t),
                    "sorties": e(n.sorties),
                    "tonne_km": e(n.tonne_km),
                    "cost_usd": e(n.cost_usd),
                }
                for n in self.nations
            ],
        }


def summarise_relief(scene: HadrScene, estimates: dict[str, Estimate]) -> ReliefSummary:
    """The planners' view of a relief run, its sites worst served first."""
    days = tuple(estimates[f"hadr.need_met_day{d}_pct"] for d in range(1, scene.days + 1))
    waits = [
        SiteWait(
            site,
            scene.site_names[i],
            int(scene.population[i]),
            estimates[f"hadr.time_to_first_delivery_h.{site}"],
            estimates[f"hadr.need_met_pct.{site}"],
        )
        for i, site in enumerate(scene.site_ids)
    ]
    waits.sort(key=lambda w: (w.need_met_pct.mean, -w.first_delivery_h.mean, w.site))
    nations = [
        NationShare(
            nation,
            delivery_share_pct=estimates[f"hadr.delivery_share_pct.{nation}"],
            delivered_t=estimates[f"hadr.delivered_t.{nation}"],
            sorties=estimates[f"hadr.sorties.{nation}"],
            tonne_km=estimates[f"hadr.tonne_km.{nation}"],
            cost_usd=estimates[f"hadr.cost_usd.{nation}"],
        )
        for nation in scene.nations
    ]
    nations.sort(key=lambda n: (-n.delivery_share_pct.mean, n.nation))
    return ReliefSummary(days, tuple(waits), tuple(nations))
