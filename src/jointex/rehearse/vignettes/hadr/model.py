"""The relief vignette as a plug-in: how jointex compiles, sums up, draws and exports a humanitarian
assistance and disaster relief (HADR) rehearsal. One way of running (no modes); the detail is the plan to
brief and the sites worst served; the report shows need met by day and the relief map; the exports are
the plan as CSV and GeoJSON for the coordination cell."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from jointex.model import Label
from jointex.model.hadr import HadrParameters
from jointex.model.vignette_kind import VignetteKind
from jointex.rehearse.engine import RunTable
from jointex.rehearse.vignettes.hadr.compile import HadrVignette
from jointex.rehearse.vignettes.hadr.detail import ReliefDetail
from jointex.rehearse.vignettes.hadr.scene import compile_scene
from jointex.rehearse.vignettes.hadr.summary import summarise_relief
from jointex.rehearse.vignettes.plugin import (
    SINGLE_RUN,
    CompiledVignette,
    Figure,
    Rehearsed,
    Setting,
    VignetteModel,
)

if TYPE_CHECKING:
    from jointex.render.maps.document import MapDocument
    from jointex.render.maps.style import Layout

PLAN_SEED = 0
"""Seed of the plan a map without a rehearsal draws (the plan of ``jointex simulate --seed 0``)."""

_SHOW_DAY = (
    "document.querySelectorAll('g.day').forEach(function (g) "
    "{ g.style.display = (g.id === 'day-' + this.value) ? '' : 'none'; }, this)"
)


def _day_choice(days: int) -> str:
    """The control that shows one day's trips of the map's SVG at a time."""
    options = "".join(f'<option value="{d}">{d}</option>' for d in range(1, days + 1))
    return f'<p>Day: <select id="day-choice" onchange="{_SHOW_DAY}">{options}</select></p>'


class HadrModel(VignetteModel):
    """Relief distribution: daily plans made with PyVRP, lived through with aftershocks, weather and
    breakdowns (docs/rehearsal.md)."""

    kind = VignetteKind.HADR
    title = "humanitarian assistance and disaster relief"
    exports_files = ("-plan.csv", "-plan.geojson")

    def compile(self, setting: Setting, mode: str) -> HadrVignette:
        """The scene's arrays (sites, sources, assets, roads). Raises `InputError` when an asset cannot
        load at any of its sources."""
        if mode != SINGLE_RUN:
            raise ValueError(f"a relief vignette has one way of running ({SINGLE_RUN!r}), not {mode!r}")
        return HadrVignette(compile_scene(setting.exercise, setting.vignette))

    def detail(
        self, setting: Setting, compiled: CompiledVignette, runs: Mapping[str, RunTable], seed: int
    ) -> ReliefDetail:
        """The plan to brief (``seed``'s first replication without disruptions) and the planners'
        summary of the run."""
        if not isinstance(compiled, HadrVignette):
            raise TypeError(
                f"a relief detail needs a compiled relief vignette, not {type(compiled).__name__}"
            )
        estimates = runs[SINGLE_RUN].summary()
        return ReliefDetail(
            compiled.scene, compiled.nominal_plans(seed), summarise_relief(compiled.scene, estimates)
        )

    def estimated(self, metric: str) -> bool:
        """Per-site and per-nation metrics (``hadr.need_met_pct.<site>``) live in the detail's tables of
        sites and nations (``--json`` keeps them all)."""
        return metric.count(".") <= 1

    def map(
        self, setting: Setting, label: Label, layout: Layout | None = None, rehearsed: Rehearsed | None = None
    ) -> MapDocument:
        """Sources, sites, roads and the trips of the plan without disruptions; after a rehearsal, sites
        coloured by their need met (without one, the plan of `PLAN_SEED`)."""
        from jointex.rehearse.vignettes.hadr.relief_map import relief_map
        from jointex.render.maps import style

        parameters = setting.vignette.parameters_as(HadrParameters)
        if rehearsed is None:
            relief = self.compile(setting, SINGLE_RUN)
            scene, plans, need_met = relief.scene, relief.nominal_plans(PLAN_SEED), None
        else:
            detail = self._detail_of(rehearsed)
            scene, plans, need_met = detail.scene, detail.plans, _need_met(rehearsed, detail)
        title = setting.vignette.name
        return relief_map(scene, plans, parameters, label, title, need_met, layout or style.SHEET)

    def figures(self, rehearsed: Rehearsed, label: Label) -> Sequence[Figure]:
        """Need met by day (mean, 95% interval and the objective's target), then the relief map with the
        day to show and the sites coloured by need met."""
        from jointex.render.charts import interval_line
        from jointex.render.maps import style

        detail = self._detail_of(rehearsed)
        days = detail.scene.days
        target = next((t for m, t in rehearsed.targets.items() if m.startswith("hadr.need_met_day")), None)
        chart = interval_line(
            "Share of the day's need met (mean, 95% CI)",
            [f"day {d + 1}" for d in range(days)],
            [(e.mean, e.ci_low, e.ci_high) for e in detail.summary.need_met_by_day],
            "% of need",
            float(target) if target is not None else None,
        )
        drawn = self.map(rehearsed.setting, label, style.REPORT_TALL, rehearsed).svg_element()
        return (
            Figure("Need met by day", f'<img src="{chart}" alt="Share of need met by day">'),
            Figure(
                "Routes of the plan (no disruptions)",
                _day_choice(days) + drawn,
                "Trips coloured by nation, trucks along the roads they use; sites sized by the people in "
                "need, red to green by the need met over the rehearsal; squares: supply sources.",
            ),
        )

    def exports(self, rehearsed: Rehearsed, label: Label) -> Mapping[str, str]:
        """The plan without disruptions as ``-plan.csv`` (one row per delivery) and ``-plan.geojson``
        (sources, sites and each trip's path), both marked with ``label``."""
        from jointex.rehearse.vignettes.hadr.plan_files import plan_csv, plan_geojson

        detail = self._detail_of(rehearsed)
        geojson = plan_geojson(detail.scene, detail.plans, label)
        return {
            "-plan.csv": plan_csv(detail.scene, detail.plans, label),
            "-plan.geojson": json.dumps(geojson) + "\n",
        }

    def _detail_of(self, rehearsed: Rehearsed) -> ReliefDetail:
        """The rehearsal's detail, or (when the caller kept none) the same detail made again."""
        if isinstance(rehearsed.detail, ReliefDetail):
            return rehearsed.detail
        compiled = self.compile(rehearsed.setting, SINGLE_RUN)
        return self.detail(rehearsed.setting, compiled, rehearsed.runs, rehearsed.seed)


def _need_met(rehearsed: Rehearsed, detail: ReliefDetail) -> list[float]:
    """Each site's mean share of its need met over the rehearsal, in the scene's order of sites."""
    estimates = rehearsed.runs[SINGLE_RUN].summary()
    return [estimates[f"hadr.need_met_pct.{site}"].mean for site in detail.scene.site_ids]


VIGNETTE = HadrModel()
