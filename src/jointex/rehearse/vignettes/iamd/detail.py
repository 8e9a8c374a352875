"""What an IAMD rehearsal tells beyond its estimates: its costs, in the currency the vignette names."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jointex.model.metrics.display import MISSING, format_estimate_brief, format_number
from jointex.rehearse.engine import Estimate
from jointex.rehearse.vignettes.plugin import DetailTable


def _cell(e: Estimate) -> str:
    """An estimate with its 95% interval in one cell, rounded to what the interval supports."""
    return MISSING if e.n == 0 else format_estimate_brief(e.mean, e.ci_low, e.ci_high)


@dataclass(frozen=True)
class CostDetail:
    """The costs of an IAMD rehearsal (a `jointex.rehearse.vignettes.plugin.VignetteDetail`): interceptors
    fired and the cost-exchange ratio per mode run, beside the cost of the threats launched, all in the
    vignette's currency (``currency`` of its parameters, an ISO 4217 code)."""

    currency: str
    threats_launched_millions: float
    """Cost of every threat of the raid to the attacker, millions: the same in every replication."""
    interceptor_cost_millions: Mapping[str, Estimate]
    """Per mode run: rounds fired x cost per shot, millions."""
    cost_exchange_ratio: Mapping[str, Estimate]
    """Per mode run: interceptor cost / cost of the threats launched."""

    @property
    def unit(self) -> str:
        """The unit of the costs as a person reads it: ``USD million``."""
        return f"{self.currency} million"

    def to_dict(self) -> dict[str, Any]:
        """The currency and the cost of the threats launched (the interceptor cost and the cost-exchange
        ratio, with their intervals, are among each mode's metrics)."""
        return {
            "currency": self.currency,
            "cost_unit": self.unit,
            "threats_launched_cost_millions": self.threats_launched_millions,
        }

    def tables(self) -> tuple[DetailTable, ...]:
        """One row per mode run: interceptor cost, cost of the threats launched, cost-exchange ratio."""
        launched = format_number(self.threats_launched_millions)
        return (
            DetailTable(
                f"Costs ({self.unit})",
                ("air picture", "interceptors fired", "threats launched", "cost-exchange ratio"),
                tuple(
                    (mode, _cell(cost), launched, _cell(self.cost_exchange_ratio[mode]))
                    for mode, cost in self.interceptor_cost_millions.items()
                ),
                note=f"Mean and 95% interval over the replications, in {self.unit} as the vignette's "
                "cost_per_shot and threat class costs give them; the cost-exchange ratio is the "
                "interceptors' cost over the threats'.",
            ),
        )
